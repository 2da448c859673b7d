/// Recognizers for official publications and numbers: Staatsblad, Staatscourant, Tractatenblad,
/// explicit KOOP ids (also inside URLs), Tweede Kamer zaak and document numbers, and ministry
/// kenmerken (after a label or in a self-identifying format, reference-formats.md §1.6).
extension Scan {
  // MARK: Staatsblad, Staatscourant, Tractatenblad

  /// "Stb. 2001, 580", "Staatsblad 2008, 267", "Stcrt. 2024, 33625", "Trb. 1966, 91".
  mutating func gazette(_ i: Int) -> Int? {
    var kind: ReferenceKind
    var prefix: String
    var e: Int
    if let x = t.word(i, "Staatsblad") ?? t.word(i, "Stb") {
      (kind, prefix, e) = (.staatsblad, "stb", x)
    } else if let x = t.word(i, "Staatscourant") ?? t.word(i, "Stcrt") {
      (kind, prefix, e) = (.staatscourant, "stcrt", x)
    } else if let x = t.word(i, "Tractatenblad") ?? t.word(i, "Trb") {
      (kind, prefix, e) = (.tractatenblad, "trb", x)
    } else {
      return nil
    }
    if t[e] == UInt8(ascii: ".") { e += 1 }
    var j = t.skipSpaces(e, newlines: true, limit: 4)
    if kind == .staatsblad, t.digits(j, min: 4, max: 4) == nil, let year = lawDateYear(before: i),
      let end = staatsbladNumbers(j, year: year, start: i)
    {
      return end
    }
    guard let y = t.digits(j, min: 4, max: 4), t.atWordEnd(y) else {
      // "(Stb. 186)": an old citation without a year.
      if let n = t.digits(j, max: 5), t.atWordEnd(n), t[n] != UInt8(ascii: ",") {
        addUnresolved(kind, i, n, reason: "no year in the citation, so no publication id")
        return n
      }
      return nil
    }
    let year = t.int(j, y)
    guard year >= 1800 && year <= 2100 else { return nil }
    var k = t.skipSpaces(y, newlines: false, limit: 2)
    guard t[k] == UInt8(ascii: ",") else {
      // "Stb. 2005": a year without a number.
      addUnresolved(kind, i, y, reason: "a year without a publication number, so no publication id")
      return y
    }
    k = t.skipSpaces(k + 1, newlines: true, limit: 4)
    if let kw = nrKeyword(k) { k = t.skipSpaces(kw, newlines: false, limit: 3) }
    guard let n = t.digits(k, max: 7), t.atWordEnd(n) else { return nil }
    j = n
    add(kind, ["\(prefix)-\(t.string(y - 4, y))-\(t.string(k, n))"], i, j)
    return j
  }

  // MARK: Explicit KOOP ids

  /// Publication id prefixes of officielebekendmakingen.nl (wetsuite's list, reference-formats.md §1.2).
  static let koopPrefixes: Set<String> = [
    "kst", "ah", "kv", "h", "blg", "stcrt", "stb", "trb", "gmb", "prb", "wsb", "bgr", "nds", "ag",
  ]

  /// An explicit KOOP publication id such as `kst-36600-X-12`, `ah-tk-20242025-2790`,
  /// `blg-929493`, `stcrt-2009-9231`, also inside a URL (the `.html` is not part of it).
  mutating func koopID(_ i: Int) -> Int? {
    // The prefix: letters, then "-" (two-part prefixes such as "ah-tk" are part of the rest).
    var p = i
    while isAlpha(t[p]) && p - i < 6 { p += 1 }
    guard t[p] == UInt8(ascii: "-"), p > i else { return nil }
    let prefix = t.string(i, p).lowercased()
    guard Scan.koopPrefixes.contains(prefix) else { return nil }
    var e = p + 1
    while e < t.count && e - p < 64 && (isAlnum(t[e]) || t[e] == UInt8(ascii: "-")) { e += 1 }
    while e > p + 1 && t[e - 1] == UInt8(ascii: "-") { e -= 1 }
    guard e > p + 1, t.atWordEnd(e) else { return nil }
    let rest = t.string(p + 1, e)
    let restLower = rest.lowercased()
    guard rest.contains(where: { $0.isNumber }) else { return nil }
    let chamberRest = restLower.hasPrefix("tk-") || restLower.hasPrefix("ek-") || restLower.hasPrefix("vv-")
    let startsWithDigit = rest.first!.isNumber
    switch prefix {
    case "ah", "kv", "ag": guard chamberRest || startsWithDigit else { return nil }
    case "h": guard chamberRest else { return nil }
    case "stb", "stcrt", "trb", "gmb", "prb", "wsb", "bgr", "kst", "blg":
      guard startsWithDigit else { return nil }
    default: break
    }
    // The chamber part of the prefix is lower-case too ("AH-TK-..." -> "ah-tk-...").
    let id = prefix + "-" + (chamberRest ? String(restLower.prefix(3)) + String(rest.dropFirst(3)) : rest)
    let kind = ReferenceKind.of(id: id) ?? .koop
    var fields: MentionFields = ["explicit": "true"]
    // The KOOP footer prints the publication's own id.
    if isKOOPFooter(i, e) { fields[MentionField.role] = MentionRole.own }
    add(kind.isDocument ? kind : .koop, [id], i, e, fields)
    return e
  }

