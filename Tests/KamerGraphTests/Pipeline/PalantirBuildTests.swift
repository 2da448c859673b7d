import Foundation
import Testing
@testable import KamerGraph

/// The example corpus end to end: read, extract, resolve, export; the graph is read back from the
/// exported GraphML by the real clients.
@Suite(.serialized) struct PalantirBuildTests {
  static let result = try! BuildPipeline().build(paths: [Repo.path("corpus/palantir")])

  /// The edges the walking-skeleton and resolver issues require, as (source, relation, target).
  static let required: [(String, String, String)] = [
    ("kenmerk:MINDEF20250032172", "answers", "kv-tk-2025Z14549"),
    ("kenmerk:MINDEF20250032172", "cites", "ah-tk-20242025-2790"),
    ("kenmerk:MINDEF20250032172", "sent-by", "ministerie:DEF"),
    ("kenmerk:MINDEF20250032172", "signed-by", "persoon:tuinman"),
    ("kenmerk:MINDEF20250032172", "co-signed-by", "ministerie:DEF"),
    ("kv-tk-2025Z14549", "asked-by", "persoon:van-houwelingen"),
    ("kv-tk-2025Z14549", "addressed-to", "ministerie:DEF"),
    ("persoon:van-houwelingen", "member-of", "fractie:FVD"),
    ("ah-tk-20242025-2790", "answered-by", "ministerie:JENV"),
    ("kenmerk:MINDEF20250032172", "mentions", "organisatie:NAVO"),
    ("kenmerk:MINDEF20250032172", "mentions", "organisatie:RIEC"),
    ("kenmerk:MINDEF20250032172", "mentions", "organisatie:LIEC"),
    ("kenmerk:MINDEF20250032172", "mentions", "organisatie:iCOV"),
    ("kenmerk:MINDEF20250032172", "mentions", "organisatie:palantir"),
    ("kenmerk:MINDEF20250032172", "mentions", "programma:raffinaderij"),
    ("kenmerk:MINDEF20250032172", "mentions", "CELEX:32016R0679"),
    // The Justice and Security answer and how it meets the Defence answer.
    ("ah-tk-20252026-313", "answers", "kv-tk-2025Z15452"),
    ("ah-tk-20252026-313", "cites", "ah-tk-20242025-2790"),
    ("ah-tk-20252026-313", "see-also", "ah-tk-20252026-14"),
    ("ah-tk-20252026-313", "signed-by", "persoon:van-oosten"),
    ("ah-tk-20252026-313", "mentions", "programma:raffinaderij"),
    ("ah-tk-20252026-313", "mentions", "BWBR0032203"),
    ("kv-tk-2025Z15452", "asked-by", "persoon:van-houwelingen"),
    ("kv-tk-2025Z15452", "addressed-to", "ministerie:JENV"),
  ]

  @Test func everyFileIsAccountedFor() {
    let report = Self.result.report
    #expect(report.failedCount == 0, "\(report.files.filter { $0.status == .failed })")
    let paths = Set(report.files.map { URL(fileURLWithPath: $0.path).lastPathComponent })
    for name in [
      "defensie-antwoord-2025Z14549.txt", "defensie-antwoord-2025Z14549.docx", "ah-tk-20252026-313.xml",
      "ah-tk-20252026-313.metadata.xml", "tk-syncfeed-2025Z15452.xml", "README.md",
    ] {
      #expect(paths.contains(name), "\(name) is missing from the run report")
    }
  }

  /// Evidence from a `.metadata.xml` sidecar names that file and the line of the element it came
  /// from (issue 23: it named the document and line 0); no evidence anywhere has line 0.
  @Test func sidecarEvidenceNamesTheMetadataFileAndLine() throws {
    let metadata = Repo.path("corpus/palantir/ah-tk-20252026-313.metadata.xml")
    func evidence(_ source: String, _ relation: Relation, _ target: String) -> [Evidence] {
      Self.result.graph.edgesByKey[EdgeKey(source: source, target: target, relation: relation)]?.evidence ?? []
    }
    let answers = evidence("ah-tk-20252026-313", .answers, "kv-tk-2025Z15452").filter { $0.path == metadata }
    #expect(answers.map(\.line) == [9])
    #expect(answers.map(\.text) == ["OVERHEIDop.vraagnummer"])
    let asked = evidence("kv-tk-2025Z15452", .askedBy, "persoon:van-houwelingen").filter { $0.source == .metadata }
    #expect(asked.contains { $0.path == metadata && $0.line == 11 && $0.text == "OVERHEIDop.indiener" })
    // Facts of a reader that knows no line (the Tweede Kamer feed) have none, not 0.
    #expect(asked.contains { $0.path.hasSuffix("tk-syncfeed-2025Z15452.xml") && $0.line == nil })
    let lines = Self.result.graph.edgesByKey.values.flatMap(\.evidence).map(\.line)
    #expect(!lines.contains(0))
    #expect(!Self.result.graph.edgesByKey.values.flatMap(\.evidence).contains {
      $0.source == .metadata && $0.path.hasSuffix("ah-tk-20252026-313.xml")
    })
  }

  @Test func graphHoldsTheRequiredEdges() {
    let g = Self.result.graph
    for (s, r, t) in Self.required {
      #expect(g.edgesByKey[EdgeKey(source: s, target: t, relation: Relation(rawValue: r)!)] != nil, "\(s) -\(r)-> \(t)")
    }
    let answer = g.node("kenmerk:MINDEF20250032172")
    #expect(answer?.label == "Beantwoording vragen gebruik software Palantir")
    #expect(answer?.paths.count == 2, "the .txt and the .docx are one document")
    #expect(g.node("kv-tk-2025Z14549")?.date == "2025-07-11")
    #expect(g.node("ah-tk-20242025-2790")?.status == .external)
    #expect(g.node("ah-tk-20252026-313")?.status == .resolved)
    #expect(g.node("ah-tk-20252026-313")?.aliases.contains("2025D45253") == true)
    let cites = g.edgesByKey[EdgeKey(source: "ah-tk-20252026-313", target: "ah-tk-20242025-2790", relation: .cites)]
    #expect(cites?.weight == 2, "two footnotes cite it")
  }

  @Test func edgesReadBackFromExportedGraphMLWithNetworkx() throws {
    let files = try GraphExporter.files(for: Self.result.graph, name: "palantir", format: .graphml)
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("palantir.graphml").path
    try Data(files[0].contents).write(to: URL(fileURLWithPath: path))
    let code = """
      import sys, networkx as nx
      g = nx.read_graphml(sys.argv[1])
      for s, t, d in g.edges(data=True):
          print(s, d.get("relation"), t)
      """
    guard let run = try ExternalTool.python(code, modules: ["networkx"], arguments: [path]) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    let edges = Set(run.stdout.split(separator: "\n").map(String.init))
    for (s, r, t) in Self.required {
      #expect(edges.contains("\(s) \(r) \(t)"), "\(s) -\(r)-> \(t) read back by networkx")
    }
  }
}
