/// What the resolver needs of a document's text, found once while the text is at hand (in the read
/// workers of a build, `BuildPipeline.process`), so that the text can be let go before the graph
/// is resolved: the resolver then reads these findings, never the text.
///
/// Each finding is the answer to one question the edge rules ask of the bytes around a mention or
/// a footnote; a released text (`ExtractedDocument.releasingText`) without findings answers "no"
/// to each, as before.
package struct TextFindings: Sendable, Hashable, Codable {
  /// Start offsets of the mentions of a renamed ministry (or of a person with one) that follow
  /// "toenmalige" (`MinistryDating.namedAsFormer`).
  var former: Set<Int> = []
  /// Start offsets of the party mentions that open a parenthesis: "(CDA)", "(allen GroenLinks)".
  var inParentheses: Set<Int> = []
  /// Indices into `Document.footnotes` of the footnotes whose sentence names a ministry and speaks
  /// of an answer ("beantwoording", "antwoord"): the footnotes `answered-by` edges come from.
  var answerNotes: [Int] = []

  package init() {}

  /// The findings of `e`'s text; of a released text, none.
  package init(_ e: ExtractedDocument) {
    let text = e.document.text.utf8
    guard !text.isEmpty else { return }
    for k in e.mentions.indices {
      switch e.mentions[k].kind {
      case .ministerie, .persoon:
        if MinistryDating.namesRenamed(e.mentions[k]),
          MinistryDating.namedAsFormer(text, before: e.mentions[k].start)
        {
          former.insert(e.mentions[k].start)
        }
      case .fractie:
        if Self.opensParenthesis(text, at: e.mentions[k].start) { inParentheses.insert(e.mentions[k].start) }
      default: break
      }
    }
    guard !e.document.footnotes.isEmpty else { return }
    let ministries = e.mentions.filter { $0.kind == .ministerie }.map { ByteRange($0.start, $0.end) }.sorted()
    for (n, note) in e.document.footnotes.enumerated()
    where Self.contains(ministries, within: note.sentence) && Self.speaksOfAnAnswer(text, note.sentence) {
      answerNotes.append(n)
    }
  }

  /// Whether the mention starting at `start` opens a parenthesis ("(CDA)", "(allen GroenLinks)",
  /// "(\nVVD\n)"): only spaces, line breaks and "allen"/"beiden"/"beide" between them.
  static func opensParenthesis(_ bytes: String.UTF8View, at start: Int) -> Bool {
    var k = min(start, bytes.count)
    var i = bytes.index(bytes.startIndex, offsetBy: k)
    var word = 0
    while k > 0 && start - k < 24 {
      i = bytes.index(before: i)
      k -= 1
      let c = bytes[i]
      if c == UInt8(ascii: "(") { return true }
      if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { continue }
      // A few letters: "allen", "beiden", "beide".
      guard (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) && word < 6 else { return false }
      word += 1
    }
    return false
  }

  /// Whether the sentence at `range` speaks of an answer ("beantwoording", "antwoord", any case).
  static func speaksOfAnAnswer(_ utf8: String.UTF8View, _ range: ByteRange) -> Bool {
    let s = max(0, range.start)
    let t = min(utf8.count, range.end)
    guard s < t else { return false }
    let from = utf8.index(utf8.startIndex, offsetBy: s)
    let sentence = String(decoding: utf8[from..<utf8.index(from, offsetBy: t - s)], as: UTF8.self).lowercased()
    return sentence.contains("beantwoord") || sentence.contains("antwoord")
  }

  /// Whether one of `spans` (sorted by start, then end) lies inside `range`.
  static func contains(_ spans: [ByteRange], within range: ByteRange) -> Bool {
    var lo = 0
    var hi = spans.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if spans[mid].start < range.start { lo = mid + 1 } else { hi = mid }
    }
    var i = lo
    while i < spans.count, spans[i].start < range.end {
      if spans[i].end <= range.end { return true }
      i += 1
    }
    return false
  }
}
