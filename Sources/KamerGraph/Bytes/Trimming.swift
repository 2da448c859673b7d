extension String {
  var trimmedOrNil: String? {
    let t = trimmingWhitespace
    return t.isEmpty ? nil : t
  }

  var trimmingWhitespace: String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }

  /// The text without surrounding whitespace and quote marks ("“Raffinaderij”" -> "Raffinaderij").
  var trimmingQuotes: String {
    let quotes: Set<Character> = ["\"", "'", "‘", "’", "“", "”", "«", "»", "„"]
    var s = Substring(trimmingWhitespace)
    while let c = s.first, quotes.contains(c) || c.isWhitespace { s.removeFirst() }
    while let c = s.last, quotes.contains(c) || c.isWhitespace { s.removeLast() }
    return String(s)
  }
}

extension Substring {
  func trimmingCharacters(_ chars: Character) -> String { String(self).trimmingCharacters(chars) }
}

extension Substring {
  /// Without leading and trailing whitespace.
  var trimmingSpaces: String { String(self).trimmingSpaces }
}

extension String {
  /// Without leading and trailing whitespace (spaces, tabs, line breaks, no-break spaces).
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }

  /// Every whitespace run one space, trimmed.
  var collapsingSpaces: String {
    // On the UTF-8 bytes: Unicode White_Space is a short fixed list, so it is recognised by its
    // byte sequences instead of looking up each scalar's properties.
    var copy = self
    return copy.withUTF8 { u -> String in
      var out: [UInt8] = []
      out.reserveCapacity(u.count)
      var space = false
      var i = 0
      while i < u.count {
        let w = Self.whitespaceLength(u, i)
        if w > 0 {
          space = true
          i += w
          continue
        }
        if space && !out.isEmpty { out.append(0x20) }
        space = false
        let b = u[i]
        let n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        let end = Swift.min(i + n, u.count)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<end]))
        i = end
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The length of the White_Space character at `i` of valid UTF-8, or 0: U+0009–U+000D, U+0020,
  /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
  static func whitespaceLength(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b = u[i]
    if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
    let n = u.count - i
    switch b {
    case 0xC2: return n >= 2 && (u[i + 1] == 0x85 || u[i + 1] == 0xA0) ? 2 : 0
    case 0xE1: return n >= 3 && u[i + 1] == 0x9A && u[i + 2] == 0x80 ? 3 : 0
    case 0xE2:
      guard n >= 3 else { return 0 }
      let c = u[i + 1]
      let d = u[i + 2]
      if c == 0x80, d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF { return d >= 0x80 ? 3 : 0 }
      if c == 0x81, d == 0x9F { return 3 }
      return 0
    case 0xE3: return n >= 3 && u[i + 1] == 0x80 && u[i + 2] == 0x80 ? 3 : 0
    default: return 0
    }
  }

  func trimmingCharacters(_ chars: Character) -> String {
    var s = Substring(self)
    while s.first == chars { s.removeFirst() }
    while s.last == chars { s.removeLast() }
    return String(s)
  }
}
