/// Recognizers for the party tables of Tweede Kamer stemmingsuitslagen and for party spokespersons.
extension Scan {
  // MARK: Vote tables

  /// Row names of a vote table that are neither party nor member.
  static let voteTableNonNames: Set<String> = ["totaal", "totaal aantal", "aanwezig", "afwezig", "zetels", "fractie"]

  /// At most this many party rows in one vote table (the Tweede Kamer has had up to 20 groups).
  static let voteTableRowLimit = 40
  /// At most this many lines after the header, blank and detail lines included.
  static let voteTableLineLimit = 4 * voteTableRowLimit

  /// The party table of a Tweede Kamer vote ("Stemmingsuitslagen" on tweedekamer.nl and in
  /// besluit pages): a header line "Fractie Zetels voor tegen ..." then one row per party or
  /// one-member group, its name and its seat count ("CU 5", "GrKÖ 2", "Van Vliet 1", "50PLUS 1"),
  /// a detail line ("Niet deelgenomen") allowed between rows. A row named after a party is the
  /// party; a row named after a person is a one-member group, that member. Rows that are neither
  /// ("GrKÖ") are skipped. Only after the header: elsewhere "CU 5" is no mention.
  mutating func voteTable(_ i: Int) -> Int? {
    guard t.lineStart(i) == i || t.onlySpaces(t.lineStart(i), i),
      let f = t.word(i, "Fractie") ?? t.word(i, "Fracties")
    else { return nil }
    let z = t.skipSpaces(f, newlines: false, limit: 8)
    guard t.word(z, "Zetels") != nil else { return nil }
    var line = t.nearLineEnd(z)
    var end: Int?
    var rows = 0
    // Blank and detail lines do not count as rows, but they count toward the walk: a long run of
    // empty lines after the header ends the table instead of being walked to its end.
    var walked = 0
    while rows < Scan.voteTableRowLimit && walked < Scan.voteTableLineLimit {
      walked += 1
      guard let b = lineBreak(line) else { break }
      let ls = t.skipSpaces(b, newlines: false, limit: 16)
      let le = t.nearLineEnd(ls)
      if ls == le {
        line = le
        continue
      }
      if t.word(ls, "Niet deelgenomen") != nil || t.word(ls, "Vergissing") != nil {
        line = le
        continue
      }
      guard let row = voteRow(ls, le) else { break }
      rows += 1
      if let id = Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[ls..<row])) {
        add(.fractie, [id], ls, row, ["form": "vote-table"])
      } else if personName(ls) == row, noInnerCapitals(ls, row),
        !Scan.voteTableNonNames.contains(t.string(ls, row).lowercased())
      {
        let name = nameText(ls, row)
        add(.persoon, [surnameID(name)], ls, row, [MentionField.name: name, "form": "vote-table"])
      }
      end = le
      line = le
    }
    return end
  }

  /// True when no word of `s..<e` has a capital after its first letter: a surname ("Van Vliet",
  /// "Klein"), not a group's short name ("GrKÖ", "GrBvK").
  func noInnerCapitals(_ s: Int, _ e: Int) -> Bool {
    var k = s + 1
    while k < e {
      if !(t[k - 1] == 0x20 || t[k - 1] == UInt8(ascii: "-")) && startsUpper(k) { return false }
      k += 1
    }
    return true
  }

  /// A vote-table row `ls..<le`: a name, spaces, a seat count of 1 to 150, then only spaces (the
  /// voor/tegen cells are marks, not text). Returns the end of the name.
  func voteRow(_ ls: Int, _ le: Int) -> Int? {
    var e = le
    // Empty voor/tegen cells leave spaces, tabs and no-break spaces (C2 A0) after the count.
    while e > ls {
      if t[e - 1] == 0x20 || t[e - 1] == 0x09 {
        e -= 1
      } else if e - 1 > ls && t[e - 2] == 0xC2 && t[e - 1] == 0xA0 {
        e -= 2
      } else {
        break
      }
    }
    var d = e
    while d > ls && isDigit(t[d - 1]) && e - d < 4 { d -= 1 }
    guard d < e, e - d <= 3, d > ls, t[d - 1] == 0x20 || t[d - 1] == 0x09 else { return nil }
    let seats = t.int(d, e)
    guard seats >= 1 && seats <= 150 else { return nil }
    var n = d
    while n > ls && (t[n - 1] == 0x20 || t[n - 1] == 0x09) { n -= 1 }
    guard n > ls, n - ls <= 40 else { return nil }
    return n
  }

  // MARK: Spokespersons

  /// A party's spokesperson named after the function: "de toenmalige financieel woordvoerder van
  /// NSC – dhr. Tjebbe van Oostenbruggen", "woordvoerder van de VVD, mevrouw Jansen", "de
  /// NSC-woordvoerder Tjebbe vanOostenbruggen": the person (first names go to the label) and the
  /// party. No party, no person: "een woordvoerder van het ministerie, dhr. Jansen" is a civil servant.
  mutating func spokesperson(_ i: Int) -> Int? {
    guard let w = t.wordCI(i, "woordvoerder") ?? t.wordCI(i, "woordvoerster") else { return nil }
    var party: (id: String, start: Int, end: Int)?
    if i > 1 && t[i - 1] == UInt8(ascii: "-") {
      var p = i - 1
      while p > 0 && i - p < 32 && (isAlnum(t[p - 1]) || t[p - 1] == UInt8(ascii: "-")) { p -= 1 }
      if let id = Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[p..<(i - 1)])) { party = (id, p, p) }
    }
    var j = t.skipSpaces(w, newlines: true, limit: 4)
    if party == nil {
      guard let v = t.word(j, "van") else { return nil }
      j = t.skipSpaces(v, newlines: true, limit: 4)
      if let d = t.word(j, "de") ?? t.word(j, "het") { j = t.skipSpaces(d, newlines: true, limit: 4) }
      guard let (id, pe) = partyWord(j) else { return nil }
      party = (id, j, pe)
      j = t.skipSpaces(pe, newlines: true, limit: 4)
    }
    guard let party else { return nil }
    if let d = t.dash(j) {
      j = t.skipSpaces(d, newlines: true, limit: 4)
    } else if t[j] == UInt8(ascii: ",") {
      j = t.skipSpaces(j + 1, newlines: true, limit: 4)
    }
    for h: StaticString in ["dhr.", "mevr.", "mw.", "de heer", "mevrouw"] {
      if let e = t.litCI(j, h), t[e] == 0x20 || t[e] == 0x0A {
        j = t.skipSpaces(e, newlines: true, limit: 4)
        break
      }
    }
    // A party glued before the function ("VVD-woordvoerder") is left to the party recognizers.
    if party.end > party.start { add(.fractie, [party.id], party.start, party.end) }
    guard let ne = personName(j) else { return max(party.end, w) }
    let name = nameText(j, ne)
    // First names stand before the surname here; a tussenvoegsel glued on by a lost space
    // ("vanOostenbruggen") is parted first.
    let parted = name.split(separator: " ").map(String.init).flatMap(PersonName.splitGlued).joined(separator: " ")
    add(.persoon, [PersonName.id(fullName: parted)], j, ne, [MentionField.name: name, MentionField.function: "woordvoerder"])
    return ne
  }
}
