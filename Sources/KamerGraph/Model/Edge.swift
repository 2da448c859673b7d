/// The identity of an edge.
public struct EdgeKey: Sendable, Hashable, Codable, Comparable {
  public var source: String
  public var target: String
  public var relation: Relation
  public init(source: String, target: String, relation: Relation) {
    self.source = source
    self.target = target
    self.relation = relation
  }
  public static func < (lhs: EdgeKey, rhs: EdgeKey) -> Bool {
    (lhs.source, lhs.target, lhs.relation.rawValue) < (rhs.source, rhs.target, rhs.relation.rawValue)
  }
}

/// A typed edge. There is one edge per (source, target, relation); `weight` counts its mentions.
public struct Edge: Sendable, Hashable, Codable {
  public var source: String
  public var target: String
  public var relation: Relation
  /// The evidence, sorted; `weight` is its count.
  public var evidence: [Evidence]

  public init(source: String, target: String, relation: Relation, evidence: [Evidence]) {
    self.source = source
    self.target = target
    self.relation = relation
    self.evidence = evidence
  }

  public var weight: Int { max(1, evidence.count) }
  /// The strongest kind of evidence (metadata before xml-link before text).
  public var origin: EvidenceSource { evidence.map(\.source).min() ?? .text }
  public var key: EdgeKey { EdgeKey(source: source, target: target, relation: relation) }
}
