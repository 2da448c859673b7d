import Foundation
import Testing

@testable import KamerGraph

@Suite("Readers: plain text")
struct PlainTextTests {
  private func read(_ bytes: [UInt8], path: String = "brief.txt") throws -> Document {
    try DocumentReader().read(bytes: bytes, path: path)
  }

  @Test func utf8WithBOMDropsTheBOM() throws {
    let doc = try read([0xEF, 0xBB, 0xBF] + Array("Betreft: Test\n".utf8))
    #expect(doc.text == "Betreft: Test\n")
    #expect(doc.metadata.title == "Test")
    #expect(doc.notes.isEmpty)
  }

  @Test func utf16WithBOM() throws {
    let text = "Ons kenmerk: 2025-0000123\nDatum\t4 maart 2025\nÉén brief"
    var le: [UInt8] = [0xFF, 0xFE]
    var be: [UInt8] = [0xFE, 0xFF]
    for u in text.utf16 {
      le += [UInt8(u & 0xFF), UInt8(u >> 8)]
      be += [UInt8(u >> 8), UInt8(u & 0xFF)]
    }
    for bytes in [le, be] {
      let doc = try read(bytes)
      #expect(doc.text == text)
      #expect(doc.ownIds == ["kenmerk:2025-0000123"])
      #expect(doc.metadata.date == "2025-03-04")
    }
  }

  @Test func utf16WithoutBOM() throws {
    let text = "Geachte voorzitter,\nHierbij de antwoorden op de vragen."
    var le: [UInt8] = []
    for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
    let doc = try read(le)
    #expect(doc.text == text)
    #expect(doc.notes == ["decoded as UTF-16LE without a byte-order mark"])
  }

  @Test func invalidUTF8MidFileFallsBackToWindows1252() throws {
    var bytes = Array("Betreft\tCaf".utf8) + [0xE9] + Array(" en ".utf8) + [0x93] + Array("citaat".utf8) + [0x94]
    bytes += Array("\nrest".utf8)
    let doc = try read(bytes)
    #expect(doc.text == "Betreft\tCafé en “citaat”\nrest")
    #expect(doc.metadata.title == "Café en “citaat”")
    #expect(doc.notes == ["not valid UTF-8 (byte offset 11); decoded as Windows-1252"])
  }

  @Test func nulBytesBecomeSpacesKeepingOffsets() throws {
    let bytes = Array("Onze referentie".utf8) + [0] + Array("ABC123\nx".utf8) + [0]
    let doc = try read(bytes)
    #expect(doc.text.utf8.count == bytes.count)
    #expect(doc.text == "Onze referentie ABC123\nx ")
    #expect(doc.ownIds == ["kenmerk:ABC123"])
    #expect(doc.notes == ["2 NUL bytes replaced by spaces"])
  }

  @Test(arguments: [
    ("Onze referentie\nMINDEF20250032172\n", ["kenmerk:MINDEF20250032172"], nil as String?, nil as String?),
    ("Ons kenmerk IENW/BSK-2025/130201\nBetreft: Voortgang\n", ["kenmerk:IENW_BSK-2025_130201"], "Voortgang", nil),
    ("Datum\t11 juli 2025\nBetreft\n\tBeantwoording\n", [], "Beantwoording", "2025-07-11"),
    ("Datum\nBetreft\nOnderwerp X\n", [], "Onderwerp X", nil),
    ("Datum van vandaag is onbekend.\nBetreft het volgende.\n", [], nil, nil),
    // A subject line set with spaces instead of a tab or colon; prose after "Betreft" is none.
    ("Betreft   Beantwoording Kamervragen over escortbureaus\n", [], "Beantwoording Kamervragen over escortbureaus", nil),
    ("Betreft dit de vragen van het lid?\n", [], nil, nil),
    ("Betreft Zie de brief van gisteren.\n", [], nil, nil),
  ])
  func letterheadFields(text: String, ids: [String], title: String?, date: String?) throws {
    let doc = try read(Array(text.utf8))
    #expect(doc.ownIds == ids)
    #expect(doc.metadata.title == title)
    #expect(doc.metadata.date == date)
  }

  @Test func uwKenmerkGoesToExtra() throws {
    let doc = try read(Array("Uw kenmerk\n2025Z14549\nOns kenmerk\nBS/2025/1\n".utf8))
    #expect(doc.metadata.extra["uw-kenmerk"] == "2025Z14549")
    #expect(doc.ownIds == ["kenmerk:BS_2025_1"])
  }

  @Test func severalFootnoteMarkers() throws {
    let text = "Eerste zin.[footnoteRef:1] Tweede zin met bron[footnoteRef:2] en meer. [1:  Stb. 2001, 580.] [2:  Kamerstuk 36 600 X, nr. 12 [bijlage].] "
    let doc = try read(Array(text.utf8))
    #expect(doc.footnotes.map(\.number) == ["1", "2"])
    #expect(doc.footnotes.map { ReaderFixture.slice(doc, $0.body) } == ["Stb. 2001, 580.", "Kamerstuk 36 600 X, nr. 12 [bijlage]."])
    #expect(ReaderFixture.slice(doc, doc.footnotes[0].sentence) == "Eerste zin.[footnoteRef:1]")
    #expect(ReaderFixture.slice(doc, doc.footnotes[1].sentence) == "Tweede zin met bron[footnoteRef:2] en meer.")
    ReaderFixture.expectRangesValid(doc)
  }

  @Test(arguments: [
    ("11 juli 2025", "2025-07-11"), ("3 februari 2025", "2025-02-03"), ("2025-10-31T00:00:00", "2025-10-31"),
    ("31-10-2025", "2025-10-31"), ("Den Haag, 1 mei 2024", "2024-05-01"), ("geen datum", nil), ("32 juli 2025", nil),
  ])
  func dutchDates(raw: String, iso: String?) {
    #expect(DutchDate.iso(raw) == iso)
  }
}
