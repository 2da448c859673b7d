/// Recognizers for parliamentary papers: Kamerstukken (all citation forms of
/// reference-formats.md §1.3/§1.4), Aanhangsel Handelingen, Handelingen, Kamervragen and dossiers.
extension Scan {
  // MARK: Shared pieces

  /// A chamber designation: "II", "2", "TK", "T.K.", "Tweede Kamer", OCR "11" (-> "II"); "I", "1",
  /// "EK", "E.K.", "Eerste Kamer" (-> "I"); "VV", "Verenigde Vergadering" (-> "VV").
  /// Digit forms count only when a vergaderjaar follows.
  func kamer(_ i: Int) -> (String, Int)? {
    if let e = t.wordCI(i, "Tweede Kamer") { return ("II", e) }
    if let e = t.wordCI(i, "Eerste Kamer") { return ("I", e) }
    if let e = t.wordCI(i, "Verenigde Vergadering") { return ("VV", e) }
    if let e = t.lit(i, "T.K.") { return ("II", e) }
    if let e = t.lit(i, "E.K.") { return ("I", e) }
    if let e = t.word(i, "TK") ?? t.word(i, "II") { return ("II", e) }
    if let e = t.word(i, "EK") ?? t.word(i, "I") { return ("I", e) }
    if let e = t.word(i, "VV") { return ("VV", e) }
    for (lit, k) in [("11", "II"), ("2", "II"), ("1", "I")] as [(StaticString, String)] {
      if let e = t.word(i, lit), vergaderjaar(t.skipComma(e)) != nil { return (k, e) }
    }
    return nil
  }

  /// A vergaderjaar in any notation, optionally after "vergaderjaar", "zitting" or "zittingsjaar":
  /// normalised `YYYY-YYYY` and the end.
  func vergaderjaar(_ i: Int) -> (String, Int)? {
    var j = i
    if let e = t.wordCI(j, "vergaderjaar") ?? t.wordCI(j, "zittingsjaar") ?? t.wordCI(j, "zitting") {
      j = t.skipSpaces(e)
    }
    // "2024-2025", "2024/25", and the short "08/09", "99/00" (both years two digits, consecutive:
    // `CanonicalID.vergaderjaar` checks that). Callers try this only after "Kamerstukken",
    // "Handelingen" or a kamer, so a date such as 08/09 elsewhere is never read as a year.
    guard let y1 = t.digits(j, min: 2, max: 4),
      y1 - j == 4 && (t[j] == UInt8(ascii: "1") || t[j] == UInt8(ascii: "2")) || y1 - j == 2
    else {
      return nil
    }
    let short = y1 - j == 2
    var k = short ? y1 : t.skipSpaces(y1, newlines: false, limit: 2)
    guard let d = t.dash(k, slash: true) else { return nil }
    k = short ? d : t.skipSpaces(d, newlines: false, limit: 2)
    if !short, let d2 = t.dash(k) { k = t.skipSpaces(d2, newlines: false, limit: 2) }  // "1985/- 86"
    guard let y2 = t.digits(k, min: 2, max: 4), y2 - k == 2 || (!short && y2 - k == 4), t.atWordEnd(y2) else {
      return nil
    }
    guard let v = CanonicalID.vergaderjaar(t.string(j, y1) + t.string(k, y2)) else { return nil }
    return (v, y2)
  }

  /// A Kamerstuk dossier number: "36600", "36 600", "36.600", "31-700". Returns the digits.
  func dossierNumber(_ i: Int) -> (String, Int)? {
    guard isDigit(t[i]), t[i] != UInt8(ascii: "0"), t.atWordStart(i) || t[i - 1] == UInt8(ascii: "(") else {
      return nil
    }
    guard let e = t.digits(i, max: 5) else { return nil }
    if e - i == 5 { return (t.string(i, e), e) }
    guard e - i == 2 else { return nil }
    var k = e
    let sp = t.spaceLength(k)
    if sp > 0 { k += sp } else if t[k] == UInt8(ascii: ".") || t[k] == UInt8(ascii: "-") { k += 1 } else { return nil }
    guard let e2 = t.digits(k, min: 3, max: 3), !isDigit(t[e2]) else { return nil }
    return (t.digitsOnly(i, e2), e2)
  }