  // MARK: Tweede Kamer numbers

  /// A zaak (`2025Z14549`) or document (`2025D45253`) number at `i`, with its end.
  func tkNumberAt(_ i: Int) -> ((kind: ReferenceKind, id: String), Int)? {
    guard t[i] == UInt8(ascii: "1") || t[i] == UInt8(ascii: "2"), let y = t.digits(i, min: 4, max: 4) else {
      return nil
    }
    let year = t.int(i, y)
    guard year >= 1990 && year <= 2099 else { return nil }
    let letter = t[y]
    guard letter == UInt8(ascii: "Z") || letter == UInt8(ascii: "D"), let n = t.digits(y + 1, min: 5, max: 5),
      t.atWordEnd(n)
    else { return nil }
    return ((letter == UInt8(ascii: "Z") ? .zaak : .tkdocument, t.string(i, n)), n)
  }

  /// A bare zaak or document number in running text.
  mutating func tkNumber(_ i: Int) -> Int? {
    guard let (n, e) = tkNumberAt(i) else { return nil }
    // A zaak heading the document: the questions it answers, or the questions document itself.
    if n.kind == .zaak, let role = headingZaakRole(i, e) {
      add(n.kind, [n.id], i, e, [MentionField.role: role, "form": "heading"])
      return e
    }
    add(n.kind, [n.id], i, e)
    return e
  }

  // MARK: Kenmerken

  /// A kenmerk after its label: "Onze referentie\nMINDEF20250032172", "Ons kenmerk IENW/BSK-2025/130201",
  /// "Uw kenmerk 2025Z14549", "met kenmerk 2025Z14549". A zaak or document number after the label is
  /// reported as such (role `answers` in a sentence about questions, `reply-to` after "Uw").
  mutating func kenmerkLabel(_ i: Int) -> Int? {
    var label: String
    var role: String?
    var e: Int
    if let x = t.wordCI(i, "Onze referentie") ?? t.wordCI(i, "Ons kenmerk") {
      // Only a label line of the letterhead (or a table cell) gives the letter's own kenmerk;
      // "(ons kenmerk 7362548)" in a sentence or footnote cites another letter.
      (label, role, e) = (t.string(i, x), isLabelLine(i) ? MentionRole.own : nil, x)
    } else if let x = t.wordCI(i, "Uw kenmerk") ?? t.wordCI(i, "Uw referentie") {
      (label, role, e) = (t.string(i, x), MentionRole.replyTo, x)
    } else if let x = t.wordCI(i, "kenmerk") {
      // "Kenmerk" alone as a letterhead label (capitalised, opening its line or table cell, the
      // value after it or on the next line) is the letter's own kenmerk like "Ons kenmerk";
      // "kenmerk 7362548" inside a sentence is a citation.
      let own = t[i] == UInt8(ascii: "K") && isLabelLine(i) && labelStandsAlone(x)
      (label, role, e) = (t.string(i, x), own ? MentionRole.own : nil, x)
    } else {
      return nil
    }
    var j = t.skipSpaces(e, newlines: true, limit: 8)
    if t[j] == UInt8(ascii: ":") { j = t.skipSpaces(j + 1, newlines: true, limit: 8) }
    if let (n, ne) = tkNumberAt(j) {
      var fields: MentionFields = [MentionField.label: label]
      if let role, role == MentionRole.replyTo {
        fields[MentionField.role] = role
      } else if t.contains("vragen", from: t.sentenceStart(i, limit: 600), to: i), documentAnswers() {
        // Only a document that answers answers questions; elsewhere "de vragen met kenmerk Z" cites them.
        fields[MentionField.role] = MentionRole.answers
      }
      add(n.kind, [n.id], j, ne, fields)
      return ne
    }
    guard let (value, ve) = kenmerkValue(j) else { return nil }
    var fields: MentionFields = [MentionField.label: label]
    if let role { fields[MentionField.role] = role }
    add(.kenmerk, [CanonicalID.kenmerk(value)], j, ve, fields)
    _ = label
    return ve
  }

