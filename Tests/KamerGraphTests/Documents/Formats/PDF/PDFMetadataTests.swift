import Foundation
import Testing

@testable import KamerGraph

/// The PDF's Info dictionary (`PDFMetadata`): label and date only where the text gives none.
@Suite("Readers: PDF metadata")
struct PDFMetadataTests {
  @Test func metadataFillsLabelAndDateOnlyWhenTheTextHasNone() throws {
    let answer = try PDFFixture.read("koop-answer.pdf")
    #expect(answer.metadata.title == "Antwoord op vragen van het lid Jansen")
    #expect(answer.metadata.date == "2025-01-10")
    #expect(answer.metadata.extra["pdf-author"] == "Ministerie van Financiën")
    #expect(answer.metadata.extra["pdf-subject"] == "Kamervragen over de Staatscourant")
    #expect(answer.metadata.extra["pdf-keywords"] == "2024Z18294; Staatscourant")
    // The letterhead wins over (absent) metadata: Betreft and Datum, and the kenmerk as own id.
    let letter = try PDFFixture.read("letter.pdf")
    #expect(letter.metadata.title == "Voortgang van de Wet open overheid")
    #expect(letter.metadata.date == "2025-03-03")
    #expect(letter.ownIds == ["kenmerk:2025-0000123456"])
    #expect(PDFMetadata.looksLikeFileName("Microsoft Word - brief.docx"))
    #expect(!PDFMetadata.looksLikeFileName("Antwoord op vragen van het lid Jansen"))
  }
}
