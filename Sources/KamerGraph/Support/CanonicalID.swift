import Foundation

/// Builders for the canonical ids of `ids.md` that more than one stage needs (the extractor for
/// running text, the readers for metadata and open data, the resolver for lookups).
public enum CanonicalID {
  /// `kenmerk:{value}`: spaces removed, every character an XML NMTOKEN cannot hold written `_`.
  ///
  /// "IENW/BSK-2025/130201" -> `kenmerk:IENW_BSK-2025_130201`; "WJZ/ 34681182" -> `kenmerk:WJZ_34681182`.
  public static func kenmerk(_ raw: String) -> String {
    // ASCII (nearly every kenmerk): on the bytes. ASCII whitespace is tab to CR and space.
    if raw.utf8.allSatisfy({ $0 < 0x80 }) {
      let prefix: StaticString = "kenmerk:"
      return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + raw.utf8.count) { out in
        var n = 0
        for k in 0..<prefix.utf8CodeUnitCount {
          out[n] = prefix.utf8Start[k]
          n += 1
        }
        for c in raw.utf8 where !(c == 0x20 || (c >= 0x09 && c <= 0x0D)) {
          let keep = isAlpha(c) || isDigit(c) || c == 0x2E || c == 0x2D || c == 0x5F || c == 0x3A
          out[n] = keep ? c : 0x5F
          n += 1
        }
        return n
      }
    }
    var out = "kenmerk:"
    for scalar in raw.unicodeScalars {
      if scalar.properties.isWhitespace { continue }
      if isNMTokenScalar(scalar) { out.unicodeScalars.append(scalar) } else { out += "_" }
    }
    return out
  }

  /// True for scalars an XML NMTOKEN may hold (letters, digits, `.`, `-`, `_`, `:`), restricted
  /// to ASCII so ids stay safe everywhere.
  static func isNMTokenScalar(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_", ":": return true
    default: return false
    }
  }

  /// A slug: lower-case ASCII letters and digits, every run of other characters one hyphen,
  /// accents folded ("Ó" -> "o", "ë" -> "e").
  public static func slug(_ text: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in text.unicodeScalars {
      // A combining mark (a name in NFD: "s" + U+0327 for "ş") belongs to the letter before it,
      // whose accent the fold drops anyway: the slug of the NFC form.
      if isCombiningMark(scalar) { continue }
      let folded = foldAccent(scalar)
      for c in folded.unicodeScalars {
        switch c {
        case "a"..."z", "0"..."9":
          if pendingHyphen && !out.isEmpty { out += "-" }
          pendingHyphen = false
          out.unicodeScalars.append(c)
        case "A"..."Z":
          if pendingHyphen && !out.isEmpty { out += "-" }
          pendingHyphen = false
          out.unicodeScalars.append(Unicode.Scalar(c.value + 32)!)
        default:
          pendingHyphen = true
        }
      }
    }
    return out
  }

  /// Combining diacritical marks (U+0300-U+036F), the marks of decomposed (NFD) text.
  static func isCombiningMark(_ s: Unicode.Scalar) -> Bool { s.value >= 0x300 && s.value <= 0x36F }

  private static func foldAccent(_ s: Unicode.Scalar) -> String {
    if s.value < 0x80 { return String(s) }
    switch s {
    case "à", "á", "â", "ã", "ä", "å": return "a"
    case "À", "Á", "Â", "Ã", "Ä", "Å": return "A"
    case "è", "é", "ê", "ë": return "e"
    case "È", "É", "Ê", "Ë": return "E"
    case "ì", "í", "î", "ï": return "i"
    case "Ì", "Í", "Î", "Ï": return "I"
    case "ò", "ó", "ô", "õ", "ö", "ø": return "o"
    case "Ò", "Ó", "Ô", "Õ", "Ö", "Ø": return "O"
    case "ù", "ú", "û", "ü": return "u"
    case "Ù", "Ú", "Û", "Ü": return "U"
    case "ç": return "c"
    case "Ç": return "C"
    case "ñ": return "n"
    case "Ñ": return "N"
    case "ÿ", "ý": return "y"
    case "Ĳ": return "IJ"
    case "ĳ": return "ij"
    case "ß": return "ss"
    // Latin Extended-A letters in Dutch names (Yeşilgöz, Ağar, Bikker-Łukasz, ...).
    case "ā", "ă", "ą": return "a"
    case "Ā", "Ă", "Ą": return "A"
    case "ć", "ĉ", "ċ", "č": return "c"
    case "Ć", "Ĉ", "Ċ", "Č": return "C"
    case "ď", "đ": return "d"
    case "Ď", "Đ": return "D"
    case "ē", "ĕ", "ė", "ę", "ě": return "e"
    case "Ē", "Ĕ", "Ė", "Ę", "Ě": return "E"
    case "ĝ", "ğ", "ġ", "ģ": return "g"
    case "Ĝ", "Ğ", "Ġ", "Ģ": return "G"
    case "ĩ", "ī", "ĭ", "į", "ı": return "i"
    case "Ĩ", "Ī", "Ĭ", "Į", "İ": return "I"
    case "ł", "ľ", "ĺ", "ļ": return "l"
    case "Ł", "Ľ", "Ĺ", "Ļ": return "L"
    case "ń", "ň", "ņ": return "n"
    case "Ń", "Ň", "Ņ": return "N"
    case "ō", "ŏ", "ő": return "o"
    case "Ō", "Ŏ", "Ő": return "O"
    case "ŕ", "ř", "ŗ": return "r"
    case "Ŕ", "Ř", "Ŗ": return "R"
    case "ś", "ŝ", "ş", "š", "ș": return "s"
    case "Ś", "Ŝ", "Ş", "Š", "Ș": return "S"
    case "ţ", "ť", "ț": return "t"
    case "Ţ", "Ť", "Ț": return "T"
    case "ũ", "ū", "ŭ", "ů", "ű", "ų": return "u"
    case "Ũ", "Ū", "Ŭ", "Ů", "Ű", "Ų": return "U"
    case "ź", "ż", "ž": return "z"
    case "Ź", "Ż", "Ž": return "Z"
    case "œ": return "oe"
    case "Œ": return "OE"
    case "æ": return "ae"
    case "Æ": return "AE"
    default: return " "
    }
  }

  /// Normalises a vergaderjaar in any notation ("2024-2025", "2024–2025", "2024/25", "08/09",
  /// "2021/2022", "20242025") to `YYYY-YYYY`, or nil when it is not one.
  public static func vergaderjaar(_ raw: String) -> String? {
    // The digits (ASCII: no other scalar is "0"..."9"), at most nine of them counted.
    var digits: [Int] = []
    digits.reserveCapacity(9)
    for c in raw.utf8 where c &- 0x30 < 10 {
      digits.append(Int(c &- 0x30))
      if digits.count > 8 { return nil }
    }
    func number(_ d: ArraySlice<Int>) -> Int { d.reduce(0) { $0 * 10 + $1 } }
    let first: Int
    let second: Int
    switch digits.count {
    case 8:
      first = number(digits[0..<4])
      second = number(digits[4..<8])
    case 6:
      first = number(digits[0..<4])
      second = (first / 100) * 100 + number(digits[4..<6]) + ((number(digits[4..<6]) < first % 100) ? 100 : 0)
    case 4:
      let a = number(digits[0..<2])
      let b = number(digits[2..<4])
      first = (a >= 50 ? 1900 : 2000) + a
      second = (b >= 50 ? 1900 : 2000) + b
    default:
      return nil
    }
    guard second == first + 1, first >= 1800, first <= 2100 else { return nil }
    // Two four-digit years: a small String, built without interpolation.
    return String(unsafeUninitializedCapacity: 9) { out in
      var a = first
      var b = second
      for k in stride(from: 3, through: 0, by: -1) {
        out[k] = UInt8(0x30 + a % 10)
        out[5 + k] = UInt8(0x30 + b % 10)
        a /= 10
        b /= 10
      }
      out[4] = 0x2D
      return 9
    }
  }
}

