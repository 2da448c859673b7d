import Foundation

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
      // From the tussenvoegsel on it is the surname, also when the name starts with it ("Van
      // Oosten", "De Jonge" under a signature: no first name stands before it).
      return words[t...].joined(separator: " ")
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
