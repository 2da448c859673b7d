import Foundation
import Testing

@testable import KamerGraph

@Suite struct JSONGraphWriterTests {
  static let networkxReader = """
    import json, sys, networkx as nx
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    g = nx.node_link_graph(data)
    assert g.is_directed() and g.is_multigraph()
    assert g.graph["name"] == sys.argv[2]
    edges = sorted([s, t, d["relation"], repr(float(d["weight"]))] for s, t, k, d in g.edges(keys=True, data=True)
                   if k == d["relation"])
    assert len(edges) == g.number_of_edges(), "every edge key is its relation"
    for s, t, d in g.edges(data=True):
        assert len(d["evidence"]) == d["weight"] or (d["weight"] == 1 and not d["evidence"])
    extra = {n: [d["aliases"], d.get("year")] for n, d in g.nodes(data=True)}
    print(json.dumps({"nodes": {n: d["label"] for n, d in g.nodes(data=True)}, "edges": edges, "extra": extra}))
    """

  struct Seen: Decodable {
    var nodes: [String: String]
    var edges: [[String]]
  }

  @Test(arguments: ExportFixtures.all.map(\.0))
  func nodeLinkGraphGivesTheSameGraph(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let path = try ExportFixtures.temporaryFile("\(name).json", JSONGraphWriter().write(graph, name: name))
    guard let run = try ExternalTool.python(Self.networkxReader, modules: ["networkx"], arguments: [path, name]) else {
      return
    }
    try #require(run.status == 0, "\(run.stderr)")
    let seen = try JSONDecoder().decode(Seen.self, from: Data(run.stdout.utf8))
    // JSON carries every character, control characters included.
    let expected = expectedReadBack(graph, label: { $0 })
    #expect(seen.edges == expected.edges)
    #expect(seen.nodes == expected.nodes)
  }

  @Test func fixedKeyOrderAndEvidence() {
    let text = String(decoding: JSONGraphWriter().write(ExportFixtures.palantir(), name: "palantir"), as: UTF8.self)
    #expect(
      text.hasPrefix(
        "{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":\"palantir\"},\n\"nodes\":[\n{\"id\":\"2025Z14549\""
      ))
    #expect(
      text.contains(
        "{\"source\":\"ah-tk-20252026-313\",\"target\":\"ah-tk-20242025-2790\",\"key\":\"cites\",\"relation\":\"cites\",\"weight\":2,\"origin\":\"text\",\"evidence\":[{\"path\":\"corpus/palantir/defensie-antwoord-2025Z14549.txt\",\"line\":43,"
      ))
    #expect(
      text.contains(
        "\"date\":\"2025-10-31\",\"year\":2025,\"vergaderjaar\":\"2025-2026\",\"ministry\":\"ministerie:DEF\""))
    #expect(text.hasSuffix("\n]}\n"))
  }

  @Test func writingTwiceGivesTheSameBytes() {
    for (name, graph) in ExportFixtures.all {
      let copy = CitationGraph(nodes: graph.nodes.reversed(), edges: graph.edges.reversed())
      #expect(JSONGraphWriter().write(graph, name: name) == JSONGraphWriter().write(copy, name: name), "\(name)")
    }
  }
}

@Suite struct CSVGraphWriterTests {
  static let csvReader = """
    import csv, json, sys
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(sys.argv[2], newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert all(e["Type"] == "Directed" and "relation" not in e and "Label" not in e for e in edges)
    assert [e["Id"] for e in edges] == ["e%d" % i for i in range(len(edges))]
    print(json.dumps({"nodes": {n["Id"]: n["Label"] for n in nodes},
                      "edges": sorted([e["Source"], e["Target"], e["Kind"], e["Weight"]] for e in edges)}))
    """