/// Persons: ids from names (`persoon:{slug of surname with tussenvoegsel}`).
public enum PersonName {
  /// Dutch tussenvoegsels that start a surname ("van", "de", "van der", ...).
  public static let tussenvoegsels: Set<String> = [
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "von", "la", "le", "du",
    "op", "d'", "van't", "vd", "des", "del", "da", "dos",
  ]

  /// The id for a name given as a surname only ("Van Houwelingen", "Six Dijkstra", "Tuinman"),
  /// as in "het lid Van Houwelingen" or "Minister Van Oosten".
  public static func id(surname: String) -> String { "persoon:" + CanonicalID.slug(surname) }

  /// The id for a full name: initials and first names dropped ("Gijs Tuinman" -> `persoon:tuinman`,
  /// "P. van Houwelingen" -> `persoon:van-houwelingen`).
  public static func id(fullName: String) -> String { id(surname: surname(ofFullName: fullName)) }

  /// The surname with its tussenvoegsel from a full name: initials dropped ("F.M. Weerwind",
  /// "H.G.J. Bruins Slot" -> "Bruins Slot", "M.H.M. Faber-van de Klashorst"); without initials
  /// the first name is dropped ("Gijs Tuinman", "Hanke Bruins Slot"), and so are the first names
  /// before a tussenvoegsel ("Inge van Dijk" -> "van Dijk"). A tussenvoegsel after a hyphen or a
  /// dash stays in a double name ("Faber - Van de Klashorst", "Gräper-van Koolwijk").
  public static func surname(ofFullName name: String) -> String {
    let words = normalized(name).split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
    guard !words.isEmpty else { return name }
    var start = 0
    while start < words.count - 1, words[start].hasSuffix("."), words[start].count <= 8 { start += 1 }
    let initials = start > 0
    func isDash(_ w: String) -> Bool { w == "-" || w == "\u{2013}" || w == "\u{2014}" }
    func isTussenvoegsel(_ w: String) -> Bool {
      let l = w.lowercased()
      if tussenvoegsels.contains(l) { return true }
      // "Gräper-van", "Faber-van": a double name whose second part starts with a tussenvoegsel.
      if let dash = l.lastIndex(of: "-") { return tussenvoegsels.contains(String(l[l.index(after: dash)...])) }
      return false
    }
    if var t = words[start...].firstIndex(where: isTussenvoegsel), t < words.count - 1 {
      // Back over a dash and the name before it ("Faber - Van de Klashorst").
      while t - 2 >= start, isDash(words[t - 1]) { t -= 2 }
      if t > start, words[t - 1].hasSuffix("-") { t -= 1 }
      if initials || t > start || words[t].contains("-") { return words[t...].joined(separator: " ") }
    }
    if initials { return words[start...].joined(separator: " ") }
    if words.count - start >= 2 && !words[start...].contains(where: isDash) {
      return words[(start + 1)...].joined(separator: " ")
    }
    return words[start...].joined(separator: " ")
  }