  /// True for a run of roman-numeral letters.
  func isRoman(_ i: Int, _ e: Int) -> Bool {
    for k in i..<e {
      switch t[k] {
      case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"), UInt8(ascii: "C"): continue
      default: return false
      }
    }
    return e > i
  }

  /// A toevoeging after a dossier number: "-XV", ".VIII", "XII" (glued), " XVI", " IXA", "-IIB",
  /// "-32" (EU series, hyphen only), " hoofdstuk XV", " AA". `spaced` tells whether only a space
  /// separated it (then letters may also be an Eerste Kamer ondernummer).
  func toevoeging(_ j: Int) -> (value: String, end: Int, spaced: Bool, roman: Bool)? {
    var k = j
    var spaced = false
    var hyphen = false
    if t[k] == UInt8(ascii: "-") || t[k] == UInt8(ascii: ".") {
      hyphen = t[k] == UInt8(ascii: "-")
      k += 1
    } else if t.spaceLength(k) > 0 {
      k = t.skipSpaces(k, newlines: false, limit: 3)
      spaced = true
      if let e = t.wordCI(k, "hoofdstuk") { k = t.skipSpaces(e, newlines: false, limit: 3) }
    }
    if hyphen, let e = t.digits(k, min: 2, max: 2), t.atWordEnd(e) {
      return (t.string(k, e), e, false, false)
    }
    var e = k
    while e < t.count && isUpper(t[e]) && e - k < 6 { e += 1 }
    guard e > k, t.atWordEnd(e) else { return nil }
    // Roman numerals with at most one letter after them ("IXA", "IIB"), or 1-3 capitals.
    var romanEnd = k
    while romanEnd < e && isRoman(romanEnd, romanEnd + 1) { romanEnd += 1 }
    let roman = romanEnd > k && e - romanEnd <= 1
    if !roman && (e - k > 3 || (j == k)) { return nil }
    if k == j && !roman { return nil }
    return (t.string(k, e), e, spaced, roman)
  }

  /// An ondernummer: "12", "42e", "E", "AA" (letters only when `letters`).
  func ondernummer(_ i: Int, letters: Bool) -> (String, Int)? {
    if isDigit(t[i]), t[i] != UInt8(ascii: "0"), let e = t.digits(i, max: 5) {
      if isLower(t[e]) && t.atWordEnd(e + 1) { return (t.string(i, e + 1), e + 1) }
      if t.atWordEnd(e) { return (t.string(i, e), e) }
      return nil
    }
    if letters {
      var e = i
      while isUpper(t[e]) && e - i < 3 { e += 1 }
      if e > i && t.atWordEnd(e) { return (t.string(i, e), e) }
    }
    return nil
  }

  /// "nr.", "nr", "nrs.", "nrs", "nummer", "nummers", "no." at `i`: the end.
  func nrKeyword(_ i: Int) -> Int? {
    if let e = t.wordCI(i, "nummers") ?? t.wordCI(i, "nummer") { return e }
    for lit in ["nrs", "nr", "no"] as [StaticString] {
      if let e = t.litCI(i, lit), t.atWordEnd(e) {
        return t[e] == UInt8(ascii: ".") ? e + 1 : e
      }
    }
    return nil
  }

