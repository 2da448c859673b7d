/// Recognizers for actors and dates: ministries (with the roles sender, addressee, co-signer),
/// members with their party ("het lid X (P)", "de leden A (P), B (P) en C (P)", "(allen P)",
/// "(beiden P)", "de SGP-leden A en B"), answerers ("Antwoord van Minister X (Ministerie)"),
/// signature blocks (also after blank lines, and "De Minister van X, Naam" on one line), speakers
/// in Handelingen ("De heer Van der Lee (GroenLinks):", "Minister Wiebes:"), the movers of a
/// motion ("motie-Wassenberg", the names under "en gaat over tot de orde van de dag."),
/// programmes named in quotes, and Dutch dates.
extension Scan {
  /// Ministry names from `Ministry.names` as lower-case bytes, longest first.
  static let ministryNames: [([UInt8], String)] = {
    var list = Ministry.names.map { (Array($0.name.lowercased().utf8), "ministerie:" + $0.abbreviation) }
    list.append((Array("financiËn".utf8), "ministerie:FIN"))
    return list.sorted { $0.0.count > $1.0.count }
  }()

  /// `Ministry.withoutPortfolio` as lower-case bytes: tried first after "voor".
  static let ministryNamesVoor: [([UInt8], String)] = Ministry.withoutPortfolio.map {
    (Array($0.name.lowercased().utf8), "ministerie:" + $0.abbreviation)
  }

  /// A ministry name at `i` ("Justitie en Veiligheid", "DEFENSIE"): its id and end. After "voor"
  /// (`voor`) a minister without portfolio may belong to another ministry.
  func ministryName(_ i: Int, voor: Bool = false) -> (String, Int)? {
    // Names are lower-cased: the first byte, folded, rules most of them out without a call.
    let first = lower(t[i])
    if voor {
      for (bytes, id) in Scan.ministryNamesVoor where bytes[0] == first {
        if let e = t.litCIFlexible(i, bytes), t.atWordEnd(e) { return (id, e) }
      }
    }
    for (bytes, id) in Scan.ministryNames where bytes[0] == first {
      // "Welzijn en Sportover het bericht": a space lost in PDF text before "over".
      if let e = t.litCIFlexible(i, bytes), t.atWordEnd(e) || t.word(e, "over") != nil && t[e + 4] == 0x20 {
        return (id, e)
      }
    }
    return nil
  }

  /// True when a capital letter starts at `i` (ASCII or Latin-1 À-Þ).
  func startsUpper(_ i: Int) -> Bool {
    isUpper(t[i]) || (t[i] == 0xC3 && t[i + 1] >= 0x80 && t[i + 1] <= 0x9E)
  }

  /// Lower-case tussenvoegsels that may stand inside a name ("Van der Lee", "de Vries").
  static let tussenvoegsels: [StaticString] = ["van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op", "von"]

  /// A line break (LF, CR LF or CR) at `i`: its end.
  func lineBreak(_ i: Int) -> Int? {
    if t[i] == 0x0A { return i + 1 }
    if t[i] == 0x0D { return t[i + 1] == 0x0A ? i + 2 : i + 1 }
    return nil
  }

  /// True when `i..<e` is a tussenvoegsel in any case ("Van", "de", "TER"): a name goes on after it.
  func isTussenvoegsel(_ i: Int, _ e: Int) -> Bool {
    for w in Scan.tussenvoegsels where w.utf8CodeUnitCount == e - i {
      if t.litCI(i, w) != nil { return true }
    }
    return false
  }

  /// A lower-case tussenvoegsel glued to a capitalised surname by a lost space ("vanDijk",
  /// "derLee"): the end of the tussenvoegsel, or nil.
  func gluedTussenvoegsel(_ k: Int) -> Int? {
    for w: StaticString in ["vander", "vanden", "van", "der", "den", "de", "ter", "ten"] {
      if let e = t.lit(k, w), isUpper(t[e]), isLower(t[e + 1]) { return e }
    }
    return nil
  }

  /// Capitalised words that are no surname: a name that would hold one is no name ("de leden der
  /// Kamer", "Aan de Voorzitter", "Betreft Antwoord op Kamervragen"). Lower-case.
  static let notNameWords: Set<String> = [
    "kamer", "kamers", "kamerleden", "staten-generaal", "tweede", "eerste", "regering", "kabinet", "minister",
    "ministers", "ministerie", "staatssecretaris", "commissie", "fractie", "voorzitter", "griffier", "staat",
    "vaste", "postbus", "datum", "betreft", "geachte", "hoogachtend", "antwoord", "antwoorden", "vraag", "vragen",
    "bijlage", "bijlagen", "inlichtingen", "kenmerk", "onze", "uw", "directie", "haag", "nederland",
    "nederlandse", "rijksoverheid", "motie", "moties", "amendement", "handelingen", "aanhangsel", "kamerstuk",
    "kamerstukken", "mede", "namens", "zie", "vergaderjaar", "artikel", "wet", "besluit", "regeling", "verzoekt",
    "constaterende", "overwegende", "voorgesteld", "ondertekening", "indiener", "indieners", "lid", "leden",
    // The address of a court under a party's function line ("DE STAATSSECRETARIS VAN FINANCIEN\n
    // Edelhoogachtbaar College,"): a salutation, not a signer.
    "college", "edelhoogachtbaar", "edelachtbaar", "excellentie", "rechtbank",
  ]

