/// Ministries: `ministerie:{ABBR}` from names, including renamed ministries.
public enum Ministry {
  /// Name (after "Ministerie van", "minister van", ...) -> abbreviation. Matching is
  /// case-insensitive. Longer names must be tried before shorter ones that prefix them.
  public static let names: [(name: String, abbreviation: String)] = [
    ("Algemene Zaken", "AZ"),
    ("Buitenlandse Zaken", "BZ"),
    ("Buitenlandse Handel en Ontwikkelingssamenwerking", "BZ"),
    ("Buitenlandse Handel en Ontwikkelingshulp", "BZ"),
    ("Binnenlandse Zaken en Koninkrijksrelaties", "BZK"),
    ("Binnenlandse Zaken", "BZK"),
    ("Defensie", "DEF"),
    ("Economische Zaken en Klimaat", "EZK"),
    ("Economische Zaken", "EZ"),
    ("Financiën", "FIN"),
    ("Financien", "FIN"),
    ("Infrastructuur en Waterstaat", "IENW"),
    ("Infrastructuur en Milieu", "IENW"),
    ("Justitie en Veiligheid", "JENV"),
    ("Veiligheid en Justitie", "JENV"),
    ("Asiel en Migratie", "JENV"),
    ("Klimaat en Groene Groei", "KGG"),
    ("Landbouw, Visserij, Voedselzekerheid en Natuur", "LVVN"),
    ("Landbouw, Natuur en Voedselkwaliteit", "LNV"),
    ("Onderwijs, Cultuur en Wetenschap", "OCW"),
    ("Sociale Zaken en Werkgelegenheid", "SZW"),
    ("Volksgezondheid, Welzijn en Sport", "VWS"),
    ("Volkshuisvesting en Ruimtelijke Ordening", "VRO"),
    // Ministers without portfolio and earlier names, under the ministry that holds them.
    ("Justitie", "JENV"),
    ("Rechtsbescherming", "JENV"),
    ("Verkeer en Waterstaat", "IENW"),
    ("Klimaat en Energie", "EZK"),
    ("Onderwijs, Cultuur en Wetenschappen", "OCW"),
    ("Primair en Voortgezet Onderwijs", "OCW"),
    ("Langdurige Zorg, Jeugd en Sport", "VWS"),
    ("Jeugd, Preventie en Sport", "VWS"),
    ("Medische Zorg", "VWS"),
    ("Medische Zorg en Sport", "VWS"),
    ("Armoedebeleid, Participatie en Pensioenen", "SZW"),
    ("Natuur en Stikstof", "LNV"),
    ("Toeslagen en Douane", "FIN"),
    ("Fiscaliteit, Belastingdienst en Douane", "FIN"),
    ("Herstel Toeslagen", "FIN"),
    ("Digitalisering en Koninkrijksrelaties", "BZK"),
    ("Koninkrijksrelaties en Digitalisering", "BZK"),
  ]

  /// Abbreviations as they stand in text ("JenV", "IenW", "OCW") -> the id abbreviation.
  public static let abbreviations: [String: String] = [
    "AZ": "AZ", "BZ": "BZ", "BUZA": "BZ", "BZK": "BZK", "DEF": "DEF", "EZ": "EZ", "EZK": "EZK",
    "FIN": "FIN", "IENW": "IENW", "JENV": "JENV", "KGG": "KGG", "LVVN": "LVVN",
    "LNV": "LNV", "OCW": "OCW", "SZW": "SZW", "VWS": "VWS", "VRO": "VRO", "MINDEF": "DEF",
  ]

  /// The id for a ministry named in words ("Justitie en Veiligheid", "minister van Defensie"),
  /// or nil. The name may carry a prefix such as "Ministerie van" or "de minister van".
  public static func id(forName text: String) -> String? {
    let lower = text.lowercased()
    var best: (Int, String)?
    for (name, abbr) in names {
      let n = name.lowercased()
      if lower.hasSuffix(n) || lower == n {
        if best == nil || n.count > best!.0 { best = (n.count, abbr) }
      }
    }
    if let best { return "ministerie:" + best.1 }
    let key = text.uppercased().filter { $0.isLetter }
    if let abbr = abbreviations[key] { return "ministerie:" + abbr }
    return nil
  }

  /// The display name for an id abbreviation ("DEF" -> "Ministerie van Defensie").
  public static func label(forAbbreviation abbr: String) -> String {
    if let name = names.first(where: { $0.abbreviation == abbr })?.name { return "Ministerie van " + name }
    return "Ministerie " + abbr
  }
}
