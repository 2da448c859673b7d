#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Building a document's text as UTF-8 bytes while recording offsets, for the structured readers
/// (KOOP XML, .docx, .odt, HTML).
struct TextBuilder {
  private(set) var bytes: [UInt8] = []
  /// A whitespace run was seen that becomes one space before the next visible character.
  private var pendingSpace = false
  /// True once a paragraph was started (word processors join paragraphs with "\n", empty ones too).
  var paragraphStarted = false

  init() {}

  /// A builder whose buffer is reserved up front (the input size is a good guess for the text).
  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// Hands over the bytes and leaves the builder empty (no copy of the buffer).
  mutating func takeBytes() -> [UInt8] {
    let out = bytes
    bytes = []
    return out
  }

  var count: Int { bytes.count }
  var isEmpty: Bool { bytes.isEmpty }
  private var atLineStart: Bool { bytes.isEmpty || bytes.last == 0x0A }

  /// Ends the current line (if any text is on it): block elements are separated by "\n".
  mutating func blockBreak() {
    pendingSpace = false
    if !atLineStart { bytes.append(0x0A) }
  }

  /// Starts a word-processor paragraph: "\n" before every paragraph but the first.
  mutating func startParagraph() {
    if paragraphStarted { appendLiteral(0x0A) }
    paragraphStarted = true
  }

  /// Appends a literal (a tab, a line break), cancelling a pending space.
  mutating func appendLiteral(_ byte: UInt8) {
    pendingSpace = false
    bytes.append(byte)
  }

  /// Appends raw text exactly as given (Word `w:t`, already meaningful whitespace).
  mutating func appendRaw(_ text: String) {
    flushPendingSpace()
    bytes.append(contentsOf: text.utf8)
  }

  /// Notes whitespace between elements: it becomes one space if visible text follows on this line.
  mutating func noteSpace() {
    if !atLineStart { pendingSpace = true }
  }

  /// Emits a pending space now (before recording the start of a link).
  mutating func flushPendingSpace() {
    if pendingSpace {
      pendingSpace = false
      if !atLineStart, bytes.last != 0x20, bytes.last != 0x09 { bytes.append(0x20) }
    }
  }

  /// Appends XML text: whitespace runs that contain a line break become one space; whitespace at
  /// the start of a line is dropped. With `collapseAll` (HTML), every whitespace run becomes one
  /// space.
  mutating func appendMarkupText(_ text: String, collapseAll: Bool = false) {
    var text = text
    text.withUTF8 { appendMarkupText(bytes: $0, collapseAll: collapseAll) }
  }

  mutating func appendMarkupText(bytes input: UnsafeBufferPointer<UInt8>, collapseAll: Bool = false) {
    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    var i = 0
    let n = input.count
    while i < n {
      if isSpace(input[i]) {
        // A whitespace run that is not inside a line of visible text.
        var j = i
        var hasBreak = false
        while j < n, isSpace(input[j]) {
          if input[j] == 0x0A || input[j] == 0x0D { hasBreak = true }
          j += 1
        }
        if hasBreak || collapseAll || j == n {
          noteSpace()
        } else if !atLineStart {
          flushPendingSpace()
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<j]))
        }
        i = j
        continue
      }
      // Visible text with the plain spaces inside it is copied in one go; the run stops before
      // whitespace that holds a line break (or any whitespace when collapsing) and at the end.
      var j = i
      var end = i
      while j < n {
        if !isSpace(input[j]) {
          j += 1
          end = j
          continue
        }
        if collapseAll { break }
        var k = j
        var hasBreak = false
        while k < n, isSpace(input[k]) {
          if input[k] == 0x0A || input[k] == 0x0D { hasBreak = true }
          k += 1
        }
        if hasBreak || k == n { break }
        j = k
      }
      flushPendingSpace()
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<end]))
      i = end
    }
  }

  /// The text as a String (the bytes are valid UTF-8: they come from libxml2 or from Strings).
  var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Byte-level helpers on UTF-8 text.
enum TextScan {
  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

  /// The range without leading and trailing whitespace.
  static func trimmed(_ range: ByteRange, in bytes: [UInt8]) -> ByteRange {
    bytes.withUnsafeBufferPointer { trimmed(range, in: $0) }
  }

  static func trimmed(_ range: ByteRange, in bytes: UnsafeBufferPointer<UInt8>) -> ByteRange {
    var s = range.start
    var e = range.end
    while s < e, isSpace(bytes[s]) { s += 1 }
    while e > s, isSpace(bytes[e - 1]) { e -= 1 }
    return ByteRange(s, e)
  }

  /// The sentence around `position` (a mark): from after the previous sentence end (". ", "? ",
  /// "! " or a line break) to the next sentence end, trimmed. `marks` (other footnote marks) are
  /// transparent: "zin.[footnoteRef:1] Tweede" ends a sentence after the mark.
  static func sentence(around position: ByteRange, in bytes: [UInt8], marks: [ByteRange] = []) -> ByteRange {
    sentence(around: position, in: bytes, markEnd: markEnds(marks))
  }

