#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a document prints its own id: the KOOP footer ("ah-tk-20232024-1314" over "ISSN 0921 -
/// 7398" and "’s-Gravenhage 2024"), a repeated page header ("Aanhangsel Handelingen II 2023/24,
/// nr. 1314" alone on its line), the heading of a ministry .docx answer ("AH 604" over the zaak of
/// the questions) and the zaak number heading a questions document ("2024Z18891"). These mentions
/// get `role: own`, so the printed id names the document itself instead of a document it cites.
extension Scan {
  /// How far from the text's start a heading line may begin (a title block, not the body).
  static let headingReach = 800
  /// How much of the text's start is read to tell whether the document answers questions.
  static let answerReach = 8192
  /// How far apart two copies of a page header may be (a page of text).
  static let pageReach = 12_288
  /// How far apart two copies of a page header are at least (two footnotes citing one document
  /// on consecutive lines are not a page header).
  static let pageApart = 1024

  /// True when `i..<e` is the only thing on its line.
  func aloneOnLine(_ i: Int, _ e: Int) -> Bool {
    startsLine(i) && t.onlySpaces(e, t.nearLineEnd(e))
  }

  /// True when only horizontal spaces stand between the line's start and `i`; looks back over
  /// spaces only, so a position inside running text costs a byte or two.
  func startsLine(_ i: Int) -> Bool {
    var j = i
    while j > 0 {
      let c = t[j - 1]
      if c == 0x20 || c == 0x09 {
        j -= 1
      } else if c == 0xA0, j >= 2, t[j - 2] == 0xC2 {
        j -= 2
      } else if j >= 3, t[j - 3] == 0xE2, t[j - 2] == 0x80, c == 0x89 || c == 0xAF || c == 0x8A || c == 0x82 || c == 0x83 {
        j -= 3  // thin, narrow and other spaces of `ByteText.spaceLength`
      } else {
        return c == 0x0A || c == 0x0D
      }
    }
    return true
  }

  /// True when a label at `i` begins its line or a table cell (after a tab or "|"): a letterhead
  /// label, not words inside a sentence.
  func isLabelLine(_ i: Int) -> Bool {
    if i > 0, t[i - 1] == 0x09 || t[i - 1] == UInt8(ascii: "|") { return true }
    return startsLine(i)
  }

  /// True when the line of `i` starts within the first `headingReach` bytes of the text.
  func inHeading(_ i: Int) -> Bool { i < Scan.headingReach && t.nearLineStart(i) < Scan.headingReach }

  /// The start of the first non-blank line after the line that holds `e`, looking at most
  /// `limit` bytes ahead.
  func nextLine(after e: Int, limit: Int = 512) -> Int? {
    var j = t.nearLineEnd(e)
    let stop = min(t.count, e + limit)
    while j < stop {
      let c = t[j]
      if c == 0x0A || c == 0x0D || c == 0x20 || c == 0x09 {
        j += 1
      } else if t.spaceLength(j) > 0 {
        j += t.spaceLength(j)
      } else {
        return j
      }
    }
    return nil
  }

  /// The KOOP footer of an official publication: the id alone on its line, the next line the
  /// ISSN of the series or the place of publication ("ISSN 0921 - 7398", "’s-Gravenhage 2024").
  func isKOOPFooter(_ i: Int, _ e: Int) -> Bool {
    guard aloneOnLine(i, e), let n = nextLine(after: e) else { return false }
    if t.lit(n, "ISSN") != nil { return true }
    var k = n
    if t.lit(k, "’") != nil { k += 3 } else if t[k] == UInt8(ascii: "'") || t[k] == UInt8(ascii: "`") { k += 1 }
    return t.lit(k, "s-Gravenhage") != nil
  }

  /// True when the same bytes as `i..<e` stand alone on another line within a page's reach: a
  /// running page header or footer, not a citation.
  func isRepeatedLine(_ i: Int, _ e: Int) -> Bool {
    let n = e - i
    guard n >= 8, let base = t.b.baseAddress else { return false }
    let first = t[i]
    func same(at j: Int) -> Bool {
      abs(j - i) >= Scan.pageApart && j >= 0 && j + n <= t.count && memcmp(base + j, base + i, n) == 0 && aloneOnLine(j, j + n)
    }
    var j = max(0, i - Scan.pageReach)
    let stop = min(t.count - n, e + Scan.pageReach)
    while j <= stop {
      if t[j] == first, same(at: j) { return true }
      j += 1
    }
    return false
  }

