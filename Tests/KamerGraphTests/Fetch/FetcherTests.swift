import Foundation
import Testing

@testable import KamerGraph
@testable import KamerGraphFetch

/// Fetching from the sources played on 127.0.0.1 (no test reaches any other host).
extension FetchNetworkTests {
@Suite struct FetcherTests {
  @Test func aKOOPIdIsFoundThroughSRUAndStoredWithItsMetadataAndProvenance() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["ah-tk-20252026-313"])
    let item = try #require(report.items.first)
    #expect(item.status == .fetched)
    #expect(item.files == ["ah-tk-20252026-313.metadata.xml", "ah-tk-20252026-313.xml"])
    #expect(report.requests == 3)  // SRU, XML, metadata.xml
    let xml = try Data(contentsOf: dir.appendingPathComponent("documents/ah-tk-20252026-313.xml"))
    #expect([UInt8](xml) == SourceMirror.corpus("ah-tk-20252026-313.xml"))
    // Provenance: URL, time, validators, checksum.
    let xmlURL = URL(string: mirror.server.base + "/koop/frbr/officielepublicaties/ah-tk/20252026/ah-tk-20252026-313/1/xml/ah-tk-20252026-313.xml")!
    let record = try #require(fetcher.cache.entry(for: xmlURL)?.provenance)
    #expect(record.sha256 == SHA256.hex([UInt8](xml)))
    #expect(record.bytes == xml.count)
    #expect(record.etag?.hasPrefix("\"") == true)
    #expect(record.lastModified == "Fri, 31 Oct 2025 10:00:00 GMT")
    #expect(FetchCache.date(record.fetchedAt) != nil)
    // Every request said who is asking.
    #expect(mirror.server.log.allSatisfy { $0.headers["user-agent"] == "kamergraph-tests" })
  }

  @Test func aSecondRunAnswersFromTheCacheWithoutARequest() throws {
    let mirror = try SourceMirror()
    let (first, dir) = try FetchTesting.fetcher(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = first.run(ids: ["2025Z15452"])
    let sent = mirror.server.log.count
    #expect(sent == 4)  // OData, SRU, XML, metadata.xml
    let (second, _) = try FetchTesting.fetcher(mirror, cache: dir)
    let report = second.run(ids: ["2025Z15452"])
    #expect(report.items.map(\.status) == [.cached])
    #expect(report.items[0].files == ["ah-tk-20252026-313.metadata.xml", "ah-tk-20252026-313.xml"])
    #expect(report.requests == 0)
    #expect(mirror.server.log.count == sent)
  }

  @Test func oldCacheEntriesAreConfirmedWithConditionalRequests() throws {
    let mirror = try SourceMirror()
    let (first, dir) = try FetchTesting.fetcher(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = first.run(ids: ["ah-tk-20252026-313"])
    let (second, _) = try FetchTesting.fetcher(mirror, cache: dir, revalidateBefore: Date().addingTimeInterval(3600))
    let report = second.run(ids: ["ah-tk-20252026-313"])
    // The SRU answer and metadata.xml carry no validators, so they are downloaded again.
    #expect(report.items.map(\.status) == [.fetched], "\(report.items)")
    let xmlRequests = mirror.server.log.filter { $0.target.hasSuffix("/xml/ah-tk-20252026-313.xml") }
    try #require(xmlRequests.count == 2)
    #expect(xmlRequests[0].headers["if-none-match"] == nil)
    #expect(xmlRequests[1].headers["if-none-match"] != nil)
    #expect(xmlRequests[1].headers["if-modified-since"] == "Fri, 31 Oct 2025 10:00:00 GMT")
    // The XML was confirmed (304), not downloaded: its record says when.
    let xmlURL = URL(string: mirror.server.base + xmlRequests[1].target)!
    let record = try #require(second.cache.entry(for: xmlURL)?.provenance)
    #expect(record.checkedAt != nil)
    // A decoy: without --since nothing is asked again.
    let sent = mirror.server.log.count
    let (third, _) = try FetchTesting.fetcher(mirror, cache: dir)
    #expect(third.run(ids: ["ah-tk-20252026-313"]).items.map(\.status) == [.cached])
    #expect(mirror.server.log.count == sent)
  }

  @Test func offlineAnswersFromTheCacheOnlyAndSaysWhatItWouldFetch() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, offline: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["ah-tk-20252026-313"])
    #expect(report.items.map(\.status) == [.offline])
    #expect(report.items[0].detail.hasPrefix("would fetch \(mirror.server.base)/koop/sru?"))
    #expect(mirror.server.log.isEmpty)
    // Filled online, the same offline run is answered from the cache.
    let (online, _) = try FetchTesting.fetcher(mirror, cache: dir)
    _ = online.run(ids: ["ah-tk-20252026-313"])
    let (again, _) = try FetchTesting.fetcher(mirror, cache: dir, offline: true)
    #expect(again.run(ids: ["ah-tk-20252026-313"]).items.map(\.status) == [.cached])
  }

  @Test func aZaakWithoutAKOOPIdIsFetchedAsTheTweedeKamersOwnFile() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["2025Z14549"])
    #expect(report.items.map(\.status) == [.fetched])
    #expect(report.items[0].files == ["2025D99001.docx", "2025D99001.metadata.xml"])
    // The deleted document's file was never asked for.
    #expect(mirror.server.count("/tk/Document(1a8e3b57") == 0)
  }

  @Test func aTweedeKamerFileGetsItsODataMetadataAsASidecarThatBuildMerges() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = fetcher.run(ids: ["2025Z14549"])
    let sidecar = String(decoding: try Data(contentsOf: dir.appendingPathComponent("documents/2025D99001.metadata.xml")), as: UTF8.self)
    #expect(sidecar.hasPrefix("<metadata_gegevens>"))
    #expect(sidecar.contains(#"<metadata name="OVERHEIDop.vraagnummer" scheme="" content="2025Z14549" />"#))
    #expect(sidecar.contains(#"<metadata name="DC.creator" scheme="" content="Ministerie van Defensie" />"#))
    #expect(!sidecar.contains("DC.identifier"))
    let graph = try BuildPipeline().build(paths: [dir.appendingPathComponent("documents").path]).graph
    // One node: the sidecar merged into the letter, which keeps its own id.
    let letter = try #require(graph.node("kenmerk:MINDEF20250032172"))
    #expect(letter.paths.count == 1)
    #expect(letter.vergaderjaar == "2024-2025")  // the zaak's: the letter names none
    let edges = Set(graph.edges.map { "\($0.source) \($0.relation.rawValue) \($0.target)" })
    #expect(edges.contains("kv-tk-2025Z14549 asked-by persoon:van-houwelingen"))
    #expect(edges.contains("kv-tk-2025Z14549 addressed-to ministerie:DEF"))
    #expect(edges.contains("kenmerk:MINDEF20250032172 answers kv-tk-2025Z14549"))
    // The letter alone says as much of the edges (the sidecar agrees with it), but not its year.
    let alone = try BuildPipeline().build(paths: [dir.appendingPathComponent("documents/2025D99001.docx").path]).graph
    let without = Set(alone.edges.map { "\($0.source) \($0.relation.rawValue) \($0.target)" })
    #expect(without == edges)
    #expect(alone.node("kenmerk:MINDEF20250032172")?.vergaderjaar == nil)
    // A second run writes nothing and asks nothing.
    let (again, _) = try FetchTesting.fetcher(mirror, cache: dir)
    #expect(again.run(ids: ["2025Z14549"]).items.map(\.status) == [.cached])
  }

  @Test func idsTheSourcesDoNotHaveAreReportedWithTheURLTried() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["kst-36600-X-12", "2025Z00001", "persoon:tuinman", "ECLI:NL:HR:2005:AR5213"])
    #expect(report.items.map(\.status) == [.notFound, .notFound, .failed, .notFound])
    #expect(report.items[0].detail.contains("/koop/sru?"))
    #expect(report.items[1].detail.contains("/tk/Zaak?"))
    #expect(report.items[2].detail.contains("not looked up"))
    #expect(report.items[3].detail.contains("/rechtspraak/uitspraken/content?id=ECLI"))
  }
}
}

