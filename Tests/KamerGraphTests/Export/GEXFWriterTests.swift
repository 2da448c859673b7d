import Foundation
import Testing

@testable import KamerGraph

@Suite struct GEXFWriterTests {
  static let networkxReader = """
    import json, sys, networkx as nx
    g = nx.read_gexf(sys.argv[1])
    assert g.is_directed() and g.is_multigraph(), "expected a directed multigraph"
    assert g.graph["mode"] == "dynamic"
    edges = sorted([s, t, d["relation"], repr(d["weight"])] for s, t, d in g.edges(data=True))
    starts = {n: d["start"] for n, d in g.nodes(data=True) if "start" in d}
    years = {n: d["year"] for n, d in g.nodes(data=True) if "year" in d}
    assert all(isinstance(y, int) for y in years.values())
    assert all(isinstance(d["viz"]["color"]["r"], int) for _, d in g.nodes(data=True))
    print(json.dumps({"nodes": {n: d.get("label", "") for n, d in g.nodes(data=True)}, "edges": edges,
                      "starts": starts}))
    """

  struct Seen: Decodable {
    var nodes: [String: String]
    var edges: [[String]]
    var starts: [String: String]
  }

  @Test(arguments: ExportFixtures.all.map(\.0))
  func validatesAgainstTheGEXFSchema(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).gexf", GEXFWriter().write(graph, name: name))
    guard
      let run = try ExternalTool.run(
        "xmllint", ["--noout", "--nonet", "--relaxng", Repo.path("Tests/Fixtures/schemas/gexf-1.3/gexf.rng"), path])
    else { return }
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test(arguments: ExportFixtures.all.map(\.0))
  func networkxReadsTheSameGraph(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).gexf", GEXFWriter().write(graph, name: name))
    guard let run = try ExternalTool.python(Self.networkxReader, modules: ["networkx"], arguments: [path]) else {
      return
    }
    try #require(run.status == 0, "\(run.stderr)")
    let seen = try JSONDecoder().decode(Seen.self, from: Data(run.stdout.utf8))
    // GEXF labels are xsd:tokens: whitespace runs become one space.
    let expected = expectedReadBack(graph, label: GEXFWriter.token)
    #expect(seen.edges == expected.edges)
    #expect(seen.nodes.keys.sorted() == expected.nodes.keys.sorted())
    for (id, label) in expected.nodes { #expect(seen.nodes[id] == label, "label of \(id)") }
    var starts: [String: String] = [:]
    for node in graph.nodes {
      if let date = node.date, ExportText.isISODate(date) { starts[node.id] = date }
    }
    #expect(seen.starts == starts)
  }

  /// Attribute values (XML attributes, where libxml2 writes tabs and newlines as character
  /// references) come back from networkx exactly, characters XML forbids aside.
  @Test(arguments: ExportFixtures.all.map(\.0))
  func networkxReadsEveryAttribute(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).gexf", GEXFWriter().write(graph, name: name))
    guard let seen = try NetworkxRoundTrip.read(path, with: "nx.read_gexf") else { return }
    NetworkxRoundTrip.expectSame(seen, NetworkxRoundTrip.expected(graph, id: { $0 }))
  }

  @Test func dynamicWithDatesAsStartAndVizColour() throws {
    let text = String(decoding: try GEXFWriter().write(ExportFixtures.palantir(), name: "palantir"), as: UTF8.self)
    #expect(
      text.hasPrefix(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
        """))
    #expect(text.contains("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"))
    #expect(
      text.contains(
        "<node id=\"ah-tk-20252026-313\" label=\"Antwoord op vragen van het lid Van Houwelingen over Palantir\" start=\"2025-10-31\">"
      ))
    #expect(text.contains("<viz:color r=\"255\" g=\"127\" b=\"14\"/>"))
    #expect(text.contains("<attribute id=\"year\" title=\"year\" type=\"integer\"/>"))
    #expect(text.contains("<attvalue for=\"year\" value=\"2025\"/>"))
    // An edge appears when its citing document does.
    #expect(
      text.contains(
        "<edge id=\"e6\" source=\"ah-tk-20252026-313\" target=\"organisatie:Palantir\" kind=\"mentions\" label=\"mentions\" weight=\"4.0\" start=\"2025-10-31\">"
      ))
    #expect(!text.contains("lastmodifieddate"))
  }

  @Test(arguments: [
    ("plain", "plain"), ("  two  spaces\tand\ttabs \n", "two spaces and tabs"), ("a\r\nb", "a b"),
    ("\u{01}x\u{0C}", "x"),
    ("", ""), ("   ", ""),
  ])
  func token(input: String, output: String) {
    #expect(GEXFWriter.token(input) == output)
  }

  @Test func writingTwiceGivesTheSameBytes() throws {
    for (name, graph) in ExportFixtures.all {
      let copy = CitationGraph(nodes: graph.nodes.reversed(), edges: graph.edges.reversed())
      #expect(try GEXFWriter().write(graph, name: name) == GEXFWriter().write(copy, name: name), "\(name)")
    }
  }

  /// Without indentation the document is the same markup on one line: it validates, and with
  /// the whitespace between elements taken out of the indented document the two are equal.
  @Test(arguments: ExportFixtures.all.map(\.0) + ["empty"])
  func flatIsTheIndentedDocumentWithoutIndentation(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }?.1 ?? CitationGraph(nodes: [], edges: [])
    var options = ExportOptions()
    options.indent = false
    let flat = try GEXFWriter(options: options).write(graph, name: name)
    let indented = String(decoding: try GEXFWriter().write(graph, name: name), as: UTF8.self)
    // Indentation is a newline and spaces before a tag; values never hold a raw newline before "<".
    let stripped = indented.replacing(/\n *</, with: "<")
    #expect(String(decoding: flat, as: UTF8.self) == stripped.replacing("?><", with: "?>\n<"))
    #expect(indented.contains("\n    <nodes"))
    let path = try ExportFixtures.temporaryFile("\(name)-flat.gexf", flat)
    guard
      let run = try ExternalTool.run(
        "xmllint", ["--noout", "--nonet", "--relaxng", Repo.path("Tests/Fixtures/schemas/gexf-1.3/gexf.rng"), path])
    else { return }
    #expect(run.status == 0, "\(run.stderr)")
  }
}
