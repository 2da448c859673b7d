/// Recognizers for actors and dates: ministries (with the roles sender, addressee, co-signer),
/// members with their party ("het lid X (P)", "de leden A (P), B (P) en C (P)", "(allen P)"),
/// answerers ("Antwoord van Minister X (Ministerie)"), signature blocks, programmes named in
/// quotes, and Dutch dates.
extension Scan {
  /// Ministry names from `Ministry.names` as lower-case bytes, longest first.
  static let ministryNames: [([UInt8], String)] = {
    var list = Ministry.names.map { (Array($0.name.lowercased().utf8), "ministerie:" + $0.abbreviation) }
    list.append((Array("financiËn".utf8), "ministerie:FIN"))
    return list.sorted { $0.0.count > $1.0.count }
  }()

  /// A ministry name at `i` ("Justitie en Veiligheid", "DEFENSIE"): its id and end.
  func ministryName(_ i: Int) -> (String, Int)? {
    // Names are lower-cased: the first byte, folded, rules most of them out without a call.
    let first = lower(t[i])
    for (bytes, id) in Scan.ministryNames where bytes[0] == first {
      if let e = t.litCIFlexible(i, bytes), t.atWordEnd(e) { return (id, e) }
    }
    return nil
  }

  /// True when a capital letter starts at `i` (ASCII or Latin-1 À-Þ).
  func startsUpper(_ i: Int) -> Bool {
    isUpper(t[i]) || (t[i] == 0xC3 && t[i + 1] >= 0x80 && t[i + 1] <= 0x9E)
  }

  /// Lower-case tussenvoegsels that may stand inside a name ("Van der Lee", "de Vries").
  static let tussenvoegsels: [StaticString] = ["van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op", "von"]

  /// A person's name at `i`: initials, tussenvoegsels and capitalised words ("Van Houwelingen",
  /// "Six Dijkstra", "P. van Houwelingen", "Yeşilgöz-Zegerius"). Returns the end of the last
  /// capitalised word.
  func personName(_ i: Int) -> Int? {
    var k = i
    var lastEnd: Int?
    var words = 0
    while words < 6 {
      if isUpper(t[k]) && t[k + 1] == UInt8(ascii: ".") {
        k += 2
        while isUpper(t[k]) && t[k + 1] == UInt8(ascii: ".") { k += 2 }
        k = t.skipSpaces(k, newlines: false, limit: 2)
        continue
      }
      var tv: Int?
      for w in Scan.tussenvoegsels {
        if let e = t.word(k, w), t[e] == 0x20 {
          tv = e
          break
        }
      }
      if let tv {
        k = tv + 1
        continue
      }
      guard startsUpper(k) else { break }
      var e = k + 1
      while e < t.count && e - k < 40 {
        let c = t[e]
        if isAlpha(c) || (c >= 0x80 && !t.atWordEnd(e)) || c == UInt8(ascii: "'") {
          e += 1
        } else if c == UInt8(ascii: "-") && startsUpper(e + 1) || c == UInt8(ascii: "-") && isLower(t[e + 1]) {
          e += 1
        } else {
          break
        }
      }
      words += 1
      lastEnd = e
      guard t[e] == 0x20 else { break }
      k = e + 1
    }
    return lastEnd
  }

