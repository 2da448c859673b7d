import CPoppler
import CKamerZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads PDF documents with poppler (its GLib interface, Debian's `libpoppler-glib-dev`): the text
/// of every page in poppler's reading order, lines rebuilt from the position of each character,
/// pages separated by a form feed (as `pdftotext` does).
///
/// On top of poppler's text:
/// - page furniture: lines repeated in the top or bottom margin of most pages (running headers and
///   footers) are kept once, where they first appear; page numbers in the margins are dropped; the
///   kept lines and a first page's publication footer (the KOOP "ah-tk-… ISSN … ’s-Gravenhage")
///   are `PageLayout.furniture`, so their references become the document's own ids;
/// - words hyphenated across lines are joined ("Staats-" + "courant"), real hyphens kept
///   ("Noord-" + "Holland", "zee-" + "egel", "aanloop-" + "en"), ligatures and soft hyphens
///   normalised;
/// - footnotes: small-type notes at the foot of a page starting with a number are attached to the
///   raised mark of that number in the running text (the mark is taken out of the text, as the
///   KOOP reader does);
/// - the PDF's Title, Author, Subject, Keywords and CreationDate fill the label and date when
///   the text (letterhead) gives none.
///
/// Bad PDFs fail alone with one clear message: encrypted, damaged, without a text layer, or past
/// the limits (pages, inflated stream bytes, text bytes, seconds). JavaScript and embedded files
/// are never run or read.
package enum PDFReader {
  /// Limits against hostile or oversized PDFs (the file size is `ReaderLimits.maxFileSize`).
  package struct Limits: Sendable {
    /// The most pages read.
    package var maxPages = 10_000
    /// The most bytes all Flate streams of the file may inflate to (a PDF bomb is a small file
    /// whose streams inflate to gigabytes).
    package var maxInflated = 1 << 30
    /// The most UTF-8 bytes of text.
    package var maxText = 128 << 20
    /// The most seconds spent on one file (checked between pages).
    package var maxSeconds = 60.0

    package init() {}
  }

  package static func read(bytes: [UInt8], path: String, limits: Limits = Limits()) throws(DocumentError) -> Document {
    let started = monotonicSeconds()
    guard bytes.count >= 8, bytes.starts(with: Array("%PDF-".utf8)) else {
      throw .invalidContent(path: path, reason: "is not a PDF (no %PDF- header)")
    }
    if let inflated = FlateBudget.exceeds(bytes, limit: limits.maxInflated) {
      throw .invalidContent(
        path: path,
        reason: "is a PDF whose compressed streams inflate to more than \(inflated) bytes (limit \(limits.maxInflated)): a PDF bomb, not read")
    }
    PopplerSetup.once()
    var gerror: UnsafeMutablePointer<GError>?
    let gbytes = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    defer { g_bytes_unref(gbytes) }
    guard let doc = poppler_document_new_from_bytes(gbytes, nil, &gerror) else {
      let code = gerror?.pointee.code ?? -1
      let message = gerror.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
      if gerror != nil { g_error_free(gerror) }
      if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
        throw .invalidContent(path: path, reason: "is an encrypted PDF that needs a password: it cannot be read")
      }
      let tail = bytes.suffix(1024)
      let truncated = TextScan.find(Array("%%EOF".utf8), in: Array(tail)) == nil
      throw .invalidContent(
        path: path,
        reason: truncated
          ? "is a truncated PDF (no %%EOF at its end) that cannot be read (\(message))"
          : "is a damaged PDF that cannot be read (\(message))")
    }
    defer { g_object_unref(UnsafeMutableRawPointer(doc)) }
    let pageCount = Int(poppler_document_get_n_pages(doc))
    guard pageCount > 0 else { throw .invalidContent(path: path, reason: "is a PDF without pages") }
    guard pageCount <= limits.maxPages else {
      throw .invalidContent(path: path, reason: "is a PDF of \(pageCount) pages, more than the limit of \(limits.maxPages): not read")
    }
    var notes: [String] = []
    var pages: [PDFPage] = []
    pages.reserveCapacity(pageCount)
    var textBytes = 0
    for index in 0..<pageCount {
      guard let page = poppler_document_get_page(doc, Int32(index)) else {
        notes.append("page \(index + 1) could not be read")
        pages.append(PDFPage(number: index + 1, label: nil, width: 1, height: 1, lines: []))
        continue
      }
      let read = PDFPage.read(page, number: index + 1)
      g_object_unref(UnsafeMutableRawPointer(page))
      textBytes += read.lines.reduce(0) { $0 + $1.byteCount }
      guard textBytes <= limits.maxText else {
        throw .invalidContent(path: path, reason: "is a PDF with more than \(limits.maxText) bytes of text (stopped at page \(index + 1)): not read")
      }
      pages.append(read)
      if monotonicSeconds() - started > limits.maxSeconds {
        throw .invalidContent(
          path: path,
          reason: "is a PDF that took more than \(Int(limits.maxSeconds)) seconds to read (stopped at page \(index + 1) of \(pageCount)): not read")
      }
    }
    let visible = pages.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.visibleCount } }
    guard visible > 0 else {
      throw .invalidContent(
        path: path, reason: "is a PDF of \(pageCount) page\(pageCount == 1 ? "" : "s") without a text layer: it needs OCR first")
    }
    let empty = pages.filter { $0.lines.allSatisfy { $0.visibleCount == 0 } }.map(\.number)
    if !empty.isEmpty {
      notes.append("page\(empty.count == 1 ? "" : "s") \(PDFText.list(empty)) without text (scanned images need OCR)")
    }
    if poppler_document_has_javascript(doc) != 0 { notes.append("has JavaScript (ignored)") }
    let attachments = Int(poppler_document_get_n_attachments(doc))
    if attachments > 0 { notes.append("has \(attachments) embedded file\(attachments == 1 ? "" : "s") (not read)") }

    var assembled = PDFText.assemble(pages)
    var document = Document(path: path, format: .pdf, text: String(decoding: assembled.bytes, as: UTF8.self), notes: notes)
    document.footnotes = assembled.footnotes
    document.layout = assembled.layout
    assembled.bytes = []
    Letterhead.apply(to: &document)
    PDFMetadata.apply(doc, to: &document)
    return document
  }

  static func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}

