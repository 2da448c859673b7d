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

/// Names of mention fields that the resolver reads. Recognizers may add others.
public enum MentionField {
  /// How the mention stands to the document that contains it; values in `MentionRole`.
  public static let role = "role"
  /// The label that introduced a kenmerk ("Onze referentie", "Uw kenmerk", ...).
  public static let label = "label"
  /// A person's function: `lid`, `minister`, `staatssecretaris`.
  public static let function = "function"
  /// A person's party id (`fractie:FVD`) when the text gives it next to the name.
  public static let party = "party"
  /// A person's ministry id (`ministerie:JENV`) when the text gives it next to the name.
  public static let ministry = "ministry"
  /// The display name ("Gijs Tuinman", "Van Houwelingen").
  public static let name = "name"
  /// An ISO date (`2025-07-11`) for `date` mentions, or the date tied to a role ("ingezonden").
  public static let iso = "iso"
  /// What a date is: `ingezonden`, `ontvangen`, `datum`.
  public static let dateRole = "date-role"
  public static let vergaderjaar = "vergaderjaar"
  public static let page = "page"
  /// The chamber of a parliamentary citation: `II`, `I` or `VV`.
  public static let kamer = "kamer"
  /// The dossier(s) of a Kamerstuk citation as `36600-X`, space-separated when several.
  public static let dossier = "dossier"
  /// The article of a law citation ("2.23"), from "artikel 2.23 ... van de Aanbestedingswet 2012".
  public static let article = "article"
  /// The footnote number, for mentions inside a footnote body (`Extractor.mentions(in: Document)`).
  public static let footnote = "footnote"
  /// How an ECLI was repaired (`ocr`, `spacing`, `case`, `order`, `no-country`, `no-prefix`);
  /// absent for a well-formed ECLI.
  public static let variant = "variant"
}

/// Values of `MentionField.role`.
public enum MentionRole {
  /// The document's own reference ("Onze referentie", "Ons kenmerk").
  public static let own = "own"
  /// The reference of the letter being answered ("Uw kenmerk").
  public static let replyTo = "reply-to"
  /// The questions this document answers ("vragen ... met kenmerk 2025Z14549", "Kamervragen 2025Z14549").
  public static let answers = "answers"
  /// A member who asked the questions ("Vragen van het lid X (P)").
  public static let asker = "asker"
  /// The minister or ministry the questions are addressed to ("aan de minister van Defensie").
  public static let addressee = "addressee"
  /// Who answered ("Antwoord van Minister X (Justitie en Veiligheid)").
  public static let answerer = "answerer"
  /// The signatory of a letter (signature block).
  public static let signer = "signer"
  /// "mede namens de Minister van X".
  public static let coSigner = "co-signer"
  /// The ministry that sends a letter (letterhead).
  public static let sender = "sender"
  /// "Zie ook ...".
  public static let seeAlso = "see-also"
}
