import GRDB

/// What `path` looks for between two nodes.
public struct PathOptions: Sendable {
  /// The longest chain considered, in hops.
  public var maxDepth: Int = 6
  /// The relations to follow; nil follows all of them.
  public var relations: Set<Relation>? = nil
  /// `out` follows edges only in their direction (FROM cites ... cites TO); `both` ignores direction.
  public var direction: Direction = .both
  /// How many of the shortest chains to return.
  public var limit: Int = 10

  public init() {}
}

/// The answer of `path`: every shortest chain (up to `limit`), each starting at `from`.
public struct PathResult: Sendable, Hashable {
  public var from: NodeSummary
  public var to: NodeSummary
  /// Hops of the shortest chain, nil when none exists within `maxDepth`.
  public var length: Int?
  public var paths: [[PathStep]]
  /// True when there were more shortest chains than `limit`.
  public var truncated: Bool
}

extension GraphIndex {
  /// The shortest chains between two nodes, found by a breadth-first search from both ends that
  /// always grows the smaller side. Chains are ordered by the ids along them.
  public func path(from: String, to: String, options: PathOptions = PathOptions()) throws(IndexError) -> PathResult {
    guard options.maxDepth >= 1 else {
      throw .invalidArgument(
        name: "--max-depth", value: String(options.maxDepth), reason: "the depth must be at least 1")
    }
    let indexPath = path
    return try read { db in
      let a = try Self.lookup(from, in: db, indexPath: indexPath)
      let b = try Self.lookup(to, in: db, indexPath: indexPath)
      let fromSummary = try Self.summary(a, in: db)
      let toSummary = try Self.summary(b, in: db)
      if a == b { return PathResult(from: fromSummary, to: toSummary, length: 0, paths: [[]], truncated: false) }

      let backward: Direction =
        switch options.direction {
        case .incoming: .outgoing
        case .outgoing: .incoming
        case .both: .both
        }
      var sides = [
        Side(origin: a, direction: options.direction), Side(origin: b, direction: backward),
      ]
      var buffer: [Neighbour] = []
      var meeting: [Int64] = []
      while sides[0].depth + sides[1].depth < options.maxDepth {
        // Grow the side whose next level costs less: the one whose frontier has fewer edges.
        let grow = sides[0].cost <= sides[1].cost ? 0 : 1
        if sides[grow].frontier.isEmpty { break }
        try sides[grow].expand(relations: options.relations, in: db, buffer: &buffer)
        let other = sides[1 - grow]
        let found = sides[grow].frontier.filter { other.depthOf[$0] != nil }
        if !found.isEmpty {
          let best = found.map { sides[grow].depthOf[$0]! + other.depthOf[$0]! }.min()!
          meeting = found.filter { sides[grow].depthOf[$0]! + other.depthOf[$0]! == best }.sorted()
          break
        }
      }
      guard !meeting.isEmpty else {
        return PathResult(from: fromSummary, to: toSummary, length: nil, paths: [], truncated: false)
      }

      // Chains as node numbers with the hop into each node; enumerate, then order by ids.
      let cap = max(options.limit * 20, 200)
      var chains: [[Hop]] = []
      var truncated = false
      outer: for m in meeting {
        for head in sides[0].chains(to: m, cap: cap) {
          for tail in sides[1].chains(to: m, cap: cap) {
            if chains.count >= cap {
              truncated = true
              break outer
            }
            // The tail runs from b to m; walk it back from m to b, flipping each edge.
            var chain = head
            var reversedTail: [Hop] = []
            var next = m
            for hop in tail.reversed() {
              reversedTail.append(Hop(node: hop.from, from: next, relation: hop.relation, forward: !hop.forward))
              next = hop.from
            }
            chain.append(contentsOf: reversedTail)
            chains.append(chain)
          }
        }
      }
      var summaries: [Int64: NodeSummary] = [:]
      var paths: [[PathStep]] = []
      for chain in chains {
        var steps: [PathStep] = []
        for hop in chain {
          if summaries[hop.node] == nil { summaries[hop.node] = try Self.summary(hop.node, in: db) }
          steps.append(PathStep(relation: hop.relation, forward: hop.forward, node: summaries[hop.node]!))
        }
        paths.append(steps)
      }
      paths.sort { lhs, rhs in
        let l = lhs.map { [$0.node.id, $0.relation.rawValue, $0.forward ? ">" : "<"] }.joined()
        let r = rhs.map { [$0.node.id, $0.relation.rawValue, $0.forward ? ">" : "<"] }.joined()
        return l.lexicographicallyPrecedes(r)
      }
      if paths.count > options.limit { truncated = true }
      let length = paths.first?.count
      return PathResult(
        from: fromSummary, to: toSummary, length: length, paths: Array(paths.prefix(options.limit)),
        truncated: truncated)
    }
  }
}

/// One hop of a chain under construction: from `from` to `node` over an edge.
struct Hop {
  var node: Int64
  var from: Int64
  var relation: Relation
  var forward: Bool
}

/// One end of the two-sided breadth-first search in `path`.
struct Side {
  let origin: Int64
  let direction: Direction
  var depth = 0
  var depthOf: [Int64: Int]
  var parents: [Int64: [Hop]] = [:]
  var frontier: [Int64]
  /// The summed degree of `frontier`: how many edge rows expanding it reads. The origin's own
  /// degree is unknown until it is expanded, so both sides start at 0.
  var cost = 0

  init(origin: Int64, direction: Direction) {
    self.origin = origin
    self.direction = direction
    depthOf = [origin: 0]
    frontier = [origin]
  }

  mutating func expand(relations: Set<Relation>?, in db: Database, buffer: inout [Neighbour]) throws {
    depth += 1
    var next: [Int64] = []
    var nextCost = 0
    for u in frontier {
      try GraphIndex.neighbours(
        of: u, direction: direction, relations: relations, in: db, into: &buffer, columns: .degree)
      for n in buffer {
        if let d = depthOf[n.node] {
          if d == depth { parents[n.node, default: []].append(Hop(node: n.node, from: u, relation: n.relation, forward: n.forward)) }
          continue
        }
        depthOf[n.node] = depth
        parents[n.node] = [Hop(node: n.node, from: u, relation: n.relation, forward: n.forward)]
        next.append(n.node)
        nextCost += n.degree
      }
    }
    frontier = next.sorted()
    cost = nextCost
  }

  /// Every chain of hops from `origin` to `node` (in walking order), at most `cap`.
  func chains(to node: Int64, cap: Int) -> [[Hop]] {
    if node == origin { return [[]] }
    var out: [[Hop]] = []
    for hop in (parents[node] ?? []).sorted(by: { ($0.from, $0.relation, $0.forward ? 0 : 1) < ($1.from, $1.relation, $1.forward ? 0 : 1) }) {
      for prefix in chains(to: hop.from, cap: cap) {
        if out.count >= cap { return out }
        out.append(prefix + [hop])
      }
    }
    return out
  }
}