/// The faults a real source shows, one per test, on a KOOP document URL.
extension FetchNetworkTests {
@Suite struct FetchFaultTests {
  /// A mirror whose XML file of ah-tk-20252026-313 answers with `fault(n)` for the n-th request (from 1).
  func mirror(_ fault: @escaping @Sendable (Int) -> LoopbackServer.Reply?) throws -> SourceMirror {
    let counter = Counter()
    return try SourceMirror { request in
      guard request.target.hasSuffix("/xml/ah-tk-20252026-313.xml") else { return nil }
      return fault(counter.next())
    }
  }

  func run(_ mirror: SourceMirror, politeness: Politeness = FetchTesting.politeness(), waits: WaitRecorder = WaitRecorder()) throws -> FetchItem {
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, politeness: politeness, waits: waits)
    defer { try? FileManager.default.removeItem(at: dir) }
    let item = try #require(fetcher.run(ids: ["ah-tk-20252026-313"]).items.first)
    // A failed answer is never stored as the document.
    if item.status != .fetched {
      #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("documents/ah-tk-20252026-313.xml").path))
    }
    return item
  }

  func xmlRequests(_ mirror: SourceMirror) -> Int { mirror.server.log.filter { $0.target.hasSuffix("/xml/ah-tk-20252026-313.xml") }.count }

