import Foundation
import Testing

@testable import KamerGraph

@Suite("Readers: Word 97-2003 .doc")
struct WordBinaryReaderTests {
  @Test func letterWithLetterheadAndALinkField() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/brief-word97.doc")
    #expect(doc.format == .doc)
    #expect(doc.text.contains("Ministerie van Justitie en Veiligheid"))
    #expect(doc.text.contains("\nDatum\t14 maart 2024\nOnze referentie\t5123456\n"))
    #expect(doc.text.contains("Financiën – café – ’s-Gravenhage"))
    #expect(doc.text.contains("D. Yeşilgöz-Zegerius"))
    // A HYPERLINK field shows its result, never its code.
    #expect(doc.text.contains("zie Aanhangsel Handelingen II 2022/23, nr. 2790. Zie ook"))
    #expect(!doc.text.contains("HYPERLINK"))
    #expect(doc.ownIds == ["kenmerk:5123456"])
    let ids = Set(Extractor().mentions(in: doc).flatMap(\.ids))
    for id in ["kst-29628-1190", "ah-tk-20222023-2790", "2024Z03811"] { #expect(ids.contains(id), "\(id)") }
  }

  @Test func theSameAnswerAsDocAndDocxFindsTheSameReferences() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/defensie-antwoord-word97.doc")
    let docx = try ReaderFixture.read("corpus/palantir/defensie-antwoord-2025Z14549.docx")
    #expect(doc.format == .doc)
    let fromDoc = Set(Extractor().mentions(in: doc).filter { $0.kind.isDocument }.flatMap(\.ids))
    let fromDocx = Set(Extractor().mentions(in: docx).filter { $0.kind.isDocument }.flatMap(\.ids))
    #expect(!fromDocx.isEmpty)
    #expect(fromDocx.subtracting(fromDoc).isEmpty, "missing from the .doc: \(fromDocx.subtracting(fromDoc).sorted())")
    #expect(doc.ownIds == docx.ownIds)
  }

  @Test func damagedAndForeignCompoundFilesGetASentence() throws {
    let good = try ReaderFixture.bytes("Tests/Fixtures/documents/brief-word97.doc")
    // Truncated after the header, a header alone, and a compound file whose streams are renamed.
    var renamed = good
    let name = Array("WordDocument".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    for i in 0..<(renamed.count - name.count) where Array(renamed[i..<(i + name.count)]) == name {
      renamed[i] = UInt8(ascii: "X")
    }
    let cases: [([UInt8], String)] = [
      (Array(good.prefix(600)), "damaged"),
      (Array(good.prefix(512)), "damaged"),
      (WordBinaryReader.signature + [UInt8](repeating: 0, count: 600), "damaged"),
      (renamed, "without a WordDocument stream"),
    ]
    for (bytes, expected) in cases {
      do {
        _ = try DocumentReader().read(bytes: bytes, path: "brief.doc")
        Issue.record("no error for a case expecting \(expected)")
      } catch {
        #expect(error.path == "brief.doc")
        #expect(error.reason.contains(expected), "\(error.reason)")
      }
    }
  }

  @Test func everyPrefixOfAGoodFileFailsCleanly() throws {
    // No crash, no hang: every cut of a real file either reads or names its problem.
    let good = try ReaderFixture.bytes("Tests/Fixtures/documents/brief-word97.doc")
    for cut in stride(from: 0, to: good.count, by: 97) {
      do {
        _ = try WordBinaryReader.read(bytes: Array(good.prefix(cut)), path: "cut.doc")
      } catch {
        #expect(!error.reason.isEmpty)
      }
    }
  }

  @Test func fieldCodesAreDroppedAndMarksBecomeLineBreaks() {
    let units: [UInt16] = Array("a".utf16) + [0x13] + Array(" HYPERLINK \"x\" ".utf16) + [0x14] + Array("link".utf16) + [0x15]
      + [0x0D] + Array("b".utf16) + [0x07] + Array("c".utf16) + [0x07, 0x07] + Array("x".utf16) + [0x1E, 0x1F] + Array("d".utf16)
    #expect(WordBinaryReader.text(of: units, bodyLength: units.count) == "alink\nb\tc\nx-d")
  }
}