  @Test(arguments: ExportFixtures.all.map(\.0))
  func pythonCSVReadsBackEveryLabel(name: String) throws {
    let graph = ExportFixtures.all.first { $0.0 == name }!.1
    let files = try GraphExporter.files(for: graph, name: name, format: .csv)
    #expect(files.map(\.fileName) == ["\(name).nodes.csv", "\(name).edges.csv"])
    let nodes = try ExportFixtures.temporaryFile(files[0].fileName, files[0].contents)
    let edges = try ExportFixtures.temporaryFile(files[1].fileName, files[1].contents)
    guard let run = try ExternalTool.python(Self.csvReader, modules: ["csv"], arguments: [nodes, edges]) else { return }
    try #require(run.status == 0, "\(run.stderr)")
    let seen = try ReadBack.decode(run.stdout)
    let expected = expectedReadBack(graph, label: { $0 })
    #expect(seen.edges == expected.edges)
    #expect(seen.nodes.keys.sorted() == expected.nodes.keys.sorted())
    for (id, label) in expected.nodes { #expect(seen.nodes[id] == label, "label of \(id)") }
  }

  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("line\nbreak", "\"line\nbreak\""),
    ("cr\r", "\"cr\r\""), ("nul\u{0}x", "nulx"), ("tab\tx", "tab\tx"), ("", ""),
  ])
  func rfc4180Fields(input: String, output: String) {
    #expect(CSVGraphWriter.field(input) == output)
  }

  @Test func gephiHeadersAndCRLF() {
    let nodes = String(decoding: CSVGraphWriter().nodes(ExportFixtures.palantir()), as: UTF8.self)
    let edges = String(decoding: CSVGraphWriter().edges(ExportFixtures.palantir()), as: UTF8.self)
    #expect(
      nodes.hasPrefix(
        "Id,Label,kind,law,status,date,year,vergaderjaar,ministry,url,aliases,paths\r\n2025Z14549,2025Z14549,zaak,,external,"
      ))
    // The relation once, as Gephi's edge Kind: no column that always repeats it.
    #expect(edges.hasPrefix("Source,Target,Type,Kind,Id,Weight,origin,evidence\r\n"))
    #expect(edges.contains("\r\nah-tk-20252026-313,ah-tk-20242025-2790,Directed,cites,e0,2.0,text,"))
    #expect(edges.hasSuffix("\r\n"))
  }
}

@Suite struct GraphExporterTests {
  @Test func filesAreNamedByFormat() throws {
    let graph = ExportFixtures.palantir()
    var names: [String] = []
    for format in GraphFormat.allCases {
      let files = try GraphExporter.files(for: graph, name: "palantir", format: format)
      names += files.map(\.fileName)
      #expect(files.allSatisfy { !$0.contents.isEmpty })
      let again = try GraphExporter.files(for: graph, name: "palantir", format: format)
      #expect(files.map(\.contents) == again.map(\.contents))
    }
    #expect(
      names == [
        "palantir.graphml", "palantir.dot", "palantir.gexf", "palantir.json", "palantir.nodes.csv",
        "palantir.edges.csv",
      ])
  }

  @Test(arguments: ["", "a/b", ".", ".."])
  func badNamesAreRefused(name: String) {
    #expect(throws: ExportError.invalidName(name)) {
      try GraphExporter.files(for: ExportFixtures.palantir(), name: name, format: .json)
    }
  }

  @Test func emptyGraphIsStillValid() throws {
    let graph = CitationGraph()
    let path = try ExportFixtures.temporaryFile("empty.graphml", GraphMLWriter().write(graph))
    if let run = try ExternalTool.run(
      "xmllint", ["--noout", "--nonet", "--schema", Repo.path("Tests/Fixtures/schemas/graphml/graphml.xsd"), path])
    {
      #expect(run.status == 0, "\(run.stderr)")
    }
    let gexf = try ExportFixtures.temporaryFile("empty.gexf", GEXFWriter().write(graph))
    if let run = try ExternalTool.run(
      "xmllint", ["--noout", "--nonet", "--relaxng", Repo.path("Tests/Fixtures/schemas/gexf-1.3/gexf.rng"), gexf])
    {
      #expect(run.status == 0, "\(run.stderr)")
    }
    let dot = try ExportFixtures.temporaryFile("empty.dot", DOTWriter().write(graph))
    if let run = try ExternalTool.run("dot", ["-Tsvg", dot, "-o", dot + ".svg"]) {
      #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    }
  }
}

@Suite struct GraphvizRendererTests {
  @Test(arguments: ["svg", "png"])
  func rendersThePalantirGraph(format: String) throws {
    guard ExternalTool.find("dot") != nil else {
      _ = try ExternalTool.run("dot", [])  // records the missing tool (a failure in CI)
      return
    }
    let picture = try GraphvizRenderer.render(dot: DOTWriter().write(ExportFixtures.palantir()), format: format)
    if format == "svg" {
      let text = String(decoding: picture, as: UTF8.self)
      #expect(text.contains("<svg"))
      #expect(text.contains("Ministerie van Defensie"))
    } else {
      #expect(Array(picture.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
  }

  @Test func unsupportedFormatAndBrokenDOTAreReported() throws {
    #expect(throws: ExportError.unsupportedRenderFormat("gif")) {
      try GraphvizRenderer.render(dot: Array("digraph {}".utf8), format: "gif")
    }
    guard ExternalTool.find("dot") != nil else { return }
    do {
      _ = try GraphvizRenderer.render(dot: Array("digraph { a -> }".utf8), format: "svg")
      Issue.record("broken DOT was rendered")
    } catch {
      guard case .graphvizFailed(let status, let message) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(status != 0)
      #expect(message.contains("syntax error"))
    }
  }

  @Test func missingGraphvizSaysHowToInstallIt() {
    #expect(GraphvizRenderer.dotExecutable(path: "/nonexistent") == nil)
    #expect(ExportError.graphvizMissing.description.contains("apt-get install graphviz"))
  }
}