  /// Mark start -> mark end, for `sentence(around:in:markEnd:)`; build it once per document.
  static func markEnds(_ marks: [ByteRange]) -> [Int: Int] {
    var markEnd: [Int: Int] = [:]
    for m in marks where !m.isEmpty { markEnd[m.start] = m.end }
    return markEnd
  }

  /// As `sentence(around:in:marks:)`, with the marks already in a table (linear for many footnotes).
  static func sentence(around position: ByteRange, in bytes: [UInt8], markEnd: [Int: Int]) -> ByteRange {
    bytes.withUnsafeBufferPointer { sentence(around: position, in: $0, markEnd: markEnd) }
  }

  static func sentence(around position: ByteRange, in bytes: UnsafeBufferPointer<UInt8>, markEnd: [Int: Int]) -> ByteRange {
    func visible(_ k: Int) -> Int {
      var k = k
      while let e = markEnd[k] { k = e }
      return k
    }
    func isEnd(_ b: UInt8) -> Bool { b == 0x2E || b == 0x3F || b == 0x21 }
    var start = 0
    var i = min(position.start, bytes.count) - 1
    while i >= 0 {
      let b = bytes[i]
      if b == 0x0A {
        start = i + 1
        break
      }
      if isEnd(b) {
        let k = visible(i + 1)
        if k < position.start, isSpace(bytes[k]) {
          start = k
          break
        }
      }
      i -= 1
    }
    let s = min(position.start, bytes.count)
    // A mark right after a sentence end ("voortgang.<noot>") belongs to the sentence before it.
    if s > 0, isEnd(bytes[s - 1]) {
      return trimmed(ByteRange(start, min(position.end, bytes.count)), in: bytes)
    }
    var end = bytes.count
    var j = min(position.end, bytes.count)
    while j < bytes.count {
      let b = bytes[j]
      if b == 0x0A {
        end = j
        break
      }
      if isEnd(b) {
        let k = visible(j + 1)
        if k >= bytes.count || isSpace(bytes[k]) {
          end = k
          break
        }
      }
      j += 1
    }
    return trimmed(ByteRange(start, end), in: bytes)
  }

  /// Finds `needle` in `bytes` from `from`; returns its start or nil.
  static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
    bytes.withUnsafeBufferPointer { find(needle, in: $0, from: from, to: to) }
  }

  static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> Int? {
    let limit = (to ?? hay.count) - needle.count
    guard !needle.isEmpty, from <= limit else { return nil }
    let end = limit + needle.count
    return needle.withUnsafeBufferPointer { pin -> Int? in
      guard let base = hay.baseAddress, let p = pin.baseAddress else { return nil }
      // memchr to the next candidate first byte, then compare the rest.
      var i = from
      let last = end - pin.count
      while i <= last, let hit = memchr(base + i, Int32(p[0]), last - i + 1) {
        let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + k, p, pin.count) == 0 { return k }
        i = k + 1
      }
      return nil
    }
  }
}

/// Dutch and ISO dates to ISO `YYYY-MM-DD`.
enum DutchDate {
  static let months: [String: Int] = [
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
  ]

  /// "11 juli 2025" -> "2025-07-11"; "2025-10-31" and "2025-10-31T00:00:00" -> "2025-10-31";
  /// "31-10-2025" -> "2025-10-31". Nil when no date is recognised.
  static func iso(_ raw: String) -> String? {
    let s = raw.trimmingSpaces
    let u = Array(s.utf8)
    func digits(_ r: Range<Int>) -> Int? {
      guard r.upperBound <= u.count else { return nil }
      var v = 0
      for i in r {
        guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
        v = v * 10 + Int(u[i] - 0x30)
      }
      return v
    }
    if u.count >= 10, let y = digits(0..<4), u[4] == 0x2D, let m = digits(5..<7), u[7] == 0x2D, let d = digits(8..<10) {
      return format(y, m, d)
    }
    if u.count >= 10, let d = digits(0..<2), u[2] == 0x2D, let m = digits(3..<5), u[5] == 0x2D, let y = digits(6..<10) {
      return format(y, m, d)
    }
    let words = s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\u{00A0}" })
    for k in 0..<max(0, words.count - 2) {
      guard let d = Int(words[k]), let m = months[String(words[k + 1]).trimmingCharacters(".")],
        let y = Int(words[k + 2].prefix(4))
      else { continue }
      return format(y, m, d)
    }
    return nil
  }

  private static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
    guard (1000...2999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
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

extension Substring {
  func trimmingCharacters(_ chars: Character) -> String { String(self).trimmingCharacters(chars) }
}

extension Substring {
  /// Without leading and trailing whitespace.
  var trimmingSpaces: String { String(self).trimmingSpaces }
}

extension TextScan {
  /// The bytes without leading and trailing whitespace.
  static func trimmedBytes(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    let r = trimmed(ByteRange(0, bytes.count), in: bytes)
    return bytes[r.start..<r.end]
  }
}
