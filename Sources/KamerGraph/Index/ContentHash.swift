
extension GraphIndex {
  /// The content hash the index keys files by: FNV-1a 64 of the bytes and their length, in hex.
  public static func contentHash(of bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { contentHash(of: $0) }
  }

  /// `contentHash(of:)` of bytes in place.
  static func contentHash(of bytes: UnsafeBufferPointer<UInt8>) -> String {
    var hash = FNV1a64()
    hash.add(bytes: bytes)
    return hash.hex + "-" + String(bytes.count, radix: 16)
  }

  /// The part of `fingerprint(of:)` that covers the nodes and edges: a build computes it once for
  /// the fingerprint of the graph files (no mentions) and the index's (with them).
  struct GraphSums: Sendable, Equatable {
    var nodes: Int
    var nodeSum: UInt64
    var edges: Int
    var edgeSum: UInt64
  }

  /// The `GraphSums` of `graph`: nodes and edges are hashed one by one and combined by a wrapping
  /// sum of mixed hashes, so no sorting is needed.
  static func sums(of graph: CitationGraph) -> GraphSums {
    func mixed(_ x: UInt64) -> UInt64 {
      var z = x &+ 0x9E37_79B9_7F4A_7C15
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var nodeSum: UInt64 = 0
    for node in graph.nodesByID.values {
      var h = FNV1a64()
      h.add(node.id); h.add(node.kind); h.add(node.label); h.add(node.date); h.add(node.vergaderjaar)
      h.add(node.ministry); h.add(node.status.rawValue); h.add(node.url)
      h.add(node.aliases.count); for a in node.aliases { h.add(a) }
      h.add(node.paths.count); for p in node.paths { h.add(p) }
      nodeSum &+= mixed(h.value)
    }
    var edgeSum: UInt64 = 0
    for edge in graph.edgesByKey.values {
      var h = FNV1a64()
      h.add(edge.source); h.add(edge.target); h.add(edge.relation.rawValue); h.add(edge.evidence.count)
      for e in edge.evidence {
        h.add(e.path); h.add(e.line ?? 0); h.add(e.start); h.add(e.end); h.add(e.text); h.add(e.source.rawValue)
      }
      edgeSum &+= mixed(h.value)
    }
    return GraphSums(nodes: graph.nodesByID.count, nodeSum: nodeSum, edges: graph.edgesByKey.count, edgeSum: edgeSum)
  }

  /// A fingerprint of everything `commit` stores for a graph, so an unchanged graph is not rewritten:
  /// its `sums` (computed here when not given; given, they must be those of `graph`) and its
  /// mentions, hashed in their order.
  static func fingerprint(of graph: CitationGraph, sums given: GraphSums? = nil) -> String {
    let sums = given ?? Self.sums(of: graph)
    var h = FNV1a64()
    h.add(sums.nodes); h.add(String(sums.nodeSum)); h.add(sums.edges); h.add(String(sums.edgeSum))
    h.add(graph.mentions.count)
    for m in graph.mentions {
      h.add(m.path); h.add(m.document)
      let x = m.mention
      h.add(x.kind.rawValue); h.add(x.ids.count); for id in x.ids { h.add(id) }
      h.add(x.text); h.add(x.start); h.add(x.end); h.add(x.line); h.add(x.column)
      h.add(x.status.rawValue); h.add(x.reason)
      for (key, value) in x.fields { h.add(key); h.add(value) }
      h.add("|")
    }
    return h.hex + "-" + String(graphStorageVersion)
  }

  /// Bumped when the way the graph is stored changes, so the next commit rewrites it (the tables
  /// themselves are versioned by `schemaVersion`).
  static let graphStorageVersion = 3
}
