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
  /// Word 97-2003 binary (`.doc`, an OLE compound file with a `WordDocument` stream).
  case doc
  case odt
  case html
  case pdf
  /// Rechtspraak open data (`open-rechtspraak`: RDF metadata with an uitspraak or conclusie).
  case rechtspraak = "rechtspraak-xml"
  /// XML whose root element is not one we know.
  case otherXML = "xml"
  case unknown

  public static func < (lhs: DocumentFormat, rhs: DocumentFormat) -> Bool { lhs.rawValue < rhs.rawValue }
}
