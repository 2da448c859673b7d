import Foundation
import Testing

@testable import KamerGraph

@Suite struct DOTWriterTests {
  /// Reads `dot -Tjson` output: graph nodes (legend left out) with their labels, escString
  /// escapes decoded, and visible edges as [tail, head, label, weight].
  static let jsonReader = """
    import json, re, sys
    g = json.load(open(sys.argv[1], encoding="utf-8"))
    def unescape(s):
        return re.sub(r"\\\\(.)", lambda m: "\\n" if m.group(1) in "nlr" else m.group(1), s, flags=re.S)
    objects = g.get("objects", [])[g.get("_subgraph_cnt", 0):]
    names = {o["_gvid"]: o["name"] for o in objects}
    nodes = {o["name"]: unescape(o["label"]) for o in objects if not o["name"].startswith("legend")}
    edges = sorted([names[e["tail"]], names[e["head"]], unescape(e.get("label", "")), repr(float(e["weight"]))]
                   for e in g.get("edges", []) if e.get("style") != "invis" and not names[e["tail"]].startswith("legend"))
    legend = sorted(o["label"] for o in objects if re.fullmatch(r"legend[0-9]+", o["name"]))
    print(json.dumps({"nodes": nodes, "edges": edges, "legend": legend}))
    """

  /// Reads `dot -Tsvg` output: each node's title and its text lines joined by newlines.
  static let svgReader = """
    import json, sys, xml.etree.ElementTree as ET
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.parse(sys.argv[1]).getroot()
    nodes = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") == "node":
            title = g.find("s:title", ns).text
            if not title.startswith("legend"):
                nodes[title] = "\\n".join(t.text or "" for t in g.iter("{http://www.w3.org/2000/svg}text"))
    print(json.dumps({"nodes": nodes, "edges": []}))
    """

  struct Seen: Decodable {
    var nodes: [String: String]
    var edges: [[String]]
    var legend: [String]
  }

