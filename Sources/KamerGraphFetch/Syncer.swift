import Foundation
import KamerGraph

/// What `kamergraph sync` is asked to do.
public struct SyncOptions: Sendable {
  public var sources: FetchSources
  public var politeness: Politeness
  /// Refused (`FetchError.unsupported`): a sync asks the SyncFeed what changed.
  public var offline: Bool
  /// Entries last updated before this time are passed over (the feed has no date filter, so their
  /// pages are still read).
  public var since: Date?
  /// Read at most this many feed pages in this run (250 entries each); the next run continues.
  public var maxPages: Int

  public init(sources: FetchSources, politeness: Politeness = Politeness(), offline: Bool = false, since: Date? = nil, maxPages: Int = 100) {
    self.sources = sources
    self.politeness = politeness
    self.offline = offline
    self.since = since
    self.maxPages = maxPages
  }
}

/// The outcome of a sync run.
public struct SyncReport: Sendable {
  /// Feed pages read, and the Document entries on them.
  public var pages = 0
  public var entries = 0
  /// Entries passed over because they were updated before `--since`.
  public var older = 0
  /// Cached documents that changed, looked up again with conditional requests.
  public var refreshed: [FetchItem] = []
  /// New documents in a cached zaak, fetched.
  public var added: [FetchItem] = []
  /// Numbers of cached documents the feed deleted, removed from the cache.
  public var deleted: [String] = []
  /// The skiptoken stored in the cache: where the next sync continues.
  public var skiptoken: String?
  /// The end of the feed was reached (no `next` link).
  public var complete = false
  /// Why the run stopped before the end, when a page could not be read (the position is kept).
  public var stopped: FetchError?
  public var requests = 0
  public var bytes = 0
  /// Something went wrong: a page, or a document looked up again.
  public var failed: Bool {
    stopped != nil || (refreshed + added).contains { [.failed, .notFound, .offline].contains($0.status) }
  }
}

/// Keeps a fetch cache current from the Tweede Kamer SyncFeed: reads the feed of Document changes
/// from the skiptoken the last sync stored, and for each entry about a document the cache holds
/// (`TKCachedDocument`, written by `fetch`) removes it when deleted, or looks it up again with
/// conditional requests when changed; a new document in a cached zaak is fetched. The position is
/// stored after each page, so a killed sync continues where it stopped; the same client as `fetch`
/// is used (User-Agent, rate, retries, caps).
public final class Syncer: @unchecked Sendable {
  public let cache: FetchCache
  public let options: SyncOptions
  let http: HTTPFetcher

  public convenience init(cache: FetchCache, options: SyncOptions) {
    self.init(cache: cache, options: options, http: HTTPFetcher(politeness: options.politeness))
  }

  init(cache: FetchCache, options: SyncOptions, http: HTTPFetcher) {
    self.cache = cache
    self.options = options
    self.http = http
  }

  /// Runs the sync. Throws before any request for `--offline`, and when the cache cannot be written.
  public func run(onPage: ((SyncReport) -> Void)? = nil) throws(FetchError) -> SyncReport {
    if options.offline {
      throw .unsupported(
        id: "sync", message: "cannot run --offline: it asks the Tweede Kamer SyncFeed what changed; run it online, or use `kamergraph fetch --offline` to see what the cache holds")
    }
    var report = SyncReport()
    // Changed documents are confirmed (conditional requests), however recent their cached copy,
    // and a remembered 404 is asked again: the feed says there is something new.
    let fetcher = Fetcher(
      cache: cache,
      options: FetchOptions(
        sources: options.sources, politeness: options.politeness, maxDocuments: Int.max, revalidateBefore: .distantFuture,
        retryMissingAfter: 0),
      http: http)
    var token = cache.syncState?.skiptoken
    while report.pages < options.maxPages {
      let url = options.sources.syncFeedURL(skiptoken: token)
      let page: SyncFeedPage
      do throws(FetchError) {
        let answer = try http.get(url)
        page = try SyncFeedPage.parse(answer.body, source: url.absoluteString)
      } catch {
        report.stopped = error
        break
      }
      report.pages += 1
      try apply(page, with: fetcher, to: &report)
      // The page is done: the next run starts after it.
      let next = page.next ?? page.entries.last?.next ?? token
      if let next, next != token {
        try cache.saveSyncState(skiptoken: next)
        report.skiptoken = next
      } else {
        report.skiptoken = token
      }
      onPage?(report)
      guard let following = page.next, following != token else {
        report.complete = true
        break
      }
      token = following
    }
    if report.skiptoken == nil { report.skiptoken = token }
    report.requests = http.requests
    report.bytes = http.bytes
    return report
  }

  /// The entries of one page: the last word on each document counts.
  private func apply(_ page: SyncFeedPage, with fetcher: Fetcher, to report: inout SyncReport) throws(FetchError) {
    var last: [String: SyncFeedPage.Entry] = [:]
    var order: [String] = []
    for entry in page.entries where entry.category == TKOData.Entity.document && !entry.guid.isEmpty {
      report.entries += 1
      if let since = options.since, let updated = entry.updated, updated < since {
        report.older += 1
        continue
      }
      if last[entry.guid] == nil { order.append(entry.guid) }
      last[entry.guid] = entry
    }
    let knownZaken = Set(cache.tkDocuments().flatMap(\.zaken))
    var refresh: [String] = []
    var add: [String] = []
    for guid in order {
      let entry = last[guid]!
      if let known = cache.tkDocument(guid: guid) {
        if entry.deleted {
          try cache.removeTKDocument(known)
          report.deleted.append(known.nummer)
        } else if !refresh.contains(known.nummer) {
          refresh.append(known.nummer)
        }
      } else if !entry.deleted, let nummer = entry.nummer, !entry.zaken.filter(knownZaken.contains).isEmpty, !add.contains(nummer) {
        add.append(nummer)
      }
    }
    if !refresh.isEmpty { report.refreshed += fetcher.run(ids: refresh).items }
    if !add.isEmpty { report.added += fetcher.run(ids: add).items }
  }
}
