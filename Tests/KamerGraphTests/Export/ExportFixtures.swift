import Foundation
import Testing

@testable import KamerGraph

/// Graphs built by hand for the exporter tests.
enum ExportFixtures {
  /// A generated index (`GeneratedGraph`, 200 documents) with one more edge whose two metadata
  /// evidence rows differ only in their line, as a `.metadata.xml` naming one indiener twice gives
  /// (start = end = 0, lines 11 and 12): the rows the stream used to give up on (issue 21).
  static func indexWithEvidenceTiedButForLine() throws -> GraphIndex {
    var graph = GeneratedGraph.make(documents: 200, seed: 3)
    let path = "corpus/gen/ah-tk-20242025-7.metadata.xml"
    graph.add(
      Edge(
        source: "ah-tk-20242025-7", target: "persoon:lid-1", relation: .askedBy,
        evidence: [
          Evidence(path: path, line: 12, start: 0, end: 0, text: "OVERHEIDop.indiener", source: .metadata),
          Evidence(path: path, line: 11, start: 0, end: 0, text: "OVERHEIDop.indiener", source: .metadata),
          Evidence(path: path, line: nil, start: 0, end: 0, text: "OVERHEIDop.indiener", source: .metadata),
        ]))
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    return index
  }

  static func evidence(_ path: String, _ line: Int, _ text: String, _ source: EvidenceSource = .text) -> Evidence {
    Evidence(path: path, line: line, start: line * 100, end: line * 100 + text.utf8.count, text: text, source: source)
  }

  /// A graph shaped like corpus/palantir: the Defence answer, the questions it answers, the
  /// documents it cites, its dossier, and the people, party, ministry and company it names.
  static func palantir() -> CitationGraph {
    let answer = "corpus/palantir/ah-tk-20252026-313.xml"
    let txt = "corpus/palantir/defensie-antwoord-2025Z14549.txt"
    let nodes = [
      Node(
        id: "ah-tk-20252026-313", kind: "aanhangsel",
        label: "Antwoord op vragen van het lid Van Houwelingen over Palantir",
        date: "2025-10-31", vergaderjaar: "2025-2026", ministry: "ministerie:DEF", status: .resolved,
        url: "https://zoek.officielebekendmakingen.nl/ah-tk-20252026-313", aliases: ["2025D45253"],
        paths: [answer, txt]),
      Node(
        id: "kv-tk-2025Z14549", kind: "kamervragen", label: "Vragen over het gebruik van Palantir-software",
        date: "2025-07-11", vergaderjaar: "2024-2025", status: .external),
      Node(id: "2025Z14549", kind: "zaak", label: "2025Z14549", status: .external),
      Node(
        id: "ah-tk-20242025-2790", kind: "aanhangsel",
        label: "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790",
        vergaderjaar: "2024-2025", status: .external, url: "https://zoek.officielebekendmakingen.nl/ah-tk-20242025-2790"
      ),
      Node(
        id: "kst-36600-X-12", kind: "kamerstuk", label: "Kamerstukken II 2024/25, 36 600 X, nr. 12", status: .external),
      Node(id: "dossier-36600-X", kind: "dossier", label: "dossier 36 600 X", status: .external),
      Node(id: "ministerie:DEF", kind: "ministerie", label: "Ministerie van Defensie", status: .entity),
      Node(id: "persoon:tuinman", kind: "persoon", label: "Gijs Tuinman", status: .entity),
      Node(id: "persoon:van-houwelingen", kind: "persoon", label: "Pepijn van Houwelingen", status: .entity),
      Node(id: "fractie:FVD", kind: "fractie", label: "FVD", status: .entity),
      Node(id: "organisatie:Palantir", kind: "organisatie", label: "Palantir", status: .entity),
      Node(id: "kenmerk:MINDEF20250032172", kind: "kenmerk", label: "MINDEF20250032172", status: .external),
    ]
    let edges = [
      Edge(
        source: "ah-tk-20252026-313", target: "kv-tk-2025Z14549", relation: .answers,
        evidence: [evidence(answer, 1, "2025Z14549", .metadata)]),
      Edge(
        source: "ah-tk-20252026-313", target: "ah-tk-20242025-2790", relation: .cites,
        evidence: [
          evidence(txt, 43, "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790"),
          evidence(txt, 51, "Aanhangsel Handelingen II 2024/25, nr. 2790"),
        ]),
      Edge(
        source: "ah-tk-20252026-313", target: "kst-36600-X-12", relation: .cites,
        evidence: [evidence(txt, 60, "Kamerstukken II 2024/25, 36 600 X, nr. 12")]),
      Edge(
        source: "kst-36600-X-12", target: "dossier-36600-X", relation: .partOfDossier,
        evidence: [evidence(txt, 60, "36 600 X")]),
      Edge(
        source: "kv-tk-2025Z14549", target: "persoon:van-houwelingen", relation: .askedBy,
        evidence: [evidence(txt, 3, "het lid Van Houwelingen (FVD)")]),
      Edge(
        source: "kv-tk-2025Z14549", target: "ministerie:DEF", relation: .addressedTo,
        evidence: [evidence(txt, 3, "de minister van Defensie")]),
      Edge(
        source: "ah-tk-20252026-313", target: "persoon:tuinman", relation: .signedBy,
        evidence: [evidence(answer, 9, "Gijs Tuinman", .metadata)]),
      Edge(
        source: "ah-tk-20252026-313", target: "ministerie:DEF", relation: .sentBy,
        evidence: [evidence(answer, 2, "Ministerie van Defensie", .xmlLink)]),
      Edge(
        source: "persoon:van-houwelingen", target: "fractie:FVD", relation: .memberOf,
        evidence: [evidence(txt, 3, "(FVD)")]),
      Edge(
        source: "ah-tk-20252026-313", target: "organisatie:Palantir", relation: .mentions,
        evidence: (1...4).map { evidence(txt, 10 * $0, "Palantir") }),
      Edge(
        source: "ah-tk-20252026-313", target: "kenmerk:MINDEF20250032172", relation: .mentions,
        evidence: [evidence(txt, 1, "Onze referentie MINDEF20250032172")]),
      // The same pair under two relations: two edges.
      Edge(
        source: "ah-tk-20252026-313", target: "kv-tk-2025Z14549", relation: .cites,
        evidence: [evidence(txt, 2, "Kamervragen 2025Z14549")]),
    ]
    return CitationGraph(nodes: nodes, edges: edges)
  }

