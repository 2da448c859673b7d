import Foundation
import Testing

@testable import KamerGraph
@testable import KamerGraphFetch

@Suite struct SyncFeedPageTests {
  @Test func theCorpusFeedPageGivesItsEntriesAndTheNextSkiptoken() throws {
    let page = try SyncFeedPage.parse(SourceMirror.corpus("tk-syncfeed-2025Z15452.xml"), source: "feed")
    #expect(page.next == "25610007")
    #expect(page.entries.count == 7)
    #expect(page.entries.map(\.category).prefix(4) == ["Zaak", "ZaakActor", "ZaakActor", "Document"])
    let document = try #require(page.entries.first { $0.category == "Document" })
    #expect(document.guid == "e3c43455-4a9a-4407-8e38-a82b297867e1")
    #expect(document.nummer == "2025D45253")
    #expect(document.zaken == ["ef644f1c-e5ac-4d49-9191-5d4393f546f0"])
    #expect(document.next == "25610004")
    #expect(!document.deleted)
    #expect(document.updated == SyncFeedPage.date("2025-10-31T14:20:12.016Z"))
  }

  @Test func aDeletedEntityIsMarkedAndOtherAnswersAreRefused() throws {
    let page = try SyncFeedPage.parse(
      SourceMirror.feedPage(base: "http://m", token: 5, entries: [("9d2f4c61-7b3e-4a85-8f10-6c5e2b9a4d03", "2025D99001", nil, true)], next: nil),
      source: "feed")
    #expect(page.next == nil)
    #expect(page.entries.map(\.deleted) == [true])
    #expect(page.entries[0].next == "6")
    #expect(throws: FetchError.self) { try SyncFeedPage.parse(Array("<!DOCTYPE html><html>Onderhoud</html>".utf8), source: "f") }
    #expect(throws: FetchError.self) { try SyncFeedPage.parse(SourceMirror.fixture("sru-empty.xml"), source: "f") }
  }

  @Test func onlyAtomEntriesAndTheFirstElementOfTheirContentAreRead() throws {
    let feed = """
      <feed xmlns="http://www.w3.org/2005/Atom"><title>feed</title>
      <entry><title> from-the-title </title><content><zaak xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0">\
      <documentNummer>no</documentNummer></zaak><document id="second"/></content></entry>
      <x:entry xmlns:x="urn:other"><title>not atom</title></x:entry>
      <entry><category term="Document"/><content><document id="g2" verwijderd="false"><documentNummer> 2025D1 </documentNummer>\
      <zaak ref="z1"/><zaak ref="z2"/><extra><zaak ref="deep"/></extra></document></content>\
      <link rel="next" href="http://m/Feed?skiptoken=9"/></entry>
      <link rel="next" href="http://m/Feed?category=Document&amp;skiptoken=10"/>
      </feed>
      """
    let page = try SyncFeedPage.parse(Array(feed.utf8), source: "feed")
    #expect(page.next == "10")
    #expect(page.entries.map(\.guid) == ["from-the-title", "g2"])
    #expect(page.entries.map(\.category) == ["Zaak", "Document"])
    // The zaak's own fields are read as its fields, the second element of content is not the entity.
    #expect(page.entries[0].nummer == "no")
    #expect(page.entries[1].nummer == "2025D1")
    #expect(page.entries[1].zaken == ["z1", "z2"])
    #expect(page.entries.map(\.next) == [nil, "9"])
  }
}

/// `sync` against the mirror: the feed at /tksync, pages by skiptoken.
extension FetchNetworkTests {
@Suite struct SyncTests {
  static let defence = (guid: "9d2f4c61-7b3e-4a85-8f10-6c5e2b9a4d03", nummer: "2025D99001")
  static let justice = (guid: "e3c43455-4a9a-4407-8e38-a82b297867e1", nummer: "2025D45253")
  static let defenceZaak = "5b0e7f2a-3c1d-4e8f-9a6b-2d4c8e1f0a37"

  /// A mirror whose feed has these pages (nil key: the start, asked without a skiptoken); a page
  /// in `failing` answers 500.
  static func mirror(
    _ pages: [String?: (entries: [(guid: String, nummer: String, zaak: String?, deleted: Bool)], next: Int?)], failing: Flag = Flag()
  ) throws -> SourceMirror {
    let pages = pages.map { ($0.key, $0.value) }
    return try SourceMirror { request in
      guard request.target.hasPrefix("/tksync/Feed?") else { return nil }
      let token = SyncFeedPage.skiptoken(of: "http://x" + request.target)
      if let token, failing.contains(token) { return .status(500) }
      let base = "http://127.0.0.1:" + (request.headers["host"]?.split(separator: ":").last.map(String.init) ?? "")
      // Past the recorded pages the feed has nothing new: an empty last page.
      guard let page = pages.first(where: { $0.0 == token })?.1 else {
        return .ok(SourceMirror.feedPage(base: base, token: Int(token ?? "0") ?? 0, entries: [], next: nil), type: "application/atom+xml")
      }
      return .ok(SourceMirror.feedPage(base: base, token: Int(token ?? "0")!, entries: page.entries, next: page.next), type: "application/atom+xml")
    }
  }

