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
      in the summary: read, skipped or failed (why; failures also on stderr, skipped files and \
      notes listed with --verbose). A rebuild with nothing changed says so in one line per graph. \
      Exit status 0 when all files were read, 2 when some failed (the graph of the others is still \
      written), 3 when nothing could be done (a PATH that does not exist, nothing to read, an \
      output folder that cannot be written, the index locked or damaged), 64 for usage errors.
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

  @OptionGroup var console: ConsoleOptions

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    if maxMentions < 1 { throw ValidationError("--max-mentions must be at least 1") }
    if name != nil && paths.isEmpty { throw ValidationError("--name needs PATHs; without PATHs each corpus folder names its own graph") }
  }

  func run() throws {
    let units = try workUnits()
    var options = BuildOptions(
      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
      progress: isatty(STDERR_FILENO) == 1 && !console.quiet ? ProgressBar.update : nil, maxMentionsPerDocument: maxMentions)
    // One graph needs only the graph: the documents are let go as soon as they are stored.
    options.keepsDocuments = units.count > 1
    let pipeline = BuildPipeline(options: options)
    let indexPath = IndexLocation.resolve(index)
    let store: GraphIndex?
    do {
      store = noIndex ? nil : try GraphIndex(path: indexPath)
    } catch {
      throw RuntimeError("\(error.description.trimmingCharacters(in: ["."])); use --index FILE to put the index elsewhere, or --no-index")
    }
    // Nothing changed since the last build (same files, same contents, outputs untouched): say so
    // and stop, instead of re-resolving and rewriting everything.
    let stateKey = BuildState.key(out: out, picture: !noPicture, maxMentions: maxMentions, formats: format, units: units)
    if let store, report == nil, let state = try BuildState.load(store, key: stateKey), state.outputsUnchanged(),
      try pipeline.isUpToDate(paths: units.flatMap(\.paths), index: store)
    {
      // One line per graph (its file counts), not the whole summary again; nothing was written.
      if !console.quiet {
        for line in state.summary.split(separator: "\n") where !line.hasPrefix(" ") { print(line) }
        print("index: \(indexPath) (nothing changed since the last build; the outputs in \(out) are up to date, none rewritten)")
      }
      return
    }
    // One build over everything (so the index holds one graph), then one graph file per unit.
    var all = try pipeline.build(paths: units.flatMap(\.paths), index: store)
    ProgressBar.finish()
    // Nothing to read (an empty folder, only README files): say so instead of writing empty graphs.
    if all.report.readCount == 0 && all.report.failedCount == 0 {
      let skipped = all.report.files.map { "\($0.path) (\($0.reason ?? "skipped"))" }
      throw RuntimeError(
        "nothing to read in \(units.flatMap(\.paths).joined(separator: ", "))"
          + (skipped.isEmpty ? " (no files)" : ": only skipped files: " + skipped.joined(separator: ", "))
          + "; name the files or folders that hold the documents")
    }
    let allCounts = RunSummary.Counts(all.graph)
    // The exports do not use the mentions (they are in the index): one graph lets them go.
    if units.count == 1 { all.resolution.graph.mentions = [] }
    // Hand the memory of the documents and of the build's scratch space back to the system
    // before the exports allocate their buffers (it lowers the peak of large builds).
    ProcessMemory.releaseFreed()
    var summaries: [String] = []
    var allWritten: [String] = []
    do {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    } catch {
      throw RuntimeError(outputFolderProblem(out))
    }
    var reports: [(String, RunReport, [IdentityConflict])] = []
    for unit in units {
      let result = units.count == 1 ? all : all.restricted(to: unit.paths)
      let counts = units.count == 1 ? allCounts : RunSummary.Counts(result.graph)
      var written: [String] = []
      for f in format {
        for file in try GraphExporter.files(for: result.graph, name: unit.name, format: f) {
          let path = (out as NSString).appendingPathComponent(file.fileName)
          do {
            try write(file.contents, to: path)
          } catch {
            throw RuntimeError(fileProblem(error, path: path, doing: "write"))
          }
          written.append(path)
        }
      }
      var notes: [String] = []
      if format.contains(.dot) && !noPicture {
        // The picture, when Graphviz is installed (it is optional).
        if GraphvizRenderer.dotExecutable() != nil {
          let dot = DOTWriter().write(result.graph, name: unit.name)
          let path = (out as NSString).appendingPathComponent(unit.name + ".svg")
          do {
            try Data(GraphvizRenderer.render(dot: dot, format: "svg")).write(to: URL(fileURLWithPath: path))
          } catch let error as ExportError {
            throw error
          } catch {
            throw RuntimeError(fileProblem(error, path: path, doing: "write"))
          }
          written.append(path)
        } else {
          notes.append("  no picture: Graphviz is not installed (apt-get install graphviz, or brew install graphviz)")
        }
      }
      let summary = ([RunSummary.text(name: unit.name, report: result.report, conflicts: result.resolution.conflicts, counts: counts, written: written)] + notes).joined(separator: "\n")
      printSummary(name: unit.name, report: result.report, conflicts: result.resolution.conflicts, counts: counts, written: written, notes: notes)
      summaries.append(summary)
      allWritten += written
      reports.append((unit.name, result.report, result.resolution.conflicts))
    }
    if let store {
      if !console.quiet {
        print("index: \(indexPath) (\(all.reused) of \(all.report.readCount) documents unchanged since the last build)")
      }
      if all.report.failedCount == 0 {
        try BuildState(summary: summaries.joined(separator: "\n"), outputs: allWritten).save(store, key: stateKey)
      }
    }
    if let report {
      do {
        try Data(RunSummary.json(reports).utf8).write(to: URL(fileURLWithPath: report))
      } catch {
        throw RuntimeError(fileProblem(error, path: report, doing: "write the report to"))
      }
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

  /// Prints one graph's summary: counts, graph and written files on stdout (nothing with
  /// --quiet); each failed file as an error line on stderr; skipped files and notes only with
  /// --verbose (otherwise counted in one line).
  func printSummary(
    name: String, report: RunReport, conflicts: [IdentityConflict], counts: RunSummary.Counts, written: [String],
    notes: [String]
  ) {
    for f in report.files where f.status == .failed {
      printError(errorLine("\(f.path) could not be read: \(f.reason ?? "no reason given")"))
    }
    guard !console.quiet else { return }
    let full = RunSummary.text(name: name, report: report, conflicts: conflicts, counts: counts, written: written)
    var lines: [String] = []
    var hidden = (skipped: 0, noted: 0)
    for line in full.split(separator: "\n").map(String.init) {
      if line.hasPrefix("  skipped ") && !console.verbose {
        hidden.skipped += 1
      } else if line.hasPrefix("  note ") && !console.verbose {
        hidden.noted += 1
      } else if line.hasPrefix("  failed ") {
        continue  // on stderr
      } else {
        lines.append(line)
      }
    }
    if hidden.skipped + hidden.noted > 0 {
      let parts = [
        hidden.skipped > 0 ? "\(hidden.skipped) skipped" : nil, hidden.noted > 0 ? "\(hidden.noted) with notes" : nil,
      ].compactMap { $0 }
      lines.insert("  \(parts.joined(separator: ", ")) (--verbose lists them)", at: 1)
    }
    print((lines + notes).joined(separator: "\n"))
  }

  /// Why the output folder cannot be made: a file in its place, or no permission.
  func outputFolderProblem(_ folder: String) -> String {
    var isDir: ObjCBool = false
    var path = folder
    while !path.isEmpty && path != "/" && path != "." {
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue {
        return "cannot write the graphs to \(folder): \(path) is a file, not a folder; pass --out FOLDER"
      }
      path = (path as NSString).deletingLastPathComponent
    }
    return "cannot create the output folder \(folder): permission denied; pass --out FOLDER where you may write"
  }

  /// (graph name, paths) pairs: each corpus folder, or the PATHs given.
  func workUnits() throws -> [(name: String, paths: [String])] {
    if !paths.isEmpty {
      // A mistyped PATH stops the build before anything is written (no empty graphs).
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw RuntimeError(missingPathMessage(path))
      }
      // Empty folders: nothing to read, so no index and no empty graph files either.
      let plan = CorpusLoader().plan(paths: paths)
      if plan.units.isEmpty && plan.outcomes.isEmpty {
        throw RuntimeError("nothing to read in \(paths.joined(separator: ", ")) (no files); name the files or folders that hold the documents")
      }
      let first = URL(fileURLWithPath: paths[0]).standardizedFileURL
      let base = first.deletingPathExtension().lastPathComponent
      return [(name ?? (base.isEmpty ? "graph" : base), paths)]
    }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: "corpus", isDirectory: &isDir), isDir.boolValue else {
      throw RuntimeError(
        "no PATH given and there is no corpus/ folder here; run it from the KamerGraph folder, or name the files and folders to read")
    }
    let entries = try FileManager.default.contentsOfDirectory(atPath: "corpus").sorted()
    let folders = entries.filter { entry in
      var d: ObjCBool = false
      return !entry.hasPrefix(".") && FileManager.default.fileExists(atPath: "corpus/\(entry)", isDirectory: &d) && d.boolValue
    }
    guard !folders.isEmpty else { throw RuntimeError("corpus/ has no folders to read; put each corpus in its own folder, e.g. corpus/palantir/") }
    return folders.map { ($0, ["corpus/\($0)"]) }
  }

  /// "PATH does not exist", with the nearest names in its folder.
  func missingPathMessage(_ path: String) -> String {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    let base = (path as NSString).lastPathComponent
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    let near = nearestCommand(to: base, among: entries.map { $0.lowercased() }).flatMap { lower in
      entries.first { $0.lowercased() == lower }
    }
    let suggestion = near.map { "did you mean \((parent as NSString).appendingPathComponent($0))?" } ?? "check the path"
    return "\(path) does not exist, nothing was written; \(suggestion)"
  }
}
