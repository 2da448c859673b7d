import Foundation
import Testing

@testable import KamerGraph

/// The scan turns positions away by their first three or four bytes before calling recognizers
/// (`AnchorTable.prefixLengths`). That test must never change a result: every text here is
/// extracted with and without it, and the mentions must be equal.
@Suite struct PrefixFilterTests {
  static let unfiltered: Extractor = {
    var e = Extractor()
    e.prefixFilter = false
    return e
  }()

  /// Every anchor of every recognizer the test applies to, in upper, lower and title case, with
  /// each space written as a tab, a line break, NBSP, a thin space or two spaces.
  static var variants: [String] {
    var out: [String] = []
    for id in AnchorTable.exactAnchors.sorted(by: { $0.rawValue < $1.rawValue }) {
      for (bytes, _) in AnchorTable.anchorBytes(id) {
        let anchor = String(decoding: bytes, as: UTF8.self)
        for spelled in [anchor, anchor.uppercased(), anchor.lowercased(), anchor.capitalized] {
          for space in [" ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2009}", "  "] {
            out.append(spelled.replacingOccurrences(of: " ", with: space))
          }
        }
      }
    }
    return out
  }

  @Test func anchorsInEverySpellingGiveTheSameMentions() {
    let tails = [
      " 2024/25, 36 600 X, nr. 12", " II 2024/25, nr. 2790", " Van Houwelingen (FvD)", " van Defensie", " MINDEF20250032172",
      " (AVG)", "-36600-X-12", ": 2025Z14549", "", ".",
    ]
    var compared = 0
    for variant in Self.variants {
      for tail in tails {
        for text in [variant + tail, "Zie " + variant + tail, "x" + variant + tail, "(" + variant + tail] {
          #expect(Extractor().mentions(in: text) == Self.unfiltered.mentions(in: text), "\(text.debugDescription)")
          compared += 1
        }
      }
    }
    #expect(compared > 10_000)
  }

  @Test func randomTextsGiveTheSameMentions() {
    var rng = RandomTextTests.SplitMix(state: 20_261_129)
    let pieces = RandomTextTests.pieces + Self.variants
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<(Int(rng.next() % 30) + 1) {
        text += rng.pick(pieces)
        if rng.next() % 3 == 0 { text += " " }
      }
      #expect(Extractor().mentions(in: text) == Self.unfiltered.mentions(in: text), "\(text.debugDescription)")
    }
  }

  @Test func theExampleCorpusGivesTheSameMentions() throws {
    let corpus = Repo.path("corpus/palantir")
    let reader = DocumentReader()
    for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() where !name.hasPrefix(".") {
      guard let document = try? reader.read(path: corpus + "/" + name) else { continue }
      #expect(Extractor().mentions(in: document) == Self.unfiltered.mentions(in: document), "\(name)")
    }
  }
}

/// The prefix test folds eight bytes with word operations (`AnchorTable.foldedWord`); each lane
/// must come out as `AnchorTable.foldTable` folds that byte, whatever the other lanes hold.
@Suite struct PrefixFoldTests {
  @Test func foldedWordAgreesWithTheFoldTableForEveryByteInEveryLane() {
    let fillers: [UInt8] = [0x00, 0x20, 0x41, 0x5A, 0x5B, 0x61, 0x7F, 0x80, 0xC2, 0xFF]
    for value in 0...255 {
      let c = UInt8(value)
      for filler in fillers {
        for lane in 0..<8 {
          var x: UInt64 = 0
          for k in 0..<8 { x |= UInt64(k == lane ? c : filler) << UInt64(8 * k) }
          let folded = AnchorTable.foldedWord(x)
          for k in 0..<8 {
            let byte = k == lane ? c : filler
            #expect(UInt8(truncatingIfNeeded: folded >> UInt64(8 * k)) == AnchorTable.foldTable[Int(byte)], "byte \(byte) lane \(k)")
          }
        }
      }
    }
  }

  @Test func theFoldReadsCaseAndSpacesAlike() {
    let fold = AnchorTable.foldTable
    #expect(fold[Int(UInt8(ascii: "W"))] == UInt8(ascii: "w"))
    #expect(fold[Int(UInt8(ascii: "w"))] == UInt8(ascii: "w"))
    #expect(fold[Int(UInt8(ascii: "1"))] == UInt8(ascii: "1"))
    for space: UInt8 in [0x09, 0x0A, 0x0D, 0x20, 0xC2, 0xE2] { #expect(fold[Int(space)] == 0x20) }
  }
}

/// Before the fold and the hash, the scan checks a position's third byte against the classes of
/// its key's anchors' third bytes (`AnchorTable.thirdMasks`).
@Suite struct PrefixThirdByteTests {
  static func admits(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    let key = Int(bytes[0]) << 8 | Int(bytes[1])
    let mask = AnchorTable.shared.thirdMasks[key]
    return mask >> UInt32(AnchorTable.thirdClass[Int(bytes[2])]) & 1 != 0
  }