  @Test func notFoundAndGoneAreNotRetried() throws {
    for code in [404, 410] {
      let m = try mirror { _ in .status(code) }
      let item = try run(m)
      #expect(item.status == .notFound)
      #expect(item.detail.contains("HTTP \(code)"))
      #expect(xmlRequests(m) == 1)
    }
  }

  @Test func tooManyRequestsWaitsAsLongAsRetryAfterSays() throws {
    let m = try mirror { n in n == 1 ? .status(429, [("Retry-After", "7")]) : nil }
    let waits = WaitRecorder()
    let item = try run(m, waits: waits)
    #expect(item.status == .fetched)
    #expect(xmlRequests(m) == 2)
    #expect(waits.all.contains(7))
  }

  @Test func aServerErrorIsRetriedWithBackoffThenSucceeds() throws {
    let m = try mirror { n in n <= 2 ? .status(500) : nil }
    let waits = WaitRecorder()
    let item = try run(m, waits: waits)
    #expect(item.status == .fetched)
    #expect(xmlRequests(m) == 3)
    #expect(waits.all.filter { $0 >= 0.5 } == [0.5, 1.0])  // doubling backoff
  }

  @Test func aServerErrorThatStaysFailsAfterTheRetries() throws {
    let m = try mirror { _ in .status(503) }
    let item = try run(m)
    #expect(item.status == .failed)
    #expect(item.detail.contains("HTTP 503"))
    #expect(xmlRequests(m) == 4)  // 1 + 3 retries
  }

  @Test func aSlowAnswerPastTheTimeoutFails() throws {
    let m = try mirror { _ in LoopbackServer.Reply(status: 200, body: Array("<a/>".utf8), delay: 3) }
    var politeness = FetchTesting.politeness(timeout: 1)
    politeness.retries = 1
    let item = try run(m, politeness: politeness)
    #expect(item.status == .failed)
    #expect(item.detail.contains("timeout"))
    #expect(xmlRequests(m) == 2)
  }

