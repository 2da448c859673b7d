/// A statement about documents and actors that comes from structured data (KOOP metadata,
/// Tweede Kamer open data) rather than from running text.
public struct Fact: Sendable, Hashable, Codable {
  public enum Statement: Sendable, Hashable, Codable {
    /// Two ids name the same document (`2025D45253` and `ah-tk-20252026-313`).
    case sameAs(String, String)
    /// A typed relation.
    case edge(source: String, relation: Relation, target: String)
    /// A node attribute such as a label or date (`name` is a `NodeAttribute` raw value).
    case attribute(id: String, name: String, value: String)
  }
  public var statement: Statement
  /// Where it comes from, for the edge evidence ("OVERHEIDop.vraagnummer", "ZaakActor Indiener").
  public var evidence: String
  /// The file it was read from when that is not the document's own (a `.metadata.xml` merged
  /// into its document), else nil.
  public var path: String?
  /// The line of the element it was read from (libxml2's line of its start tag), or nil.
  public var line: Int?
  public init(_ statement: Statement, evidence: String, path: String? = nil, line: Int? = nil) {
    self.statement = statement
    self.evidence = evidence
    self.path = path
    self.line = line
  }
}
