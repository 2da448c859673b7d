import Foundation
import Testing

@testable import KamerGraph

/// `PlainUTF8.check` against the standard library's UTF-8 validation (plus its own two rules:
/// no NUL, no U+FFFD), on random bytes biased toward the edges of every UTF-8 form.
@Suite struct PlainUTF8Tests {
  static func expected(_ bytes: [UInt8]) -> Bool {
    guard let text = String(validating: bytes, as: UTF8.self) else { return false }
    return !bytes.contains(0) && !text.unicodeScalars.contains("\u{FFFD}")
  }

  static func actual(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { PlainUTF8.isPlain($0) } }

  @Test func randomBytesAreJudgedAsTheStandardLibraryJudgesThem() {
    var rng = RandomTextTests.SplitMix(state: 8)
    let edges: [UInt8] = [
      0x00, 0x01, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBD, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
      0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]
    var valid = 0
    for _ in 0..<50_000 {
      var bytes: [UInt8] = []
      for _ in 0..<(Int(rng.next() % 24)) {
        // Runs of ASCII (the eight-byte path) between edge bytes.
        if rng.next() % 3 == 0 {
          bytes += Array(repeating: 0x61, count: Int(rng.next() % 12))
        } else {
          bytes.append(rng.pick(edges))
        }
      }
      let want = Self.expected(bytes)
      if want { valid += 1 }
      #expect(Self.actual(bytes) == want, "\(bytes.map { String($0, radix: 16) })")
    }
    #expect(valid > 1000)
  }

  @Test func everyScalarFormPassesAndTheRefusedOnesFail() {
    for text in ["a", "é", "€", "𝄞", "\u{10FFFF}", "\u{D7FF}", "\u{E000}", "Kamerstukken II 2024–2025", String(repeating: "x", count: 100)] {
      #expect(Self.actual(Array(text.utf8)), "\(text)")
    }
    #expect(!Self.actual(Array("a\u{FFFD}b".utf8)))
    #expect(!Self.actual(Array("abcdefgh\0ijk".utf8)))
    #expect(!Self.actual([0xED, 0xA0, 0x80]))  // a surrogate
    #expect(!Self.actual([0xC0, 0xAF]))  // overlong "/"
    #expect(!Self.actual([0xF4, 0x90, 0x80, 0x80]))  // past U+10FFFF
    #expect(!Self.actual([0x61, 0xE2, 0x82]))  // cut short at the end
  }

  @Test func aCharacterMayCrossTheEndOfAWindow() {
    let bytes = Array("ab€cd".utf8)  // € is bytes 2...4
    bytes.withUnsafeBufferPointer { b in
      #expect(PlainUTF8.check(b, from: 0, to: 3) == 5)
      #expect(PlainUTF8.check(b, from: 5, to: b.count) == b.count)
    }
  }
}

@Suite struct FastDigestStreamTests {
  @Test func piecesGiveTheDigestOfTheWhole() {
    var rng = RandomTextTests.SplitMix(state: 77)
    for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000] {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      let whole = bytes.withUnsafeBufferPointer { FastDigest.of($0) }
      for piece in [8, 16, 64] {
        var stream = FastDigest.Stream()
        var offset = 0
        bytes.withUnsafeBufferPointer { b in
          while b.count - offset >= piece {
            offset += stream.add(words: UnsafeBufferPointer(rebasing: b[offset..<(offset + piece)]))
          }
          offset += stream.add(words: UnsafeBufferPointer(rebasing: b[offset...]))
          #expect(stream.finish(tail: UnsafeBufferPointer(rebasing: b[offset...])) == whole, "\(length) in \(piece)")
        }
      }
    }
  }
}