  /// What Graphviz should show as each node's label: `DOTWriter.label(for:limit:)` (the label or
  /// the id, cut to the limit, a document's kind and number first), without CR and the
  /// characters XML forbids.
  static func expectedLabels(_ graph: CitationGraph, limit: Int = ExportOptions().dotLabelLimit) -> [String: String] {
    var labels: [String: String] = [:]
    for (index, node) in ExportGraph(graph).nodes.enumerated() {
      let text = DOTWriter.label(for: node, limit: limit)
      labels["n\(index)"] = String(
        String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && XMLWriter.isAllowed($0) }))
    }
    return labels
  }

  static func expectedEdges(_ graph: CitationGraph, labels: Bool = true) -> [[String]] {
    let g = ExportGraph(graph)
    var index: [String: Int] = [:]
    for (i, node) in g.nodes.enumerated() { index[node.id] = i }
    return g.edges.map {
      // `mentions` edges are drawn without a label (thin and grey, explained in the legend).
      ["n\(index[$0.source]!)", "n\(index[$0.target]!)", labels && $0.relation != .mentions ? $0.relation.rawValue : "", "\($0.weight).0"]
    }
    .sorted { $0.lexicographicallyPrecedes($1) }
  }

  static let clusterings: [DOTClustering] = [.none, .ministry, .dossier]

  @Test(arguments: ExportFixtures.all.map(\.0), clusterings)
  func dotReadsItWithoutWarnings(name: String, clustering: DOTClustering) throws {
    var options = ExportOptions()
    options.clusterBy = clustering
    try Self.check(ExportFixtures.all.first { $0.0 == name }!.1, name: name, options: options)
  }

  /// Labels not cut at all: the 10,000-character label goes to Graphviz whole.
  @Test func fullLabelsWithoutALimit() throws {
    var options = ExportOptions()
    options.dotLabelLimit = 0
    options.edgeLabels = false
    try Self.check(ExportFixtures.hostileGraph(), name: "hostile", options: options)
  }

  static func check(_ graph: CitationGraph, name: String, options: ExportOptions) throws {
    let path = try ExportFixtures.temporaryFile("\(name).dot", DOTWriter(options: options).write(graph, name: name))
    guard let svg = try ExternalTool.run("dot", ["-Tsvg", path, "-o", path + ".svg"]) else { return }
    #expect(svg.status == 0)
    #expect(svg.stderr.isEmpty, "dot -Tsvg warned: \(svg.stderr)")
    guard let json = try ExternalTool.run("dot", ["-Tjson", path, "-o", path + ".json"]) else { return }
    #expect(json.status == 0)
    #expect(json.stderr.isEmpty, "dot -Tjson warned: \(json.stderr)")

    guard let read = try ExternalTool.python(Self.jsonReader, modules: ["json"], arguments: [path + ".json"]) else {
      return
    }
    try #require(read.status == 0, "\(read.stderr)")
    let seen = try JSONDecoder().decode(Seen.self, from: Data(read.stdout.utf8))
    #expect(seen.edges == Self.expectedEdges(graph, labels: options.edgeLabels))
    let expected = Self.expectedLabels(graph, limit: options.dotLabelLimit)
    #expect(seen.nodes.keys.sorted() == expected.keys.sorted())
    for (id, label) in expected { #expect(seen.nodes[id] == label, "label of \(id)") }
    #expect(seen.legend == Set(graph.nodes.map(\.kind)).sorted())

    guard let drawn = try ExternalTool.python(Self.svgReader, modules: ["xml.etree"], arguments: [path + ".svg"]) else {
      return
    }
    try #require(drawn.status == 0, "\(drawn.stderr)")
    let picture = try ReadBack.decode(drawn.stdout)
    #expect(picture.nodes.keys.sorted() == expected.keys.sorted())
    for (id, label) in expected {
      // SVG text lines: Graphviz draws each line, trims nothing we rely on except surrounding spaces.
      let lines = label.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let drawnLines = (picture.nodes[id] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(drawnLines == lines.filter { !$0.isEmpty } || drawnLines == lines, "drawn label of \(id)")
    }
  }

  @Test func clustersByMinistryAndDossier() throws {
    var options = ExportOptions()
    options.clusterBy = .ministry
    let byMinistry = String(decoding: DOTWriter(options: options).write(ExportFixtures.palantir()), as: UTF8.self)
    #expect(
      byMinistry.contains(
        "subgraph \"cluster_0\" {\n    graph [label=\"Ministerie van Defensie\", tooltip=\"ministerie:DEF\""))
    // Sorted ids: 2025Z14549 is n0, ah-tk-20242025-2790 n1, the answer ah-tk-20252026-313 n2 (its ministry is
    // ministerie:DEF), and the ministry node itself n8: both sit in the box, n1 does not.
    let cluster = try #require(
      byMinistry.components(separatedBy: "subgraph \"cluster_0\"").last?.components(separatedBy: "  }\n").first)
    #expect(cluster.contains("\"n2\" [label="))
    #expect(cluster.contains("\"n8\" [label="))
    #expect(!cluster.contains("\"n1\" [label="))

    options.clusterBy = .dossier
    let byDossier = String(decoding: DOTWriter(options: options).write(ExportFixtures.palantir()), as: UTF8.self)
    let box = try #require(
      byDossier.components(separatedBy: "subgraph \"cluster_0\"").last?.components(separatedBy: "  }\n").first)
    #expect(box.contains("graph [label=\"dossier 36 600 X\""))
    #expect(box.components(separatedBy: "[label=").count - 1 == 3)  // the box label, the dossier, kst-36600-X-12

    options.clusterBy = .none
    #expect(
      !String(decoding: DOTWriter(options: options).write(ExportFixtures.palantir()), as: UTF8.self).contains(
        "cluster_0"))
  }

  @Test func layoutShapesAndColoursPerKind() {
    let text = String(decoding: DOTWriter().write(ExportFixtures.palantir(), name: "palantir"), as: UTF8.self)
    #expect(text.hasPrefix("digraph \"palantir\" {\n  graph [rankdir=\"LR\""))
    #expect(
      text.contains(
        "\"n8\" [label=\"Ministerie van Defensie\", tooltip=\"ministerie:DEF\\nMinisterie van Defensie\", shape=\"house\", fillcolor=\"#17becf\"];"
      ))
    #expect(
      text.contains(
        "\"legend0\" [label=\"aanhangsel\", tooltip=\"aanhangsel\", shape=\"note\", fillcolor=\"#ff7f0e\"];"))
    #expect(text.contains("subgraph \"cluster_legend\""))
    var options = ExportOptions()
    options.legend = false
    #expect(
      !String(decoding: DOTWriter(options: options).write(ExportFixtures.palantir()), as: UTF8.self).contains("legend"))
  }

  @Test(arguments: [
    ("plain", "\"plain\""), ("say \"hi\"", "\"say \\\"hi\\\"\""), ("C:\\pad\\", "\"C:\\\\pad\\\\\""),
    ("a\nb\r\nc", "\"a\\nb\\nc\""), ("node", "\"node\""), ("x\u{01}y\u{0C}z\tt", "\"xyz\tt\""),
    ("🚀 שלום", "\"🚀 שלום\""),
  ])
  func quoting(input: String, output: String) {
    #expect(DOTWriter.quoted(input) == output)
  }

  @Test(arguments: [
    ("short", 10, "short"), ("exactly10!", 10, "exactly10!"), ("eleven chars", 10, "eleven ch…"), ("🇳🇱🇳🇱🇳🇱", 2, "🇳🇱…"),
  ])
  func cutting(input: String, limit: Int, output: String) {
    #expect(DOTWriter.cut(input, limit) == output)
  }

  /// The J&V answer (ah-tk-20252026-313) and the questions it answers (kv-tk-2025Z15452) carry
  /// the same title; their labels start with kind and number, so the picture tells them apart.
  /// A title that names its number already, and an actor, keep their label.
  @Test func documentsWithTheSameTitleGetDistinctLabels() {
    let title = "Vragen van het lid Van Houwelingen (FVD) aan de Minister van Justitie en Veiligheid over Palantir"
    let answer = Node(id: "ah-tk-20252026-313", kind: "aanhangsel", label: title, status: .resolved)
    let questions = Node(id: "kv-tk-2025Z15452", kind: "kamervragen", label: title, status: .external)
    let a = DOTWriter.label(for: answer, limit: 60)
    let q = DOTWriter.label(for: questions, limit: 60)
    #expect(a != q)
    #expect(a.hasPrefix("aanhangsel 20252026-313\nVragen van het lid Van Houwelingen"))
    #expect(q.hasPrefix("kamervragen 2025Z15452\nVragen van het lid Van Houwelingen"))
    let named = Node(id: "kv-tk-2025Z14549", kind: "kamervragen", label: "Kamervragen 2025Z14549", status: .external)
    #expect(DOTWriter.label(for: named, limit: 60) == "Kamervragen 2025Z14549")
    let numbered = Node(id: "ah-tk-20242025-2790", kind: "aanhangsel", label: "Aanhangsel Handelingen II 2024/25, nr. 2790", status: .external)
    #expect(DOTWriter.label(for: numbered, limit: 60) == "Aanhangsel Handelingen II 2024/25, nr. 2790")
    // An EU act named by its title gets its number first; a Dutch law keeps its name alone.
    let avg = Node(id: "CELEX:32016R0679", kind: "bwb", label: "Algemene verordening gegevensbescherming (AVG)", status: .external)
    #expect(DOTWriter.label(for: avg, limit: 60) == "Verordening (EU) 2016/679\nAlgemene verordening gegevensbescherming (AVG)")
    let unnamed = Node(id: "CELEX:32016R0679", kind: "bwb", label: "Verordening (EU) 2016/679", status: .external)
    #expect(DOTWriter.label(for: unnamed, limit: 60) == "Verordening (EU) 2016/679")
    let dutch = Node(id: "BWBR0032203", kind: "bwb", label: "Aanbestedingswet 2012", status: .external)
    #expect(DOTWriter.label(for: dutch, limit: 60) == "Aanbestedingswet 2012")
    // Decoy: the number's last part alone (not as "nr. 313") is no reason to leave the number out.
    let decoy = Node(id: "ah-tk-20252026-313", kind: "aanhangsel", label: "Vragen over 313 drones", status: .external)
    #expect(DOTWriter.label(for: decoy, limit: 60) == "aanhangsel 20252026-313\nVragen over 313 drones")
    let minister = Node(id: "ministerie:JENV", kind: "ministerie", label: "Ministerie van Justitie en Veiligheid", status: .entity)
    #expect(DOTWriter.label(for: minister, limit: 60) == "Ministerie van Justitie en Veiligheid")
    #expect(DOTWriter.number(of: "kst-36600-X-12") == "36600-X-12")
    #expect(DOTWriter.number(of: "kenmerk:MINDEF20250032172") == "MINDEF20250032172")
  }

  /// Story edges are written before any `mentions` edge, dark and labelled; mentions are thin,
  /// grey and unlabelled; the legend has a sample of every kind of line and of the dashed border.
  @Test func storyEdgesFirstAndStrongMentionsThinAndGrey() throws {
    let text = String(decoding: DOTWriter().write(ExportFixtures.palantir(), name: "palantir"), as: UTF8.self)
    let edgeLines = text.split(separator: "\n").filter { $0.hasPrefix("  \"n") && $0.contains(" -> ") }
    let mentions = edgeLines.filter { $0.contains(" mentions ") }
    let story = edgeLines.filter { !$0.contains(" mentions ") }
    try #require(!mentions.isEmpty && !story.isEmpty)
    #expect(edgeLines.firstIndex { $0.contains(" mentions ") }! == story.count, "every story edge before the first mention")
    for line in mentions {
      #expect(line.contains("color=\"\(DOTWriter.mentionColor)\""))
      #expect(!line.contains("label="))
    }
    for line in story {
      #expect(line.contains("label=\""))
      #expect(!line.contains("color="))
    }
    #expect(DOTWriter.penwidth(weight: 1, story: true) > DOTWriter.penwidth(weight: 1, story: false))
    #expect(DOTWriter.penwidth(weight: 5, story: true) > DOTWriter.penwidth(weight: 1, story: true))
    for mark in ["dashed border: not in the corpus", "thin grey: mentions", "dashed: from the document's metadata", "wider: found more often"] {
      #expect(text.contains(mark), "the legend explains \(mark)")
    }
  }

  @Test func writingTwiceGivesTheSameBytes() {
    for (name, graph) in ExportFixtures.all {
      let copy = CitationGraph(nodes: graph.nodes.reversed(), edges: graph.edges.reversed())
      #expect(DOTWriter().write(graph, name: name) == DOTWriter().write(copy, name: name), "\(name)")
    }
  }

  /// The tooltips are written in pieces unless they are cut: both ways give the quoted, cut text
  /// of the whole tooltip (an edge's at 1000 characters, a node's at 2000).
  @Test(arguments: [10, 900, 999, 1000, 1001, 2500])
  func tooltipsAreTheQuotedCutText(length: Int) throws {
    let text = String(repeating: "é\"", count: length / 2) + (length % 2 == 1 ? "\\" : "")
    let graph = CitationGraph(
      nodes: [
        Node(id: "kst-1", kind: "kamerstuk", label: text, date: "2024-01-02", status: .resolved),
        Node(id: "kst-2", kind: "kamerstuk", label: "B", status: .resolved),
      ],
      edges: [
        Edge(source: "kst-1", target: "kst-2", relation: .cites, evidence: [
          Evidence(path: "a/b.txt", line: -7, start: 0, end: 1, text: text, source: .text)
        ])
      ])
    let dot = String(decoding: DOTWriter().write(graph), as: UTF8.self)
    let edgeTip = "kst-1 cites kst-2 (1x)\na/b.txt:-7: " + text
    let nodeTip = "kst-1\n" + text + "\n2024-01-02"
    #expect(dot.contains("tooltip=" + DOTWriter.quoted(DOTWriter.cut(edgeTip, 1000)) + ", weight="))
    #expect(dot.contains("tooltip=" + DOTWriter.quoted(DOTWriter.cut(nodeTip, 2000)) + ", shape="))
  }

  /// The byte search behind the labels' "does it name its number" is Foundation's `contains`.
  @Test func containsIsFoundationsContains() {
    let cases: [(String, String)] = [
      ("Brief nr. 12", "nr. 12"), ("Brief nr. 12", "nr. 13"), ("20252026-313", "20252026-313"), ("abc", "abcd"),
      ("Financiën nr. 4", "nr. 4"), ("nr. 4\u{301}", "nr. 4"), ("e\u{301}", "é"), ("a", ""), ("", "a"), ("xxy", "xy"),
    ]
    for (text, part) in cases {
      #expect(DOTWriter.contains(text, part) == text.contains(part), "\(text) / \(part)")
    }
  }
}
