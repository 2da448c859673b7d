import Foundation
import Testing

@testable import KamerGraph

/// Hand-built graphs and files for the index and query tests.
enum IndexFixtures {
  static let defensiePath = "corpus/palantir/defensie-antwoord-2025Z14549.txt"
  static let jenvPath = "corpus/palantir/ah-tk-20252026-313.xml"

  /// A fresh index holding the generated graph of `documents` documents (`GeneratedGraph.make`).
  static func generatedIndex(documents: Int, seed: UInt64) throws -> GraphIndex {
    let index = try GraphIndex(path: temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: GeneratedGraph.make(documents: documents, seed: seed))
    return index
  }

  /// Writes the evidence rows back in reverse (last edge first, each edge's evidence reversed): the
  /// same rows out of commit order.
  static func reverseEvidenceRows(_ index: GraphIndex) throws {
    try index.pool.write { db in
      try db.execute(sql: "CREATE TEMP TABLE ev AS SELECT * FROM evidence ORDER BY rowid DESC")
      try db.execute(sql: "DELETE FROM evidence")
      try db.execute(sql: "INSERT INTO evidence SELECT * FROM ev")
    }
  }

  static func evidence(_ path: String, _ line: Int, _ start: Int, _ text: String, _ source: EvidenceSource = .text)
    -> Evidence
  {
    Evidence(path: path, line: line, start: start, end: start + text.utf8.count, text: text, source: source)
  }

  /// The Palantir answers: the Defence answer (kenmerk:MINDEF20250032172) answers kv-tk-2025Z14549 and
  /// cites ah-tk-20242025-2790; ah-tk-20252026-313 (Justice) answers kv-tk-2025Z15452 and cites the
  /// same answer; both sets of questions were asked by Van Houwelingen (FVD).
  static func palantirGraph() -> CitationGraph {
    let d = defensiePath
    let j = jenvPath
    var graph = CitationGraph(
      nodes: [
        Node(
          id: "kenmerk:MINDEF20250032172", kind: "kenmerk",
          label: "Antwoord op vragen van het lid Van Houwelingen over Palantir", date: "2025-10-31",
          ministry: "ministerie:DEF", status: .resolved, paths: [d]),
        Node(
          id: "kv-tk-2025Z14549", kind: "kamervragen", label: "Vragen van het lid Van Houwelingen (FvD) over Palantir",
          date: "2025-07-11", status: .external, url: "https://www.tweedekamer.nl/kamerstukken/kamervragen/2025Z14549",
          aliases: ["2025Z14549"]),
        Node(
          id: "ah-tk-20242025-2790", kind: "aanhangsel", label: "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790",
          date: "2025-05-20", vergaderjaar: "2024-2025", status: .external),
        Node(
          id: "ah-tk-20252026-313", kind: "aanhangsel",
          label: "Antwoord op vragen van het lid Van Houwelingen over Palantir bij de politie", date: "2025-10-31",
          vergaderjaar: "2025-2026", ministry: "ministerie:JENV", status: .resolved, aliases: ["2025D45253"], paths: [j]),
        Node(
          id: "kv-tk-2025Z15452", kind: "kamervragen", label: "Vragen van het lid Van Houwelingen over de Raffinaderij",
          date: "2025-07-24", status: .external, aliases: ["2025Z15452"]),
        Node(id: "persoon:van-houwelingen", kind: "persoon", label: "Pepijn van Houwelingen", status: .entity),
        Node(id: "persoon:tuinman", kind: "persoon", label: "Gijs Tuinman", status: .entity),
        Node(id: "ministerie:DEF", kind: "ministerie", label: "Ministerie van Defensie", status: .entity),
        Node(id: "ministerie:JENV", kind: "ministerie", label: "Ministerie van Justitie en Veiligheid", status: .entity),
        Node(id: "fractie:FVD", kind: "fractie", label: "Forum voor Democratie", status: .entity),
        Node(id: "organisatie:palantir", kind: "organisatie", label: "Palantir", status: .entity),
      ],
      edges: [
        Edge(
          source: "kenmerk:MINDEF20250032172", target: "kv-tk-2025Z14549", relation: .answers,
          evidence: [evidence(d, 5, 180, "vragen van het lid Van Houwelingen (FvD) met kenmerk 2025Z14549")]),
        Edge(
          source: "kenmerk:MINDEF20250032172", target: "ah-tk-20242025-2790", relation: .cites,
          evidence: [evidence(d, 43, 2363, "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790")]),
        Edge(
          source: "kenmerk:MINDEF20250032172", target: "ministerie:DEF", relation: .sentBy,
          evidence: [evidence(d, 1, 0, "Ministerie van Defensie")]),
        Edge(
          source: "kenmerk:MINDEF20250032172", target: "persoon:tuinman", relation: .signedBy,
          evidence: [evidence(d, 60, 4000, "Gijs Tuinman")]),
        Edge(
          source: "kenmerk:MINDEF20250032172", target: "organisatie:palantir", relation: .mentions,
          evidence: [evidence(d, 8, 400, "Palantir"), evidence(d, 12, 900, "Palantir"), evidence(d, 20, 1500, "Palantir")]),
        Edge(
          source: "kv-tk-2025Z14549", target: "persoon:van-houwelingen", relation: .askedBy,
          evidence: [evidence(d, 5, 200, "het lid Van Houwelingen")]),
        Edge(
          source: "kv-tk-2025Z14549", target: "ministerie:DEF", relation: .addressedTo,
          evidence: [evidence(d, 5, 240, "aan de minister van Defensie")]),
        Edge(
          source: "ah-tk-20252026-313", target: "kv-tk-2025Z15452", relation: .answers,
          evidence: [evidence(j, 3, 120, "2025Z15452", .metadata)]),
        Edge(
          source: "ah-tk-20252026-313", target: "ah-tk-20242025-2790", relation: .cites,
          evidence: [evidence(j, 30, 3100, "Aanhangsel Handelingen II 2024/25, nr. 2790", .xmlLink)]),
        Edge(
          source: "ah-tk-20252026-313", target: "ministerie:JENV", relation: .sentBy,
          evidence: [evidence(j, 1, 10, "Justitie en Veiligheid", .metadata)]),
        Edge(
          source: "ah-tk-20252026-313", target: "organisatie:palantir", relation: .mentions,
          evidence: [evidence(j, 9, 700, "Palantir")]),
        Edge(
          source: "kv-tk-2025Z15452", target: "persoon:van-houwelingen", relation: .askedBy,
          evidence: [evidence(j, 4, 300, "Van Houwelingen", .metadata)]),
        Edge(
          source: "persoon:van-houwelingen", target: "fractie:FVD", relation: .memberOf,
          evidence: [evidence(d, 5, 226, "(FvD)")]),
      ])
    graph.mentions = palantirMentions()
    return graph
  }

