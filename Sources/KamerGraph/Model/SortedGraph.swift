/// A graph already in the order every writer wants: nodes sorted by id, edges sorted by (source,
/// target, relation) with each edge's ends as node indices, every edge end a node, and each edge's
/// evidence sorted. It is what the index stores, so an export from the index
/// needs no hashing and no sorting. The initializer checks the order, so a value always holds it.
public struct SortedGraph: Sendable {
  /// The nodes, sorted by id, ids unique.
  public let nodes: [Node]
  /// The edges, sorted by (source, target, relation), one per key.
  public let edges: [Edge]
  /// The node index of each edge's source, by edge index.
  let sources: [Int32]
  /// The node index of each edge's target, by edge index.
  let targets: [Int32]

  /// The graph of `nodes` and `edges` when they are in order (see the type); nil otherwise.
  /// `sources[i]` and `targets[i]` are the node indices of `edges[i]`'s ends.
  init?(nodes: [Node], edges: [Edge], sources: [Int32], targets: [Int32]) {
    guard edges.count == sources.count, edges.count == targets.count, nodes.count < Int(Int32.max) else { return nil }
    for i in nodes.indices.dropFirst() where !(nodes[i - 1].id < nodes[i].id) { return nil }
    var previous: (Int32, Int32, String)? = nil
    for i in edges.indices {
      let s = sources[i]
      let t = targets[i]
      guard s >= 0, t >= 0, Int(s) < nodes.count, Int(t) < nodes.count, edges[i].source == nodes[Int(s)].id,
        edges[i].target == nodes[Int(t)].id
      else { return nil }
      let key = (s, t, edges[i].relation.rawValue)
      if let previous, !(previous < key) { return nil }
      previous = key
      let evidence = edges[i].evidence
      for k in evidence.indices.dropFirst() where evidence[k] < evidence[k - 1] { return nil }
    }
    self.nodes = nodes
    self.edges = edges
    self.sources = sources
    self.targets = targets
  }

  /// The same graph as a `CitationGraph` (for the queries that work on one, such as ego networks).
  public var citationGraph: CitationGraph { CitationGraph(nodes: nodes, edges: edges) }
}
