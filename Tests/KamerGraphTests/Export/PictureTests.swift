import Foundation
import Testing

@testable import KamerGraph

/// The picture of a large graph: its most connected part, cut from the DOT text.
@Suite struct PictureTests {
  static func evidence(_ n: Int) -> [Evidence] {
    [Evidence(path: "corpus/x/doc\(n).txt", line: n, start: 0, end: 5, text: "zie \(n)", source: .text)]
  }

  /// kst-1 answers/cites three documents; kst-9 cites one; organisatie:palantir is mentioned by
  /// everything (many edges, but all `mentions`: the decoy a plain degree count would pick first).
  static func graph() -> CitationGraph {
    var nodes: [Node] = []
    var edges: [Edge] = []
    for n in 1...9 { nodes.append(Node(id: "kst-3660\(n)-1", kind: "kamerstuk", label: "Brief \(n)", status: .resolved)) }
    nodes.append(Node(id: "organisatie:palantir", kind: "organisatie", label: "Palantir", status: .entity))
    for t in 2...4 { edges.append(Edge(source: "kst-36601-1", target: "kst-3660\(t)-1", relation: .cites, evidence: evidence(t))) }
    edges.append(Edge(source: "kst-36609-1", target: "kst-36608-1", relation: .cites, evidence: evidence(8)))
    for n in 1...9 {
      edges.append(Edge(source: "kst-3660\(n)-1", target: "organisatie:palantir", relation: .mentions, evidence: evidence(n)))
    }
    return CitationGraph(nodes: nodes, edges: edges)
  }

  /// The graph's DOT node ids of `ids` (DOT numbers nodes in id order).
  static func dotIDs(_ graph: CitationGraph, _ ids: [String]) -> Set<String> {
    let sorted = graph.nodes.map(\.id)
    return Set(ids.map { "n\(sorted.firstIndex(of: $0)!)" })
  }

  static func drawnNodes(_ dot: [UInt8]) -> Set<String> {
    var seen = Set<String>()
    for line in String(decoding: dot, as: UTF8.self).split(separator: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      guard t.hasPrefix("\"n"), !t.contains(" -> "), let end = t.dropFirst().firstIndex(of: "\"") else { continue }
      seen.insert(String(t[t.index(after: t.startIndex)..<end]))
    }
    return seen
  }

  @Test func theDocumentWithTheMostStoryEdgesComesFirstWithItsNeighbours() throws {
    let graph = Self.graph()
    let dot = DOTWriter().write(graph, name: "x")
    #expect(Picture.mostConnected(dot: dot, limit: 10) == nil, "10 nodes fit a limit of 10")
    let part = try #require(Picture.mostConnected(dot: dot, limit: 4))
    #expect(part.kept == 4)
    #expect(part.total == 10)
    #expect(Self.drawnNodes(part.dot) == Self.dotIDs(graph, ["kst-36601-1", "kst-36602-1", "kst-36603-1", "kst-36604-1"]))
    let text = String(decoding: part.dot, as: UTF8.self)
    #expect(text.contains("the most connected part: 4 of 10 nodes"))
    #expect(text.contains("cluster_legend"), "the legend stays")
    // Every edge left has both ends drawn.
    let kept = Self.drawnNodes(part.dot)
    for line in text.split(separator: "\n") where line.hasPrefix("  \"n") && line.contains(" -> ") {
      let ends = line.split(separator: "\"").enumerated().filter { $0.offset == 1 || $0.offset == 3 }.map { String($0.element) }
      #expect(ends.allSatisfy(kept.contains), "\(line)")
    }
    // Next: the other document with a story edge, and its neighbour.
    let six = try #require(Picture.mostConnected(dot: dot, limit: 6))
    #expect(Self.drawnNodes(six.dot).isSuperset(of: Self.dotIDs(graph, ["kst-36609-1", "kst-36608-1"])))
    #expect(!Self.drawnNodes(six.dot).contains(Self.dotIDs(graph, ["organisatie:palantir"]).first!))
  }

  @Test func clustersLeftEmptyAreLeftOut() throws {
    var graph = Self.graph()
    graph.upsert(Node(id: "kst-36605-1", kind: "kamerstuk", label: "Brief 5", ministry: "ministerie:DEF", status: .resolved))
    var options = ExportOptions()
    options.clusterBy = .ministry
    let dot = DOTWriter(options: options).write(graph, name: "x")
    #expect(String(decoding: dot, as: UTF8.self).contains("subgraph \"cluster_0\""))
    let part = try #require(Picture.mostConnected(dot: dot, limit: 4))
    #expect(!String(decoding: part.dot, as: UTF8.self).contains("subgraph \"cluster_0\""))
  }

  /// Graphviz draws the part without a warning.
  @Test func graphvizDrawsThePart() throws {
    let dot = DOTWriter().write(Self.graph(), name: "x")
    let part = try #require(Picture.mostConnected(dot: dot, limit: 4))
    let path = try ExportFixtures.temporaryFile("part.dot", part.dot)
    guard let run = try ExternalTool.run("dot", ["-Tsvg", path, "-o", path + ".svg"]) else { return }
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
  }

  @Test func aSlowLayoutIsStoppedAndSaid() throws {
    guard GraphvizRenderer.dotExecutable() != nil else { return }
    // A time limit no layout can meet.
    let drawn = Picture.draw(
      dot: DOTWriter().write(Self.graph(), name: "x"), name: "x", policy: PicturePolicy(timeLimit: 0.000_001))
    #expect(drawn.svg == nil)
    #expect(drawn.notes.contains { $0.hasPrefix("no picture: Graphviz `dot` was stopped after") }, "\(drawn.notes)")
    let unknown = Picture.draw(dot: DOTWriter().write(Self.graph(), name: "x"), name: "x", policy: PicturePolicy(engine: "paint"))
    #expect(unknown.svg == nil)
    #expect(unknown.notes.first?.contains("not supported") == true)
  }
}
