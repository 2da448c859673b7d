import Foundation
import Testing

@testable import KamerGraph

/// The fast paths of reading: large UTF-8 text read straight into a String, the byte pre-test of
/// letterhead lines, the memchr search, and footnote lookup by binary search. Each must give what
/// the general path gives.
@Suite struct FastPathTests {
  /// A letter of more than 64 KiB (the fast path's minimum), with letterhead and footnotes.
  static func bigLetter(tail: String = "") -> String {
    var text = "Onze referentie\nMINDEF20250032172\nBetreft: Beantwoording vragen\nDatum: 11 juli 2025\n\nGeachte voorzitter,\n\n"
    var k = 0
    while text.utf8.count < 80_000 {
      k += 1
      text += "Alinea \(k) met een verwijzing[footnoteRef:\(k)] naar Kamerstuk 32802, nr. \(k). Zo'n “tekst” met é en ✓.\n"
    }
    for n in 1...k { text += "[\(n):  Aanhangsel Handelingen II 2024/25, nr. \(n).]\n" }
    return text + tail
  }

  func write(_ bytes: [UInt8], _ name: String) throws -> (URL, String) {
    let dir = try ExternalTool.temporaryDirectory()
    let path = dir.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return (dir, path)
  }

  @Test func aLargeUTF8FileReadDirectlyEqualsTheGeneralPath() throws {
    let bytes = Array(Self.bigLetter().utf8)
    let (dir, path) = try write(bytes, "letter.txt")
    defer { try? FileManager.default.removeItem(at: dir) }
    guard case .text = try DocumentReader.load(path: path, limit: 1 << 30, directText: true) else {
      Issue.record("the fast path is not taken")
      return
    }
    let direct = try DocumentReader().read(path: path)
    let general = try DocumentReader().read(bytes: bytes, path: path)
    #expect(direct == general)
    #expect(direct.footnotes.count > 100 && direct.ownIds == ["kenmerk:MINDEF20250032172"])
    #expect(direct.metadata.date == "2025-07-11")
  }

  /// Inputs the fast path must leave to the general one, which decodes or refuses them.
  @Test(arguments: [
    ("invalid UTF-8", [UInt8](Self.bigLetter().utf8) + [0xE9, 0x0A], "letter.txt"),
    ("NUL byte", [UInt8](Self.bigLetter().utf8) + [0x00, 0x0A], "letter.txt"),
    ("BOM", [0xEF, 0xBB, 0xBF] + [UInt8](Self.bigLetter().utf8), "letter.txt"),
    ("replacement character", [UInt8](Self.bigLetter(tail: "\u{FFFD}\n").utf8), "letter.txt"),
    ("not .txt", [UInt8](Self.bigLetter().utf8), "letter.md"),
    ("small", [UInt8]("Kamerstuk 32802, nr. 137\n".utf8), "small.txt"),
    ("XML", [UInt8](("<?xml version=\"1.0\"?>\n<officiele-publicatie>" + String(repeating: " ", count: 70_000) + "</officiele-publicatie>").utf8), "x.txt"),
  ])
  func inputsTheFastPathLeavesAlone(_ name: String, _ bytes: [UInt8], _ file: String) throws {
    let (dir, path) = try write(bytes, file)
    defer { try? FileManager.default.removeItem(at: dir) }
    if case .text = try DocumentReader.load(path: path, limit: 1 << 30, directText: true) { Issue.record("\(name): fast path taken") }
    let viaPath = Result { () throws(DocumentError) in try DocumentReader().read(path: path) }
    let viaBytes = Result { () throws(DocumentError) in try DocumentReader().read(bytes: bytes, path: path) }
    #expect(viaPath == viaBytes, "\(name)")
  }

