/// Fixed names the extractor knows: organisations (`Organisations`), parties, ministry
/// abbreviations and laws (by name or abbreviation, mapped to their BWB or CELEX id).
struct LexiconEntry: Sendable {
  /// The name as written.
  let text: String
  let bytes: [UInt8]
  /// Compare ASCII letters case-insensitively (long law names); otherwise the exact case.
  let caseInsensitive: Bool
  let kind: ReferenceKind
  let id: String
  /// `[id]`, built once so that a mention shares it instead of allocating.
  let ids: [String]

  init(_ text: String, _ kind: ReferenceKind, _ id: String, caseInsensitive: Bool = false) {
    self.text = text
    self.bytes = Array(text.utf8)
    self.caseInsensitive = caseInsensitive
    self.kind = kind
    self.id = id
    self.ids = [id]
  }
}

enum Lexicon {
  /// Laws by name or abbreviation. Only ids checked against wetten.overheid.nl / EUR-Lex.
  static let laws: [(String, String, Bool)] = [
    ("Algemene verordening gegevensbescherming", "CELEX:32016R0679", true),
    ("AVG", "CELEX:32016R0679", false),
    ("GDPR", "CELEX:32016R0679", false),
    ("Uitvoeringswet Algemene verordening gegevensbescherming", "BWBR0040940", true),
    ("UAVG", "BWBR0040940", false),
    ("Wet open overheid", "BWBR0045754", true),
    ("Woo", "BWBR0045754", false),
    ("Wet openbaarheid van bestuur", "BWBR0005252", true),
    ("Wob", "BWBR0005252", false),
    ("Algemene wet bestuursrecht", "BWBR0005537", true),
    ("Awb", "BWBR0005537", false),
    ("Aanbestedingswet 2012", "BWBR0032203", true),
    ("Wet politiegegevens", "BWBR0022463", true),
    ("Wpg", "BWBR0022463", false),
    ("Wet justitiële en strafvorderlijke gegevens", "BWBR0014194", true),
    ("Wet bescherming persoonsgegevens", "BWBR0011468", true),
    ("Wbp", "BWBR0011468", false),
    ("Wet op de inlichtingen- en veiligheidsdiensten 2017", "BWBR0039896", true),
    ("Wiv 2017", "BWBR0039896", false),
    ("Grondwet", "BWBR0001840", false),
    ("Wetboek van Strafrecht", "BWBR0001854", true),
    ("Wetboek van Strafvordering", "BWBR0001903", true),
    ("Vreemdelingenwet 2000", "BWBR0011823", true),
    ("Participatiewet", "BWBR0015703", false),
    ("Omgevingswet", "BWBR0037885", false),
    ("Gemeentewet", "BWBR0005416", false),
    ("Opiumwet", "BWBR0001941", false),
    ("Politiewet 2012", "BWBR0031788", true),
    ("AI-verordening", "CELEX:32024R1689", true),
  ]

  /// Party names that stand alone in running text (in parentheses every alias of `Party` counts).
  static let parties: [String] = [
    "FVD", "FvD", "Forum voor Democratie", "VVD", "PVV", "CDA", "D66", "PvdA", "Partij van de Arbeid", "PvdD",
    "Partij voor de Dieren", "GroenLinks-PvdA", "GL-PvdA", "GroenLinks", "SGP", "ChristenUnie", "DENK", "JA21",
    "NSC", "Nieuw Sociaal Contract", "BBB", "BoerBurgerBeweging", "50PLUS", "BIJ1", "SP",
  ]

  /// Short party names that are other things too ("GL" glass, "CU" copper): a party only in a
  /// list of parties ("SP, GL en groep Kuzu/Öztürk", "de VVD, CU en SGP").
  static let listOnlyParties: [String] = ["CU", "GL"]

  /// Ministry abbreviations as they stand in text.
  static let ministries: [String] = [
    "JenV", "IenW", "BZK", "OCW", "VWS", "SZW", "EZK", "LNV", "LVVN", "KGG", "VRO", "VROM", "IenM", "VenJ",
  ]

  static let entries: [LexiconEntry] = {
    var all: [LexiconEntry] = []
    for (name, id, ci) in laws { all.append(LexiconEntry(name, .bwb, id, caseInsensitive: ci)) }
    for o in Organisations.all {
      for name in o.names { all.append(LexiconEntry(name, .organisatie, "organisatie:" + o.id)) }
    }
    for name in parties + listOnlyParties {
      if let id = Party.id(for: name) { all.append(LexiconEntry(name, .fractie, id)) }
    }
    for name in ministries {
      if let id = Ministry.id(forName: name) { all.append(LexiconEntry(name, .ministerie, id)) }
    }
    return all
  }()

  /// Entry indices by the first two bytes (every case variant for case-insensitive entries),
  /// longest first.
  static let byPrefix: [UInt16: [Int]] = {
    var map: [UInt16: [Int]] = [:]
    for (n, e) in entries.enumerated() {
      for key in AnchorTable.keys(Array(e.bytes.prefix(2)), caseInsensitive: e.caseInsensitive) {
        map[key, default: []].append(n)
      }
    }
    for k in map.keys { map[k]!.sort { entries[$0].bytes.count > entries[$1].bytes.count } }
    return map
  }()

