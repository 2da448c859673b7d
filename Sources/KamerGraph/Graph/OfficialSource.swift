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
    default:
      if let colon = id.firstIndex(of: ":"), !id.hasPrefix("ECLI:"), !id.hasPrefix("CELEX:") {
        return String(id[id.index(after: colon)...])
      }
      return id
    }
  }

  /// The vergaderjaar (`YYYY-YYYY`) an id carries (`ah-tk-20242025-2790` -> `2024-2025`).
  static func vergaderjaar(for id: String) -> String? {
    let parts = id.split(separator: "-")
    guard parts.count >= 3, ["ah", "h"].contains(parts[0]), parts[2].count == 8 else { return nil }
    return CanonicalID.vergaderjaar(String(parts[2]))
  }
}
