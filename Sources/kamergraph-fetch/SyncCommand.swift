import ArgumentParser
import Foundation
import KamerGraph
import KamerGraphFetch

struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kamergraph sync",
    abstract: "Keep a fetch cache current from the Tweede Kamer SyncFeed (changed, new and deleted documents).",
    discussion: """
      Reads the Tweede Kamer SyncFeed of Document changes \
      (\(FetchSources.defaultTKSync)/Feed?category=Document&skiptoken=N) from where the last sync of \
      this cache stopped (CACHE/sync.json), page by page (250 entries each), at most --max-pages pages \
      per run. For each entry about a Tweede Kamer document the cache holds (fetched through a zaak, \
      a document number or a kenmerk): deleted, its files leave the cache (and the index on the \
      build that follows); changed, it is looked up again with conditional requests (If-None-Match, \
      If-Modified-Since), so unchanged files are not downloaded; a new document in a cached zaak is \
      fetched. The position is stored after each page: a sync that is killed or stopped by an error \
      continues there, without asking for the pages it finished. Then the cached documents are built \
      as `kamergraph fetch` builds them. The same polite client as fetch: --rate, retries with \
      backoff, Retry-After, --timeout, --max-bytes. Base URLs: --tk-sync-url or \
      \(FetchSources.tkSyncVariable) for the feed; --tk-url, --koop-url as for fetch. --offline is \
      refused (a sync asks the source what changed). Exit status: 0 done, 2 when a page or a \
      document failed (the position is kept), 3 when the cache or a base URL cannot be used, 64 for \
      usage errors.
      """)

  @Option(name: .long, help: "The cache folder (as for fetch).")
  var cache = "kamergraph-cache"

  @Option(name: .long, help: "Pass over feed entries updated before this date (YYYY-MM-DD).")
  var since: String?

  @Flag(name: .long, help: "Refused: a sync needs the SyncFeed.")
  var offline = false

  @Option(name: .customLong("max-pages"), help: "Read at most this many feed pages in this run; the next run continues.")
  var maxPages = 100

  @Option(name: .customLong("tk-sync-url"), help: "Tweede Kamer SyncFeed root (default \(FetchSources.defaultTKSync)).")
  var tkSyncURL: String?

  @Option(name: .customLong("tk-url"), help: "Tweede Kamer OData v5 root (default \(FetchSources.defaultTK)).")
  var tkURL: String?

  @Option(name: .customLong("koop-url"), help: "KOOP repository base URL (default \(FetchSources.defaultKOOP)).")
  var koopURL: String?

  @OptionGroup var polite: PolitenessOptions

  @OptionGroup var output: GraphOutputOptions

  @Flag(name: .customLong("no-build"), help: "Only sync; do not build the graph.")
  var noBuild = false

  func validate() throws {
    if offline {
      throw ValidationError("sync cannot run --offline: it asks the Tweede Kamer SyncFeed what changed; use `kamergraph fetch --offline` to see what the cache holds")
    }
    if maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
    if let since, FetchCommand.date(since) == nil { throw ValidationError("--since \(since): give a date as YYYY-MM-DD") }
  }

  func run() throws {
    let sources: FetchSources
    let store: FetchCache
    do {
      sources = try FetchSources.resolve(koop: koopURL, tk: tkURL, tkSync: tkSyncURL)
      store = try FetchCache(path: cache)
    } catch {
      throw FetchFailure(message: error.description)
    }
    let options = SyncOptions(
      sources: sources, politeness: polite.politeness,
      since: since.flatMap(FetchCommand.date), maxPages: maxPages)
    let report: SyncReport
    do {
      report = try Syncer(cache: store, options: options).run { r in
        FileHandle.standardError.write(Data("sync: page \(r.pages), \(r.entries) entries, \(r.refreshed.count) refreshed, \(r.added.count) added, \(r.deleted.count) deleted\n".utf8))
      }
    } catch {
      throw FetchFailure(message: error.description)
    }
    print(Self.summary(report, cache: store.root.path))
    var buildFailed = false
    let changed = !report.deleted.isEmpty || (report.refreshed + report.added).contains { $0.status == .fetched }
    let left = (try? FileManager.default.contentsOfDirectory(atPath: store.documents.path)) ?? []
    if !noBuild && changed && left.isEmpty {
      // build refuses an empty folder: say so rather than fail.
      FileHandle.standardError.write(Data("sync: the cache holds no documents now; nothing was built, and the index still lists the deleted ones\n".utf8))
    } else if !noBuild && changed {
      buildFailed = try FetchCommand.build(store, out: output.out, name: output.name, index: output.index)
    }
    if report.failed || buildFailed { throw ExitCode(2) }
  }

  /// One line per document touched, then the totals and where the next sync continues.
  static func summary(_ report: SyncReport, cache: String) -> String {
    var lines: [String] = []
    for item in report.refreshed { lines.append("changed  \(item.id)  \(item.status.rawValue)  \(item.files.joined(separator: " "))  \(item.detail)") }
    for item in report.added { lines.append("new      \(item.id)  \(item.status.rawValue)  \(item.files.joined(separator: " "))  \(item.detail)") }
    for nummer in report.deleted { lines.append("deleted  \(nummer)  removed from the cache") }
    if let stopped = report.stopped { lines.append("sync: stopped: \(stopped.description); the next sync continues there") }
    let end = report.complete ? "reached the end of the feed" : report.stopped != nil ? "stopped" : "stopped after --max-pages"
    let older = report.older > 0 ? " (\(report.older) older than --since passed over)" : ""
    lines.append(
      "sync: \(report.pages) pages, \(report.entries) document entries\(older); \(report.refreshed.count) changed, \(report.added.count) new, "
        + "\(report.deleted.count) deleted; \(end), next skiptoken \(report.skiptoken ?? "(start)"); "
        + "\(report.requests) requests, \(report.bytes) bytes received; cache: \(cache)")
    return lines.joined(separator: "\n")
  }
}
