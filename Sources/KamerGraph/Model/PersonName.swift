import Foundation

/// Persons: ids from names (`persoon:{slug of surname with tussenvoegsel}`).
enum PersonName {
  /// Dutch tussenvoegsels that start a surname ("van", "de", "van der", ...).
  static let tussenvoegsels: Set<String> = [
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "von", "la", "le", "du",
    "op", "d'", "van't", "vd", "des", "del", "da", "dos",
  ]

  /// The id for a name given as a surname only ("Van Houwelingen", "Six Dijkstra", "Tuinman"),
  /// as in "het lid Van Houwelingen" or "Minister Van Oosten".
  static func id(surname: String) -> String { "persoon:" + CanonicalID.slug(surname) }

  /// The id for a full name: initials and first names dropped ("Gijs Tuinman" -> `persoon:tuinman`,
  /// "P. van Houwelingen" -> `persoon:van-houwelingen`).
  static func id(fullName: String) -> String {
    var copy = fullName
    if let id = copy.withUTF8({ asciiFullNameID($0) }) { return id }
    return id(surname: surname(ofFullName: fullName))
  }

  /// The words (start and end offsets, split at spaces) of a name of printable ASCII; nil for any
  /// other byte.
  @inline(__always)
  static func asciiWords(_ u: UnsafeBufferPointer<UInt8>) -> [(s: Int, e: Int)]? {
    for c in u where c < 0x20 || c > 0x7E { return nil }
    var words: [(s: Int, e: Int)] = []
    var k = 0
    while k < u.count {
      if u[k] == 0x20 {
        k += 1
        continue
      }
      let s = k
      while k < u.count && u[k] != 0x20 { k += 1 }
      words.append((s, k))
    }
    return words
  }

  /// `id(fullName:)` on the bytes of a name of printable ASCII (nil for any other byte), without
  /// building words as strings: the same steps as `surname(ofFullName:)`, then `asciiID`.
  static func asciiFullNameID(_ u: UnsafeBufferPointer<UInt8>) -> String? {
    guard let words = asciiWords(u) else { return nil }
    guard !words.isEmpty else { return "persoon:" }
    var start = 0
    while start < words.count - 1, u[words[start].e - 1] == UInt8(ascii: "."), words[start].e - words[start].s <= 8 {
      start += 1
    }
    func isDash(_ w: (s: Int, e: Int)) -> Bool { w.e - w.s == 1 && u[w.s] == UInt8(ascii: "-") }
    func isTussenvoegsel(_ w: (s: Int, e: Int)) -> Bool {
      if isTussenvoegselBytes(u, w.s, w.e) { return true }
      // "Gräper-van", "Faber-van": the part after the last hyphen.
      var d = w.e
      while d > w.s && u[d - 1] != UInt8(ascii: "-") { d -= 1 }
      return d > w.s && isTussenvoegselBytes(u, d, w.e)
    }
    var from = start
    if var t = words[start...].firstIndex(where: isTussenvoegsel), t < words.count - 1 {
      while t - 2 >= start, isDash(words[t - 1]) { t -= 2 }
      if t > start, u[words[t - 1].e - 1] == UInt8(ascii: "-") { t -= 1 }
      from = t
    } else if start == 0 && words.count >= 2 && !words.contains(where: isDash) {
      from = 1
    }
    return asciiID(u, from: words[from].s)
  }

  /// `tussenvoegsels` as bytes.
  static let tussenvoegselBytes: [[UInt8]] = tussenvoegsels.map { Array($0.utf8) }

  /// Whether `u[s..<e]`, ASCII lower-cased, is one of `tussenvoegsels`.
  static func isTussenvoegselBytes(_ u: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
    candidates: for w in tussenvoegselBytes where w.count == e - s {
      for k in 0..<w.count where lower(u[s + k]) != w[k] { continue candidates }
      return true
    }
    return false
  }