/// Poppler's one-time setup: its global parameters are created by the first document opened,
/// which is not safe from two threads at once, and its messages go to standard error.
enum PopplerSetup {
  private static let done: Bool = {
    cpoppler_silence_errors()
    // A minimal PDF opened once under this lazy global's lock creates poppler's globals.
    let tiny = Array(PDFText.minimalPDF.utf8)
    let gbytes = tiny.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    if let doc = poppler_document_new_from_bytes(gbytes, nil, nil) { g_object_unref(UnsafeMutableRawPointer(doc)) }
    g_bytes_unref(gbytes)
    return true
  }()

  static func once() { _ = done }
}

/// One line of a page as poppler placed it.
struct PDFLine {
  var scalars: [Unicode.Scalar] = []
  /// Font size of each scalar (0 when poppler gave none).
  var sizes: [Float] = []
  /// Top and bottom of each scalar.
  var tops: [Double] = []
  var bottoms: [Double] = []
  var minX = Double.infinity
  var minY = Double.infinity
  var maxX = -Double.infinity
  var maxY = -Double.infinity

  /// How many scalars are not whitespace (kept as they are appended: `trim` removes whitespace only).
  private(set) var visibleCount = 0

  var isEmpty: Bool { scalars.isEmpty }
  var byteCount: Int { scalars.reduce(1) { $0 + UTF8.width($1) } }
  var height: Double { maxY - minY }

  mutating func append(_ s: Unicode.Scalar, size: Float, x1: Double, y1: Double, x2: Double, y2: Double, geometry: Bool) {
    scalars.append(s)
    sizes.append(size)
    tops.append(y1)
    bottoms.append(y2)
    if !s.properties.isWhitespace { visibleCount += 1 }
    if geometry, !s.properties.isWhitespace {
      minX = min(minX, x1)
      maxX = max(maxX, x2)
      minY = min(minY, y1)
      maxY = max(maxY, y2)
    }
  }

