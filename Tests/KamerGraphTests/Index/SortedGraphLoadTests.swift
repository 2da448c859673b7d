import Foundation
import GRDB
import Testing

@testable import KamerGraph

/// `GraphIndex.loadSortedGraph`, the export path: every format gives the bytes the loaded
/// `CitationGraph` gives, also when the tables are not in the order `commit` writes them in.
@Suite struct SortedGraphLoadTests {
  /// The files of every format, from the sorted graph and from the graph itself.
  func expectSameExports(_ index: GraphIndex, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let sorted = try index.loadSortedGraph()
    var graph = try index.loadGraph()
    graph.mentions = []
    #expect(sorted.nodes == graph.nodes, sourceLocation: sourceLocation)
    #expect(sorted.edges == graph.edges, sourceLocation: sourceLocation)
    for format in GraphFormat.allCases {
      let fast = try GraphExporter.files(for: sorted, name: "g", format: format)
      let slow = try GraphExporter.files(for: graph, name: "g", format: format)
      #expect(fast.map(\.fileName) == slow.map(\.fileName), sourceLocation: sourceLocation)
      #expect(fast.map(\.contents) == slow.map(\.contents), "\(format)", sourceLocation: sourceLocation)
    }
  }

  @Test func theLoadedGraphExportsAsTheCommittedOne() throws {
    try expectSameExports(try IndexFixtures.palantirIndex())
    let graph = GeneratedGraph.make(documents: 1500, seed: 7)
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    try expectSameExports(index)
    let sorted = try index.loadSortedGraph()
    #expect(sorted.nodes == graph.nodes)
    #expect(sorted.edges == graph.edges)
    #expect(try GraphExporter.files(for: sorted, name: "g", format: .json).map(\.contents)
      == GraphExporter.files(for: graph, name: "g", format: .json).map(\.contents))
  }

  @Test func anEmptyIndexGivesAnEmptyGraph() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let sorted = try index.loadSortedGraph()
    #expect(sorted.nodes.isEmpty && sorted.edges.isEmpty)
    try expectSameExports(index)
  }

  @Test func evidenceRowsOutOfOrderGiveTheSameFiles() throws {
    let index = try IndexFixtures.generatedIndex(documents: 200, seed: 3)
    // The same rows, written back last edge first and each edge's evidence reversed.
    try IndexFixtures.reverseEvidenceRows(index)
    try expectSameExports(index)
  }

  @Test func edgesOutOfOrderGiveTheSameFiles() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: GeneratedGraph.make(documents: 200, seed: 5))
    // Edge numbers reversed (with their evidence): the rows no longer come in key order.
    try index.pool.write { db in
      let top = try Int.fetchOne(db, sql: "SELECT max(num) FROM edges") ?? 0
      try db.execute(sql: "UPDATE edges SET num = -num")
      try db.execute(sql: "UPDATE edges SET num = ? + 1 + num", arguments: [top])
      try db.execute(sql: "UPDATE evidence SET edge = ? + 1 - edge", arguments: [top])
    }
    try expectSameExports(index)
  }

  @Test func nodeNumbersWithGapsGiveTheSameFiles() throws {
    let index = try IndexFixtures.palantirIndex()
    try index.pool.write { db in
      for table in ["names": "node", "node_paths": "node"] {
        try db.execute(sql: "UPDATE \(table.key) SET \(table.value) = \(table.value) * 10")
      }
      try db.execute(sql: "UPDATE edges SET source = source * 10, target = target * 10")
      // Through negative numbers, so no two rows hold one number midway.
      try db.execute(sql: "UPDATE nodes SET num = -num * 10")
      try db.execute(sql: "UPDATE nodes SET num = -num")
    }
    try expectSameExports(index)
  }

  @Test func aDamagedNodeStatusIsAnError() throws {
    let index = try IndexFixtures.palantirIndex()
    try index.pool.write { db in try db.execute(sql: "UPDATE nodes SET status = 'lost' WHERE id = 'fractie:FVD'") }
    #expect {
      try index.loadSortedGraph()
    } throws: { error in
      guard case IndexError.corruptRow(_, let file, let reason) = error else { return false }
      return file == "fractie:FVD" && reason.contains("lost")
    }
  }

  @Test func progressCountsNodesAndEdges() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let graph = GeneratedGraph.make(documents: 3000, seed: 11)
    try index.commit(files: [], removedPaths: [], graph: graph)
    var seen: [(Int, Int)] = []
    _ = try index.loadSortedGraph { seen.append(($0, $1)) }
    let total = graph.nodesByID.count + graph.edgesByKey.count
    #expect(seen.last.map { $0 == (total, total) } == true)
    #expect(seen.count >= 2, "\(seen.count) reports for \(total) rows")
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.0 < $1.0 })
  }
}

@Suite struct SortedGraphTests {
  @Test func anythingOutOfOrderIsRefused() {
    let a = Node(id: "a", kind: "x", label: "a", status: .entity)
    let b = Node(id: "b", kind: "x", label: "b", status: .entity)
    let ab = Edge(source: "a", target: "b", relation: .cites, evidence: [])
    let ba = Edge(source: "b", target: "a", relation: .cites, evidence: [])
    #expect(SortedGraph(nodes: [a, b], edges: [ab, ba], sources: [0, 1], targets: [1, 0]) != nil)
    #expect(SortedGraph(nodes: [b, a], edges: [], sources: [], targets: []) == nil, "nodes not by id")
    #expect(SortedGraph(nodes: [a, a], edges: [], sources: [], targets: []) == nil, "an id twice")
    #expect(SortedGraph(nodes: [a, b], edges: [ba, ab], sources: [1, 0], targets: [0, 1]) == nil, "edges not by key")
    #expect(SortedGraph(nodes: [a, b], edges: [ab, ab], sources: [0, 0], targets: [1, 1]) == nil, "a key twice")
    #expect(SortedGraph(nodes: [a, b], edges: [ab], sources: [1], targets: [0]) == nil, "ends that are not the edge's")
    #expect(SortedGraph(nodes: [a, b], edges: [ab], sources: [0], targets: [2]) == nil, "an end past the nodes")
    let late = Evidence(path: "f", line: 2, start: 9, end: 10, text: "x", source: .text)
    let early = Evidence(path: "f", line: 1, start: 1, end: 2, text: "y", source: .text)
    let unsorted = Edge(source: "a", target: "b", relation: .cites, evidence: [late, early])
    #expect(SortedGraph(nodes: [a, b], edges: [unsorted], sources: [0], targets: [1]) == nil, "evidence not sorted")
  }
}
