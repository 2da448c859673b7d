import Foundation
import Synchronization

/// One graph a build writes: the base name of its files and the inputs it covers.
public struct GraphTarget: Sendable, Hashable {
  /// The base name of the files (`NAME.graphml`, `NAME.dot`, ...).
  public var name: String
  /// The files and folders whose documents the graph holds.
  public var paths: [String]

  public init(name: String, paths: [String]) {
    self.name = name
    self.paths = paths
  }

  /// The graph of `paths`, named `name` or else after the first path (its last component without
  /// extension; "graph" when that is empty).
  public static func of(paths: [String], name: String? = nil) -> GraphTarget {
    let first = URL(fileURLWithPath: paths.first ?? "").standardizedFileURL
    let base = first.deletingPathExtension().lastPathComponent
    return GraphTarget(name: name ?? (base.isEmpty ? "graph" : base), paths: paths)
  }

  /// One graph per folder of `corpus` (hidden folders left out), in name order.
  public static func corpusFolders(in corpus: String) throws(BuildError) -> [GraphTarget] {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDir), isDir.boolValue else {
      throw .noCorpus(corpus)
    }
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()
    let folders = entries.filter { entry in
      var d: ObjCBool = false
      return !entry.hasPrefix(".") && FileManager.default.fileExists(atPath: "\(corpus)/\(entry)", isDirectory: &d)
        && d.boolValue
    }
    guard !folders.isEmpty else { throw .emptyCorpus(corpus) }
    return folders.map { GraphTarget(name: $0, paths: ["\(corpus)/\($0)"]) }
  }
}

/// What a build is asked to do: which graphs, from which inputs, written where and how.
public struct BuildRequest: Sendable {
  /// The graphs to write; one build reads the inputs of all of them (so the index holds one graph).
  public var graphs: [GraphTarget]
  /// The folder the graph files go to (created when missing).
  public var outputFolder: String
  /// The formats written for every graph.
  public var formats: [GraphFormat]
  /// The index file, read and updated incrementally; nil reads every file and keeps no index.
  public var indexPath: String?
  /// Whether an index of another schema version is replaced, and what to do while another build
  /// holds the index's write lock (see `IndexAccess.build`).
  public var rebuildIndex: Bool
  public var indexWait: BuildWait
  /// Whether `NAME.svg` is drawn with Graphviz when DOT is written and Graphviz is installed.
  public var picture: Bool
  /// How large and how long the picture may get (see `PicturePolicy`).
  public var picturePolicy: PicturePolicy
  /// When true the build always runs, even if nothing changed (a caller that needs every file's
  /// account, not the summary of the last build).
  public var alwaysRun: Bool
  /// Threads, the mention limit and the progress callback.
  public var options: BuildOptions
  /// The files of every graph's paths, when the caller planned them already
  /// (`CorpusLoader().plan(paths: allPaths)`, to refuse empty folders first): folders are then
  /// walked once. Nil: the build plans them.
  public var plan: InputPlan?

  public init(
    graphs: [GraphTarget], outputFolder: String = "graphs", formats: [GraphFormat] = GraphFormat.allCases,
    indexPath: String? = nil, rebuildIndex: Bool = false, indexWait: BuildWait = BuildWait(), picture: Bool = true,
    picturePolicy: PicturePolicy = .init(), alwaysRun: Bool = false, options: BuildOptions = .init(),
    plan: InputPlan? = nil
  ) {
    self.graphs = graphs
    self.outputFolder = outputFolder
    self.formats = formats
    self.indexPath = indexPath
    self.rebuildIndex = rebuildIndex
    self.indexWait = indexWait
    self.picture = picture
    self.picturePolicy = picturePolicy
    self.alwaysRun = alwaysRun
    self.options = options
    self.plan = plan
  }

  /// Every input path of every graph, in order.
  public var allPaths: [String] { graphs.flatMap(\.paths) }

  /// The key the build state is stored under (see `BuildState.key`).
  var stateKey: String {
    BuildState.key(
      out: outputFolder, picture: picture, maxMentions: options.maxMentionsPerDocument, formats: formats,
      units: graphs.map { ($0.name, $0.paths) })
  }
}

