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
}
