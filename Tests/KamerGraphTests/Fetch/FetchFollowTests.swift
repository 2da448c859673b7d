import Foundation
import Testing

@testable import KamerGraph
@testable import KamerGraphFetch

/// Following citations breadth first, the caps, resuming, and the graph the fetched documents make.
extension FetchNetworkTests {
@Suite struct FetchFollowTests {
  /// Four answers, each citing the next in a footnote as a Dutch answer does.
  static let chain: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)] = {
    var out: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)] = [:]
    for n in 101...104 {
      let cites = n < 104 ? "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. \(n + 1)" : nil
      let metadata = "<metadata_gegevens>\r\n  <metadata name=\"DC.identifier\" scheme=\"\" content=\"ah-tk-20232024-\(n)\" />\r\n</metadata_gegevens>"
      out["ah-tk-20232024-\(n)"] = (
        "Antwoord \(n)", "2024-01-0\(n - 100)", SourceMirror.answerXML(vergaderjaar: "20232024", number: "\(n)", cites: cites), Array(metadata.utf8)
      )
    }
    return out
  }()

  @Test func followStopsAfterNStepsBreadthFirst() throws {
    let mirror = try SourceMirror(publications: Self.chain)
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, follow: 2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["ah-tk-20232024-101"])
    #expect(report.items.map(\.id) == ["ah-tk-20232024-101", "ah-tk-20232024-102", "ah-tk-20232024-103"])
    #expect(report.items.map(\.depth) == [0, 1, 2])
    #expect(report.items.map(\.citedBy) == [nil, "ah-tk-20232024-101", "ah-tk-20232024-102"])
    #expect(report.items.allSatisfy { $0.status == .fetched }, "\(report.items)")
    // 104 is cited by 103 but three steps away: never asked for.
    #expect(!mirror.server.log.contains { $0.decodedTarget.contains("ah-tk-20232024-104") })
  }

  @Test func followZeroFetchesOnlyTheIdsGiven() throws {
    let mirror = try SourceMirror(publications: Self.chain)
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, follow: 0)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(fetcher.run(ids: ["ah-tk-20232024-101"]).items.map(\.id) == ["ah-tk-20232024-101"])
  }

  @Test func maxDocumentsCapsTheLookUpsAndListsWhatWasLeft() throws {
    let mirror = try SourceMirror(publications: Self.chain)
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, follow: 5, maxDocuments: 2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["ah-tk-20232024-101"])
    #expect(report.items.map(\.status) == [.fetched, .fetched, .skipped])
    #expect(report.items[2].id == "ah-tk-20232024-103")
    #expect(report.items[2].detail.contains("--max-documents 2"))
    #expect(!mirror.server.log.contains { $0.decodedTarget.contains("ah-tk-20232024-103") })
  }

  @Test func aRunKilledBetweenABodyAndItsProvenanceFetchesOnlyThatAgain() throws {
    let mirror = try SourceMirror(publications: Self.chain)
    let (first, dir) = try FetchTesting.fetcher(mirror, follow: 1)
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = first.run(ids: ["ah-tk-20232024-101"])
    // Per answer the SRU search, the XML, metadata.xml; and the search for what cites 101.
    #expect(mirror.server.log.count == 7)
    #expect(mirror.server.log.filter { $0.decodedTarget.contains("cql.textAndIndexes") }.count == 1)
    // The kill: 102's XML was renamed into place but its provenance was never written, and a
    // download was being written to tmp/.
    let xml = URL(string: mirror.server.base + "/koop/frbr/officielepublicaties/ah-tk/20232024/ah-tk-20232024-102/1/xml/ah-tk-20232024-102.xml")!
    try FileManager.default.removeItem(at: dir.appendingPathComponent("provenance/\(FetchCache.key(xml)).json"))
    try Data("<officiele-pub".utf8).write(to: dir.appendingPathComponent("tmp/partial"))
    let (second, _) = try FetchTesting.fetcher(mirror, cache: dir, follow: 1)
    let report = second.run(ids: ["ah-tk-20232024-101"])
    #expect(report.items.map(\.status) == [.cached, .fetched])
    #expect(report.requests == 1)
    #expect(mirror.server.log.last?.target == xml.path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path).isEmpty)
  }

  /// The edges of the committed corpus graph from the two answers (cites, answers, see-also).
  static func corpusEdges() throws -> Set<String> {
    let data = try Data(contentsOf: URL(fileURLWithPath: Repo.path("graphs/palantir.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let edges = try #require(json["edges"] as? [[String: Any]])
    var out = Set<String>()
    for edge in edges {
      let source = edge["source"] as? String ?? "", relation = edge["relation"] as? String ?? "", target = edge["target"] as? String ?? ""
      if ["ah-tk-20252026-313", "kenmerk:MINDEF20250032172"].contains(source), ["cites", "answers", "see-also"].contains(relation) {
        out.insert("\(source) \(relation) \(target)")
      }
    }
    return out
  }

  static func edges(of dir: URL) throws -> (CitationGraph, Set<String>) {
    let graph = try BuildPipeline().build(paths: [dir.appendingPathComponent("documents").path]).graph
    return (graph, Set(graph.edges.map { "\($0.source) \($0.relation.rawValue) \($0.target)" }))
  }

  @Test func theDefenceAnswerIsFetchedFromItsZaakAndItsCitationFollowed() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, follow: 2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["2025Z14549"])
    #expect(report.items.first?.status == .fetched)
    // The footnote's Aanhangsel is looked up one step on (this mirror, like corpus/, does not hold it).
    let cited = try #require(report.items.first { $0.id == "ah-tk-20242025-2790" })
    #expect(cited.depth == 1)
    #expect(cited.citedBy == "2025Z14549")
    #expect(cited.status == .notFound)
    let (graph, edges) = try Self.edges(of: dir)
    #expect(edges.contains("kenmerk:MINDEF20250032172 cites ah-tk-20242025-2790"))
    #expect(edges.contains("kenmerk:MINDEF20250032172 answers kv-tk-2025Z14549"))
    #expect(graph.node("kenmerk:MINDEF20250032172")?.status == .resolved)
  }

  @Test func theDefenceZaakAloneReachesTheJusticeAnswerThroughACitedBySearch() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, follow: 2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["2025Z14549"])
    #expect(report.items.first?.status == .fetched)
    // The two answers cite one earlier answer (not published here) and not each other: the
    // Justice answer is found by the search for what cites it, one step further.
    let cited = try #require(report.items.first { $0.id == "ah-tk-20242025-2790" })
    #expect(cited.status == .notFound)
    #expect(cited.detail.contains("cited by 1 found by search"))
    let justice = try #require(report.items.first { $0.id == "ah-tk-20252026-313" })
    #expect(justice.depth == 2)
    #expect(justice.cites == "ah-tk-20242025-2790")
    #expect(justice.citedBy == nil)
    #expect(justice.status == .fetched)
    let search = try #require(mirror.server.log.first { $0.decodedTarget.contains("ah-tk-20242025-2790") && $0.decodedTarget.contains("textAndIndexes") })
    #expect(search.decodedTarget.contains(#"not dt.identifier=="ah-tk-20242025-2790""#))
    let (graph, edges) = try Self.edges(of: dir)
    let expected = try Self.corpusEdges()
    #expect(expected.count >= 5)
    #expect(expected.subtracting(edges).isEmpty, "missing: \(expected.subtracting(edges).sorted())")
    // The two answers meet through the Aanhangsel both cite, as in corpus/.
    #expect(edges.contains("ah-tk-20252026-313 cites ah-tk-20242025-2790"))
    #expect(edges.contains("kenmerk:MINDEF20250032172 cites ah-tk-20242025-2790"))
    #expect(graph.node("ah-tk-20252026-313")?.status == .resolved)
  }

  @Test func withoutTheCitedBySearchTheDefenceZaakDoesNotReachTheJusticeAnswer() throws {
    let mirror = try SourceMirror()
    let folder = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let options = FetchOptions(sources: mirror.sources, politeness: FetchTesting.politeness(), follow: 2, citedBy: 0)
    let fetcher = Fetcher(cache: try FetchCache(path: folder.path), options: options, http: HTTPFetcher(politeness: FetchTesting.politeness()))
    let report = fetcher.run(ids: ["2025Z14549"])
    #expect(!report.items.contains { $0.id == "ah-tk-20252026-313" })
    #expect(!mirror.server.log.contains { $0.decodedTarget.contains("textAndIndexes") })
  }

  @Test func bothZakenGiveTheCorpusLinksBetweenTheDefenceAndTheJusticeAnswers() throws {
    let mirror = try SourceMirror()
    let (fetcher, dir) = try FetchTesting.fetcher(mirror, follow: 2)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = fetcher.run(ids: ["2025Z14549", "2025Z15452"])
    #expect(report.items.prefix(2).map(\.status) == [.fetched, .fetched])
    let (_, edges) = try Self.edges(of: dir)
    let expected = try Self.corpusEdges()
    #expect(expected.subtracting(edges).isEmpty, "missing: \(expected.subtracting(edges).sorted())")
  }
}
}