  /// Words naming a letter or report whose kenmerk may follow in parentheses.
  static let kenmerkDocumentWords: [StaticString] = [
    "Kamerbrief", "brief", "beleidsbrief", "verzamelbrief", "rapport", "nota", "notitie", "memo", "beslisnota",
  ]

  /// The length in bytes of the longest of `kenmerkDocumentWords`.
  static let kenmerkDocumentWordLongest = kenmerkDocumentWords.map(\.utf8CodeUnitCount).max() ?? 0

  /// A ministry kenmerk in parentheses right after a document word: "een Kamerbrief (BZ2407724)",
  /// "de brief (DGB-2024/123456)", "de brief van 3 maart 2024 (5178141)". Only kenmerk shapes count
  /// (reference-formats.md §1.6): upper-case letters glued or joined by `-`/`/` to at least six
  /// digits, or seven or eight bare digits (J&V, OCW: only with such context); the value must fill
  /// the parentheses. Law and case ids (`BWBR0005537`, `CELEX...`) and zaak or document numbers are
  /// left to their own recognizers.
  mutating func documentKenmerk(_ i: Int) -> Int? {
    // The word at `i` first (its ASCII letters), then only the document words of its length:
    // most positions sent here are other words ("briefje", "notarieel", "Kamerbrieven").
    var w = i
    let longest = Scan.kenmerkDocumentWordLongest
    while w < t.count && w - i <= longest && isAlpha(t[w]) { w += 1 }
    let length = w - i
    guard length >= 4, length <= longest, t.atWordEnd(w) else { return nil }
    var e: Int?
    for word in Scan.kenmerkDocumentWords where word.utf8CodeUnitCount == length {
      if let x = t.litCI(i, word) {
        e = x
        break
      }
    }
    guard let e else { return nil }
    var j = t.skipSpaces(e, newlines: true, limit: 3)
    // "brief van 3 maart 2024 (…)", "brief d.d. 3 maart 2024 (…)": a date between word and kenmerk.
    if let v = t.word(j, "van") ?? t.word(j, "d.d.") {
      var k = t.skipSpaces(v, newlines: true, limit: 3)
      guard let d = t.digits(k, max: 2) else { return nil }
      k = t.skipSpaces(d, newlines: true, limit: 3)
      while isLower(t[k]) && k - d < 16 { k += 1 }
      k = t.skipSpaces(k, newlines: true, limit: 3)
      if let y = t.digits(k, min: 4, max: 4) { k = t.skipSpaces(y, newlines: true, limit: 3) }
      j = k
    }
    guard t[j] == UInt8(ascii: "(") else { return nil }
    let s = t.skipSpaces(j + 1, newlines: false, limit: 2)
    guard tkNumberAt(s) == nil, let (value, ve) = kenmerkValue(s) else { return nil }
    let close = t.skipSpaces(ve, newlines: false, limit: 2)
    guard t[close] == UInt8(ascii: ")"), Scan.isKenmerkShape(value) else { return nil }
    add(.kenmerk, [CanonicalID.kenmerk(value)], s, ve, ["form": "document-parenthesis"])
    return close + 1
  }

  /// Whether a value in parentheses has a ministry kenmerk's shape: 2 to 8 upper-case letters, then
  /// digits, capitals and `-`/`/` holding at least six digits (`BZ2407724`, `MINDEF20250032172`,
  /// `DGB-2024/123456`, `IENW/BSK-2025/130201`); or seven or eight bare digits. Not a law, treaty or case id.
  static func isKenmerkShape(_ value: String) -> Bool {
    let u = Array(value.utf8)
    for p in ["BWBR", "BWBV", "CELEX", "ECLI", "CVDR", "ISBN", "ISO", "NEN", "EU", "COM"] where value.hasPrefix(p) {
      return false
    }
    var k = 0
    while k < u.count && isUpper(u[k]) { k += 1 }
    if k == 0 {
      return (7...8).contains(u.count) && u.allSatisfy(isDigit)
    }
    guard (2...8).contains(k) else { return false }
    // The rest: digits, upper-case letters and separators, at least six digits in all
    // ("2407724", "-2024/123456", "/BSK-2025/130201"); no lower-case word.
    var digits = 0
    for c in u[k...] {
      if isDigit(c) {
        digits += 1
      } else if !(isUpper(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "/") || c == UInt8(ascii: "_")) {
        return false
      }
    }
    return digits >= 6
  }

