import Foundation
import Testing

@testable import KamerGraph
@testable import KamerGraphHarness

/// The generated benchmark graph: its exact shape, its determinism, and that the Python generator
/// in Benchmarks/peers.py (which networkx writes in the benchmark) builds the very same graph.
@Suite struct SyntheticGraphTests {
  @Test(arguments: [(0, 16), (5, 16), (37, 16), (128, 16), (129, 17), (1000, 125), (1001, 126)])
  func hasExactlyTheAskedEdgesAndNodes(edges: Int, nodes: Int) {
    let graph = SyntheticGraph.make(edges: edges)
    #expect(SyntheticGraph.nodeCount(edges: edges) == nodes)
    #expect(graph.nodesByID.count == nodes)
    // No two edges merged into one: every (source, target, relation) is new, and none is a loop.
    #expect(graph.edgesByKey.count == edges)
    #expect(graph.edges.allSatisfy { $0.source != $0.target && graph.node($0.target) != nil })
  }

  /// Literal node values (kind by k % 10, resolved when k / 10 is even, the date from k).
  @Test(arguments: [
    (0, "kst-36000-0", "kamerstuk", NodeStatus.resolved, "2024-01-01" as String?),
    (13, "ah-tk-20242025-13", "aanhangsel", .external, nil),
    (7, "persoon:jansen-7", "persoon", .entity, nil),
    (25, "kv-tk-2025Z25", "kamervragen", .resolved, "2024-02-26"),
    (46, "h-tk-20242025-47-46", "handelingen", .resolved, "2024-11-19"),
    (59, "organisatie:stichting-59", "organisatie", .entity, nil),
    (118, "ministerie:M118", "ministerie", .entity, nil),
  ])
  func nodesFollowTheRule(k: Int, id: String, kind: String, status: NodeStatus, date: String?) {
    let node = SyntheticGraph.node(k)
    #expect(node.id == id)
    #expect(node.kind == kind)
    #expect(node.status == status)
    #expect(node.date == date)
    #expect(node.year == (date == nil ? nil : 2024))
    #expect((node.url != nil) == (status != .entity))
    #expect(node.paths == (status == .resolved ? ["corpus/\(id).xml"] : []))
    #expect(node.aliases == (status == .resolved && kind == "aanhangsel" ? ["kenmerk:BS2025-\(k)"] : []))
  }

  /// Literal edge ends (as peers.py's gen_edge computes them); the eighth edge of a source runs
  /// parallel to its first under another relation.
  @Test(arguments: [
    (0, 16, 0, 1, Relation.cites), (7, 16, 0, 1, .signedBy), (9, 16, 1, 4, .answers), (15, 16, 1, 3, .cites),
    (999, 125, 124, 0, .seeAlso), (999_999, 125_000, 124_999, 0, .sentBy),
  ])
  func edgesFollowTheRule(i: Int, nodes: Int, source: Int, target: Int, relation: Relation) {
    let ends = SyntheticGraph.ends(i, nodes: nodes)
    #expect(ends.source == source)
    #expect(ends.target == target)
    #expect(ends.relation == relation)
  }

  @Test func weightsAndOriginsFollowTheRule() throws {
    let graph = SyntheticGraph.make(edges: 24)
    let ids = (0..<16).map { SyntheticGraph.node($0).id }
    for i in 0..<24 {
      let (s, t, relation) = SyntheticGraph.ends(i, nodes: 16)
      let edge = try #require(graph.edgesByKey[EdgeKey(source: ids[s], target: ids[t], relation: relation)])
      #expect(edge.weight == 1 + i % 3)
      #expect(edge.evidence.first?.line == 10 + 7 * (i % 8))
      #expect(edge.evidence.first?.path == "corpus/\(ids[s]).xml")
    }
    #expect(Set(graph.edges.map(\.weight)) == [1, 2, 3])
    #expect(Set(graph.edges.map(\.origin)) == [.text, .metadata])
  }

  @Test func isDeterministic() throws {
    let a = SyntheticGraph.make(edges: 777)
    let b = SyntheticGraph.make(edges: 777)
    #expect(a == b)
    #expect(try GraphMLWriter().write(a, name: "g") == GraphMLWriter().write(b, name: "g"))
  }