  /// The surname of a name written after a function or "het lid" ("Van der Lee", "Bruins
  /// Slot", "P. van Houwelingen", "Inge van Dijk", "vanDijk"): initials dropped, first names
  /// before a lower-case tussenvoegsel dropped, and a tussenvoegsel glued to the surname by a
  /// lost space ("Inge vanDijk", "VanMeenen" in text from PDF) parted from it.
  public static func surname(ofWrittenName name: String) -> String {
    var words = normalized(name).split(separator: " ").map(String.init)
    while words.count > 1, words[0].hasSuffix("."), words[0].count <= 6 { words.removeFirst() }
    words = words.flatMap(splitGlued)
    // "Inge van Dijk": capitalised first names, then a lower-case tussenvoegsel.
    if let t = words.firstIndex(where: { tussenvoegsels.contains($0) }), t > 0, t < words.count - 1,
      words[..<t].allSatisfy({ w in
        w.first.map { $0.isUppercase } == true && !w.hasSuffix("-") && !tussenvoegsels.contains(w.lowercased())
      })
    {
      words.removeFirst(t)
    }
    return words.joined(separator: " ")
  }

  /// Tussenvoegsels that PDF text glues to the surname ("vanDijk", "VanMeenen", "derLinden").
  static let gluedPrefixes: [String] = ["vander", "Vander", "vanden", "Vanden", "van", "Van", "der", "den", "de", "ter", "ten"]

  /// "vanDijk" -> ["van", "Dijk"]; other words unchanged.
  static func splitGlued(_ w: String) -> [String] {
    for p in gluedPrefixes where w.hasPrefix(p) {
      let rest = w.dropFirst(p.count)
      if rest.count >= 2, let f = rest.first, f.isUppercase, rest.dropFirst().first?.isLowercase == true {
        return [p, String(rest)]
      }
    }
    return [w]
  }

