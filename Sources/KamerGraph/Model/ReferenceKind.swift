/// The kinds of reference the extractor recognises. The raw value is the `kind` string of the
/// JSON Lines output and of graph nodes (see `ids.md` for the id each kind yields).
public enum ReferenceKind: String, CaseIterable, Sendable, Codable, Comparable {
  // Documents
  case kamerstuk
  case dossier
  case aanhangsel
  case kamervragen
  case handelingen
  case staatsblad
  case staatscourant
  case tractatenblad
  /// Any other explicit KOOP publication id (`blg-`, `gmb-`, `nds-`, ...).
  case koop
  case ecli
  /// A law in wetten.overheid.nl (`BWBR...`), an EU act (`CELEX:...`), or a law known only by
  /// its title (`law:<slug>`, "Besluit emissie-eisen stookinstallaties").
  case bwb
  case zaak
  case tkdocument
  case kenmerk
  /// A URL to an official source whose id could not be derived.
  case url
  // Actors and other entities
  case ministerie
  case persoon
  case fractie
  case organisatie
  case programma
  /// A Dutch date ("11 juli 2025"); its ISO form is in `fields["iso"]`.
  case date

  /// True for kinds that name a document (and so become document nodes).
  public var isDocument: Bool {
    switch self {
    case .kamerstuk, .dossier, .aanhangsel, .kamervragen, .handelingen, .staatsblad, .staatscourant,
      .tractatenblad, .koop, .ecli, .bwb, .zaak, .tkdocument, .kenmerk, .url:
      return true
    case .ministerie, .persoon, .fractie, .organisatie, .programma, .date:
      return false
    }
  }

  public static func < (lhs: ReferenceKind, rhs: ReferenceKind) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The kind of a canonical id, read from its shape (the rules of `ids.md`).
  public static func of(id: String) -> ReferenceKind? {
    func has(_ prefix: String) -> Bool { id.hasPrefix(prefix) }
    if has("kst-") { return .kamerstuk }
    if has("dossier-") { return .dossier }
    if has("ah-tk-") || has("ah-ek-") { return .aanhangsel }
    if has("kv-tk-") { return .kamervragen }
    if has("h-tk-") || has("h-ek-") || has("h-vv-") { return .handelingen }
    if has("stb-") { return .staatsblad }
    if has("stcrt-") { return .staatscourant }
    if has("trb-") { return .tractatenblad }
    if has("ECLI:") { return .ecli }
    if has("BWBR") || has("BWBV") || has("CELEX:") || has("law:") { return .bwb }
    if has("kenmerk:") { return .kenmerk }
    if has("ministerie:") { return .ministerie }
    if has("persoon:") { return .persoon }
    if has("fractie:") { return .fractie }
    if has("organisatie:") { return .organisatie }
    if has("programma:") { return .programma }
    if let number = tweedeKamerNumber(id) { return number }
    if has("http://") || has("https://") { return .url }
    if let dash = id.firstIndex(of: "-"), id[..<dash].allSatisfy({ $0.isLetter && $0.isLowercase }) {
      return .koop
    }
    return nil
  }

  /// `.zaak` for a bare zaak number ("2025Z14549"), `.tkdocument` for a document number
  /// ("2025D31738"), else nil: four digits, Z or D, five digits, decided on the bytes without
  /// building anything (the resolver asks this for every id of every mention).
  public static func tweedeKamerNumber(_ id: String) -> ReferenceKind? {
    let u = id.utf8
    guard u.count == 10 else { return nil }
    var kind: ReferenceKind?
    for (k, b) in u.enumerated() {
      if k == 4 {
        if b == UInt8(ascii: "Z") { kind = .zaak } else if b == UInt8(ascii: "D") { kind = .tkdocument } else { return nil }
      } else if b < 48 || b > 57 {
        return nil
      }
    }
    return kind
  }
}
