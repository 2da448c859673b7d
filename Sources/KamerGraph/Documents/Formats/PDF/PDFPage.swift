import CPoppler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  static func read(_ page: OpaquePointer, number: Int, poppler: PopplerLibrary) -> PDFPage {
    var width = 0.0
    var height = 0.0
    poppler.pageGetSize(page, &width, &height)
    var label: String?
    if let l = poppler.take(poppler.pageGetLabel(page)), !l.isEmpty, l != String(number) { label = l }
    guard let raw = poppler.pageGetText(page) else {
      return PDFPage(number: number, label: label, width: width, height: height, lines: [])
    }
    let text = scalars(raw)
    poppler.gFree(raw)
    var rects: UnsafeMutablePointer<PopplerRectangle>?
    var rectCount: UInt32 = 0
    let hasRects = poppler.pageGetTextLayout(page, &rects, &rectCount) != 0
    defer { if let rects { poppler.gFree(rects) } }
    let geometry = hasRects && Int(rectCount) == text.count && rects != nil
    var sizes = [Float](repeating: 0, count: text.count)
    if geometry, let list = poppler.pageGetTextAttributes(page) {
      var node: UnsafeMutablePointer<GList>? = list
      while let n = node {
        if let a = n.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee {
          let lo = max(0, Int(a.start_index))
          let hi = min(text.count - 1, Int(a.end_index))
          if lo <= hi { for k in lo...hi { sizes[k] = Float(a.font_size) } }
        }
        node = n.pointee.next
      }
      poppler.pageFreeTextAttributes(list)
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
      if geometry, !PDFLine.isWhitespace(s), line.visibleCount > 0 {
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
      if !PDFLine.isWhitespace(s) { lastX2 = r.x2 }
    }
    finish()
    if geometry { joinLabels(&lines) }
    return PDFPage(number: number, label: label, width: width, height: height, lines: lines)
  }

  /// The scalars of poppler's UTF-8, decoded straight from its buffer (an invalid sequence as
  /// U+FFFD, as `String(cString:)` repairs it), not through a String and a copy of it.
  static func scalars(_ raw: UnsafePointer<CChar>) -> [Unicode.Scalar] {
    let bytes = UnsafeRawBufferPointer(start: raw, count: strlen(raw))
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(bytes.count)
    var input = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while true {
      switch parser.parseScalar(from: &input) {
      case .valid(let encoded): out.append(Unicode.UTF8.decode(encoded))
      case .error: out.append("\u{FFFD}")
      case .emptyInput: return out
      }
    }
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
