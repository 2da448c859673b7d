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
