import ArgumentParser
import Foundation
import KamerGraph

/// `kamergraph fetch ...`: runs `kamergraph-fetch ...`, the program built beside this one, with
/// the same arguments. Fetching needs URLSession's FoundationNetworking (libcurl and some 25
/// libraries); kept in its own program, they are loaded only when something is fetched, not at
/// every start of `kamergraph`.
struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch documents from the official sources by id, follow what they cite, and build their graph.",
    discussion: """
      Runs kamergraph-fetch (built beside kamergraph by `swift build`) with the same arguments; \
      `kamergraph fetch --help` lists its options.
      """)

  @Argument(parsing: .captureForPassthrough, help: "Ids and options, as kamergraph-fetch takes them.")
  var arguments: [String] = []

  func run() throws { try execFetchProgram(arguments) }
}

/// `kamergraph sync ...`: runs `kamergraph-fetch sync ...`, as `fetch` does.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Keep a fetch cache current from the Tweede Kamer SyncFeed (changed, new and deleted documents).",
    discussion: """
      Runs kamergraph-fetch sync (built beside kamergraph by `swift build`) with the same arguments; \
      `kamergraph sync --help` lists its options.
      """)

  @Argument(parsing: .captureForPassthrough, help: "Options, as kamergraph-fetch sync takes them.")
  var arguments: [String] = []

  func run() throws { try execFetchProgram(["sync"] + arguments) }
}

/// Replaces this process with `kamergraph-fetch ARGUMENTS`.
func execFetchProgram(_ arguments: [String]) throws {
  let program = SiblingProgram.path("kamergraph-fetch")
  guard FileManager.default.isExecutableFile(atPath: program) else {
    throw RuntimeError(
      "\(program) is missing: `kamergraph fetch` and `sync` run it; build it with `swift build` (or `swift build -c release`), "
        + "or run `swift run kamergraph-fetch ...`")
  }
  let argv = [program] + arguments
  var cArgs = argv.map { strdup($0) } + [nil]
  execv(program, &cArgs)
  throw RuntimeError("could not run \(program): \(String(cString: strerror(errno)))")
}
