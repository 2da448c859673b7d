import Foundation
import Testing

@testable import KamerGraph

/// Bad and hostile PDFs (`PDFReader.Limits`, `FlateBudget`, `PopplerSetup`): each fails alone with
/// one clear message naming the file, or reads within its limits.
@Suite("Readers: PDF bad input and limits")
struct PDFBadInputTests {
  @Test func badPDFsFailAloneWithAClearMessage() throws {
    func reason(_ name: String, limits: PDFReader.Limits = .init()) throws -> String {
      let error = try #require(PDFFixture.error(name, limits: limits), "\(name) should fail")
      #expect(error.description.contains(Repo.path(PDFFixture.dir + name)), "the message names the file")
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
    #expect(try PDFFixture.read("bomb.pdf").text == "Een kleine pagina.\n")
    #expect(try PDFFixture.read("many-pages.pdf").layout?.pages.count == 40)
    // A broken xref table is rebuilt by poppler: the letter still reads.
    #expect(try PDFFixture.read("damaged-xref.pdf").text.contains("Kamerstuk 35 300, nr. 5."))
  }

  /// The fuzz finding of issue 19: a 9 KB page whose content stream inflates to 9 MB of `)` and
  /// `g`, about 7 million poppler errors (over 10 s when each was formatted for poppler-glib's
  /// callback). It reads, its one line of text, and poppler stays quiet, with no callback, after
  /// documents come and go.
  @Test func aPageOfMillionsOfPopplerErrorsReads() throws {
    let name = "Tests/Fuzz/crashes/read-pdf/timeout-error-flood-5473420e.pdf"
    let doc = try PDFReader.read(bytes: try ReaderFixture.bytes(name), path: Repo.path(name))
    #expect(doc.text == "Een kleine pagina.\n")
    _ = try PDFFixture.read("letter.pdf")
    #expect(PopplerSetup.errorsSilenced, "poppler's globals outlive every document and stay quiet")
  }

  @Test func aBadPDFDoesNotStopTheOtherFiles() throws {
    let plan = CorpusLoader().plan(paths: ["scan.pdf", "letter.pdf", "encrypted.pdf"].map { Repo.path(PDFFixture.dir + $0) })
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
    let bomb = try ReaderFixture.bytes(PDFFixture.dir + "bomb.pdf")
    #expect(FlateBudget.exceeds(bomb, limit: 1 << 20) != nil)
    #expect(FlateBudget.exceeds(bomb, limit: 16 << 20) == nil)
    #expect(FlateBudget.exceeds(try ReaderFixture.bytes(PDFFixture.dir + "letter.pdf"), limit: 1) == nil, "no Flate streams")
  }
}