  /// A page reference ("p. 5", "blz. 19–20", "pag 4 e.v.", "bladzijde 5 - 6", "p. 17, 19-22",
  /// "p. 12 en 13") after optional comma: the pages as written and the end.
  func pageClause(_ i: Int) -> (String, Int)? {
    let j = t.skipComma(i)
    var k = j
    var found: Int?
    for lit in ["bladzijden", "bladzijde", "blz", "pag", "pp", "p"] as [StaticString] {
      if let e = t.litCI(k, lit), t.atWordEnd(e) {
        found = t[e] == UInt8(ascii: ".") ? e + 1 : e
        break
      }
    }
    guard let kw = found else { return nil }
    k = t.skipSpaces(kw, newlines: false, limit: 3)
    guard let first = t.digits(k, max: 5) else { return nil }
    let pageStart = k
    var end = first
    var loops = 0
    while loops < 8 {
      loops += 1
      var m = t.skipSpaces(end, newlines: false, limit: 3)
      if let d = t.dash(m) {
        m = t.skipSpaces(d, newlines: false, limit: 3)
        if let e = t.digits(m, max: 5) {
          end = e
          continue
        }
        break
      }
      if t[m] == UInt8(ascii: ",") {
        let n = t.skipSpaces(m + 1, newlines: false, limit: 3)
        if let e = t.digits(n, max: 5), t.atWordEnd(e) {
          end = e
          continue
        }
        break
      }
      if let en = t.word(m, "en") {
        let n = t.skipSpaces(en, newlines: false, limit: 3)
        if let e = t.digits(n, max: 5), t.atWordEnd(e) {
          end = e
          continue
        }
        break
      }
      if let ev = t.lit(m, "e.v.") ?? t.lit(m, "e v.") ?? t.word(m, "ev") {
        end = ev
        break
      }
      break
    }
    return (t.string(pageStart, end), end)
  }

  /// A list of ondernummers after a dossier: "nr. 12", "nrs. 520 en 548", "nrs. 1–3",
  /// "nr. 4, p. 12 en 13, en nr. 6", "nr. 6, p. 15-16; nr. 7", bare ", 32" or " 22" when
  /// `bare`. Returns the numbers, pages and end.
  func ondernummers(_ j: Int, bare: Bool) -> (nums: [String], pages: [String], end: Int)? {
    var k = t.skipSpaces(j, newlines: false, limit: 3)
    var comma = false
    if t[k] == UInt8(ascii: ",") {
      comma = true
      k = t.skipSpaces(k + 1, newlines: true, limit: 4)
    }
    var keyword = false
    if let e = nrKeyword(k) {
      keyword = true
      k = t.skipSpaces(e, newlines: false, limit: 3)
    } else if !bare {
      return nil
    }
    guard let (first, e1) = ondernummer(k, letters: keyword || comma) else { return nil }
    var nums = [first]
    var pages: [String] = []
    var end = e1
    var loops = 0
    while loops < 40 {
      loops += 1
      if let (p, pe) = pageClause(end) {
        pages.append(p)
        end = pe
      }
      let m = t.skipSpaces(end, newlines: false, limit: 3)
      if let d = t.dash(m), let last = Int(nums[nums.count - 1]) {
        let n = t.skipSpaces(d, newlines: false, limit: 3)
        if let e = t.digits(n, max: 5), t.atWordEnd(e) {
          let to = t.int(n, e)
          if to > last && to - last <= 100 {
            for v in (last + 1)...to { nums.append(String(v)) }
            end = e
            continue
          }
        }
        break
      }
      var s = m
      var sep = false
      var needKeyword = false
      if t[s] == UInt8(ascii: ",") {
        s = t.skipSpaces(s + 1, newlines: false, limit: 3)
        sep = true
      } else if t[s] == UInt8(ascii: ";") {
        s = t.skipSpaces(s + 1, newlines: false, limit: 3)
        sep = true
        needKeyword = true
      }
      if let e = t.word(s, "en") {
        s = t.skipSpaces(e, newlines: false, limit: 3)
        sep = true
      }
      guard sep else { break }
      var kw = false
      if let e = nrKeyword(s) {
        s = t.skipSpaces(e, newlines: false, limit: 3)
        kw = true
      }
      if needKeyword && !kw { break }
      guard let (n, e) = ondernummer(s, letters: kw) else { break }
      // A bare number after a comma is another ondernummer only when it is short (not a dossier).
      if !kw && (e - s >= 5 || dossierNumber(s) != nil) { break }
      nums.append(n)
      end = e
    }
    return (nums, pages, end)
  }

