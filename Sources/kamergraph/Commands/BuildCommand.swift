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
    let indexPath = IndexLocation.resolve(index)
    var options = BuildOptions(
      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
      progress: isatty(STDERR_FILENO) == 1 ? ProgressBar.update : nil, maxMentionsPerDocument: maxMentions)
    options.mentionLimitHint = " (raise the limit with --max-mentions)"
    let wait = BuildWait { pid in
      printError("kamergraph: waiting for another build of \(indexPath)" + (pid.map { " (pid \($0))" } ?? ""))
    }
    let request = BuildRequest(
      graphs: try workUnits(), outputFolder: out, formats: format, indexPath: noIndex ? nil : indexPath,
      rebuildIndex: rebuild, indexWait: wait, picture: !noPicture, alwaysRun: report != nil, options: options)
    let outcome: BuildOutcome
    do {
      outcome = try Build(request).run()
    } catch {
      switch error {
      case .indexUnavailable(_, let reason), .index(let reason):
        fail(reason.description, code: exitStatus(for: reason))
      default:
        fail(error.description)
      }
    }
    ProgressBar.finish()
    // Nothing changed since the last build (same files, same contents, outputs untouched): say so.
    if outcome.upToDate {
      print(outcome.summary)
      print("index: \(indexPath) (nothing changed since the last build; outputs are up to date)")
      return
    }
    for graph in outcome.graphs { print(graph.summary) }
    if !noIndex {
      print("index: \(indexPath) (\(outcome.reused) of \(outcome.readCount) documents unchanged since the last build)")
    }
    if let report {
      try Data(outcome.reportJSON.utf8).write(to: URL(fileURLWithPath: report))
    }
    if outcome.failedCount > 0 { throw ExitCode(2) }
  }

  /// The graphs to build: each corpus folder, or the PATHs given.
  func workUnits() throws -> [GraphTarget] {
    if !paths.isEmpty { return [GraphTarget.of(paths: paths, name: name)] }
    do {
      return try GraphTarget.corpusFolders(in: "corpus")
    } catch .noCorpus {
      throw ValidationError(
        "no PATH given and there is no corpus/ folder here; run it from the KamerGraph folder, or name the files and folders to read")
    } catch {
      throw ValidationError("corpus/ has no folders to read; put each corpus in its own folder, e.g. corpus/palantir/")
    }
  }
}
