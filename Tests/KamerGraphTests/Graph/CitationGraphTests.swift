import Testing
@testable import KamerGraph

@Suite struct CitationGraphTests {
  @Test func edgesMergeByKeyAndCountEvidence() {
    var graph = CitationGraph()
    let a = Evidence(path: "a.txt", line: 1, start: 0, end: 4, text: "nr. 1", source: .text)
    let b = Evidence(path: "a.txt", line: 2, start: 10, end: 14, text: "nr. 1", source: .text)
    graph.add(Edge(source: "x", target: "y", relation: .cites, evidence: [a]))
    graph.add(Edge(source: "x", target: "y", relation: .cites, evidence: [b, a]))
    graph.add(Edge(source: "x", target: "y", relation: .mentions, evidence: [a]))
    #expect(graph.edges.count == 2)
    #expect(graph.edges.map(\.relation) == [.cites, .mentions])
    #expect(graph.edges[0].weight == 2)
    #expect(graph.edges[0].evidence == [a, b])
  }

  /// Evidence that differs only in its line (issue 21) sorts by line, no line first, whatever the
  /// order it was added in, and duplicates apart in the old order are dropped.
  @Test func evidenceTiedButForItsLineSortsByLine() {
    let m = { (line: Int?) in
      Evidence(path: "a.metadata.xml", line: line, start: 0, end: 0, text: "OVERHEIDop.indiener", source: .metadata)
    }
    #expect(m(nil) < m(11) && m(11) < m(12) && !(m(12) < m(11)) && !(m(11) < m(11)))
    for order in [[m(12), m(11), m(nil)], [m(11), m(nil), m(12), m(11)], [m(nil), m(12), m(11), m(12)]] {
      var graph = CitationGraph()
      graph.add(Edge(source: "x", target: "y", relation: .askedBy, evidence: order))
      #expect(graph.edges[0].evidence == [m(nil), m(11), m(12)], "\(order.map(\.line))")
    }
  }

  @Test func nodesComeOutSortedAndRemovalDropsEdges() {
    var graph = CitationGraph()
    for id in ["kst-1-2", "ah-tk-20242025-2790", "ministerie:DEF"] {
      graph.upsert(Node(id: id, kind: "x", label: id, status: .external))
    }
    graph.add(Edge(source: "kst-1-2", target: "ministerie:DEF", relation: .mentions, evidence: []))
    #expect(graph.nodes.map(\.id) == ["ah-tk-20242025-2790", "kst-1-2", "ministerie:DEF"])
    graph.remove(node: "ministerie:DEF")
    #expect(graph.edges.isEmpty)
    #expect(graph.nodes.count == 2)
  }
}

@Suite struct ReferenceKindTests {
  @Test(arguments: [
    ("kst-36600-X-12", ReferenceKind.kamerstuk), ("dossier-36600-X", .dossier),
    ("ah-tk-20242025-2790", .aanhangsel), ("kv-tk-2025Z14549", .kamervragen),
    ("h-tk-20122013-71-15", .handelingen), ("stb-2001-580", .staatsblad),
    ("stcrt-2024-33625", .staatscourant), ("trb-2007-89", .tractatenblad),
    ("ECLI:NL:HR:2005:AR5213", .ecli), ("BWBR0005252", .bwb), ("CELEX:32016R0679", .bwb),
    ("2025Z14549", .zaak), ("2025D45253", .tkdocument), ("kenmerk:MINDEF20250032172", .kenmerk),
    ("blg-929493", .koop), ("ministerie:DEF", .ministerie), ("persoon:tuinman", .persoon),
    ("fractie:FVD", .fractie), ("organisatie:NAVO", .organisatie), ("programma:raffinaderij", .programma),
  ])
  func kindFromIdShape(id: String, kind: ReferenceKind) {
    #expect(ReferenceKind.of(id: id) == kind)
  }

  @Test func unknownShapeHasNoKind() {
    #expect(ReferenceKind.of(id: "2500 ES") == nil)
    #expect(ReferenceKind.of(id: "2025X14549") == nil)
  }
}

@Suite struct EgoNetworkTests {
  func chain() -> CitationGraph {
    // a -> b -> c -> d, and e -> b
    let ids = ["a", "b", "c", "d", "e"]
    let edges = [("a", "b"), ("b", "c"), ("c", "d"), ("e", "b")].map {
      Edge(source: $0.0, target: $0.1, relation: .cites, evidence: [])
    }
    return CitationGraph(nodes: ids.map { Node(id: $0, kind: "x", label: $0, status: .resolved) }, edges: edges)
  }

  @Test func depthCountsEdgesInBothDirections() {
    let g = chain()
    #expect(g.egoNetwork(around: "b", depth: 1).nodes.map(\.id) == ["a", "b", "c", "e"])
    #expect(g.egoNetwork(around: "b", depth: 1).edges.count == 3)
    #expect(g.egoNetwork(around: "a", depth: 2).nodes.map(\.id) == ["a", "b", "c", "e"])
    #expect(g.egoNetwork(around: "a", depth: 0).nodes.map(\.id) == ["a"])
    #expect(g.egoNetwork(around: "a", depth: 0).edges.isEmpty)
  }

  @Test func unknownCenterGivesAnEmptyGraph() {
    #expect(chain().egoNetwork(around: "zz", depth: 3).nodes.isEmpty)
  }
}

@Suite struct RelationPositionTests {
  @Test func positionIsTheIndexInAllCases() {
    for (n, relation) in Relation.allCases.enumerated() { #expect(relation.position == n, "\(relation)") }
  }

  /// The table's fixed names are the raw values exports and queries show.
  @Test func fixedNameIsTheRawValue() {
    for relation in Relation.allCases { #expect("\(relation.fixedName)" == relation.rawValue) }
  }

  /// `ExportGraph` packs a relation's rank into `Relation.packedBits` bits: a 17th relation must
  /// widen the packing first.
  @Test func everyRelationFitsThePackedBits() {
    #expect(Relation.allCases.count <= 1 << Relation.packedBits)
    #expect(Relation.allCases.map(\.position).max()! < 1 << Relation.packedBits)
  }

  /// The weight's shortcut (no two files share a stem: every mention counts) agrees with counting
  /// copies once (`weightAcrossCopies`) on every mix of files, copies among them, sorted or not.
  @Test func weightShortcutAgreesWithCountingCopiesOnce() {
    let paths = [
      "a/brief.docx", "a/brief.txt", "a/brief-2.txt", "a/brief.docx.txt", "b/nota.pdf", "b/nota", "c.d/x", "c.d/x.odt",
    ]
    let texts = ["nr. 1", "nr. 2"]
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    var shortcuts = 0
    var copies = 0
    for _ in 0..<2000 {
      var evidence: [Evidence] = []
      for k in 0..<(1 + next(7)) {
        evidence.append(
          Evidence(path: paths[next(paths.count)], line: 1, start: k, end: k + 1, text: texts[next(2)], source: .text))
      }
      for sorted in [false, true] {
        let list = sorted ? evidence.sorted() : evidence
        let edge = Edge(source: "x", target: "y", relation: .cites, evidence: list)
        let first = list[0].path
        let expected = list.allSatisfy { $0.path == first } ? list.count : max(1, Edge.weightAcrossCopies(list))
        #expect(edge.weight == expected, "\(list.map(\.path)) \(list.map(\.text))")
        if Edge.filesShareAStem(list) { copies += 1 } else { shortcuts += 1 }
      }
    }
    // Both ways were taken.
    #expect(shortcuts > 100 && copies > 100)
  }
}