  /// "(R 1669)", "(R2064)" after a dossier: the Rijkswet number and the end.
  func rijkswet(_ j: Int) -> (String, Int)? {
    let k = t.skipSpaces(j, newlines: false, limit: 2)
    guard t[k] == UInt8(ascii: "("), t[k + 1] == UInt8(ascii: "R") else { return nil }
    let d = t.skipSpaces(k + 2, newlines: false, limit: 2)
    guard let e = t.digits(d, max: 5), t[e] == UInt8(ascii: ")") else { return nil }
    return ("R" + t.string(d, e), e + 1)
  }

  // MARK: Kamerstukken

  /// "Kamerstukken II 2024/25, 36 600 X, nr. 12" and every variant of reference-formats.md §1.3.
  mutating func kamerstuk(_ i: Int) -> Int? {
    guard let a = t.litCI(i, "Kamerstukken") ?? t.litCI(i, "Kamerstuk"), t.atWordEnd(a) else { return nil }
    return kamerstukBody(start: i, after: a, requireYear: false, defaultKamer: nil)
  }

  /// "TK 2008-2009, 31473, nummer 25": a Kamerstuk cited by chamber and year only.
  mutating func tkKamerstuk(_ i: Int) -> Int? {
    guard let a = t.word(i, "TK") ?? t.word(i, "EK") else { return nil }
    let kamer = t[i] == UInt8(ascii: "T") ? "II" : "I"
    return kamerstukBody(start: i, after: a, requireYear: true, defaultKamer: kamer)
  }

  mutating func kamerstukBody(start i: Int, after a: Int, requireYear: Bool, defaultKamer: String?) -> Int? {
    var j = t.skipComma(a)
    var fields: MentionFields = [:]
    if defaultKamer == nil, let (k, e) = kamer(j) {
      fields[MentionField.kamer] = k
      j = t.skipComma(e)
    }
    if let k = defaultKamer { fields[MentionField.kamer] = k }
    if let (v, e) = vergaderjaar(j) {
      fields[MentionField.vergaderjaar] = v
      j = t.skipComma(e)
    } else if requireYear {
      return nil
    }
    guard let (d0, de0) = dossierNumber(j) else {
      // "Kamerstukken II 1992/1993, 22": a citation whose dossier cannot be read.
      if fields[MentionField.vergaderjaar] != nil, !requireYear, let e = t.digits(j, max: 4) {
        addUnresolved(.kamerstuk, i, e, reason: "no dossier number of five digits in the citation", fields)
        return e
      }
      return nil
    }
    if let list = kamerstukList(j) {
      // "Kamerstuk 33043-76 en 21501-02-1855": two Kamerstukken.
      fields[MentionField.dossier] = list.dossiers.joined(separator: " ")
      fields["form"] = "tk-site"
      add(.kamerstuk, list.ids, i, list.end, fields)
      return list.end
    }
    if let (n, e) = tkSiteNumber(j, dossierEnd: de0) {
      // "Kamerstuk 33043-76": the tweedekamer.nl notation, dossier and number.
      fields[MentionField.dossier] = d0
      fields["form"] = "tk-site"
      add(.kamerstuk, ["kst-" + d0 + "-" + n], i, e, fields)
      return e
    }
    var dossiers: [(String, String?)] = []
    var k = de0
    var firstToev = toevoeging(k)
    if let tv = firstToev { k = tv.end }
    if let (r, e) = rijkswet(k) {
      fields["rijkswet"] = r
      k = e
    }
    dossiers.append((d0, firstToev?.value))
    // Several dossiers: "Kamerstukken 36 200 X en 32 761, nr. 51".
    while dossiers.count < 6 {
      let s = t.skipSpaces(k, newlines: false, limit: 3)
      guard let en = t.word(s, "en") else { break }
      let s2 = t.skipSpaces(en, newlines: false, limit: 3)
      guard let (d, de) = dossierNumber(s2) else { break }
      var kk = de
      let tv = toevoeging(kk)
      if let tv { kk = tv.end }
      if let (_, e) = rijkswet(kk) { kk = e }
      dossiers.append((d, tv?.value))
      k = kk
    }
    var nums: [String] = []
    var pages: [String] = []
    // Motion triples "35570-XIV-46", "21501-32-1740".
    if dossiers.count == 1, t[k] == UInt8(ascii: "-"), let (n, e) = ondernummer(k + 1, letters: false) {
      nums = [n]
      k = e
    } else if let r = ondernummers(k, bare: true) {
      nums = r.nums
      pages = r.pages
      k = r.end
    } else if dossiers.count == 1, let tv = firstToev, tv.spaced, !tv.roman || fields[MentionField.kamer] == "I",
      fields[MentionField.kamer] == "I"
    {
      // "Kamerstuk I 31145 AA": Eerste Kamer letters are the ondernummer, not a toevoeging.
      nums = [tv.value]
      dossiers[0].1 = nil
      firstToev = nil
    }
    if nums.isEmpty, let (p, e) = pageClause(k) {
      pages.append(p)
      k = e
    }
    if requireYear && nums.isEmpty { return nil }
    if !pages.isEmpty { fields[MentionField.page] = pages.joined(separator: "; ") }
    fields[MentionField.dossier] = dossiers.map { $0.0 + ($0.1.map { "-" + $0 } ?? "") }.joined(separator: " ")
    if nums.isEmpty {
      add(.dossier, dossiers.map { "dossier-" + $0.0 + ($0.1.map { "-" + $0 } ?? "") }, i, k, fields)
    } else {
      var ids: [String] = []
      for (d, tv) in dossiers {
        for n in nums { ids.append("kst-" + d + (tv.map { "-" + $0 } ?? "") + "-" + n) }
      }
      add(.kamerstuk, ids, i, k, fields)
    }
    return k
  }