  /// True when the document answers questions: within its first `answerReach` bytes a line
  /// starts with "Antwoord" ("Antwoord van minister …", "Antwoord op vraag 1", "Antwoord 1") or
  /// "Mededeling van" (a postponement), or the letter speaks of its "Beantwoording" or of "de
  /// antwoorden". A questions document asks ("te beantwoorden"), it does not answer.
  mutating func documentAnswers() -> Bool {
    if let answering { return answering }
    let answers = scanForAnswers()
    answering = answers
    return answers
  }

  private func scanForAnswers() -> Bool {
    let end = min(t.count, Scan.answerReach)
    var j = 0
    while j < end {
      let s = t.skipSpaces(j, newlines: false, limit: 16)
      if t.word(s, "Antwoord") != nil || t.word(s, "Mededeling") != nil { return true }
      let le = t.nearLineEnd(j)
      j = le + 1
    }
    return t.contains("Beantwoording", from: 0, to: end) || t.contains("de antwoorden", from: 0, to: end)
  }

  /// The role of a zaak number that heads the document (alone on a line at the top): the
  /// questions the document answers, or, in a document that answers nothing, the questions
  /// document itself. Nil when the number is not a heading.
  mutating func headingZaakRole(_ i: Int, _ e: Int) -> String? {
    guard inHeading(i), aloneOnLine(i, e) else { return nil }
    return documentAnswers() ? MentionRole.answers : MentionRole.own
  }

  // MARK: "36 278" over "Nr. 32": the header of a Kamerstuk

  /// How far into the text a Kamerstuk's header (dossier line, title, "Nr." line) may reach.
  static let kamerstukHeaderReach = 3072

  /// A Kamerstuk's header: the dossier alone on a line near the top ("36 278", "21 501-02"),
  /// then, after the title, "Nr. 32" alone on a line -> the document's own `kst-36278-32`, and
  /// the dossier it belongs to (`dossier-36278`, role `dossier`).
  /// Returns the end of the dossier line's mention.
  mutating func kamerstukHeader(_ i: Int) -> Int? {
    guard i < Scan.headingReach, let (d, de) = dossierNumber(i) else { return nil }
    var dossier = d
    var e = de
    if let tv = toevoeging(de), !tv.spaced || tv.roman {
      dossier += "-" + tv.value
      e = tv.end
    }
    guard aloneOnLine(i, e) else { return nil }
    // The "Nr." line within the next lines of the header (the title may take a few lines).
    var line = t.nearLineEnd(e) + 1
    var lines = 0
    while line < min(t.count, Scan.kamerstukHeaderReach), lines < 16 {
      let s = t.skipSpaces(line, newlines: false, limit: 8)
      if let kw = t.lit(s, "Nr.") ?? t.lit(s, "NR.") {
        let n = t.skipSpaces(kw, newlines: false, limit: 3)
        guard let ne = t.digits(n, max: 5), t[n] != UInt8(ascii: "0"), aloneOnLine(s, ne) else { return nil }
        // The dossier line names the dossier the Kamerstuk belongs to as well.
        add(.dossier, ["dossier-" + dossier], i, e, [MentionField.role: MentionRole.dossier, MentionField.dossier: dossier])
        add(
          .kamerstuk, ["kst-" + dossier + "-" + t.string(n, ne)], i, e,
          [MentionField.role: MentionRole.own, MentionField.dossier: dossier, "form": "header"])
        return e
      }
      line = t.nearLineEnd(line) + 1
      lines += 1
    }
    return nil
  }

  // MARK: "AH 604": the header of a ministry's answer

  /// "AH 604" alone on a line at the top of a ministry's .docx answer: the Aanhangsel number it
  /// will have, in the vergaderjaar of the answer's date ("ontvangen 20 november 2024" ->
  /// 2024-2025) or of a printed "Vergaderjaar 2024–2025". Without a date it names no id.
  mutating func answerNumberHeader(_ i: Int) -> Int? {
    guard inHeading(i), let a = t.word(i, "AH") else { return nil }
    let s = t.skipSpaces(a, newlines: false, limit: 3)
    guard s > a, let n = t.digits(s, max: 5), t[s] != UInt8(ascii: "0"), aloneOnLine(i, n) else { return nil }
    guard let vj = headVergaderjaar() else {
      addUnresolved(.aanhangsel, i, n, reason: "an Aanhangsel number without a date or vergaderjaar to place it")
      return n
    }
    add(
      .aanhangsel, ["ah-tk-" + vj.filter { $0 != "-" } + "-" + t.string(s, n)], i, n,
      [MentionField.role: MentionRole.own, MentionField.vergaderjaar: vj, "form": "ah-header"])
    return n
  }

