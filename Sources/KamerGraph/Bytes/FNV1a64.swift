/// FNV-1a, 64 bits: a fast, stable hash for file contents and graph fingerprints. Not
/// cryptographic; it only has to notice that a file changed.
struct FNV1a64 {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3

  mutating func add<C: Collection>(bytes: C) where C.Element == UInt8 {
    var h = value
    for b in bytes {
      h ^= UInt64(b)
      h &*= Self.prime
    }
    value = h
  }

  mutating func add(_ text: String) {
    var copy = text
    copy.withUTF8 { add(bytes: $0) }
    add(bytes: CollectionOfOne(0xff))  // separator: "ab","c" differs from "a","bc"
  }

  mutating func add(_ number: Int) { add(String(number)) }

  mutating func add(_ text: String?) {
    if let text { add(text) } else { add(bytes: CollectionOfOne(0xfe)) }
  }

  /// Sixteen lower-case hex digits.
  var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
