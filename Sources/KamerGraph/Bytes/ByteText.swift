/// Byte-level helpers for the recognizers: a read-only view of the document's UTF-8 bytes with
/// bounded, allocation-free probes (literals, digits, spaces, dashes). Every probe looks at a fixed
/// maximum number of bytes, so recognizers stay linear in the input.
struct ByteText {
  let b: UnsafeBufferPointer<UInt8>
  var count: Int { b.count }

  init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

  /// The byte at `i`, or 0 outside the text (0 never occurs in the probes' literals).
  @inline(__always) subscript(_ i: Int) -> UInt8 { i >= 0 && i < b.count ? b[i] : 0 }

  /// True when `i` starts a word: the byte before is not a letter, digit or part of a non-ASCII letter.
  @inline(__always) func atWordStart(_ i: Int) -> Bool {
    if i <= 0 { return true }
    let c = b[i - 1]
    if c < 0x80 { return !isAlnum(c) }
    // NBSP, « and » (C2 A0/AB/BB) and the General Punctuation block (E2 80 xx: spaces, dashes,
    // quotes) separate words; other non-ASCII bytes belong to letters.
    if i >= 2 && b[i - 2] == 0xC2 && (c == 0xA0 || c == 0xAB || c == 0xBB) { return true }
    if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 { return true }
    // A byte-order mark (EF BB BF) before the first word.
    if i >= 3 && b[i - 3] == 0xEF && b[i - 2] == 0xBB && c == 0xBF { return true }
    return false
  }

  /// True when `i` ends a word: the byte at `i` is not a letter or digit (or the text ends).
  @inline(__always) func atWordEnd(_ i: Int) -> Bool {
    if i >= b.count { return true }
    let c = b[i]
    if c < 0x80 { return !isAlnum(c) }
    let d = self[i + 1]
    if c == 0xC2 && (d == 0xA0 || d == 0xAB || d == 0xBB) { return true }
    if c == 0xE2 && d == 0x80 { return true }
    return false
  }

  /// The end of `literal` when it stands at `i` (exact bytes), else nil.
  @inline(__always) func lit(_ i: Int, _ literal: StaticString) -> Int? {
    let n = literal.utf8CodeUnitCount
    guard i >= 0, i + n <= b.count else { return nil }
    let p = literal.utf8Start
    for k in 0..<n where b[i + k] != p[k] { return nil }
    return i + n
  }

  /// The end of `literal` when it stands at `i`, ASCII letters compared case-insensitively.
  @inline(__always) func litCI(_ i: Int, _ literal: StaticString) -> Int? {
    let n = literal.utf8CodeUnitCount
    guard i >= 0, i + n <= b.count else { return nil }
    let p = literal.utf8Start
    for k in 0..<n where lower(b[i + k]) != lower(p[k]) { return nil }
    return i + n
  }

  /// Like `litCI` with a byte array.
  func litCI(_ i: Int, _ literal: [UInt8]) -> Int? {
    let n = literal.count
    guard i >= 0, i + n <= b.count else { return nil }
    for k in 0..<n where lower(b[i + k]) != lower(literal[k]) { return nil }
    return i + n
  }

  /// Like `litCI` with a byte array, but a space in `literal` matches any run of spaces and line
  /// breaks in the text ("Klimaat en Groene\nGroei").
  func litCIFlexible(_ i: Int, _ literal: [UInt8]) -> Int? {
    var j = i
    var k = 0
    while k < literal.count {
      if literal[k] == 0x20 {
        let s = skipSpaces(j, newlines: true, limit: 16)
        guard s > j else { return nil }
        j = s
        k += 1
        continue
      }
      guard j < b.count, lower(b[j]) == lower(literal[k]) else { return nil }
      j += 1
      k += 1
    }
    return j
  }

  /// Like `lit` but also requires a word end after the literal.
  @inline(__always) func word(_ i: Int, _ literal: StaticString) -> Int? {
    guard let e = lit(i, literal), atWordEnd(e) else { return nil }
    return e
  }