  /// A Kamerstuk cited by numbers only, as in motions and debates: "(32820, nr. 258, vergaderjaar
  /// 2017-2018)", "36 600 X, nr. 12". A five-digit dossier followed by "nr." is specific enough;
  /// without "nr." a bare number pair is never taken (tkconv issue #108's fuzzy form).
  mutating func bareKamerstuk(_ i: Int) -> Int? {
    guard t[i] >= UInt8(ascii: "1"), t[i] <= UInt8(ascii: "3"), let (d, de) = dossierNumber(i) else { return nil }
    if i < Scan.headingReach, let end = kamerstukHeader(i) { return end }
    if let list = kamerstukList(i) {
      add(.kamerstuk, list.ids, i, list.end, [MentionField.dossier: list.dossiers.joined(separator: " "), "form": "numbers-only"])
      return list.end
    }
    var k = de
    let tv = toevoeging(k)
    if let tv, tv.roman || !tv.spaced { k = tv.end }
    // A motion triple "21501-32-1740", "35570-XIV-46": dossier, toevoeging and number joined by hyphens.
    if let tv, !tv.spaced, de - i == 5, t[de] == UInt8(ascii: "-"), t[k] == UInt8(ascii: "-"),
      let (n, ne) = ondernummer(k + 1, letters: false), t[ne] != UInt8(ascii: "-")
    {
      add(
        .kamerstuk, ["kst-" + d + "-" + tv.value + "-" + n], i, ne,
        [MentionField.dossier: d + "-" + tv.value, "form": "numbers-only"])
      return ne
    }
    guard let r = ondernummers(k, bare: false) else {
      // "Wet auteurscontractenrecht (33 308)": a bill's dossier after its title.
      if let e = titledDossier(i, dossierEnd: de) { return e }
      // The tweedekamer.nl notation "30569-8", "22112-2531".
      guard let (n, ne) = tkSiteNumber(i, dossierEnd: de) else { return nil }
      add(.kamerstuk, ["kst-" + d + "-" + n], i, ne, [MentionField.dossier: d, "form": "tk-site"])
      return ne
    }
    var fields: MentionFields = [
      MentionField.dossier: d + (tv.map { "-" + $0.value } ?? ""), "form": "numbers-only",
    ]
    if !r.pages.isEmpty { fields[MentionField.page] = r.pages.joined(separator: "; ") }
    var end = r.end
    let v = t.skipComma(end)
    if let (vj, ve) = vergaderjaar(v), t.wordCI(v, "vergaderjaar") != nil {
      fields[MentionField.vergaderjaar] = vj
      end = ve
    }
    let dossier = d + (tv.map { "-" + $0.value } ?? "")
    add(.kamerstuk, r.nums.map { "kst-" + dossier + "-" + $0 }, i, end, fields)
    return end
  }

