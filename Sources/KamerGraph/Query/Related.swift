import Foundation
import GRDB

/// What `related` looks for around a node.
public struct RelatedOptions: Sendable {
  /// How many hops from the seed (1 = direct neighbours).
  public var depth: Int = 2
  /// The relations to follow; nil follows all of them.
  public var relations: Set<Relation>? = nil
  public var direction: Direction = .both
  /// How many results to return.
  public var limit: Int = 20
  public var since: DateBound? = nil
  public var until: DateBound? = nil
  /// How many nodes the traversal may reach before it stops adding new ones (the ego-network cap
  /// of prior-art.md §3); reached nodes still collect score from later edges.
  public var maxNodes: Int = 20_000

  public init() {}
}

/// One node found by `related`.
public struct RelatedItem: Sendable, Hashable {
  public var node: NodeSummary
  /// Hops from the seed.
  public var distance: Int
  public var score: Double
  /// The strongest chain from the seed to `node` (the seed itself not included).
  public var path: [PathStep]
}

/// The answer of `related`.
public struct RelatedResult: Sendable, Hashable {
  public var seed: NodeSummary
  public var items: [RelatedItem]
  /// How many nodes the traversal reached (before `limit`).
  public var reached: Int
  /// True when `maxNodes` stopped the traversal from adding nodes.
  public var capped: Bool
}

extension GraphIndex {
  /// Documents and actors around `id`, ranked by score.
  ///
  /// The score is spread from the seed (score 1) one level at a time, breadth-first. A node at
  /// distance d receives, for every edge from a node u at distance d-1 that the filters allow,
  ///
  ///     score(u) × (1 + log2(weight)) × 0.5 / spread(u)
  ///
  /// where `weight` is the edge's mention count, 0.5 is the decay per hop and `spread(u)` is 1
  /// for the seed and log2(1 + degree(u)) otherwise, so a hub (a ministry, a busy member) passes
  /// little to each of its many neighbours. Summing over every such edge rewards shared
  /// citations: a document reached through three cited documents scores higher than one reached
  /// through one. Each item's path follows, from the seed, the edges that gave it the largest
  /// share. Nodes whose date lies outside `since`/`until` are neither reported nor traversed;
  /// nodes without a date (actors) always pass. Ties are broken by id.
  public func related(_ id: String, options: RelatedOptions = RelatedOptions()) throws(IndexError) -> RelatedResult {
    guard options.depth >= 1 else {
      throw .invalidArgument(name: "--depth", value: String(options.depth), reason: "the depth must be at least 1")
    }
    guard options.limit >= 1 else {
      throw .invalidArgument(name: "--limit", value: String(options.limit), reason: "the limit must be at least 1")
    }
    let indexPath = path
    return try read { db in
      let seed = try Self.lookup(id, in: db, indexPath: indexPath)
      let window = DateWindow(since: options.since, until: options.until)
      // Every node reached, the seed included: one hash lookup per edge row (issue 21).
      var reached: [Int64: Reach] = [:]
      // Room for every node the cap admits, at once: growing step by step copied the table each
      // time it doubled and faulted in fresh pages for every copy (a tenth of a query at 100k);
      // the pages of the room not used are never touched.
      reached.reserveCapacity(min(options.maxNodes, 1 << 20) + 1)
      reached[seed] = Reach(distance: 0, score: 1)
      var frontier: [Int64] = [seed]
      var capped = false
      var buffer: [Neighbour] = []
      for level in 1...options.depth {
        var next: [Int64] = []
        for u in frontier {
          // Dates are read only when a window filters on them.
          try Self.neighbours(
            of: u, direction: options.direction, relations: options.relations, in: db, into: &buffer,
            columns: window.isOpen ? .none : .dateAndDegree)
          if buffer.isEmpty { continue }
          let spread = level == 1 ? 1 : log2(1 + Double(buffer.count))
          let base = (reached[u]?.score ?? 0) * 0.5 / spread
          for n in buffer where n.node != seed {
            var at = reached.index(forKey: n.node)
            if let at, reached.values[at].distance < level { continue }
            if !window.isOpen, !window.admits(n.date) { continue }
            if at == nil {
              if reached.count > options.maxNodes {
                capped = true
                continue
              }
              reached[n.node] = Reach(distance: level, score: 0)
              at = reached.index(forKey: n.node)
              next.append(n.node)
            }
            let share = base * (1 + log2(Double(max(1, n.weight))))
            reached.values[at!].offer(share, from: u, relation: n.relation, forward: n.forward)
          }
        }
        frontier = next.sorted()
        if frontier.isEmpty { break }
      }

      // Highest score first, ties by node number; only the first `limit` are needed.
      let ranked = Self.top(options.limit, of: reached, without: seed)
      var summaries: [Int64: NodeSummary] = [:]
      func summary(_ num: Int64) throws -> NodeSummary {
        if let s = summaries[num] { return s }
        let s = try Self.summary(num, in: db)
        summaries[num] = s
        return s
      }
      var items: [RelatedItem] = []
      for (num, value) in ranked {
        var steps: [PathStep] = []
        var cursor = num
        while cursor != seed, let r = reached[cursor], r.hasParent {
          steps.append(PathStep(relation: r.relation, forward: r.forward, node: try summary(cursor)))
          cursor = r.parent
        }
        items.append(
          RelatedItem(node: try summary(num), distance: reached[num]?.distance ?? 0, score: value, path: steps.reversed()))
      }
      return RelatedResult(seed: try summary(seed), items: items, reached: reached.count - 1, capped: capped)
    }
  }

