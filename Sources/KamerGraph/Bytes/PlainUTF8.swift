/// The test a large text passes to be read as it is on disk (`MappedPlainText`, and what
/// `DocumentReader.plainUTF8` asks of String's own validation): well-formed UTF-8 (Unicode
/// Table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), no NUL byte and no
/// U+FFFD. Eight ASCII bytes at a time.
enum PlainUTF8 {
  /// Checks the characters that start in `from..<to` (the last may run past `to`, never past the
  /// buffer). Returns where the next character starts (at or after `to`), or nil when a byte
  /// fails the test.
  static func check(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    guard let base = b.baseAddress else { return from }
    let n = b.count
    let raw = UnsafeRawPointer(base)
    var i = from
    while i < to {
      // Four words at a time while they are all ASCII without NUL.
      while i + 32 <= n, i < to {
        let w0 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let w1 = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
        let w2 = raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
        let w3 = raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
        let high = (w0 | w1 | w2 | w3) & SWAR.high
        let one = SWAR.repeating(0x01)
        let zero = ((w0 &- one) & ~w0 | (w1 &- one) & ~w1 | (w2 &- one) & ~w2 | (w3 &- one) & ~w3) & SWAR.high
        if high | zero != 0 { break }
        i += 32
      }
      if i >= to { break }
      if i + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        // No byte with its high bit set, and no zero byte.
        if w & SWAR.high == 0 && (w &- SWAR.repeating(0x01)) & ~w & SWAR.high == 0 {
          i += 8
          continue
        }
      }
      let c = b[i]
      if c < 0x80 {
        if c == 0 { return nil }
        i += 1
        continue
      }
      let need: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch c {
      case 0xC2...0xDF: need = 1
      case 0xE0:
        need = 2
        low = 0xA0
      case 0xE1...0xEC, 0xEE, 0xEF: need = 2
      case 0xED:
        need = 2
        high = 0x9F
      case 0xF0:
        need = 3
        low = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4:
        need = 3
        high = 0x8F
      default: return nil
      }
      guard i + need < n else { return nil }
      let c1 = b[i + 1]
      guard c1 >= low, c1 <= high else { return nil }
      if need >= 2 {
        guard b[i + 2] & 0xC0 == 0x80 else { return nil }
        if c == 0xEF, c1 == 0xBF, b[i + 2] == 0xBD { return nil }  // U+FFFD
      }
      if need == 3 {
        guard b[i + 3] & 0xC0 == 0x80 else { return nil }
      }
      i += need + 1
    }
    return i
  }

  /// True when the whole buffer passes.
  static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool { check(b, from: 0, to: b.count) != nil }
}
