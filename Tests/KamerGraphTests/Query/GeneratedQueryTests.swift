import Foundation
import GRDB
import Testing

@testable import KamerGraph

/// Queries on a generated corpus graph, checked against the same questions answered in memory.
@Suite struct GeneratedQueryTests {
  static let graph = GeneratedGraph.make(documents: 1500, seed: 42)
  let index: GraphIndex

  init() throws {
    index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: Self.graph)
  }

  /// Undirected adjacency of the in-memory graph.
  static let adjacency: [String: Set<String>] = {
    var out: [String: Set<String>] = [:]
    for e in graph.edges {
      out[e.source, default: []].insert(e.target)
      out[e.target, default: []].insert(e.source)
    }
    return out
  }()

  static func distances(from start: String, maxDepth: Int) -> [String: Int] {
    var dist = [start: 0]
    var frontier = [start]
    for level in 1...maxDepth {
      var next: [String] = []
      for u in frontier {
        for v in adjacency[u] ?? [] where dist[v] == nil {
          dist[v] = level
          next.append(v)
        }
      }
      frontier = next
    }
    return dist
  }

  func edgeExists(_ a: String, _ step: PathStep) -> Bool {
    let key =
      step.forward
      ? EdgeKey(source: a, target: step.node.id, relation: step.relation)
      : EdgeKey(source: step.node.id, target: a, relation: step.relation)
    return Self.graph.edgesByKey[key] != nil
  }

  static let seeds = ["ah-tk-20242025-1", "ah-tk-20242025-700", "ah-tk-20242025-1500", "persoon:lid-3", "2025Z10999"]

  @Test(arguments: seeds)
  func relatedReachesExactlyTheTwoHopNeighbourhoodWithValidPaths(seed: String) throws {
    var options = RelatedOptions()
    options.limit = 100_000
    let result = try index.related(seed, options: options)
    let expected = Self.distances(from: result.seed.id, maxDepth: 2).filter { $0.key != result.seed.id }
    #expect(result.reached == expected.count)
    #expect(!result.capped)
    for item in result.items {
      #expect(item.distance == expected[item.node.id])
      #expect(item.path.count == item.distance)
      #expect(item.path.last?.node.id == item.node.id)
      var previous = result.seed.id
      for step in item.path {
        #expect(edgeExists(previous, step), "no edge \(previous) \(step.arrow)")
        previous = step.node.id
      }
    }
    // Ranked by score, ties by id.
    for (a, b) in zip(result.items, result.items.dropFirst()) {
      #expect(a.score > b.score || (a.score == b.score && a.node.id < b.node.id))
    }
    // The same question gives the same answer.
    #expect(try index.related(seed, options: options) == result)
  }

  @Test func relatedStopsAddingNodesAtTheCap() throws {
    var options = RelatedOptions()
    options.maxNodes = 50
    options.limit = 1000
    let result = try index.related("persoon:lid-3", options: options)
    #expect(result.capped)
    #expect(result.reached <= 51)
  }

  @Test(arguments: [
    ("ah-tk-20242025-1", "ah-tk-20242025-1500"), ("ah-tk-20242025-17", "persoon:lid-9"),
    ("fractie:SP", "ah-tk-20242025-1234"), ("ministerie:DEF", "ministerie:VWS"), ("2025Z10001", "2025D20400"),
  ])
  func pathLengthsMatchBreadthFirstSearchAndEveryChainIsReal(from: String, to: String) throws {
    var options = PathOptions()
    options.limit = 50
    let result = try index.path(from: from, to: to, options: options)
    let expected = Self.distances(from: result.from.id, maxDepth: 6)[result.to.id]
    #expect(result.length == expected)
    #expect(!result.paths.isEmpty || expected == nil)
    var seen: Set<[String]> = []
    for chain in result.paths {
      #expect(chain.count == expected)
      #expect(chain.last?.node.id == result.to.id)
      var previous = result.from.id
      for step in chain {
        #expect(edgeExists(previous, step))
        previous = step.node.id
      }
      seen.insert(chain.map { $0.node.id + $0.relation.rawValue })
    }
    #expect(seen.count == result.paths.count)
  }

  @Test(arguments: ["ah-tk-20242025-5", "ah-tk-20242025-800", "ah-tk-20242025-1400"])
  func similarMatchesCouplingAndCoCitationCountedInMemory(seed: String) throws {
    let result = try index.similar(seed, limit: 10_000)
    let edges = Self.graph.edges.filter { documentRelations.contains($0.relation) }
    let targets = Set(edges.filter { $0.source == seed }.map(\.target))
    let sources = Set(edges.filter { $0.target == seed }.map(\.source))
    var coupling: [String: Set<String>] = [:]
    var cocitation: [String: Set<String>] = [:]
    for e in edges where targets.contains(e.target) && e.source != seed { coupling[e.source, default: []].insert(e.target) }
    for e in edges where sources.contains(e.source) && e.target != seed { cocitation[e.target, default: []].insert(e.source) }
    #expect(Set(result.items.map(\.node.id)) == Set(coupling.keys).union(cocitation.keys))
    for item in result.items {
      #expect(item.sharedTargets == (coupling[item.node.id] ?? []).sorted())
      #expect(item.sharedSources == (cocitation[item.node.id] ?? []).sorted())
    }
  }

  @Test func statsAndUnresolvedMatchTheGraph() throws {
    let stats = try index.stats()
    #expect(stats.nodes == Self.graph.nodes.count)
    #expect(stats.edges == Self.graph.edges.count)
    #expect(stats.mentions == Self.graph.mentions.count)
    let unresolved = try index.unresolved()
    #expect(unresolved.count == Self.graph.mentions.filter { $0.mention.status == .unresolved }.count)
    #expect(unresolved.map(\.path) == unresolved.map(\.path).sorted())
  }

  @Test func searchFindsGeneratedLabels() throws {
    // Labels "Vragen N"; ids are searchable too, but no id has a token "1234" next to "vragen".
    #expect(try index.search("Vragen 1234").map(\.node.id) == ["kv-tk-2025Z11234"])
    let prefixed = try index.search("onderwerp 96", limit: 1000).map(\.node.id)
    // Every "... onderwerp 96" label, plus ah-tk-20242025-96 (label "... onderwerp 95", id token "96").
    #expect(prefixed.count == Self.graph.nodes.filter { $0.label.hasSuffix("onderwerp 96") }.count + 1)
    #expect(prefixed.contains("ah-tk-20242025-96"))
  }

  @Test func storedDegreesCountEveryEdgeInAndOut() throws {
    var expected: [String: Int] = [:]
    for key in Self.graph.edgesByKey.keys {
      expected[key.source, default: 0] += 1
      expected[key.target, default: 0] += 1
    }
    let stored = try index.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT id, degree FROM nodes").map { ($0[0] as String, $0[1] as Int) }
    }
    #expect(stored.count == Self.graph.nodes.count)
    for (id, degree) in stored { #expect(degree == expected[id] ?? 0, "\(id)") }
  }
}
