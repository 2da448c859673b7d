import Foundation
import Testing

@testable import KamerGraph

/// The run summary of `build` (text) and its `--report` JSON schema.
@Suite struct RunSummaryTests {
  let report = RunReport(files: [
    FileOutcome(path: "corpus/x/brief.txt", status: .read, format: .plainText, notes: ["2 mentions"]),
    FileOutcome(path: "corpus/x/README.md", status: .skipped, reason: "format not supported"),
    FileOutcome(path: "corpus/x/kapot.docx", status: .failed, format: .docx, reason: "is a .docx without word/document.xml"),
  ])

  @Test func reportJSONKeysInFixedOrder() throws {
    let json = RunSummary.json([("x", report, [IdentityConflict(id: "kenmerk:A", paths: ["a.txt", "b.txt"])])])
    #expect(
      json
        == #"{"graphs":[{"name":"x","read":1,"skipped":1,"failed":1,"files":[{"path":"corpus/x/brief.txt","status":"read","format":"text","notes":["2 mentions"]},{"path":"corpus/x/README.md","status":"skipped","reason":"format not supported","notes":[]},{"path":"corpus/x/kapot.docx","status":"failed","format":"docx","reason":"is a .docx without word/document.xml","notes":[]}],"conflicts":[{"id":"kenmerk:A","paths":["a.txt","b.txt"],"description":"2 documents claim the id kenmerk:A: a.txt, b.txt; both are kept, and citations of kenmerk:A are marked ambiguous"}]}]}"#
        + "\n")
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect((object?["graphs"] as? [[String: Any]])?.first?["failed"] as? Int == 1)
  }

  @Test func textNamesEveryFileThatWasNotRead() {
    var graph = CitationGraph()
    graph.upsert(Node(id: "kst-36600-X-12", kind: "kamerstuk", label: "Brief", status: .resolved))
    graph.upsert(Node(id: "fractie:VVD", kind: "party", label: "VVD", status: .entity))
    let text = RunSummary.text(
      name: "x", report: report, conflicts: [IdentityConflict(id: "kenmerk:A", paths: ["a.txt", "b.txt"])],
      counts: RunSummary.Counts(graph), written: ["graphs/x.graphml"])
    #expect(
      text == """
        x: 3 files: 1 read, 1 skipped, 1 failed
          skipped corpus/x/README.md: format not supported
          failed corpus/x/kapot.docx: is a .docx without word/document.xml
          note corpus/x/brief.txt: 2 mentions
          conflict: 2 documents claim the id kenmerk:A: a.txt, b.txt; both are kept, and citations of kenmerk:A are marked ambiguous
          graph: 2 nodes (1 documents in the corpus, 0 external, 1 actors and entities), 0 edges, 0 mentions (0 unresolved or ambiguous)
          wrote graphs/x.graphml
        """)
  }
}
