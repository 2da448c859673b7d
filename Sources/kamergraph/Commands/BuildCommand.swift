import ArgumentParser
import Foundation
import KamerGraph

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Read documents, find their references and write the citation graph.",
    discussion: """
      With no PATH, reads every folder in corpus/ and writes one graph per folder to graphs/ \
      (corpus/palantir -> graphs/palantir.graphml, .dot, ...). With PATHs (files or folders), \
      writes one graph named after the first PATH (or --name). Every input file is accounted for \
      in the summary: read, skipped (why) or failed (why). Exit status 0 when all files were read, \
      2 when some failed (the graph of the others is still written), 3 when the index cannot be \
      used, 64 for usage errors. Builds of one index run one after the other.
      """)

  @Argument(help: "Files and folders to read (default: each folder in corpus/).")
  var paths: [String] = []

  @Option(name: .long, help: "Folder for the graph files.")
  var out: String = "graphs"

  @Option(name: .long, help: "Name of the graph files (default: the folder or file name).")
  var name: String?

  @Option(name: .long, parsing: .upToNextOption, help: "Formats to write: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: all).")
  var format: [GraphFormat] = GraphFormat.allCases

  @Option(name: .long, help: "Write the run summary as JSON to this file.")
  var report: String?

  @Option(name: .long, help: "The index file, updated incrementally (default: \(IndexLocation.default) in the current folder).")
  var index: String?

  @Flag(name: .long, help: "Do not read or write an index; read every file.")
  var noIndex = false

  @Flag(name: .long, help: "Replace the index's tables (an index of another schema version, or one to start afresh); never a file that is not an index.")
  var rebuild = false

  @Flag(name: .long, help: "Do not render NAME.svg with Graphviz.")
  var noPicture = false

  @Option(name: .long, parsing: .unconditional, help: "At most this many mentions are kept per document (the first ones).")
  var maxMentions = 1_000_000

  @Option(name: .long, parsing: .unconditional, help: "Number of threads (default: all cores). The output does not depend on it.")
  var threads: Int?

  func validate() throws {
    if let threads { try Check.count(threads, "--threads") }
    try Check.count(maxMentions, "--max-mentions")
    if rebuild && noIndex { throw ValidationError("--rebuild replaces the index; it cannot be used with --no-index") }
    if name != nil && paths.isEmpty { throw ValidationError("--name needs PATHs; without PATHs each corpus folder names its own graph") }
  }

  func run() throws {
    let units = try workUnits()
    var options = BuildOptions(
      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
      progress: isatty(STDERR_FILENO) == 1 ? ProgressBar.update : nil, maxMentionsPerDocument: maxMentions)
    // One graph needs only the graph: the documents are let go as soon as they are stored.
    options.keepsDocuments = units.count > 1
    let pipeline = BuildPipeline(options: options)
    let indexPath = IndexLocation.resolve(index)
    let store: GraphIndex?
    do {
      // The build holds the index's write lock until its graph is stored: builds of one index
      // run one after the other (the second says whom it waits for).
      let wait = BuildWait { pid in
        printError("kamergraph: waiting for another build of \(indexPath)" + (pid.map { " (pid \($0))" } ?? ""))
      }
      store = noIndex ? nil : try GraphIndex(path: indexPath, access: .build(rebuild: rebuild, wait: wait))
    } catch {
      fail(error.description, code: exitStatus(for: error))
    }
    // Nothing changed since the last build (same files, same contents, outputs untouched): say so
    // and stop, instead of re-resolving and rewriting everything.
    let stateKey = BuildState.key(out: out, picture: !noPicture, maxMentions: maxMentions, formats: format, units: units)
    if let store, report == nil, let state = try BuildState.load(store, key: stateKey), state.outputsUnchanged(),
      try pipeline.isUpToDate(paths: units.flatMap(\.paths), index: store)
    {
      try store.endBuild()
      print(state.summary)
      print("index: \(indexPath) (nothing changed since the last build; outputs are up to date)")
      return
    }
    // One build over everything (so the index holds one graph), then one graph file per unit.
    var all = try pipeline.build(paths: units.flatMap(\.paths), index: store)
    let allCounts = RunSummary.Counts(all.graph)
    // The exports do not use the mentions (they are in the index): one graph lets them go.
    if units.count == 1 { all.resolution.graph.mentions = [] }
    // Hand the memory of the documents and of the build's scratch space back to the system
    // before the exports allocate their buffers (it lowers the peak of large builds).
    ProcessMemory.releaseFreed()
    ProgressBar.finish()
    var summaries: [String] = []
    var allWritten: [String] = []
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var reports: [(String, RunReport, [IdentityConflict])] = []
    for unit in units {
      let result = units.count == 1 ? all : all.restricted(to: unit.paths)
      let counts = units.count == 1 ? allCounts : RunSummary.Counts(result.graph)
      var written: [String] = []
      for f in format {
        for file in try GraphExporter.files(for: result.graph, name: unit.name, format: f) {
          let path = (out as NSString).appendingPathComponent(file.fileName)
          try write(file.contents, to: path)
          written.append(path)
        }
      }
      var notes: [String] = []
      if format.contains(.dot) && !noPicture {
        // The picture, when Graphviz is installed (it is optional).
        if GraphvizRenderer.dotExecutable() != nil {
          let dot = DOTWriter().write(result.graph, name: unit.name)
          let path = (out as NSString).appendingPathComponent(unit.name + ".svg")
          try Data(GraphvizRenderer.render(dot: dot, format: "svg")).write(to: URL(fileURLWithPath: path))
          written.append(path)
        } else {
          notes.append("  no picture: Graphviz is not installed (apt-get install graphviz, or brew install graphviz)")
        }
      }
      let summary = ([RunSummary.text(name: unit.name, report: result.report, conflicts: result.resolution.conflicts, counts: counts, written: written)] + notes).joined(separator: "\n")
      print(summary)
      summaries.append(summary)
      allWritten += written
      reports.append((unit.name, result.report, result.resolution.conflicts))
    }
    if let store {
      print("index: \(indexPath) (\(all.reused) of \(all.report.readCount) documents unchanged since the last build)")
      if all.report.failedCount == 0 {
        try BuildState(summary: summaries.joined(separator: "\n"), outputs: allWritten).save(store, key: stateKey)
      }
    }
    if let report {
      try Data(RunSummary.json(reports).utf8).write(to: URL(fileURLWithPath: report))
    }
    if all.report.failedCount > 0 { throw ExitCode(2) }
  }

  /// Writes `bytes` to `path` without copying them into a `Data` first (graph files can be
  /// hundreds of megabytes).
  func write(_ bytes: [UInt8], to path: String) throws {
    try bytes.withUnsafeBytes { raw in
      let data =
        raw.isEmpty
        ? Data() : Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: raw.count, deallocator: .none)
      try data.write(to: URL(fileURLWithPath: path))
    }
  }

  /// (graph name, paths) pairs: each corpus folder, or the PATHs given.
  func workUnits() throws -> [(name: String, paths: [String])] {
    if !paths.isEmpty {
      let first = URL(fileURLWithPath: paths[0]).standardizedFileURL
      let base = first.deletingPathExtension().lastPathComponent
      return [(name ?? (base.isEmpty ? "graph" : base), paths)]
    }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: "corpus", isDirectory: &isDir), isDir.boolValue else {
      throw ValidationError(
        "no PATH given and there is no corpus/ folder here; run it from the KamerGraph folder, or name the files and folders to read")
    }
    let entries = try FileManager.default.contentsOfDirectory(atPath: "corpus").sorted()
    let folders = entries.filter { entry in
      var d: ObjCBool = false
      return !entry.hasPrefix(".") && FileManager.default.fileExists(atPath: "corpus/\(entry)", isDirectory: &d) && d.boolValue
    }
    guard !folders.isEmpty else { throw ValidationError("corpus/ has no folders to read; put each corpus in its own folder, e.g. corpus/palantir/") }
    return folders.map { ($0, ["corpus/\($0)"]) }
  }
}
