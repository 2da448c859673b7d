import ArgumentParser
import KamerGraph
import KamerGraphFetch

/// How politely `fetch` and `sync` ask the sources: the same client options for both commands.
struct PolitenessOptions: ParsableArguments {
  @Option(name: .long, help: "At most this many requests per second to one host.")
  var rate = 2.0

  @Option(name: .long, help: "Seconds to wait for an answer before retrying.")
  var timeout = 30.0

  @Option(name: .customLong("max-bytes"), help: "Refuse answers larger than this many bytes.")
  var maxBytes = 64 << 20

  func validate() throws {
    if rate <= 0 { throw ValidationError("--rate must be more than 0 requests per second") }
    if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
    if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
  }

  var politeness: Politeness { Politeness(requestsPerSecond: rate, timeout: timeout, maxBytes: maxBytes) }
}

/// Where `fetch` and `sync` write the graph of the cached documents, as `kamergraph build` would.
struct GraphOutputOptions: ParsableArguments {
  @Option(name: .long, help: "Folder for the graph files (default: CACHE/graphs).")
  var out: String?

  @Option(name: .long, help: "Name of the graph files.")
  var name = "fetched"

  @Option(name: .long, help: "The index file, updated as build updates it (default: \(IndexLocation.default) in the current folder).")
  var index: String?
}