  /// Like `litCI` but also requires a word end after the literal.
  @inline(__always) func wordCI(_ i: Int, _ literal: StaticString) -> Int? {
    guard let e = litCI(i, literal), atWordEnd(e) else { return nil }
    return e
  }

  /// The length in bytes of a horizontal space at `i` (space, tab, NBSP, thin and narrow
  /// no-break space), or 0.
  @inline(__always) func spaceLength(_ i: Int) -> Int {
    let c = self[i]
    if c == 0x20 || c == 0x09 { return 1 }
    if c == 0xC2 && self[i + 1] == 0xA0 { return 2 }
    if c == 0xE2 && self[i + 1] == 0x80 {
      let d = self[i + 2]
      if d == 0x89 || d == 0xAF || d == 0x8A || d == 0x82 || d == 0x83 { return 3 }
    }
    return 0
  }

  /// Skips horizontal spaces (and line breaks when `newlines`), at most `limit` bytes.
  @inline(__always) func skipSpaces(_ i: Int, newlines: Bool = true, limit: Int = 24) -> Int {
    var j = i
    while j - i < limit {
      let n = spaceLength(j)
      if n > 0 {
        j += n
        continue
      }
      if newlines && (self[j] == 0x0A || self[j] == 0x0D) {
        j += 1
        continue
      }
      break
    }
    return j
  }

  /// Skips spaces and at most one comma (", " or " ," or ",").
  @inline(__always) func skipComma(_ i: Int) -> Int {
    var j = skipSpaces(i)
    if self[j] == UInt8(ascii: ",") { j = skipSpaces(j + 1) }
    return j
  }

  /// The end of a dash at `i`: "-", EN DASH, EM DASH, MINUS SIGN; "/" when `slash`.
  @inline(__always) func dash(_ i: Int, slash: Bool = false) -> Int? {
    let c = self[i]
    if c == UInt8(ascii: "-") { return i + 1 }
    if slash && c == UInt8(ascii: "/") { return i + 1 }
    if c == 0xE2 && self[i + 1] == 0x80 && (self[i + 2] == 0x93 || self[i + 2] == 0x94) { return i + 3 }
    if c == 0xE2 && self[i + 1] == 0x88 && self[i + 2] == 0x92 { return i + 3 }
    return nil
  }

  /// A run of 1...`max` ASCII digits at `i`: its end, or nil when there is none or it is longer.
  @inline(__always) func digits(_ i: Int, min: Int = 1, max: Int) -> Int? {
    var j = i
    while j < b.count && isDigit(b[j]) {
      j += 1
      if j - i > max { return nil }
    }
    return j - i >= min ? j : nil
  }

  /// The integer value of the ASCII digits in `i..<end`.
  @inline(__always) func int(_ i: Int, _ end: Int) -> Int {
    var v = 0
    for k in i..<end { v = v &* 10 &+ Int(b[k] &- 48) }
    return v
  }

