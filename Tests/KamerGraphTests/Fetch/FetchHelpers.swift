import Foundation
import Synchronization
import Testing

@testable import KamerGraph
@testable import KamerGraphFetch

/// Records the waits a fetcher asks for instead of sleeping (retry backoff, Retry-After, pacing).
final class WaitRecorder: Sendable {
  private let waits = Mutex<[Double]>([])
  var all: [Double] { waits.withLock { $0 } }
  func record(_ seconds: Double) { waits.withLock { $0.append(seconds) } }
}

enum FetchTesting {
  /// Quick politeness for tests: no pacing, short timeout, three retries.
  static func politeness(timeout: Double = 2, maxBytes: Int = 8 << 20) -> Politeness {
    Politeness(userAgent: "kamergraph-tests", requestsPerSecond: 1000, timeout: timeout, retries: 3, backoff: 0.5, maxBytes: maxBytes)
  }

  /// A fetcher on a new cache folder (or `cache`), whose waits go to `waits`.
  static func fetcher(
    _ mirror: SourceMirror, cache: URL? = nil, follow: Int = 0, maxDocuments: Int = 100, offline: Bool = false,
    revalidateBefore: Date? = nil, politeness: Politeness = politeness(), waits: WaitRecorder = WaitRecorder()
  ) throws -> (Fetcher, URL) {
    let folder = try cache ?? ExternalTool.temporaryDirectory()
    let store = try FetchCache(path: folder.path)
    let options = FetchOptions(
      sources: mirror.sources, politeness: politeness, follow: follow, maxDocuments: maxDocuments, offline: offline,
      revalidateBefore: revalidateBefore)
    let http = HTTPFetcher(politeness: politeness, sleep: { waits.record($0) })
    return (Fetcher(cache: store, options: options, http: http), folder)
  }
}

/// The suites that talk to a loopback server, run one test at a time (their requests share one
/// process-wide HTTP driver, and a timeout test would slow the others' requests).
@Suite(.serialized) struct FetchNetworkTests {}

extension FetchTesting {
  /// A syncer on the cache folder `cache`, with the tests' politeness.
  static func syncer(
    _ mirror: SourceMirror, cache: URL, offline: Bool = false, since: Date? = nil, maxPages: Int = 100, waits: WaitRecorder = WaitRecorder()
  ) throws -> Syncer {
    let options = SyncOptions(sources: mirror.sources, politeness: politeness(), offline: offline, since: since, maxPages: maxPages)
    return Syncer(cache: try FetchCache(path: cache.path), options: options, http: HTTPFetcher(politeness: politeness(), sleep: { waits.record($0) }))
  }
}
