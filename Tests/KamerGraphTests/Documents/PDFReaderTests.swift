import Foundation
import Testing

@testable import KamerGraph

/// The PDF reader on the generated fixtures of `Tests/Fixtures/pdf/make-pdfs.py` and on two real
/// PDFs with their pdftotext twins (`Tests/Fixtures/pdf/real/`).
@Suite("Readers: PDF")
struct PDFReaderTests {
  static let dir = "Tests/Fixtures/pdf/"

  static func read(_ name: String, limits: PDFReader.Limits = .init()) throws -> Document {
    let path = Repo.path(dir + name)
    return try PDFReader.read(bytes: try ReaderFixture.bytes(dir + name), path: path, limits: limits)
  }

  static func error(_ name: String, limits: PDFReader.Limits = .init()) -> DocumentError? {
    do {
      _ = try read(name, limits: limits)
      return nil
    } catch let error as DocumentError {
      return error
    } catch {
      return nil
    }
  }

  static func lines(_ doc: Document) -> [String] {
    doc.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func pdfIsSniffedAndReadThroughTheDocumentReader() throws {
    let doc = try ReaderFixture.read(Self.dir + "letter.pdf")
    #expect(doc.format == .pdf)
    #expect(FormatSniffer.format(of: Array("%PDF-1.4\n".utf8), path: "x.txt") == .pdf)
    // A .txt that merely mentions %PDF further in stays text.
    #expect(FormatSniffer.format(of: Array("Zie %PDF-1.4".utf8), path: "x.txt") == .plainText)
  }

  @Test func pagesAreSeparatedByFormFeedsAndRunningLinesKeptOnce() throws {
    let doc = try Self.read("koop-answer.pdf")
    let pages = doc.text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    #expect(pages.count == 3)
    let footer = "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel"
    #expect(doc.text.components(separatedBy: footer).count == 2, "the running footer once, not on each page")
    #expect(doc.text.components(separatedBy: "2024Z18294").count == 2, "the running header once")
    #expect(pages[0].contains(footer))
    #expect(pages[1].hasPrefix("2024Z18294\n"))
    // Page numbers in the margin are left out; "Vraag 3" at the top of page 3 is body text.
    #expect(!Self.lines(doc).contains("1") && !Self.lines(doc).contains("2") && !Self.lines(doc).contains("3"))
    #expect(pages[2].hasPrefix("Vraag 3\n"))
    let layout = try #require(doc.layout)
    #expect(layout.pages.map(\.number) == [1, 2, 3])
    #expect(layout.pages.map(\.label) == ["i", "1", "2"], "the labels the PDF gives (i, 1, 2), each unlike its page number")
    for (k, page) in layout.pages.enumerated() {
      #expect(ReaderFixture.slice(doc, page.range).trimmingSpaces == pages[k].trimmingSpaces)
    }
    let furniture = layout.furniture.map { ReaderFixture.slice(doc, $0) }
    #expect(furniture.contains("ah-tk-20242025-1314"))
    #expect(furniture.contains(footer))
    #expect(furniture.contains("2024Z18294"))
    #expect(!furniture.contains { $0.contains("Vraag") || $0.contains("Kamerstuk") })
  }

  @Test func hyphenationLigaturesAndSoftHyphens() throws {
    let lines = Self.lines(try Self.read("koop-answer.pdf"))
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

  @Test func footnoteAtThePageFootIsAttachedToItsRaisedMark() throws {
    let doc = try Self.read("koop-answer.pdf")
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

  @Test func mentionsCarryTheirPageAndFooterIdsAreOwn() throws {
    let doc = try Self.read("koop-answer.pdf")
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

  @Test func pagesWhoseLabelIsTheirNumberHaveNone() throws {
    #expect(try Self.read("many-pages.pdf").layout?.pages.allSatisfy { $0.label == nil } == true)
  }

  @Test func theLayoutSurvivesTheIndex() throws {
    let doc = try Self.read("koop-answer.pdf")
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

  @Test func metadataFillsLabelAndDateOnlyWhenTheTextHasNone() throws {
    let answer = try Self.read("koop-answer.pdf")
    #expect(answer.metadata.title == "Antwoord op vragen van het lid Jansen")
    #expect(answer.metadata.date == "2025-01-10")
    #expect(answer.metadata.extra["pdf-author"] == "Ministerie van Financiën")
    #expect(answer.metadata.extra["pdf-subject"] == "Kamervragen over de Staatscourant")
    #expect(answer.metadata.extra["pdf-keywords"] == "2024Z18294; Staatscourant")
    // The letterhead wins over (absent) metadata: Betreft and Datum, and the kenmerk as own id.
    let letter = try Self.read("letter.pdf")
    #expect(letter.metadata.title == "Voortgang van de Wet open overheid")
    #expect(letter.metadata.date == "2025-03-03")
    #expect(letter.ownIds == ["kenmerk:2025-0000123456"])
    #expect(letter.text.contains("Datum\t3 maart 2025\nBetreft\tVoortgang"), "each label beside its value, not the label column first")
    #expect(PDFMetadata.looksLikeFileName("Microsoft Word - brief.docx"))
    #expect(!PDFMetadata.looksLikeFileName("Antwoord op vragen van het lid Jansen"))
  }

  @Test func badPDFsFailAloneWithAClearMessage() throws {
    func reason(_ name: String, limits: PDFReader.Limits = .init()) throws -> String {
      let error = try #require(Self.error(name, limits: limits), "\(name) should fail")
      #expect(error.description.contains(Repo.path(Self.dir + name)), "the message names the file")
      return error.reason
    }
    #expect(try reason("scan.pdf") == "is a PDF of 2 pages without a text layer: it needs OCR first")
    #expect(try reason("encrypted.pdf").contains("encrypted"))
    #expect(try reason("truncated.pdf").contains("truncated PDF"))
    #expect(try reason("not-a-pdf.pdf").contains("cannot be read"))
    var small = PDFReader.Limits()
    small.maxInflated = 1 << 20
    #expect(try reason("bomb.pdf", limits: small).contains("PDF bomb"))
    small = PDFReader.Limits()
    small.maxPages = 10
    #expect(try reason("many-pages.pdf", limits: small).contains("40 pages, more than the limit of 10"))
    small = PDFReader.Limits()
    small.maxText = 100
    #expect(try reason("many-pages.pdf", limits: small).contains("more than 100 bytes of text"))
    small = PDFReader.Limits()
    small.maxSeconds = 0
    #expect(try reason("many-pages.pdf", limits: small).contains("seconds to read"))
    // Within the limits the same files read.
    #expect(try Self.read("bomb.pdf").text == "Een kleine pagina.\n")
    #expect(try Self.read("many-pages.pdf").layout?.pages.count == 40)
    // A broken xref table is rebuilt by poppler: the letter still reads.
    #expect(try Self.read("damaged-xref.pdf").text.contains("Kamerstuk 35 300, nr. 5."))
  }

  /// The fuzz finding of issue 19: a 9 KB page whose content stream inflates to 9 MB of `)` and
  /// `g`, about 7 million poppler errors (over 10 s when each was formatted for poppler-glib's
  /// callback). It reads, its one line of text, and poppler stays quiet, with no callback, after
  /// documents come and go.
  @Test func aPageOfMillionsOfPopplerErrorsReads() throws {
    let name = "Tests/Fuzz/crashes/read-pdf/timeout-error-flood-5473420e.pdf"
    let doc = try PDFReader.read(bytes: try ReaderFixture.bytes(name), path: Repo.path(name))
    #expect(doc.text == "Een kleine pagina.\n")
    _ = try Self.read("letter.pdf")
    #expect(PopplerSetup.errorsSilenced, "poppler's globals outlive every document and stay quiet")
  }

  @Test func aBadPDFDoesNotStopTheOtherFiles() throws {
    let plan = CorpusLoader().plan(paths: ["scan.pdf", "letter.pdf", "encrypted.pdf"].map { Repo.path(Self.dir + $0) })
    let reader = DocumentReader()
    var read: [String] = []
    var failed: [String] = []
    for unit in plan.units {
      let (doc, outcomes) = reader.read(unit: unit)
      if let doc { read.append(URL(fileURLWithPath: doc.path).lastPathComponent) }
      failed += outcomes.filter { $0.status == .failed }.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    }
    #expect(read == ["letter.pdf"])
    #expect(failed.sorted() == ["encrypted.pdf", "scan.pdf"])
  }

  @Test func flateBudgetCountsInflatedBytes() throws {
    let bomb = try ReaderFixture.bytes(Self.dir + "bomb.pdf")
    #expect(FlateBudget.exceeds(bomb, limit: 1 << 20) != nil)
    #expect(FlateBudget.exceeds(bomb, limit: 16 << 20) == nil)
    #expect(FlateBudget.exceeds(try ReaderFixture.bytes(Self.dir + "letter.pdf"), limit: 1) == nil, "no Flate streams")
  }

  @Test func pageNumberLines() {
    func line(_ s: String) -> PDFLine {
      var l = PDFLine()
      for c in s.unicodeScalars { l.append(c, size: 9, x1: 0, y1: 0, x2: 1, y2: 1, geometry: false) }
      return l
    }
    for s in ["3", "- 3 -", "3/7", "Pagina 3 van 7", "pag. 12", "iv"] { #expect(PDFText.isPageNumber(line(s)), "\(s)") }
    for s in ["Vraag 3", "2024Z18294", "Nr. 3121", "Artikel 3"] { #expect(!PDFText.isPageNumber(line(s)), "\(s)") }
  }

  /// The real PDFs find at least every id their pdftotext twin finds, and the footer's own id.
  @Test(arguments: [
    ("1a2d8959-7ce1-411d-bffe-c78970ae8d6b", "ah-tk-20232024-2210"),
    ("d7a5dc6c-3636-4acd-8630-96c14e97dcce", "kst-21501-02-3121"),
  ])
  func realPDFFindsWhatItsTextTwinFinds(name: String, ownID: String) throws {
    let pdf = try ReaderFixture.read(Self.dir + "real/\(name).pdf")
    let twin = try ReaderFixture.read(Self.dir + "real/\(name).txt")
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
    let doc = try ReaderFixture.read(Self.dir + "real/1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf")
    #expect(doc.layout?.pages.count == 5)
    #expect(doc.footnotes.map(\.number) == ["1", "2"])
    #expect(doc.footnotes.map { ReaderFixture.slice(doc, $0.body) } == ["Bijlage 1 van kamerstuk 32 813, nr. 1395", "Kamerstuk 32 813, nr. 1061"])
    #expect(doc.text.contains("In de brief van 29 juni 2022 is aangegeven"), "the mark 2 taken off the year")
    #expect(doc.text.contains("uw Kamer geïnformeerd dat"), "geïnfor- + meerd joined")
    #expect(doc.text.components(separatedBy: "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel").count == 2)
    // Every question and answer heading is still there.
    for n in 1...13 { #expect(Self.lines(doc).contains("Vraag \(n)"), "Vraag \(n)") }
  }
}
