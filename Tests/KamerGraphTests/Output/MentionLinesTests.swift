import Foundation
import Testing

@testable import KamerGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The JSON Lines schema of `kamergraph extract` (ARCHITECTURE.md): keys in a fixed order, `reason`
/// and `fields` only when present, strings escaped as RFC 8259 requires.
@Suite struct MentionLinesTests {
  /// What `MentionLines` writes for `mentions` of `path`, read back from a temporary file.
  func lines(path: String, _ mentions: [Mention]) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("mention-lines-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(fd >= 0)
    let out = MentionLines(fd: fd)
    out.write(path: path, mentions: mentions)
    out.flush()
    close(fd)
    return try String(contentsOf: file, encoding: .utf8)
  }

  @Test func theArchitectureExampleLine() throws {
    let m = Mention(
      kind: .aanhangsel, ids: ["ah-tk-20242025-2790"], text: "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790",
      start: 2363, end: 2419, line: 43, column: 370)
    #expect(
      try lines(path: "corpus/palantir/defensie-antwoord-2025Z14549.txt", [m])
        == #"{"path":"corpus/palantir/defensie-antwoord-2025Z14549.txt","kind":"aanhangsel","ids":["ah-tk-20242025-2790"],"text":"Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790","start":2363,"end":2419,"line":43,"column":370,"status":"external"}"#
        + "\n")
  }

  /// An ambiguous kenmerk with its reason and fields (sorted by name), and a text that needs escapes
  /// (a quote, a line break, a tab) beside one that needs none.
  @Test func reasonFieldsAndEscapes() throws {
    let ambiguous = Mention(
      kind: .kenmerk, ids: ["kenmerk:WJZ_01262354"], text: "WJZ/ 01262354", start: 8343, end: 8356, line: 36,
      column: 1102, fields: ["role": "own", "footnote": "3", "label": "ons kenmerk"], status: .ambiguous,
      reason: "2 documents in the corpus claim kenmerk:WJZ_01262354")
    let escaped = Mention(
      kind: .kamerstuk, ids: ["kst-36600-X-12", "kst-36600-X-13"], text: "\"Kamerstuk\"\n36600-X,\tnr. 12", start: 0,
      end: 30, line: 1, column: 1, status: .resolved)
    let text = try lines(path: "a \"b\".txt", [ambiguous, escaped])
    #expect(
      text == #"{"path":"a \"b\".txt","kind":"kenmerk","ids":["kenmerk:WJZ_01262354"],"text":"WJZ/ 01262354","start":8343,"end":8356,"line":36,"column":1102,"status":"ambiguous","reason":"2 documents in the corpus claim kenmerk:WJZ_01262354","fields":{"footnote":"3","label":"ons kenmerk","role":"own"}}"#
        + "\n"
        + #"{"path":"a \"b\".txt","kind":"kamerstuk","ids":["kst-36600-X-12","kst-36600-X-13"],"text":"\"Kamerstuk\"\n36600-X,\tnr. 12","start":0,"end":30,"line":1,"column":1,"status":"resolved"}"#
        + "\n")
    // Every line is one JSON object a standard parser reads back.
    for line in text.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["path"] as? String == "a \"b\".txt")
    }
  }

  /// More lines than the buffer holds come out whole and in order.
  @Test func linesPastTheBufferStayInOrder() throws {
    let mentions = (0..<5000).map {
      Mention(kind: .kamerstuk, ids: ["kst-36600-\($0)"], text: "nr. \($0)", start: $0, end: $0 + 5, line: 1, column: $0 + 1)
    }
    let text = try lines(path: "p.txt", mentions)
    let parsed = text.split(separator: "\n")
    #expect(parsed.count == 5000)
    #expect(parsed[4999].hasPrefix(#"{"path":"p.txt","kind":"kamerstuk","ids":["kst-36600-4999"],"text":"nr. 4999","start":4999,"#))
  }
}
