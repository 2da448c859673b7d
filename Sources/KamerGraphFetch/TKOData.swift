import KamerGraph
/// The Tweede Kamer Gegevensmagazijn OData v5 vocabulary, in one place: entity sets, attribute
/// and navigation names, and the few query shapes the fetcher uses. v5 replaced v4 on 12 June
/// 2026 with renamed attributes and a new URL (OpenDataPortaal issue #175); v5 names are those
/// of issue #192 (`Nummer`, `Verwijderd`, `DocumentVersie/Document/Nummer`) and of the entity
/// documentation (`ExterneIdentifier`, `KenmerkAfzender`, `Soort`). When a name changes again,
/// change it here only.
public enum TKOData {
  /// Entity sets.
  public enum Entity {
    public static let zaak = "Zaak"
    public static let document = "Document"
    public static let documentVersie = "DocumentVersie"
  }

  /// Attribute and navigation-property names.
  public enum Field {
    public static let id = "Id"
    public static let nummer = "Nummer"
    public static let soort = "Soort"
    public static let verwijderd = "Verwijderd"
    public static let kenmerkAfzender = "KenmerkAfzender"
    public static let externeIdentifier = "ExterneIdentifier"
    public static let extensie = "Extensie"
    public static let contentType = "ContentType"
    /// Navigation from Zaak to its documents, and from Document to its versions.
    public static let documents = "Document"
    public static let versions = "DocumentVersie"
    /// Navigation from Document to its zaken, and from Zaak to its actors.
    public static let zaken = "Zaak"
    public static let zaakActors = "ZaakActor"
    /// Document and Zaak attributes copied into the sidecar of a Tweede Kamer file.
    public static let titel = "Titel"
    public static let onderwerp = "Onderwerp"
    public static let datum = "Datum"
    public static let datumOntvangst = "DatumOntvangst"
    public static let vergaderjaar = "Vergaderjaar"
    public static let gestartOp = "GestartOp"
    /// ZaakActor attributes.
    public static let actorNaam = "ActorNaam"
    public static let actorFractie = "ActorFractie"
    public static let functie = "Functie"
    public static let relatie = "Relatie"
    /// OData's JSON envelope.
    public static let value = "value"
  }

  /// The file of a document: `Document({Id})/resource`.
  public static let resourceSegment = "resource"

  /// An OData string literal: single quotes doubled.
  static func literal(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// The query path (relative to the OData root) for a zaak with its documents and their versions.
  static func zaakQuery(nummer: String) -> String {
    "\(Entity.zaak)?$filter=\(Field.nummer) eq \(literal(nummer)) and \(Field.verwijderd) eq false"
      + "&$expand=\(Field.documents)($expand=\(Field.versions)),\(Field.zaakActors)"
  }

  /// The query path for documents with this document number.
  static func documentQuery(nummer: String) -> String {
    "\(Entity.document)?$filter=\(Field.nummer) eq \(literal(nummer)) and \(Field.verwijderd) eq false&$expand=\(documentExpansion)"
  }

  /// A document's versions, and its zaken with their actors.
  static let documentExpansion = "\(Field.versions),\(Field.zaken)($expand=\(Field.zaakActors))"

  /// The query path for documents whose sender's reference (kenmerk) is `kenmerk`.
  static func kenmerkQuery(_ kenmerk: String) -> String {
    "\(Entity.document)?$filter=\(Field.kenmerkAfzender) eq \(literal(kenmerk)) and \(Field.verwijderd) eq false&$expand=\(documentExpansion)"
  }
}
