import Foundation
import Testing

@testable import KamerGraph

/// What a reader should see: ids mapped like the writer maps them, labels without the
/// characters XML cannot carry, and one (source, target, relation, weight) row per edge.
func expectedReadBack(_ graph: CitationGraph, id: (String) -> String = { $0 }, label: (String) -> String)
  -> ReadBack
{
  var nodes: [String: String] = [:]
  for node in graph.nodes { nodes[id(node.id)] = label(node.label) }
  let edges = graph.edges.map { [id($0.source), id($0.target), $0.relation.rawValue, "\($0.weight).0"] }
  return ReadBack(nodes: nodes, edges: edges.sorted { $0.lexicographicallyPrecedes($1) })
}

@Suite struct GraphMLWriterTests {
  static let networkxReader = """
    import json, sys, networkx as nx
    g = nx.read_graphml(sys.argv[1])
    assert g.is_directed() and g.is_multigraph(), "expected a directed multigraph"
    for n, d in g.nodes(data=True):
        assert isinstance(d["year"], int) if "year" in d else True
        assert isinstance(d["r"], int) and isinstance(d["size"], float)
    edges = sorted([s, t, d["relation"], repr(d["weight"])] for s, t, d in g.edges(data=True))
    ids = [k for _, _, k in g.edges(keys=True)]
    assert ids == ["e%d" % i for i in range(len(ids))] or sorted(ids) == sorted("e%d" % i for i in range(len(ids)))
    print(json.dumps({"nodes": {n: d.get("label", "") for n, d in g.nodes(data=True)}, "edges": edges}))
    """

  static let igraphReader = """
    import json, sys, igraph
    g = igraph.Graph.Read_GraphML(sys.argv[1])
    assert g.is_directed()
    names = g.vs["id"]
    edges = sorted([names[e.source], names[e.target], e["relation"], repr(float(e["weight"]))] for e in g.es)
    print(json.dumps({"nodes": {v["id"]: v["label"] or "" for v in g.vs}, "edges": edges}))
    """

  @Test(arguments: ExportFixtures.all.map(\.0))
  func validatesAgainstTheGraphMLSchema(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).graphml", GraphMLWriter().write(graph, name: name))
    guard
      let run = try ExternalTool.run(
        "xmllint", ["--noout", "--nonet", "--schema", Repo.path("Tests/Fixtures/schemas/graphml/graphml.xsd"), path])
    else { return }
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test(arguments: ExportFixtures.all.map(\.0))
  func networkxReadsTheSameGraph(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).graphml", GraphMLWriter().write(graph, name: name))
    guard let run = try ExternalTool.python(Self.networkxReader, modules: ["networkx"], arguments: [path]) else {
      return
    }
    try #require(run.status == 0, "\(run.stderr)")
    let seen = try ReadBack.decode(run.stdout)
    let expected = expectedReadBack(graph, id: ExportText.nmtoken, label: XMLWriter.xmlSafe)
    #expect(seen.edges == expected.edges)
    #expect(seen.nodes.keys.sorted() == expected.nodes.keys.sorted())
    for (id, label) in expected.nodes { #expect(seen.nodes[id] == label, "label of \(id)") }
  }

  @Test(arguments: ExportFixtures.all.map(\.0))
  func igraphReadsTheSameGraph(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).graphml", GraphMLWriter().write(graph, name: name))
    guard let run = try ExternalTool.python(Self.igraphReader, modules: ["igraph"], arguments: [path]) else { return }
    try #require(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "igraph warned: \(run.stderr)")
    let seen = try ReadBack.decode(run.stdout)
    let expected = expectedReadBack(graph, id: ExportText.nmtoken, label: XMLWriter.xmlSafe)
    #expect(seen.edges == expected.edges)
    #expect(seen.nodes.keys.sorted() == expected.nodes.keys.sorted())
    for (id, label) in expected.nodes { #expect(seen.nodes[id] == label, "label of \(id)") }
  }

  /// Every node and edge attribute, not just labels, comes back from networkx as written
  /// (characters XML forbids aside).
  @Test(arguments: ExportFixtures.all.map(\.0))
  func networkxReadsEveryAttribute(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).graphml", GraphMLWriter().write(graph, name: name))
    guard let seen = try NetworkxRoundTrip.read(path, with: "nx.read_graphml", check: #"assert all(d["label"] == d["relation"] for _, _, d in g.edges(data=True)), "edge label is the relation""#) else { return }
    NetworkxRoundTrip.expectSame(seen, NetworkxRoundTrip.expected(graph, id: ExportText.nmtoken))
  }

