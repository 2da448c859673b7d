/// Byte-lane tests on eight bytes at once (SIMD within a register); a lane's result is its high
/// bit (0x80).
enum SWAR {
  static let high: UInt64 = 0x8080_8080_8080_8080
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  @inline(__always) static func repeating(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

  /// High bit set in each lane holding an ASCII letter (A-Z, a-z).
  @inline(__always) static func asciiLetters(_ x: UInt64) -> UInt64 {
    // Fold case, drop the high bit; then lane >= 0x61 and lane < 0x7B, with no carry between
    // lanes (a lane is at most 0x7F + 0x1F).
    let folded = (x | 0x2020_2020_2020_2020) & low7
    let atLeastA = folded &+ 0x1F1F_1F1F_1F1F_1F1F
    let pastZ = folded &+ 0x0505_0505_0505_0505
    return atLeastA & ~pastZ & ~x & high
  }

  /// High bit set in each lane equal to the byte `repeated` holds in every lane.
  @inline(__always) static func equal(_ x: UInt64, _ repeated: UInt64) -> UInt64 {
    let y = x ^ repeated
    return ~(((y & low7) &+ low7) | y) & high
  }

  /// High bit set in each lane below `limit` (at most 0x80).
  @inline(__always) static func below(_ x: UInt64, _ limit: UInt8) -> UInt64 {
    // A lane's low seven bits plus (0x80 - limit) stay below 0x80 exactly when it is below the
    // limit, with no carry into the next lane; lanes with the high bit set are never below.
    ~(((x & low7) &+ repeating(0x80 &- limit)) | x) & high
  }

  /// High bit set in each lane that is not a space (0x20).
  @inline(__always) static func notSpace(_ x: UInt64) -> UInt64 {
    let y = x ^ 0x2020_2020_2020_2020
    return (((y & low7) &+ low7) | y) & high
  }
}
