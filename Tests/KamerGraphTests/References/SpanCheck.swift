import Testing

@testable import KamerGraph

/// Checks the span contract for every mention: the UTF-8 bytes `start..<end` of the text decode
/// to `mention.text`, and line/column point at `start`.
func checkSpans(_ text: String, _ mentions: [Mention], sourceLocation: SourceLocation = #_sourceLocation) {
  let bytes = Array(text.utf8)
  for m in mentions {
    guard m.start >= 0, m.end <= bytes.count, m.start <= m.end else {
      Issue.record("span \(m.start)..<\(m.end) outside the text for \(m.ids)", sourceLocation: sourceLocation)
      continue
    }
    let slice = String(decoding: bytes[m.start..<m.end], as: UTF8.self)
    #expect(slice == m.text, "span \(m.start)..<\(m.end) is \(slice.debugDescription)", sourceLocation: sourceLocation)
    let before = bytes[..<m.start]
    let line = before.filter { $0 == 0x0A }.count + 1
    let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
    #expect(
      m.line == line && m.column == m.start - lineStart + 1, "line/column of \(m.text)", sourceLocation: sourceLocation)
  }
  // Every id has the shape of its mention's kind (ids.md); unresolved mentions have no id.
  for m in mentions {
    if m.status == .unresolved { #expect(m.ids.isEmpty, sourceLocation: sourceLocation) }
    for id in m.ids where m.kind != .url {
      #expect(ReferenceKind.of(id: id) == m.kind, "id \(id) of a \(m.kind) mention", sourceLocation: sourceLocation)
    }
  }
  let sorted = mentions.sorted { ($0.start, $0.end, $0.kind) < ($1.start, $1.end, $1.kind) }
  #expect(sorted == mentions, "mentions are sorted by (start, end, kind)", sourceLocation: sourceLocation)
}