  static func palantirMentions() -> [DocumentMention] {
    let d = defensiePath
    let j = jenvPath
    return [
      DocumentMention(
        path: d, document: "kenmerk:MINDEF20250032172",
        mention: Mention(
          kind: .aanhangsel, ids: ["ah-tk-20242025-2790"], text: "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790",
          start: 2363, end: 2419, line: 43, column: 370, fields: ["vergaderjaar": "2024-2025"], status: .external)),
      DocumentMention(
        path: d, document: "kenmerk:MINDEF20250032172",
        mention: Mention(
          kind: .zaak, ids: ["kv-tk-2025Z14549"], text: "2025Z14549", start: 230, end: 240, line: 5, column: 50,
          fields: [MentionField.role: MentionRole.answers], status: .resolved)),
      DocumentMention(
        path: d, document: "kenmerk:MINDEF20250032172",
        mention: Mention(
          kind: .kamerstuk, ids: [], text: "de brief van 12 maart", start: 3000, end: 3021, line: 50, column: 12,
          status: .unresolved, reason: "no dossier or number")),
      DocumentMention(
        path: j, document: "ah-tk-20252026-313",
        mention: Mention(
          kind: .aanhangsel, ids: ["ah-tk-20242025-2790", "ah-ek-20242025-2790"], text: "nr. 2790", start: 3120,
          end: 3128, line: 30, column: 40, status: .ambiguous, reason: "Tweede or Eerste Kamer")),
    ]
  }

  static func file(_ path: String, text: String, ownIds: [String], title: String, version: String = "1") -> IndexedFile {
    let document = Document(
      path: path, format: .plainText, text: text, ownIds: ownIds, metadata: DocumentMetadata(title: title),
      notes: ["version \(version)"])
    let mentions = [
      Mention(kind: .zaak, ids: ["kv-tk-2025Z14549"], text: "2025Z14549", start: 0, end: 10, line: 1, column: 1)
    ]
    return IndexedFile(
      path: path, contentHash: GraphIndex.contentHash(of: Array((text + version).utf8)), document: document,
      mentions: mentions)
  }

  static func palantirFiles() -> [IndexedFile] {
    [
      file(
        defensiePath,
        text: "Ministerie van Defensie\nAntwoord op vragen van het lid Van Houwelingen (FvD) over Palantir.\n"
          + "Zie Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.",
        ownIds: ["kenmerk:MINDEF20250032172"], title: "Antwoord op vragen over Palantir"),
      file(
        jenvPath,
        text: "Antwoord van minister Van Oosten (Justitie en Veiligheid). De politie gebruikt geen software van "
          + "Palantir voor de Raffinaderij; zie ook de eerdere beantwoording.",
        ownIds: ["ah-tk-20252026-313", "2025D45253"], title: "Palantir bij de politie"),
    ]
  }

