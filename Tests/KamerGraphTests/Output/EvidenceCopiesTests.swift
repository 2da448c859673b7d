import Testing

@testable import KamerGraph

/// Evidence rows from a copy (the same letter as .docx and .txt) name the file they copy.
@Suite struct EvidenceCopiesTests {
  func ev(_ path: String, _ line: Int = 1, _ text: String = "AH 2790") -> Evidence {
    Evidence(path: path, line: line, start: 0, end: 7, text: text, source: .text)
  }

  @Test func theRowsOfASecondExtensionNameTheFirstFile() {
    let evidence = [
      ev("c/brief.docx", 54), ev("c/brief.txt", 43), ev("c/other.txt", 3), ev("c/x.metadata.xml", 9), ev("c/x.xml", 17),
    ]
    #expect(
      EvidenceCopies.copyOf(evidence) == [nil, "c/brief.docx", nil, nil, nil],
      "x.metadata.xml is another file than x.xml, not a copy")
    // The first file in sorted order is the original, whatever the order of the rows.
    #expect(EvidenceCopies.copyOf([ev("b.txt"), ev("b.docx"), ev("b.txt", 2)]) == ["b.docx", nil, "b.docx"])
    // Same stem in another folder is another document.
    #expect(EvidenceCopies.copyOf([ev("a/brief.docx"), ev("b/brief.txt")]) == [nil, nil])
    #expect(EvidenceCopies.copyOf([ev("one.txt"), ev("one.txt", 2)]) == [nil, nil])
    #expect(EvidenceCopies.copyOf([]) == [])
  }

  /// The weight counts the copies once; show and the JSON say which rows are copies.
  @Test func showMarksTheCopiesAndTheWeightCountsThemOnce() {
    let evidence = [ev("c/brief.docx", 54), ev("c/brief.txt", 43)]
    let edge = Edge(source: "kenmerk:K", target: "ah-tk-20242025-2790", relation: .cites, evidence: evidence)
    #expect(edge.weight == 1)
    let other = NodeSummary(id: "ah-tk-20242025-2790", kind: "aanhangsel", label: "AH", date: nil, status: .external)
    let shown = ShowResult(
      node: Node(id: "kenmerk:K", kind: "kenmerk", label: "K", status: .resolved),
      edges: [ShownEdge(relation: .cites, outgoing: true, other: other, weight: edge.weight, evidence: evidence)])
    #expect(shown.table.contains("c/brief.txt:43 [text] \"AH 2790\" (copy of c/brief.docx)\n"), "\(shown.table)")
    #expect(shown.table.contains("c/brief.docx:54 [text] \"AH 2790\"\n"))
    #expect(shown.json.contains(#""source":"text","copy_of":"c/brief.docx"}"#), "\(shown.json)")
    #expect(shown.json.contains(#""source":"text","copy_of":null}"#))
    let graph = String(decoding: JSONGraphWriter().write(CitationGraph(nodes: [shown.node, Node(id: other.id, kind: other.kind, label: other.label, status: .external)], edges: [edge])), as: UTF8.self)
    #expect(graph.contains(#""path":"c/brief.txt","line":43,"start":0,"end":7,"text":"AH 2790","source":"text","copy_of":"c/brief.docx"}"#), "\(graph)")
    #expect(graph.contains(#""path":"c/brief.docx","line":54,"start":0,"end":7,"text":"AH 2790","source":"text"}"#))
  }
}