  /// `id(surname:)` of the ASCII bytes `u[from...]`: lower-cased letters and digits, one hyphen
  /// for each run of other bytes between them.
  static func asciiID(_ u: UnsafeBufferPointer<UInt8>, from: Int) -> String {
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

  /// The surname with its tussenvoegsel from a full name: initials dropped ("F.M. Weerwind",
  /// "H.G.J. Bruins Slot" -> "Bruins Slot", "M.H.M. Faber-van de Klashorst"); without initials
  /// the first name is dropped ("Gijs Tuinman", "Hanke Bruins Slot"), and so are the first names
  /// before a tussenvoegsel ("Inge van Dijk" -> "van Dijk"). A tussenvoegsel after a hyphen or a
  /// dash stays in a double name ("Faber - Van de Klashorst", "Gräper-van Koolwijk").
  static func surname(ofFullName name: String) -> String {
    let words = normalized(name).split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
    guard !words.isEmpty else { return name }
    var start = 0
    while start < words.count - 1, words[start].hasSuffix("."), words[start].count <= 8 { start += 1 }
    let initials = start > 0
    func isDash(_ w: String) -> Bool { w == "-" || w == "\u{2013}" || w == "\u{2014}" }
    func isTussenvoegsel(_ w: String) -> Bool {
      let l = w.lowercased()
      if tussenvoegsels.contains(l) { return true }
      // "Gräper-van", "Faber-van": a double name whose second part starts with a tussenvoegsel.
      if let dash = l.lastIndex(of: "-") { return tussenvoegsels.contains(String(l[l.index(after: dash)...])) }
      return false
    }
    if var t = words[start...].firstIndex(where: isTussenvoegsel), t < words.count - 1 {
      // Back over a dash and the name before it ("Faber - Van de Klashorst").
      while t - 2 >= start, isDash(words[t - 1]) { t -= 2 }
      if t > start, words[t - 1].hasSuffix("-") { t -= 1 }
      // From the tussenvoegsel on it is the surname, also when the name starts with it ("Van
      // Oosten", "De Jonge" under a signature: no first name stands before it).
      return words[t...].joined(separator: " ")
    }
    if initials { return words[start...].joined(separator: " ") }
    if words.count - start >= 2 && !words[start...].contains(where: isDash) {
      return words[(start + 1)...].joined(separator: " ")
    }
    return words[start...].joined(separator: " ")
  }

  /// The surname of a name written after a function or "het lid" ("Van der Lee", "Bruins
  /// Slot", "P. van Houwelingen", "Inge van Dijk", "vanDijk"): initials dropped, first names
  /// before a lower-case tussenvoegsel dropped, and a tussenvoegsel glued to the surname by a
  /// lost space ("Inge vanDijk", "VanMeenen" in text from PDF) parted from it.
  static func surname(ofWrittenName name: String) -> String {
    var words = normalized(name).split(separator: " ").map(String.init)
    while words.count > 1, words[0].hasSuffix("."), words[0].count <= 6 { words.removeFirst() }
    words = words.flatMap(splitGlued)
    // "Inge van Dijk": capitalised first names, then a lower-case tussenvoegsel.
    if let t = words.firstIndex(where: { tussenvoegsels.contains($0) }), t > 0, t < words.count - 1,
      words[..<t].allSatisfy({ w in
        w.first.map { $0.isUppercase } == true && !w.hasSuffix("-") && !tussenvoegsels.contains(w.lowercased())
      })
    {
      words.removeFirst(t)
    }
    return words.joined(separator: " ")
  }

  /// `id(surname: surname(ofWrittenName:))` on the bytes of a name of printable ASCII (nil for
  /// any other byte), the same steps without building words as strings.
  static func asciiWrittenNameID(_ u: UnsafeBufferPointer<UInt8>) -> String? {
    guard let words = asciiWords(u) else { return nil }
    var first = 0
    while words.count - first > 1, u[words[first].e - 1] == UInt8(ascii: "."), words[first].e - words[first].s <= 6 {
      first += 1
    }
    // `splitGlued`: "vanDijk" -> "van", "Dijk".
    var parts: [(s: Int, e: Int)] = []
    for w in words[first...] {
      var glued = false
      for p in gluedPrefixBytes where w.e - w.s >= p.count {
        guard (0..<p.count).allSatisfy({ u[w.s + $0] == p[$0] }) else { continue }
        let r = w.s + p.count
        if w.e - r >= 2 && isUpper(u[r]) && isLower(u[r + 1]) {
          parts.append((w.s, r))
          parts.append((r, w.e))
          glued = true
          break
        }
      }
      if !glued { parts.append(w) }
    }
    func exactTussenvoegsel(_ w: (s: Int, e: Int)) -> Bool {
      tussenvoegselBytes.contains { v in v.count == w.e - w.s && (0..<v.count).allSatisfy { u[w.s + $0] == v[$0] } }
    }
    // "Inge van Dijk": capitalised first names, then a lower-case tussenvoegsel.
    var from = 0
    if let t = parts.firstIndex(where: exactTussenvoegsel), t > 0, t < parts.count - 1,
      parts[..<t].allSatisfy({ w in
        isUpper(u[w.s]) && u[w.e - 1] != UInt8(ascii: "-") && !isTussenvoegselBytes(u, w.s, w.e)
      })
    {
      from = t
    }
    var joined: [UInt8] = []
    joined.reserveCapacity(u.count + parts.count)
    for (n, w) in parts[from...].enumerated() {
      if n > 0 { joined.append(0x20) }
      joined.append(contentsOf: u[w.s..<w.e])
    }
    return joined.withUnsafeBufferPointer { asciiID($0, from: 0) }
  }

  /// `gluedPrefixes` as bytes, in their order.
  static let gluedPrefixBytes: [[UInt8]] = gluedPrefixes.map { Array($0.utf8) }

  /// Tussenvoegsels that PDF text glues to the surname ("vanDijk", "VanMeenen", "derLinden").
  static let gluedPrefixes: [String] = ["vander", "Vander", "vanden", "Vanden", "van", "Van", "der", "den", "de", "ter", "ten"]

  /// "vanDijk" -> ["van", "Dijk"]; other words unchanged.
  static func splitGlued(_ w: String) -> [String] {
    for p in gluedPrefixes where w.hasPrefix(p) {
      let rest = w.dropFirst(p.count)
      if rest.count >= 2, let f = rest.first, f.isUppercase, rest.dropFirst().first?.isLowercase == true {
        return [p, String(rest)]
      }
    }
    return [w]
  }

  /// A name in NFC: a name typed or converted in decomposed form ("Yes\u{0327}ilgo\u{0308}z")
  /// is composed ("Yeşilgöz"), so label and id are those of the composed name.
  static func normalized(_ name: String) -> String {
    guard name.unicodeScalars.contains(where: CanonicalID.isCombiningMark) else { return name }
    return name.precomposedStringWithCanonicalMapping
  }
}