  /// A fresh index path in a temporary folder of its own.
  static func temporaryIndexPath(_ name: String = "index.sqlite") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kamergraph-index-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  /// An index holding the Palantir graph and files.
  static func palantirIndex() throws -> GraphIndex {
    let index = try GraphIndex(path: temporaryIndexPath())
    try index.commit(files: palantirFiles(), removedPaths: [], graph: palantirGraph())
    return index
  }
}

/// A seeded generator (SplitMix64), so generated graphs are the same on every run.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A corpus-shaped graph: answers that cite earlier answers and answer questions, questions asked by
/// members of parties and addressed to ministries, a few mentions with each status.
enum GeneratedGraph {
  static let ministries = ["AZ", "BZ", "BZK", "DEF", "EZ", "FIN", "IENW", "JENV", "OCW", "SZW", "VWS"]
  static let parties = ["CDA", "D66", "FVD", "GL-PVDA", "PVV", "SP", "VVD"]

  static func make(documents: Int, seed: UInt64) -> CitationGraph {
    var rng = SeededRandom(seed: seed)
    var nodes: [Node] = []
    var edges: [Edge] = []
    var mentions: [DocumentMention] = []
    let members = max(10, documents / 100)
    for m in ministries {
      nodes.append(Node(id: "ministerie:\(m)", kind: "ministerie", label: "Ministerie \(m)", status: .entity))
    }
    for p in parties { nodes.append(Node(id: "fractie:\(p)", kind: "fractie", label: "Fractie \(p)", status: .entity)) }
    for i in 0..<members {
      let id = "persoon:lid-\(i)"
      nodes.append(Node(id: id, kind: "persoon", label: "Lid \(i)", status: .entity))
      edges.append(Edge(source: id, target: "fractie:\(parties[i % parties.count])", relation: .memberOf, evidence: []))
    }
    func answerID(_ i: Int) -> String { "ah-tk-20242025-\(i + 1)" }
    for i in 0..<documents {
      let id = answerID(i)
      let path = "corpus/gen/\(id).xml"
      let month = 1 + i % 12
      let day = 1 + i % 28
      let date = "2025-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
      let zaak = "2025Z\(String(10000 + i))"
      nodes.append(
        Node(
          id: id, kind: "aanhangsel", label: "Antwoord \(i) over onderwerp \(i % 97)", date: date, status: .resolved,
          aliases: ["2025D\(String(20000 + i))"], paths: [path]))
      nodes.append(
        Node(id: "kv-tk-" + zaak, kind: "kamervragen", label: "Vragen \(i)", status: .external, aliases: [zaak]))
      let ministry = "ministerie:\(ministries[Int(rng.next() % UInt64(ministries.count))])"
      let asker = "persoon:lid-\(Int(rng.next() % UInt64(members)))"
      let ev = Evidence(path: path, line: 3, start: 40, end: 50, text: zaak, source: .metadata)
      edges.append(Edge(source: id, target: "kv-tk-" + zaak, relation: .answers, evidence: [ev]))
      edges.append(Edge(source: "kv-tk-" + zaak, target: asker, relation: .askedBy, evidence: [ev]))
      edges.append(Edge(source: id, target: ministry, relation: .sentBy, evidence: []))
      if i > 0 {
        for c in 0..<Int(rng.next() % 4) {
          let target = Int(rng.next() % UInt64(i))
          let text = "nr. \(target + 1)"
          let cite = Evidence(path: path, line: 10 + c, start: 100 * (c + 1), end: 100 * (c + 1) + 8, text: text, source: .text)
          edges.append(Edge(source: id, target: answerID(target), relation: .cites, evidence: [cite]))
          mentions.append(
            DocumentMention(
              path: path, document: id,
              mention: Mention(
                kind: .aanhangsel, ids: [answerID(target)], text: text, start: cite.start, end: cite.end,
                line: 10 + c, column: 1, status: .resolved)))
        }
      }
      if i % 50 == 0 {
        mentions.append(
          DocumentMention(
            path: path, document: id,
            mention: Mention(
              kind: .kamerstuk, ids: [], text: "de genoemde brief", start: 900, end: 917, line: 40, column: 3,
              status: .unresolved, reason: "no number")))
      }
    }
    var graph = CitationGraph(nodes: nodes, edges: edges)
    graph.mentions = mentions
    return graph
  }
}