  @Test func graphMLValidatesAgainstTheSchema() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("generated.graphml").path
    try GraphMLWriter().write(SyntheticGraph.make(edges: 3000), name: "generated", toFile: path)
    guard
      let run = try ExternalTool.run(
        "xmllint", ["--noout", "--nonet", "--schema", Repo.path("Tests/Fixtures/schemas/graphml/graphml.xsd"), path])
    else { return }
    #expect(run.status == 0, "\(run.stderr)")
  }

  /// networkx reads our file as exactly the graph peers.py builds for networkx.write_graphml:
  /// the same nodes in the same order with the same attributes and types, the same edges with
  /// the same keys, relations, weights, evidence and origins.
  static let sameGraphAsPeer = """
    import json, sys, networkx as nx
    sys.path.insert(0, sys.argv[1])
    import peers
    ours = nx.read_graphml(sys.argv[2], force_multigraph=True)
    theirs = peers.generated_graph(int(sys.argv[3]))
    assert list(ours.nodes) == list(theirs.nodes), "node ids or their order differ"
    for n, d in theirs.nodes(data=True):
        assert ours.nodes[n] == d, (n, ours.nodes[n], d)
    a = list(ours.edges(keys=True, data=True))
    b = list(theirs.edges(keys=True, data=True))
    assert len(a) == len(b), (len(a), len(b))
    for x, y in zip(a, b):
        assert x == y, (x, y)
    multi = sum(1 for s, t in theirs.edges() if theirs.number_of_edges(s, t) > 1)
    print(json.dumps({"nodes": ours.number_of_nodes(), "edges": ours.number_of_edges(), "parallel": multi}))
    """

  struct Counts: Decodable, Equatable {
    var nodes: Int
    var edges: Int
    var parallel: Int
  }

  @Test(arguments: [37, 2000])
  func networkxReadsTheGraphThePeerWrites(edges: Int) throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("generated.graphml").path
    try GraphMLWriter().write(SyntheticGraph.make(edges: edges), name: "generated", toFile: path)
    guard
      let run = try ExternalTool.python(
        Self.sameGraphAsPeer, modules: ["networkx"], arguments: [Repo.path("Benchmarks"), path, String(edges)])
    else { return }
    try #require(run.status == 0, "\(run.stderr)")
    let counts = try JSONDecoder().decode(Counts.self, from: Data(run.stdout.utf8))
    #expect(counts.nodes == SyntheticGraph.nodeCount(edges: edges))
    #expect(counts.edges == edges)
    #expect(counts.parallel > 0, "the graph has parallel edges under different relations")
  }
}

extension SyntheticGraphTests {
  static let igraphCounts = """
    import json, sys, igraph
    g = igraph.Graph.Read_GraphML(sys.argv[1])
    assert g.is_directed()
    print(json.dumps({"nodes": g.vcount(), "edges": g.ecount(), "weight": sum(g.es["weight"]),
                      "relations": sorted(set(g.es["relation"])), "kinds": sorted(set(g.vs["kind"]))}))
    """

  struct IgraphCounts: Decodable, Equatable {
    var nodes: Int
    var edges: Int
    var weight: Double
    var relations: [String]
    var kinds: [String]
  }

  /// igraph, the other reader the issue names, reads the streamed file with the same counts.
  @Test func igraphReadsTheStreamedFile() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("generated.graphml").path
    let graph = SyntheticGraph.make(edges: 4000)
    try GraphMLWriter().write(graph, name: "generated", toFile: path)
    guard let run = try ExternalTool.python(Self.igraphCounts, modules: ["igraph"], arguments: [path]) else { return }
    try #require(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "igraph warned: \(run.stderr)")
    let seen = try JSONDecoder().decode(IgraphCounts.self, from: Data(run.stdout.utf8))
    let total = graph.edges.reduce(0) { $0 + $1.weight }
    let relations = SyntheticGraph.relations.map(\.rawValue).sorted()
    let kinds = ["aanhangsel", "handelingen", "kamerstuk", "kamervragen", "ministerie", "organisatie", "persoon"]
    #expect(seen == IgraphCounts(nodes: 500, edges: 4000, weight: Double(total), relations: relations, kinds: kinds))
    // 4000 edges with weights 1, 2, 3 in turn.
    let weight: Double = 1334 * 1 + 1333 * 2 + 1333 * 3
    #expect(seen.weight == weight)
  }
}

