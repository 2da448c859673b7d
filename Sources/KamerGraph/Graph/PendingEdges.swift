/// The node ids of one resolution, each with a number: the resolver collects edges between
/// numbers, so that an edge's key is hashed as three integers instead of two strings.
struct NodeNumbers {
  /// The id of each number.
  private(set) var ids: [String] = []
  private var numbers: [String: Int32] = [:]

  /// The number of `id`, given on first sight.
  mutating func number(_ id: String) -> Int32 {
    if let n = numbers[id] { return n }
    let n = Int32(ids.count)
    ids.append(id)
    numbers[id] = n
    return n
  }

  subscript(_ n: Int32) -> String { ids[Int(n)] }
}

/// The edges of a resolution while their evidence is collected: keys of node numbers
/// (`NodeNumbers`), every evidence in one list, turned into `Edge`s once (`takeEdges(ids:)`), each
/// with its evidence sorted and without duplicates (what `CitationGraph.add` makes of it).
struct PendingEdges {
  struct Key: Hashable {
    var source: Int32
    var target: Int32
    /// `Relation.position`.
    var relation: UInt8

    init(_ source: Int32, _ target: Int32, _ relation: Relation) {
      self.source = source
      self.target = target
      self.relation = UInt8(relation.position)
    }

    var relationCase: Relation { Relation.allCases[Int(relation)] }
  }

  /// The key of each edge, by edge number; nil once removed.
  private(set) var keys: [Key?] = []
  private var numbers: [Key: Int32] = [:]
  /// Every evidence, with the number of its edge.
  private var evidence: [Evidence] = []
  private var edgeOfEvidence: [Int32] = []

  /// Adds `ev` to the edge `key`, created on first sight.
  mutating func add(_ key: Key, _ ev: Evidence) {
    let n: Int32
    if let known = numbers[key] {
      n = known
    } else {
      n = Int32(keys.count)
      keys.append(key)
      numbers[key] = n
    }
    evidence.append(ev)
    edgeOfEvidence.append(n)
  }

  /// Makes room for about `count` edges (one per mention is typical): the table of keys then
  /// grows at most once while edges are collected.
  mutating func reserve(_ count: Int) {
    numbers.reserveCapacity(count)
    keys.reserveCapacity(count)
  }

  func contains(_ key: Key) -> Bool { numbers[key].map { keys[Int($0)] != nil } ?? false }

  /// Drops the edge `key` and its evidence.
  mutating func remove(_ key: Key) {
    guard let n = numbers.removeValue(forKey: key) else { return }
    keys[Int(n)] = nil
  }

  /// The edges, in the order their keys came (the graph sorts them), with `ids` naming the nodes.
  /// The evidence goes to the edges; the keys stay.
  mutating func takeEdges(ids: [String]) -> [Edge] {
    defer {
      evidence = []
      edgeOfEvidence = []
    }
    // The evidence of each edge together: a counting sort by edge number, stable.
    var start = [Int](repeating: 0, count: keys.count + 1)
    for n in edgeOfEvidence { start[Int(n) + 1] += 1 }
    for k in keys.indices { start[k + 1] += start[k] }
    var next = start
    var order = [Int32](repeating: 0, count: evidence.count)
    for (i, n) in edgeOfEvidence.enumerated() {
      order[next[Int(n)]] = Int32(i)
      next[Int(n)] += 1
    }
    var edges: [Edge] = []
    edges.reserveCapacity(numbers.count)
    for (k, key) in keys.enumerated() {
      guard let key else { continue }
      var found: [Evidence] = []
      found.reserveCapacity(start[k + 1] - start[k])
      for i in order[start[k]..<start[k + 1]] { found.append(evidence[Int(i)]) }
      found.sort()
      // Adjacent duplicates only, after sorting (as `CitationGraph.add`).
      var unique: [Evidence] = []
      unique.reserveCapacity(found.count)
      for ev in found where unique.last != ev { unique.append(ev) }
      edges.append(
        Edge(source: ids[Int(key.source)], target: ids[Int(key.target)], relation: key.relationCase, evidence: unique))
    }
    return edges
  }
}
