import Foundation

/// A law name of the lexicon (`Data/laws.tsv`, compiled into `LawLexicon+Data.swift`).
struct LawName: Sendable {
  /// The name as written in the table.
  let bytes: [UInt8]
  /// `BWBR…`/`BWBV…`, `CELEX:…` or a name id `law:…`.
  let id: String
  /// `[id]`, built once so that a mention shares it.
  let ids: [String]
  /// An abbreviation ("Wft", "WW", "Sr"): matched in its exact case.
  let abbreviation: Bool
  /// Long names (three words or more) compare their first letter in any case once reached; the
  /// scan reaches names only at a capital (a citeertitel starts with one), since anchoring every
  /// lower-case "wet", "besluit", "regeling" sent most ordinary words to this recognizer.
  let anyFirstCase: Bool
}

/// The law lexicon: names and abbreviations of the laws most cited (see `Data/README.md`), found
/// by one walk over the text from an anchor. The walk folds ASCII case and runs of spaces or
/// line breaks into one space, hashing as it goes; at every space it checks that the words so far
/// begin some name (else it stops), at every word end whether they are a whole name. The cost is
/// the length of the name, whatever the size of the lexicon.
enum LawLexicon {
  static let names: [LawName] = {
    // Walked on the literal's UTF-8 bytes in place: splitting the `String` (or its UTF-8 view)
    // into lines and fields cost more at start-up than the whole lexicon is worth.
    var source = data
    return source.withUTF8 { (u: UnsafeBufferPointer<UInt8>) -> [LawName] in
      var out: [LawName] = []
      out.reserveCapacity(2048)
      /// The first tab in `from..<to`, else `to`.
      func tab(_ from: Int, _ to: Int) -> Int {
        var k = from
        while k < to && u[k] != 0x09 { k += 1 }
        return k
      }
      var p = 0
      while p < u.count {
        var e = p
        while e < u.count && u[e] != 0x0A { e += 1 }
        defer { p = e + 1 }
        // id, tab, name, then (optionally) tab and flags; a line without a tab holds no name.
        let t1 = tab(p, e)
        guard t1 < e else { continue }
        let t2 = tab(t1 + 1, e)
        let bytes = Array(UnsafeBufferPointer(rebasing: u[(t1 + 1)..<t2]))
        let id = String(decoding: UnsafeBufferPointer(rebasing: u[p..<t1]), as: UTF8.self)
        var abbreviation = false
        if t2 < e {
          let t3 = tab(t2 + 1, e)
          for k in (t2 + 1)..<t3 where u[k] == UInt8(ascii: "a") { abbreviation = true }
        }
        // Words: runs of bytes other than a space.
        var words = 0
        var previous: UInt8 = 0x20
        for c in bytes {
          if c != 0x20 && previous == 0x20 { words += 1 }
          previous = c
        }
        out.append(LawName(bytes: bytes, id: id, ids: [id], abbreviation: abbreviation, anyFirstCase: !abbreviation && words >= 3))
      }
      return out
    }
  }()

