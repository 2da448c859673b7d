import Foundation

/// Ministries: `ministerie:{ABBR}` from names, including renamed ministries.
package enum Ministry {
  /// Name (after "Ministerie van", "minister van", ...) -> abbreviation. Matching is
  /// case-insensitive. Longer names must be tried before shorter ones that prefix them.
  package static let names: [(name: String, abbreviation: String)] = [
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
    ("Justitie en Veiligheid", "JENV"),
    ("Asiel en Migratie", "JENV"),
    ("Klimaat en Groene Groei", "KGG"),
    ("Landbouw, Visserij, Voedselzekerheid en Natuur", "LVVN"),
    ("Landbouw, Natuur en Voedselkwaliteit", "LNV"),
    ("Onderwijs, Cultuur en Wetenschap", "OCW"),
    ("Sociale Zaken en Werkgelegenheid", "SZW"),
    ("Volksgezondheid, Welzijn en Sport", "VWS"),
    ("Volkshuisvesting en Ruimtelijke Ordening", "VRO"),
    // Earlier ministries under their own abbreviation (the ministry of that date, `ids.md`):
    // a text of 2015 that names the Minister van Infrastructuur en Milieu means IenM, not IenW.
    ("Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "VROM"),
    ("Infrastructuur en Milieu", "IENM"),
    ("Veiligheid en Justitie", "VENJ"),
    ("Verkeer en Waterstaat", "VENW"),
    ("Economische Zaken, Landbouw en Innovatie", "ELI"),
    ("Landbouw, Natuurbeheer en Visserij", "LNV"),
    ("Onderwijs, Cultuur en Wetenschappen", "OCW"),
    ("Welzijn, Volksgezondheid en Cultuur", "WVC"),
    ("Volksgezondheid en Milieuhygiëne", "VOMIL"),
    // Ministers without portfolio, under the ministry that holds them (the name is the title:
    // "Minister voor Langdurige Zorg en Sport" is a VWS minister).
    ("Justitie", "JENV"),
    ("Rechtsbescherming", "JENV"),
    ("Vreemdelingenzaken en Integratie", "JENV"),
    ("Klimaat en Energie", "EZK"),
    ("Buitenlandse Handel", "BZ"),
    ("Ontwikkelingssamenwerking", "BZ"),
    ("Europese Zaken", "BZ"),
    ("Wonen en Rijksdienst", "BZK"),
    ("Wonen, Wijken en Integratie", "VROM"),
    ("Bestuurlijke Vernieuwing en Koninkrijksrelaties", "BZK"),
    ("Jeugd en Gezin", "VWS"),
    ("Langdurige Zorg en Sport", "VWS"),
    ("Basis- en Voortgezet Onderwijs en Media", "OCW"),
    ("Funderend Onderwijs en Emancipatie", "OCW"),
    ("Armoedebeleid, Participatie en Pensioenen", "SZW"),
    ("Participatie en Integratie", "SZW"),
    ("Primair en Voortgezet Onderwijs", "OCW"),
    ("Langdurige Zorg, Jeugd en Sport", "VWS"),
    ("Jeugd, Preventie en Sport", "VWS"),
    ("Medische Zorg", "VWS"),
    ("Medische Zorg en Sport", "VWS"),
    ("Natuur en Stikstof", "LNV"),
    ("Toeslagen en Douane", "FIN"),
    ("Fiscaliteit, Belastingdienst en Douane", "FIN"),
    ("Herstel Toeslagen", "FIN"),
    ("Digitalisering en Koninkrijksrelaties", "BZK"),
    ("Koninkrijksrelaties en Digitalisering", "BZK"),
  ]

  /// Names whose minister is one without portfolio when written "Minister voor X" (a minister
  /// in another ministry) but heads a ministry of that name when written "Minister van X":
  /// "Minister voor Volkshuisvesting en Ruimtelijke Ordening" (2022-2024) was a BZK minister.
  package static let withoutPortfolio: [(name: String, abbreviation: String)] = [
    ("Volkshuisvesting en Ruimtelijke Ordening", "BZK")
  ]

  /// Ministries renamed into one successor, with the day from which only the successor exists. A
  /// document of that day or later that uses the old name means the successor: "samen met de
  /// Minister van Veiligheid en Justitie" in an answer of 2024 is the Minister van Justitie en
  /// Veiligheid. Ministries that were split (VROM, EZK) have no single successor and stay.
  package static let renamed: [String: (since: String, successor: String)] = [
    "ministerie:VENW": ("2010-10-14", "ministerie:IENM"),
    "ministerie:IENM": ("2017-10-26", "ministerie:IENW"),
    "ministerie:VENJ": ("2017-10-26", "ministerie:JENV"),
    "ministerie:LNV": ("2024-07-02", "ministerie:LVVN"),
  ]

  /// `id` as a document dated `iso` (yyyy-mm-dd) means it: the successor of a ministry renamed
  /// before that date, else `id` itself.
  package static func id(_ id: String, atDate iso: String?) -> String {
    guard let iso else { return id }
    var current = id
    while let r = renamed[current], iso >= r.since { current = r.successor }
    return current
  }

  /// Abbreviations as they stand in text ("JenV", "IenW", "OCW") -> the id abbreviation.
  package static let abbreviations: [String: String] = [
    "AZ": "AZ", "BZ": "BZ", "BUZA": "BZ", "BZK": "BZK", "DEF": "DEF", "EZ": "EZ", "EZK": "EZK",
    "FIN": "FIN", "IENW": "IENW", "JENV": "JENV", "KGG": "KGG", "LVVN": "LVVN",
    "LNV": "LNV", "OCW": "OCW", "SZW": "SZW", "VWS": "VWS", "VRO": "VRO", "MINDEF": "DEF",
    // Earlier ministries (the letters of "IenM", "I&M", "VenJ", "V&J", "EL&I", "OCenW").
    "VROM": "VROM", "IENM": "IENM", "IM": "IENM", "VENJ": "VENJ", "VJ": "VENJ", "VENW": "VENW",
    "ELI": "ELI", "ELENI": "ELI", "OCENW": "OCW",
  ]

  /// The id for a ministry named in words ("Justitie en Veiligheid", "minister van Defensie"),
  /// or nil. The name may carry a prefix such as "Ministerie van" or "de minister van".
  package static func id(forName text: String) -> String? {
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
  package static func label(forAbbreviation abbr: String) -> String {
    if let name = names.first(where: { $0.abbreviation == abbr })?.name { return "Ministerie van " + name }
    return "Ministerie " + abbr
  }
}
