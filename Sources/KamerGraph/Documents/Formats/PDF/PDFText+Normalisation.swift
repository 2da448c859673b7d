/// Normalisation and hyphenation of the lines as they are joined into text.
extension PDFText {
  /// Appends a scalar as UTF-8 with ligatures spelled out, soft hyphens and control characters
  /// left out and Unicode hyphens as "-".
  static func appendNormalised(_ s: Unicode.Scalar, to out: inout [UInt8]) {
    switch s.value {
    case 0xFB00: out.append(contentsOf: [0x66, 0x66])  // ﬀ
    case 0xFB01: out.append(contentsOf: [0x66, 0x69])  // ﬁ
    case 0xFB02: out.append(contentsOf: [0x66, 0x6C])  // ﬂ
    case 0xFB03: out.append(contentsOf: [0x66, 0x66, 0x69])  // ﬃ
    case 0xFB04: out.append(contentsOf: [0x66, 0x66, 0x6C])  // ﬄ
    case 0xFB05, 0xFB06: out.append(contentsOf: [0x73, 0x74])  // ﬅ ﬆ
    case 0x00AD, 0x200B, 0xFEFF: break  // soft hyphen, zero-width space, BOM
    case 0x2010, 0x2011: out.append(0x2D)
    case 0x09: out.append(0x09)  // only the reader's own tab, between a letterhead label and its value
    case 0..<0x20, 0x7F: break
    case 0x20..<0x80: out.append(UInt8(s.value))
    default: UTF8.encode(s) { out.append($0) }
    }
  }

  /// Dutch conjunctions after a suspended compound ("aanloop- en volloopverliezen"): the hyphen
  /// before them is a real one and the line break a space.
  static let suspensionWords: Set<String> = ["en", "of", "tot", "en/of", "t/m", "noch", "als"]

  /// Vowel pairs that would be read as one sound, which Dutch spelling keeps apart with a hyphen
  /// in a compound ("zee-egel", "auto-industrie", "na-apen"); hyphenation never splits them, so a
  /// hyphen between them at a line end is a real one ("be-" + "oordeling" is not such a pair).
  static let vowelClashes: Set<String> = [
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu",
  ]

  /// Joins a line ending in a hyphen (or soft hyphen, already left out) with the next one when the
  /// break is typographic. Returns true when the next line continues on this one (the hyphen
  /// removed or kept), nil when the line break stays.
  static func joinHyphen(out: inout [UInt8], lineStart: Int, next: [Unicode.Scalar]) -> Bool? {
    guard out.count - lineStart >= 2, out.last == 0x2D, let first = next.first else { return nil }
    let before = lastScalar(out, from: lineStart, skippingLast: 1)
    guard let before, before.properties.isAlphabetic || ("0"..."9").contains(before) else { return nil }
    // The first word of the next line.
    var word = ""
    for s in next {
      if s == " " || s == "\t" { break }
      word.unicodeScalars.append(s)
    }
    let lowerFirst = first.properties.isLowercase
    if suspensionWords.contains(word.trimmingCharacters(",")) || suspensionWords.contains(word) {
      return nil  // "aanloop-\nen volloop…": keep the hyphen and the break
    }
    if before.properties.isLowercase, lowerFirst {
      let pair = String(before).lowercased() + String(first).lowercased()
      if vowelClashes.contains(pair) { return true }  // "zee-" + "egel": the hyphen stays
      out.removeLast()  // "Staats-" + "courant"
      return true
    }
    if first.properties.isAlphabetic || ("0"..."9").contains(first) { return true }  // "Noord-" + "Holland"
    return nil
  }

  private static func lastScalar(_ out: [UInt8], from start: Int, skippingLast: Int) -> Unicode.Scalar? {
    var end = out.count - skippingLast
    guard end > start else { return nil }
    var s = end - 1
    while s > start, out[s] & 0xC0 == 0x80 { s -= 1 }
    end = max(end, s + 1)
    return String(decoding: out[s..<end], as: UTF8.self).unicodeScalars.first
  }
}