  // MARK: Aanhangsel Handelingen

  /// "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790", "Aanhangsel Handelingen II
  /// 2019/20, nr. 89", "Aanhangsel Handelingen TK, 2007/08, nr. 1835, blz 33", "nrs. 1016 en 1044".
  mutating func aanhangsel(_ i: Int) -> Int? {
    guard let a = t.word(i, "Aanhangsel") else { return nil }
    var j = t.skipSpaces(a)
    if let e = t.wordCI(j, "van de") ?? t.wordCI(j, "bij de") ?? t.wordCI(j, "der") { j = t.skipSpaces(e) }
    guard let h = t.word(j, "Handelingen") else { return nil }
    j = t.skipComma(h)
    var fields: MentionFields = [:]
    var chamber = "tk"
    if let (k, e) = kamer(j) {
      chamber = k == "I" ? "ek" : "tk"
      fields[MentionField.kamer] = k
      j = t.skipComma(e)
    }
    guard let (v, ve) = vergaderjaar(j) else {
      addUnresolved(.aanhangsel, i, h, reason: "no vergaderjaar after Aanhangsel Handelingen")
      return h
    }
    fields[MentionField.vergaderjaar] = v
    guard let r = ondernummers(ve, bare: false) else {
      addUnresolved(.aanhangsel, i, ve, reason: "no number after the vergaderjaar", fields)
      return ve
    }
    if !r.pages.isEmpty { fields[MentionField.page] = r.pages.joined(separator: "; ") }
    let year = String(v.filter { $0 != "-" })
    // "Zie ook" before it is decided by `seeAlsoScope` like for every kind: opening a sentence,
    // footnote or parentheses it is see-also, inside a sentence a plain citation.
    if r.nums.count == 1, aloneOnLine(i, r.end), isRepeatedLine(i, r.end) {
      // "Aanhangsel Handelingen II 2023/24, nr. 1314" as the running page header: the document's own id.
      fields[MentionField.role] = MentionRole.own
    }
    add(.aanhangsel, r.nums.map { "ah-" + chamber + "-" + year + "-" + $0 }, i, r.end, fields)
    return r.end
  }

  /// True when `literal` (case-insensitive, at a word start) ends just before `i`, spaces between.
  func endsBeforeSpaces(_ i: Int, _ literal: StaticString) -> Bool {
    var j = i
    while j > 0 && (t[j - 1] == 0x20 || t[j - 1] == 0x09 || t[j - 1] == 0xA0 || t[j - 1] == 0xC2 || t[j - 1] == 0x0A) {
      j -= 1
    }
    return t.endsBefore(j, literal)
  }

  // MARK: Handelingen

