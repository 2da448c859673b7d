/// A fast, deterministic 128-bit fingerprint of bytes, eight bytes a step: for telling copies
/// of a text apart from different texts inside one run (not a security hash, and not stored).
enum FastDigest {
  /// The fingerprint of a string's UTF-8 bytes, as hex with the length.
  static func of(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { of($0) }
  }

  static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var stream = Stream()
    let used = stream.add(words: bytes)
    // (An empty buffer without storage has never mixed in a tail; kept so fingerprints stay as they were.)
    return stream.finish(tail: UnsafeBufferPointer(rebasing: bytes[used...]), mix: bytes.baseAddress != nil)
  }

  /// The same fingerprint over bytes that come in pieces (a mapped file read a window at a time):
  /// `add(words:)` takes the whole eight-byte words of a piece, so every piece but the last must
  /// be a multiple of eight bytes long; `finish(tail:)` takes the last piece's remaining bytes.
  struct Stream {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var n = 0

    /// Adds the whole words of `bytes`; returns how many bytes that was.
    mutating func add(words bytes: UnsafeBufferPointer<UInt8>) -> Int {
      guard let base = bytes.baseAddress else { return 0 }
      let raw = UnsafeRawPointer(base)
      var a = self.a
      var b = self.b
      var i = 0
      while i + 8 <= bytes.count {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        a = (a ^ w) &* 0x9E37_79B9_7F4A_7C15
        a = (a << 31) | (a >> 33)
        b = (b ^ w) &* 0xC2B2_AE3D_27D4_EB4F
        b = (b << 29) | (b >> 35)
        i += 8
      }
      self.a = a
      self.b = b
      n += i
      return i
    }

    /// The fingerprint, with the last fewer-than-eight bytes.
    func finish(tail: UnsafeBufferPointer<UInt8>, mix: Bool = true) -> String {
      var a = self.a
      var b = self.b
      var t: UInt64 = 0
      var shift: UInt64 = 0
      for byte in tail {
        t |= UInt64(byte) << shift
        shift += 8
      }
      let n = self.n + tail.count
      if mix {
        a = (a ^ t) &* 0x9E37_79B9_7F4A_7C15
        b = (b ^ t) &* 0xC2B2_AE3D_27D4_EB4F
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
}