  /// The most common font size of the visible scalars (by count; the larger on a tie).
  var size: Float {
    var counts: [Float: Int] = [:]
    for (k, s) in scalars.enumerated() where !s.properties.isWhitespace { counts[sizes[k], default: 0] += 1 }
    return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
  }

  var string: String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars)
    return String(s)
  }

  /// Without leading and trailing whitespace.
  mutating func trim() {
    while let last = scalars.last, last.properties.isWhitespace { removeLast() }
    var lead = 0
    while lead < scalars.count, scalars[lead].properties.isWhitespace { lead += 1 }
    if lead > 0 {
      scalars.removeFirst(lead)
      sizes.removeFirst(lead)
      tops.removeFirst(lead)
      bottoms.removeFirst(lead)
    }
  }

  private mutating func removeLast() {
    scalars.removeLast()
    sizes.removeLast()
    tops.removeLast()
    bottoms.removeLast()
  }
}

/// One page: its lines in poppler's reading order.
struct PDFPage {
  var number: Int
  var label: String?
  var width: Double
  var height: Double
  var lines: [PDFLine] {
    didSet { measure() }
  }
  /// Tops and bottoms of the lines outside the margins, sorted (for `PDFText.apart`).
  private(set) var bodyTops: [Double] = []
  private(set) var bodyBottoms: [Double] = []

  init(number: Int, label: String?, width: Double, height: Double, lines: [PDFLine]) {
    self.number = number
    self.label = label
    self.width = width
    self.height = height
    self.lines = lines
    measure()
  }

  private mutating func measure() {
    let body = lines.filter { $0.minY.isFinite && !PDFText.zone($0, self) }
    bodyTops = body.map(\.minY).sorted()
    bodyBottoms = body.map(\.maxY).sorted()
  }

  /// The text of a page with the position and size of every character.
  static func read(_ page: OpaquePointer, number: Int) -> PDFPage {
    var width = 0.0
    var height = 0.0
    poppler_page_get_size(page, &width, &height)
    var label: String?
    if let raw = poppler_page_get_label(page) {
      let l = String(cString: raw)
      g_free(raw)
      if !l.isEmpty, l != String(number) { label = l }
    }
    guard let raw = poppler_page_get_text(page) else {
      return PDFPage(number: number, label: label, width: width, height: height, lines: [])
    }
    let text = Array(String(cString: raw).unicodeScalars)
    g_free(raw)
    var rects: UnsafeMutablePointer<PopplerRectangle>?
    var rectCount: guint = 0
    let hasRects = poppler_page_get_text_layout(page, &rects, &rectCount) != 0
    defer { if let rects { g_free(rects) } }
    let geometry = hasRects && Int(rectCount) == text.count && rects != nil
    var sizes = [Float](repeating: 0, count: text.count)
    if geometry, let list = poppler_page_get_text_attributes(page) {
      var node: UnsafeMutablePointer<GList>? = list
      while let n = node {
        if let a = n.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee {
          let lo = max(0, Int(a.start_index))
          let hi = min(text.count - 1, Int(a.end_index))
          if lo <= hi { for k in lo...hi { sizes[k] = Float(a.font_size) } }
        }
        node = n.pointee.next
      }
      poppler_page_free_text_attributes(list)
    }
    var lines: [PDFLine] = []
    var line = PDFLine()
    var lastX2 = 0.0
    func finish() {
      line.trim()
      if !line.isEmpty { lines.append(line) }
      line = PDFLine()
    }
    for k in text.indices {
      let s = text[k]
      if s == "\n" || s == "\r" {
        finish()
        continue
      }
      var r = PopplerRectangle(x1: 0, y1: 0, x2: 0, y2: 0)
      if geometry, let rects { r = rects[k] }
      let (y1, y2) = (min(r.y1, r.y2), max(r.y1, r.y2))
      if geometry, !s.properties.isWhitespace, line.visibleCount > 0 {
        // A character that does not share the line's height starts a new line; so does one far
        // to the right of the last (another column of the same row) or back to the left.
        let overlap = min(line.maxY, y2) - max(line.minY, y1)
        let size = Double(max(sizes[k], 1))
        let gap = r.x1 - lastX2
        if overlap <= 0.1 * min(line.height, y2 - y1) || gap > 4 * size || gap < -2 * size {
          finish()
        }
      }
      line.append(s, size: sizes[k], x1: r.x1, y1: y1, x2: r.x2, y2: y2, geometry: geometry)
      if !s.properties.isWhitespace { lastX2 = r.x2 }
    }
    finish()
    if geometry { joinLabels(&lines) }
    return PDFPage(number: number, label: label, width: width, height: height, lines: lines)
  }