  /// The bytes `i..<end` as a String.
  func string(_ i: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: b[max(0, i)..<min(end, b.count)]), as: UTF8.self)
  }

  /// The bytes `i..<end` without spaces, dots and hyphens (for dossier numbers).
  func digitsOnly(_ i: Int, _ end: Int) -> String {
    var s = ""
    for k in i..<end where isDigit(b[k]) { s.unicodeScalars.append(Unicode.Scalar(b[k])) }
    return s
  }

  /// The start of the line that holds `i`.
  func lineStart(_ i: Int) -> Int {
    var j = i
    while j > 0 && b[j - 1] != 0x0A { j -= 1 }
    return j
  }

  /// The end of the line that holds `i` (the position of its line feed or the text end).
  func lineEnd(_ i: Int) -> Int {
    var j = i
    while j < b.count && b[j] != 0x0A && b[j] != 0x0D { j += 1 }
    return j
  }

  /// How far the recognisers look for a line's start or end: they only ask whether a line is
  /// nothing but a name or a heading, and a line longer than this is running text. Unbounded
  /// scans made a single 200 MB line quadratic.
  static let lineScanLimit = 4096

  /// `lineStart(i)`, but at most `lineScanLimit` bytes back (then a position inside the line).
  func nearLineStart(_ i: Int) -> Int {
    var j = i
    let stop = max(0, i - ByteText.lineScanLimit)
    while j > stop && b[j - 1] != 0x0A { j -= 1 }
    return j
  }

  /// `lineEnd(i)`, but at most `lineScanLimit` bytes ahead.
  func nearLineEnd(_ i: Int) -> Int {
    var j = i
    let stop = min(b.count, i + ByteText.lineScanLimit)
    while j < stop && b[j] != 0x0A && b[j] != 0x0D { j += 1 }
    return j
  }

  /// True when `i..<end` holds only horizontal spaces.
  func onlySpaces(_ i: Int, _ end: Int) -> Bool {
    var j = i
    while j < end {
      let n = spaceLength(j)
      if n == 0 { return false }
      j += n
    }
    return true
  }

  /// The start of the sentence holding `i`, looking back at most `limit` bytes: the position after
  /// ". ", "? ", "! ", ": " followed by a capital, or a line feed.
  func sentenceStart(_ i: Int, limit: Int = 400) -> Int {
    var j = i
    let stop = max(0, i - limit)
    while j > stop {
      let c = b[j - 1]
      if c == 0x0A { return j }
      if (c == UInt8(ascii: " ")) && j >= 2 {
        let p = b[j - 2]
        if (p == UInt8(ascii: ".") || p == UInt8(ascii: "?") || p == UInt8(ascii: "!")) && isUpper(self[j]) {
          // "nr. 5" and initials ("P. de Vries") are not sentence ends.
          if j >= 3 && (isDigit(b[j - 3]) || isUpper(b[j - 3])) && p == UInt8(ascii: ".") {
            let w = j >= 4 ? b[j - 4] : 0x20
            if !isWordByte(w) {
              j -= 1
              continue
            }
          }
          return j
        }
      }
      j -= 1
    }
    return stop
  }

  /// True when `literal` (case-insensitive) occurs in `from..<to`.
  func contains(_ literal: StaticString, from: Int, to: Int) -> Bool {
    let n = literal.utf8CodeUnitCount
    var j = max(0, from)
    let last = min(to, b.count) - n  // the last start that fits
    guard n > 0, j <= last, let base = b.baseAddress else { return n == 0 && j <= min(to, b.count) }
    // Eight starts at a time: only lanes holding the first byte (either case) are compared.
    let first = literal.utf8Start[0]
    let lowerFirst = SWAR.repeating(lower(first))
    let upperFirst = SWAR.repeating(upper(first))
    while j + 8 <= last + 1 && j + 8 <= b.count {
      let x = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
      var hits = SWAR.equal(x, lowerFirst) | SWAR.equal(x, upperFirst)
      while hits != 0 {
        if litCI(j + hits.trailingZeroBitCount >> 3, literal) != nil { return true }
        hits &= hits &- 1
      }
      j += 8
    }
    while j <= last {
      if litCI(j, literal) != nil { return true }
      j += 1
    }
    return false
  }

  /// True when the text just before `i` (after skipping spaces back) ends with `literal`
  /// (case-insensitive) at a word start.
  func endsBefore(_ i: Int, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    let s = i - n
    guard s >= 0, litCI(s, literal) != nil else { return false }
    return atWordStart(s)
  }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }
@inline(__always) func isUpper(_ c: UInt8) -> Bool { c &- 65 < 26 }
@inline(__always) func isLower(_ c: UInt8) -> Bool { c &- 97 < 26 }
@inline(__always) func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 97 < 26 }
@inline(__always) func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
/// Letters, digits and the bytes of non-ASCII characters (accented letters) count as word bytes.
@inline(__always) func isWordByte(_ c: UInt8) -> Bool { isAlnum(c) || c >= 0x80 }
@inline(__always) func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }
@inline(__always) func upper(_ c: UInt8) -> UInt8 { isLower(c) ? c & 0xDF : c }