  /// A name in NFC: a name typed or converted in decomposed form ("Yes\u{0327}ilgo\u{0308}z")
  /// is composed ("Yeşilgöz"), so label and id are those of the composed name.
  public static func normalized(_ name: String) -> String {
    guard name.unicodeScalars.contains(where: CanonicalID.isCombiningMark) else { return name }
    return name.precomposedStringWithCanonicalMapping
  }
}

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
  public static let withoutPortfolio: [(name: String, abbreviation: String)] = [
    ("Volkshuisvesting en Ruimtelijke Ordening", "BZK")
  ]

  /// Abbreviations as they stand in text ("JenV", "IenW", "OCW") -> the id abbreviation.
  public static let abbreviations: [String: String] = [
    "AZ": "AZ", "BZ": "BZ", "BUZA": "BZ", "BZK": "BZK", "DEF": "DEF", "EZ": "EZ", "EZK": "EZK",
    "FIN": "FIN", "IENW": "IENW", "JENV": "JENV", "KGG": "KGG", "LVVN": "LVVN",
    "LNV": "LNV", "OCW": "OCW", "SZW": "SZW", "VWS": "VWS", "VRO": "VRO", "MINDEF": "DEF",
    // Earlier ministries (the letters of "IenM", "I&M", "VenJ", "V&J", "EL&I", "OCenW").
    "VROM": "VROM", "IENM": "IENM", "IM": "IENM", "VENJ": "VENJ", "VJ": "VENJ", "VENW": "VENW",
    "ELI": "ELI", "ELENI": "ELI", "OCENW": "OCW",
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

/// Parliamentary parties: `fractie:{ABBR}` from the forms they appear in.
public enum Party {
  /// Written form (compared case-insensitively, spaces and dots ignored) -> id abbreviation.
  public static let aliases: [String: String] = {
    let table: [(String, [String])] = [
      ("FVD", ["FVD", "FvD", "Forum voor Democratie"]),
      ("GL-PVDA", ["GL-PvdA", "GroenLinks-PvdA", "GL/PvdA", "GroenLinks/PvdA", "GLPvdA"]),
      ("GL", ["GL", "GroenLinks"]),
      ("PVDA", ["PvdA", "Partij van de Arbeid"]),
      ("PVV", ["PVV", "Partij voor de Vrijheid"]),
      ("VVD", ["VVD", "Volkspartij voor Vrijheid en Democratie"]),
      ("NSC", ["NSC", "Nieuw Sociaal Contract"]),
      ("D66", ["D66", "Democraten 66"]),
      ("BBB", ["BBB", "BoerBurgerBeweging"]),
      ("CDA", ["CDA", "Christen-Democratisch Appèl", "Christen Democratisch Appel"]),
      ("SP", ["SP", "Socialistische Partij"]),
      ("DENK", ["DENK"]),
      ("PVDD", ["PvdD", "Partij voor de Dieren"]),
      ("CU", ["CU", "ChristenUnie"]),
      ("SGP", ["SGP", "Staatkundig Gereformeerde Partij"]),
      ("VOLT", ["Volt"]),
      ("JA21", ["JA21"]),
      ("50PLUS", ["50PLUS", "50Plus"]),
      ("BIJ1", ["BIJ1"]),
      ("LPF", ["LPF", "Lijst Pim Fortuyn"]),
      ("BVNL", ["BVNL", "Belang van Nederland"]),
    ]
    var map: [String: String] = [:]
    for (abbr, forms) in table { for form in forms { map[key(form)] = abbr } }
    return map
  }()

  static func key(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "." && $0 != "\u{00A0}" }.map(Character.init))
  }

  /// The id for a party as written ("FvD", "GroenLinks-PvdA"), or nil when it is not a known party.
  public static func id(for text: String) -> String? {
    aliases[key(text)].map { "fractie:" + $0 }
  }

  /// `id(for:)` of UTF-8 bytes, without building the String for ASCII text (the key is folded on
  /// the bytes; other text goes the String way).
  static func id(bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.contains(where: { $0 >= 0x80 }) { return id(for: String(decoding: bytes, as: UTF8.self)) }
    // Short keys are small Strings: no allocation.
    let key = String(unsafeUninitializedCapacity: bytes.count) { out in
      var n = 0
      for c in bytes where c != 0x20 && c != 0x2E {
        out[n] = c &- 65 < 26 ? c | 0x20 : c
        n += 1
      }
      return n
    }
    return ids[key]
  }

  /// `fractie:` ids by alias key, built once.
  static let ids: [String: String] = aliases.mapValues { "fractie:" + $0 }
}
