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
}