  @Test func keysComeFirstWithTypesAndEdgesAreNumbered() throws {
    let text = String(decoding: try GraphMLWriter().write(ExportFixtures.palantir(), name: "palantir"), as: UTF8.self)
    #expect(
      text.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"))
    let firstGraph = try #require(text.range(of: "<graph "))
    let lastKey = try #require(text.range(of: "<key ", options: .backwards))
    #expect(lastKey.lowerBound < firstGraph.lowerBound)
    #expect(text.contains("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"))
    #expect(text.contains("<key id=\"edgelabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>"))
    #expect(text.contains("<key id=\"year\" for=\"node\" attr.name=\"year\" attr.type=\"int\"/>"))
    #expect(text.contains("<graph id=\"palantir\" edgedefault=\"directed\">"))
    // Palantir is mentioned four times: one edge of weight 4.0.
    #expect(
      text.contains(
        """
        <edge id="e6" source="ah-tk-20252026-313" target="organisatie:Palantir">
              <data key="edgelabel">mentions</data>
              <data key="weight">4.0</data>
              <data key="relation">mentions</data>
        """))
    #expect(text.components(separatedBy: "<edge ").count - 1 == ExportFixtures.palantir().edges.count)
    // Colour and size for Gephi: the answer (aanhangsel, orange) has degree 8: 10 + 5 * sqrt(8) = 24.14.
    #expect(text.contains("<data key=\"r\">255</data>"))
    #expect(text.contains("<data key=\"size\">24.1</data>"))
    #expect(text.contains("<data key=\"date\">2025-10-31</data>"))
    #expect(text.contains("<data key=\"year\">2025</data>"))
    #expect(text.contains("<data key=\"aliases\">2025D45253</data>"))
  }

  /// Without indentation the file is smaller but means the same: valid, and read identically.
  @Test func unindentedOutputReadsTheSame() throws {
    var options = ExportOptions()
    options.indent = false
    let graph = ExportFixtures.hostileGraph()
    let flat = try GraphMLWriter(options: options).write(graph, name: "hostile")
    let indented = try GraphMLWriter().write(graph, name: "hostile")
    #expect(flat.count < indented.count)
    let flatPath = try ExportFixtures.temporaryFile("flat.graphml", flat)
    let indentedPath = try ExportFixtures.temporaryFile("indented.graphml", indented)
    if let run = try ExternalTool.run(
      "xmllint", ["--noout", "--nonet", "--schema", Repo.path("Tests/Fixtures/schemas/graphml/graphml.xsd"), flatPath])
    {
      #expect(run.status == 0, "\(run.stderr)")
    }
    guard let a = try ExternalTool.python(Self.networkxReader, modules: ["networkx"], arguments: [flatPath]),
      let b = try ExternalTool.python(Self.networkxReader, modules: ["networkx"], arguments: [indentedPath])
    else { return }
    #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
    #expect(try ReadBack.decode(a.stdout) == ReadBack.decode(b.stdout))
  }

  @Test func forbiddenCharactersAreDroppedAndMarkupEscaped() throws {
    let node = Node(
      id: "x", kind: "kamerstuk", label: "a\u{01}b\u{0B}c\u{0C}d\u{FFFE}e <&> ]]> \"q\"", status: .resolved)
    let text = String(decoding: try GraphMLWriter().write(CitationGraph(nodes: [node], edges: [])), as: UTF8.self)
    #expect(text.contains("<data key=\"label\">abcde &lt;&amp;&gt; ]]&gt; &quot;q&quot;</data>"))
  }

  /// The fixed names written without escaping are exactly the raw values.
  @Test func fixedNamesAreTheRawValues() {
    for relation in Relation.allCases { #expect("\(relation.fixedName)" == relation.rawValue) }
    for source in [EvidenceSource.metadata, .xmlLink, .text] {
      #expect("\(GraphMLWriter.fixedName(source))" == source.rawValue)
    }
    for status in [NodeStatus.resolved, .external, .entity] {
      #expect("\(GraphMLWriter.fixedName(status))" == status.rawValue)
    }
  }

  @Test func writingTwiceGivesTheSameBytes() throws {
    for (name, graph) in ExportFixtures.all {
      let first = try GraphMLWriter().write(graph, name: name)
      let copy = CitationGraph(nodes: graph.nodes.reversed(), edges: graph.edges.reversed())
      #expect(first == (try GraphMLWriter().write(copy, name: name)), "\(name)")
    }
  }
}