  /// The party id in "(FvD)" / "(allen GroenLinks)" at `i` (the "("): id, inner range, end.
  func partyInParens(_ i: Int) -> (id: String, start: Int, end: Int, all: Bool, close: Int)? {
    guard t[i] == UInt8(ascii: "("), let close = closing(i + 1, limit: 40) else { return nil }
    var s = i + 1
    var all = false
    if let e = t.word(s, "allen") {
      s = t.skipSpaces(e, newlines: false, limit: 2)
      all = true
    }
    guard let id = Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[s..<close])) else { return nil }
    return (id, s, close, all, close + 1)
  }

  /// The id of a name given as a surname ("het lid Six Dijkstra", "Minister Van Oosten"), initials
  /// dropped ("het lid P. van Houwelingen").
  func surnameID(_ name: String) -> String {
    var copy = name
    if let id = copy.withUTF8({ Self.asciiSurnameID($0) }) { return id }
    let words = name.split(separator: " ")
    let rest = words.drop { $0.hasSuffix(".") && $0.count <= 6 }
    return PersonName.id(surname: rest.isEmpty ? name : rest.joined(separator: " "))
  }

  /// `surnameID` of an ASCII name, on its bytes: leading initials (words of at most six
  /// characters ending in ".") dropped unless nothing else is left, then lower-cased with one
  /// hyphen for each run of other characters, as `PersonName.id(surname:)` gives. Nil for a name
  /// with non-ASCII bytes.
  static func asciiSurnameID(_ u: UnsafeBufferPointer<UInt8>) -> String? {
    var from = u.count
    var k = 0
    while k < u.count {
      if u[k] >= 0x80 { return nil }
      if u[k] == 0x20 {
        k += 1
        continue
      }
      var e = k
      while e < u.count && u[e] != 0x20 {
        if u[e] >= 0x80 { return nil }
        e += 1
      }
      if !(u[e - 1] == UInt8(ascii: ".") && e - k <= 6) {
        from = k
        break
      }
      k = e
    }
    if from == u.count { from = 0 }
    for c in u[from...] where c >= 0x80 { return nil }
    let prefix: StaticString = "persoon:"
    return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + (u.count - from)) { out in
      var n = 0
      for c in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
        out[n] = c
        n += 1
      }
      var pending = false
      for c in u[from...] {
        if isAlnum(c) {
          if pending && n > 8 {
            out[n] = UInt8(ascii: "-")
            n += 1
          }
          pending = false
          out[n] = lower(c)
          n += 1
        } else {
          pending = true
        }
      }
      return n
    }
  }

  // MARK: Ministries

  /// "Ministerie van Defensie", "de minister van Justitie en Veiligheid", "staatssecretaris van
  /// Financiën"; a signature block "DE STAATSSECRETARIS VAN DEFENSIE\nGijs Tuinman" gives the signer.
  mutating func ministry(_ i: Int) -> Int? {
    var function: String?
    var e: Int
    if let x = t.wordCI(i, "ministerie") {
      e = x
    } else if let x = t.wordCI(i, "minister-president") {
      (function, e) = ("minister-president", x)
    } else if let x = t.wordCI(i, "minister") {
      (function, e) = ("minister", x)
    } else if let x = t.wordCI(i, "staatssecretaris") {
      (function, e) = ("staatssecretaris", x)
    } else {
      return nil
    }
    var j = t.skipSpaces(e, newlines: false, limit: 3)
    guard let v = t.wordCI(j, "van") ?? t.wordCI(j, "voor") else { return nil }
    j = t.skipSpaces(v, newlines: false, limit: 3)
    guard let (id, ne) = ministryName(j) else { return nil }
    let ls = t.nearLineStart(i)
    if let function,
      t.onlySpaces(ls, i)
        || t.wordCI(t.skipSpaces(ls, newlines: false), "de") != nil
          && t.onlySpaces(t.skipSpaces(ls, newlines: false) + 2, i)
    {
      // Signature block: the next line is only a name.
      var k = t.skipSpaces(ne, newlines: false, limit: 3)
      if t[k] == UInt8(ascii: ",") { k = t.skipSpaces(k + 1, newlines: false, limit: 3) }
      if t[k] == 0x0D { k += 1 }
      if t[k] == 0x0A {
        let ns = t.skipSpaces(k + 1, newlines: false, limit: 8)
        let le = t.nearLineEnd(ns)
        if le - ns >= 3 && le - ns <= 60, let pe = personName(ns), t.onlySpaces(pe, le) {
          let name = t.string(ns, pe)
          // The title line names the ministry: a mention of its own (the signer's ministry).
          add(.ministerie, [id], i, ne, [MentionField.role: MentionRole.signer, MentionField.function: function])
          add(
            .persoon, [PersonName.id(fullName: name)], ns, pe,
            [
              MentionField.role: MentionRole.signer, MentionField.function: function,
              MentionField.ministry: id, MentionField.name: name,
            ])
          return pe
        }
      }
    }
    var fields: MentionFields = [:]
    if function == nil && t.onlySpaces(ls, i) && t.onlySpaces(ne, t.nearLineEnd(ne)) && !seenSalutation {
      fields[MentionField.role] = MentionRole.sender
    } else if endsBeforeSpaces(i, "mede namens de") || endsBeforeSpaces(i, "mede namens") {
      fields[MentionField.role] = MentionRole.coSigner
    } else if function != nil && (endsBeforeSpaces(i, "Antwoord van de") || endsBeforeSpaces(i, "Antwoord van")) {
      // "Antwoord van de minister van Defensie" (no name given).
      fields[MentionField.role] = MentionRole.answerer
    } else {
      let s = t.skipSpaces(t.sentenceStart(i, limit: 600), newlines: true, limit: 64)
      if t.litCI(s, "Vragen van") != nil && t.contains(" aan ", from: s, to: i) && !t.contains(" over ", from: s, to: i)
      {
        fields[MentionField.role] = MentionRole.addressee
      }
    }
    if let function { fields[MentionField.function] = function }
    add(.ministerie, [id], i, ne, fields)
    return ne
  }

  // MARK: Members

  /// "het lid Van Houwelingen (FvD)", "de leden Omtzigt (CDA), Gesthuizen (SP) en Schouw (D66)",
  /// "de leden A en B (allen GroenLinks)". In a sentence about questions the members are askers.
  mutating func members(_ i: Int) -> Int? {
    guard
      let x = t.wordCI(i, "het lid") ?? t.wordCI(i, "de leden") ?? t.wordCI(i, "het Kamerlid")
        ?? t.wordCI(i, "de Kamerleden") ?? t.word(i, "Kamerlid") ?? t.word(i, "Kamerleden")
    else { return nil }
    var j = t.skipSpaces(x, newlines: false, limit: 8)
    var people: [(start: Int, end: Int, party: String?)] = []
    var parties: [(String, Int, Int)] = []
    var end = x
    while people.count < 15 {
      guard let ne = personName(j) else { break }
      var party: String?
      end = ne
      let s = t.skipSpaces(ne, newlines: false, limit: 8)
      if let p = partyInParens(s), !p.all {
        party = p.id
        parties.append((p.id, p.start, p.end))
        end = p.close
      }
      people.append((j, ne, party))
      let m = t.skipSpaces(end, newlines: false, limit: 8)
      if t[m] == UInt8(ascii: ",") {
        j = t.skipSpaces(m + 1, newlines: false, limit: 8)
        if t.word(j, "en") != nil { j = t.skipSpaces(j + 2, newlines: false, limit: 8) }
        continue
      }
      if let en = t.word(m, "en") {
        j = t.skipSpaces(en, newlines: false, limit: 8)
        continue
      }
      break
    }
    guard !people.isEmpty else { return nil }
    let s = t.skipSpaces(end, newlines: false, limit: 8)
    if let p = partyInParens(s), p.all {
      for n in people.indices where people[n].party == nil { people[n].party = p.id }
      parties.append((p.id, p.start, p.end))
      end = p.close
    }
    let asker = t.contains("vragen", from: t.sentenceStart(i, limit: 600), to: i)
    // Persons and parties in text order.
    var q = 0
    for p in people {
      while q < parties.count && parties[q].1 < p.start {
        add(.fractie, [parties[q].0], parties[q].1, parties[q].2)
        q += 1
      }
      let name = t.string(p.start, p.end)
      var fields: MentionFields = [MentionField.function: "lid", MentionField.name: name]
      if let party = p.party { fields[MentionField.party] = party }
      if asker { fields[MentionField.role] = MentionRole.asker }
      add(.persoon, [surnameID(name)], p.start, p.end, fields)
    }
    for (id, ps, pe) in parties[q...] { add(.fractie, [id], ps, pe) }
    return end
  }

  // MARK: Answer header

  /// "Antwoord van Minister Van Oosten (Justitie en Veiligheid)", "Antwoord van Staatssecretaris
  /// Heijnen (Infrastructuur en Waterstaat), mede namens ...": the answerer with function and ministry.
  mutating func answerHeader(_ i: Int) -> Int? {
    guard let a = t.word(i, "Antwoord") else { return nil }
    var j = t.skipSpaces(a, newlines: false, limit: 8)
    guard let v = t.word(j, "van") else { return nil }
    j = t.skipSpaces(v, newlines: false, limit: 8)
    if let d = t.word(j, "de") { j = t.skipSpaces(d, newlines: false, limit: 8) }
    var function: String
    if let f = t.wordCI(j, "minister-president") {
      (function, j) = ("minister-president", f)
    } else if let f = t.wordCI(j, "minister") {
      (function, j) = ("minister", f)
    } else if let f = t.wordCI(j, "staatssecretaris") {
      (function, j) = ("staatssecretaris", f)
    } else {
      return nil
    }
    j = t.skipSpaces(j, newlines: false, limit: 8)
    // "Antwoord van de minister van Defensie" names a ministry, not a person.
    if let v = t.wordCI(j, "van") ?? t.wordCI(j, "voor"),
      ministryName(t.skipSpaces(v, newlines: false, limit: 8)) != nil
    {
      return nil
    }
    guard let ne = personName(j) else { return nil }
    let name = t.string(j, ne)
    var fields: MentionFields = [
      MentionField.role: MentionRole.answerer, MentionField.function: function, MentionField.name: name,
    ]
    let s = t.skipSpaces(ne, newlines: false, limit: 8)
    if t[s] == UInt8(ascii: "("), let close = closing(s + 1, limit: 60), let (mid, me) = ministryName(s + 1),
      me == close
    {
      fields[MentionField.ministry] = mid
      add(.persoon, [surnameID(name)], j, ne, fields)
      add(.ministerie, [mid], s + 1, me)
      return close + 1
    }
    add(.persoon, [surnameID(name)], j, ne, fields)
    return ne
  }

  // MARK: Programmes

  /// Words after which a quoted capitalised name is a programme.
  static let introducers: Set<String> = [
    "de", "het", "programma", "project", "projectnaam", "zogenoemde", "zogenaamde", "genaamde", "operatie",
    "initiatief", "platform", "systeem",
  ]

  /// A programme named in quotes after "de", "het", "programma", "zogenoemde", ...:
  /// the “Raffinaderij”, de "Raffinaderij", de «Raffinaderij» -> `programma:raffinaderij`.
  mutating func programme(_ i: Int) -> Int? {
    var j: Int
    var closers: [StaticString]
    if t[i] == UInt8(ascii: "\"") {
      (j, closers) = (i + 1, ["\"", "”"])
    } else if t.lit(i, "“") != nil {
      (j, closers) = (i + 3, ["”", "\"", "“"])
    } else if t.lit(i, "«") != nil {
      (j, closers) = (i + 2, ["»"])
    } else if t.lit(i, "‘") != nil {
      (j, closers) = (i + 3, ["’"])
    } else {
      return nil
    }
    guard startsUpper(j) else { return nil }
    var k = j
    var close: Int?
    var closeEnd = 0
    while k < t.count && k - j <= 40 {
      for c in closers {
        if let e = t.lit(k, c) {
          close = k
          closeEnd = e
          break
        }
      }
      if close != nil { break }
      let c = t[k]
      if c == 0x0A || c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: "?")
        || c == UInt8(ascii: "!")
      {
        return nil
      }
      k += 1
    }
    guard let close, close > j else { return nil }
    // A known name in quotes (‘Palantir’) is that entity, not a programme.
    let key = UInt16(t[j]) << 8 | UInt16(t[j + 1])
    if let list = Lexicon.byPrefix[key],
      list.contains(where: { n in exact(j, Lexicon.entries[n].bytes).map { $0 == close } ?? false })
    {
      return nil
    }
    // The word before the opening quote.
    var p = i
    while p > 0 && t[p - 1] == 0x20 { p -= 1 }
    var w = p
    while w > 0 && isAlpha(t[w - 1]) { w -= 1 }
    guard p - w <= 12, Scan.introducers.contains(t.string(w, p).lowercased()) else { return nil }
    add(
      .programma, ["programma:" + CanonicalID.slug(t.string(j, close))], j, close,
      [MentionField.name: t.string(j, close)])
    return closeEnd
  }

  // MARK: Dates

  static let months: [(StaticString, Int)] = [
    ("januari", 1), ("februari", 2), ("maart", 3), ("april", 4), ("mei", 5), ("juni", 6), ("juli", 7),
    ("augustus", 8), ("september", 9), ("oktober", 10), ("november", 11), ("december", 12),
  ]

  /// "11 juli 2025", "d.d. 15 november 2022" -> field `iso` 2025-07-11; after "ingezonden (op)" or
  /// "ontvangen (op)" the field `date-role` says which date it is.
  mutating func date(_ i: Int) -> Int? {
    guard let de = t.digits(i, max: 2) else { return nil }
    let day = t.int(i, de)
    guard day >= 1 && day <= 31 else { return nil }
    let m = t.skipSpaces(de, newlines: false, limit: 2)
    guard m > de else { return nil }
    var month = 0
    var me = m
    for (name, n) in Scan.months {
      if let e = t.wordCI(m, name) {
        (month, me) = (n, e)
        break
      }
    }
    guard month > 0 else { return nil }
    let y = t.skipSpaces(me, newlines: false, limit: 2)
    guard y > me, let ye = t.digits(y, min: 4, max: 4), t.atWordEnd(ye) else { return nil }
    let year = t.int(y, ye)
    guard year >= 1800 && year <= 2100 else { return nil }
    var fields: MentionFields = [MentionField.iso: isoDate(year, month, day)]
    if endsBeforeSpaces(i, "ingezonden op") || endsBeforeSpaces(i, "ingezonden") {
      fields[MentionField.dateRole] = "ingezonden"
    } else if endsBeforeSpaces(i, "ontvangen op") || endsBeforeSpaces(i, "ontvangen") {
      fields[MentionField.dateRole] = "ontvangen"
    } else if endsBeforeSpaces(i, "datum") {
      fields[MentionField.dateRole] = "datum"
    }
    add(.date, [], i, ye, fields)
    // "Regeling van de Minister van X van 1 maart 2024, nr. 5178141": the regeling's kenmerk.
    var k = t.skipSpaces(ye, newlines: false, limit: 2)
    if t[k] == UInt8(ascii: ",") { k = t.skipSpaces(k + 1, newlines: false, limit: 2) }
    if let kw = t.lit(k, "nr.") ?? t.word(k, "kenmerk") {
      let s = t.sentenceStart(i, limit: 300)
      let v = t.skipSpaces(kw, newlines: false, limit: 2)
      if t.contains("regeling van", from: s, to: i) || t.contains("besluit van", from: s, to: i)
        || t.contains("beschikking van", from: s, to: i),
        let (value, ve) = kenmerkValue(v), value.count >= 6
      {
        if let (n, ne) = tkNumberAt(v) {
          add(n.kind, [n.id], v, ne, [MentionField.label: t.string(k, kw)])
          return ne
        }
        add(.kenmerk, [CanonicalID.kenmerk(value)], v, ve, [MentionField.label: t.string(k, kw)])
        return ve
      }
    }
    return ye
  }
}

/// `YYYY-MM-DD`.
func isoDate(_ y: Int, _ m: Int, _ d: Int) -> String {
  guard (1000...9999).contains(y), (0...99).contains(m), (0...99).contains(d) else {
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
  // YYYY-MM-DD: ten bytes, a small String built without interpolation.
  return String(unsafeUninitializedCapacity: 10) { out in
    out[0] = UInt8(0x30 + y / 1000)
    out[1] = UInt8(0x30 + y / 100 % 10)
    out[2] = UInt8(0x30 + y / 10 % 10)
    out[3] = UInt8(0x30 + y % 10)
    out[4] = 0x2D
    out[5] = UInt8(0x30 + m / 10)
    out[6] = UInt8(0x30 + m % 10)
    out[7] = 0x2D
    out[8] = UInt8(0x30 + d / 10)
    out[9] = UInt8(0x30 + d % 10)
    return 10
  }
}