  /// True when a label ending at `e` is followed on its line only by spaces, a colon or a tab and
  /// then one value ("Kenmerk\n2024-0000123456", "Kenmerk: 7362548", "Kenmerk\t7362548"), not by
  /// running text ("Kenmerk 2024Z00081, d.d. 6 maart 2024" heads a footnote).
  func labelStandsAlone(_ e: Int) -> Bool {
    var k = e
    while k < t.count, t[k] == 0x20 || t[k] == 0x09 || t[k] == UInt8(ascii: ":") { k += 1 }
    let le = t.nearLineEnd(e)
    if k >= le { return true }
    // One value on the label's line: no space after it (one allowed after a slash, "WJZ/ 34681182").
    var j = k
    while j < le, t[j] != 0x20 || (j > k && t[j - 1] == UInt8(ascii: "/")) { j += 1 }
    return t.onlySpaces(j, le)
  }

  /// A kenmerk value as written: letters, digits and `/ & . _ -`, one space allowed after a slash
  /// ("WJZ/ 34681182"); at least one digit, 4 to 48 bytes, trailing punctuation dropped.
  func kenmerkValue(_ j: Int) -> (String, Int)? {
    guard isAlnum(t[j]) else { return nil }
    var e = j
    var digits = 0
    while e < t.count && e - j < 48 {
      let c = t[e]
      if isAlnum(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "&") || c == UInt8(ascii: ".")
        || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
      {
        if isDigit(c) { digits += 1 }
        e += 1
        continue
      }
      if c == UInt8(ascii: " ") && t[e - 1] == UInt8(ascii: "/") && isDigit(t[e + 1]) {
        e += 1
        continue
      }
      break
    }
    while e > j, let c = Optional(t[e - 1]), c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "/")
    {
      e -= 1
    }
    guard digits > 0, e - j >= 4 else { return nil }
    return (t.string(j, e), e)
  }

  /// Kenmerken that identify themselves without a label: `MINDEF20250032172`, `BS2018011757`,
  /// `IENW/BSK-2025/130201`, `COVZ2402020`, `WJZ/ 34681182`, DigiDoc `2024-0000129720`, VWS `3964007-1070580-Z`.
  mutating func kenmerkFormat(_ i: Int) -> Int? {
    var end: Int?
    if let e = t.lit(i, "MINDEF"), let d = t.digits(e, min: 11, max: 11), t.atWordEnd(d) {
      end = d
    } else if let e = t.lit(i, "BS20"), let d = t.digits(e, min: 8, max: 8), t.atWordEnd(d) {
      end = d
    } else if let e = t.lit(i, "COVZ"), let d = t.digits(e, min: 7, max: 7), t.atWordEnd(d) {
      end = d
    } else if let e = t.lit(i, "WJZ/") {
      let s = t.skipSpaces(e, newlines: false, limit: 1)
      if let d = t.digits(s, min: 8, max: 8), t.atWordEnd(d) { end = d }
    } else if let e = t.lit(i, "IENW/") {
      var k = e
      while isUpper(t[k]) && k - e < 8 { k += 1 }
      if k > e, t[k] == UInt8(ascii: "-"), let y = t.digits(k + 1, min: 4, max: 4), t[y] == UInt8(ascii: "/"),
        let n = t.digits(y + 1, min: 3, max: 9), t.atWordEnd(n)
      {
        end = n
      }
    } else if t[i] == UInt8(ascii: "2"), t[i + 1] == UInt8(ascii: "0"), let y = t.digits(i, min: 4, max: 4),
      t[y] == UInt8(ascii: "-"), t.lit(y + 1, "0000") != nil, let n = t.digits(y + 1, min: 10, max: 10),
      t.atWordEnd(n)
    {
      end = n
    } else if isDigit(t[i]), let a = t.digits(i, min: 6, max: 7), t[a] == UInt8(ascii: "-"),
      let b = t.digits(a + 1, min: 6, max: 7), t[b] == UInt8(ascii: "-")
    {
      var k = b + 1
      while isUpper(t[k]) && k - b <= 5 { k += 1 }
      if k > b + 1 && k - b - 1 <= 5 && t.atWordEnd(k) { end = k }
    }
    guard let end else { return nil }
    add(.kenmerk, [CanonicalID.kenmerk(t.string(i, end))], i, end, ["format": "self-identifying"])
    return end
  }
}