/// What can stop a build before it writes anything (a file that fails to read never does: it is
/// reported in the outcome).
public enum BuildError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The index could not be opened or created.
  case indexUnavailable(path: String, IndexError)
  /// Reading or updating the open index failed.
  case index(IndexError)
  /// The corpus folder does not exist.
  case noCorpus(String)
  /// The corpus folder has no folders in it.
  case emptyCorpus(String)
  /// A graph file could not be written.
  case output(path: String, reason: String)
  /// The inputs hold nothing to read (empty folders, only skipped files such as a README): no
  /// graph is written. `skipped` lists each skipped file with why.
  case nothingToRead(paths: [String], skipped: [String])

  public var description: String {
    switch self {
    case .indexUnavailable(_, let error), .index(let error): return "\(error)"
    case .noCorpus(let folder): return "there is no \(folder)/ folder here"
    case .emptyCorpus(let folder): return "\(folder)/ has no folders to read"
    case .output(let path, let reason): return "\(path) could not be written: \(reason)"
    case .nothingToRead(let paths, let skipped):
      return "nothing to read in \(paths.joined(separator: ", "))"
        + (skipped.isEmpty ? " (no files)" : ": only skipped files: " + skipped.joined(separator: ", "))
        + "; name the files or folders that hold the documents"
    }
  }
}

/// What a build did.
public struct BuildOutcome: Sendable {
  /// One graph that was written.
  public struct GraphOutput: Sendable {
    public var name: String
    /// The account of every input file of this graph.
    public var report: RunReport
    public var conflicts: [IdentityConflict]
    public var counts: RunSummary.Counts
    /// The files written, in the order written.
    public var written: [String]
    /// Lines said after the summary (about the picture).
    public var notes: [String]
    /// The run summary of this graph, with its notes.
    public var summary: String
    /// `GraphIndex.fingerprint(of:)` of the graph written.
    var fingerprint = ""
    /// True when the files were left as the last build wrote them (the graph did not change).
    public var unchanged = false
  }

  /// The graphs written; empty when `upToDate`.
  public var graphs: [GraphOutput] = []
  /// Nothing changed since the last build (same inputs, contents, options and untouched outputs),
  /// so nothing was read or written; `summary` is what that build said.
  public var upToDate = false
  /// The summaries of all graphs, one after the other (the stored one when `upToDate`).
  public var summary: String = ""
  /// The index used, if any.
  public var indexPath: String?
  /// Documents whose cached extraction was reused from the index.
  public var reused = 0
  /// Files read (or reused) and failed, over all graphs.
  public var readCount = 0
  public var failedCount = 0

  /// Where the time went (`build --verbose`).
  public var timings = BuildTimings()

  /// The `--report` JSON of the graphs.
  public var reportJSON: String { RunSummary.json(graphs.map { ($0.name, $0.report, $0.conflicts) }) }
}

/// The build façade: plans the units, checks whether anything changed, reads, extracts and
/// resolves (reusing the index's extractions of unchanged files), commits the index, writes each
/// graph's files and its picture, and records the state for the next up-to-date check.
public struct Build: Sendable {
  public var request: BuildRequest

  public init(_ request: BuildRequest) { self.request = request }

  public func run() throws(BuildError) -> BuildOutcome {
    let clock = StageClock()
    var outcome = try run(clock: clock)
    outcome.timings = clock.timings()
    return outcome
  }

