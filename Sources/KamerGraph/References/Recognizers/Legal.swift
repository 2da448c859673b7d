/// Recognizers for legal identifiers: ECLI (with the common OCR, case and spacing variants),
/// BWB ids, Juriconnect strings and CELEX numbers.
extension Scan {
  // MARK: ECLI

  /// Dutch court codes that may be written without "ECLI:NL:" ("RVS:1984:AH0317").
  static let dutchCourts: Set<String> = [
    "HR", "PHR", "RVS", "CRVB", "CBB", "GHAMS", "GHARL", "GHDHA", "GHSHE", "GHLEE", "GHSGR", "GHAMS",
    "RBAMS", "RBDHA", "RBGEL", "RBLIM", "RBMNE", "RBNHO", "RBNNE", "RBOBR", "RBOVE", "RBROT", "RBZWB",
    "RBALK", "RBARN", "RBASS", "RBBRE", "RBDOR", "RBGRO", "RBHAA", "RBLEE", "RBMAA", "RBMID", "RBSGR",
    "RBSHE", "RBUTR", "RBZLY", "RBZUT", "RBAMS", "OGHACMB", "OGEAC", "ORBAACM", "TAHVD", "TGZRSGR",
  ]

  /// The end of an ECLI separator at `j` (":" with spaces or line breaks around it, or ";").
  /// `odd` is set when the separator is not a plain colon.
  func ecliSeparator(_ j: Int, odd: inout Bool) -> Int? {
    var k = t.skipSpaces(j, newlines: true, limit: 4)
    if k != j { odd = true }
    if t[k] == UInt8(ascii: ":") {
      k += 1
    } else if t[k] == UInt8(ascii: ";") {
      odd = true
      k += 1
    } else {
      return nil
    }
    let s = t.skipSpaces(k, newlines: true, limit: 4)
    if s != k { odd = true }
    return s
  }

  /// An ECLI part: 1...`max` of `[A-Za-z0-9.]`.
  func ecliPart(_ j: Int, max: Int) -> Int? {
    var e = j
    while e < t.count && (isAlnum(t[e]) || t[e] == UInt8(ascii: ".")) {
      e += 1
      if e - j > max { return nil }
    }
    return e > j ? e : nil
  }

  /// "ECLI:NL:HR:2005:AR5213", "ECLI:EU:C:2011:787", and the variants "ECLI: NL:HR:2010:392"
  /// (spacing), "ecli:nl:hr:2010:28" (case), "ECLl:NL:..." / "ELCI:NL:..." (OCR),
  /// "ECLI:HR:2005:AT3654" (no country: a Dutch court). A repaired variant carries the field
  /// `variant`; an "ECLI" prefix whose rest cannot be read is an unresolved mention.
  mutating func ecli(_ i: Int) -> Int? {
    var variant: String?
    var p: Int
    if let e = t.litCI(i, "ECLI") {
      p = e
    } else if let e = t.lit(i, "ECLLI") ?? t.lit(i, "ECLl") ?? t.lit(i, "ELCI") ?? t.lit(i, "EClI") {
      p = e
      variant = "ocr"
    } else if let e = t.lit(i, "ECL") ?? t.lit(i, "ECI") ?? t.lit(i, "ECU") {
      p = e
      variant = "ocr"
    } else {
      return nil
    }
    var odd = false
    var j: Int
    if let s = ecliSeparator(p, odd: &odd) {
      j = s
    } else if isUpper(t[p]) && isUpper(t[p + 1]) && t[p + 2] == UInt8(ascii: ":") {
      j = p  // "ECLINL:HR:..."
      variant = "ocr"
    } else {
      return nil
    }
    guard isAlpha(t[j]), isAlpha(t[j + 1]), let c1 = Optional(j + 2), let s1 = ecliSeparator(c1, odd: &odd) else {
      return ecliUnreadable(i, p)
    }
    var country = t.string(j, c1).uppercased()
    var court: String
    var k: Int
    if let ce = ecliPart(s1, max: 7), let s2 = ecliSeparator(ce, odd: &odd), let ye = t.digits(s2, min: 4, max: 4),
      !isAlnum(t[ye]), let s3 = ecliSeparator(ye, odd: &odd)
    {
      court = t.string(s1, ce).uppercased()
      k = s3
      let year = t.string(s2, ye)
      return ecliFinish(i, country: country, court: court, year: year, ordinalAt: k, variant: variant, odd: odd)
    }
    // Court and year swapped: "ECLI:NL:2012:CRVB:BX6790".
    if let ye = t.digits(s1, min: 4, max: 4), !isAlnum(t[ye]), let s2 = ecliSeparator(ye, odd: &odd),
      let ce = ecliPart(s2, max: 7), t.string(s2, ce).allSatisfy({ $0.isLetter }), let s3 = ecliSeparator(ce, odd: &odd)
    {
      return ecliFinish(
        i, country: country, court: t.string(s2, ce).uppercased(), year: t.string(s1, ye), ordinalAt: s3,
        variant: "order", odd: odd)
    }
    // No country: "ECLI:HR:2005:AT3654" names a Dutch court.
    if let ye = t.digits(s1, min: 4, max: 4), !isAlnum(t[ye]), let s3 = ecliSeparator(ye, odd: &odd) {
      court = country
      guard Scan.dutchCourts.contains(court) else { return ecliUnreadable(i, ye) }
      country = "NL"
      return ecliFinish(
        i, country: country, court: court, year: t.string(s1, ye), ordinalAt: s3, variant: "no-country", odd: odd)
    }
    return ecliUnreadable(i, s1)
  }

