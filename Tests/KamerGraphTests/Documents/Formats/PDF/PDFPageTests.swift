import Foundation
import Testing

@testable import KamerGraph

/// One page read from poppler (`PDFPage`): page labels, and letterhead labels joined to their values.
@Suite("Readers: PDF page")
struct PDFPageTests {
  @Test func pagesWhoseLabelIsTheirNumberHaveNone() throws {
    #expect(try PDFFixture.read("many-pages.pdf").layout?.pages.allSatisfy { $0.label == nil } == true)
  }

  @Test func letterheadLabelsGetTheValueToTheirRight() throws {
    let letter = try PDFFixture.read("letter.pdf")
    #expect(letter.text.contains("Datum\t3 maart 2025\nBetreft\tVoortgang"), "each label beside its value, not the label column first")
  }
}