/// Writing straight to a file: the same bytes as in memory, in chunks, and clear errors.
@Suite struct StreamedWriteTests {
  @Test(arguments: [0, 40, 20_000])
  func fileHasTheSameBytesAsMemory(edges: Int) throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let graph = SyntheticGraph.make(edges: edges)
    for indent in [true, false] {
      var options = ExportOptions()
      options.indent = indent
      let path = dir.appendingPathComponent("g-\(indent).graphml").path
      let size = try GraphMLWriter(options: options).write(graph, name: "g", toFile: path)
      let memory = try GraphMLWriter(options: options).write(graph, name: "g")
      let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(size == memory.count)
      #expect(file == memory)
    }
  }

  @Test func xmlWriterStreamsMoreThanOneChunk() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("big.xml").path
    func body(_ w: XMLWriter) throws {
      try w.start("r")
      for i in 0..<100_000 { try w.element("v", text: "value \(i) <&> ✓") }
      try w.end()
    }
    let memory = try XMLWriter(indent: true)
    try body(memory)
    let expected = try memory.finish()
    let file = try XMLWriter(file: path, indent: true)
    try body(file)
    let size = try file.finishFile()
    #expect(expected.count > 3 << 20, "more than three 1 MB chunks")
    #expect(size == expected.count)
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)
  }

  @Test func aFileThatCannotBeCreatedIsNamed() throws {
    let path = "/nonexistent-kamergraph-dir/out.graphml"
    #expect(throws: ExportError.self) {
      try GraphMLWriter().write(SyntheticGraph.make(edges: 8), name: "g", toFile: path)
    }
    #expect(throws: ExportError.io(path: path, reason: "No such file or directory")) {
      try GraphMLWriter().write(SyntheticGraph.make(edges: 8), name: "g", toFile: path)
    }
    #expect(
      ExportError.io(path: path, reason: "No such file or directory").description
        == "The file \(path) could not be used: No such file or directory.")
  }

  /// A disk that fills up fails the export with the path and the reason, whether it happens while
  /// streaming (a graph of several MB) or at the last chunk (a small graph).
  @Test(arguments: [8, 20_000])
  func aFullDiskIsReported(edges: Int) throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    #expect(throws: ExportError.io(path: "/dev/full", reason: "No space left on device")) {
      try GraphMLWriter().write(SyntheticGraph.make(edges: edges), name: "g", toFile: "/dev/full")
    }
  }

  @Test func xmlWriterNamesTheFileFailure() throws {
    #expect {
      _ = try XMLWriter(file: "/nonexistent-kamergraph-dir/a.xml")
    } throws: { error in
      let e = error as? XMLWriterError
      return e?.fileFailure == "No such file or directory"
        && e?.description
          == "libxml2's XML writer could not write its file (open(/nonexistent-kamergraph-dir/a.xml)): "
          + "No such file or directory."
    }
  }

  @Test func finishingTwiceKeepsTheSize() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let w = try XMLWriter(file: dir.appendingPathComponent("a.xml").path, indent: false)
    try w.element("a", text: "x")
    let size = try w.finishFile()
    #expect(size == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>x</a>\n".utf8.count)
    #expect(try w.finishFile() == size)
  }

  @Test func conflictingIDsStillFailBeforeTheFileIsCreated() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("conflict.graphml").path
    let graph = CitationGraph(
      nodes: [
        Node(id: "a b", kind: "kamerstuk", label: "x", status: .resolved),
        Node(id: "a_x0020_b", kind: "kamerstuk", label: "y", status: .resolved),
      ], edges: [])
    #expect(throws: ExportError.conflictingNodeID("a b", "a_x0020_b")) {
      try GraphMLWriter().write(graph, name: "g", toFile: path)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