  private func run(clock: StageClock) throws(BuildError) -> BuildOutcome {
    var options = request.options
    // One graph needs only the graph: the documents are let go as soon as they are stored.
    options.keepsDocuments = request.graphs.count > 1
    let pipeline = BuildPipeline(options: options)
    let store: GraphIndex?
    if let path = request.indexPath {
      // The build holds the index's write lock until its graph is stored: builds of one index
      // run one after the other.
      do {
        store = try GraphIndex(path: path, access: .build(rebuild: request.rebuildIndex, wait: request.indexWait))
      } catch { throw .indexUnavailable(path: path, error) }
    } else {
      store = nil
    }
    var outcome = BuildOutcome(indexPath: request.indexPath)
    // The folders are walked once: for the up-to-date check and for the build.
    let plan = request.plan ?? clock.measure("listing the inputs") { CorpusLoader(reader: pipeline.reader).plan(paths: request.allPaths) }
    // Nothing changed since the last build (same files, same contents, outputs untouched): say so
    // and stop, instead of re-resolving and rewriting everything.
    let previous: BuildState? =
      if let store, !request.alwaysRun {
        try indexed { () throws(IndexError) in try BuildState.load(store, key: request.stateKey) }
      } else {
        nil
      }
    if let store, let state = previous, state.outputsUnchanged(),
      try clock.measure("checking for changes", { () throws(BuildError) in
        try indexed({ () throws(IndexError) in try pipeline.isUpToDate(plan, index: store) })
      })
    {
      try indexed { () throws(IndexError) in try store.endBuild() }
      outcome.upToDate = true
      outcome.summary = state.summary
      return outcome
    }
    // Changed files whose extraction is the cached one (an edit outside any reference): the graph
    // is the one the index holds, and the last build's files are still as it wrote them.
    if let store, let state = previous,
      let graphs = state.reusableGraphs(
        request.graphs.map(\.name), indexGraph: try indexed { () throws(IndexError) in try store.graphFingerprint() }),
      let same = try clock.measure("checking whether the graph changed", { () throws(BuildError) in
        try indexed({ () throws(IndexError) in try pipeline.buildIfGraphUnchanged(plan, index: store) })
      })
    {
      return try clock.measure("saving the build state") { () throws(BuildError) in
        try finishUnchanged(same, graphs: graphs, store: store, outcome: outcome)
      }
    }
    // One build over everything (so the index holds one graph), then one graph file per unit. The
    // index stores the graph on another thread while the graph files are written.
    let (result, committing) = try indexed { () throws(IndexError) in try pipeline.start(plan, index: store, clock: clock) }
    do throws(BuildError) {
      try write(result, into: &outcome, previous: previous, beside: committing, clock: clock)
    } catch {
      // The index is left as its commit leaves it; the build's own error is the one told.
      try? committing.wait()
      throw error
    }
    try clock.measure("waiting for the index") { () throws(BuildError) in
      try indexed { () throws(IndexError) in try committing.wait() }
    }
    if let store, outcome.failedCount == 0 {
      var graphs: [String: BuildState.WrittenGraph] = [:]
      for graph in outcome.graphs {
        graphs[graph.name] = BuildState.WrittenGraph(
          fingerprint: graph.fingerprint, written: graph.written, notes: graph.notes, counts: graph.counts,
          conflicts: graph.conflicts)
      }
      var state = BuildState(summary: outcome.summary, outputs: outcome.graphs.flatMap(\.written), graphs: graphs)
      try clock.measure("saving the build state") { () throws(BuildError) in
        state.indexGraph = try indexed { () throws(IndexError) in try store.graphFingerprint() }
        try indexed { () throws(IndexError) in try state.save(store, key: request.stateKey) }
      }
    }
    return outcome
  }

  /// Puts what `all` read into `outcome`; throws `.nothingToRead` when the inputs held nothing to
  /// read (an empty folder, only README files), instead of writing empty graphs.
  private func record(_ all: borrowing BuildResult, into outcome: inout BuildOutcome) throws(BuildError) {
    if all.report.readCount == 0 && all.report.failedCount == 0 {
      throw .nothingToRead(
        paths: request.allPaths, skipped: all.report.files.map { "\($0.path) (\($0.reason ?? "skipped"))" })
    }
    outcome.reused = all.reused
    outcome.readCount = all.report.readCount
    outcome.failedCount = all.report.failedCount
  }

  /// Writes the graph files of every graph of the request from `all` (the build of all inputs)
  /// and fills in `outcome`.
  private func write(
    _ all: consuming BuildResult, into outcome: inout BuildOutcome, previous: BuildState?, beside: IndexCommit,
    clock: StageClock
  ) throws(BuildError) {
    var all = all
    try record(all, into: &outcome)
    let allCounts = RunSummary.Counts(all.graph)
    // The exports do not use the mentions (they are in the index): one graph lets them go.
    if request.graphs.count == 1 { all.resolution.graph.mentions = [] }
    // Hand the memory of the documents and of the build's scratch space back to the system
    // before the exports allocate their buffers (it lowers the peak of large builds).
    clock.measure("returning freed memory") { ProcessMemory.releaseFreed() }
    try createFolder(request.outputFolder)
    for target in request.graphs {
      let result = request.graphs.count == 1 ? all : all.restricted(to: target.paths)
      let counts = request.graphs.count == 1 ? allCounts : RunSummary.Counts(result.graph)
      outcome.graphs.append(
        try write(result, name: target.name, counts: counts, previous: previous, beside: beside, clock: clock))
    }
    outcome.summary = outcome.graphs.map(\.summary).joined(separator: "\n")
  }