  static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always) static func mix(_ h: UInt64, _ c: UInt8) -> UInt64 { (h ^ UInt64(c)) &* 0x100_0000_01b3 }

  /// The folded hash of a name: ASCII lower case, a space as one space.
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    var h = fnvOffset
    for c in bytes { h = mix(h, lower(c)) }
    return h
  }

  /// Whole names by folded hash (several names may fold alike: "WW" and a name "ww"), in a table
  /// keyed by the FNV hash itself: the scan asks it at every word end of a candidate, and Swift's
  /// seeded hashing of a `Dictionary` would cost more than the walk.
  static let whole: FNVTable = {
    var table = FNVTable(capacityFor: names.count)
    for (n, e) in names.enumerated() { table.insert(hash(e.bytes), value: Int32(n)) }
    return table
  }()

  /// Folded hashes of every name's words before each of its spaces ("wet", "wet op", "wet op het", ...).
  static let prefixes: FNVTable = {
    var spaces = 0
    for e in names { for c in e.bytes where c == 0x20 { spaces += 1 } }
    var table = FNVTable(capacityFor: spaces)
    for e in names {
      var h = fnvOffset
      for c in e.bytes {
        if c == 0x20 { table.insert(h, value: nil) }
        h = mix(h, lower(c))
      }
    }
    return table
  }()

  /// The longest name in bytes (a walk stops past it).
  static let longest: Int = {
    var m = 0
    for e in names where e.bytes.count > m { m = e.bytes.count }
    return m
  }()

  /// The anchors of the law recognizer: every name (abbreviations in their case, other names
  /// with a capital) and the words that open the general forms (`Scan.lawForm`).
  static let anchors: [(bytes: [UInt8], flexible: Bool, caseInsensitive: Bool)] = {
    var out: [(bytes: [UInt8], flexible: Bool, caseInsensitive: Bool)] = []
    for e in names { out.append((e.bytes, true, false)) }
    for w in generalAnchors { out.append((Array(w.utf8), false, false)) }
    for w in euAnchors { out.append((Array(w.utf8), false, false)) }
    return out
  }()

  /// Words that open a law title not in the lexicon ("het Besluit emissie-eisen stookinstallaties").
  static let generalAnchors = [
    "Wet ", "Besluit ", "Regeling ", "Uitvoeringsbesluit ", "Uitvoeringsregeling ", "Uitvoeringsbeschikking ",
    "Rijkswet ", "Invoeringswet ", "Aanpassingswet ", "Overgangswet ",
  ]

  /// Words that open an EU act by number ("Verordening (EU) 2016/679", "richtlijn 2014/24/EU").
  static let euAnchors = [
    "Verordening ", "verordening ", "Richtlijn ", "richtlijn ", "Uitvoeringsverordening ", "uitvoeringsverordening ",
    "Gedelegeerde verordening ", "gedelegeerde verordening ", "Gedelegeerde Verordening ",
  ]

  /// The two-byte keys of the anchor table.
  static let keys: [UInt16] = {
    // A 65,536-bit set, read out in order (the keys sorted).
    var bits = [UInt64](repeating: 0, count: 1024)
    func insert(_ k: UInt16) { bits[Int(k) >> 6] |= 1 << UInt64(k & 63) }
    for a in anchors {
      guard a.bytes.count >= 2 else { continue }
      let (b0, b1) = (a.bytes[0], a.bytes[1])
      insert(UInt16(b0) << 8 | UInt16(b1))
      if !a.caseInsensitive && isUpper(b0) == false { continue }
      if a.caseInsensitive {
        for k in AnchorTable.keys([b0, b1], caseInsensitive: true) { insert(k) }
      } else {
        // A capital first letter, the rest in any case ("WET OP ..." is rare; "Wet" and "WEt" alike).
        insert(UInt16(b0) << 8 | UInt16(lower(b1)))
        insert(UInt16(b0) << 8 | UInt16(upper(b1)))
      }
    }
    var out: [UInt16] = []
    for (w, word) in bits.enumerated() {
      var rest = word
      while rest != 0 {
        out.append(UInt16(w << 6 | rest.trailingZeroBitCount))
        rest &= rest &- 1
      }
    }
    return out
  }()
}

extension Scan {
  // MARK: Laws by name

  /// A law at `i`: a name or abbreviation of the lexicon, else a general form (`lawForm`), else
  /// an EU act by number (`euAct`).
  mutating func law(_ i: Int) -> Int? {
    if let e = lawName(i) { return e }
    if let e = euAct(i) { return e }
    return lawForm(i)
  }

  /// The longest lexicon name at `i`: the end and the entry.
  func longestLawName(_ i: Int) -> (end: Int, entry: Int)? {
    let names = LawLexicon.names
    var h = LawLexicon.fnvOffset
    var j = i
    var best: (end: Int, entry: Int)?
    let limit = min(t.count, i + LawLexicon.longest + 24)
    while j < limit {
      let c = t[j]
      // An ASCII letter or digit (most bytes of a name) is no space or line break.
      if (c >= 0x80 || !isAlnum(c)) && (t.spaceLength(j) > 0 || c == 0x0A || c == 0x0D) {
        guard LawLexicon.prefixes.contains(h) else { break }
        // One run of spaces with at most one line break (a name broken over two lines).
        var k = j
        var breaks = 0
        while k < limit {
          let s = t.spaceLength(k)
          if s > 0 {
            k += s
          } else if t[k] == 0x0A {
            breaks += 1
            k += 1
          } else if t[k] == 0x0D {
            k += 1
          } else {
            break
          }
        }
        guard breaks <= 1, k > j else { break }
        j = k
        h = LawLexicon.mix(h, 0x20)
        continue
      }
      h = LawLexicon.mix(h, lower(c))
      j += 1
      if t.atWordEnd(j), let list = LawLexicon.whole.values(h) {
        for n in list where lawNameMatches(i, j, names[Int(n)]) {
          best = (j, Int(n))
          break
        }
      }
    }
    return best
  }

  /// Whether the text from `i` to `end` is `e` (case and spacing as the entry allows).
  func lawNameMatches(_ i: Int, _ end: Int, _ e: LawName) -> Bool {
    var j = i
    var k = 0
    let b = e.bytes
    while k < b.count {
      if b[k] == 0x20 {
        let s = t.skipSpaces(j, newlines: true, limit: 16)
        guard s > j else { return false }
        j = s
        k += 1
        continue
      }
      guard j < end else { return false }
      let c = t[j]
      if e.abbreviation || k == 0 && !e.anyFirstCase {
        guard c == b[k] else { return false }
      } else {
        guard lower(c) == lower(b[k]) else { return false }
      }
      j += 1
      k += 1
    }
    return j == end
  }

