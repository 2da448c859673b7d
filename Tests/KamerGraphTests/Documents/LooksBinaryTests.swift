import Testing

@testable import KamerGraph

/// `TextDecoding.looksBinary` counts control bytes eight at a time; it must count as the byte
/// loop does: below 0x20 except tab, LF, FF, CR and ESC, and DEL; more than one in ten is binary.
@Suite struct LooksBinaryTests {
  static func reference(_ bytes: [UInt8]) -> Bool {
    let n = min(bytes.count, 8192)
    guard n > 0 else { return false }
    var control = 0
    for b in bytes.prefix(n) {
      if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C, b != 0x1B { control += 1 }
      if b == 0x7F { control += 1 }
    }
    return control * 10 > n
  }

  @Test func everyByteValueCountsAsTheByteLoopCounts() {
    for value in 0...255 {
      // Ten bytes of one value: binary exactly when that value is a control byte.
      for count in [1, 7, 8, 9, 17] {
        let bytes = [UInt8](repeating: UInt8(value), count: count)
        #expect(TextDecoding.looksBinary(bytes) == Self.reference(bytes), "\(value) × \(count)")
      }
    }
  }

  @Test func randomMixesNearTheThresholdAgree() {
    var state: UInt64 = 0x2026_1129
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let controls: [UInt8] = [0x00, 0x01, 0x08, 0x0B, 0x1F, 0x7F, 0x09, 0x0A, 0x0C, 0x0D, 0x1B]
    for _ in 0..<2000 {
      let n = Int(next() % 300) + 1
      let rate = next() % 25  // percent of control bytes, around the 10% threshold
      var bytes: [UInt8] = []
      for _ in 0..<n {
        bytes.append(next() % 100 < rate ? controls[Int(next() % UInt64(controls.count))] : UInt8(0x20 + next() % 0x5F))
      }
      #expect(TextDecoding.looksBinary(bytes) == Self.reference(bytes))
    }
    // Only the first 8 KiB count.
    let long = [UInt8](repeating: 0x61, count: 8192) + [UInt8](repeating: 0x00, count: 8192)
    #expect(!TextDecoding.looksBinary(long))
  }
}