  /// The end of a build whose graph did not change (`BuildPipeline.buildIfGraphUnchanged`): each
  /// graph's files are left as `graphs` (the last build's, in request order) were written, its
  /// summary tells this build's files with the counts and conflicts stored with them, and the
  /// state is saved for the next build.
  private func finishUnchanged(
    _ all: BuildResult, graphs: [BuildState.WrittenGraph], store: GraphIndex, outcome start: BuildOutcome
  ) throws(BuildError) -> BuildOutcome {
    var outcome = start
    try record(all, into: &outcome)
    var states: [String: BuildState.WrittenGraph] = [:]
    for (target, same) in zip(request.graphs, graphs) {
      let report =
        request.graphs.count == 1
        ? all.report : RunReport(files: all.report.files.filter { BuildResult.file($0.path, isInside: target.paths) })
      let conflicts = same.conflicts ?? []
      let counts = same.counts!
      let left = "  the graph did not change: its files are as the last build wrote them, not written again"
      let summary = ([RunSummary.text(name: target.name, report: report, conflicts: conflicts, counts: counts, written: same.written)]
        + same.notes + [left]).joined(separator: "\n")
      outcome.graphs.append(
        BuildOutcome.GraphOutput(
          name: target.name, report: report, conflicts: conflicts, counts: counts, written: same.written,
          notes: same.notes, summary: summary, fingerprint: same.fingerprint, unchanged: true))
      states[target.name] = same
    }
    outcome.summary = outcome.graphs.map(\.summary).joined(separator: "\n")
    var state = BuildState(summary: outcome.summary, outputs: outcome.graphs.flatMap(\.written), graphs: states)
    state.indexGraph = try indexed { () throws(IndexError) in try store.graphFingerprint() }
    try indexed { () throws(IndexError) in try state.save(store, key: request.stateKey) }
    return outcome
  }

  /// `body`, its index error told as `BuildError.index`.
  private func indexed<T>(_ body: () throws(IndexError) -> T) throws(BuildError) -> T {
    do { return try body() } catch { throw .index(error) }
  }

