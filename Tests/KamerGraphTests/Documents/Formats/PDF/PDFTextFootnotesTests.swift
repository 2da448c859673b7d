import Foundation
import Testing

@testable import KamerGraph

/// Footnotes at the foot of a page (`PDFText+Footnotes`), attached to their raised marks.
@Suite("Readers: PDF footnotes")
struct PDFTextFootnotesTests {
  @Test func footnoteAtThePageFootIsAttachedToItsRaisedMark() throws {
    let doc = try PDFFixture.read("koop-answer.pdf")
    let note = try #require(doc.footnotes.first)
    #expect(doc.footnotes.count == 1)
    #expect(note.number == "1")
    #expect(note.mark.isEmpty, "the mark is taken out of the text, as the KOOP reader does")
    #expect(ReaderFixture.slice(doc, note.body) == "Kamerstuk 32 813, nr. 1061")
    #expect(ReaderFixture.slice(doc, note.sentence).hasPrefix("De flexibele officiële cijfers staan in de brief van 12 juni 2024 en"))
    #expect(!doc.text.contains("20241"), "the mark no longer sticks to the year")
    ReaderFixture.expectRangesValid(doc)
    let mention = try #require(Extractor().mentions(in: doc).first { $0.ids == ["kst-32813-1061"] })
    #expect(mention.fields[MentionField.footnote] == "1")
  }
}
