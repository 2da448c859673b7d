/// Whether a node stands for something the corpus holds.
public enum NodeStatus: String, Sendable, Codable, Comparable {
  /// A document read from the corpus.
  case resolved
  /// A document cited but not in the corpus.
  case external
  /// A person, party, ministry, organisation or programme.
  case entity
  public static func < (lhs: NodeStatus, rhs: NodeStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A document or actor in the graph. Its `id` is its canonical id (`ids.md`).
public struct Node: Sendable, Hashable, Codable {
  public var id: String
  /// A `ReferenceKind` raw value (`aanhangsel`, `kenmerk`, `persoon`, ...).
  public var kind: String
  /// Title, "Betreft", a name, or the citation in its standard form.
  public var label: String
  /// ISO date (`2025-10-31`).
  public var date: String?
  /// `YYYY-YYYY`.
  public var vergaderjaar: String?
  /// The ministry a document comes from (`ministerie:DEF`).
  public var ministry: String?
  public var status: NodeStatus
  /// The official source, where one can be built.
  public var url: String?
  /// The other ids this node is known by, sorted.
  public var aliases: [String]
  /// The corpus files this node was read from, sorted.
  public var paths: [String]

  public init(
    id: String, kind: String, label: String, date: String? = nil, vergaderjaar: String? = nil,
    ministry: String? = nil, status: NodeStatus, url: String? = nil, aliases: [String] = [],
    paths: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.label = label
    self.date = date
    self.vergaderjaar = vergaderjaar
    self.ministry = ministry
    self.status = status
    self.url = url
    self.aliases = aliases
    self.paths = paths
  }

  /// The year of `date`, for Gephi's integer year column.
  public var year: Int? {
    guard let date, date.utf8.count >= 4 else { return nil }
    return Int(date.prefix(4))
  }
}

/// Where an edge's evidence comes from.
public enum EvidenceSource: String, Sendable, Codable, Comparable {
  /// Structured metadata (KOOP metadata.xml, Tweede Kamer open data).
  case metadata
  /// An explicit link in the markup.
  case xmlLink = "xml-link"
  /// Running text.
  case text
  public static func < (lhs: EvidenceSource, rhs: EvidenceSource) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One place that supports an edge: the quoted text with its file and position.
public struct Evidence: Sendable, Hashable, Codable, Comparable {
  public var path: String
  public var line: Int
  public var start: Int
  public var end: Int
  public var text: String
  public var source: EvidenceSource

  public init(path: String, line: Int, start: Int, end: Int, text: String, source: EvidenceSource) {
    self.path = path
    self.line = line
    self.start = start
    self.end = end
    self.text = text
    self.source = source
  }

  public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
    (lhs.path, lhs.start, lhs.end, lhs.text, lhs.source) < (rhs.path, rhs.start, rhs.end, rhs.text, rhs.source)
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