  /// True when the capitalised words of `s..<e` hold no word of `notNameWords` and the whole is
  /// not a party ("Kamerlid PVV").
  func plausibleName(_ s: Int, _ e: Int) -> Bool {
    guard e > s else { return false }
    if Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[s..<e])) != nil { return false }
    var k = s
    while k < e {
      while k < e && !isWordByte(t[k]) { k += 1 }
      var w = k
      while w < e && (isWordByte(t[w]) || t[w] == UInt8(ascii: "-")) { w += 1 }
      if w > k && startsUpper(k) && w - k <= 16 {
        if isNotNameWord(k, w) { return false }
      }
      k = max(w, k + 1)
    }
    return true
  }

  /// `notNameWords` as bytes, by length (up to 16).
  static let notNameWordsByLength: [[[UInt8]]] = {
    var out = [[[UInt8]]](repeating: [], count: 17)
    for w in notNameWords.sorted() where w.utf8.count <= 16 { out[w.utf8.count].append(Array(w.utf8)) }
    return out
  }()

  /// Whether the word `k..<w` (at most 16 bytes), lower-cased, is one of `notNameWords`: an ASCII
  /// word compared on its bytes, others through `String.lowercased`.
  func isNotNameWord(_ k: Int, _ w: Int) -> Bool {
    let word = UnsafeBufferPointer(rebasing: t.b[k..<w])
    if word.contains(where: { $0 >= 0x80 }) { return Scan.notNameWords.contains(t.string(k, w).lowercased()) }
    candidates: for candidate in Scan.notNameWordsByLength[word.count] {
      for n in 0..<word.count where lower(word[n]) != candidate[n] { continue candidates }
      return true
    }
    return false
  }

  /// A person's name at `i`: initials, tussenvoegsels and capitalised words ("Van Houwelingen",
  /// "Six Dijkstra", "P. van Houwelingen", "Yeşilgöz-Zegerius", "Faber - Van de Klashorst",
  /// "Inge vanDijk"). A name goes on across a line break after a tussenvoegsel ("Van\nDijk").
  /// Returns the end of the last capitalised word; nil for "der Kamer" and other words that are
  /// no name (`plausibleName`).
  func personName(_ i: Int) -> Int? {
    var k = i
    var lastEnd: Int?
    var words = 0
    var surname = false  // a capitalised word that is no tussenvoegsel ("De" alone is no name)
    while words < 6 {
      if isUpper(t[k]) && t[k + 1] == UInt8(ascii: ".") {
        k += 2
        while isUpper(t[k]) && t[k + 1] == UInt8(ascii: ".") { k += 2 }
        k = t.skipSpaces(k, newlines: false, limit: 2)
        continue
      }
      var tv: Int?
      for w in Scan.tussenvoegsels {
        if let e = t.word(k, w), t[e] == 0x20 || lineBreak(e) != nil {
          tv = e
          break
        }
      }
      if let tv {
        // No name starts with "der" or "den" ("de leden der Kamer").
        if k == i && t[k + 1] == UInt8(ascii: "e") && (t[k + 2] == UInt8(ascii: "r") || t[k + 2] == UInt8(ascii: "n"))
          && tv == k + 3
        {
          return nil
        }
        k = t.skipSpaces(tv, newlines: true, limit: 3)
        continue
      }
      guard startsUpper(k) || gluedTussenvoegsel(k) != nil else { break }
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
      if !isTussenvoegsel(k, e) { surname = true }
      if t[e] == 0x20 {
        // "Faber - Van de Klashorst", "Faber – van de Klashorst": a double name with a spaced dash.
        if let d = t.dash(e + 1), t[d] == 0x20,
          startsUpper(d + 1) && isLower(t[d + 2]) || Scan.tussenvoegsels.contains(where: { t.word(d + 1, $0) != nil })
        {
          k = d + 1
          continue
        }
        k = e + 1
        continue
      }
      // "Van\nDijk": a capitalised tussenvoegsel at a line end.
      if let b = lineBreak(e), isTussenvoegsel(k, e), startsUpper(t.skipSpaces(b, newlines: false, limit: 4)) {
        k = t.skipSpaces(b, newlines: false, limit: 4)
        continue
      }
      break
    }
    guard let lastEnd, surname, plausibleName(i, lastEnd) else { return nil }
    return lastEnd
  }

  /// The party id in "(FvD)" / "(allen GroenLinks)" / "(beiden GroenLinks-PvdA)" at `i` (the
  /// "("): id, inner range, end.
  func partyInParens(_ i: Int) -> (id: String, start: Int, end: Int, all: Bool, close: Int)? {
    guard t[i] == UInt8(ascii: "("), let close = closing(i + 1, limit: 40) else { return nil }
    var s = i + 1
    var all = false
    if let e = t.word(s, "allen") ?? t.word(s, "beiden") ?? t.word(s, "beide") {
      s = t.skipSpaces(e, newlines: false, limit: 2)
      all = true
    }
    if let id = Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[s..<close])) { return (id, s, close, all, close + 1) }
    // "(D66, Eerste Kamer)", "(CDA, Tweede Kamer)": the party, then its chamber after a comma.
    var comma = s
    while comma < close && t[comma] != UInt8(ascii: ",") { comma += 1 }
    guard comma < close, let id = Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[s..<comma])) else { return nil }
    let rest = t.skipSpaces(comma + 1, newlines: true, limit: 4)
    guard t.word(rest, "Eerste Kamer") != nil || t.word(rest, "Tweede Kamer") != nil else { return nil }
    return (id, s, comma, all, close + 1)
  }

  /// The id of a name given as a surname ("het lid Six Dijkstra", "Minister Van Oosten"), initials
  /// dropped ("het lid P. van Houwelingen"), first names before a tussenvoegsel dropped ("het lid
  /// Inge van Dijk") and a glued tussenvoegsel parted ("VanMeenen"): `PersonName.surname(ofWrittenName:)`.
  func surnameID(_ name: String) -> String {
    var copy = name
    if !Scan.needsWrittenForm(name), let id = copy.withUTF8({ Self.asciiSurnameID($0) }) { return id }
    if let id = copy.withUTF8({ PersonName.asciiWrittenNameID($0) }) { return id }
    return PersonName.id(surname: PersonName.surname(ofWrittenName: name))
  }

  /// True when a name may have first names before a tussenvoegsel or a glued tussenvoegsel: a
  /// lower-case letter after a space, or a capital right after a lower-case letter.
  static func needsWrittenForm(_ name: String) -> Bool {
    var previous: UInt8 = 0x20
    for c in name.utf8 {
      if previous == 0x20 && isLower(c) { return true }
      if isLower(previous) && isUpper(c) { return true }
      previous = c
    }
    return false
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
    return PersonName.asciiID(u, from: from)
  }

  /// The name as written, in NFC (`PersonName.normalized`), for the field `name`.
  func nameText(_ s: Int, _ e: Int) -> String {
    let raw = t.string(s, e)
    var k = s
    while k < e {
      // Combining diacritical marks are CC 80 - CD AF in UTF-8.
      if t[k] == 0xCC || (t[k] == 0xCD && t[k + 1] <= 0xAF) { return PersonName.normalized(raw) }
      k += 1
    }
    return raw
  }

  /// The start of the sentence holding `i` in text whose lines are wrapped (PDF text): a single
  /// line break does not end it, a blank line, ". " before a capital, "?" or "!" does.
  func wrappedSentenceStart(_ i: Int, limit: Int = 600) -> Int {
    var j = i
    let stop = max(0, i - limit)
    while j > stop {
      let c = t[j - 1]
      if c == 0x0A {
        var p = j - 2
        while p >= stop && (t[p] == 0x20 || t[p] == 0x0D || t[p] == 0x09) { p -= 1 }
        if p < stop || t[p] == 0x0A || t[p] == UInt8(ascii: ".") || t[p] == UInt8(ascii: "?")
          || t[p] == UInt8(ascii: ":")
        {
          return j
        }
      } else if (c == 0x20) && j >= 2 {
        let p = t[j - 2]
        if (p == UInt8(ascii: "?") || p == UInt8(ascii: "!")) && isUpper(t[j]) { return j }
        if p == UInt8(ascii: ".") && isUpper(t[j]) && j >= 3 && isLower(t[j - 3]) && isLower(t[j - 4]) { return j }
      }
      j -= 1
    }
    return stop
  }

  /// The first position of the word `literal` (case-insensitive) in `from..<to`, or nil.
  func findWord(_ literal: StaticString, from: Int, to: Int) -> Int? {
    var k = max(0, from)
    let n = literal.utf8CodeUnitCount
    guard n > 0 else { return nil }
    // The first byte (either case) before anything else: most positions fail on it.
    let first = lower(literal.utf8Start[0])
    while k + n <= to {
      if lower(t[k]) == first, t.atWordStart(k), let e = t.litCI(k, literal), t.atWordEnd(e) { return k }
      k += 1
    }
    return nil
  }

  /// True when `i` stands in the part of a sentence about questions that names whom they were
  /// put to: "Vragen van het lid X (P) aan de Minister van Y en ...", "hebben de leden ...
  /// schriftelijke vragen gesteld aan de minister van Y en de staatssecretaris van Z over ...".
  func addressedByQuestions(_ i: Int) -> Bool {
    let s = wrappedSentenceStart(i)
    // Both forms below need "vragen" or "vraag": most sentences hold neither.
    guard t.contains("vra", from: s, to: i) else { return false }
    // The last "Vragen van" / "Vraag van" before `i` (a heading may follow "Vragen gesteld door
    // de leden der Kamer").
    var heading: Int?
    var k = s
    while let v = findWord("vragen", from: k, to: i) ?? findWord("vraag", from: k, to: i) {
      if t.word(t.skipSpaces(v + (t[v + 4] == UInt8(ascii: "e") ? 6 : 5), newlines: true, limit: 4), "van") != nil {
        heading = v
      }
      k = v + 5
    }
    if let v = heading {
      guard let a = findWord("aan", from: v, to: i) else { return false }
      return findWord("over", from: a, to: i) == nil
    }
    guard let v = findWord("vragen", from: s, to: i), let g = findWord("gesteld", from: v, to: i),
      let a = findWord("aan", from: g, to: i), a - g <= 12
    else { return false }
    return findWord("over", from: a, to: i) == nil
  }

  // MARK: Ministries

  /// "Ministerie van Defensie", "de minister van Justitie en Veiligheid", "staatssecretaris van
  /// Financiën", "de Ministers van Financiën en voor Buitenlandse Handel en Ontwikkelingshulp"
  /// (each ministry a mention); a signature block "DE STAATSSECRETARIS VAN DEFENSIE\nGijs Tuinman"
  /// (the name also after blank lines, or after a comma on the same line) gives the signer;
  /// "Minister Wiebes:" at a line start is a speaker in Handelingen.
  mutating func ministry(_ i: Int) -> Int? {
    var function: String?
    var e: Int
    if let x = t.wordCI(i, "ministerie") {
      e = x
    } else if let x = t.wordCI(i, "minister-president") {
      (function, e) = ("minister-president", x)
    } else if let x = t.wordCI(i, "minister") ?? t.wordCI(i, "ministers") {
      (function, e) = ("minister", x)
    } else if let x = t.wordCI(i, "staatssecretaris") ?? t.wordCI(i, "staatssecretarissen") {
      (function, e) = ("staatssecretaris", x)
    } else {
      return nil
    }
    let ls = t.nearLineStart(i)
    let lineHead =
      t.onlySpaces(ls, i)
      || t.wordCI(t.skipSpaces(ls, newlines: false), "de") != nil
        && t.onlySpaces(t.skipSpaces(ls, newlines: false) + 2, i)
    var j = t.skipSpaces(e, newlines: true, limit: 8)
    let voor = t.wordCI(j, "voor")
    guard let v = t.wordCI(j, "van") ?? voor else {
      if let function { return functionWithoutMinistry(i, e, function, lineHead: lineHead) }
      return nil
    }
    j = t.skipSpaces(v, newlines: true, limit: 8)
    guard let (id, ne) = ministryName(j, voor: voor != nil) else {
      // "minister Van Hijum", "staatssecretaris Van Ark": "Van" starts the surname, not a ministry.
      if let function, voor == nil, isUpper(t[t.skipSpaces(e, newlines: true, limit: 8)]) {
        return functionWithoutMinistry(i, e, function, lineHead: lineHead)
      }
      return nil
    }
    if let function, lineHead, let end = signature(i, id, ne, function) { return end }
    var fields: MentionFields = [:]
    if function == nil && t.onlySpaces(ls, i) && t.onlySpaces(ne, t.nearLineEnd(ne)) && !seenSalutation {
      fields[MentionField.role] = MentionRole.sender
    } else if afterMedeNamens(i) {
      fields[MentionField.role] = MentionRole.coSigner
    } else if function != nil && opensBriefVanDe(i) {
      // A Kamerstuk's title "BRIEF VAN DE MINISTER VAN X": the ministry that sends it (issue 18).
      fields[MentionField.role] = MentionRole.sender
    } else if function != nil
      && (endsBeforeSpaces(i, "Antwoord van de") || endsBeforeSpaces(i, "Antwoord van")
        || endsBeforeSpaces(i, "Mededeling van de") || endsBeforeSpaces(i, "Mededeling van"))
    {
      // "Antwoord van de minister van Defensie" (no name given).
      fields[MentionField.role] = MentionRole.answerer
    } else if function != nil && addressedByQuestions(i) {
      fields[MentionField.role] = MentionRole.addressee
    }
    if let function { fields[MentionField.function] = function }
    add(.ministerie, [id], i, ne, fields)
    // "minister van Buitenlandse Zaken, S.A. Blok - 15 maart 2018": the minister, by initials.
    let c = t.skipSpaces(ne, newlines: false, limit: 2)
    if let function, t[c] == UInt8(ascii: ","), case let ns = t.skipSpaces(c + 1, newlines: false, limit: 3),
      isUpper(t[ns]) && t[ns + 1] == UInt8(ascii: "."), let pe = personName(ns)
    {
      let name = nameText(ns, pe)
      add(
        .persoon, [PersonName.id(fullName: name)], ns, pe,
        [MentionField.function: function, MentionField.ministry: id, MentionField.name: name])
      return pe
    }
    return moreMinistries(ne, fields)
  }

  /// True when "Brief van de" (any case) opens the line and ends just before `i`: the title line of
  /// a Kamerstuk ("BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN"), not "een brief van de minister".
  func opensBriefVanDe(_ i: Int) -> Bool {
    var j = i
    while j > 0 && (t[j - 1] == 0x20 || t[j - 1] == 0x09) { j -= 1 }
    let n = "Brief van de".utf8.count
    guard j >= n, t.endsBefore(j, "Brief van de") else { return false }
    return t.onlySpaces(t.nearLineStart(j - n), j - n)
  }

  /// The word that ends just before `i` (spaces and line breaks skipped back): its start, or nil.
  func wordBefore(_ i: Int) -> Int? {
    var j = i
    while j > 0 && (t[j - 1] == 0x20 || t[j - 1] == 0x09 || t[j - 1] == 0x0A || t[j - 1] == 0x0D) { j -= 1 }
    var s = j
    while s > 0 && j - s < 16 && isAlpha(t[s - 1]) { s -= 1 }
    return s < j ? s : nil
  }

  /// "mede namens de Minister", also over a line break ("mede\nnamens de Minister").
  func afterMedeNamens(_ i: Int) -> Bool {
    guard var w = wordBefore(i) else { return false }
    if t.wordCI(w, "de") != nil {
      guard let p = wordBefore(w) else { return false }
      w = p
    }
    guard t.wordCI(w, "namens") != nil, let m = wordBefore(w) else { return false }
    return t.wordCI(m, "mede") != nil
  }

  /// "Ministers van X en van Y", "... en voor Y": the ministries after the first, with its fields.
  mutating func moreMinistries(_ end: Int, _ fields: MentionFields) -> Int {
    var end = end
    var n = 0
    while n < 4 {
      var k = t.skipSpaces(end, newlines: true, limit: 8)
      if t[k] == UInt8(ascii: ",") { k = t.skipSpaces(k + 1, newlines: true, limit: 8) }
      guard let en = t.word(k, "en") else { break }
      let p = t.skipSpaces(en, newlines: true, limit: 8)
      let voor = t.word(p, "voor")
      guard let v = t.word(p, "van") ?? voor else { break }
      let s = t.skipSpaces(v, newlines: true, limit: 8)
      guard let (id, ne) = ministryName(s, voor: voor != nil) else { break }
      add(.ministerie, [id], p, ne, fields)
      end = ne
      n += 1
    }
    return end
  }

  /// A function word not followed by "van"/"voor": a speaker ("Minister Wiebes:",
  /// "Staatssecretaris\nKeijzer :") at a line start; "Minister-President" heads AZ where it has a
  /// role (signature, "Antwoord van Minister-President X" is the answer header's).
  mutating func functionWithoutMinistry(_ i: Int, _ e: Int, _ function: String, lineHead: Bool) -> Int? {
    if lineHead {
      let ns = t.skipSpaces(e, newlines: true, limit: 8)
      if let pe = personName(ns) {
        let c = t.skipSpaces(pe, newlines: true, limit: 8)
        if t[c] == UInt8(ascii: ":") {
          let name = nameText(ns, pe)
          add(.persoon, [surnameID(name)], ns, pe, [MentionField.function: function, MentionField.name: name])
          return c + 1
        }
      }
      if function == "minister-president", let end = signature(i, "ministerie:AZ", e, function) { return end }
    } else if function == "minister-president" && addressedByQuestions(i) {
      add(.ministerie, ["ministerie:AZ"], i, e, [MentionField.role: MentionRole.addressee, MentionField.function: function])
      return e
    }
    // "de toenmalige Staatssecretaris Blokhuis", "minister Helder": the person, by surname
    // (not a portfolio: "Staatssecretaris Jeugd, Preventie en Sport").
    let ns = t.skipSpaces(e, newlines: false, limit: 2)
    guard ns > e,
      startsUpper(ns) || gluedTussenvoegsel(ns) != nil || Scan.tussenvoegsels.contains(where: { t.word(ns, $0) != nil }),
      ministryName(ns) == nil, let pe = personName(ns), !(isUpper(t[pe - 1]) && isUpper(t[ns + 1]))
    else { return nil }
    let name = nameText(ns, pe)
    add(.persoon, [surnameID(name)], ns, pe, [MentionField.function: function, MentionField.name: name])
    return pe
  }

  /// A signature block: the function line ("De Minister van Justitie en Veiligheid,") and the
  /// signer's name after it: on the next line, after blank lines, or after a comma on the same
  /// line ("De Staatssecretaris van Financiën, M. Snel"). Under "Uitgegeven ..." (the minister
  /// who publishes a Staatsblad) both are plain mentions. Nil when no name follows.
  mutating func signature(_ i: Int, _ id: String, _ ne: Int, _ function: String) -> Int? {
    var k = t.skipSpaces(ne, newlines: false, limit: 3)
    var comma = false
    if t[k] == UInt8(ascii: ",") {
      comma = true
      k = t.skipSpaces(k + 1, newlines: false, limit: 3)
    }
    var ns: Int
    var blank = false
    if let b = lineBreak(k) {
      ns = t.skipSpaces(b, newlines: false, limit: 8)
      // Blank lines between the function and the name (room for the handwritten signature).
      var lines = 0
      while lines < 6, let b2 = lineBreak(ns) {
        ns = t.skipSpaces(b2, newlines: false, limit: 8)
        lines += 1
        blank = true
      }
    } else if comma {
      ns = k
    } else {
      return nil
    }
    let le = t.nearLineEnd(ns)
    guard le - ns >= 3 && le - ns <= 60, let pe = personName(ns) else { return nil }
    var after = pe
    if t[after] == UInt8(ascii: ",") || t[after] == UInt8(ascii: ".") { after += 1 }
    guard t.onlySpaces(after, le) else { return nil }
    // After blank lines only a line that reads as a signature: the function line ends with a
    // comma, or the name has initials ("F.M. Weerwind"), or it stands alone on its line.
    // A title line in capitals ("DE MINISTER VAN KLIMAAT EN GROENE GROEI") is a signature block
    // whatever follows the name: in a .docx or .odt the footnotes come right after it.
    let capitals = isUpper(t[i]) && isUpper(t[i + 1])
    if blank && !comma && !capitals && !(isUpper(t[ns]) && t[ns + 1] == UInt8(ascii: ".")) {
      let next = lineBreak(le).map { t.skipSpaces($0, newlines: false, limit: 8) } ?? le
      guard next >= t.count || lineBreak(next) != nil else { return nil }
    }
    let name = nameText(ns, pe)
    // The line before: "Uitgegeven de zevenentwintigste maart 2018" (the publishing minister).
    let ls = t.nearLineStart(i)
    let published = ls > 1 && t.contains("uitgegeven", from: t.nearLineStart(ls - 1), to: ls)
    var fields: MentionFields = [MentionField.function: function]
    if !published { fields[MentionField.role] = MentionRole.signer }
    // The title line names the ministry: a mention of its own (the signer's ministry).
    add(.ministerie, [id], i, ne, fields)
    fields[MentionField.ministry] = id
    fields[MentionField.name] = name
    add(.persoon, [PersonName.id(fullName: name)], ns, pe, fields)
    return pe
  }

  // MARK: Members

  /// "het lid Van Houwelingen (FvD)", "de leden Omtzigt (CDA), Gesthuizen (SP) en Schouw (D66)",
  /// "de leden A en B (allen GroenLinks)", "(beiden P)", "de SGP-leden A en B", "voormalig lid X
  /// (P)", "Lilian Helder, Kamerlid PVV". The members are askers in a sentence about questions
  /// ("Vragen van de leden ...", "het lid X heeft vragen gesteld"), unless the questions' number
  /// follows them ("de vragen van de leden A en B (2022Z10723)": other questions, cited).
  /// Also speakers ("De heer Van der Lee (GroenLinks):"), "motie-X" and the movers under a motion.
  mutating func members(_ i: Int) -> Int? {
    if t[i] == UInt8(ascii: "D") || t[i] == UInt8(ascii: "d") || t[i] == UInt8(ascii: "M") {
      if let e = speaker(i) { return e }
    }
    if t[i] == UInt8(ascii: "m") || t[i] == UInt8(ascii: "M") || t[i] == UInt8(ascii: "a") || t[i] == UInt8(ascii: "A") {
      if let e = motionNames(i) { return e }
    }
    if t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E"), let e = motionMovers(i) { return e }
    var defaultParty: String?
    let x: Int
    if let a = t.wordCI(i, "het lid") ?? t.wordCI(i, "de leden") ?? t.wordCI(i, "het Kamerlid")
      ?? t.wordCI(i, "de Kamerleden")
    {
      x = a
    } else if let a = t.wordCI(i, "Kamerlid") ?? t.wordCI(i, "Kamerleden") ?? t.wordCI(i, "leden")
      ?? t.wordCI(i, "lid")
    {
      // "SGP-leden", "VVD-Kamerlid", "voormalig lid", "oud-Kamerlid"; a bare "lid" or "leden"
      // ("eerste lid", "de leden van de commissie") is no anchor.
      if i > 0 && t[i - 1] == UInt8(ascii: "-") {
        var p = i - 1
        while p > 0 && i - p < 32 && (isAlnum(t[p - 1]) || t[p - 1] == UInt8(ascii: "-")) { p -= 1 }
        defaultParty = Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[p..<(i - 1)]))
      }
      let bare = t[i] == UInt8(ascii: "l") || t[i] == UInt8(ascii: "L")
      if bare && defaultParty == nil && !endsBeforeSpaces(i, "voormalig") && !endsBeforeSpaces(i, "voormalige")
        && !(i > 0 && t[i - 1] == UInt8(ascii: "-") && t.endsBefore(i - 1, "oud"))
      {
        return nil
      }
      x = a
    } else {
      return nil
    }
    // After "het lid" / "de leden" the name may wrap to the next line; after a bare "Kamerleden"
    // (a menu item) the next line is something else.
    var j = t.skipSpaces(x, newlines: isLower(t[i]) || t[i] == UInt8(ascii: "H") || t[i] == UInt8(ascii: "D"), limit: 8)
    // "Lilian Helder, Kamerlid PVV": the party after the function, the name before it.
    if let (partyID, pe) = partyWord(j) {
      return memberBefore(i, partyID, j, pe)
    }
    // "de leden lid Inge van Dijk (CDA)": a stray "lid".
    if let l = t.word(j, "lid") { j = t.skipSpaces(l, newlines: false, limit: 8) }
    var people: [(start: Int, end: Int, party: String?)] = []
    var parties: [(String, Int, Int)] = []
    var end = x
    while people.count < 15 {
      guard let ne = personName(j) else { break }
      var party: String?
      end = ne
      var s = t.skipSpaces(ne, newlines: false, limit: 8)
      // "het lid Van Meenen c.s. (D66)": the co-movers between name and party.
      if let cs = t.lit(s, "c.s."), t[t.skipSpaces(cs, newlines: false, limit: 8)] == UInt8(ascii: "(") {
        s = t.skipSpaces(cs, newlines: false, limit: 8)
      }
      if let p = partyInParens(s), !p.all {
        party = p.id
        parties.append((p.id, p.start, p.end))
        end = p.close
      }
      people.append((j, ne, party))
      let m = t.skipSpaces(end, newlines: false, limit: 8)
      if t[m] == UInt8(ascii: ",") {
        j = t.skipSpaces(m + 1, newlines: true, limit: 8)
        if t.word(j, "en") != nil { j = t.skipSpaces(j + 2, newlines: true, limit: 8) }
        continue
      }
      if let en = t.word(m, "en") {
        j = t.skipSpaces(en, newlines: true, limit: 8)
        continue
      }
      break
    }
    guard !people.isEmpty else { return nil }
    let s = t.skipSpaces(end, newlines: true, limit: 8)
    if let p = partyInParens(s), p.all {
      for n in people.indices where people[n].party == nil { people[n].party = p.id }
      parties.append((p.id, p.start, p.end))
      end = p.close
    }
    if let defaultParty {
      for n in people.indices where people[n].party == nil { people[n].party = defaultParty }
    }
    let asker = askers(i, end)
    // Persons and parties in text order.
    var q = 0
    for p in people {
      while q < parties.count && parties[q].1 < p.start {
        add(.fractie, [parties[q].0], parties[q].1, parties[q].2)
        q += 1
      }
      let name = nameText(p.start, p.end)
      var fields: MentionFields = [MentionField.function: "lid", MentionField.name: name]
      if let party = p.party { fields[MentionField.party] = party }
      if asker { fields[MentionField.role] = MentionRole.asker }
      add(.persoon, [surnameID(name)], p.start, p.end, fields)
    }
    for (id, ps, pe) in parties[q...] { add(.fractie, [id], ps, pe) }
    return end
  }

  /// True when the members named at `i..<end` asked the questions this sentence is about:
  /// "vragen" before them ("Vragen van de leden ...", "Uitstel beantwoording vragen van het lid
  /// ..."), or "vragen ... gesteld/ingediend" after them ("het lid X heeft vragen gesteld",
  /// "hebben de leden A en B schriftelijke vragen gesteld"); not when the questions' own number
  /// follows the names ("de vragen van de leden A en B (2022Z10723)").
  func askers(_ i: Int, _ end: Int) -> Bool {
    // A question number close after the names: those questions are another document's.
    var z = end
    while z < t.count && z - end < 80 && t[z] != UInt8(ascii: ".") {
      if isDigit(t[z]) && !isDigit(t[z - 1]) && t.digits(z, min: 4, max: 4) != nil
        && (t[z + 4] == UInt8(ascii: "Z") || t[z + 4] == UInt8(ascii: "D")) && t.digits(z + 5, min: 5, max: 5) != nil
      {
        return false
      }
      z += 1
    }
    let ss = t.sentenceStart(i, limit: 600)
    if t.contains("eerdere vragen", from: ss, to: i) || t.contains("eerder gestelde vragen", from: ss, to: i) {
      return false
    }
    if t.contains("vragen", from: ss, to: i) || t.contains("vraag van", from: ss, to: i) { return true }
    var stop = end
    while stop < t.count && stop - end < 240 && t[stop] != UInt8(ascii: ".") && t[stop] != UInt8(ascii: "?") {
      stop += 1
    }
    guard let v = findWord("vragen", from: end, to: stop) else { return false }
    return findWord("gesteld", from: v, to: stop) != nil || findWord("ingediend", from: v, to: stop) != nil
  }

  /// A party name standing alone as a word at `i` ("PVV", "GroenLinks-PvdA"): its id and end.
  func partyWord(_ i: Int) -> (String, Int)? {
    var e = i
    while e < t.count && e - i < 24 && (isAlnum(t[e]) || t[e] == UInt8(ascii: "-")) { e += 1 }
    guard e > i, t.atWordEnd(e), let id = Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[i..<e])) else {
      return nil
    }
    return (id, e)
  }

  /// "Lilian Helder, Kamerlid PVV": the name before the comma (a line to itself up to it) is a
  /// member of the party; under the label "Indiener" (a tweedekamer.nl page) the signer.
  mutating func memberBefore(_ i: Int, _ party: String, _ ps: Int, _ pe: Int) -> Int? {
    var c = i
    while c > 0 && t[c - 1] == 0x20 { c -= 1 }
    guard c > 0, t[c - 1] == UInt8(ascii: ",") else {
      add(.fractie, [party], ps, pe)
      return pe
    }
    let ls = t.nearLineStart(c - 1)
    let ns = t.skipSpaces(ls, newlines: false, limit: 8)
    // The name starts before the anchor: at most 120 bytes back, well inside the lag a streamed
    // extraction keeps (`Extractor.streamLag`).
    guard c - ns <= 120, let ne = personName(ns), ne == c - 1 else {
      add(.fractie, [party], ps, pe)
      return pe
    }
    let name = nameText(ns, ne)
    var fields: MentionFields = [MentionField.function: "lid", MentionField.name: name, MentionField.party: party]
    if ls > 1 {
      let prev = t.nearLineStart(ls - 1)
      if t.word(prev, "Indiener") != nil || t.word(prev, "Indieners") != nil {
        fields[MentionField.role] = MentionRole.signer
      }
    }
    add(.persoon, [PersonName.id(fullName: name)], ns, ne, fields)
    add(.fractie, [party], ps, pe)
    return pe
  }

  /// A speaker in Handelingen: "De heer Van der Lee (GroenLinks):", "Mevrouw Kröger
  /// (GroenLinks-PvdA):", also laid out over lines ("De heer\nWörsdörfer  (\nVVD\n):"); at a line
  /// start, ending in a colon.
  mutating func speaker(_ i: Int) -> Int? {
    guard let x = t.word(i, "De heer") ?? t.word(i, "Mevrouw") ?? t.word(i, "MEVROUW") ?? t.word(i, "DE HEER")
    else { return nil }
    guard t.onlySpaces(t.nearLineStart(i), i) else { return nil }
    let ns = t.skipSpaces(x, newlines: true, limit: 8)
    guard let ne = personName(ns) else { return nil }
    var k = t.skipSpaces(ne, newlines: true, limit: 8)
    var party: (String, Int, Int)?
    if t[k] == UInt8(ascii: "(") {
      let ps = t.skipSpaces(k + 1, newlines: true, limit: 8)
      guard let (id, pe) = partyWord(ps) else { return nil }
      let c = t.skipSpaces(pe, newlines: true, limit: 8)
      guard t[c] == UInt8(ascii: ")") else { return nil }
      party = (id, ps, pe)
      k = t.skipSpaces(c + 1, newlines: true, limit: 8)
    }
    guard t[k] == UInt8(ascii: ":") else { return nil }
    let name = nameText(ns, ne)
    var fields: MentionFields = [MentionField.function: "lid", MentionField.name: name]
    if let party { fields[MentionField.party] = party.0 }
    add(.persoon, [surnameID(name)], ns, ne, fields)
    if let party { add(.fractie, [party.0], party.1, party.2) }
    return k + 1
  }

  /// "motie-Wassenberg", "de motie-Laçin/Beckerman", "amendement-Van der Lee": the members who
  /// moved it.
  mutating func motionNames(_ i: Int) -> Int? {
    guard let d = t.litCI(i, "motie-") ?? t.litCI(i, "moties-") ?? t.litCI(i, "amendement-") else { return nil }
    var j = d
    var end: Int?
    var n = 0
    while n < 6, let ne = personName(j) {
      let name = nameText(j, ne)
      add(.persoon, [surnameID(name)], j, ne, [MentionField.function: "lid", MentionField.name: name])
      end = ne
      n += 1
      guard t[ne] == UInt8(ascii: "/"), startsUpper(ne + 1) else { break }
      j = ne + 1
    }
    return end
  }

  /// The movers of a motion: the name lines under "en gaat over tot de orde van de dag." (each
  /// a signer of the motion).
  mutating func motionMovers(_ i: Int) -> Int? {
    guard let x = t.litCI(i, "en gaat over tot de orde van de dag") else { return nil }
    var k = x
    if t[k] == UInt8(ascii: ".") { k += 1 }
    var end = k
    var lines = 0
    var found = 0
    while lines < 16, let b = lineBreak(t.skipSpaces(end, newlines: false, limit: 8)) {
      let ns = t.skipSpaces(b, newlines: false, limit: 8)
      lines += 1
      if lineBreak(ns) != nil {
        // A blank line: the names may come after one or two; after a name it ends the list.
        if found > 0 || lines > 3 { break }
        end = ns
        continue
      }
      let le = t.nearLineEnd(ns)
      guard le - ns <= 60, let pe = personName(ns), t.onlySpaces(pe, le) else { break }
      let name = nameText(ns, pe)
      add(
        .persoon, [surnameID(name)], ns, pe,
        [MentionField.role: MentionRole.signer, MentionField.function: "lid", MentionField.name: name])
      found += 1
      end = pe
    }
    return found > 0 ? end : nil
  }

  // MARK: Answer header

  /// "Antwoord van Minister Van Oosten (Justitie en Veiligheid)", "Antwoord van Staatssecretaris
  /// Heijnen (Infrastructuur en Waterstaat), mede namens ...", "Mededeling van Minister Faber – van
  /// de Klashorst (Asiel en Migratie)", "Antwoord van Minister Bruins Slot (BZ) van Minister
  /// Schreinemacher (Buitenlandse Handel en Ontwikkelingssamenwerking)": each answerer with function
  /// and ministry.
  mutating func answerHeader(_ i: Int) -> Int? {
    guard let a = t.word(i, "Antwoord") ?? t.word(i, "Mededeling") else { return nil }
    var j = t.skipSpaces(a, newlines: false, limit: 8)
    guard let v = t.word(j, "van") else { return nil }
    j = t.skipSpaces(v, newlines: true, limit: 8)
    var end: Int?
    var n = 0
    while n < 3, let e = answerer(j) {
      end = e
      n += 1
      // "... van Minister X", "... en van Minister X": another answerer.
      var k = t.skipSpaces(e, newlines: true, limit: 8)
      if let en = t.word(k, "en") { k = t.skipSpaces(en, newlines: true, limit: 8) }
      guard let v2 = t.word(k, "van") else { break }
      j = t.skipSpaces(v2, newlines: true, limit: 8)
    }
    return end
  }

  /// One answerer of an answer header at `j` ("de minister X (Ministry)", "Minister X (BZ)").
  mutating func answerer(_ j: Int) -> Int? {
    var j = j
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
    j = t.skipSpaces(j, newlines: true, limit: 8)
    // "Antwoord van de minister van Defensie" names a ministry, not a person.
    if let v = t.wordCI(j, "van") ?? t.wordCI(j, "voor"),
      ministryName(t.skipSpaces(v, newlines: true, limit: 8)) != nil
    {
      return nil
    }
    guard let ne = personName(j) else { return nil }
    let name = nameText(j, ne)
    var fields: MentionFields = [
      MentionField.role: MentionRole.answerer, MentionField.function: function, MentionField.name: name,
    ]
    let s = t.skipSpaces(ne, newlines: true, limit: 8)
    if t[s] == UInt8(ascii: "("), let close = closingAcrossLines(s + 1, limit: 90) {
      let inner = t.skipSpaces(s + 1, newlines: true, limit: 4)
      var ministry: (String, Int)?
      if let (mid, me) = ministryName(inner),
        t.skipSpaces(me, newlines: true, limit: 4) == close || t.dash(t.skipSpaces(me, newlines: true, limit: 4)) != nil
      {
        // "(Financiën – Fiscaliteit en Belastingdienst)": the ministry, then the portfolio.
        ministry = (mid, me)
      } else if close - inner <= 8, let mid = Ministry.id(forName: t.string(inner, close)) {
        ministry = (mid, close)
      }
      if let (mid, me) = ministry {
        fields[MentionField.ministry] = mid
        add(.persoon, [surnameID(name)], j, ne, fields)
        // The answerer's ministry: it sends the answer, it is not also a mention (issue 18).
        add(.ministerie, [mid], inner, me, [MentionField.role: MentionRole.answerer])
        return close + 1
      }
    }
    if function == "minister-president" { fields[MentionField.ministry] = "ministerie:AZ" }
    add(.persoon, [surnameID(name)], j, ne, fields)
    return ne
  }

  /// The position of ")" within `limit` bytes after `i`, across line breaks (not past another "(").
  func closingAcrossLines(_ i: Int, limit: Int) -> Int? {
    var k = i
    while k < t.count && k - i <= limit {
      if t[k] == UInt8(ascii: ")") { return k }
      if t[k] == UInt8(ascii: "(") { return nil }
      k += 1
    }
    return nil
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
    // A line may break between month and year ("(ontvangen 3 juni\n2024)" in PDF text).
    let y = t.skipSpaces(me, newlines: true, limit: 2)
    guard y > me, let ye = t.digits(y, min: 4, max: 4), t.atWordEnd(ye) else { return nil }
    let year = t.int(y, ye)
    guard year >= 1800 && year <= 2100 else { return nil }
    var fields: MentionFields = [MentionField.iso: isoDate(year, month, day)]
    if endsBeforeSpaces(i, "ingezonden op") || endsBeforeSpaces(i, "ingezonden") {
      fields[MentionField.dateRole] = "ingezonden"
    } else if endsBeforeSpaces(i, "ontvangen op") || endsBeforeSpaces(i, "ontvangen") {
      fields[MentionField.dateRole] = "ontvangen"
    } else if endsBeforeSpaces(i, "datum") || endsBeforeSpaces(i, "Den Haag,") || endsBeforeSpaces(i, "s-Gravenhage,") {
      // "Datum 11 juli 2025", and the place-and-date line of a letter or list: "Den Haag, 27 maart 2015".
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