  /// `byPrefix` as flat arrays, for the scan: the entries of key `k` are
  /// `prefixList[prefixStart[k]..<prefixStart[k + 1]]`, in the same order. The scan asks at every
  /// position sent to `lexicon`, and a `Dictionary` lookup hashes the key each time.
  static let prefixTable: (start: [Int32], list: [Int32]) = {
    // Only the keys that have entries are looked up (65,536 lookups would cost more at start-up).
    var start = [Int32](repeating: 0, count: 65537)
    var list: [Int32] = []
    var next = 0
    for key in byPrefix.keys.sorted() {
      let k = Int(key)
      while next <= k {
        start[next] = Int32(list.count)
        next += 1
      }
      list += byPrefix[key]!.map { Int32($0) }
    }
    while next <= 65536 {
      start[next] = Int32(list.count)
      next += 1
    }
    return (start, list)
  }()
}

extension Scan {
  /// True when the word `i..<e` stands in a list next to another party: ", " or " en " joins it
  /// to a party word before or after it ("SP, GL en groep Kuzu", "GL en PvdA").
  func inPartyList(_ i: Int, _ e: Int) -> Bool {
    // Before: "P, " or "P en ".
    var k = i
    while k > 0 && t[k - 1] == 0x20 { k -= 1 }
    var joined = false
    if k > 0 && t[k - 1] == UInt8(ascii: ",") {
      k -= 1
      joined = true
    } else if k >= 3 && t[k - 1] == UInt8(ascii: "n") && t[k - 2] == UInt8(ascii: "e") && t[k - 3] == 0x20 {
      k -= 3
      joined = true
    }
    if joined {
      while k > 0 && t[k - 1] == 0x20 { k -= 1 }
      var p = k
      while p > 0 && k - p < 24 && (isAlnum(t[p - 1]) || t[p - 1] == UInt8(ascii: "-")) { p -= 1 }
      if p < k, Party.id(bytes: UnsafeBufferPointer(rebasing: t.b[p..<k])) != nil { return true }
    }
    // After: ", P" or " en P".
    var j = t.skipSpaces(e, newlines: false, limit: 2)
    if t[j] == UInt8(ascii: ",") {
      j = t.skipSpaces(j + 1, newlines: true, limit: 2)
    } else if let en = t.word(j, "en") {
      j = t.skipSpaces(en, newlines: true, limit: 2)
    } else {
      return false
    }
    return partyWord(j) != nil
  }

  /// A lexicon name at `i`. A law name followed by its abbreviation in parentheses ("Algemene
  /// verordening gegevensbescherming (AVG)") is one mention; "artikel 2.23, eerste lid, ... van de
  /// Aanbestedingswet 2012" puts the article in the field `article`.
  mutating func lexicon(_ i: Int) -> Int? {
    let key = Int(t[i]) << 8 | Int(t[i + 1])
    let table = Lexicon.prefixTable
    for r in Int(table.start[key])..<Int(table.start[key + 1]) {
      let e = Lexicon.entries[Int(table.list[r])]
      guard let end = e.caseInsensitive ? t.litCIFlexible(i, e.bytes) : exact(i, e.bytes), t.atWordEnd(end) else {
        continue
      }
      if e.kind == .organisatie, Organisations.needsContext(e.text), !shortAbbreviationFits(i, end) { continue }
      if e.kind == .fractie, Lexicon.listOnlyParties.contains(e.text), !inPartyList(i, end) { continue }
      var stop = end
      var fields: MentionFields = [:]
      if e.kind == .bwb {
        // "(AVG)" right after the name.
        let s = t.skipSpaces(end, newlines: false, limit: 2)
        if t[s] == UInt8(ascii: "("), let close = closing(s + 1, limit: 12),
          let inner = Lexicon.entries.first(where: { $0.text == t.string(s + 1, close) }), inner.id == e.id
        {
          stop = close + 1
        }
        if let article = articleBefore(i) { fields[MentionField.article] = article }
      }
      add(e.kind, e.ids, i, stop, fields)
      return stop
    }
    return nil
  }

  func exact(_ i: Int, _ bytes: [UInt8]) -> Int? {
    guard i + bytes.count <= t.count else { return nil }
    for k in 0..<bytes.count where t[i + k] != bytes[k] { return nil }
    return i + bytes.count
  }

  /// The position of ")" within `limit` bytes after `i` on the same line.
  func closing(_ i: Int, limit: Int) -> Int? {
    var k = i
    while k < t.count && k - i <= limit {
      if t[k] == UInt8(ascii: ")") { return k }
      if t[k] == 0x0A || t[k] == UInt8(ascii: "(") { return nil }
      k += 1
    }
    return nil
  }

  /// "artikel 2.23, eerste lid, onderdeel e, van de " (or "art. 10 van de ") just before `i`: the
  /// article number.
  func articleBefore(_ i: Int) -> String? {
    let from = max(0, i - 160)
    var k = i - 1
    guard t.endsBefore(i, "van de ") || t.endsBefore(i, "van het ") || t.endsBefore(i, "van ") else { return nil }
    while k >= from {
      if t[k] == 0x0A { return nil }
      if t.atWordStart(k), let a = t.wordCI(k, "artikel") ?? t.litCI(k, "art.") {
        let s = t.skipSpaces(a, newlines: false, limit: 2)
        var e = s
        while e < i && (isAlnum(t[e]) || t[e] == UInt8(ascii: ".") || t[e] == UInt8(ascii: ":")) { e += 1 }
        while e > s && t[e - 1] == UInt8(ascii: ".") { e -= 1 }
        guard e > s, isDigit(t[s]) else { return nil }
        return t.string(s, e)
      }
      k -= 1
    }
    return nil
  }
}
