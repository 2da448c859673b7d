import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads a corpus: expands folders, pairs KOOP metadata files with their documents, reads every
/// file (concurrently) and accounts for every input file in a `RunReport`.
package struct CorpusLoader: Sendable {
  /// The reader used for every file.
  package var reader: DocumentReader

  /// A loader that reads with `reader`.
  package init(reader: DocumentReader = .init()) { self.reader = reader }

  /// Expands folders recursively (sorted, symlink loops detected, hidden files skipped) and pairs
  /// metadata with documents (`X.xml` + `X.metadata.xml`, or `X/metadata.xml`): what to read, and
  /// the paths that are skipped or failed before reading. Deterministic whatever the input order.
  package func plan(paths: [String]) -> InputPlan {
    var outcomes: [FileOutcome] = []
    var files: [String] = []
    var seen: Set<String> = []
    for path in paths {
      expand(path, explicit: true, into: &files, outcomes: &outcomes, visited: [])
    }
    // A file listed twice (given twice, or inside two given folders) is read and reported once.
    let unique = files.filter { seen.insert($0).inserted }.sorted()
    // Document -> its metadata file; when two claim one document, the first (sorted) wins and the
    // other is read on its own.
    var metadataOf: [String: String] = [:]
    for (meta, doc) in Self.pairMetadata(unique).sorted(by: { $0.key < $1.key }) where metadataOf[doc] == nil {
      metadataOf[doc] = meta
    }
    let companions = Set(metadataOf.values)
    let units = unique.filter { !companions.contains($0) }.map {
      InputUnit(primary: $0, companions: metadataOf[$0].map { [$0] } ?? [])
    }
    var seenOutcome: Set<String> = []
    return InputPlan(units: units, outcomes: outcomes.filter { seenOutcome.insert($0.path).inserted }.sorted())
  }

  /// Plans `paths`, reads every unit (concurrently) and reports each file as read, skipped (why)
  /// or failed (why). The documents come back sorted by path, whatever the input order and thread timing.
  package func load(paths: [String]) -> (documents: [Document], report: RunReport) {
    let plan = plan(paths: paths)
    let units = plan.units
    let results = Mutex<[(Document?, [FileOutcome])?]>(Array(repeating: nil, count: units.count))
    let reader = self.reader
    DispatchQueue.concurrentPerform(iterations: units.count) { i in
      let result = reader.read(unit: units[i])
      results.withLock { $0[i] = result }
    }
    var documents: [Document] = []
    var outcomes = plan.outcomes
    for result in results.withLock({ $0 }) {
      guard let (document, fileOutcomes) = result else { continue }
      if let document { documents.append(document) }
      outcomes += fileOutcomes
    }
    documents.sort { $0.path < $1.path }
    return (documents, RunReport(files: outcomes.sorted()))
  }

  static func outcome(for error: DocumentError, path: String) -> FileOutcome {
    FileOutcome(path: path, status: error.isSkip ? .skipped : .failed, reason: error.reason)
  }

  /// Metadata file -> document file, for `X.metadata.xml` next to `X.xml` (or `X.html`, ...) and
  /// `X/metadata.xml` with `X.xml` next to the folder or `X/X.xml` inside it.
  static func pairMetadata(_ files: [String]) -> [String: String] {
    let set = Set(files)
    var pairs: [String: String] = [:]
    let documentExtensions = [".xml", ".html", ".htm", ".odt", ".docx", ".txt", ".pdf", ".doc"]
    for path in files {
      if path.hasSuffix(".metadata.xml") {
        let stem = String(path.dropLast(".metadata.xml".count))
        if let doc = documentExtensions.map({ stem + $0 }).first(where: set.contains) { pairs[path] = doc }
      } else if path == "metadata.xml" || path.hasSuffix("/metadata.xml") {
        let dir = String(path.dropLast("metadata.xml".count)).trimmingCharacters("/")
        let prefix = path.hasPrefix("/") ? "/" : ""
        let folder = prefix + dir
        let base = folder.split(separator: "/").last.map(String.init) ?? folder
        var candidates = documentExtensions.map { folder + $0 }
        candidates += documentExtensions.map { folder + "/" + base + $0 }
        if let doc = candidates.first(where: set.contains) {
          pairs[path] = doc
        } else {
          let siblings = files.filter { $0 != path && $0.hasPrefix(folder + "/") && !$0.dropFirst(folder.count + 1).contains("/") }
          if siblings.count == 1 { pairs[path] = siblings[0] }
        }
      }
    }
    return pairs
  }

  /// Where `d_name` starts in a `dirent` record.
  private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

  /// Adds `path` (a file) or the files below it (a folder) to `files`.
  private func expand(
    _ path: String, explicit: Bool, into files: inout [String], outcomes: inout [FileOutcome], visited: Set<String>
  ) {
    var st = stat()
    let system = FileName.systemPath(path)
    guard lstat(system, &st) == 0 else {
      outcomes.append(FileOutcome(path: path, status: .failed, reason: "does not exist"))
      return
    }
    var isDir = (st.st_mode & S_IFMT) == S_IFDIR
    if (st.st_mode & S_IFMT) == S_IFLNK {
      var target = stat()
      if stat(system, &target) == 0 { isDir = (target.st_mode & S_IFMT) == S_IFDIR } else { isDir = false }
    }
    guard isDir else {
      files.append(path)
      return
    }
    guard let real = realpath(system, nil) else {
      outcomes.append(FileOutcome(path: path, status: .failed, reason: "cannot be resolved: \(String(cString: strerror(errno)))"))
      return
    }
    let canonical = String(cString: real)
    free(real)
    if visited.contains(canonical) {
      outcomes.append(
        FileOutcome(path: path, status: .skipped, reason: "symbolic link loop: it leads back to \(canonical), already being read"))
      return
    }
    guard let dir = opendir(system) else {
      outcomes.append(FileOutcome(path: path, status: .failed, reason: "folder cannot be listed: \(String(cString: strerror(errno)))"))
      return
    }
    var names: [String] = []
    while let entry = readdir(dir) {
      // The record readdir returns can be shorter than `dirent` (its d_reclen), so d_name is read
      // up to its NUL in place: copying the whole 256-byte field can run past the end of the
      // mapped buffer (a crash on a folder of 10,000+ entries).
      let raw = UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: UInt8.self)
      let name = FileName.fromSystem(UnsafeBufferPointer(start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))))
      if name == "." || name == ".." || name.hasPrefix(".") { continue }
      names.append(name)
    }
    closedir(dir)
    names.sort()
    var inner = visited
    inner.insert(canonical)
    let base = path.hasSuffix("/") ? path : path + "/"
    for name in names { expand(base + name, explicit: false, into: &files, outcomes: &outcomes, visited: inner) }
  }
}
