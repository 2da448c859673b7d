import Foundation
import Testing

@testable import KamerGraph

/// The libxml2 writer wrapper the GraphML and GEXF exports use (kept with the exporter tests,
/// its only users).
@Suite struct XMLWriterTests {
  static func document(indent: Bool = false, _ body: (XMLWriter) throws -> Void) throws -> String {
    let w = try XMLWriter(indent: indent)
    try body(w)
    return String(decoding: try w.finish(), as: UTF8.self)
  }

  @Test(arguments: [
    ("plain", "<r a=\"plain\">plain</r>"),
    ("<&>\"'", "<r a=\"&lt;&amp;&gt;&quot;'\">&lt;&amp;&gt;&quot;'</r>"),
    ("]]>", "<r a=\"]]&gt;\">]]&gt;</r>"),
    ("tab\tnl\ncr\r", "<r a=\"tab&#9;nl&#10;cr&#13;\">tab\tnl\ncr&#13;</r>"),
    ("ctrl\u{01}\u{0B}\u{0C}\u{1F}x", "<r a=\"ctrlx\">ctrlx</r>"),
    ("\u{FFFE}\u{FFFF}ok", "<r a=\"ok\">ok</r>"),
    ("Ĳssel — שלום 🚀", "<r a=\"Ĳssel — שלום 🚀\">Ĳssel — שלום 🚀</r>"),
  ])
  func escapesAndDrops(value: String, element: String) throws {
    let text = try Self.document { w in
      try w.start("r")
      try w.attribute("a", value)
      try w.text(value)
      try w.end()
    }
    #expect(text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n")
  }

  @Test func indentsNestedElementsAndClosesEmptyOnes() throws {
    let text = try Self.document(indent: true) { w in
      try w.start("a")
      try w.start("b")
      try w.end()
      try w.element("c", text: "x")
      try w.start(prefix: "viz", "size")
      try w.attribute("value", "1.0")
      try w.end()
      try w.end()
    }
    #expect(
      text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <a>
          <b/>
          <c>x</c>
          <viz:size value="1.0"/>
        </a>

        """)
  }

  @Test func rawMarkupAndFinishTwice() throws {
    let w = try XMLWriter(indent: false)
    try w.start("a")
    try w.raw("<data key=\"k\">")
    try w.text("1 < 2")
    try w.raw("</data>")
    let first = try w.finish()
    #expect(String(decoding: first, as: UTF8.self).hasSuffix("<a><data key=\"k\">1 &lt; 2</data></a>\n"))
    #expect(try w.finish() == first)
  }

  @Test(arguments: [
    (0, "0"), (7, "7"), (10, "10"), (-3, "-3"), (2024, "2024"), (Int.max, "9223372036854775807"),
    (Int.min, "-9223372036854775808"),
  ])
  func integersAreWrittenAsDigits(value: Int, digits: String) throws {
    let text = try Self.document { w in
      try w.start("n")
      try w.integer(value)
      try w.end()
    }
    #expect(text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<n>\(digits)</n>\n")
  }

  @Test func tokensAreWrittenAsTheyAre() throws {
    let tokens = try XMLWriter.Tokens(["kst-36600-X-12", "ministerie:DEF", "a_x0020_b", "A.b-c_9:", "x"])
    #expect(tokens.count == 5)
    let text = try Self.document { w in
      try w.start("e")
      for i in [4, 0, 3, 1, 2, 0] {
        try w.raw("<x id=\"")
        try w.token(i, of: tokens)
        try w.raw("\"/>")
      }
      try w.end()
    }
    #expect(
      text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<e><x id=\"x\"/><x id=\"kst-36600-X-12\"/>"
        + "<x id=\"A.b-c_9:\"/><x id=\"ministerie:DEF\"/><x id=\"a_x0020_b\"/><x id=\"kst-36600-X-12\"/></e>\n")
  }

  /// Anything that would need escaping (or is not ASCII, or is empty) is refused, not kept for raw writing.
  @Test(arguments: ["a b", "a\"b", "<x>", "a&b", "tab\t", "nl\n", "Ĳssel", "é", "a/b", "q'", ""])
  func nonTokensAreRefused(value: String) throws {
    #expect(throws: XMLWriterError.self) { try XMLWriter.Tokens(["ok", value, "fine"]) }
  }

  @Test func largeTextsStayWhole() throws {
    let long = String(repeating: "0123456789", count: 100_000)
    let text = try Self.document { w in try w.element("t", text: long) }
    #expect(text.utf8.count == 39 + 3 + long.utf8.count + 4 + 1)
  }
}