  /// The `limit` nodes of `reached` (but `seed`) with the highest score, ties by the smaller node
  /// number, in that order: what sorting them all and taking the first `limit` gives.
  static func top(_ limit: Int, of reached: [Int64: Reach], without seed: Int64) -> [(num: Int64, score: Double)] {
    func before(_ a: (num: Int64, score: Double), _ b: (num: Int64, score: Double)) -> Bool {
      a.score > b.score || (a.score == b.score && a.num < b.num)
    }
    let all = reached.lazy.filter { $0.key != seed }.map { (num: $0.key, score: $0.value.score) }
    // A full sort when most of them are wanted anyway.
    if limit >= reached.count / 8 { return Array(all.sorted(by: before).prefix(limit)) }
    var best: [(num: Int64, score: Double)] = []
    best.reserveCapacity(limit + 1)
    for candidate in all {
      if best.count == limit, !before(candidate, best[limit - 1]) { continue }
      // The first position whose entry comes after the candidate.
      var lo = 0
      var hi = best.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if before(best[mid], candidate) { lo = mid + 1 } else { hi = mid }
      }
      best.insert(candidate, at: lo)
      if best.count > limit { best.removeLast() }
    }
    return best
  }
}

/// A node reached by `related`: its distance from the seed, its summed score and the edge that
/// gave it the largest share (its parent on the strongest chain from the seed).
struct Reach {
  // 32 bytes (the wide fields first).
  var score: Double
  var share = 0.0
  var parent: Int64 = 0
  private var hops: Int32
  var relation: Relation = .cites
  var forward = false
  var hasParent = false

  var distance: Int { Int(hops) }

  init(distance: Int, score: Double) {
    hops = Int32(clamping: distance)
    self.score = score
  }

  /// Adds `share` from `u` over an edge; the edge becomes the parent when its share is larger (at
  /// equal shares, when `u` is the smaller node number).
  mutating func offer(_ share: Double, from u: Int64, relation: Relation, forward: Bool) {
    score += share
    if hasParent, self.share > share || (self.share == share && parent <= u) { return }
    hasParent = true
    parent = u
    self.relation = relation
    self.forward = forward
    self.share = share
  }
}