  /// Writes the files of one graph in every requested format, then its picture. When `previous`
  /// (the last build's state under the same key) wrote them from the same graph and they are
  /// untouched since, they are left as they are: the exports would write the same bytes (a
  /// rebuild after a change that does not change the graph, such as an edit outside any
  /// reference, spent half its time there).
  func write(
    _ result: BuildResult, name: String, counts: RunSummary.Counts, previous: BuildState? = nil,
    beside: IndexCommit = .none, clock: StageClock = StageClock()
  ) throws(BuildError) -> BuildOutcome.GraphOutput {
    let fingerprint = clock.measure("fingerprint of \(name)") { GraphIndex.fingerprint(of: result.graph, sums: result.sums) }
    if let same = previous?.unchangedFiles(of: name, fingerprint: fingerprint) {
      let left = "  the graph did not change: its files are as the last build wrote them, not written again"
      let summary = ([RunSummary.text(name: name, report: result.report, conflicts: result.resolution.conflicts, counts: counts, written: same.written)] + same.notes + [left]).joined(separator: "\n")
      return BuildOutcome.GraphOutput(
        name: name, report: result.report, conflicts: result.resolution.conflicts, counts: counts, written: same.written,
        notes: same.notes, summary: summary, fingerprint: fingerprint, unchanged: true)
    }
    // Sorted once for every format (it was sorted again for each: 3.6 % of a 10k build's CPU).
    let exportGraph = request.formats.isEmpty ? nil : clock.measure("sorting the export graph") { ExportGraph(result.graph) }
    let files = try writeFormats(exportGraph, name: name, beside: beside, clock: clock)
    var written = files.flatMap { $0.map(\.path) }
    let dotPath = request.formats.firstIndex(of: .dot).flatMap { files[$0].first?.path }
    let progress = request.options.progress
    var notes: [String] = []
    if let dotPath, request.picture {
      // The picture, when Graphviz is installed (it is optional); the DOT just written is read
      // back and drawn.
      if GraphvizRenderer.dotExecutable() != nil {
        let dot: [UInt8]
        do { dot = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dotPath))) } catch {
          throw .output(path: dotPath, reason: error.localizedDescription)
        }
        let target = path(name + ".svg")
        progress?(BuildProgress(stage: .drawing, done: 0, total: 1))
        let drawn = clock.measure("drawing the picture") { Picture.draw(dot: dot, name: name, policy: request.picturePolicy) }
        progress?(BuildProgress(stage: .drawing, done: 1, total: 1))
        if let svg = drawn.svg {
          try writeFile(svg, to: target)
          written.append(target)
        }
        notes += drawn.notes.map { "  " + $0 }
      } else {
        notes.append("  no picture: Graphviz is not installed (apt-get install graphviz, or brew install graphviz)")
      }
    }
    let summary = ([RunSummary.text(name: name, report: result.report, conflicts: result.resolution.conflicts, counts: counts, written: written)] + notes).joined(separator: "\n")
    return BuildOutcome.GraphOutput(
      name: name, report: result.report, conflicts: result.resolution.conflicts, counts: counts, written: written,
      notes: notes, summary: summary, fingerprint: fingerprint)
  }

  /// Writes `g` in every requested format, each to its own file(s), and returns the files of
  /// each format in request order. Formats are written beside each other on up to
  /// `options.threads` threads, the slowest first (DOT, GraphML, GEXF, JSON, CSV), so the
  /// exports end about when the slowest does; while `beside` (the index commit) runs, one of
  /// the threads is left to it. Each file's bytes do not depend on the threads. A failure is
  /// the first in request order.
  private func writeFormats(
    _ g: ExportGraph?, name: String, beside: IndexCommit, clock: StageClock
  ) throws(BuildError) -> [[(path: String, size: Int)]] {
    guard let g else { return [] }
    let formats = request.formats
    let progress = request.options.progress
    let folder = request.outputFolder
    @Sendable func write(_ format: GraphFormat) -> Result<[(path: String, size: Int)], BuildError> {
      progress?(BuildProgress(stage: .writing(format), done: 0, total: 1))
      defer { progress?(BuildProgress(stage: .writing(format), done: 1, total: 1)) }
      // Each file is written in chunks as it is made: no export is held whole in memory (issue 21).
      let begin = StageClock.now()
      defer { clock.record("writing \(format.rawValue)", since: begin) }
      do {
        return .success(
          try GraphExporter.write(g, name: name, format: format, options: .init()) { fileName in
            (folder as NSString).appendingPathComponent(fileName)
          })
      } catch {
        if case .io(let file, let reason) = error { return .failure(.output(path: file, reason: reason)) }
        return .failure(.output(path: (folder as NSString).appendingPathComponent(name), reason: error.description))
      }
    }
    let schedule = formats.indices.sorted { Self.exportCost(formats[$0]) > Self.exportCost(formats[$1]) }
    let results = Mutex<[Result<[(path: String, size: Int)], BuildError>?]>(Array(repeating: nil, count: formats.count))
    let workers = min(formats.count, request.options.threads)
    if workers <= 1 {
      // One after the other, in request order, up to the first failure.
      for k in formats.indices {
        let done = write(formats[k])
        results.withLock { $0[k] = done }
        if case .failure = done { break }
      }
    } else {
      let next = Atomic<Int>(0)
      clock.measure("writing \(formats.count) formats, \(workers) at a time") {
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          // The index is stored on a thread of its own meanwhile. When the workers would take
          // every thread (`--threads` no more than the formats), one thread is left to it: the last
          // worker joins once it is done (on 2 cores: one format at a time beside the index, two
          // after it); with threads to spare, no worker waits. Its error is the build's to report.
          if worker == request.options.threads - 1 { try? beside.wait() }
          while true {
            let k = next.add(1, ordering: .relaxed).oldValue
            guard k < schedule.count else { return }
            let done = write(formats[schedule[k]])
            results.withLock { $0[schedule[k]] = done }
          }
        }
      }
    }
    return try results.withLock { (all) throws(BuildError) -> [[(path: String, size: Int)]] in
      var files: [[(path: String, size: Int)]] = []
      for result in all { files.append(try result!.get()) }
      return files
    }
  }

  /// How long a format takes to write, relative to the others (measured at 100k documents), so
  /// the slowest start first.
  static func exportCost(_ format: GraphFormat) -> Int {
    switch format {
    case .dot: return 5
    case .graphml: return 4
    case .gexf: return 3
    case .json: return 2
    case .csv: return 1
    }
  }

  private func path(_ fileName: String) -> String {
    (request.outputFolder as NSString).appendingPathComponent(fileName)
  }

  private func createFolder(_ folder: String) throws(BuildError) {
    do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
      throw .output(path: folder, reason: "the folder cannot be created (\(error.localizedDescription))")
    }
  }

  /// Writes `bytes` to `path` without copying them into a `Data` first (graph files can be
  /// hundreds of megabytes).
  private func writeFile(_ bytes: [UInt8], to path: String) throws(BuildError) {
    do {
      try bytes.withUnsafeBytes { raw in
        let data =
          raw.isEmpty
          ? Data() : Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: raw.count, deallocator: .none)
        try data.write(to: URL(fileURLWithPath: path))
      }
    } catch {
      throw .output(path: path, reason: error.localizedDescription)
    }
  }
}
