#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
extension TextScan {
  /// The bytes without leading and trailing whitespace.
  static func trimmedBytes(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    let r = trimmed(ByteRange(0, bytes.count), in: bytes)
    return bytes[r.start..<r.end]
  }
}
