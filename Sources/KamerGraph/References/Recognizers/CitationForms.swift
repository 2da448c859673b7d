/// Citation forms of real parliamentary texts beyond the formal ones of reference-formats.md:
/// a Staatsblad number whose year is the law's date ("Wet van 30 maart 1988, Stb. 113"), the
/// motion number a debate gives ("Zij krijgt nr. 199 (31311)."), an Eerste Kamer letter
/// ("Eerste Kamer, 36 373, H") and the tweedekamer.nl notation ("Kamerstuk 33043-76", "30569-8").
extension Scan {
  // MARK: Staatsblad by the law's date

  /// The year of the law's date written just before a Staatsblad number: "Wet van 30 maart 1988,"
  /// or "Wetten van 2 juli 1992," ending (after spaces) at `i`. Nil for anything else.
  func lawDateYear(before i: Int) -> Int? {
    var j = i
    while j > 0, t[j - 1] == 0x20 || t[j - 1] == 0x0A || t[j - 1] == 0x09 { j -= 1 }
    guard j > 0, t[j - 1] == UInt8(ascii: ",") else { return nil }
    j -= 1
    guard j >= 4, let ye = t.digits(j - 4, min: 4, max: 4), ye == j, !isDigit(t[j - 5]) else { return nil }
    let from = max(0, j - 48)
    // "van D maand YYYY": the date of the law (or "Besluit van ..."), not any year before a comma.
    guard t.contains("van", from: from, to: j - 4),
      let iso = DutchDate.iso(t.string(from, j).split(whereSeparator: { $0 == "\n" }).joined(separator: " ")),
      iso.hasPrefix(t.string(j - 4, j))
    else { return nil }
    let year = t.int(j - 4, j)
    return year >= 1800 && year <= 2100 ? year : nil
  }

  /// "113", "414 en 415" at `j` after "Stb." whose year comes from the law's date.
  mutating func staatsbladNumbers(_ j: Int, year: Int, start i: Int) -> Int? {
    guard let n = t.digits(j, max: 5), t.atWordEnd(n), t[j] != UInt8(ascii: "0") else { return nil }
    var ids = ["stb-\(year)-\(t.string(j, n))"]
    var end = n
    let s = t.skipSpaces(n, newlines: false, limit: 2)
    if let en = t.word(s, "en") {
      let m = t.skipSpaces(en, newlines: false, limit: 2)
      if let me = t.digits(m, max: 5), t.atWordEnd(me), t[m] != UInt8(ascii: "0") {
        ids.append("stb-\(year)-\(t.string(m, me))")
        end = me
      }
    }
    add(.staatsblad, ids, i, end, ["year-from": "law-date"])
    return end
  }

  // MARK: Motion numbers in Handelingen

  /// "Zij krijgt nr. 199 (31311).", "Zij krijgt nr. 726, was nr. 719 (21501-08)." -> the
  /// Kamerstuk the motion now is (`kst-31311-199`, `kst-21501-08-726`).
  mutating func motionNumber(_ i: Int) -> Int? {
    // "zij"/"hij" are common words: look at the "k" of "krijgt" before comparing the phrase.
    guard t[i + 3] == 0x20, t[i + 4] | 0x20 == UInt8(ascii: "k"),
      let a = t.wordCI(i, "Zij krijgt") ?? t.wordCI(i, "Hij krijgt")
    else { return nil }
    var j = t.skipSpaces(a, newlines: false, limit: 3)
    guard let kw = nrKeyword(j) else { return nil }
    j = t.skipSpaces(kw, newlines: false, limit: 3)
    guard let ne = t.digits(j, max: 5), t[j] != UInt8(ascii: "0") else { return nil }
    let number = t.string(j, ne)
    var k = t.skipSpaces(ne, newlines: false, limit: 3)
    // ", was nr. 719": the number it had before it was changed.
    if t[k] == UInt8(ascii: ",") {
      let w = t.skipSpaces(k + 1, newlines: false, limit: 3)
      if let was = t.word(w, "was"), let kw2 = nrKeyword(t.skipSpaces(was, newlines: false, limit: 3)),
        let old = t.digits(t.skipSpaces(kw2, newlines: false, limit: 3), max: 5)
      {
        k = t.skipSpaces(old, newlines: false, limit: 3)
      }
    }
    guard t[k] == UInt8(ascii: "(") else { return nil }
    let d = t.skipSpaces(k + 1, newlines: false, limit: 3)
    guard let (dossier, de) = dossierNumber(d) else { return nil }
    var e = de
    var full = dossier
    if let tv = toevoeging(de), tv.roman || !tv.spaced {
      full += "-" + tv.value
      e = tv.end
    }
    let close = t.skipSpaces(e, newlines: false, limit: 3)
    guard t[close] == UInt8(ascii: ")") else { return nil }
    add(.kamerstuk, ["kst-" + full + "-" + number], i, close + 1, [MentionField.dossier: full, "form": "motion-number"])
    return close + 1
  }

