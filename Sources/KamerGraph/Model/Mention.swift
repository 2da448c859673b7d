/// Where a mention stands after resolution against the corpus.
public enum MentionStatus: String, Sendable, Codable, Comparable {
  /// The mention names a document that is in the corpus.
  case resolved
  /// A well-formed id of a document that is not in the corpus; it still becomes a node.
  case external
  /// Several documents in the corpus could be meant.
  case ambiguous
  /// No id could be built; `Mention.reason` says why.
  case unresolved

  public static func < (lhs: MentionStatus, rhs: MentionStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One reference found in a document's text, with its exact span.
///
/// `start` and `end` are UTF-8 byte offsets into `Document.text`; `text` is exactly
/// `Document.text.utf8[start..<end]`. `line` and `column` count from 1 (`column` counts bytes).
public struct Mention: Sendable, Hashable, Codable {
  public var kind: ReferenceKind
  /// Canonical ids (`ids.md`). One citation may name several documents ("nrs. 520 en 548").
  public var ids: [String]
  public var text: String
  public var start: Int
  public var end: Int
  public var line: Int
  public var column: Int
  /// Parsed fields (vergaderjaar, dossier, page, role, ...). Well-known names are in `MentionField`.
  public var fields: MentionFields
  public var status: MentionStatus
  /// Why a mention is unresolved or ambiguous.
  public var reason: String?

  public init(
    kind: ReferenceKind, ids: [String], text: String, start: Int, end: Int, line: Int, column: Int,
    fields: MentionFields = [:], status: MentionStatus = .external, reason: String? = nil
  ) {
    self.kind = kind
    self.ids = ids
    self.text = text
    self.start = start
    self.end = end
    self.line = line
    self.column = column
    self.fields = fields
    self.status = status
    self.reason = reason
  }
}
