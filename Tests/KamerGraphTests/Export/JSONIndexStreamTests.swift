import Foundation
import GRDB
import Testing

@testable import KamerGraph

/// `JSONGraphWriter.write(index:name:)`: JSON streamed from the index's tables gives the bytes of
/// the graph loaded from the index (`loadSortedGraph`) and written, whether the stream runs or
/// gives up on tables that are not in commit order.
@Suite struct JSONIndexStreamTests {
  /// The loaded graph written the general way.
  func loaded(_ index: GraphIndex) throws -> [UInt8] {
    JSONGraphWriter().write(ExportGraph(try index.loadSortedGraph()), name: "g")
  }

  /// Checks the stream ran (or gave up, when `streams` is false) and that the bytes are the loaded graph's.
  func expectSame(_ index: GraphIndex, streams: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expected = try loaded(index)
    let streamed = try JSONGraphWriter().streamed(from: index, name: "g")
    #expect((streamed != nil) == streams, "stream ran: \(streamed != nil)", sourceLocation: sourceLocation)
    if let streamed {
      #expect(streamed == expected, "\(firstDifference(streamed, expected))", sourceLocation: sourceLocation)
    }
    #expect(try JSONGraphWriter().write(index: index, name: "g") == expected, sourceLocation: sourceLocation)
  }

