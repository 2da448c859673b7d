import Foundation
import GRDB
import Testing

@testable import KamerGraph

/// `CSVGraphWriter.write(index:)`: the CSV files streamed from the index's tables are the bytes of
/// the graph loaded from the index (`loadSortedGraph`) and written, and of the graph committed.
@Suite struct CSVIndexStreamTests {
  func loaded(_ index: GraphIndex) throws -> (nodes: [UInt8], edges: [UInt8]) {
    let g = ExportGraph(try index.loadSortedGraph())
    return (CSVGraphWriter().nodes(g), CSVGraphWriter().edges(g))
  }

  @Test func theStreamGivesTheLoadedAndTheCommittedGraphsBytes() throws {
    let palantir = try IndexFixtures.palantirIndex()
    let p = try #require(try CSVGraphWriter().streamed(from: palantir))
    let pl = try loaded(palantir)
    #expect(p.nodes == pl.nodes)
    #expect(p.edges == pl.edges)

    let graph = CitationGraph(
      nodes: [
        Node(
          id: "ah-tk-1", kind: "aanhangsel", label: "Antwoord, \"één\"\n", date: "2025-03-04", ministry: "Financiën",
          status: .resolved, url: "https://example.org/a?b=1,2", aliases: ["alpha", "zeta", "Ångström"],
          paths: ["a.txt", "b/é.xml"]),
        Node(id: "BWBV0001000", kind: "bwb", label: "Verdrag", status: .external),
        Node(id: "CELEX:32016R0679", kind: "bwb", label: "AVG", date: "20", status: .external),
        Node(id: "kst-1", kind: "kamerstuk", label: "Brief", status: .external, aliases: ["a,b"]),
      ],
      edges: [
        Edge(source: "ah-tk-1", target: "CELEX:32016R0679", relation: .mentions, evidence: [
          Evidence(path: "b/brief.docx", line: 3, start: 1, end: 4, text: "AVG, \"x\"", source: .text),
          Evidence(path: "b/brief.txt", line: 3, start: 1, end: 4, text: "AVG, \"x\"", source: .text),
        ]),
        Edge(source: "ah-tk-1", target: "kst-1", relation: .cites, evidence: [
          Evidence(path: "b/é.metadata.xml", line: nil, start: 0, end: 0, text: "kst-1", source: .metadata)
        ]),
        Edge(source: "kst-1", target: "BWBV0001000", relation: .seeAlso, evidence: []),
      ])
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    let s = try #require(try CSVGraphWriter().streamed(from: index))
    let l = try loaded(index)
    #expect(s.nodes == l.nodes)
    #expect(s.edges == l.edges)
    #expect(s.nodes == CSVGraphWriter().nodes(graph))
    #expect(s.edges == CSVGraphWriter().edges(graph))
    let edges = String(decoding: s.edges, as: UTF8.self)
    #expect(edges.contains(",b/é.metadata.xml: kst-1\r\n"))
  }

  /// The byte paths of the stream: dates whose year is read from their digits (or not: a sign,
  /// too short), and the weight of two rows in two files (copies of one another when stem and
  /// text agree).
  @Test func datesAndTwoFileWeightsAreTheGraphsValues() throws {
    let dates = ["2025-03-04", "0025-01-01", "+202-01-01", "202", "2025", "12a4-01-01"]
    var nodes = dates.enumerated().map { i, date in
      Node(id: "ah-tk-\(i)", kind: "aanhangsel", label: "A \(i)", date: date, status: .resolved)
    }
    nodes.append(Node(id: "kst-1", kind: "kamerstuk", label: "Brief", status: .external))
    func ev(_ path: String, _ text: String) -> Evidence {
      Evidence(path: path, line: 4, start: 10, end: 20, text: text, source: .text)
    }
    let pairs: [[Evidence]] = [
      [ev("d/a.docx", "nr. 1"), ev("d/a.txt", "nr. 1")],  // a copy: weight 1
      [ev("d/a.docx", "nr. 1"), ev("d/a.txt", "nr. 2")],  // other text: 2
      [ev("d/a.docx", "nr. 1"), ev("d/b.txt", "nr. 1")],  // other stem: 2
      [ev("d.x/a", "nr. 1"), ev("d.x/a.txt", "nr. 1")],  // a dot in the folder only: 2
    ]
    let edges = pairs.enumerated().map { i, evidence in
      Edge(source: "ah-tk-\(i)", target: "kst-1", relation: .cites, evidence: evidence)
    }
    #expect(edges.map(\.weight) == [1, 2, 2, 1])
    let graph = CitationGraph(nodes: nodes, edges: edges)
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    let s = try #require(try CSVGraphWriter().streamed(from: index))
    #expect(s.nodes == CSVGraphWriter().nodes(graph))
    #expect(s.edges == CSVGraphWriter().edges(graph))
    let json = try #require(try JSONGraphWriter().streamed(from: index, name: "g"))
    #expect(json == JSONGraphWriter().write(graph, name: "g"))
    let text = String(decoding: s.nodes, as: UTF8.self)
    #expect(text.contains(",0025-01-01,25,"))
    #expect(text.contains(",+202-01-01,202,"))
    #expect(text.contains(",202,,"))
  }

  /// Evidence rows tied but for their line (issue 21): the stream runs and gives the loaded graph's bytes.
  @Test func evidenceTiedButForItsLineStreams() throws {
    let index = try ExportFixtures.indexWithEvidenceTiedButForLine()
    let s = try #require(try CSVGraphWriter().streamed(from: index))
    let l = try loaded(index)
    #expect(s.nodes == l.nodes)
    #expect(s.edges == l.edges)
    // The first evidence of the edge is the one without a line.
    let edges = String(decoding: s.edges, as: UTF8.self)
    #expect(edges.contains(",metadata,corpus/gen/ah-tk-20242025-7.metadata.xml: OVERHEIDop.indiener\r\n"))
  }

  @Test func tablesOutOfCommitOrderGiveTheSameBytesTheGeneralWay() throws {
    let index = try IndexFixtures.generatedIndex(documents: 200, seed: 3)
    try IndexFixtures.reverseEvidenceRows(index)
    #expect(try CSVGraphWriter().streamed(from: index) == nil)
    let written = try CSVGraphWriter().write(index: index)
    let l = try loaded(index)
    #expect(written.nodes == l.nodes)
    #expect(written.edges == l.edges)
  }
}
