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

  /// The surname with its tussenvoegsel from a full name.
  public static func surname(ofFullName name: String) -> String {
    let words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
    // Skip initials ("P.", "J.A.") and, when a tussenvoegsel follows, the first names before it.
    var start = 0
    while start < words.count - 1, words[start].hasSuffix(".") { start += 1 }
    if let t = words[start...].firstIndex(where: { tussenvoegsels.contains($0.lowercased()) }), t < words.count - 1 {
      return words[t...].joined(separator: " ")
    }
    return words.last ?? name
  }
}
