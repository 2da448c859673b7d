import Testing

@testable import KamerGraph

@Suite("Readers: building text from markup")
struct TextBuilderTests {
  @Test(arguments: [
    (["een twee  drie"], false, "een twee  drie"),
    (["  voorloop", " en na "], false, "voorloop en na"),
    (["regel\r\n   vervolg"], false, "regel vervolg"),
    (["a\tb"], false, "a\tb"),
    (["a   b\n c"], true, "a b c"),
    (["x", "\n", "y"], false, "x y"),
    (["", "  ", "z"], false, "z"),
  ])
  func markupWhitespace(pieces: [String], collapse: Bool, expected: String) {
    var b = TextBuilder()
    for p in pieces { b.appendMarkupText(p, collapseAll: collapse) }
    #expect(b.string == expected)
  }

  @Test func blocksAndParagraphs() {
    var b = TextBuilder()
    b.blockBreak()
    b.appendMarkupText("eerste")
    b.blockBreak()
    b.blockBreak()
    b.appendMarkupText("tweede ")
    b.blockBreak()
    #expect(b.string == "eerste\ntweede\n")
    var w = TextBuilder()
    for p in ["a", "", "b"] {
      w.startParagraph()
      w.appendRaw(p)
    }
    #expect(w.string == "a\n\nb")
  }
}
