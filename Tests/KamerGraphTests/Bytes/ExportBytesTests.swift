import Testing

@testable import KamerGraph

/// The byte-level escapes agree with the scalar-level definitions they replace.
@Suite struct ExportBytesTests {
  static let samples: [String] =
    ExportFixtures.hostile + [
      String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar($0)! })), "\u{7F}\u{80}\u{FFFD}\u{FFFE}\u{FFFF}",
      "\u{E000}\u{10FFFF}", "", "\"", "\\", "a,b", "\r\n",
    ]

  /// The recipe of graph-formats-and-libxml2.md §2.3, plus dropping what XML forbids.
  static func referenceDOT(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": continue
      default: if XMLWriter.isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }

  @Test(arguments: samples)
  func jsonQuotingMatchesJSONText(text: String) {
    var out = ExportBytes(capacity: 0)
    out.appendJSONQuoted(text)
    #expect(out.bytes == Array(JSONText.quoted(text).utf8))
  }

  @Test(arguments: samples)
  func dotQuotingMatchesTheRecipe(text: String) {
    #expect(DOTWriter.quoted(text) == Self.referenceDOT(text))
  }

  @Test(arguments: [0, 7, 10, 99, 1_000_000, -1, -42, Int.max, Int.min])
  func integers(value: Int) {
    var out = ExportBytes(capacity: 0)
    out.append(value)
    #expect(out.bytes == Array(String(value).utf8))
  }

  /// The bytes libxml2's writer gives for `text` as an attribute value and as element content,
  /// cut out of `<a v="..."/>` and `<a>...</a>`.
  static func libxml2(_ text: String) throws -> (attribute: [UInt8], content: [UInt8]) {
    func cut(_ bytes: [UInt8], after open: String, before close: String) -> [UInt8] {
      let o = Array(open.utf8)
      let c = Array(close.utf8)
      let start = bytes.indices.first { bytes[$0...].starts(with: o) }! + o.count
      let end = bytes.indices.last { bytes[$0...].starts(with: c) }!
      return Array(bytes[start..<end])
    }
    let a = try XMLWriter(indent: false)
    try a.start("a")
    try a.attribute("v", text)
    try a.end()
    let t = try XMLWriter(indent: false)
    try t.start("a")
    try t.text("x" + text)  // never empty, so the element is never written as <a/>
    try t.end()
    let content = cut(try t.finish(), after: "<a>x", before: "</a>")
    return (cut(try a.finish(), after: "<a v=\"", before: "\"/>"), content)
  }

  /// GEXF is written on the byte sink with the escapes libxml2's writer used: real wording
  /// (accents, a dash, quotes, an ampersand, a tab and line breaks) and characters XML forbids.
  @Test(arguments: samples + [
    "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790", "Kamerstuk 36 410-VI, nr. 7 & \"motie\" <Van Houwelingen>",
    "regel één\n\tregel twee\r\n", "plain ascii label",
  ])
  func xmlEscapesMatchLibxml2(text: String) throws {
    let expected = try Self.libxml2(text)
    var attribute = ExportBytes(capacity: 0)
    attribute.appendXMLAttribute(text)
    #expect(attribute.bytes == expected.attribute, "attribute \(text.debugDescription)")
    var content = ExportBytes(capacity: 0)
    content.appendXMLText(text)
    #expect(content.bytes == expected.content, "content \(text.debugDescription)")
  }

  /// A decoy: an attribute value keeps its tab and newline only as character references, element
  /// content keeps them as they are.
  @Test func attributeAndContentDifferOnWhitespace() {
    var attribute = ExportBytes(capacity: 0)
    attribute.appendXMLAttribute("a\tb\nc")
    var content = ExportBytes(capacity: 0)
    content.appendXMLText("a\tb\nc")
    #expect(String(decoding: attribute.bytes, as: UTF8.self) == "a&#9;b&#10;c")
    #expect(String(decoding: content.bytes, as: UTF8.self) == "a\tb\nc")
  }
}