@Suite struct ExportTextTests {
  @Test(arguments: [
    ("kst-36600-X-12", "kst-36600-X-12"), ("ministerie:DEF", "ministerie:DEF"),
    ("ECLI:NL:HR:2005:AR5213", "ECLI:NL:HR:2005:AR5213"), ("a b", "a_x0020_b"),
    ("https://x.nl/a?b=1", "https:_x002F__x002F_x.nl_x002F_a_x003F_b_x003D_1"), ("é", "_x00E9_"), ("", "_x_"),
    ("🚀", "_x1F680_"),
  ])
  func nmtoken(id: String, token: String) {
    #expect(ExportText.nmtoken(id) == token)
  }

  @Test(arguments: [
    ("plain", "plain"), ("tab\tnl\ncr\r", "tab\tnl\ncr\r"), ("a\u{0}b\u{1}c\u{1F}d", "abcd"),
    ("\u{FFFE}\u{FFFF}\u{FFFD}", "\u{FFFD}"), ("emoji 🚀 עברית", "emoji 🚀 עברית"), ("\u{0C}form", "form"),
  ])
  func xmlSafe(input: String, output: String) {
    #expect(XMLWriter.xmlSafe(input) == output)
  }

  @Test(arguments: [
    ("2025-10-31", true), ("2024-02-29", true), ("2023-02-29", false), ("2025-13-01", false), ("2025-1-01", false),
    ("0000-01-01", false), ("2025-10-3x", false), ("", false),
  ])
  func isoDate(date: String, valid: Bool) {
    #expect(ExportText.isISODate(date) == valid)
  }

  @Test(arguments: [(10.0, "10.0"), (17.07, "17.1"), (0.04, "0.0"), (-1.25, "-1.3"), (25.0, "25.0")])
  func oneDecimal(value: Double, text: String) {
    #expect(ExportText.oneDecimal(value) == text)
  }

  @Test func danglingEdgeEndsBecomeExternalNodes() throws {
    let graph = CitationGraph(
      nodes: [Node(id: "a", kind: "kamerstuk", label: "A", status: .resolved)],
      edges: [Edge(source: "a", target: "stb-2001-580", relation: .cites, evidence: [])])
    let export = ExportGraph(graph)
    #expect(export.nodes.map(\.id) == ["a", "stb-2001-580"])
    #expect(export.nodes[1].kind == "staatsblad")
    #expect(export.nodes[1].status == .external)
  }

  @Test func edgesComeInTheGraphsOwnOrder() {
    var graph = ExportFixtures.hostileGraph()
    for (s, t) in [("Zeta", "alpha"), ("émile", "Émile"), ("10", "9"), ("a", "a b"), ("kst-1-2", "kst-1-10")] {
      for relation in [Relation.seeAlso, .cites, .answers, .partOfDossier] {
        graph.add(Edge(source: s, target: t, relation: relation, evidence: []))
      }
    }
    let export = ExportGraph(graph)
    #expect(export.edges == graph.edges)
    #expect(export.nodes.map(\.id) == export.nodes.map(\.id).sorted())
    for (i, edge) in export.edges.enumerated() {
      #expect(export.nodes[export.ends[i].source].id == edge.source)
      #expect(export.nodes[export.ends[i].target].id == edge.target)
    }
    #expect(export.degree.reduce(0, +) == 2 * graph.edges.count)
  }

  @Test func conflictingEncodedIDsAreReported() {
    let nodes = [
      Node(id: "a b", kind: "", label: "", status: .external),
      Node(id: "a_x0020_b", kind: "", label: "", status: .external),
    ]
    #expect(throws: ExportError.conflictingNodeID("a b", "a_x0020_b")) {
      try GraphMLWriter().write(CitationGraph(nodes: nodes, edges: []))
    }
  }
}