  @Test func aTruncatedBodyIsRetriedAndNeverKept() throws {
    let m = try mirror { n in
      n == 1 ? LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/xml")], body: Array("<officiele-publicatie><kamervr".utf8), declaredLength: 5000) : nil
    }
    let item = try run(m)
    #expect(item.status == .fetched)
    #expect(xmlRequests(m) == 2)
    let always = try mirror { _ in
      LoopbackServer.Reply(status: 200, body: Array("<officiele-publicatie><kamervr".utf8), declaredLength: 5000)
    }
    let failed = try run(always)
    #expect(failed.status == .failed)
  }

  @Test func anHTMLErrorPageWhereXMLWasExpectedIsRefused() throws {
    let m = try mirror { _ in .ok(Array("<!DOCTYPE html>\n<html><body><h1>Onderhoud</h1></body></html>".utf8), type: "text/html") }
    let item = try run(m)
    #expect(item.status == .failed)
    #expect(item.detail.contains("HTML page"))
  }

  @Test func aRedirectLoopIsStopped() throws {
    let m = try SourceMirror { request in
      request.target.hasSuffix("/xml/ah-tk-20252026-313.xml") || request.target.hasPrefix("/loop")
        ? LoopbackServer.Reply(status: 302, headers: [("Location", "/loop/\(request.target.count)")]) : nil
    }
    let item = try run(m)
    #expect(item.status == .failed)
    #expect(item.detail.contains("redirect"))
    #expect(m.server.count("/loop") <= 6)
  }

  @Test func aMissingMetadataRecordLeavesTheDocument() throws {
    let m = try SourceMirror { request in request.target.hasSuffix("/metadata/metadata.xml") ? .status(404) : nil }
    let item = try run(m)
    #expect(item.status == .fetched)
    #expect(item.files == ["ah-tk-20252026-313.xml"])
  }

  @Test func aHugeAnswerIsRefusedAtTheCap() throws {
    let huge = [UInt8](repeating: 0x20, count: 3 << 20)
    let m = try mirror { _ in .ok(Array("<a>".utf8) + huge, type: "application/xml") }
    let item = try run(m, politeness: FetchTesting.politeness(maxBytes: 1 << 20))
    #expect(item.status == .failed)
    #expect(item.detail.contains("larger than the cap"))
    #expect(xmlRequests(m) == 1)
  }
}
}

final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var n = 0
  func next() -> Int { lock.withLock { n += 1; return n } }
}

extension FetchNetworkTests {
  @Suite struct PolitenessTests {
    @Test func requestsToOneHostAreSpacedByTheRateAndOtherHostsAreNot() throws {
      let mirror = try SourceMirror()
      let waits = WaitRecorder()
      var politeness = FetchTesting.politeness()
      politeness.requestsPerSecond = 2
      // A clock that stands still: every wait comes from the pacing alone.
      let http = HTTPFetcher(politeness: politeness, sleep: { waits.record($0) }, clock: { 1000 })
      let url = URL(string: mirror.server.base + "/koop/sru?query=dt.identifier==%22x%22")!
      for _ in 0..<3 { _ = try http.get(url) }
      #expect(waits.all == [0.5, 1.0])
      // localhost is another host name: not held back by 127.0.0.1's pace.
      _ = try http.get(URL(string: "http://localhost:\(mirror.server.port)/koop/sru?query=dt.identifier==%22x%22")!)
      #expect(waits.all == [0.5, 1.0])
      #expect(http.requests == 4)
    }
  }
}

/// A 404/410 remembered in the cache (`--retry-missing-after`).
extension FetchNetworkTests {
@Suite struct NegativeCacheTests {
  /// A mirror whose XML of ah-tk-20252026-313 is gone (410).
  func mirror() throws -> SourceMirror {
    try SourceMirror { request in request.target.hasSuffix("/xml/ah-tk-20252026-313.xml") ? .status(410) : nil }
  }

  func xmlRequests(_ mirror: SourceMirror) -> Int { mirror.server.log.filter { $0.target.hasSuffix("/xml/ah-tk-20252026-313.xml") }.count }

