import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Options of a build.
public struct BuildOptions: Sendable {
  /// How many files are read and extracted at once; the result is the same for any value.
  public var threads: Int
  /// Called as the stages of a build go (reading, resolving, writing the index, each format, the
  /// picture), from any thread; see `BuildProgress`.
  public var progress: (@Sendable (BuildProgress) -> Void)?
  /// At most this many mentions are kept per document (the first ones); a note says so.
  public var maxMentionsPerDocument: Int
  /// Appended to the note of a document whose mentions were cut at the limit: how the caller
  /// raises it (the CLI names its option); empty by default.
  public var mentionLimitHint = ""
  /// When false, `BuildResult.documents` comes back empty and the documents (with their texts)
  /// are let go as soon as the graph is resolved and they are stored: a caller that only needs
  /// the graph keeps memory down on large corpora. The graph and the index are the same.
  public var keepsDocuments = true
  public init(
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: (@Sendable (BuildProgress) -> Void)? = nil,
    maxMentionsPerDocument: Int = 1_000_000
  ) {
    self.threads = max(1, threads)
    self.progress = progress
    self.maxMentionsPerDocument = max(1, maxMentionsPerDocument)
  }

  /// A file modified less than this many seconds before a build is hashed again next time even
  /// when its stamp is unchanged (see `FileStamp.of(_:racyAfter:)`); tests set 0.
  var racyMargin: Double = 2

  /// The `ExtractionVersion` the cached extractions must have been made with; tests change it.
  var extractionVersion = ExtractionVersion.current

  /// Appended to content hashes in the index (and to stamps): a document extracted by another
  /// version of the readers and recognizers, or under another mention limit, is not the same
  /// cache entry, so an upgraded KamerGraph reads every file again.
  var cacheKeySuffix: String {
    "@" + extractionVersion + (maxMentionsPerDocument == 1_000_000 ? "" : "-m\(maxMentionsPerDocument)")
  }
}