  /// Ten thousand characters that mix every escape hazard.
  static let long = String(repeating: "a\"b\\c<&\n ", count: 1000) + String(repeating: "x", count: 1000)

  /// Strings that break naive writers (each also used as attribute values).
  static let hostile: [String] = [
    "He said \"node\" & <edge> ]]> graph",
    "C:\\pad\\",
    "line1\nline2\r\nline3\ttabbed",
    "ctrl\u{01}a\u{0B}b\u{0C}c",
    "שלום עולם مرحبا بالعالم",
    "emoji 🇳🇱 👩‍👩‍👧 🚀 done",
    "  padded with spaces  ",
    "escapes \\N \\G \\l \\\" end",
    "node",
    "edge",
    "graph",
    long,
  ]

  /// A committed graph for the index streams: a mention (written after the story edges in DOT),
  /// escapes, dates that are and are not `xsd:date`, aliases and paths, an edge without evidence
  /// and one whose evidence has no line.
  static func streamedGraph() -> CitationGraph {
    CitationGraph(
      nodes: [
        Node(
          id: "ah-tk-1", kind: "aanhangsel", label: "Antwoord, \"één\"\n<b>", date: "2025-03-04", ministry: "Financiën",
          status: .resolved, url: "https://example.org/a?b=1&c=2", aliases: ["alpha", "zeta", "Ångström"],
          paths: ["a.txt", "b/é.xml"]),
        Node(id: "BWBV0001000", kind: "bwb", label: "Verdrag", status: .external),
        Node(id: "CELEX:32016R0679", kind: "bwb", label: "AVG", date: "2025-02-30", status: .external),
        Node(id: "kst-1", kind: "kamerstuk", label: "Brief", date: "2024", status: .external, aliases: ["a,b"]),
      ],
      edges: [
        Edge(source: "ah-tk-1", target: "CELEX:32016R0679", relation: .mentions, evidence: [
          Evidence(path: "b/brief.docx", line: 3, start: 1, end: 4, text: "AVG, \"x\" & <y>", source: .text),
          Evidence(path: "b/brief.txt", line: 3, start: 1, end: 4, text: "AVG, \"x\" & <y>", source: .text),
        ]),
        Edge(source: "ah-tk-1", target: "kst-1", relation: .cites, evidence: [
          Evidence(path: "b/é.metadata.xml", line: nil, start: 0, end: 0, text: "kst-1", source: .metadata)
        ]),
        Edge(source: "kst-1", target: "BWBV0001000", relation: .seeAlso, evidence: []),
      ])
  }

  /// A graph whose labels and attribute values hold every string of `hostile`, with DOT keywords
  /// as node ids and one id (a URL) that is not an XML NMTOKEN.
  static func hostileGraph() -> CitationGraph {
    var nodes: [Node] = []
    let ids = [
      "node", "edge", "graph", "subgraph", "strict", "kst-1-2", "ECLI:NL:HR:2005:AR5213", "h-tk-20122013-71-15",
      "persoon:a", "fractie:B", "ministerie:C", "https://example.org/a b?x=1&y=2",
    ]
    for (index, id) in ids.enumerated() {
      let text = hostile[index % hostile.count]
      let other = hostile[(index + 3) % hostile.count]
      nodes.append(
        Node(
          id: id, kind: index % 2 == 0 ? "kamerstuk" : "persoon", label: text, date: index == 0 ? "2024-02-29" : other,
          vergaderjaar: other, ministry: index % 3 == 0 ? text : nil, status: index % 2 == 0 ? .resolved : .entity,
          url: other, aliases: [text, other], paths: [other]))
    }
    var edges: [Edge] = []
    for (index, id) in ids.enumerated() {
      let target = ids[(index + 1) % ids.count]
      let text = hostile[(index + 5) % hostile.count]
      edges.append(
        Edge(
          source: id, target: target, relation: .cites,
          evidence: [evidence(hostile[index % hostile.count], index, text)]))
      edges.append(
        Edge(
          source: id, target: target, relation: .mentions,
          evidence: [evidence("p.txt", 1, text), evidence("p.txt", 2, "b")]))
    }
    // A self-loop.
    edges.append(Edge(source: "node", target: "node", relation: .seeAlso, evidence: []))
    return CitationGraph(nodes: nodes, edges: edges)
  }

  /// Both test graphs, by name.
  static let all: [(String, CitationGraph)] = [("palantir", palantir()), ("hostile", hostileGraph())]

  /// Writes `bytes` to a new temporary file named `name` and returns its path.
  static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let dir = try ExternalTool.temporaryDirectory()
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }
}

/// What a reader saw, as a Python snippet prints it: node ids with labels, and edges.
struct ReadBack: Decodable, Equatable {
  var nodes: [String: String]
  var edges: [[String]]
}

extension ReadBack {
  /// Decodes the JSON a Python snippet printed on stdout.
  static func decode(_ text: String) throws -> ReadBack {
    try JSONDecoder().decode(ReadBack.self, from: Data(text.utf8))
  }
}
