#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decoding the bytes of a plain-text file: UTF-8 with or without BOM, UTF-16 with BOM (or
/// without, when the NUL pattern makes it clear), Windows-1252 when the bytes are not UTF-8.
enum TextDecoding {
  struct Decoded {
    var text: String
    /// How the bytes were decoded when it was not plain UTF-8 ("decoded as Windows-1252 ...").
    var notes: [String]
  }

  enum UTF16Order { case little, big }

  /// A UTF-16 byte order guessed from a BOM or from the pattern of zero bytes, or nil.
  static func utf16Order(_ bytes: [UInt8]) -> (order: UTF16Order, bom: Bool)? {
    if bytes.count >= 2 {
      if bytes[0] == 0xFF, bytes[1] == 0xFE { return (.little, true) }
      if bytes[0] == 0xFE, bytes[1] == 0xFF { return (.big, true) }
    }
    let n = min(bytes.count, 4096) & ~1
    guard n >= 4 else { return nil }
    // Without a single NUL byte it is not UTF-16 (the usual case, decided by one memchr).
    let hasNUL = bytes.withUnsafeBufferPointer { memchr($0.baseAddress!, 0, n) != nil }
    guard hasNUL else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    bytes.withUnsafeBufferPointer { b in
      var i = 0
      while i < n {
        evenZeros &+= b[i] == 0 ? 1 : 0
        oddZeros &+= b[i + 1] == 0 ? 1 : 0
        i += 2
      }
    }
    let pairs = n / 2
    if oddZeros * 10 >= pairs * 6, evenZeros * 20 <= pairs { return (.little, false) }
    if evenZeros * 10 >= pairs * 6, oddZeros * 20 <= pairs { return (.big, false) }
    return nil
  }

  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, order: UTF16Order) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i + 1 < bytes.endIndex {
      let a = UInt16(bytes[i])
      let b = UInt16(bytes[i + 1])
      units.append(order == .little ? a | (b << 8) : (a << 8) | b)
      i += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
    var it = bytes.makeIterator()
    var decoder = UTF8()
    var offset = bytes.startIndex
    var consumedBefore = bytes.startIndex
    // Count bytes by re-encoding scalar lengths.
    while true {
      switch decoder.decode(&it) {
      case .scalarValue(let s):
        consumedBefore += UTF8.width(s)
        offset = consumedBefore
      case .emptyInput:
        return nil
      case .error:
        return offset
      }
    }
  }

  static let windows1252High: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]

  static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
    var out = String.UnicodeScalarView()
    for b in bytes {
      let v: UInt32 = (0x80...0x9F).contains(b) ? windows1252High[Int(b) - 0x80] : UInt32(b)
      out.append(Unicode.Scalar(v)!)
    }
    return String(out)
  }

  /// Decodes a text file. NUL bytes become spaces (so offsets keep their meaning), with a note.
  static func decode(_ bytes: [UInt8]) -> Decoded {
    var notes: [String] = []
    var text: String
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      let body = bytes[3...]
      // One validating pass; the scalar-by-scalar search for the bad byte runs only on failure.
      if let valid = String(validating: body, as: UTF8.self) {
        text = valid
      } else {
        let bad = firstInvalidUTF8(body) ?? 0
        text = decodeWindows1252(body)
        notes.append("not valid UTF-8 (byte offset \(bad)); decoded as Windows-1252")
      }
    } else if let (order, bom) = utf16Order(bytes) {
      text = decodeUTF16(bytes[(bom ? 2 : 0)...], order: order)
      let name = order == .little ? "UTF-16LE" : "UTF-16BE"
      if !bom { notes.append("decoded as \(name) without a byte-order mark") } else { notes.append("decoded as \(name)") }
    } else if let valid = String(validating: bytes, as: UTF8.self) {
      text = valid
    } else {
      let bad = firstInvalidUTF8(bytes[...]) ?? 0
      text = decodeWindows1252(bytes[...])
      notes.append("not valid UTF-8 (byte offset \(bad)); decoded as Windows-1252")
    }
    let hasNUL =
      text.utf8.withContiguousStorageIfAvailable { buffer in
        guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
        return memchr(base, 0, buffer.count) != nil
      } ?? text.utf8.contains(0)
    if hasNUL {
      let nuls = text.utf8.count { $0 == 0 }
      text = String(decoding: text.utf8.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
      notes.append("\(nuls) NUL byte\(nuls == 1 ? "" : "s") replaced by spaces")
    }
    return Decoded(text: text, notes: notes)
  }

  /// True when the start of the bytes looks like binary data rather than text (many control bytes).
  static func looksBinary(_ bytes: [UInt8]) -> Bool {
    let n = min(bytes.count, 8192)
    guard n > 0 else { return false }
    var control = 0
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      // Eight bytes at a time (`SWAR`): lanes below 0x20 other than tab, LF, FF, CR and ESC, and DEL.
      func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 { SWAR.equal(x, SWAR.repeating(byte)) }
      var i = 0
      while i + 8 <= n {
        let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let below20 = SWAR.below(x, 0x20)
        let del = equal(x, 0x7F)
        if below20 | del != 0 {
          let allowed = equal(x, 0x09) | equal(x, 0x0A) | equal(x, 0x0C) | equal(x, 0x0D) | equal(x, 0x1B)
          control &+= ((below20 & ~allowed) | del).nonzeroBitCount
        }
        i += 8
      }
      while i < n {
        let b = base[i]
        if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C, b != 0x1B { control &+= 1 }
        if b == 0x7F { control &+= 1 }
        i += 1
      }
    }
    return control * 10 > n
  }
}
