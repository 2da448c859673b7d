/// Labels in standard citation form and URLs to the official sources, built from canonical ids
/// alone, for nodes the corpus does not hold.
enum OfficialSource {
  /// The URL where a user can read the document or entity, or nil when none can be built.
  static func url(for id: String) -> String? {
    guard let kind = ReferenceKind.of(id: id) else { return nil }
    switch kind {
    case .kamerstuk, .aanhangsel, .kamervragen, .handelingen, .staatsblad, .staatscourant, .tractatenblad, .koop:
      return "https://zoek.officielebekendmakingen.nl/\(id).html"
    case .dossier:
      return "https://zoek.officielebekendmakingen.nl/dossier/\(id.dropFirst("dossier-".count))"
    case .ecli:
      return "https://uitspraken.rechtspraak.nl/details?id=\(id)"
    case .bwb:
      if id.hasPrefix("CELEX:") {
        return "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=\(id)"
      }
      if id.hasPrefix("law:") { return nil }  // a law known only by its title
      return "https://wetten.overheid.nl/\(id)"
    case .zaak:
      return "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=\(id)"
    case .tkdocument:
      return "https://www.tweedekamer.nl/kamerstukken/detail?id=\(id)&did=\(id)"
    case .url:
      return id
    case .kenmerk, .ministerie, .persoon, .fractie, .organisatie, .programma, .date:
      return nil
    }
  }

  /// A readable label in standard citation form ("Aanhangsel Handelingen II 2024/25, nr. 2790").
  static func label(for id: String) -> String {
    let parts = id.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    func vj(_ s: String) -> String {
      guard s.count == 8 else { return s }
      return "\(s.prefix(4))/\(s.suffix(2))"
    }
    func chamber(_ s: String) -> String { s == "ek" ? "I" : "II" }
    switch ReferenceKind.of(id: id) {
    case .aanhangsel? where parts.count >= 4:
      return "Aanhangsel Handelingen \(chamber(parts[1])) \(vj(parts[2])), nr. \(parts[3...].joined(separator: "-"))"
    case .handelingen? where parts.count >= 4:
      let item = parts.count >= 5 ? ", item \(parts[4...].joined(separator: "-"))" : ""
      return "Handelingen \(chamber(parts[1])) \(vj(parts[2])), nr. \(parts[3])\(item)"
    case .kamerstuk? where parts.count >= 3:
      let dossier = parts[1..<(parts.count - 1)].joined(separator: "-")
      return "Kamerstuk \(dossier), nr. \(parts.last!)"
    case .dossier?:
      return "Kamerstukdossier \(id.dropFirst("dossier-".count))"
    case .kamervragen?:
      return "Kamervragen \(id.dropFirst("kv-tk-".count))"
    case .staatsblad? where parts.count >= 3:
      return "Stb. \(parts[1]), \(parts[2...].joined(separator: "-"))"
    case .staatscourant? where parts.count >= 3:
      return "Stcrt. \(parts[1]), \(parts[2...].joined(separator: "-"))"
    case .tractatenblad? where parts.count >= 3:
      return "Trb. \(parts[1]), \(parts[2...].joined(separator: "-"))"
    case .kenmerk?:
      return "kenmerk " + id.dropFirst("kenmerk:".count)
    case .ministerie?:
      return Ministry.label(forAbbreviation: String(id.dropFirst("ministerie:".count)))
    case .fractie?:
      return String(id.dropFirst("fractie:".count))
    case .bwb? where id.hasPrefix("CELEX:"):
      return euCitation(celex: id) ?? id
    default:
      if let colon = id.firstIndex(of: ":"), !id.hasPrefix("ECLI:"), !id.hasPrefix("CELEX:") {
        return String(id[id.index(after: colon)...])
      }
      return id
    }
  }

  /// How an EU regulation or directive is cited in Dutch, from its CELEX id: `CELEX:32016R0679` ->
  /// "Verordening (EU) 2016/679", `CELEX:32006R1907` -> "Verordening (EG) nr. 1907/2006",
  /// `CELEX:31995L0046` -> "Richtlijn 95/46/EG", `CELEX:32014L0024` -> "Richtlijn 2014/24/EU".
  /// The series in parentheses follows the Union's name when the act was made (EEG before 1993, EG
  /// until 2009, EU since; numbering year first for regulations since 2015). Nil for any other
  /// CELEX id (decisions, case law, ...): its id is then its label.
  public static func euCitation(celex id: String) -> String? {
    let body = Array(id.dropFirst("CELEX:".count).utf8)
    guard id.hasPrefix("CELEX:"), body.count >= 7, body.count <= 10, body[0] == UInt8(ascii: "3"),
      body[1...4].allSatisfy({ $0 >= 48 && $0 <= 57 }), body[6...].allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let year = Int(String(decoding: body[1...4], as: UTF8.self)),
      let number = Int(String(decoding: body[6...], as: UTF8.self)), number > 0
    else { return nil }
    let series = year < 1993 ? "EEG" : year < 2010 ? "EG" : "EU"
    switch body[5] {
    case UInt8(ascii: "R"):
      return year >= 2015 ? "Verordening (EU) \(year)/\(number)" : "Verordening (\(series)) nr. \(number)/\(year)"
    case UInt8(ascii: "L"):
      if year >= 2015 { return "Richtlijn (EU) \(year)/\(number)" }
      let shown = year < 1999 ? String(String(year).suffix(2)) : String(year)
      return "Richtlijn \(shown)/\(number)/\(series)"
    default:
      return nil
    }
  }

  /// The vergaderjaar (`YYYY-YYYY`) an id carries (`ah-tk-20242025-2790` -> `2024-2025`).
  static func vergaderjaar(for id: String) -> String? {
    let parts = id.split(separator: "-")
    guard parts.count >= 3, ["ah", "h"].contains(parts[0]), parts[2].count == 8 else { return nil }
    return CanonicalID.vergaderjaar(String(parts[2]))
  }
}
