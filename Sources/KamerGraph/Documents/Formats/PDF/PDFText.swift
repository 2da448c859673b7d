/// Turns the pages into one text with offsets: furniture, footnotes, hyphenation, normalisation.
enum PDFText {
  /// A one-page PDF without text, to set poppler up (`PopplerSetup`).
  static let minimalPDF = """
    %PDF-1.4
    1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
    2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
    3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj
    trailer<</Root 1 0 R>>
    %%EOF
    """

  /// "1, 2 and 5".
  static func list(_ numbers: [Int]) -> String {
    let s = numbers.prefix(10).map(String.init)
    let tail = numbers.count > 10 ? " and \(numbers.count - 10) more" : ""
    if s.count == 1 { return s[0] + tail }
    return s.dropLast().joined(separator: ", ") + (tail.isEmpty ? " and \(s.last!)" : ", \(s.last!)" + tail)
  }

  /// What a line is on its page.
  enum Role: Equatable {
    case body
    /// A running header or footer, or the publication footer of a page: kept, marked furniture.
    case furniture
    /// A running header or footer seen on an earlier page, or a page number: left out.
    case dropped
    /// The first line of footnote `number`.
    case noteStart(String)
    /// A further line of the footnote above.
    case noteMore
  }

  struct Assembled {
    var bytes: [UInt8]
    var footnotes: [Footnote]
    var layout: PageLayout
  }

  /// The text of the pages, each after a form feed, with the layout and footnotes.
  static func assemble(_ pages: [PDFPage]) -> Assembled {
    let body = bodySize(pages)
    var roles = pages.map { page in [Role](repeating: .body, count: page.lines.count) }
    markFurniture(pages, body: body, roles: &roles)
    var marks: [[(line: Int, range: Range<Int>, number: String)]] = []
    for p in pages.indices { marks.append(markFootnotes(pages[p], body: body, roles: &roles[p])) }

    var out: [UInt8] = []
    out.reserveCapacity(pages.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.byteCount } } + pages.count)
    var layoutPages: [PageLayout.Page] = []
    var furniture: [ByteRange] = []
    var footnotes: [Footnote] = []
    for (p, page) in pages.enumerated() {
      if p > 0 { out.append(0x0C) }
      let pageStart = out.count
      // Marks to take out of this page's lines: line index -> (scalar range, number).
      var cut: [Int: [(range: Range<Int>, number: String)]] = [:]
      let bodies = Set(roles[p].compactMap { if case .noteStart(let n) = $0 { return n } else { return nil } })
      for m in marks[p] where bodies.contains(m.number) { cut[m.line, default: []].append((m.range, m.number)) }
      var markOffsets: [String: Int] = [:]
      var openNote: (number: String, start: Int)?
      var lineOpen = false  // the last line written has no line break yet (a joined hyphenation)
      var k = 0
      while k < page.lines.count {
        let role = roles[p][k]
        if role == .dropped {
          k += 1
          continue
        }
        if !lineOpen, out.count > pageStart { out.append(0x0A) }
        lineOpen = false
        let lineStart = out.count
        if case .noteStart(let n) = role {
          if let open = openNote { close(&footnotes, open, end: lineStart, marks: markOffsets, out: out) }
          openNote = (n, lineStart)
        } else if role == .body || role == .furniture, let open = openNote {
          close(&footnotes, open, end: lineStart, marks: markOffsets, out: out)
          openNote = nil
        }
        let line = page.lines[k]
        let cuts = cut[k] ?? []
        var i = 0
        while i < line.scalars.count {
          if !cuts.isEmpty, let c = cuts.first(where: { $0.range.lowerBound == i }) {
            markOffsets[c.number] = out.count
            i = c.range.upperBound
            continue
          }
          appendNormalised(line.scalars[i], to: &out)
          i += 1
        }
        if role == .furniture { furniture.append(ByteRange(lineStart, out.count)) }
        // Hyphenation: join with the next line of the same kind when the break is typographic.
        let nextIndex = nextKept(after: k, roles: roles[p])
        if let n = nextIndex, roles[p][n] == role || (role.isNote && roles[p][n] == .noteMore),
          role != .furniture, let join = joinHyphen(out: &out, lineStart: lineStart, next: page.lines[n].scalars)
        {
          lineOpen = join
        }
        k += 1
      }
      if let open = openNote { close(&footnotes, open, end: out.count, marks: markOffsets, out: out) }
      if !page.lines.isEmpty, out.count > pageStart { out.append(0x0A) }
      layoutPages.append(PageLayout.Page(number: page.number, label: page.label, range: ByteRange(pageStart, out.count)))
    }
    // Sentences around the marks, now that the text is complete.
    let markEnd = TextScan.markEnds(footnotes.map(\.mark))
    for k in footnotes.indices {
      footnotes[k].sentence = TextScan.sentence(around: footnotes[k].mark, in: out, markEnd: markEnd)
    }
    footnotes.sort { $0.body.start < $1.body.start }
    return Assembled(bytes: out, footnotes: footnotes, layout: PageLayout(pages: layoutPages, furniture: furniture))
  }

  private static func close(
    _ footnotes: inout [Footnote], _ note: (number: String, start: Int), end: Int, marks: [String: Int], out: [UInt8]
  ) {
    guard let mark = marks[note.number] else { return }
    let body = TextScan.trimmed(ByteRange(note.start, max(note.start, end)), in: out)
    // The body without its number ("1 Bijlage ..." -> "Bijlage ...").
    var s = body.start + note.number.utf8.count
    while s < body.end, TextScan.isSpace(out[s]) { s += 1 }
    guard !footnotes.contains(where: { $0.body.start == body.start }) else { return }
    footnotes.append(
      Footnote(number: note.number, mark: ByteRange(mark, mark), body: ByteRange(min(s, body.end), body.end), sentence: ByteRange(mark, mark)))
  }

  private static func nextKept(after k: Int, roles: [Role]) -> Int? {
    var n = k + 1
    while n < roles.count, roles[n] == .dropped { n += 1 }
    return n < roles.count ? n : nil
  }

  /// The most common font size of the document's visible characters.
  static func bodySize(_ pages: [PDFPage]) -> Float {
    var counts = SizeCounts()
    for page in pages {
      for line in page.lines { counts.add(line) }
    }
    return counts.mostCommon
  }
}

extension PDFText.Role {
  var isNote: Bool {
    switch self {
    case .noteStart, .noteMore: return true
    default: return false
    }
  }
}