  /// "Handelingen II 2012-2013, nr. 71, item 15, blz 53-69", "Handelingen EK 2001-2002, nr. 10",
  /// "Handelingen II, vergaderjaar 2008-2009, 31 386, nr. 43, pag. 3795" (old style, with dossier).
  mutating func handelingen(_ i: Int) -> Int? {
    guard let h = t.word(i, "Handelingen") else { return nil }
    var j = t.skipComma(h)
    var fields: MentionFields = [:]
    var chamber = "tk"
    if let (k, e) = kamer(j) {
      chamber = k == "I" ? "ek" : (k == "VV" ? "vv" : "tk")
      fields[MentionField.kamer] = k
      j = t.skipComma(e)
    }
    guard let (v, ve) = vergaderjaar(j) else { return nil }
    fields[MentionField.vergaderjaar] = v
    let year = String(v.filter { $0 != "-" })
    var k = t.skipComma(ve)
    if let (d, de) = dossierNumber(k) {
      fields[MentionField.dossier] = d
      k = de
    }
    var n = t.skipComma(k)
    if let kw = nrKeyword(n), let e = t.digits(t.skipSpaces(kw, newlines: false, limit: 3), max: 5) {
      n = t.skipSpaces(kw, newlines: false, limit: 3)
      let meeting = t.string(n, e)
      var end = e
      var id = "h-\(chamber)-\(year)-\(meeting)"
      let m = t.skipComma(end)
      if let it = t.wordCI(m, "item"), let ie = t.digits(t.skipSpaces(it, newlines: false, limit: 3), max: 4) {
        id += "-" + t.string(t.skipSpaces(it, newlines: false, limit: 3), ie)
        end = ie
      }
      if let (p, pe) = pageClause(end) {
        fields[MentionField.page] = p
        end = pe
      }
      add(.handelingen, [id], i, end, fields)
      return end
    }
    if let (p, pe) = pageClause(ve) {
      fields[MentionField.page] = p
      addUnresolved(.handelingen, i, pe, reason: "Handelingen cited by page only, without a meeting number", fields)
      return pe
    }
    return nil
  }

  // MARK: Kamervragen and dossiers

  /// "Kamervragen 2025Z14549" -> `kv-tk-2025Z14549`; as a heading line it names the questions the
  /// document answers.
  mutating func kamervragen(_ i: Int) -> Int? {
    guard let a = t.wordCI(i, "Kamervragen") else { return nil }
    let j = t.skipSpaces(a, newlines: false, limit: 3)
    guard let (zaak, e) = tkNumberAt(j), zaak.kind == .zaak else { return nil }
    var fields: MentionFields = ["zaak": zaak.id]
    if let role = headingZaakRole(i, e) {
      // At the top: the questions document itself, or the questions an answer answers.
      fields[MentionField.role] = role
    } else if aloneOnLine(i, e) {
      fields[MentionField.role] = MentionRole.answers
    }
    add(.kamervragen, ["kv-tk-" + zaak.id], i, e, fields)
    return e
  }

  /// "dossier 36 600 X" -> `dossier-36600-X`; a bill by its number: "wetsontwerp nr. 19 752",
  /// "wetsvoorstel 36 278" (with "nr." after the number it is a Kamerstuk of that dossier).
  mutating func dossier(_ i: Int) -> Int? {
    let bill = t.wordCI(i, "wetsontwerp") ?? t.wordCI(i, "wetsvoorstel")
    guard let a = bill ?? t.wordCI(i, "dossier") ?? t.wordCI(i, "dossiernummer") else { return nil }
    var j = t.skipSpaces(a, newlines: false, limit: 3)
    if let e = nrKeyword(j) { j = t.skipSpaces(e, newlines: false, limit: 3) }
    guard let (d, de) = dossierNumber(j) else { return nil }
    var end = de
    var id = "dossier-" + d
    if let tv = toevoeging(de), tv.roman || !tv.spaced {
      id += "-" + tv.value
      end = tv.end
    }
    if bill != nil, ondernummers(end, bare: false) != nil || t[end] == UInt8(ascii: "-") { return nil }
    add(.dossier, [id], i, end, [MentionField.dossier: String(id.dropFirst(8))])
    return end
  }
}
