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
      var distance: [Int64: Int] = [seed: 0]
      var score: [Int64: Double] = [seed: 1]
      var parent: [Int64: (node: Int64, relation: Relation, forward: Bool, share: Double)] = [:]
      var frontier: [Int64] = [seed]
      var capped = false
      var buffer: [Neighbour] = []
      for level in 1...options.depth {
        var next: [Int64] = []
        for u in frontier {
          // Dates are read only when a window filters on them.
          try Self.neighbours(
            of: u, direction: options.direction, relations: options.relations, in: db, into: &buffer,
            nodeColumns: !window.isOpen)
          if buffer.isEmpty { continue }
          let spread = level == 1 ? 1 : log2(1 + Double(buffer.count))
          let base = score[u, default: 0] * 0.5 / spread
          for n in buffer where n.node != seed {
            if let d = distance[n.node], d < level { continue }
            if !window.isOpen, !window.admits(n.date) { continue }
            if distance[n.node] == nil {
              if distance.count > options.maxNodes {
                capped = true
                continue
              }
              distance[n.node] = level
              next.append(n.node)
            }
            let share = base * (1 + log2(Double(max(1, n.weight))))
            score[n.node, default: 0] += share
            if let p = parent[n.node], p.share > share || (p.share == share && p.node <= u) { continue }
            parent[n.node] = (u, n.relation, n.forward, share)
          }
        }
        frontier = next.sorted()
        if frontier.isEmpty { break }
      }

      let ranked = score.filter { $0.key != seed }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      var summaries: [Int64: NodeSummary] = [:]
      func summary(_ num: Int64) throws -> NodeSummary {
        if let s = summaries[num] { return s }
        let s = try Self.summary(num, in: db)
        summaries[num] = s
        return s
      }
      var items: [RelatedItem] = []
      for (num, value) in ranked.prefix(options.limit) {
        var steps: [PathStep] = []
        var cursor = num
        while cursor != seed, let p = parent[cursor] {
          steps.append(PathStep(relation: p.relation, forward: p.forward, node: try summary(cursor)))
          cursor = p.node
        }
        items.append(
          RelatedItem(node: try summary(num), distance: distance[num] ?? 0, score: value, path: steps.reversed()))
      }
      return RelatedResult(seed: try summary(seed), items: items, reached: ranked.count, capped: capped)
    }
  }
}
