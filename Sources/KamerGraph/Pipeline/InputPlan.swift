import Foundation

/// The files that make one document: a primary file and, for KOOP XML, its metadata file.
public struct InputUnit: Sendable, Hashable, Comparable {
  /// The document file (`X.xml`), or a metadata file that has no document beside it.
  public var primary: String
  /// Files read together with the primary one (`X.metadata.xml`, `X/metadata.xml`).
  public var companions: [String]

  public init(primary: String, companions: [String] = []) {
    self.primary = primary
    self.companions = companions
  }

  /// Every file of the unit, primary first.
  public var files: [String] { [primary] + companions }

  public static func < (lhs: InputUnit, rhs: InputUnit) -> Bool { lhs.primary < rhs.primary }
}

/// What to read: the units, and the files that are skipped or failed before reading (with why).
public struct InputPlan: Sendable, Hashable {
  public var units: [InputUnit]
  public var outcomes: [FileOutcome]
}

/// Expands the paths a user gives into input units, deterministically (sorted), accounting for
/// every file it passes over.
public enum InputPlanner {
  /// File names that describe a corpus rather than belong to it.
  static func isDocumentation(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.hasPrefix("readme") || lower.hasPrefix("license") || lower.hasPrefix("licence")
      || lower.hasSuffix(".md") || lower == "kamergraph.sqlite" || lower.hasSuffix(".sqlite")
      || lower.hasSuffix(".sqlite-wal") || lower.hasSuffix(".sqlite-shm")
  }

  /// True for a KOOP metadata file name (`X.metadata.xml`, `metadata.xml`).
  static func isMetadataName(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower == "metadata.xml" || lower.hasSuffix(".metadata.xml")
  }

  /// Expands files and folders (recursively) into units.
  public static func plan(paths: [String]) -> InputPlan {
    var files: [String] = []
    var outcomes: [FileOutcome] = []
    let fm = FileManager.default
    for path in paths {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
        let dangling = (try? fm.destinationOfSymbolicLink(atPath: path)) != nil
        outcomes.append(
          FileOutcome(
            path: path, status: .failed,
            reason: dangling ? "it is a symbolic link to a file that does not exist" : "no such file or folder"))
        continue
      }
      if isDir.boolValue {
        var visited = Set<String>()
        walk(path, visited: &visited, files: &files, outcomes: &outcomes, explicit: true)
      } else {
        files.append(path)
      }
    }
    var seen = Set<String>()
    files = files.filter { seen.insert($0).inserted }
    return pair(files.sorted(), outcomes: outcomes)
  }

  private static func walk(
    _ dir: String, visited: inout Set<String>, files: inout [String], outcomes: inout [FileOutcome], explicit: Bool
  ) {
    let fm = FileManager.default
    let real = (try? fm.destinationOfSymbolicLink(atPath: dir)).map { _ in URL(fileURLWithPath: dir).resolvingSymlinksInPath().path }
      ?? URL(fileURLWithPath: dir).standardizedFileURL.resolvingSymlinksInPath().path
    guard visited.insert(real).inserted else {
      outcomes.append(
        FileOutcome(path: dir, status: .skipped, reason: "a symbolic link back to a folder already read (a loop); not read twice"))
      return
    }
    let entries: [String]
    do {
      entries = try fm.contentsOfDirectory(atPath: dir).sorted()
    } catch {
      outcomes.append(FileOutcome(path: dir, status: .failed, reason: "the folder cannot be listed (\(error.localizedDescription))"))
      return
    }
    for entry in entries {
      let path = dir.hasSuffix("/") ? dir + entry : dir + "/" + entry
      if entry.hasPrefix(".") {
        continue  // hidden files and folders (.git, .DS_Store) are not part of a corpus
      }
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
        outcomes.append(FileOutcome(path: path, status: .failed, reason: "it is a symbolic link to a file that does not exist"))
        continue
      }
      if isDir.boolValue {
        walk(path, visited: &visited, files: &files, outcomes: &outcomes, explicit: false)
      } else if isDocumentation(entry) {
        outcomes.append(FileOutcome(path: path, status: .skipped, reason: "documentation or index file, not a corpus document"))
      } else {
        files.append(path)
      }
    }
  }

  /// Pairs metadata files with their documents: `X.metadata.xml` with `X.xml`, and
  /// `X/metadata.xml` with `X.xml`; a folder's `metadata.xml` with the only other XML in it.
  static func pair(_ files: [String], outcomes: [FileOutcome]) -> InputPlan {
    let set = Set(files)
    var companionsOf: [String: [String]] = [:]
    var used = Set<String>()
    // String path operations: URL(fileURLWithPath:) would make relative paths absolute.
    func parent(_ p: String) -> String { (p as NSString).deletingLastPathComponent }
    func baseName(_ p: String) -> String { (p as NSString).lastPathComponent }
    for file in files {
      let name = baseName(file)
      guard isMetadataName(name) else { continue }
      let dir = parent(file)
      var candidates: [String] = []
      if name.lowercased() == "metadata.xml" {
        // X/metadata.xml -> X.xml beside the folder, or the single other .xml inside it.
        candidates.append(dir + ".xml")
        let siblings = files.filter {
          parent($0) == dir && $0 != file && $0.lowercased().hasSuffix(".xml") && !isMetadataName(baseName($0))
        }
        if siblings.count == 1 { candidates.append(siblings[0]) }
      } else {
        let stem = String(name.dropLast(".metadata.xml".count))
        let prefix = dir.isEmpty ? "" : dir + "/"
        candidates.append(prefix + stem + ".xml")
        candidates.append(prefix + stem + ".html")
      }
      if let doc = candidates.first(where: { set.contains($0) }) {
        companionsOf[doc, default: []].append(file)
        used.insert(file)
      }
    }
    let units = files.filter { !used.contains($0) }.map {
      InputUnit(primary: $0, companions: (companionsOf[$0] ?? []).sorted())
    }
    return InputPlan(units: units.sorted(), outcomes: outcomes.sorted())
  }
}
