import Foundation
import Testing

@testable import KamerGraph

/// Page furniture (`PDFText+Furniture`): running headers and footers kept once, page numbers dropped.
@Suite("Readers: PDF furniture")
struct PDFTextFurnitureTests {
  @Test func pagesAreSeparatedByFormFeedsAndRunningLinesKeptOnce() throws {
    let doc = try PDFFixture.read("koop-answer.pdf")
    let pages = doc.text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
    #expect(pages.count == 3)
    let footer = "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel"
    #expect(doc.text.components(separatedBy: footer).count == 2, "the running footer once, not on each page")
    #expect(doc.text.components(separatedBy: "2024Z18294").count == 2, "the running header once")
    #expect(pages[0].contains(footer))
    #expect(pages[1].hasPrefix("2024Z18294\n"))
    // Page numbers in the margin are left out; "Vraag 3" at the top of page 3 is body text.
    #expect(!PDFFixture.lines(doc).contains("1") && !PDFFixture.lines(doc).contains("2") && !PDFFixture.lines(doc).contains("3"))
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

  @Test func pageNumberLines() {
    func line(_ s: String) -> PDFLine {
      var l = PDFLine()
      for c in s.unicodeScalars { l.append(c, size: 9, x1: 0, y1: 0, x2: 1, y2: 1, geometry: false) }
      return l
    }
    for s in ["3", "- 3 -", "3/7", "Pagina 3 van 7", "pag. 12", "iv"] { #expect(PDFText.isPageNumber(line(s)), "\(s)") }
    for s in ["Vraag 3", "2024Z18294", "Nr. 3121", "Artikel 3"] { #expect(!PDFText.isPageNumber(line(s)), "\(s)") }
  }
}