/// Everything a build produced: the graph, the account of every input file, and the documents
/// with their mentions.
package struct BuildResult: Sendable {
  package var resolution: Resolution
  package var report: RunReport
  package var documents: [ExtractedDocument]
  /// Files whose cached extraction was reused from the index.
  package var reused: Int
  /// `GraphIndex.sums(of: graph)`, when the build computed them.
  var sums: GraphIndex.GraphSums?
  /// True when the build found the graph the index holds (see `buildIfGraphUnchanged`): then
  /// `resolution` is empty, the graph was neither resolved nor stored, and `documents` is empty.
  package var graphUnchanged = false
  package var graph: CitationGraph { resolution.graph }

  /// True when `file` is one of `paths` or inside one of them.
  package static func file(_ file: String, isInside paths: [String]) -> Bool {
    paths.contains { file == $0 || file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
  }

  /// The part of this build that comes from files under `paths`, resolved on its own.
  package func restricted(to paths: [String]) -> BuildResult {
    func inside(_ file: String) -> Bool { Self.file(file, isInside: paths) }
    let docs = documents.filter { inside($0.document.path) }
    return BuildResult(
      resolution: Resolver().resolve(docs), report: RunReport(files: report.files.filter { inside($0.path) }),
      documents: docs, reused: docs.count)
  }
}

/// The whole flow: plan the input files, read and extract each document (or reuse the index's
/// copy when its files did not change), resolve everything into one graph, and update the index.
package struct BuildPipeline: Sendable {
  package var reader: DocumentReader
  package var extractor: Extractor
  package var options: BuildOptions

  package init(reader: DocumentReader = DocumentReader(), extractor: Extractor = Extractor(), options: BuildOptions = BuildOptions()) {
    self.reader = reader
    self.extractor = extractor
    self.options = options
  }

  /// Reads `paths` (files and folders), extracts and resolves. With an index, unchanged files
  /// are not read again (a file whose `FileStamp` is the one the last build recorded is not even
  /// hashed), removed files leave the index, and the index is updated in one transaction that
  /// also records every input unit with its stamp (see `isUpToDate`). The index writes the files
  /// while the graph is being resolved.
  package func build(paths: [String], index: GraphIndex? = nil) throws(IndexError) -> BuildResult {
    try build(CorpusLoader(reader: reader).plan(paths: paths), index: index)
  }

  /// `build(paths:index:)` on planned inputs (the folders are not walked again).
  package func build(_ plan: InputPlan, index: GraphIndex? = nil) throws(IndexError) -> BuildResult {
    let (result, committing) = try start(plan, index: index, clock: StageClock())
    try committing.wait()
    return result
  }

  /// `build(_:index:)` up to the index's commit, which goes on on a thread of its own (storing the
  /// graph takes as long as writing the graph files, which the caller can do meanwhile). The caller
  /// must call `committing.wait()` before it ends, whatever else happens: only then is the index
  /// written (or its error known). The stages are measured by `clock`.
  func start(_ plan: InputPlan, index: GraphIndex?, clock: StageClock) throws(IndexError)
    -> (result: BuildResult, committing: IndexCommit)
  {
    let units = plan.units
    var outcomes = plan.outcomes
    var results = [UnitResult?](repeating: nil, count: units.count)
    let reader = self.reader
    let extractor = self.extractor
    let options = self.options
    let progress = options.progress
    let done = Mutex(0)
    // What the last build recorded: a unit whose files have the same stamps is not hashed again.
    let known = try clock.measure("reading the last build's inputs") { () throws(IndexError) in try index?.inputs() ?? [:] }
    let racyAfter = FileStamp.now(minus: options.racyMargin)
    // The index stores the changed files as they are read, in unit order, and then the graph,
    // in one transaction on a thread of its own (see `FileStream` and `HandOver`).
    let handOver = HandOver()
    let stream = index.map { FileStream(units: units.count, indexPath: $0.path) }
    var committing = IndexCommit.none
    if let index, let stream {
      committing = IndexCommit { () throws(IndexError) in
        var storing: ((Int, Int) -> Void)? = nil
        if let progress {
          storing = { done, total in progress(BuildProgress(stage: .writingIndex, done: done, total: total)) }
        }
        try clock.measure(BuildTimings.indexCommit, beside: true) { () throws(IndexError) in
          try index.commit(
            nextFile: stream.take, rest: stream.remaining, graph: handOver.wait, progress: storing, clock: clock)
          try index.setIdentityConflicts(handOver.conflicts)
        }
      }
    }
    clock.measure("reading and extracting") {
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      let work: @Sendable (Int) -> Void = { i in
        var r = Self.process(
          units[i], reader: reader, extractor: extractor, index: index, options: options, known: known[units[i].primary],
          racyAfter: racyAfter)
        if let stream {
          // The index gets the document with its text, packed here; the resolver's copy goes without.
          var file: GraphIndex.PackedFile? = nil
          if let doc = r.document, !r.cached, let hash = r.hash {
            file = GraphIndex.PackedFile(
              IndexedFile(path: doc.document.path, contentHash: hash, document: doc.document, mentions: doc.mentions))
          }
          stream.give(i, file)
        }
        r.prepareForResolving(keepingText: options.keepsDocuments)
        out[i] = r
        if let progress {
          progress(BuildProgress(stage: .reading, done: done.withLock { $0 += 1; return $0 }, total: units.count))
        }
      }
      if options.threads == 1 {
        for i in units.indices { work(i) }
      } else {
        DispatchQueue.concurrentPerform(iterations: units.count, execute: work)
      }
    }
    }
    let collecting = StageClock.now()
    var extracted: [ExtractedDocument] = []
    var inputs: [IndexedInput] = []
    var reused = 0
    for (unit, r) in zip(units, results.map({ $0! })) {
      outcomes.append(contentsOf: r.outcomes)
      if index != nil, !r.outcomes.contains(where: { $0.status == .failed }) {
        inputs.append(IndexedInput(path: unit.primary, stamp: r.stamp ?? "", contentHash: r.hash))
      }
      guard let doc = r.document else { continue }
      extracted.append(doc)
      if r.cached { reused += 1 }
    }
    results = []  // `extracted` holds the documents now; nothing else may keep them
    clock.record("collecting the documents", since: collecting)
    let resolution: Resolution
    var sums: GraphIndex.GraphSums?
    if let index, let stream {
      let current = Set(extracted.map(\.document.path))
      do throws(IndexError) {
        let removed = try clock.measure("listing the indexed files") { () throws(IndexError) in
          try index.indexedPaths().filter { !current.contains($0) }
        }
        stream.finish(removedPaths: removed, inputs: inputs)
      } catch {
        // Nothing is written: the commit fails, and the index stays as it was.
        stream.abandon()
        try? committing.wait()
        throw error
      }
      // The index writes the last files while the graph is resolved on this thread; the graph
      // follows in the same transaction.
      resolution = clock.measure("resolving") { resolve(&extracted) }
      // Once for the index's fingerprint and the graph files'.
      sums = clock.measure("fingerprint of the nodes and edges") { GraphIndex.sums(of: resolution.graph) }
      handOver.give(resolution, sums: sums, releasing: !options.keepsDocuments)
    } else {
      resolution = clock.measure("resolving") { resolve(&extracted) }
    }
    var report = RunReport(files: outcomes.sorted())
    report.files.sort()
    var result = BuildResult(resolution: resolution, report: report, documents: extracted, reused: reused)
    result.sums = sums
    return (result, committing)
  }

  /// A build that needs no resolving: when every input unit of the index's last build is there
  /// again (no new, removed or failed unit), and each one whose stamp changed either has the same
  /// content or is extracted (read again) into exactly the document and mentions the index holds
  /// for it, the resolver's input is the one of the stored graph, so the graph is that graph.
  /// Then only the changed files' rows and the stamps are stored (`GraphIndex.commitFiles`), and
  /// the result has `graphUnchanged` and the report of every file (the unchanged ones from the
  /// index, without decoding their documents). Nil when that does not hold (nothing is written;
  /// the caller builds as usual) or the index holds no graph.
  package func buildIfGraphUnchanged(_ plan: InputPlan, index: GraphIndex) throws(IndexError) -> BuildResult? {
    guard !plan.outcomes.contains(where: { $0.status == .failed }), try index.graphFingerprint() != nil else { return nil }
    let known = try index.inputs()
    let units = plan.units
    guard known.count == units.count, units.allSatisfy({ known[$0.primary]?.contentHash != nil }) else { return nil }
    let reader = self.reader
    let extractor = self.extractor
    let options = self.options
    let racyAfter = FileStamp.now(minus: options.racyMargin)
    // nil: the unit's stamp is the recorded one; otherwise what processing it gave.
    var results = [UnitResult?](repeating: nil, count: units.count)
    let different = Mutex(false)
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: units.count) { i in
        guard !different.withLock({ $0 }) else { return }
        let unit = units[i]
        let recorded = known[unit.primary]!
        if let stamp = FileStamp.of(unit.files, racyAfter: racyAfter).map({ $0 + options.cacheKeySuffix }),
          stamp == recorded.stamp
        {
          return
        }
        let r = Self.process(
          unit, reader: reader, extractor: extractor, index: index, options: options, known: recorded, racyAfter: racyAfter)
        out[i] = r
        guard !r.outcomes.contains(where: { $0.status == .failed }), let doc = r.document, r.hash != nil else {
          return different.withLock { $0 = true }
        }
        if r.cached { return }
        guard let stored = try? index.storedFile(path: doc.document.path),
          (try? Self.sameResolverInput(stored, doc, index: index)) == true
        else { return different.withLock { $0 = true } }
      }
    }
    if different.withLock({ $0 }) { return nil }
    var stable = Set<String>()
    for (unit, r) in zip(units, results) where r == nil { stable.insert(unit.primary) }
    let stored = try index.storedOutcomes(stable)
    var outcomes = plan.outcomes
    var changed: [IndexedFile] = []
    var inputs: [IndexedInput] = []
    var reused = 0
    for (unit, r) in zip(units, results) {
      guard let r else {
        guard let (format, notes) = stored[unit.primary] else {
          // No document row (a unit that was skipped, not read): its account is read again.
          let again = Self.process(
            unit, reader: reader, extractor: extractor, index: index, options: options, known: known[unit.primary],
            racyAfter: racyAfter)
          guard again.document == nil, !again.outcomes.contains(where: { $0.status == .failed }) else { return nil }
          outcomes += again.outcomes
          inputs.append(known[unit.primary]!)
          continue
        }
        var document = Document(path: unit.primary, format: format, text: "")
        document.notes = notes
        outcomes += Self.outcomes(for: unit, document: document, notes: ["unchanged since the last build"])
        inputs.append(known[unit.primary]!)
        reused += 1
        continue
      }
      outcomes.append(contentsOf: r.outcomes)
      inputs.append(IndexedInput(path: unit.primary, stamp: r.stamp ?? "", contentHash: r.hash))
      if r.cached {
        reused += 1
      } else if let doc = r.document, let hash = r.hash {
        changed.append(IndexedFile(path: doc.document.path, contentHash: hash, document: doc.document, mentions: doc.mentions))
      }
    }
    results = []
    try index.commitFiles(changed, inputs: inputs)
    var report = RunReport(files: outcomes.sorted())
    report.files.sort()
    var result = BuildResult(
      resolution: Resolution(graph: CitationGraph(), conflicts: []), report: report, documents: [], reused: reused)
    result.graphUnchanged = true
    return result
  }

  /// True when the resolver would take `fresh` exactly as `stored`, the extraction the index
  /// holds for the same file: the same document and mentions, or the same but for bytes added to
  /// or taken from the end of a text (a newline at the end of a .txt), neither text empty. The
  /// resolver reads a text only before mention and footnote positions, which are the same (and
  /// within the shorter text: they were found in both), and compares whole texts
  /// only between documents that claim one id; so the second case also needs the document to be
  /// the only file of its node, named in no identity conflict.
  static func sameResolverInput(_ stored: IndexedFile, _ fresh: ExtractedDocument, index: GraphIndex) throws(IndexError) -> Bool {
    guard stored.mentions == fresh.mentions else { return false }
    if stored.document.text == fresh.document.text { return stored.document == fresh.document }
    let (old, new) = (stored.document.text.utf8, fresh.document.text.utf8)
    guard !old.isEmpty, !new.isEmpty, old.count < new.count ? new.starts(with: old) : old.starts(with: new) else {
      return false
    }
    var a = stored.document
    var b = fresh.document
    a.text = ""
    b.text = ""
    guard a == b else { return false }
    return try index.isSoleDocument(path: stored.path)
  }

  /// The resolution of `documents`, reported as the stage `resolving` (it has no steps to count).
  /// Unless `keepsDocuments`, the documents are handed to the resolver (`documents` is left
  /// empty), whose graph then takes their mentions without a copy.
  private func resolve(_ documents: inout [ExtractedDocument]) -> Resolution {
    options.progress?(BuildProgress(stage: .resolving, done: 0, total: 1))
    defer { options.progress?(BuildProgress(stage: .resolving, done: 1, total: 1)) }
    let input = documents
    if !options.keepsDocuments { documents = [] }
    return Resolver().resolve(consume input)
  }

  /// Extracts the mentions of each document in parallel; the result is in the order of `documents`.
  package func extract(_ documents: [Document]) -> [ExtractedDocument] {
    var results = [ExtractedDocument?](repeating: nil, count: documents.count)
    let extractor = self.extractor
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: documents.count) { i in
        out[i] = ExtractedDocument(document: documents[i], mentions: extractor.mentions(in: documents[i]))
      }
    }
    return results.map { $0! }
  }

  /// What happened to one unit.
  struct UnitResult: Sendable {
    var document: ExtractedDocument?
    var outcomes: [FileOutcome]
    var hash: String?
    var cached: Bool
    /// `FileStamp.of(unit.files)` taken before the files were read, with `cacheKeySuffix`; nil
    /// when not trustworthy.
    var stamp: String? = nil
    /// Finds what the resolver needs of the document's text while a read worker has it
    /// (`TextFindings`), and, unless `keepingText`, lets the text go (the index, when there is
    /// one, was handed the whole document before).
    mutating func prepareForResolving(keepingText: Bool) {
      guard let doc = document else { return }
      if keepingText {
        document?.findings = TextFindings(doc)
        return
      }
      document = doc.resolvableWithoutText()
    }
  }

  /// The content hash of a unit: every file of it together, so a changed metadata file changes
  /// the document. Nil when a file cannot be read.
  package static func contentHash(of unit: InputUnit) -> String? {
    var parts: [String] = []
    for file in unit.files {
      guard let data = FileName.contents(of: file) else { return nil }
      parts.append(GraphIndex.contentHash(of: data))
    }
    return parts.count == 1 ? parts[0] : GraphIndex.contentHash(of: Array(parts.joined(separator: "+").utf8))
  }

  /// True when `paths` hold exactly the input units of the index's last build, each with the same
  /// content: a build would produce the graph the index already holds. A unit whose files have
  /// the `FileStamp`s recorded by that build is taken as unchanged without reading it; the others
  /// are hashed, and when their content is the same their newer stamps are recorded, so the next
  /// check needs no hashing. Any failed, new, removed or changed unit gives false.
  package func isUpToDate(paths: [String], index: GraphIndex) throws(IndexError) -> Bool {
    try isUpToDate(CorpusLoader(reader: reader).plan(paths: paths), index: index)
  }

  /// `isUpToDate(paths:index:)` on planned inputs.
  package func isUpToDate(_ plan: InputPlan, index: GraphIndex) throws(IndexError) -> Bool {
    guard !plan.outcomes.contains(where: { $0.status == .failed }) else { return false }
    let known = try index.inputs()
    guard known.count == plan.units.count else { return false }
    let units = plan.units
    let racyAfter = FileStamp.now(minus: options.racyMargin)
    let suffix = options.cacheKeySuffix
    let state = Mutex((same: true, refreshed: [(path: String, stamp: String)]()))
    DispatchQueue.concurrentPerform(iterations: units.count) { i in
      guard state.withLock({ $0.same }) else { return }
      let unit = units[i]
      guard let recorded = known[unit.primary] else { return state.withLock { $0.same = false } }
      let stamp = FileStamp.of(unit.files).map { $0 + suffix }
      if let stamp, stamp == recorded.stamp { return }
      // The stamp differs (or was not trusted): compare the content itself.
      let trusted = FileStamp.of(unit.files, racyAfter: racyAfter).map { $0 + suffix }
      guard let hash = recorded.contentHash, let current = Self.contentHash(of: unit), current + suffix == hash else {
        return state.withLock { $0.same = false }
      }
      if let trusted, trusted != recorded.stamp { state.withLock { $0.refreshed.append((unit.primary, trusted)) } }
    }
    let (same, refreshed) = state.withLock { ($0.same, $0.refreshed) }
    if same { try index.refreshStamps(refreshed.sorted { $0.path < $1.path }) }
    return same
  }

  static func process(
    _ unit: InputUnit, reader: DocumentReader, extractor: Extractor, index: GraphIndex?, options: BuildOptions,
    known: IndexedInput?, racyAfter: Int64
  ) -> UnitResult {
    let limit = options.maxMentionsPerDocument
    var hash: String?
    var stamp: String?
    /// The unit's files, when they were loaded to be hashed: read from these bytes, not again.
    var loaded: [String: DocumentReader.Loaded]?
    if let index {
      // Stamp first: a file that changes after this is seen as changed next time.
      // The options that change the cached extraction are part of the stamp, so a stamp only
      // matches a recorded one (and its recorded hash) made under the same options.
      stamp = FileStamp.of(unit.files, racyAfter: racyAfter).map { $0 + options.cacheKeySuffix }
      if let stamp, let known, known.stamp == stamp, let recorded = known.contentHash {
        hash = recorded
      } else if let (files, digest) = load(unit, reader: reader) {
        loaded = files
        hash = digest + options.cacheKeySuffix
      } else {
        hash = contentHash(of: unit).map { $0 + options.cacheKeySuffix }
      }
      if let hash, let cached = try? index.cachedFile(path: unit.primary, contentHash: hash) {
        let doc = ExtractedDocument(document: cached.document, mentions: cached.mentions)
        return UnitResult(
          document: doc, outcomes: outcomes(for: unit, document: cached.document, notes: ["unchanged since the last build"]),
          hash: hash, cached: true, stamp: stamp)
      }
    }
    var (document, outcomes) =
      if let loaded {
        reader.read(unit: unit) { path throws(DocumentError) in try reader.read(loaded: loaded[path]!, path: path) }
      } else {
        reader.read(unit: unit)
      }
    loaded = nil
    guard var document else { return UnitResult(document: nil, outcomes: outcomes, hash: hash, cached: false, stamp: stamp) }
    var mentions = extractor.mentions(in: document)
    if mentions.count > limit {
      let note = "\(mentions.count) mentions found; only the first \(limit) are kept" + options.mentionLimitHint
      mentions.removeSubrange(limit...)
      document.notes.append(note)
      if let i = outcomes.lastIndex(where: { $0.path == unit.primary && $0.status == .read }) { outcomes[i].notes.append(note) }
    }
    let extracted = ExtractedDocument(document: document, mentions: mentions)
    return UnitResult(document: extracted, outcomes: outcomes, hash: hash, cached: false, stamp: stamp)
  }

  /// Every file of `unit` loaded once, with the unit's content hash (as `contentHash(of:)` gives
  /// it); nil when a file cannot be loaded (the unit then takes the reader's way, which says why).
  static func load(_ unit: InputUnit, reader: DocumentReader) -> ([String: DocumentReader.Loaded], String)? {
    var files: [String: DocumentReader.Loaded] = [:]
    var parts: [String] = []
    for file in unit.files {
      guard let loaded = try? DocumentReader.load(path: file, limit: reader.limits.maxFileSize, directText: true) else {
        return nil
      }
      switch loaded {
      case .bytes(let bytes): parts.append(GraphIndex.contentHash(of: bytes))
      case .text(var text): parts.append(text.withUTF8 { GraphIndex.contentHash(of: $0) })
      }
      files[file] = loaded
    }
    let hash = parts.count == 1 ? parts[0] : GraphIndex.contentHash(of: Array(parts.joined(separator: "+").utf8))
    return (files, hash)
  }

  static func outcomes(for unit: InputUnit, document: Document, notes: [String]) -> [FileOutcome] {
    var result = [FileOutcome(path: unit.primary, status: .read, format: document.format, notes: document.notes + notes)]
    for companion in unit.companions {
      result.append(
        FileOutcome(path: companion, status: .skipped, format: .koopMetadata, reason: "metadata merged into \(unit.primary)"))
    }
    return result
  }
}
