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
      output folder that cannot be written, the index locked or damaged), 64 for usage errors. Builds of one index \
      run one after the other.
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

  @OptionGroup var console: ConsoleOptions

  func validate() throws {
    if let threads { try Check.count(threads, "--threads") }
    try Check.count(maxMentions, "--max-mentions")
    if rebuild && noIndex { throw ValidationError("--rebuild replaces the index; it cannot be used with --no-index") }
    if name != nil && paths.isEmpty { throw ValidationError("--name needs PATHs; without PATHs each corpus folder names its own graph") }
  }

  func run() throws {
    let indexPath = IndexLocation.resolve(index)
    let bar = ProgressBar.start(quiet: console.quiet)
    var options = BuildOptions(
      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, progress: bar?.build,
      maxMentionsPerDocument: maxMentions)
    options.mentionLimitHint = " (raise the limit with --max-mentions)"
    let wait = BuildWait { pid in
      printError("kamergraph: waiting for another build of \(indexPath)" + (pid.map { " (pid \($0))" } ?? ""))
    }
    let (graphs, plan) = try workUnits()
    let request = BuildRequest(
      graphs: graphs, outputFolder: out, formats: format, indexPath: noIndex ? nil : indexPath,
      rebuildIndex: rebuild, indexWait: wait, picture: !noPicture, alwaysRun: report != nil, options: options,
      plan: plan)
    let outcome: BuildOutcome
    do {
      outcome = try Build(request).run()
    } catch {
      bar?.finish()
      switch error {
      case .indexUnavailable(_, let reason), .index(let reason):
        fail(reason.description, code: exitStatus(for: reason))
      case .output(let path, _) where path == out:
        fail(outputFolderProblem(out))
      default:
        fail(error.description)
      }
    }
    bar?.finish()
    // Nothing changed since the last build (same files, same contents, outputs untouched): one
    // line per graph (its file counts), not the whole summary again; nothing was written.
    if outcome.upToDate {
      if !console.quiet {
        for line in outcome.summary.split(separator: "\n") where !line.hasPrefix(" ") { print(line) }
        print("index: \(indexPath) (nothing changed since the last build; the outputs in \(out) are up to date, none rewritten)")
      }
      return
    }
    for graph in outcome.graphs {
      printSummary(
        name: graph.name, report: graph.report, conflicts: graph.conflicts, counts: graph.counts, written: graph.written,
        notes: graph.notes)
    }
    if !noIndex && !console.quiet {
      print("index: \(indexPath) (\(outcome.reused) of \(outcome.readCount) documents unchanged since the last build)")
    }
    if console.verbose && !console.quiet { print(timingLines(outcome.timings).joined(separator: "\n")) }
    if let report {
      do {
        try Data(outcome.reportJSON.utf8).write(to: URL(fileURLWithPath: report))
      } catch {
        throw RuntimeError(fileProblem(error, path: report, doing: "write the report to"))
      }
    }
    if outcome.failedCount > 0 { throw ExitCode(2) }
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

  /// Where the time went, for --verbose: each stage's wall-clock seconds and the CPU seconds the
  /// process spent meanwhile (stages of the index's thread, which run beside the others, marked
  /// with `|`), then the whole run's wall and CPU time and
  /// its peak memory. Stages under 5 ms are left out, except the index's commit.
  func timingLines(_ t: BuildTimings) -> [String] {
    func secs(_ s: Double) -> String { String(format: "%.2f s", s) }
    var lines = ["time:"]
    for stage in t.stages where stage.seconds >= 0.005 || stage.name == BuildTimings.indexCommit {
      lines.append(
        "  \(stage.beside ? "  | " : "")\(stage.name): \(secs(stage.seconds))"
          + " (CPU \(secs(stage.cpuSeconds)) over all threads; peak memory so far \(stage.peakBytes >> 20) MB)")
    }
    let cpu = t.userSeconds + t.systemSeconds
    lines.append(
      "  total: \(secs(t.wall)) wall, \(secs(t.userSeconds)) user + \(secs(t.systemSeconds)) system"
        + (t.wall > 0 ? String(format: " (%.0f %% CPU)", 100 * cpu / t.wall) : "")
        + ", peak memory \(t.peakBytes / (1 << 20)) MB")
    return lines
  }

  /// Why the output folder cannot be made: a file in its place, or no permission.
  func outputFolderProblem(_ folder: String) -> String {
    var isDir: ObjCBool = false
    var path = folder
    while !path.isEmpty && path != "/" && path != "." {
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue {
        return "cannot write the graphs to \(folder): \(path) is a file, not a folder; pass --out FOLDER"
      }
      path = parentPath(path)
    }
    return "cannot create the output folder \(folder): permission denied; pass --out FOLDER where you may write"
  }

  /// The graphs to build: each corpus folder, or the PATHs given with their planned files (handed
  /// to the build, which then does not walk them again). A mistyped PATH or folders with nothing in
  /// them stop the build before anything is written (no empty graphs, no index).
  func workUnits() throws -> ([GraphTarget], InputPlan?) {
    if !paths.isEmpty {
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw RuntimeError(missingPathMessage(path, "nothing was written"))
      }
      let plan = CorpusLoader().plan(paths: paths)
      if plan.units.isEmpty && plan.outcomes.isEmpty {
        throw RuntimeError("nothing to read in \(paths.joined(separator: ", ")) (no files); name the files or folders that hold the documents")
      }
      return ([GraphTarget.of(paths: paths, name: name)], plan)
    }
    do {
      return (try GraphTarget.corpusFolders(in: "corpus"), nil)
    } catch .noCorpus {
      throw RuntimeError(
        "no PATH given and there is no corpus/ folder here; run it from the KamerGraph folder, or name the files and folders to read")
    } catch {
      throw RuntimeError("corpus/ has no folders to read; put each corpus in its own folder, e.g. corpus/palantir/")
    }
  }
}