  /// A lexicon name at `i`, with "(Wft)" after it when that abbreviation names the same law or
  /// looks like one, and the article of "artikel 3 van de ..." before it.
  mutating func lawName(_ i: Int) -> Int? {
    guard let (end, n) = longestLawName(i) else { return nil }
    let e = LawLexicon.names[n]
    // Abbreviations of one or two letters ("Sr", "WW", "BW") only after an article number
    // ("artikel 310 Sr", "art. 6:162 BW") or an article ("de WW", "het BW").
    if e.abbreviation && e.bytes.count <= 2 && !shortAbbreviationContext(i) { return nil }
    // A name inside a longer word ("Wft-vergunning" is fine, "xWft" never reaches here).
    let stop = lawAbbreviationAfter(end, id: e.id) ?? end
    var fields: MentionFields = [:]
    if let article = articleBefore(i) { fields[MentionField.article] = article }
    add(.bwb, e.ids, i, stop, fields)
    return stop
  }

  /// "artikel 310 Sr", "art. 6:162 BW", "de WW", "het BW", "van de Sr": the context a one- or
  /// two-letter abbreviation needs.
  func shortAbbreviationContext(_ i: Int) -> Bool {
    var p = i
    while p > 0 && t[p - 1] == 0x20 { p -= 1 }
    guard p < i, p > 0 else { return false }
    let c = t[p - 1]
    if isDigit(c) { return true }
    // "6:162a BW": a letter right after the number.
    if isLower(c) && p >= 2 && isDigit(t[p - 2]) { return true }
    return t.endsBefore(i, "de ") && t.atWordStart(i - 3) || t.endsBefore(i, "het ") && t.atWordStart(i - 4)
  }

  /// " (Wft)" at `end`: the end of the closing parenthesis when the text inside is an
  /// abbreviation of the law `id` (or, with `id` nil, looks like an abbreviation).
  func lawAbbreviationAfter(_ end: Int, id: String?) -> Int? {
    let s = t.skipSpaces(end, newlines: false, limit: 2)
    guard t[s] == UInt8(ascii: "("), let close = closing(s + 1, limit: 16), close > s + 2 else { return nil }
    if let (inner, n) = longestLawName(s + 1), inner == close {
      return id == nil || LawLexicon.names[n].id == id ? close + 1 : nil
    }
    return looksLikeAbbreviation(s + 1, close) ? close + 1 : nil
  }

  /// "RAC", "Wkkgz", "Wmo 2015", "Wet IB 2001": a capital, then letters, at most one space and a
  /// year or a second capitalised word, and at least two capitals in all.
  func looksLikeAbbreviation(_ i: Int, _ end: Int) -> Bool {
    guard end - i >= 2, end - i <= 14, isUpper(t[i]) else { return false }
    var capitals = 0
    var spaces = 0
    for k in i..<end {
      let c = t[k]
      if isUpper(c) {
        capitals += 1
      } else if c == 0x20 {
        spaces += 1
      } else if !(isLower(c) || isDigit(c) || c == UInt8(ascii: "-")) {
        return false
      }
    }
    return spaces <= 1 && (capitals >= 2 || end - i <= 6 && spaces == 0)
  }
}

/// An open-addressing table keyed by 64-bit FNV hashes that are already well mixed: the slot is
/// the hash's low bits, with linear probing; no second hashing. Built once, read-only.
struct FNVTable: Sendable {
  private var keys: [UInt64]
  private var present: [Bool]
  private var slotValues: [[Int32]]
  private let mask: Int

  /// An empty table with room for `count` keys at most half full.
  init(capacityFor count: Int) {
    var capacity = 16
    while capacity < count * 2 { capacity <<= 1 }
    keys = [UInt64](repeating: 0, count: capacity)
    present = [Bool](repeating: false, count: capacity)
    slotValues = [[Int32]](repeating: [], count: capacity)
    mask = capacity - 1
  }

  /// Adds `key` (once), and `value` to its values in the order given.
  mutating func insert(_ key: UInt64, value: Int32?) {
    var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    while present[slot] && keys[slot] != key { slot = (slot + 1) & mask }
    keys[slot] = key
    present[slot] = true
    if let value { slotValues[slot].append(value) }
  }

  @inline(__always) private func slot(of key: UInt64) -> Int? {
    var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    while present[slot] {
      if keys[slot] == key { return slot }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Whether `key` is in the table.
  @inline(__always) func contains(_ key: UInt64) -> Bool { slot(of: key) != nil }

  /// The values stored for `key`, or nil.
  @inline(__always) func values(_ key: UInt64) -> [Int32]? { slot(of: key).map { slotValues[$0] } }
}
