/// A fast, deterministic 128-bit fingerprint of bytes, eight bytes a step: for telling copies
/// of a text apart from different texts inside one run (not a security hash, and not stored).
enum FastDigest {
  /// The fingerprint of a string's UTF-8 bytes, as hex with the length.
  static func of(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { of($0) }
  }

  static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var a: UInt64 = 0x243F_6A88_85A3_08D3
    var b: UInt64 = 0x1319_8A2E_0370_7344
    let n = bytes.count
    var i = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        a = (a ^ w) &* 0x9E37_79B9_7F4A_7C15
        a = (a << 31) | (a >> 33)
        b = (b ^ w) &* 0xC2B2_AE3D_27D4_EB4F
        b = (b << 29) | (b >> 35)
        i += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        tail |= UInt64(base[i]) << shift
        shift += 8
        i += 1
      }
      a = (a ^ tail) &* 0x9E37_79B9_7F4A_7C15
      b = (b ^ tail) &* 0xC2B2_AE3D_27D4_EB4F
    }
    a ^= UInt64(n)
    b ^= a >> 29
    a ^= b &* 0x1656_67B1_9E37_79F9
    func hex(_ v: UInt64) -> String {
      let s = String(v, radix: 16)
      return String(repeating: "0", count: 16 - s.count) + s
    }
    return hex(a) + hex(b) + "-" + String(n, radix: 16)
  }
}