  func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    func around(_ x: [UInt8]) -> String { String(decoding: x[max(0, i - 60)..<min(x.count, i + 60)], as: UTF8.self) }
    return "at byte \(i): \(around(a)) | \(around(b))"
  }

  @Test func aCommittedGraphStreamsToTheLoadedGraphsBytes() throws {
    try expectSame(try IndexFixtures.palantirIndex(), streams: true)
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let graph = GeneratedGraph.make(documents: 1500, seed: 7)
    try index.commit(files: [], removedPaths: [], graph: graph)
    try expectSame(index, streams: true)
    // Also the bytes of the graph that was committed (its evidence all has lines).
    #expect(try JSONGraphWriter().streamed(from: index, name: "g") == JSONGraphWriter().write(graph, name: "g"))
  }

  /// Laws (EU, treaty, NL), evidence from a copy (`copy_of`) and evidence without a line: the
  /// stream and the loaded graph give the bytes of the graph that was committed (as `build`
  /// writes it: no `"line"` where the evidence has none).
  @Test func lawsCopiesAndLinelessEvidenceStreamAsBuildWritesThem() throws {
    let doc = Node(id: "kst-1", kind: "kamerstuk", label: "Brief", status: .resolved, paths: ["b/brief.docx"])
    let nodes = [
      doc,
      Node(id: "CELEX:32016R0679", kind: "bwb", label: "AVG", status: .external),
      Node(id: "BWBV0001000", kind: "bwb", label: "Verdrag", status: .external),
      Node(id: "BWBR0005416", kind: "bwb", label: "Gemeentewet", status: .external),
      Node(id: "law:wet-x", kind: "bwb", label: "Wet X", status: .external),
      Node(id: "organisatie:CELEX", kind: "organisatie", label: "CELEX", status: .entity),
    ]
    let edges = [
      Edge(source: "kst-1", target: "CELEX:32016R0679", relation: .mentions, evidence: [
        Evidence(path: "b/brief.docx", line: 3, start: 1, end: 4, text: "AVG", source: .text),
        Evidence(path: "b/brief.metadata.xml", line: nil, start: 0, end: 0, text: "AVG", source: .metadata),
        Evidence(path: "b/brief.txt", line: 3, start: 1, end: 4, text: "AVG", source: .text),
        Evidence(path: "c/brief.txt", line: 2, start: 1, end: 4, text: "AVG", source: .text),
        Evidence(path: "c/brief.xml", line: 2, start: 1, end: 4, text: "AVG", source: .text),
      ]),
      Edge(source: "kst-1", target: "BWBV0001000", relation: .mentions, evidence: [
        Evidence(path: "b/é.docx", line: 1, start: 1, end: 4, text: "Verdrag", source: .text),
        Evidence(path: "b/é.txt", line: nil, start: 1, end: 4, text: "Verdrag", source: .text),
      ]),
      Edge(source: "kst-1", target: "BWBR0005416", relation: .mentions, evidence: [
        Evidence(path: "b/brief.docx", line: nil, start: 0, end: 0, text: "Gemeentewet", source: .metadata)
      ]),
    ]
    let graph = CitationGraph(nodes: nodes, edges: edges)
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    try expectSame(index, streams: true)
    let built = JSONGraphWriter().write(graph, name: "g")
    let streamed = try #require(try JSONGraphWriter().streamed(from: index, name: "g"))
    #expect(streamed == built, "\(firstDifference(streamed, built))")
    #expect(try loaded(index) == built)
    let text = String(decoding: streamed, as: UTF8.self)
    #expect(text.contains("\"kind\":\"bwb\",\"law\":\"EU\""))
    #expect(text.contains("\"law\":\"treaty\""))
    #expect(text.contains("\"law\":\"NL\""))
    #expect(!text.contains("\"line\":0"))
    #expect(text.contains("\"source\":\"text\",\"copy_of\":\"b/brief.docx\"}"))
    #expect(text.contains("\"copy_of\":\"c/brief.txt\""))
    #expect(text.contains("\"copy_of\":\"b/é.docx\""))
  }

  /// Evidence rows tied but for their line are in `Evidence.<` order in the index: the stream
  /// runs (it used to give up and load the whole graph) and writes them no line, 11, 12.
  @Test func evidenceTiedButForItsLineStreams() throws {
    let index = try ExportFixtures.indexWithEvidenceTiedButForLine()
    try expectSame(index, streams: true)
    let text = String(decoding: try JSONGraphWriter().write(index: index, name: "g"), as: UTF8.self)
    let start = ",\"start\":0,\"end\":0,\"text\":\"OVERHEIDop.indiener\",\"source\":\"metadata\"}"
    let path = "{\"path\":\"corpus/gen/ah-tk-20242025-7.metadata.xml\""
    #expect(text.contains(path + start + "," + path + ",\"line\":11" + start + "," + path + ",\"line\":12" + start))

    // The same rows with the lines the other way round: the loader sorts them back, the stream gives up.
    try index.pool.write { db in
      try db.execute(sql: "UPDATE evidence SET line = 23 - line WHERE line IN (11, 12) AND path LIKE '%-7.metadata.xml'")
    }
    try expectSame(index, streams: false)
    #expect(try JSONGraphWriter().write(index: index, name: "g") == Array(text.utf8))
  }

  @Test func anEmptyIndexStreamsAnEmptyGraph() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try expectSame(index, streams: true)
    let text = String(decoding: try JSONGraphWriter().write(index: index, name: "g"), as: UTF8.self)
    #expect(text.contains("\"nodes\":[\n],\n\"edges\":[\n]}"))
  }

  /// Escapes, accents, NUL and invalid UTF-8, aliases and paths out of Swift's order, evidence from
  /// two copies of one document (the weight counts across copies), evidence without a line, the
  /// three evidence sources and an unknown one.
  @Test func awkwardValuesStreamAsTheLoaderReadsThem() throws {
    let a = Node(
      id: "ah-tk-1", kind: "aanhangsel", label: "Antwoord \"één\"\n\\ tab\t", date: "2025-03-04",
      vergaderjaar: "2024-2025", ministry: "Financiën", status: .resolved, url: "https://example.org/a?b=1&c",
      aliases: ["zeta", "Ångström", "alpha", "Zulu"], paths: ["b/é.xml", "b/z.xml", "a.txt"])
    let b = Node(id: "kst-1", kind: "kamerstuk", label: "Brief", date: "20", status: .external)
    let c = Node(id: "kst-2", kind: "kamerstuk", label: "", date: "ab€d-01-01", status: .external)
    let copies = [
      Evidence(path: "b/brief.docx", line: 3, start: 1, end: 5, text: "nr. 1", source: .text),
      Evidence(path: "b/brief.docx", line: 4, start: 9, end: 14, text: "nr. 1", source: .text),
      Evidence(path: "b/brief.metadata.xml", line: nil, start: 0, end: 0, text: "kst-1", source: .metadata),
      Evidence(path: "b/brief.txt", line: 3, start: 1, end: 5, text: "nr. 1", source: .xmlLink),
    ]
    let edges = [
      Edge(source: "ah-tk-1", target: "kst-1", relation: .cites, evidence: copies),
      Edge(source: "ah-tk-1", target: "kst-2", relation: .seeAlso, evidence: []),
      Edge(source: "kst-2", target: "ah-tk-1", relation: .cites, evidence: [
        Evidence(path: "ü.txt", line: 1, start: 2, end: 3, text: "«zie» \u{1}", source: .text),
        Evidence(path: "ü.txt", line: 2, start: 5, end: 6, text: "«zie» \u{1}", source: .text),
        Evidence(path: "ü.xml", line: 1, start: 2, end: 3, text: "«zie» \u{1}", source: .xmlLink),
      ]),
    ]
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: CitationGraph(nodes: [a, b, c], edges: edges))
    try expectSame(index, streams: true)
    // What SQLite holds but a Swift string never wrote: NUL inside text, invalid UTF-8, a NULL
    // line, a source the loader reads as text.
    try index.pool.write { db in
      try db.execute(sql: "UPDATE nodes SET label = CAST(X'41004243' AS TEXT) WHERE id = 'kst-1'")
      try db.execute(sql: "UPDATE nodes SET ministry = CAST(X'46C3FF' AS TEXT) WHERE id = 'kst-2'")
      try db.execute(sql: "UPDATE evidence SET source = 'other' WHERE path = 'ü.txt'")
    }
    try expectSame(index, streams: true)
    let text = String(decoding: try JSONGraphWriter().write(index: index, name: "g"), as: UTF8.self)
    #expect(text.contains("\"label\":\"A\""))
    #expect(text.contains("\"aliases\":[\"Zulu\",\"alpha\",\"zeta\",\"Ångström\"]"))
  }

  @Test func tablesOutOfCommitOrderGiveTheSameBytesTheGeneralWay() throws {
    // Evidence rows last edge first: the merge join gives up.
    var index = try IndexFixtures.generatedIndex(documents: 200, seed: 3)
    try IndexFixtures.reverseEvidenceRows(index)
    try expectSame(index, streams: false)

    // Edge numbers reversed: the rows are no longer in key order.
    index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: GeneratedGraph.make(documents: 200, seed: 5))
    try index.pool.write { db in
      let top = try Int.fetchOne(db, sql: "SELECT max(num) FROM edges") ?? 0
      try db.execute(sql: "UPDATE edges SET num = -num")
      try db.execute(sql: "UPDATE edges SET num = ? + 1 + num", arguments: [top])
      try db.execute(sql: "UPDATE evidence SET edge = ? + 1 - edge", arguments: [top])
    }
    try expectSame(index, streams: false)

    // Node numbers with gaps.
    index = try IndexFixtures.palantirIndex()
    try index.pool.write { db in
      try db.execute(sql: "UPDATE names SET node = node * 10")
      try db.execute(sql: "UPDATE node_paths SET node = node * 10")
      try db.execute(sql: "UPDATE edges SET source = source * 10, target = target * 10")
      try db.execute(sql: "UPDATE nodes SET num = -num * 10")
      try db.execute(sql: "UPDATE nodes SET num = -num")
    }
    try expectSame(index, streams: false)

    // One edge's evidence in reverse order (the loader sorts it).
    index = try IndexFixtures.palantirIndex()
    try index.pool.write { db in
      let edge = try Int.fetchOne(db, sql: "SELECT edge FROM evidence GROUP BY edge HAVING count(*) > 1 LIMIT 1")!
      try db.execute(
        sql: "CREATE TEMP TABLE ev AS SELECT * FROM evidence ORDER BY edge, CASE WHEN edge = ? THEN -rowid ELSE rowid END",
        arguments: [edge])
      try db.execute(sql: "DELETE FROM evidence")
      try db.execute(sql: "INSERT INTO evidence SELECT * FROM ev")
    }
    let expected = try loaded(index)
    #expect(try JSONGraphWriter().streamed(from: index, name: "g") == nil)
    #expect(try JSONGraphWriter().write(index: index, name: "g") == expected)
  }

  @Test func aDamagedNodeStatusIsTheLoadersError() throws {
    let index = try IndexFixtures.palantirIndex()
    try index.pool.write { db in try db.execute(sql: "UPDATE nodes SET status = 'lost' WHERE id = 'fractie:FVD'") }
    #expect {
      try JSONGraphWriter().write(index: index, name: "g")
    } throws: { error in
      guard case IndexError.corruptRow(_, let file, let reason) = error else { return false }
      return file == "fractie:FVD" && reason.contains("lost")
    }
  }

  @Test func progressCountsNodesAndEdges() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let graph = GeneratedGraph.make(documents: 3000, seed: 11)
    try index.commit(files: [], removedPaths: [], graph: graph)
    var seen: [(Int, Int)] = []
    _ = try JSONGraphWriter().streamed(from: index, name: "g") { seen.append(($0, $1)) }
    let total = graph.nodesByID.count + graph.edgesByKey.count
    #expect(seen.last.map { $0 == (total, total) } == true)
    #expect(seen.count >= 2, "\(seen.count) reports for \(total) rows")
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.0 < $1.0 })
  }
}