  // MARK: Eerste Kamer letters

  /// "Eerste Kamer, 36 373, H", "Eerste Kamer 2019/20, 35 300, E": an Eerste Kamer stuk, whose
  /// ondernummer is a letter -> `kst-36373-H`.
  mutating func eersteKamerLetter(_ i: Int) -> Int? {
    guard let a = t.word(i, "Eerste Kamer") else { return nil }
    var j = t.skipComma(a)
    var fields: MentionFields = [MentionField.kamer: "I"]
    if let (v, ve) = vergaderjaar(j) {
      fields[MentionField.vergaderjaar] = v
      j = t.skipComma(ve)
    }
    guard let (d, de) = dossierNumber(j), de - j >= 5 else { return nil }
    var k = de
    var dossier = d
    if let tv = toevoeging(de), tv.roman, !tv.spaced {
      dossier += "-" + tv.value
      k = tv.end
    }
    guard t[k] == UInt8(ascii: ",") else { return nil }
    var l = t.skipSpaces(k + 1, newlines: false, limit: 3)
    if let kw = nrKeyword(l) { l = t.skipSpaces(kw, newlines: false, limit: 3) }
    var le = l
    while isUpper(t[le]) && le - l < 3 { le += 1 }
    guard le > l, t.atWordEnd(le) else { return nil }
    fields[MentionField.dossier] = dossier
    add(.kamerstuk, ["kst-" + dossier + "-" + t.string(l, le)], i, le, fields)
    return le
  }

  // MARK: tweedekamer.nl notation

  /// "30569-8", "22112-2531" right after a five-digit dossier at `de` (the dossier at `i`): the
  /// ondernummer's end, or nil. Not when more numbers follow ("12345-67-890"), nor a range of
  /// large numbers ("20000-25000"), nor a number after "-" or "/" ("070-12345-6").
  func tkSiteNumber(_ i: Int, dossierEnd de: Int) -> (String, Int)? {
    guard de - i == 5, t[de] == UInt8(ascii: "-"), isDigit(t[de + 1]), t[de + 1] != UInt8(ascii: "0") else {
      return nil
    }
    // 21501-32 is a series of the EU councils' dossier (reference-formats.md §1.3), not a number.
    if t.lit(i, "21501") != nil { return nil }
    guard let n = t.digits(de + 1, max: 4), t.atWordEnd(n) else { return nil }
    if t[n] == UInt8(ascii: "-") || t[n] == UInt8(ascii: "/") || (t[n] == UInt8(ascii: ".") && isDigit(t[n + 1]))
      || (t[n] == UInt8(ascii: ",") && isDigit(t[n + 1]))
    {
      return nil
    }
    if i > 0, t[i - 1] == UInt8(ascii: "-") || t[i - 1] == UInt8(ascii: "/") || t[i - 1] == UInt8(ascii: "+") {
      return nil
    }
    // "21501-32, nr. 1703": a series of a dossier, the number comes after; "36200-10 en 32761,
    // nr. 51" likewise.
    if ondernummers(n, bare: false) != nil { return nil }
    if let en = t.word(t.skipSpaces(n, newlines: false, limit: 3), "en"),
      dossierNumber(t.skipSpaces(en, newlines: false, limit: 3)) != nil
    {
      return nil
    }
    return (t.string(de + 1, n), n)
  }
}
