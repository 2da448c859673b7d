/// A half-open range of UTF-8 byte offsets into a document's text.
public struct ByteRange: Sendable, Hashable, Codable, Comparable {
  public var start: Int
  public var end: Int
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }
  public var isEmpty: Bool { start >= end }
  public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
  public func contains(_ other: ByteRange) -> Bool { other.start >= start && other.end <= end }
  public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}

/// A footnote: its mark in the running text and its body, both as ranges of `Document.text`.
public struct Footnote: Sendable, Hashable, Codable {
  /// The footnote number or label as written ("2").
  public var number: String
  /// The mark in the running text (`[footnoteRef:2]`, or an empty range where a mark was removed).
  public var mark: ByteRange
  /// The footnote text.
  public var body: ByteRange
  /// The sentence that carries the mark: what the footnote is cited for.
  public var sentence: ByteRange

  public init(number: String, mark: ByteRange, body: ByteRange, sentence: ByteRange) {
    self.number = number
    self.mark = mark
    self.body = body
    self.sentence = sentence
  }
}

/// An explicit link in the markup (a KOOP `extref`, an HTML `href`).
public struct ExplicitLink: Sendable, Hashable, Codable {
  /// The target as written (`kst-36600-X-12`, a URL).
  public var target: String
  /// The anchor text in `Document.text` (may be empty).
  public var range: ByteRange
  public init(target: String, range: ByteRange) {
    self.target = target
    self.range = range
  }
}

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
  public init(_ statement: Statement, evidence: String) {
    self.statement = statement
    self.evidence = evidence
  }
}

/// What a reader knows about a document besides its text.
public struct DocumentMetadata: Sendable, Hashable, Codable {
  public var title: String?
  /// ISO date (`2025-10-31`).
  public var date: String?
  /// Document type as the source names it ("Aanhangsel van de Handelingen", "brief").
  public var type: String?
  public var sender: String?
  public var addressee: String?
  /// `YYYY-YYYY`.
  public var vergaderjaar: String?
  public var dossier: String?
  public var number: String?
  /// Other fields by name, for `show` and exports.
  public var extra: [String: String]

  public init(
    title: String? = nil, date: String? = nil, type: String? = nil, sender: String? = nil,
    addressee: String? = nil, vergaderjaar: String? = nil, dossier: String? = nil,
    number: String? = nil, extra: [String: String] = [:]
  ) {
    self.title = title
    self.date = date
    self.type = type
    self.sender = sender
    self.addressee = addressee
    self.vergaderjaar = vergaderjaar
    self.dossier = dossier
    self.number = number
    self.extra = extra
  }
}

/// One input file as the rest of the pipeline sees it.
public struct Document: Sendable, Hashable, Codable {
  /// The path as given on the command line or found in a folder (used in evidence and errors).
  public var path: String
  public var format: DocumentFormat
  /// The text that mention offsets refer to and that `kamergraph text` prints.
  public var text: String
  /// Canonical ids the document is known by, most authoritative first (a KOOP id before a
  /// kenmerk). Empty when the document does not say who it is.
  public var ownIds: [String]
  public var metadata: DocumentMetadata
  public var footnotes: [Footnote]
  public var links: [ExplicitLink]
  public var facts: [Fact]
  /// Remarks for the run summary ("decoded as Windows-1252").
  public var notes: [String]
  /// Pages and running headers/footers of a paged document (PDF); nil for every other format.
  public var layout: PageLayout? = nil

  public init(
    path: String, format: DocumentFormat, text: String, ownIds: [String] = [],
    metadata: DocumentMetadata = DocumentMetadata(), footnotes: [Footnote] = [],
    links: [ExplicitLink] = [], facts: [Fact] = [], notes: [String] = []
  ) {
    self.path = path
    self.format = format
    self.text = text
    self.ownIds = ownIds
    self.metadata = metadata
    self.footnotes = footnotes
    self.links = links
    self.facts = facts
    self.notes = notes
  }
}

/// The formats KamerGraph reads, sniffed from the bytes first and the extension second.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable, Comparable {
  case plainText = "text"
  /// KOOP `officiele-publicatie` XML.
  case koopXML = "koop-xml"
  /// KOOP `metadata.xml` (`metadata_gegevens` or `owms-metadata`), alone or merged into its document.
  case koopMetadata = "koop-metadata"
  /// Tweede Kamer open data: SyncFeed Atom pages and tkData entity XML.
  case tkOpenData = "tk-open-data"
  case docx
  case odt
  case html
  case pdf
  /// XML whose root element is not one we know.
  case otherXML = "xml"
  case unknown

  public static func < (lhs: DocumentFormat, rhs: DocumentFormat) -> Bool { lhs.rawValue < rhs.rawValue }
}
