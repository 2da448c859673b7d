import Foundation
import Testing

@testable import KamerGraph

/// Normalisation of the text (`PDFText+Normalisation`): hyphen joins, ligatures, soft hyphens.
@Suite("Readers: PDF normalisation")
struct PDFTextNormalisationTests {
  @Test func hyphenationLigaturesAndSoftHyphens() throws {
    let lines = PDFFixture.lines(try PDFFixture.read("koop-answer.pdf"))
    #expect(lines.contains("Staatscourant (ingezonden 2 september 2024)."), "Staats- + courant joined")
    #expect(lines.contains { $0.contains("Noord-Holland en de aanloop-") }, "a capital after the hyphen: the hyphen stays")
    #expect(lines.contains("en volloopverliezen van de zee-egel?"), "aanloop- en: the break stays; zee-egel keeps its hyphen")
    #expect(lines.contains { $0.contains("De flexibele officiële cijfers") }, "ﬂ and ﬁ spelled out")
    #expect(lines.contains { $0.hasSuffix("worden jaarlijks") }, "the soft hyphen left out")
    #expect(!lines.contains { $0.unicodeScalars.contains { (0xFB00...0xFB06).contains($0.value) || $0.value == 0xAD } })
  }

  @Test func joinHyphenRulesOnTheirOwn() {
    func join(_ line: String, _ next: String) -> String {
      var out = Array(line.utf8)
      let joined = PDFText.joinHyphen(out: &out, lineStart: 0, next: Array(next.unicodeScalars))
      return String(decoding: out, as: UTF8.self) + (joined == true ? "" : "\n") + next
    }
    #expect(join("de Staats-", "courant van") == "de Staatscourant van")
    #expect(join("in Noord-", "Holland") == "in Noord-Holland")
    #expect(join("de CO2-", "uitstoot") == "de CO2-uitstoot", "a digit before the hyphen: it stays")
    #expect(join("de aanloop-", "en volloopverliezen") == "de aanloop-\nen volloopverliezen")
    #expect(join("de auto-", "industrie") == "de auto-industrie")
    #expect(join("arbeidsongeschiktheidsbe-", "oordeling") == "arbeidsongeschiktheidsbeoordeling")
    #expect(join("een lijst -", "met streepjes") == "een lijst -\nmet streepjes", "a dash after a space is no hyphenation")
    #expect(join("gewoon einde", "volgende regel") == "gewoon einde\nvolgende regel")
  }

  /// The byte-level fast paths give what the Unicode-level code they replaced gave (issue 19).
  @Test func fastPathsMatchTheUnicodeDefinitions() {
    var out: [UInt8] = []
    for s in ["a", "Z", "~", " ", "é", "€", "ĳ", "\u{1F600}", "\u{2013}"].flatMap(\.unicodeScalars) {
      out.removeAll()
      PDFText.appendNormalised(s, to: &out)
      #expect(out == Array(String(s).utf8), "\(s)")
    }
    let samples = (0...0x3100).compactMap { Unicode.Scalar(UInt32($0)) } + ["\u{FEFF}", "\u{1F600}"]
    for s in samples {
      #expect(PDFLine.isWhitespace(s) == s.properties.isWhitespace, "U+\(String(s.value, radix: 16))")
    }
  }

  @Test func runningKeysFoldCaseDigitsAndSpaces() {
    func line(_ s: String) -> PDFLine {
      var l = PDFLine()
      for c in s.unicodeScalars { l.append(c, size: 9, x1: 0, y1: 0, x2: 1, y2: 1, geometry: false) }
      return l
    }
    #expect(PDFText.runningKey(line("Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 3")) == "tweede kamer, vergaderjaar #–#, aanhangsel #")
    #expect(PDFText.runningKey(line("  ÉÉN  Pagina\t12 ")) == "één pagina # ")
    #expect(PDFText.runningKey(line("2024Z18294")) == "#z#")
  }

  /// poppler's UTF-8 into scalars as String(cString:) would give them, invalid bytes as U+FFFD.
  @Test func popplerTextDecodesAsACString() {
    let cases: [[UInt8]] = [
      Array("Kamerstuk 36 600 X, nr. 12".utf8), Array("officiële ﬁnanciën – €".utf8), [0x41, 0xC3, 0x42, 0xE2, 0x82], [0xFF, 0x80, 0x61], [],
    ]
    for bytes in cases {
      let c = (bytes + [0]).map { CChar(bitPattern: $0) }
      let got = c.withUnsafeBufferPointer { PDFPage.scalars($0.baseAddress!) }
      let want = c.withUnsafeBufferPointer { Array(String(cString: $0.baseAddress!).unicodeScalars) }
      #expect(got == want, "\(bytes)")
    }
  }
}