  /// A letterhead sets its labels ("Datum", "Betreft", "Onze referentie") in one column and the
  /// values in the next, and poppler reads the whole label column first. A line that is only a
  /// label gets the line to its right on the same baseline as its value, after a tab.
  static func joinLabels(_ lines: inout [PDFLine]) {
    var k = 0
    var joined = 0
    while k < lines.count, joined < 40 {
      let label = lines[k]
      guard label.scalars.count <= 30, let (_, value) = Letterhead.match(label.string), value.isEmpty else {
        k += 1
        continue
      }
      let candidates = lines.indices.filter { j in
        j != k && lines[j].minX > label.maxX && abs(lines[j].maxY - label.maxY) < 0.3 * label.height
          && abs(lines[j].minY - label.minY) < 0.5 * max(label.height, lines[j].height)
      }
      guard let j = candidates.min(by: { lines[$0].minX < lines[$1].minX }), lines[j].minX - label.maxX < 200 else {
        k += 1
        continue
      }
      var merged = label
      merged.append("\t", size: 0, x1: label.maxX, y1: label.minY, x2: label.maxX, y2: label.maxY, geometry: false)
      for (i, s) in lines[j].scalars.enumerated() {
        merged.append(s, size: lines[j].sizes[i], x1: lines[j].minX, y1: lines[j].tops[i], x2: lines[j].maxX, y2: lines[j].bottoms[i], geometry: false)
      }
      merged.maxX = lines[j].maxX
      lines[k] = merged
      lines.remove(at: j)
      joined += 1
      if j < k { k -= 1 }
      k += 1
    }
  }
}

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
        var i = 0
        while i < line.scalars.count {
          if let c = (cut[k] ?? []).first(where: { $0.range.lowerBound == i }) {
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

  /// Appends a scalar as UTF-8 with ligatures spelled out, soft hyphens and control characters
  /// left out and Unicode hyphens as "-".
  static func appendNormalised(_ s: Unicode.Scalar, to out: inout [UInt8]) {
    switch s.value {
    case 0xFB00: out.append(contentsOf: [0x66, 0x66])  // ﬀ
    case 0xFB01: out.append(contentsOf: [0x66, 0x69])  // ﬁ
    case 0xFB02: out.append(contentsOf: [0x66, 0x6C])  // ﬂ
    case 0xFB03: out.append(contentsOf: [0x66, 0x66, 0x69])  // ﬃ
    case 0xFB04: out.append(contentsOf: [0x66, 0x66, 0x6C])  // ﬄ
    case 0xFB05, 0xFB06: out.append(contentsOf: [0x73, 0x74])  // ﬅ ﬆ
    case 0x00AD, 0x200B, 0xFEFF: break  // soft hyphen, zero-width space, BOM
    case 0x2010, 0x2011: out.append(0x2D)
    case 0x09: out.append(0x09)  // only the reader's own tab, between a letterhead label and its value
    case 0..<0x20, 0x7F: break
    default: out.append(contentsOf: Array(String(s).utf8))
    }
  }

  /// Dutch conjunctions after a suspended compound ("aanloop- en volloopverliezen"): the hyphen
  /// before them is a real one and the line break a space.
  static let suspensionWords: Set<String> = ["en", "of", "tot", "en/of", "t/m", "noch", "als"]

  /// Vowel pairs that would be read as one sound, which Dutch spelling keeps apart with a hyphen
  /// in a compound ("zee-egel", "auto-industrie", "na-apen"); hyphenation never splits them, so a
  /// hyphen between them at a line end is a real one ("be-" + "oordeling" is not such a pair).
  static let vowelClashes: Set<String> = [
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu",
  ]

  /// Joins a line ending in a hyphen (or soft hyphen, already left out) with the next one when the
  /// break is typographic. Returns true when the next line continues on this one (the hyphen
  /// removed or kept), nil when the line break stays.
  static func joinHyphen(out: inout [UInt8], lineStart: Int, next: [Unicode.Scalar]) -> Bool? {
    guard out.count - lineStart >= 2, out.last == 0x2D, let first = next.first else { return nil }
    let before = lastScalar(out, from: lineStart, skippingLast: 1)
    guard let before, before.properties.isAlphabetic || ("0"..."9").contains(before) else { return nil }
    // The first word of the next line.
    var word = ""
    for s in next {
      if s == " " || s == "\t" { break }
      word.unicodeScalars.append(s)
    }
    let lowerFirst = first.properties.isLowercase
    if suspensionWords.contains(word.trimmingCharacters(",")) || suspensionWords.contains(word) {
      return nil  // "aanloop-\nen volloop…": keep the hyphen and the break
    }
    if before.properties.isLowercase, lowerFirst {
      let pair = String(before).lowercased() + String(first).lowercased()
      if vowelClashes.contains(pair) { return true }  // "zee-" + "egel": the hyphen stays
      out.removeLast()  // "Staats-" + "courant"
      return true
    }
    if first.properties.isAlphabetic || ("0"..."9").contains(first) { return true }  // "Noord-" + "Holland"
    return nil
  }

  private static func lastScalar(_ out: [UInt8], from start: Int, skippingLast: Int) -> Unicode.Scalar? {
    var end = out.count - skippingLast
    guard end > start else { return nil }
    var s = end - 1
    while s > start, out[s] & 0xC0 == 0x80 { s -= 1 }
    end = max(end, s + 1)
    return String(decoding: out[s..<end], as: UTF8.self).unicodeScalars.first
  }

  /// The most common font size of the document's visible characters.
  static func bodySize(_ pages: [PDFPage]) -> Float {
    var counts: [Float: Int] = [:]
    for page in pages {
      for line in page.lines {
        for (k, s) in line.scalars.enumerated() where !s.properties.isWhitespace { counts[line.sizes[k], default: 0] += 1 }
      }
    }
    return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
  }

  /// The margins: the top tenth and the bottom eighth of a page.
  static func zone(_ line: PDFLine, _ page: PDFPage) -> Bool {
    guard line.minY.isFinite, page.height > 0 else { return false }
    return line.maxY <= page.height * 0.10 || line.minY >= page.height * 0.875
  }

  /// A wider margin for lines repeated on most pages.
  static func wideZone(_ line: PDFLine, _ page: PDFPage) -> Bool {
    guard line.minY.isFinite, page.height > 0 else { return false }
    return line.maxY <= page.height * 0.2 || line.minY >= page.height * 0.8
  }

  /// A line's text with digit runs as "#" and spaces collapsed, lower-case: the same running
  /// footer on every page ("… Aanhangsel 3") has one key.
  static func runningKey(_ line: PDFLine) -> String {
    var out = String.UnicodeScalarView()
    var lastDigit = false
    var lastSpace = true
    for s in line.scalars {
      if ("0"..."9").contains(s) {
        if !lastDigit { out.append("#") }
        lastDigit = true
        lastSpace = false
        continue
      }
      lastDigit = false
      if s.properties.isWhitespace {
        if !lastSpace { out.append(" ") }
        lastSpace = true
        continue
      }
      lastSpace = false
      out.append(contentsOf: String(s).lowercased().unicodeScalars)
    }
    return String(out)
  }

  /// A page number alone: "3", "- 3 -", "3/7", "Pagina 3 van 7", "pag. 3", "iv".
  static func isPageNumber(_ line: PDFLine) -> Bool {
    let t = line.string.lowercased().trimmingSpaces
    guard !t.isEmpty, t.count <= 20 else { return false }
    var words = t.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" || $0 == "–" })
    if let first = words.first, ["pagina", "page", "pag.", "blz.", "p."].contains(String(first)) { words.removeFirst() }
    words.removeAll { $0 == "van" || $0 == "of" }
    guard !words.isEmpty, words.count <= 2 else { return false }
    let roman: Set<Character> = ["i", "v", "x", "l", "c"]
    return words.allSatisfy { w in w.allSatisfy(\.isNumber) || (w.count <= 5 && w.allSatisfy { roman.contains($0) }) }
  }

  /// Running headers and footers, page numbers and publication footers.
  static func markFurniture(_ pages: [PDFPage], body: Float, roles: inout [[Role]]) {
    // Candidates, by key: where on the page each appears, on which pages. In the margins a line
    // set apart from the body counts with its digits as "#" (a running footer with the page
    // number); further in, only the same text at the same height counts (a line on a page
    // with no other line never does).
    var places: [String: [(page: Int, y: Double)]] = [:]
    for (p, page) in pages.enumerated() where page.lines.count > 1 {
      for (k, line) in page.lines.enumerated() {
        if zone(line, page), apart(k, page, body: body) {
          places[runningKey(line), default: []].append((p, line.minY))
        } else if wideZone(line, page) {
          places["=" + line.string, default: []].append((p, line.minY))
        }
      }
    }
    // A running line stands at the same height (within 3 points) on at least half of the pages
    // (two at least): the height it has most often.
    let needed = max(2, (pages.count + 1) / 2)
    var running: [String: Double] = [:]
    for (key, at) in places where key != "#" && at.count >= needed {
      // Heights in 3-point bins; the bin whose neighbourhood covers the most pages.
      var bins: [Int: Set<Int>] = [:]
      for place in at { bins[Int((place.y / 3).rounded(.down)), default: []].insert(place.page) }
      var best: (bin: Int, pages: Int) = (0, 0)
      for bin in bins.keys.sorted() {
        let n = (bins[bin - 1] ?? []).union(bins[bin] ?? []).union(bins[bin + 1] ?? []).count
        if n > best.pages { best = (bin, n) }
      }
      if best.pages >= needed { running[key] = Double(best.bin) * 3 + 1.5 }
    }
    var seen: Set<String> = []
    for (p, page) in pages.enumerated() {
      for (k, line) in page.lines.enumerated() {
        for key in [runningKey(line), "=" + line.string] {
          guard let y = running[key], abs(line.minY - y) <= 4.5,
            key.hasPrefix("=") ? wideZone(line, page) : zone(line, page) && apart(k, page, body: body)
          else { continue }
          roles[p][k] = seen.insert(key).inserted ? .furniture : .dropped
          break
        }
        if roles[p][k] != .body { continue }
        if zone(line, page), isPageNumber(line) {
          roles[p][k] = .dropped
          continue
        }
        guard zone(line, page) else { continue }
        // A line in the margin in smaller type than the body, or set apart from the body (a
        // publication footer, a letterhead), is furniture.
        let small = line.size > 0 && body > 0 && line.size < body * 0.9
        if small || apart(k, page, body: body) { roles[p][k] = .furniture }
      }
    }
  }

  /// Whether a line in a margin is set apart from the body: at least 1.5 body sizes between it
  /// and the nearest line outside the margins towards the middle of the page.
  static func apart(_ k: Int, _ page: PDFPage, body: Float) -> Bool {
    let line = page.lines[k]
    let gap = 1.5 * Double(max(body, 1))
    if line.maxY <= page.height / 2 {
      // The first body top at or below the line's bottom.
      let tops = page.bodyTops
      var low = 0
      var high = tops.count
      while low < high {
        let mid = (low + high) / 2
        if tops[mid] < line.maxY { low = mid + 1 } else { high = mid }
      }
      return low == tops.count || tops[low] - line.maxY >= gap
    }
    // The last body bottom at or above the line's top.
    let bottoms = page.bodyBottoms
    var low = 0
    var high = bottoms.count
    while low < high {
      let mid = (low + high) / 2
      if bottoms[mid] <= line.minY { low = mid + 1 } else { high = mid }
    }
    return low == 0 || line.minY - bottoms[low - 1] >= gap
  }

  /// Footnotes at the foot of a page: the trailing run of body lines in smaller type whose first
  /// line starts with a number; each line that starts with a number starts a note. Returns the
  /// raised marks in the body lines (line, scalar range, number).
  static func markFootnotes(_ page: PDFPage, body: Float, roles: inout [Role]) -> [(line: Int, range: Range<Int>, number: String)] {
    guard body > 0 else { return [] }
    func small(_ l: PDFLine) -> Bool { l.size > 0 && l.size < body * 0.9 }
    func leadingNumber(_ l: PDFLine) -> String? {
      var digits = ""
      for s in l.scalars {
        if ("0"..."9").contains(s), digits.count < 3 {
          digits.unicodeScalars.append(s)
          continue
        }
        if s == " " || s == "\t" || s == "." || s == ")" { break }
        return nil
      }
      return digits.isEmpty ? nil : digits
    }
    // The trailing small lines, skipping furniture and dropped lines.
    var run: [Int] = []
    var k = page.lines.count - 1
    while k >= 0 {
      if roles[k] == .body {
        guard small(page.lines[k]) else { break }
        run.append(k)
      }
      k -= 1
    }
    run.reverse()
    guard let first = run.first, leadingNumber(page.lines[first]) != nil else { return [] }
    // The lowest body line above the notes: notes lie below it.
    let inRun = Set(run)
    let bodyBottom = page.lines.indices.filter { roles[$0] == .body && !inRun.contains($0) }.map { page.lines[$0].maxY }.max() ?? 0
    guard page.lines[first].minY >= bodyBottom - 1 else { return [] }
    var numbers: [String] = []
    for k in run {
      if let n = leadingNumber(page.lines[k]), numbers.count < 100 {
        roles[k] = .noteStart(n)
        numbers.append(n)
      } else {
        roles[k] = .noteMore
      }
    }
    // Raised marks: digits in smaller type above the baseline of a body line.
    let wanted = Set(numbers)
    var marks: [(line: Int, range: Range<Int>, number: String)] = []
    for (k, line) in page.lines.enumerated() where roles[k] == .body {
      let size = line.size
      guard size > 0 else { continue }
      let baseline = line.bottoms.enumerated().filter { line.sizes[$0.offset] == size }.map(\.element).max() ?? line.maxY
      var i = 0
      while i < line.scalars.count {
        guard ("0"..."9").contains(line.scalars[i]), line.sizes[i] > 0, line.sizes[i] < size * 0.85,
          line.bottoms[i] < baseline - Double(size) * 0.15
        else {
          i += 1
          continue
        }
        var j = i
        var number = ""
        while j < line.scalars.count, ("0"..."9").contains(line.scalars[j]), line.sizes[j] < size * 0.85 {
          number.unicodeScalars.append(line.scalars[j])
          j += 1
        }
        if i > 0, wanted.contains(number) { marks.append((k, i..<j, number)) }
        i = j
      }
    }
    return marks
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

/// The PDF's document information: label and date when the text gives none, the rest for `show`.
enum PDFMetadata {
  static func apply(_ doc: OpaquePointer, to document: inout Document) {
    func string(_ get: (OpaquePointer) -> UnsafeMutablePointer<gchar>?) -> String? {
      guard let raw = get(doc) else { return nil }
      defer { g_free(raw) }
      let s = String(cString: raw).collapsingSpaces
      return s.isEmpty ? nil : s
    }
    let title = string(poppler_document_get_title)
    let author = string(poppler_document_get_author)
    let subject = string(poppler_document_get_subject)
    let keywords = string(poppler_document_get_keywords)
    if document.metadata.title == nil, let title, !looksLikeFileName(title) { document.metadata.title = title }
    if document.metadata.title == nil, let subject { document.metadata.title = subject }
    if let author { document.metadata.extra["pdf-author"] = author }
    if let subject { document.metadata.extra["pdf-subject"] = subject }
    if let keywords { document.metadata.extra["pdf-keywords"] = keywords }
    if let title { document.metadata.extra["pdf-title"] = title }
    let created = poppler_document_get_creation_date(doc)
    if created > 0 {
      var t = time_t(created)
      var parts = tm()
      gmtime_r(&t, &parts)
      func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
      let iso = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
      document.metadata.extra["pdf-created"] = iso
      if document.metadata.date == nil { document.metadata.date = iso }
    }
  }

  /// Titles such as "Microsoft Word - brief.docx" or "36600-X-12.pdf" name a file, not the document.
  static func looksLikeFileName(_ title: String) -> Bool {
    let t = title.lowercased()
    return t.hasPrefix("microsoft word - ") || [".doc", ".docx", ".pdf", ".odt", ".rtf", ".dot"].contains { t.hasSuffix($0) }
  }
}

/// The inflated size of a PDF's Flate streams, counted before poppler sees the file: a small file
/// whose streams inflate past the limit is a bomb.
enum FlateBudget {
  /// The inflated byte count when it passes `limit`, else nil.
  static func exceeds(_ bytes: [UInt8], limit: Int) -> Int? {
    let keyword = Array("stream".utf8)
    let flate = Array("FlateDecode".utf8)
    var total = 0
    var from = 0
    return bytes.withUnsafeBufferPointer { b -> Int? in
      while let at = TextScan.find(keyword, in: b, from: from) {
        from = at + keyword.count
        // "endstream" also contains "stream"; a stream keyword ends its dictionary (">>").
        if at >= 3, b[at - 3] == 0x65, b[at - 2] == 0x6E, b[at - 1] == 0x64 { continue }
        var start = from
        if start < b.count, b[start] == 0x0D { start += 1 }
        guard start < b.count, b[start] == 0x0A else { continue }
        start += 1
        // The dictionary before it (at most 4 KB back) must name FlateDecode.
        let back = max(0, at - 4096)
        guard let open = lastIndex(of: [0x3C, 0x3C], in: b, from: back, to: at),
          TextScan.find(flate, in: b, from: open, to: at) != nil
        else { continue }
        let end = TextScan.find(Array("endstream".utf8), in: b, from: start) ?? b.count
        total += inflatedSize(UnsafeBufferPointer(rebasing: b[start..<end]), limit: limit - total)
        if total > limit { return total }
        from = end
      }
      return nil
    }
  }

  private static func lastIndex(of needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    var k = to - needle.count
    while k >= from {
      if b[k] == needle[0], b[k + 1] == needle[1] { return k }
      k -= 1
    }
    return nil
  }

  /// The bytes a zlib stream inflates to, counted up to just past `limit` (output discarded).
  static func inflatedSize(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    guard let base = input.baseAddress, !input.isEmpty else { return 0 }
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return 0 }
    defer { inflateEnd(&stream) }
    let chunkSize = 1 << 16
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    stream.next_in = UnsafeMutablePointer(mutating: base)
    stream.avail_in = UInt32(min(input.count, Int(UInt32.max)))
    var total = 0
    while total <= limit {
      stream.next_out = chunk
      stream.avail_out = UInt32(chunkSize)
      let rc = CKamerZlib.inflate(&stream, Z_NO_FLUSH)
      let produced = chunkSize - Int(stream.avail_out)
      total += produced
      if rc != Z_OK || produced == 0 { break }
    }
    return total
  }
}