  /// Reports an "ECLI" prefix whose parts cannot be read (only for the real prefix, not OCR forms).
  mutating func ecliUnreadable(_ i: Int, _ end: Int) -> Int? {
    guard t.litCI(i, "ECLI") != nil else { return nil }
    var e = end
    while e < t.count && e - i < 40 && (isAlnum(t[e]) || t[e] == UInt8(ascii: ":") || t[e] == UInt8(ascii: ".")) {
      e += 1
    }
    while e > i + 4 && (t[e - 1] == UInt8(ascii: ".") || t[e - 1] == UInt8(ascii: ":")) { e -= 1 }
    addUnresolved(.ecli, i, e, reason: "not a complete ECLI (ECLI:country:court:year:number)")
    return e
  }

  mutating func ecliFinish(
    _ i: Int, country: String, court: String, year: String, ordinalAt k: Int, variant: String?, odd: Bool
  ) -> Int? {
    guard var oe = ecliPart(k, max: 25) else { return ecliUnreadable(i, k) }
    while oe > k && t[oe - 1] == UInt8(ascii: ".") { oe -= 1 }
    guard oe > k else { return ecliUnreadable(i, k) }
    let ordinal = t.string(k, oe)
    var fields: MentionFields = [:]
    var v = variant
    if v == nil && odd { v = "spacing" }
    // The ECLI standard writes the number in upper case: lower-case letters there are a repair.
    if v == nil, ordinal.contains(where: { $0.isLowercase }) { v = "case" }
    if country == "EU" && !ordinal.allSatisfy({ $0.isNumber }) {
      addUnresolved(.ecli, i, oe, reason: "the number of an EU court ECLI is numeric")
      return oe
    }
    if let v { fields[MentionField.variant] = v }
    add(.ecli, ["ECLI:\(country):\(court):\(year):\(ordinal.uppercased())"], i, oe, fields)
    return oe
  }

  /// "NL:RvS:1984:AH0317" and "RVS:1984:AH0317": a Dutch ECLI written without its prefix.
  mutating func ecliWithoutPrefix(_ i: Int) -> Int? {
    var j = i
    if t.lit(i, "NL:") != nil { j = i + 3 }
    var ce = j
    while isAlpha(t[ce]) && ce - j < 8 { ce += 1 }
    guard ce > j, t[ce] == UInt8(ascii: ":"), Scan.dutchCourts.contains(t.string(j, ce).uppercased()) else {
      return nil
    }
    guard let ye = t.digits(ce + 1, min: 4, max: 4), t[ye] == UInt8(ascii: ":") else { return nil }
    guard var oe = ecliPart(ye + 1, max: 25) else { return nil }
    while oe > ye + 1 && t[oe - 1] == UInt8(ascii: ".") { oe -= 1 }
    guard oe > ye + 1, t.string(ye + 1, oe).contains(where: { $0.isNumber }) else { return nil }
    let id = "ECLI:NL:\(t.string(j, ce).uppercased()):\(t.string(ce + 1, ye)):\(t.string(ye + 1, oe).uppercased())"
    add(.ecli, [id], i, oe, [MentionField.variant: "no-prefix"])
    return oe
  }

  /// "LJN AB1234", "LJN: AB4535", "LJN-nummer AB2134", "ELRO-nummer AA 9162": a Landelijk
  /// Jurisprudentie Nummer. It names a decision but carries neither court nor year, so no ECLI can
  /// be built without the LJN table: an unresolved `ecli` mention with the LJN in the field `ljn`.
  mutating func ljn(_ i: Int) -> Int? {
    guard var j = t.litCI(i, "LJN") ?? t.litCI(i, "ELRO") ?? t.litCI(i, "LJ") else { return nil }
    var labelled = false
    for lit in ["-nummer", " nummer", "-nr.", "-nr", " nr.", " nr"] as [StaticString] {
      if let e = t.litCI(j, lit), t.atWordEnd(t[e - 1] == UInt8(ascii: ".") ? e - 1 : e) {
        j = e
        labelled = true
        break
      }
    }
    guard t.atWordEnd(j) || t[j] == UInt8(ascii: ":") else { return nil }
    if !labelled && t.litCI(i, "LJ") != nil && t.litCI(i, "LJN") == nil { return nil }  // "LJ" needs "nummer"/"nr"
    if t[j] == UInt8(ascii: ":") { j += 1 }
    let s = t.skipSpaces(j, newlines: false, limit: 3)
    guard s > j || t[j - 1] == UInt8(ascii: ":"), isAlpha(t[s]), isAlpha(t[s + 1]) else { return nil }
    let d = t.skipSpaces(s + 2, newlines: false, limit: 1)
    guard let e = t.digits(d, min: 4, max: 4), t.atWordEnd(e) else { return nil }
    let number = t.string(s, s + 2).uppercased() + t.string(d, e)
    addUnresolved(.ecli, i, e, reason: "an LJN number; its ECLI needs the LJN lookup table", ["ljn": number])
    return e
  }

