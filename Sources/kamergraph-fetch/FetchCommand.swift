import ArgumentParser
import Foundation
import KamerGraph
import KamerGraphFetch

struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kamergraph fetch",
    abstract: "Fetch documents from the official sources by id, follow what they cite, and build their graph.",
    discussion: """
      Each ID is looked up at its official source: KOOP ids (ah-tk-…, kv-tk-…, kst-…, h-tk-…, stb-…, \
      stcrt-…) through the KOOP repository's SRU search, then the XML and metadata.xml; a zaak \
      (2025Z14549), a Tweede Kamer document number (2025D45253) or kenmerk:… through the Tweede \
      Kamer OData v5, then each document through its KOOP id or its own file; an ECLI through \
      Rechtspraak open data. Files go to the cache folder (CACHE/documents) with their \
      provenance (URL, time, ETag/Last-Modified, SHA-256); a second run answers from the cache \
      and sends no request for what it holds; a 404/410 is remembered too (CACHE/missing) and not \
      asked again for --retry-missing-after days (7), and --offline reports it. With --follow N the documents' citations are \
      fetched too, N steps breadth first, at most --max-documents ids in all; and, the other way, \
      the KOOP publications that cite each publication looked up (one full-text SRU search, \
      cql.textAndIndexes on the id and on how it is cited, at most --cited-by per id). Then the cached \
      documents are built as `build CACHE/documents` builds them: the index is updated and the \
      graph written. Polite by default: a User-Agent naming kamergraph, at most --rate requests \
      per second per host, retries with backoff on 5xx and timeouts, Retry-After honoured on \
      429/503, a timeout and a size cap per request. Base URLs: --koop-url, --tk-url, \
      --rechtspraak-url or the environment variables \(FetchSources.koopVariable), \
      \(FetchSources.tkVariable), \(FetchSources.rechtspraakVariable). Exit status as build's: 0 \
      all done, 2 when some ids or files failed, 3 when the cache or a base URL cannot be used, 64 for \
      usage errors.
      """)

  @Argument(help: "Ids to fetch: a zaak, a Tweede Kamer document number, kenmerk:…, a KOOP id or an ECLI.")
  var ids: [String] = []

  @Option(name: .long, help: "Follow citations this many steps (breadth first).")
  var follow = 0

  @Option(name: .customLong("max-documents"), help: "Look up at most this many ids in all.")
  var maxDocuments = 100

  @Option(name: .customLong("cited-by"), help: "While following, search KOOP for up to this many documents citing each publication (0: no search).")
  var citedBy = 10

  @Option(name: .customLong("retry-missing-after"), help: "Days before a URL the source answered 404/410 is asked again (0: always).")
  var retryMissingAfter = 7.0

  @Option(name: .long, help: "The cache folder.")
  var cache = "kamergraph-cache"

  @Flag(name: .long, help: "Use the cache only; say what would be fetched.")
  var offline = false

  @Option(name: .long, help: "Confirm cached answers older than this date (YYYY-MM-DD) with conditional requests.")
  var since: String?

  @Option(name: .customLong("koop-url"), help: "KOOP repository base URL (default \(FetchSources.defaultKOOP)).")
  var koopURL: String?

  @Option(name: .customLong("tk-url"), help: "Tweede Kamer OData v5 root (default \(FetchSources.defaultTK)).")
  var tkURL: String?

  @Option(name: .customLong("rechtspraak-url"), help: "Rechtspraak open data base URL (default \(FetchSources.defaultRechtspraak)).")
  var rechtspraakURL: String?

  @OptionGroup var polite: PolitenessOptions

  @OptionGroup var output: GraphOutputOptions

  @Flag(name: .customLong("no-build"), help: "Only fetch; do not build the graph.")
  var noBuild = false

  func validate() throws {
    if ids.isEmpty { throw ValidationError("give at least one id, e.g. kamergraph fetch 2025Z14549 --follow 2") }
    if follow < 0 { throw ValidationError("--follow must be 0 or more") }
    if retryMissingAfter < 0 { throw ValidationError("--retry-missing-after must be 0 or more days") }
    if citedBy < 0 { throw ValidationError("--cited-by must be 0 or more") }
    if maxDocuments < 1 { throw ValidationError("--max-documents must be at least 1") }
    if let since, Self.date(since) == nil { throw ValidationError("--since \(since): give a date as YYYY-MM-DD") }
  }

  static func date(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.date(from: text)
  }

  func run() throws {
    let sources: FetchSources
    let store: FetchCache
    do {
      sources = try FetchSources.resolve(koop: koopURL, tk: tkURL, rechtspraak: rechtspraakURL)
      store = try FetchCache(path: cache)
    } catch {
      throw FetchFailure(message: error.description)
    }
    let politeness = polite.politeness
    let options = FetchOptions(
      sources: sources, politeness: politeness, follow: follow, maxDocuments: maxDocuments, offline: offline,
      revalidateBefore: since.flatMap(Self.date), citedBy: citedBy, retryMissingAfter: retryMissingAfter * 86400)
    let fetcher = Fetcher(cache: store, options: options)
    let tty = isatty(STDERR_FILENO) == 1
    let report = fetcher.run(ids: ids) { p in
      let line = "fetched \(p.fetched), cached \(p.cached), queued \(p.queued), failed \(p.failed), \(p.bytes / 1024) KB"
      FileHandle.standardError.write(Data((tty ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }
    if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    print(Self.summary(report, cache: store.root.path))
    let failed = report.items.contains { [.failed, .notFound, .offline].contains($0.status) }
    var buildFailed = false
    if !noBuild && !report.items.allSatisfy({ $0.files.isEmpty }) {
      buildFailed = try Self.build(store, out: output.out, name: output.name, index: output.index)
    }
    if failed || buildFailed { throw ExitCode(2) }
  }

  /// Builds the cached documents as `kamergraph build CACHE/documents` does; true when some
  /// files failed (build's exit status 2); other failures end the program with build's status.
  static func build(_ store: FetchCache, out: String?, name: String, index: String?) throws -> Bool {
    var arguments = [store.documents.path, "--out", out ?? store.root.appendingPathComponent("graphs").path, "--name", name]
    if let index { arguments += ["--index", index] }
    // The cached documents are built by `kamergraph build`, the program beside this one.
    let status = try runKamergraph(["build"] + arguments)
    if status == 2 { return true }
    if status != 0 { throw ExitCode(status) }
    return false
  }

  /// Runs `kamergraph ARGUMENTS` (the program in this program's folder), its output on ours;
  /// returns its exit status.
  static func runKamergraph(_ arguments: [String]) throws -> Int32 {
    let program = URL(fileURLWithPath: SiblingProgram.path("kamergraph"))
    guard FileManager.default.isExecutableFile(atPath: program.path) else {
      throw FetchFailure(message: "\(program.path) is missing: the fetched documents are built with it; build it with `swift build`")
    }
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// One line per id, then the totals.
  static func summary(_ report: FetchReport, cache: String) -> String {
    let width = report.items.map(\.id.count).max() ?? 0
    var lines: [String] = []
    for item in report.items {
      let via = item.citedBy.map { ", cited by \($0)" } ?? item.cites.map { ", cites \($0)" } ?? ""
      let files = item.files.isEmpty ? "" : " " + item.files.joined(separator: " ")
      let padded = item.id.padding(toLength: width, withPad: " ", startingAt: 0)
      let status = item.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
      lines.append("\(padded)  \(status) (depth \(item.depth)\(via))\(files)  \(item.detail)")
    }
    var counts: [String] = []
    for status in [FetchItem.Status.fetched, .cached, .notFound, .failed, .offline, .skipped] {
      let n = report.items.filter { $0.status == status }.count
      if n > 0 { counts.append("\(n) \(status.rawValue)") }
    }
    lines.append("fetch: \(report.items.count) ids: \(counts.joined(separator: ", ")); \(report.requests) requests, \(report.bytes) bytes received; cache: \(cache)")
    return lines.joined(separator: "\n")
  }
}
