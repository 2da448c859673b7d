/// The graph as every writer sees it: nodes sorted by id, a node added for every edge end the
/// graph does not hold (status `external`, kind from the id's shape), edges sorted by (source,
/// target, relation) exactly as `CitationGraph.edges` sorts them, each edge's ends as node
/// indices, and every node's degree.
///
/// Edges are sorted on integer ranks rather than on strings: a million edges sort in a fraction
/// of the time the string comparison takes.
struct ExportGraph {
  var nodes: [Node]
  /// The edges in the graph's storage order; `order` sorts them.
  var unsorted: [Edge]
  /// Indices into `unsorted`, in (source, target, relation) order.
  var order: [Int]
  /// The node indices of each edge's source and target, in sorted order.
  var ends: [(source: Int, target: Int)]
  /// In-degree plus out-degree, by node index.
  var degree: [Int]

  init(_ graph: CitationGraph) {
    // Sorting the ids and looking the nodes up moves strings, not whole nodes, while sorting.
    let byID = graph.nodesByID
    var nodes = byID.keys.sorted().map { byID[$0]! }
    let unsorted = Array(graph.edgesByKey.values)
    // Relations ranked by raw value, the order EdgeKey uses; looked up by case position.
    let byRaw = Relation.allCases.sorted(by: { $0.rawValue < $1.rawValue })
    let relationRank = Relation.allCases.map { relation in byRaw.firstIndex(of: relation)! }
    var keyed: [(source: Int, target: Int, relation: Int, edge: Int)] = []
    keyed.reserveCapacity(unsorted.count)
    var index = Self.index(nodes)
    var missing = Set<String>()
    unsorted.withUnsafeBufferPointer { edges in
      for i in edges.indices {
        let source = index[edges[i].source]
        let target = index[edges[i].target]
        if source == nil { missing.insert(edges[i].source) }
        if target == nil { missing.insert(edges[i].target) }
        keyed.append((source ?? -1, target ?? -1, relationRank[edges[i].relation.position], i))
      }
    }
    if !missing.isEmpty {
      for id in missing {
        nodes.append(Node(id: id, kind: ReferenceKind.of(id: id)?.rawValue ?? "", label: id, status: .external))
      }
      nodes.sort { $0.id < $1.id }
      index = Self.index(nodes)
      for k in keyed.indices {
        keyed[k].source = index[unsorted[keyed[k].edge].source]!
        keyed[k].target = index[unsorted[keyed[k].edge].target]!
      }
    }
    // The packing below keeps a relation's rank in 4 bits (`Relation.packedBits`).
    precondition(Relation.allCases.count <= 1 << Relation.packedBits, "more relations than ExportGraph packs")
    if nodes.count < 1 << 26 {
      // (source, target, relation) packed into one integer (26 + 26 + 4 bits): the same order,
      // sorted as 16-byte pairs with one comparison each. Keys are unique (one edge per key).
      var packed: [(key: UInt64, edge: Int)] = []
      packed.reserveCapacity(keyed.count)
      for k in keyed {
        packed.append(((UInt64(k.source) << 30) | (UInt64(k.target) << 4) | UInt64(k.relation), k.edge))
      }
      packed.sort { $0.key < $1.key }
      for (n, p) in packed.enumerated() {
        keyed[n] = (Int(p.key >> 30), Int((p.key >> 4) & 0x3FF_FFFF), Int(p.key & 0xF), p.edge)
      }
    } else {
      keyed.sort { ($0.source, $0.target, $0.relation) < ($1.source, $1.target, $1.relation) }
    }
    var degree = [Int](repeating: 0, count: nodes.count)
    var order: [Int] = []
    var ends: [(source: Int, target: Int)] = []
    order.reserveCapacity(keyed.count)
    ends.reserveCapacity(keyed.count)
    for k in keyed {
      order.append(k.edge)
      ends.append((k.source, k.target))
      degree[k.source] += 1
      degree[k.target] += 1
    }
    self.nodes = nodes
    self.unsorted = unsorted
    self.order = order
    self.ends = ends
    self.degree = degree
  }

  /// The graph of `sorted`, which is in this order already: nothing is hashed or sorted.
  init(_ sorted: SortedGraph) {
    nodes = sorted.nodes
    unsorted = sorted.edges
    order = Array(sorted.edges.indices)
    var ends: [(source: Int, target: Int)] = []
    ends.reserveCapacity(sorted.edges.count)
    var degree = [Int](repeating: 0, count: sorted.nodes.count)
    for i in sorted.edges.indices {
      let source = Int(sorted.sources[i])
      let target = Int(sorted.targets[i])
      ends.append((source, target))
      degree[source] += 1
      degree[target] += 1
    }
    self.ends = ends
    self.degree = degree
  }

  /// The edges sorted by (source, target, relation), as `CitationGraph.edges` gives them.
  var edges: [Edge] { order.map { unsorted[$0] } }

  private static func index(_ nodes: [Node]) -> [String: Int] {
    var index: [String: Int] = [:]
    index.reserveCapacity(nodes.count)
    for (i, node) in nodes.enumerated() { index[node.id] = i }
    return index
  }
}