  // MARK: BWB, Juriconnect, CELEX

  /// `BWBR0005252`, `BWBV0001234`, also in a wetten.overheid.nl URL (`/BWBR0005252/2016-10-01`:
  /// the date goes to the field `date`).
  mutating func bwb(_ i: Int) -> Int? {
    guard t.lit(i, "BWB") != nil, t[i + 3] == UInt8(ascii: "R") || t[i + 3] == UInt8(ascii: "V"),
      let e = t.digits(i + 4, min: 7, max: 7), t.atWordEnd(e)
    else { return nil }
    var fields: MentionFields = [:]
    if t[e] == UInt8(ascii: "/"), let y = t.digits(e + 1, min: 4, max: 4), t[y] == UInt8(ascii: "-") {
      fields["date"] = t.string(e + 1, min(y + 6, t.count))
    }
    add(.bwb, [t.string(i, e)], i, e, fields)
    return e
  }

  /// "jci1.31:c:BWBR0012345&g=2005-01-01&artikel=3": the BWB id, with `artikel` as a field.
  mutating func juriconnect(_ i: Int) -> Int? {
    guard let a = t.litCI(i, "jci") else { return nil }
    var k = a
    while (isDigit(t[k]) || t[k] == UInt8(ascii: ".")) && k - a < 8 { k += 1 }
    guard k > a, t[k] == UInt8(ascii: ":"), isLower(t[k + 1]), t[k + 2] == UInt8(ascii: ":") else { return nil }
    let b = k + 3
    // As in `bwb(_:)`: only BWBR and BWBV are BWB ids (fuzz finding F1 took any fourth byte).
    guard t.lit(b, "BWB") != nil, t[b + 3] == UInt8(ascii: "R") || t[b + 3] == UInt8(ascii: "V"),
      let e = t.digits(b + 4, min: 7, max: 7)
    else { return nil }
    var end = e
    while end < t.count && end - e < 300 {
      let c = t[end]
      if c <= 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ";")
        || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c >= 0x80
      {
        break
      }
      end += 1
    }
    while end > e
      && (t[end - 1] == UInt8(ascii: ".") || t[end - 1] == UInt8(ascii: ",") || t[end - 1] == UInt8(ascii: ")"))
    {
      end -= 1
    }
    var fields: MentionFields = ["juriconnect": t.string(i, end)]
    let params = t.string(e, end)
    for part in params.split(separator: "&") where !part.hasPrefix("amp;") || part.count > 4 {
      let part = part.hasPrefix("amp;") ? part.dropFirst(4) : part
      let kv = part.split(separator: "=", maxSplits: 1)
      if kv.count == 2, kv[0] == "artikel", fields[MentionField.article] == nil {
        fields[MentionField.article] = String(kv[1])
      }
    }
    add(.bwb, [t.string(b, e)], i, end, fields)
    return end
  }

  /// "CELEX:32016R0679", "CELEX 32016R0679", "celex-nummer 32016R0679" -> `CELEX:32016R0679`.
  mutating func celex(_ i: Int) -> Int? {
    guard let a = t.litCI(i, "CELEX") else { return nil }
    var j = a
    if let e = t.litCI(j, "-nummer") ?? t.litCI(j, "nummer") { j = e }
    if t[j] == UInt8(ascii: ":") { j += 1 }
    j = t.skipSpaces(j, newlines: false, limit: 3)
    let c = t[j]
    guard isDigit(c) || c == UInt8(ascii: "C") || c == UInt8(ascii: "E"), let y = t.digits(j + 1, min: 4, max: 4) else {
      return nil
    }
    var k = y
    while isUpper(t[k]) && k - y < 2 { k += 1 }
    guard k > y, let n = t.digits(k, min: 4, max: 4) else { return nil }
    var end = n
    if t[end] == UInt8(ascii: "("), let d = t.digits(end + 1, max: 3), t[d] == UInt8(ascii: ")") { end = d + 1 }
    guard t.atWordEnd(end) else { return nil }
    add(.bwb, ["CELEX:" + t.string(j, end)], i, end, ["celex": t.string(j, end)])
    return end
  }
}
