import ArgumentParser
import Foundation
import KamerGraph
import Synchronization

extension GraphFormat: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Read documents, find their references and write the citation graph.",
    discussion: """
      With no PATH, reads every folder in corpus/ and writes one graph per folder to graphs/ \
      (corpus/palantir -> graphs/palantir.graphml, .dot, ...). With PATHs (files or folders), \
      writes one graph named after the first PATH (or --name). Every input file is accounted for \
      in the summary: read, skipped (why) or failed (why). Exit status 0 when all files were read, \
      2 when some failed (the graph of the others is still written), 1 for usage errors.
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

  @Flag(name: .long, help: "Do not render NAME.svg with Graphviz.")
  var noPicture = false

  @Option(name: .long, help: "At most this many mentions are kept per document (the first ones).")
  var maxMentions = 1_000_000

  @Option(name: .long, help: "Number of threads (default: all cores). The output does not depend on it.")
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    if maxMentions < 1 { throw ValidationError("--max-mentions must be at least 1") }
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
      store = noIndex ? nil : try GraphIndex(path: indexPath)
    } catch {
      throw ValidationError("\(error) (use --index FILE to put the index elsewhere, or --no-index)")
    }
    // Nothing changed since the last build (same files, same contents, outputs untouched): say so
    // and stop, instead of re-resolving and rewriting everything.
    let stateKey = ([out, noPicture ? "no-picture" : "picture", "max-mentions=\(maxMentions)"] + format.map(\.rawValue) + units.map { $0.name + "=" + $0.paths.joined(separator: ",") }).joined(separator: "|")
    if let store, report == nil, let state = try BuildState.load(store, key: stateKey), state.outputsUnchanged(),
      try pipeline.isUpToDate(paths: units.flatMap(\.paths), index: store)
    {
      print(state.summary)
      print("index: \(indexPath) (nothing changed since the last build; outputs are up to date)")
      return
    }
    // One build over everything (so the index holds one graph), then one graph file per unit.
    var all = try pipeline.build(paths: units.flatMap(\.paths), index: store)
    let allCounts = Summary.Counts(all.graph)
    // The exports do not use the mentions (they are in the index): one graph lets them go.
    if units.count == 1 { all.resolution.graph.mentions = [] }
    // Hand the memory of the documents and of the build's scratch space back to the system
    // before the exports allocate their buffers (it lowers the peak of large builds).
    FreedMemory.release()
    ProgressBar.finish()
    var summaries: [String] = []
    var allWritten: [String] = []
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var reports: [(String, RunReport, [IdentityConflict])] = []
    for unit in units {
      let result = units.count == 1 ? all : all.restricted(to: unit.paths)
      let counts = units.count == 1 ? allCounts : Summary.Counts(result.graph)
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
      let summary = ([Summary.text(name: unit.name, result: result, counts: counts, written: written)] + notes).joined(separator: "\n")
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
      try Data(Summary.json(reports).utf8).write(to: URL(fileURLWithPath: report))
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

/// The run summary, for people (text) and scripts (JSON).
enum Summary {
  /// What the summary says about a graph, counted without sorting its nodes and edges.
  struct Counts {
    var nodes = 0, documents = 0, external = 0, entities = 0, edges = 0, mentions = 0, unresolved = 0

    init(_ g: CitationGraph) {
      nodes = g.nodesByID.count
      for node in g.nodesByID.values {
        switch node.status {
        case .resolved: documents += 1
        case .external: external += 1
        case .entity: entities += 1
        }
      }
      edges = g.edgesByKey.count
      mentions = g.mentions.count
      unresolved = g.mentions.count(where: { $0.mention.status == .unresolved || $0.mention.status == .ambiguous })
    }
  }

  static func text(name: String, result: BuildResult, counts n: Counts, written: [String]) -> String {
    let r = result.report
    var lines = ["\(name): \(r.files.count) files: \(r.readCount) read, \(r.skippedCount) skipped, \(r.failedCount) failed"]
    for f in r.files where f.status != .read {
      lines.append("  \(f.status.rawValue) \(f.path): \(f.reason ?? "no reason given")")
    }
    for f in r.files where f.status == .read && !f.notes.isEmpty {
      lines.append("  note \(f.path): \(f.notes.joined(separator: "; "))")
    }
    for c in result.resolution.conflicts { lines.append("  conflict: \(c.description)") }
    lines.append(
      "  graph: \(n.nodes) nodes (\(n.documents) documents in the corpus, \(n.external) external, \(n.entities) actors and entities), \(n.edges) edges, \(n.mentions) mentions (\(n.unresolved) unresolved or ambiguous)"
    )
    if !written.isEmpty { lines.append("  wrote \(written.joined(separator: ", "))") }
    return lines.joined(separator: "\n")
  }

  static func json(_ reports: [(String, RunReport, [IdentityConflict])]) -> String {
    let graphs = reports.map { name, r, conflicts in
      JSONText.object([
        ("name", JSONText.quoted(name)),
        ("read", String(r.readCount)), ("skipped", String(r.skippedCount)), ("failed", String(r.failedCount)),
        ("files", "[" + r.files.map { f in
          var pairs: [(String, String)] = [("path", JSONText.quoted(f.path)), ("status", JSONText.quoted(f.status.rawValue))]
          if let format = f.format { pairs.append(("format", JSONText.quoted(format.rawValue))) }
          if let reason = f.reason { pairs.append(("reason", JSONText.quoted(reason))) }
          pairs.append(("notes", JSONText.array(f.notes)))
          return JSONText.object(pairs)
        }.joined(separator: ",") + "]"),
        // Two documents that claim one id: both are kept, never merged.
        ("conflicts", "[" + conflicts.map { c in
          JSONText.object([
            ("id", JSONText.quoted(c.id)), ("paths", JSONText.array(c.paths)),
            ("description", JSONText.quoted(c.description)),
          ])
        }.joined(separator: ",") + "]"),
      ])
    }
    return "{\"graphs\":[" + graphs.joined(separator: ",") + "]}\n"
  }
}

/// A one-line progress bar on stderr, shown only when stderr is a terminal (see `run`).
enum ProgressBar {
  private static let shown = Mutex((last: -1, drawn: false))

  @Sendable static func update(done: Int, total: Int) {
    guard total >= 200 else { return }  // small builds finish before a bar helps
    let percent = done * 100 / max(1, total)
    let draw = shown.withLock { state -> Bool in
      guard percent != state.last else { return false }
      state = (percent, true)
      return true
    }
    guard draw else { return }
    let width = 30
    let filled = width * done / max(1, total)
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\rreading [\(bar)] \(done)/\(total) files".utf8))
  }

  static func finish() {
    if shown.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