  @Test func everyAnchorPassesTheThirdByteCheckOfItsKeys() {
    let table = AnchorTable.shared
    var checked = 0
    for id in AnchorTable.exactAnchors {
      for (bytes, _) in AnchorTable.anchorBytes(id) where bytes.count >= 3 {
        for key in AnchorTable.keys(Array(bytes.prefix(2)), caseInsensitive: true) {
          let slot = Int(table.slots[Int(key)])
          guard slot != 0, table.prefixLengths[Int(key)] != 0, table.buckets[slot - 1].contains(id) else { continue }
          for third in [bytes[2], upper(bytes[2]), lower(bytes[2])] {
            #expect(table.thirdMasks[Int(key)] >> UInt32(AnchorTable.thirdClass[Int(third)]) & 1 != 0)
          }
          checked += 1
        }
      }
    }
    #expect(checked > 1000)
    // A space's every spelling has the space's class.
    for space: UInt8 in [0x09, 0x0A, 0x0D, 0x20, 0xC2, 0xE2] { #expect(AnchorTable.thirdClass[Int(space)] == 0) }
  }

  @Test func commonWordsOfTheCaseInsensitiveKeysStopAtTheThirdByte() {
    for anchor in ["brief", "Brief", "nota", "NOTA", "memo", "rapport", "Rapport"] { #expect(Self.admits(anchor), "\(anchor)") }
    for word in ["nog", "met", "raad", "Nog", "bre"] { #expect(!Self.admits(word), "\(word)") }
  }
}

/// After the third byte, the fourth, for keys whose anchors are all compared on four bytes or more
/// (`AnchorTable.fourthMasks`); a key with an anchor compared on three bytes admits every fourth byte.
@Suite struct PrefixFourthByteTests {
  static func admits(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    let key = Int(bytes[0]) << 8 | Int(bytes[1])
    let table = AnchorTable.shared
    return table.thirdMasks[key] >> UInt32(AnchorTable.thirdClass[Int(bytes[2])]) & 1 != 0
      && table.fourthMasks[key] >> UInt32(AnchorTable.thirdClass[Int(bytes[3])]) & 1 != 0
  }

  @Test func everyAnchorPassesTheFourthByteCheckOfItsKeys() {
    let table = AnchorTable.shared
    var checked = 0
    for id in AnchorTable.exactAnchors {
      for (bytes, _) in AnchorTable.anchorBytes(id) where bytes.count >= 4 {
        for key in AnchorTable.keys(Array(bytes.prefix(2)), caseInsensitive: true) {
          let slot = Int(table.slots[Int(key)])
          guard slot != 0, table.prefixLengths[Int(key)] != 0, table.buckets[slot - 1].contains(id) else { continue }
          for fourth in [bytes[3], upper(bytes[3]), lower(bytes[3])] {
            #expect(table.fourthMasks[Int(key)] >> UInt32(AnchorTable.thirdClass[Int(fourth)]) & 1 != 0)
          }
          checked += 1
        }
      }
    }
    #expect(checked > 1000)
  }

  @Test func keysWithAThreeByteAnchorAdmitEveryFourthByte() {
    let table = AnchorTable.shared
    var threeByteKeys = 0
    for key in 0..<65536 where table.prefixLengths[key] & 0b100 != 0 {
      #expect(table.fourthMasks[key] == ~0, "key \(key)")
      threeByteKeys += 1
    }
    #expect(threeByteKeys > 0)
  }

  @Test func wordsPastTheThirdByteStopAtTheFourth() {
    for anchor in ["brief", "Brief", "BRIEF", "nota", "NOTA", "memo", "rapport", "Rapport"] { #expect(Self.admits(anchor), "\(anchor)") }
    var stopped: [String] = []
    for word in ["brie", "bril", "brin", "notu", "noti", "meme", "memb", "rapa", "rapt", "nott", "noto"]
    where !Self.admits(word) {
      stopped.append(word)
    }
    print("stopped at the fourth byte:", stopped)
    #expect(!stopped.isEmpty)
  }
}
