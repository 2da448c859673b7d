import Foundation
import Testing

@testable import KamerGraph

/// The JSON string and number writers behind `extract` and the exporters.
@Suite struct JSONTextTests {
  @Test(arguments: [0, 1, 9, 10, 99, 100, 12345, -1, -10, -987654321, Int.max, Int.min])
  func numbersAreWrittenAsSwiftPrintsThem(_ n: Int) {
    var out: [UInt8] = [0x5B]
    JSONText.appendNumber(n, to: &out)
    #expect(String(decoding: out.dropFirst(), as: UTF8.self) == String(n))
  }

  @Test(arguments: [
    "", "plain", "kst-36600-X-12", "with \"quotes\"", "back\\slash", "trailing\\", "line\nbreak", "tab\there",
    "cr\r", "\u{0}\u{1}\u{1F}", "\u{7F}", "é “quoted” ✓ 🇳🇱", "\u{202E}rtl", String(repeating: "x", count: 10_000),
  ])
  func stringsRoundTripThroughJSONSerialization(_ text: String) throws {
    var out: [UInt8] = []
    JSONText.appendQuoted(text, to: &out)
    let parsed = try JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
    #expect(parsed == text)
    // Control characters never appear raw.
    #expect(!out.contains { $0 < 0x20 })
  }
}
