import GRDB

/// One document found by `similar`.
public struct SimilarItem: Sendable, Hashable {
  public var node: NodeSummary
  /// Bibliographic coupling: how many nodes both this document and the seed point to.
  public var coupling: Int
  /// Co-citation: how many nodes point to both this document and the seed.
  public var cocitation: Int
  /// The shared targets (coupling), sorted by id.
  public var sharedTargets: [String]
  /// The shared sources (co-citation), sorted by id.
  public var sharedSources: [String]
  /// `coupling + cocitation`: what results are ranked by.
  public var score: Int { coupling + cocitation }
}

/// The answer of `similar`.
public struct SimilarResult: Sendable, Hashable {
  public var seed: NodeSummary
  public var items: [SimilarItem]
}

extension GraphIndex {
  /// Documents that point to the same nodes as `id` (bibliographic coupling) or are pointed to
  /// together with it (co-citation), counted over `relations` (default: `documentRelations`).
  /// Ranked by coupling + co-citation, ties by id. Documents dated outside `since`...`until` are
  /// left out before the limit.
  public func similar(
    _ id: String, relations: Set<Relation> = documentRelations, limit: Int = 20, since: DateBound? = nil,
    until: DateBound? = nil
  ) throws(IndexError) -> SimilarResult {
    let window = DateWindow(since: since, until: until)
    let indexPath = path
    return try read { db in
      let seed = try Self.lookup(id, in: db, indexPath: indexPath)
      var targets: [Int64: Set<Int64>] = [:]  // candidate -> shared targets
      var sources: [Int64: Set<Int64>] = [:]  // candidate -> shared sources
      var around: [Neighbour] = []
      var second: [Neighbour] = []
      try Self.neighbours(of: seed, direction: .outgoing, relations: relations, in: db, into: &around, columns: .none)
      for t in Set(around.map(\.node)).sorted() {
        try Self.neighbours(of: t, direction: .incoming, relations: relations, in: db, into: &second, columns: .none)
        for s in second where s.node != seed { targets[s.node, default: []].insert(t) }
      }
      try Self.neighbours(of: seed, direction: .incoming, relations: relations, in: db, into: &around, columns: .none)
      for s in Set(around.map(\.node)).sorted() {
        try Self.neighbours(of: s, direction: .outgoing, relations: relations, in: db, into: &second, columns: .none)
        for t in second where t.node != seed { sources[t.node, default: []].insert(s) }
      }
      let candidates = Set(targets.keys).union(sources.keys)
      var scored = candidates.map { c in (c, (targets[c]?.count ?? 0) + (sources[c]?.count ?? 0)) }
      if !window.isOpen {
        scored = try scored.filter { window.admits(try Self.summary($0.0, in: db).date) }
      }
      scored.sort { ($1.1, $0.0) < ($0.1, $1.0) }
      var items: [SimilarItem] = []
      for (c, _) in scored.prefix(limit) {
        let t = try (targets[c] ?? []).sorted().map { try Self.summary($0, in: db).id }
        let s = try (sources[c] ?? []).sorted().map { try Self.summary($0, in: db).id }
        items.append(
          SimilarItem(
            node: try Self.summary(c, in: db), coupling: t.count, cocitation: s.count, sharedTargets: t,
            sharedSources: s))
      }
      return SimilarResult(seed: try Self.summary(seed, in: db), items: items)
    }
  }
}
