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

  /// For a law (kind `bwb`, which ids.md gives Dutch and EU law alike): `EU` for an act of the
  /// European Union (`CELEX:...`, on EUR-Lex), `treaty` for a treaty in the Dutch treaty
  /// collection (`BWBV...`), `NL` for a Dutch law or regulation (`BWBR...`, or known by its title
  /// only, `law:...`). Nil for every other kind. The exports carry it as the `law` column.
  public var law: String? {
    guard kind == ReferenceKind.bwb.rawValue else { return nil }
    if id.hasPrefix("CELEX:") { return "EU" }
    if id.hasPrefix("BWBV") { return "treaty" }
    return "NL"
  }

  /// The year of `date`, for Gephi's integer year column.
  public var year: Int? {
    guard let date, date.utf8.count >= 4 else { return nil }
    return Int(date.prefix(4))
  }
}
