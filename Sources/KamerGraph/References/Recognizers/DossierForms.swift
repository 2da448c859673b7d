/// Dossiers and lists of Kamerstukken in the forms of real texts beyond "dossier 36 600 X": a
/// bill's title with its dossier in parentheses ("Wet auteurscontractenrecht (33 308)"), a bill by
/// its number ("wetsontwerp nr. 19 752"), and a list of complete Kamerstukken ("Kamerstuk
/// 33043-76 en 21501-02-1855": two Kamerstukken, not two dossiers).
extension Scan {
  // MARK: A complete Kamerstuk in numbers

  /// A Kamerstuk complete in numbers at `j`: the motion triple "21501-02-1855", "35570-XIV-46"
  /// or the tweedekamer.nl notation "33043-76". Returns the id, its dossier and the end.
  func completeKamerstuk(_ j: Int) -> (id: String, dossier: String, end: Int)? {
    guard let (d, de) = dossierNumber(j), de - j == 5, t[de] == UInt8(ascii: "-") else { return nil }
    if let tv = toevoeging(de), !tv.spaced, t[tv.end] == UInt8(ascii: "-"),
      let (n, ne) = ondernummer(tv.end + 1, letters: false), t[ne] != UInt8(ascii: "-"), t.atWordEnd(ne)
    {
      return ("kst-" + d + "-" + tv.value + "-" + n, d + "-" + tv.value, ne)
    }
    // The tweedekamer.nl notation, checked here without what may follow (the list decides).
    guard t.lit(j, "21501") == nil, isDigit(t[de + 1]), t[de + 1] != UInt8(ascii: "0"),
      let n = t.digits(de + 1, max: 4), t.atWordEnd(n), t[n] != UInt8(ascii: "-"), t[n] != UInt8(ascii: "/"),
      !((t[n] == UInt8(ascii: ".") || t[n] == UInt8(ascii: ",")) && isDigit(t[n + 1]))
    else { return nil }
    if j > 0, t[j - 1] == UInt8(ascii: "-") || t[j - 1] == UInt8(ascii: "/") || t[j - 1] == UInt8(ascii: "+") {
      return nil
    }
    return ("kst-" + d + "-" + t.string(de + 1, n), d, n)
  }

  /// Two or more complete Kamerstukken joined by "en" or commas at `j` ("33043-76 en
  /// 21501-02-1855"), not followed by "nr." (then the last is a dossier with its series:
  /// "36200-10 en 32761, nr. 51"). Returns the ids, their dossiers and the end.
  func kamerstukList(_ j: Int) -> (ids: [String], dossiers: [String], end: Int)? {
    guard let first = completeKamerstuk(j) else { return nil }
    var ids = [first.id]
    var dossiers = [first.dossier]
    var end = first.end
    var previousEnd = end
    while ids.count < 12 {
      var s = end
      if t[s] == UInt8(ascii: ",") { s += 1 }
      s = t.skipSpaces(s, newlines: false, limit: 3)
      if let en = t.word(s, "en") { s = t.skipSpaces(en, newlines: false, limit: 3) } else if s == end { break }
      guard let next = completeKamerstuk(s) else {
        // "30569-8, 36200-10 en 32761, nr. 51": the item before a dossier is a dossier with its
        // series ("36200-10"), part of the next citation.
        if dossierNumber(s) != nil {
          ids.removeLast()
          dossiers.removeLast()
          end = previousEnd
        }
        break
      }
      ids.append(next.id)
      dossiers.append(next.dossier)
      previousEnd = end
      end = next.end
    }
    guard ids.count >= 2, ondernummers(end, bare: false) == nil else { return nil }
    return (ids, dossiers, end)
  }

  // MARK: A bill's dossier in parentheses

  /// Words that open a bill's title, and the end of a law's name: "Wet auteurscontractenrecht
  /// (33 308)", "Wijziging van de Wet ... (36 278)", "de Omgevingswet (33 962)".
  static let billTitleWords: [StaticString] = [
    "Wet", "Wijziging", "Regels", "Voorstel", "Goedkeuring", "Vaststelling", "Begroting", "Jaarverslag", "Slotwet",
    "Initiatiefnota", "Initiatiefvoorstel", "Invoeringswet", "Aanpassingswet", "Verzamelwet",
  ]

  /// "(33 308)" right after a bill's title on the same line (`i` is the first digit, after "("):
  /// the dossier, or nil. An amount or a count in parentheses ("meldingen (12 345)") has no title
  /// before it.
  mutating func titledDossier(_ i: Int, dossierEnd de: Int) -> Int? {
    guard i >= 2, t[i - 1] == UInt8(ascii: "(") else { return nil }
    var dossier = t.digitsOnly(i, de)
    var e = de
    if let tv = toevoeging(de), tv.roman || !tv.spaced {
      dossier += "-" + tv.value
      e = tv.end
    }
    guard t[e] == UInt8(ascii: ")") else { return nil }
    // The title: from the start of the line (or the sentence) up to "(".
    var k = i - 2
    while k >= 0, t[k] == 0x20 { k -= 1 }
    guard k >= 0, isAlnum(t[k]) || t[k] >= 0x80 else { return nil }
    // The word before "(" ends in "wet" ("Omgevingswet"), or the title opens with a title word.
    var w = k
    while w > 0, isAlpha(t[w - 1]) { w -= 1 }
    var titled = k - w >= 2 && t.string(w, k + 1).lowercased().hasSuffix("wet")
    var s = k
    let from = max(0, i - 240)
    while !titled, s > from, t[s - 1] != 0x0A, !(t[s - 1] == 0x20 && s >= 2 && t[s - 2] == UInt8(ascii: ".")) {
      s -= 1
    }
    if !titled {
      s = t.skipSpaces(s, newlines: false, limit: 8)
      titled = Self.billTitleWords.contains { t.word(s, $0) != nil }
    }
    guard titled else { return nil }
    add(.dossier, ["dossier-" + dossier], i, e, [MentionField.dossier: dossier, "form": "bill-title"])
    return e + 1
  }
}
