/// The graph of documents and actors. Nodes and edges are always handed out sorted (by id, and
/// by source, target and relation), so every export is byte-for-byte reproducible.
public struct CitationGraph: Sendable, Hashable, Codable {
  public private(set) var nodesByID: [String: Node] = [:]
  package private(set) var edgesByKey: [EdgeKey: Edge] = [:]
  /// Mentions kept with their status, including the unresolved and ambiguous ones.
  public var mentions: [DocumentMention] = []

  public init() {}

  public init(nodes: [Node], edges: [Edge]) {
    for node in nodes { upsert(node) }
    for edge in edges { add(edge) }
  }

  /// Nodes sorted by id.
  public var nodes: [Node] { nodesByID.values.sorted { $0.id < $1.id } }
  /// Edges sorted by source, target, relation.
  public var edges: [Edge] { edgesByKey.values.sorted { $0.key < $1.key } }

  public func node(_ id: String) -> Node? { nodesByID[id] }

  /// Inserts a node, or replaces the node with the same id.
  public mutating func upsert(_ node: Node) { nodesByID[node.id] = node }

  /// Adds an edge, or merges its evidence into the edge with the same key.
  public mutating func add(_ edge: Edge) {
    var e = edge
    if let existing = edgesByKey[edge.key] { e.evidence += existing.evidence }
    e.evidence.sort()
    // Adjacent duplicates only, after sorting: linear, where a Set would hash every evidence.
    var unique: [Evidence] = []
    unique.reserveCapacity(e.evidence.count)
    for ev in e.evidence where unique.last != ev { unique.append(ev) }
    e.evidence = unique
    edgesByKey[edge.key] = e
  }

  /// Adds edges whose keys are not in the graph, each with its evidence sorted and without
  /// duplicates (as `add` leaves it): one hash per edge, and room made once.
  package mutating func addNew(_ edges: [Edge]) {
    edgesByKey.reserveCapacity(edgesByKey.count + edges.count)
    for edge in edges {
      assert(edgesByKey[edge.key] == nil)
      edgesByKey[edge.key] = edge
    }
  }

  /// Removes a node and every edge that touches it.
  public mutating func remove(node id: String) {
    nodesByID[id] = nil
    for key in edgesByKey.keys where key.source == id || key.target == id { edgesByKey[key] = nil }
  }
}