  /// `mayMatch` may say yes too often, never no when `match` finds a label.
  @Test(arguments: [
    "Onze referentie", "  onze REFERENTIE: X", "Ons kenmerk 2025-123", "\tUw kenmerk\t2025Z1", "Betreft: iets",
    "Datum: 11 juli 2025", "Datum van vandaag", "Bijlage(n): 2", "Kopie aan: X", "Aan", "Van: de minister",
    "Inlichtingen", "Contactpersoon: X", "\u{00A0}Datum: 1 mei 2025", "\u{212A}opie aan: X", "Onze\u{0301} referentie: X",
    "Dat", "", "   ", "Geachte voorzitter,", "Vraag 1", "Ondertekening", "Uw brief", "Betreffende: X", "Datum\r",
  ])
  func theByteTestNeverHidesALabel(_ line: String) {
    var copy = line
    let may = copy.withUTF8 { Letterhead.mayMatch($0) }
    if Letterhead.match(line) != nil { #expect(may, "\(line.debugDescription)") }
  }

  @Test func theByteTestSaysNoToRunningText() {
    for line in ["Geachte voorzitter,", "Vraag 1", "Zie Kamerstuk 32802, nr. 137.", "1.", "- punt"] {
      var copy = line
      #expect(!copy.withUTF8 { Letterhead.mayMatch($0) }, "\(line)")
    }
  }

  @Test func findAgreesWithANaiveSearch() {
    let hay = Array("abcabd[footnoteRef:1] [1: x] [footnoteRef:12]".utf8)
    func naive(_ needle: [UInt8], _ from: Int, _ to: Int?) -> Int? {
      let end = to ?? hay.count
      var i = from
      while i + needle.count <= end {
        if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        i += 1
      }
      return nil
    }
    for needle in ["abd", "ab", "[footnoteRef:", "[1:", "]", "zz", "abcabd[footnoteRef:1] [1: x] [footnoteRef:12]", "2]"] {
      for from in [0, 1, 3, 10, hay.count - 2, hay.count] {
        for to in [nil, 5, 20, hay.count] as [Int?] {
          let n = Array(needle.utf8)
          #expect(TextScan.find(n, in: hay, from: from, to: to) == naive(n, from, to), "\(needle) \(from) \(String(describing: to))")
        }
      }
    }
  }

  @Test func footnoteLookupAgreesWithALinearSearch() {
    var random = SeededRandom(seed: 7)
    for round in 0..<200 {
      var notes: [Footnote] = []
      for k in 0..<Int(random.next() % 12) {
        let start = Int(random.next() % 200)
        let length = Int(random.next() % (round % 3 == 0 ? 60 : 15))
        notes.append(Footnote(number: "\(k)", mark: ByteRange(0, 0), body: ByteRange(start, start + length), sentence: ByteRange(0, 0)))
      }
      let lookup = FootnoteLookup(notes)
      for offset in -1...262 {
        #expect(lookup.first(containing: offset) == notes.firstIndex { $0.body.contains(offset) }, "round \(round) offset \(offset)")
      }
    }
  }

  @Test func whitespaceOnBytesIsUnicodeWhiteSpace() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      var bytes = Array(String(scalar).utf8) + [0x61]
      let length = bytes.withUnsafeMutableBufferPointer { String.whitespaceLength(UnsafeBufferPointer($0), 0) }
      if scalar.properties.isWhitespace {
        #expect(length == bytes.count - 1, "U+\(String(value, radix: 16))")
      } else if length != 0 {
        Issue.record("U+\(String(value, radix: 16)) taken for whitespace")
      }
    }
  }

  @Test(arguments: [
    "", "  ", "a", " a  b ", "a\u{00A0}\u{2003}b", "\tKamerstukken\nII\r\n2024/25 ", "é “x” ✓ 🇳🇱", "a\u{85}b\u{3000}c",
    "\u{1680}x\u{202F}y\u{205F}z\u{2028}\u{2029}", "no\u{200B}break",
  ])
  func collapsingSpacesAsScalars(_ text: String) {
    var expected = ""
    var space = false
    for s in text.unicodeScalars {
      if s.properties.isWhitespace {
        space = true
      } else {
        if space && !expected.isEmpty { expected += " " }
        space = false
        expected.unicodeScalars.append(s)
      }
    }
    #expect(text.collapsingSpaces == expected)
  }

  @Test(arguments: [
    "letter.txt", "a/b/letter.TXT", "a.b/letter", ".profile", "a/.profile", "a/b.txt/", "/", "", "a//", "x.tar.gz", "a/..",
    "notes.Dé", "dir.x/", "é/ü.ODT",
  ])
  func extensionsAsBefore(_ path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var expected = ""
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { expected = name[name.index(after: dot)...].lowercased() }
    #expect(FormatSniffer.ext(path) == expected, "\(path)")
  }
}
