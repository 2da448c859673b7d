import Testing

@testable import KamerGraph

/// Tests/Fixtures/references/mixed-citations.txt holds one or more of every citation form, actor
/// sentence and decoy; mixed-citations.expected.tsv lists every mention it must give (reviewed by
/// hand): line, column, kind, ids, text (line feeds written `\n`), status, reason and fields.
@Suite struct GoldenFixtureTests {
  static func row(_ m: Mention) -> String {
    let fields = m.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    let text = m.text.replacingNewlines()
    return [
      String(m.line), String(m.column), m.kind.rawValue, m.ids.joined(separator: " "), text, m.status.rawValue,
      m.reason ?? "", fields,
    ].joined(separator: "\t")
  }

  @Test func mixedCitations() throws {
    let text = try Repo.read("Tests/Fixtures/references/mixed-citations.txt")
    let expected = try Repo.read("Tests/Fixtures/references/mixed-citations.expected.tsv")
      .split(separator: "\n").dropFirst().map(String.init)
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let got = ms.map(Self.row)
    for (n, line) in got.enumerated() where n >= expected.count || expected[n] != line {
      print("mixed-citations: got      \(line)\n                expected \(n < expected.count ? expected[n] : "-")")
    }
    #expect(got == expected)
    // The decoy line gives nothing.
    #expect(!ms.contains { $0.line == 28 })
  }
}

extension String {
  func replacingNewlines() -> String {
    var out = ""
    for c in self { out += c == "\n" ? "\\n" : String(c) }
    return out
  }
}
