/// KOOP identifier helpers.
enum KOOPIds {
  /// "https://zoek.officielebekendmakingen.nl/stb-2018-84/metadata.xml" -> "stb-2018-84".
  static func idFromURL(_ url: String) -> String? {
    var parts = url.split(separator: "/").map(String.init)
    if parts.last == "metadata.xml" { parts.removeLast() }
    guard var last = parts.last else { return nil }
    for ext in [".xml", ".html", ".pdf", ".odt"] where last.hasSuffix(ext) { last.removeLast(ext.count) }
    guard last.contains("-"), last.unicodeScalars.allSatisfy({ CanonicalID.isNMTokenScalar($0) }) else { return nil }
    return last
  }

  /// A dossier number without spaces or dots, the toevoeging upper-case after a hyphen:
  /// "36 600 X" -> "36600-X"; ("36 180", nil) -> "36180".
  static func dossier(_ raw: String, toevoeging: String?) -> String {
    var digits = ""
    var rest = ""
    for c in raw.trimmingSpaces {
      if rest.isEmpty, c.isNumber { digits.append(c) } else if c == " " || c == "." { continue } else { rest.append(c) }
    }
    rest = rest.trimmingCharacters("-")
    if let t = toevoeging?.trimmingSpaces, !t.isEmpty { rest = t }
    return rest.isEmpty ? digits : digits + "-" + rest.uppercased()
  }
}
