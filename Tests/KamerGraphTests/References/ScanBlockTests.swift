import Testing

@testable import KamerGraph

/// The scan reads eight bytes at a time (`SWAR`): its lane tests must agree with the byte tests,
/// and a reference must be found the same wherever it falls in a block.
@Suite struct ScanBlockTests {
  @Test func letterLanesAgreeWithIsAlphaForEveryByte() {
    for value in 0...255 {
      let c = UInt8(value)
      for lane in 0..<8 {
        // The byte in one lane, other lanes filled with bytes of the opposite answer.
        let filler: UInt8 = (c < 0x80 && isAlpha(c)) ? 0x20 : 0x61
        var x: UInt64 = 0
        for k in 0..<8 { x |= UInt64(k == lane ? c : filler) << UInt64(8 * k) }
        let letters = SWAR.asciiLetters(x)
        let spaces = SWAR.notSpace(x)
        for k in 0..<8 {
          let byte = k == lane ? c : filler
          #expect((letters >> UInt64(8 * k + 7)) & 1 == ((byte < 0x80 && isAlpha(byte)) ? 1 : 0), "byte \(byte) lane \(k)")
          #expect((spaces >> UInt64(8 * k + 7)) & 1 == (byte != 0x20 ? 1 : 0), "byte \(byte) lane \(k)")
        }
      }
    }
  }

  @Test func belowAndEqualLanesAgreeWithTheByteTestsForEveryByte() {
    for limit: UInt8 in [0x01, 0x20, 0x61, 0x80] {
      for value in 0...255 {
        let c = UInt8(value)
        for lane in 0..<8 {
          var x: UInt64 = SWAR.repeating(c < limit ? 0xFF : 0x00)  // other lanes: the opposite answer
          x &= ~(0xFF << UInt64(8 * lane))
          x |= UInt64(c) << UInt64(8 * lane)
          let below = SWAR.below(x, limit)
          let equal = SWAR.equal(x, SWAR.repeating(c))
          #expect((below >> UInt64(8 * lane + 7)) & 1 == (c < limit ? 1 : 0), "\(c) below \(limit) lane \(lane)")
          #expect((equal >> UInt64(8 * lane + 7)) & 1 == 1, "\(c) lane \(lane)")
          for k in 0..<8 where k != lane {
            let other = UInt8(truncatingIfNeeded: x >> UInt64(8 * k))
            #expect((below >> UInt64(8 * k + 7)) & 1 == (other < limit ? 1 : 0))
            #expect((equal >> UInt64(8 * k + 7)) & 1 == (other == c ? 1 : 0))
          }
        }
      }
    }
  }

  @Test func noAnchorStartsWithASpace() {
    let table = AnchorTable.shared
    #expect((0..<256).allSatisfy { table.slots[0x20 << 8 | $0] == 0 })
  }

  /// The same text behind 0 to 17 bytes of padding: every mention moves by the padding and is
  /// otherwise the same, whatever its offset within a block of eight.
  @Test(arguments: [
    "Kamerstukken II 2024/25, 36 600 X, nr. 12",
    "Aanhangsel Handelingen II 2024/25, nr. 2790; ECLI:NL:HR:2005:AR5213 en Stb. 2001, 580.",
    "Vragen van het lid Van Houwelingen (FvD) aan de minister van Defensie over Palantir (ingezonden 11 juli 2025).",
    "Onze referentie MINDEF20250032172 en 2025Z14549; zie ook de AVG en de Woo.",
    "«Raffinaderij» van de politie, NAVO",
    "2025D45253",
  ])
  func mentionsDoNotDependOnTheBlockOffset(text: String) {
    let extractor = Extractor()
    let reference = extractor.mentions(in: text)
    #expect(!reference.isEmpty)
    for pad in 1...17 {
      for filler in [" ", "\n", "(", "–"] {
        let prefix = String(repeating: filler, count: pad)
        let shift = prefix.utf8.count
        let shifted = extractor.mentions(in: prefix + text)
        #expect(shifted.count == reference.count, "padding \(pad) × \(filler.debugDescription)")
        for (a, b) in zip(reference, shifted) {
          #expect(a.kind == b.kind && a.ids == b.ids && a.text == b.text, "padding \(pad) × \(filler.debugDescription)")
          // Roles may depend on what the line starts with ("Vragen van ..."): only blank
          // padding leaves them as they were.
          if filler.allSatisfy(\.isWhitespace) { #expect(a.fields == b.fields, "padding \(pad) × \(filler.debugDescription)") }
          #expect(b.start == a.start + shift && b.end == a.end + shift)
        }
      }
      // After a letter no anchor starts: the first word is glued to it.
      let glued = extractor.mentions(in: String(repeating: " ", count: pad) + "x" + text)
      #expect(glued.allSatisfy { $0.start > pad + 1 })
    }
  }

  @Test func anchorsInTheLastBytesAreFound() {
    // Shorter than one block, and a reference ending exactly at the end of the text.
    #expect(Extractor().mentions(in: "Stb. 2001, 580").map(\.ids) == [["stb-2001-580"]])
    for pad in 0..<9 {
      let text = String(repeating: "a", count: pad) + " 2025Z14549"
      #expect(Extractor().mentions(in: text).map(\.ids) == [["2025Z14549"]], "padding \(pad)")
    }
  }
}