  /// The KOOP heading of an Aanhangsel: "Vragen gesteld door de leden der Kamer, met de daarop door
  /// de regering gegeven antwoorden", then the Aanhangsel number alone on its line ("387", also a
  /// Markdown heading "### 387" of a converted PDF), in the vergaderjaar printed above it
  /// ("Vergaderjaar 2023–2024 Aanhangsel van de Handelingen"). Without a vergaderjaar no id.
  mutating func aanhangselHeading(_ i: Int) -> Int? {
    guard inHeading(i), let a = t.wordCI(i, "Vragen gesteld door de leden der Kamer") else { return nil }
    // The rest of the heading, over lines and Markdown emphasis, up to the number's line.
    guard let w = findWord("antwoorden", from: a, to: min(t.count, a + 160)) else { return nil }
    var line = t.nearLineEnd(w)
    for _ in 0..<4 {
      guard let next = nextLine(after: line, limit: 64) else { return nil }
      var s = next
      while t[s] == UInt8(ascii: "#") && s - next < 6 { s += 1 }
      s = t.skipSpaces(s, newlines: false, limit: 3)
      if let n = t.digits(s, max: 4), t[s] != UInt8(ascii: "0"), t.onlySpaces(n, t.nearLineEnd(n)) {
        guard let vj = headVergaderjaar() else { return nil }
        add(
          .aanhangsel, ["ah-tk-" + vj.filter { $0 != "-" } + "-" + t.string(s, n)], s, n,
          [MentionField.role: MentionRole.own, MentionField.vergaderjaar: vj, "form": "ah-heading"])
        return n
      }
      // Only emphasis markers or blank lines between heading and number.
      guard t.onlySpaces(next, t.nearLineEnd(next)) || t[next] == UInt8(ascii: "*") else { return nil }
      line = t.nearLineEnd(next)
    }
    return nil
  }

  /// The vergaderjaar of the document from its first lines: a printed vergaderjaar, else the
  /// date after "ontvangen" (the answer) or "ingezonden" (the questions).
  func headVergaderjaar() -> String? {
    let end = min(t.count, Scan.answerReach)
    var j = 0
    var received: String?
    var sent: String?
    while j < end {
      if isAlpha(t[j]) && (j == 0 || !isWordByte(t[j - 1])) {
        if let v = t.wordCI(j, "vergaderjaar"), let (vj, _) = vergaderjaar(t.skipSpaces(v, newlines: false, limit: 3)) {
          return vj
        }
        if received == nil, let o = t.word(j, "ontvangen") { received = dateAfter(o) }
        if sent == nil, let o = t.word(j, "ingezonden") { sent = dateAfter(o) }
      }
      j += 1
    }
    return (received ?? sent).flatMap(Scan.vergaderjaar(ofISODate:))
  }

  /// An ISO date written as "20 november 2024" just after `i`.
  func dateAfter(_ i: Int) -> String? {
    let s = t.skipSpaces(i, newlines: true, limit: 3)
    guard let d = t.digits(s, max: 2) else { return nil }
    var e = t.skipSpaces(d, newlines: true, limit: 3)
    while isAlpha(t[e]) && e - d < 16 { e += 1 }
    e = t.skipSpaces(e, newlines: true, limit: 3)
    guard let y = t.digits(e, min: 4, max: 4) else { return nil }
    return DutchDate.iso(t.string(s, y).replacingNewlines)
  }

  /// The vergaderjaar a date falls in: it runs from the third Tuesday of September (Prinsjesdag).
  static func vergaderjaar(ofISODate iso: String) -> String? {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    let (y, m, d) = (parts[0], parts[1], parts[2])
    // Day of week of 1 September (0 = Sunday), Sakamoto's method.
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    let yy = y  // September is after February: no year shift
    let weekday = (yy + yy / 4 - yy / 100 + yy / 400 + offsets[8] + 1) % 7
    let firstTuesday = 1 + (2 - weekday + 7) % 7
    let start = firstTuesday + 14
    let from = m > 9 || (m == 9 && d >= start) ? y : y - 1
    return "\(from)-\(from + 1)"
  }
}

extension String {
  /// Line breaks as spaces (a date broken over two lines).
  fileprivate var replacingNewlines: String {
    String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}