  func fetcher(_ mirror: SourceMirror, cache: URL, offline: Bool = false, retryMissingAfter: TimeInterval = 7 * 86400) throws -> Fetcher {
    let options = FetchOptions(sources: mirror.sources, politeness: FetchTesting.politeness(), offline: offline, retryMissingAfter: retryMissingAfter)
    return Fetcher(cache: try FetchCache(path: cache.path), options: options, http: HTTPFetcher(politeness: FetchTesting.politeness()))
  }

  @Test func aGoneDocumentIsNotAskedForAgainWithinThePeriod() throws {
    let m = try mirror()
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = try fetcher(m, cache: dir).run(ids: ["ah-tk-20252026-313"])
    #expect(first.items.map(\.status) == [.notFound])
    #expect(xmlRequests(m) == 1)
    let xmlURL = URL(string: m.server.base + "/koop/frbr/officielepublicaties/ah-tk/20252026/ah-tk-20252026-313/1/xml/ah-tk-20252026-313.xml")!
    let record = try #require(try FetchCache(path: dir.path).missing(for: xmlURL))
    #expect(record.status == 410)
    #expect(FetchCache.date(record.at) != nil)
    // Within the period: reported from the cache, the source not asked.
    let second = try fetcher(m, cache: dir).run(ids: ["ah-tk-20252026-313"])
    #expect(second.items.map(\.status) == [.notFound])
    #expect(second.items[0].detail.contains("HTTP 410 at \(record.at), remembered"))
    #expect(second.items[0].detail.contains("7 days"))
    #expect(second.requests == 0)
    #expect(xmlRequests(m) == 1)
    // Offline: reported as missing, not as something it would fetch.
    let offline = try fetcher(m, cache: dir, offline: true).run(ids: ["ah-tk-20252026-313"])
    #expect(offline.items.map(\.status) == [.notFound])
    #expect(offline.items[0].detail.contains("remembered"))
    // With 0 it is asked again at once.
    _ = try fetcher(m, cache: dir, retryMissingAfter: 0).run(ids: ["ah-tk-20252026-313"])
    #expect(xmlRequests(m) == 2)
  }

  @Test func aRememberedAnswerOlderThanThePeriodIsAskedAgainAndForgottenOnceFound() throws {
    let m = try SourceMirror()
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cache = try FetchCache(path: dir.path)
    let xmlURL = URL(string: m.server.base + "/koop/frbr/officielepublicaties/ah-tk/20252026/ah-tk-20252026-313/1/xml/ah-tk-20252026-313.xml")!
    // Remembered two hours ago; the period is one hour.
    try cache.recordMissing(xmlURL, status: 404, at: Date().addingTimeInterval(-7200))
    let report = try fetcher(m, cache: dir, retryMissingAfter: 3600).run(ids: ["ah-tk-20252026-313"])
    #expect(report.items.map(\.status) == [.fetched])
    #expect(cache.missing(for: xmlURL) == nil)
    // A decoy: remembered just now, the same period keeps it from being asked.
    let other = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: other) }
    try FetchCache(path: other.path).recordMissing(xmlURL, status: 404)
    let before = xmlRequests(m)
    #expect(try fetcher(m, cache: other, retryMissingAfter: 3600).run(ids: ["ah-tk-20252026-313"]).items.map(\.status) == [.notFound])
    #expect(xmlRequests(m) == before)
  }

  @Test func aMissingMetadataRecordIsRememberedAndTheDocumentStillCounts() throws {
    let m = try SourceMirror { request in request.target.hasSuffix("/metadata/metadata.xml") ? .status(404) : nil }
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try fetcher(m, cache: dir).run(ids: ["ah-tk-20252026-313"])
    let second = try fetcher(m, cache: dir).run(ids: ["ah-tk-20252026-313"])
    #expect(second.items.map(\.status) == [.cached])
    #expect(second.items[0].files == ["ah-tk-20252026-313.xml"])
    #expect(second.requests == 0)
  }
}
}
