import Testing

@testable import KamerGraph

/// The ECLI lists of Tests/Fixtures/citations (README there). Each line is `string<TAB>url`; the
/// two- and four-character escapes `\n` and `\xa0` in `string` are decoded to a line feed and a
/// no-break space before extraction.
@Suite struct ECLIListTests {
  static func lines(_ file: String) throws -> [String] {
    try Repo.read("Tests/Fixtures/citations/" + file).split(separator: "\n").map { line in
      let s = line.split(separator: "\t", maxSplits: 1)[0]
      var out = ""
      var rest = Substring(s)
      while let r = rest.firstIndex(of: "\\") {
        out += rest[..<r]
        let after = rest[r...]
        if after.hasPrefix("\\n") {
          out += "\n"
          rest = after.dropFirst(2)
        } else if after.hasPrefix("\\xa0") {
          out += "\u{00A0}"
          rest = after.dropFirst(4)
        } else {
          out += "\\"
          rest = after.dropFirst()
        }
      }
      return out + rest
    }
  }

  /// Trailing punctuation that may follow an ECLI in running text.
  static let trailing: Set<Character> = [".", ",", ";", ")", "]", "'", "\"", "’", "”", "»"]

  /// "Accepted as a full ECLI": the string, cut at its first whitespace (the source strings had
  /// none; a decoded `\n` marks where the text went on) and stripped of trailing punctuation
  /// (`trailing`), is exactly the span of one `ecli` mention that has an id and no `variant` field,
  /// i.e. the text itself is a well-formed ECLI, not one repaired from OCR, case or spacing
  /// errors. A bad string that merely contains an ECLI somewhere (`CBb:ECLI:NL:CBB:2018:652,`)
  /// is not accepted by this definition.
  static func acceptedAsFullECLI(_ s: String, _ mentions: [Mention]) -> Bool {
    var head = Substring(s.prefix { !$0.isWhitespace })
    while let last = head.last, trailing.contains(last) { head = head.dropLast() }
    return mentions.contains { m in
      m.kind == .ecli && !m.ids.isEmpty && m.fields["variant"] == nil && m.start == 0 && m.end == head.utf8.count
    }
  }

  /// Every good line yields an `ecli` mention. A few lines of the (unchecked) good list are not
  /// ECLIs whose id can be known: a three- or five-digit year (`ECLI:NL:CRVB:202:2768`,
  /// `ECLI:NL:RVS:20202:3017`), a missing year (`ECLI:NL:RVS::BY3717`), a letter number for an EU
  /// court (`ECLI:EU:C:2009:BJ3749`), parts that are no court (`ECLI:NL:EU:C:68`). Those give an
  /// `.unresolved` ecli mention with a reason and no id; their number may not grow.
  @Test func goodListYieldsAnECLIOnEveryLine() throws {
    let lines = try Self.lines("ecli_good.txt")
    #expect(lines.count == 20_000)
    let extractor = Extractor()
    var none: [String] = []
    var unresolved: [String] = []
    var strict = 0
    for line in lines {
      let mentions = extractor.mentions(in: line)
      checkSpans(line, mentions)
      let eclis = mentions.filter { $0.kind == .ecli }
      if eclis.isEmpty {
        none.append(line)
      } else if !eclis.contains(where: { !$0.ids.isEmpty }) {
        unresolved.append(line)
        #expect(eclis.allSatisfy { $0.status == .unresolved && $0.reason != nil })
      }
      if Self.acceptedAsFullECLI(line, mentions) { strict += 1 }
    }
    for m in none { print("ecli_good without an ecli mention: \(m.debugDescription)") }
    for m in unresolved { print("ecli_good unresolved (no id can be known): \(m.debugDescription)") }
    print(
      "ecli_good: \(lines.count - none.count - unresolved.count)/\(lines.count) lines yield an ECLI id, "
        + "\(unresolved.count) an unresolved ecli mention; \(strict) are accepted as a full ECLI")
    #expect(none.isEmpty, "\(none.count) good lines yield no ecli mention")
    #expect(unresolved.count <= Self.goodUnresolvedCeiling, "\(unresolved.count) good lines yield no ECLI id")
  }

  @Test func badListAcceptsNoLineAsAFullECLI() throws {
    let lines = try Self.lines("ecli_bad.txt")
    #expect(lines.count == 20_000)
    let extractor = Extractor()
    var accepted: [String] = []
    var found = 0
    for line in lines {
      let mentions = extractor.mentions(in: line)
      checkSpans(line, mentions)
      if mentions.contains(where: { $0.kind == .ecli && !$0.ids.isEmpty }) { found += 1 }
      if Self.acceptedAsFullECLI(line, mentions) { accepted.append(line) }
    }
    for a in accepted.prefix(40) { print("ecli_bad accepted: \(a.debugDescription)") }
    print(
      "ecli_bad: \(accepted.count) lines accepted as a full ECLI; \(found) lines contain an ECLI (repaired or inside)")
    #expect(accepted.isEmpty)
  }

  /// Good lines that are not ECLIs with a knowable id (listed in the test output).
  static let goodUnresolvedCeiling = 18
}