  func feedRequests(_ mirror: SourceMirror) -> [String?] {
    mirror.server.log.filter { $0.target.hasPrefix("/tksync/Feed") }.map { SyncFeedPage.skiptoken(of: "http://x" + $0.target) }
  }

  /// Both zaken fetched first: the cache holds both answers (one a Tweede Kamer file, one at KOOP).
  func filledCache(_ mirror: SourceMirror) throws -> URL {
    let (fetcher, dir) = try FetchTesting.fetcher(mirror)
    #expect(fetcher.run(ids: ["2025Z14549", "2025Z15452"]).items.map(\.status) == [.fetched, .fetched])
    #expect(fetcher.cache.tkDocuments().map(\.nummer) == ["2025D99001", "2025D45253"])
    return dir
  }

  @Test func pagesAreFollowedDeletionsRemovedAndChangesConfirmedConditionally() throws {
    let mirror = try Self.mirror([
      nil: ([("0aaaaaaa-0000-4000-8000-000000000001", "2025D11111", nil, false), (Self.justice.guid, Self.justice.nummer, nil, false)], 10),
      "10": ([(Self.defence.guid, Self.defence.nummer, nil, true)], 20),
      "20": ([("0aaaaaaa-0000-4000-8000-000000000002", "2025D22222", nil, false)], nil),
    ])
    let dir = try filledCache(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("documents/2025D99001.docx").path))
    let before = mirror.server.log.count
    let report = try FetchTesting.syncer(mirror, cache: dir).run()
    #expect(feedRequests(mirror) == [nil, "10", "20"])
    #expect(report.pages == 3)
    #expect(report.entries == 4)
    #expect(report.complete)
    #expect(report.stopped == nil)
    // The deletion: the file, its cached answer and its record are gone.
    #expect(report.deleted == ["2025D99001"])
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("documents/2025D99001.docx").path))
    let resource = URL(string: mirror.server.base + "/tk/Document(\(Self.defence.guid))/resource")!
    let cache = try FetchCache(path: dir.path)
    #expect(cache.entry(for: resource) == nil)
    #expect(cache.tkDocuments().map(\.nummer) == ["2025D45253"])
    // The change: looked up again; its KOOP XML confirmed with a conditional request (304).
    #expect(report.refreshed.map(\.id) == ["2025D45253"])
    #expect(report.refreshed.first?.files == ["ah-tk-20252026-313.metadata.xml", "ah-tk-20252026-313.xml"])
    let xml = mirror.server.log.dropFirst(before).filter { $0.target.hasSuffix("/xml/ah-tk-20252026-313.xml") }
    #expect(xml.count == 1)
    #expect(xml.first?.headers["if-none-match"] != nil)
    // Documents the cache never held are not asked for.
    #expect(!mirror.server.log.contains { $0.decodedTarget.contains("2025D11111") || $0.decodedTarget.contains("2025D22222") })
    // The position: after the last entry of the last page.
    #expect(cache.syncState?.skiptoken == "21")
    #expect(report.skiptoken == "21")
    #expect(report.requests == mirror.server.log.count - before)
    #expect(!report.failed)
  }

  @Test func aStoppedSyncContinuesFromTheStoredSkiptokenWithoutAskingForDonePagesAgain() throws {
    let failing = Flag()
    let mirror = try Self.mirror(
      [
        nil: ([(Self.justice.guid, Self.justice.nummer, nil, false)], 10),
        "10": ([("0aaaaaaa-0000-4000-8000-000000000001", "2025D11111", nil, false)], 20),
        "20": ([(Self.defence.guid, Self.defence.nummer, nil, true)], 30),
        "30": ([], nil),
      ], failing: failing)
    let dir = try filledCache(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    // A run bounded to one page stops after it, its position stored.
    let first = try FetchTesting.syncer(mirror, cache: dir, maxPages: 1).run()
    #expect(first.pages == 1 && !first.complete)
    #expect(try FetchCache(path: dir.path).syncState?.skiptoken == "10")
    // The next run fails at page 20 (after its retries): the position stays before it.
    failing.set("20")
    let second = try FetchTesting.syncer(mirror, cache: dir).run()
    #expect(second.stopped != nil)
    #expect(second.failed)
    #expect(second.pages == 1)
    #expect(try FetchCache(path: dir.path).syncState?.skiptoken == "20")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("documents/2025D99001.docx").path))
    // The source recovers: the third run asks for page 20 on, never for the start or page 10 again.
    failing.set(nil)
    let third = try FetchTesting.syncer(mirror, cache: dir).run()
    #expect(third.complete)
    #expect(third.deleted == ["2025D99001"])
    #expect(feedRequests(mirror) == [nil, "10", "20", "20", "20", "20", "20", "30"])  // 20: once + 3 retries, then once
  }

  @Test func sincePassesOverOlderEntries() throws {
    let mirror = try Self.mirror([nil: ([(Self.justice.guid, Self.justice.nummer, nil, false), (Self.defence.guid, Self.defence.nummer, nil, true)], nil)])
    let dir = try filledCache(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    let sent = mirror.server.log.count
    // The entries were updated on 3 November 2025.
    let report = try FetchTesting.syncer(mirror, cache: dir, since: SyncFeedPage.date("2025-12-01T00:00:00Z")).run()
    #expect(report.older == 2)
    #expect(report.deleted.isEmpty && report.refreshed.isEmpty)
    #expect(mirror.server.log.count == sent + 1)  // the page only
    // A decoy: from the start again, an earlier date acts on both.
    try FileManager.default.removeItem(at: dir.appendingPathComponent("sync.json"))
    let again = try FetchTesting.syncer(mirror, cache: dir, since: SyncFeedPage.date("2025-11-01T00:00:00Z")).run()
    #expect(again.deleted == ["2025D99001"])
    #expect(again.refreshed.map(\.id) == ["2025D45253"])
  }

  @Test func aNewDocumentInACachedZaakIsFetched() throws {
    // Only the Defence zaak is cached; the feed reports 2025D45253 as a new document of that zaak
    // (a synthetic entry: the recorded OData still places it in its own zaak).
    let mirror = try Self.mirror([nil: ([(Self.justice.guid, Self.justice.nummer, Self.defenceZaak, false)], nil)])
    let (fetcher, dir) = try FetchTesting.fetcher(mirror)
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = fetcher.run(ids: ["2025Z14549"])
    let report = try FetchTesting.syncer(mirror, cache: dir).run()
    #expect(report.added.map(\.id) == ["2025D45253"])
    #expect(report.added.first?.status == .fetched)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("documents/ah-tk-20252026-313.xml").path))
  }

  @Test func offlineIsRefusedBeforeAnyRequest() throws {
    let mirror = try Self.mirror([nil: ([], nil)])
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect {
      _ = try FetchTesting.syncer(mirror, cache: dir, offline: true).run()
    } throws: { error in
      "\(error)".contains("cannot run --offline")
    }
    #expect(mirror.server.log.isEmpty)
  }
}
}

