/// Small helpers to write JSON by hand, so that key order is fixed and output is reproducible.
package enum JSONText {
  /// `text` as a JSON string literal, with the escapes RFC 8259 requires.
  package static func quoted(_ text: String) -> String {
    // Fast path: most strings need no escape at all.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
    var bytes: [UInt8] = []
    appendQuoted(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text` as a JSON string literal to a UTF-8 buffer.
  package static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    // Fast path: no byte needs escaping (the usual case), so the bytes go in with one copy.
    let copied =
      text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
        for byte in buffer where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
        out.append(contentsOf: buffer)
        return true
      } ?? false
    if copied {
      out.append(0x22)
      return
    }
    for byte in text.utf8 {
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0x08: out.append(contentsOf: [0x5C, 0x62])
      case 0x0C: out.append(contentsOf: [0x5C, 0x66])
      case 0..<0x20:
        let hex: StaticString = "0123456789abcdef"
        let digits = hex.utf8Start
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
      default: out.append(byte)
      }
    }
    out.append(0x22)
  }

  /// Appends the decimal digits of `n` without building a String.
  package static func appendNumber(_ n: Int, to out: inout [UInt8]) {
    if n < 0 {
      out.append(0x2D)
      if n == Int.min {
        out.append(contentsOf: String(n).utf8.dropFirst())
        return
      }
      appendNumber(-n, to: &out)
      return
    }
    if n < 10 {
      out.append(0x30 &+ UInt8(n))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var k = buffer.count
      var v = n
      while v > 0 {
        k -= 1
        buffer[k] = 0x30 &+ UInt8(v % 10)
        v /= 10
      }
      out.append(contentsOf: buffer[k...])
    }
  }

  /// An object from ordered key/value pairs whose values are already JSON.
  package static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  /// An array of strings.
  package static func array(_ items: [String]) -> String {
    "[" + items.map(quoted).joined(separator: ",") + "]"
  }

  /// An object of string fields with keys sorted.
  package static func sortedObject(_ dict: [String: String]) -> String {
    object(dict.keys.sorted().map { ($0, quoted(dict[$0]!)) })
  }
}
