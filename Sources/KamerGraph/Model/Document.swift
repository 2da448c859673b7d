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
  package var layout: PageLayout? = nil

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