/// A settable string shared with a mirror's handler.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value: String?
  func set(_ v: String?) { lock.withLock { value = v } }
  func contains(_ v: String) -> Bool { lock.withLock { value == v } }
}

extension FetchNetworkTests {
  /// `kamergraph sync` run as a user runs it (kamergraph execs kamergraph-fetch sync).
  @Suite struct SyncCommandTests {
    @Test func syncRemovesADeletedDocumentFromTheCacheAndTheIndex() throws {
      guard let exe = QueryCommandLineTests.binary() else { return }
      let mirror = try SyncTests.mirror([nil: ([(SyncTests.defence.guid, SyncTests.defence.nummer, nil, true)], nil)])
      let dir = try ExternalTool.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let cache = dir.appendingPathComponent("cache").path
      let index = dir.appendingPathComponent("index.sqlite").path
      let sources = [
        "--cache", cache, "--rate", "100", "--timeout", "5", "--koop-url", mirror.sources.koop.absoluteString,
        "--tk-url", mirror.sources.tk.absoluteString, "--index", index,
      ]
      let fetch = try #require(try ExternalTool.run("env", ["-C", dir.path, exe, "fetch", "2025Z14549", "2025Z15452"] + sources))
      #expect(fetch.status == 0, "\(fetch.stdout)\n\(fetch.stderr)")
      #expect(try ExternalTool.run("env", [exe, "show", "kenmerk:MINDEF20250032172", "--index", index])?.status == 0)
      let sync = try #require(
        try ExternalTool.run("env", ["-C", dir.path, exe, "sync", "--tk-sync-url", mirror.sources.tkSync.absoluteString] + sources))
      #expect(sync.status == 0, "\(sync.stdout)\n\(sync.stderr)")
      #expect(sync.stdout.contains("deleted  2025D99001  removed from the cache"))
      #expect(sync.stdout.contains("sync: 1 pages, 1 document entries; 0 changed, 0 new, 1 deleted; reached the end of the feed, next skiptoken 1;"))
      // Rebuilt: the letter has left the index; the other answer stays.
      #expect(try ExternalTool.run("env", [exe, "show", "kenmerk:MINDEF20250032172", "--index", index])?.status == 1)
      #expect(try ExternalTool.run("env", [exe, "show", "ah-tk-20252026-313", "--index", index])?.status == 0)
      // Offline is refused with a reason, as a usage error.
      let offline = try #require(try ExternalTool.run("env", [exe, "sync", "--offline", "--cache", cache]))
      #expect(offline.status == 64)
      #expect(offline.stderr.contains("sync cannot run --offline"))
    }
  }
}
