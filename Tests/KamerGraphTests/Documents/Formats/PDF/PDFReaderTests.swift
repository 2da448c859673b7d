import Foundation
import Testing

@testable import KamerGraph

/// The PDF reader as a whole (`PDFReader`): sniffing, pages in the layout, page fields on mentions,
/// and the real PDFs against their pdftotext twins (`Tests/Fixtures/pdf/real/`).
@Suite("Readers: PDF")
struct PDFReaderTests {
  @Test func pdfIsSniffedAndReadThroughTheDocumentReader() throws {
    let doc = try ReaderFixture.read(PDFFixture.dir + "letter.pdf")
    #expect(doc.format == .pdf)
    #expect(FormatSniffer.format(of: Array("%PDF-1.4\n".utf8), path: "x.txt") == .pdf)
    // A .txt that merely mentions %PDF further in stays text.
    #expect(FormatSniffer.format(of: Array("Zie %PDF-1.4".utf8), path: "x.txt") == .plainText)
  }

  @Test func mentionsCarryTheirPageAndFooterIdsAreOwn() throws {
    let doc = try PDFFixture.read("koop-answer.pdf")
    let mentions = Extractor().mentions(in: doc)
    let own = try #require(mentions.first { $0.ids == ["ah-tk-20242025-1314"] })
    #expect(own.fields[MentionField.role] == MentionRole.own)
    #expect(own.fields[MentionField.pdfPage] == "1")
    #expect(own.fields[MentionField.pageLabel] == "i")
    let cited = try #require(mentions.first { $0.ids == ["kst-36600-X-12"] })
    #expect(cited.fields[MentionField.role] != MentionRole.own, "a citation in the body is no own id")
    #expect(cited.fields[MentionField.pdfPage] == "2")
    #expect(cited.fields[MentionField.pageLabel] == "1")
    let zaak = mentions.filter { $0.text == "2024Z18294" }
    #expect(zaak.count == 1, "the running header gives its id once")
    #expect(zaak.first?.fields[MentionField.role] == MentionRole.own)
    // Offsets point into the text `kamergraph text` prints.
    let u = Array(doc.text.utf8)
    for m in mentions { #expect(String(decoding: u[m.start..<m.end], as: UTF8.self) == m.text) }
    // The streamed pieces carry the same fields.
    var streamed: [Mention] = []
    Extractor().streamMentions(in: doc, chunk: 2) { streamed += $0 }
    #expect(streamed == mentions)
  }

  @Test func theLayoutSurvivesTheIndex() throws {
    let doc = try PDFFixture.read("koop-answer.pdf")
    let back = try IndexBlob.decodeDocument(Data(IndexBlob.encode(document: doc)), text: doc.text)
    #expect(back.layout == doc.layout)
    #expect(back == doc)
    let plain = Document(path: "a.txt", format: .plainText, text: "x")
    #expect(try IndexBlob.decodeDocument(Data(IndexBlob.encode(document: plain)), text: "x").layout == nil)
  }

  @Test func otherFormatsGetNoPageFields() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/kst-36600-X-12.xml")
    #expect(doc.layout == nil)
    #expect(Extractor().mentions(in: doc).allSatisfy { $0.fields[MentionField.pdfPage] == nil })
  }

  /// The real PDFs find at least every id their pdftotext twin finds, and the footer's own id.
  @Test(arguments: [
    ("1a2d8959-7ce1-411d-bffe-c78970ae8d6b", "ah-tk-20232024-2210"),
    ("d7a5dc6c-3636-4acd-8630-96c14e97dcce", "kst-21501-02-3121"),
  ])
  func realPDFFindsWhatItsTextTwinFinds(name: String, ownID: String) throws {
    let pdf = try ReaderFixture.read(PDFFixture.dir + "real/\(name).pdf")
    let twin = try ReaderFixture.read(PDFFixture.dir + "real/\(name).txt")
    #expect(pdf.format == .pdf && twin.format == .plainText)
    let skipped: Set<ReferenceKind> = [.date]
    func ids(_ doc: Document) -> Set<String> {
      Set(Extractor().mentions(in: doc).filter { !skipped.contains($0.kind) }.flatMap(\.ids))
    }
    let missing = ids(twin).subtracting(ids(pdf))
    #expect(missing.isEmpty, "the PDF misses \(missing.sorted())")
    let own = Extractor().mentions(in: pdf).filter { $0.fields[MentionField.role] == MentionRole.own }.flatMap(\.ids)
    #expect(own.contains(ownID))
    #expect(Extractor().mentions(in: pdf).allSatisfy { $0.fields[MentionField.pdfPage] != nil })
    ReaderFixture.expectRangesValid(pdf)
  }

  @Test func realAnswerHasItsFootnotesAndPages() throws {
    let doc = try ReaderFixture.read(PDFFixture.dir + "real/1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf")
    #expect(doc.layout?.pages.count == 5)
    #expect(doc.footnotes.map(\.number) == ["1", "2"])
    #expect(doc.footnotes.map { ReaderFixture.slice(doc, $0.body) } == ["Bijlage 1 van kamerstuk 32 813, nr. 1395", "Kamerstuk 32 813, nr. 1061"])
    #expect(doc.text.contains("In de brief van 29 juni 2022 is aangegeven"), "the mark 2 taken off the year")
    #expect(doc.text.contains("uw Kamer geïnformeerd dat"), "geïnfor- + meerd joined")
    #expect(doc.text.components(separatedBy: "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel").count == 2)
    // Every question and answer heading is still there.
    for n in 1...13 { #expect(PDFFixture.lines(doc).contains("Vraag \(n)"), "Vraag \(n)") }
  }
}
