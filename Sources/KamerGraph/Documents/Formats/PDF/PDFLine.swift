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

  /// Unicode's White_Space (`properties.isWhitespace`), without the property lookup for ASCII,
  /// where it is tab to carriage return and the space: asked once or twice for every character.
  @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x80 ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
  }
  var byteCount: Int { scalars.reduce(1) { $0 + UTF8.width($1) } }
  var height: Double { maxY - minY }

  mutating func append(_ s: Unicode.Scalar, size: Float, x1: Double, y1: Double, x2: Double, y2: Double, geometry: Bool) {
    scalars.append(s)
    sizes.append(size)
    tops.append(y1)
    bottoms.append(y2)
    let visible = !Self.isWhitespace(s)
    if visible { visibleCount += 1 }
    if geometry, visible {
      minX = min(minX, x1)
      maxX = max(maxX, x2)
      minY = min(minY, y1)
      maxY = max(maxY, y2)
    }
  }

  /// The most common font size of the visible scalars (by count; the larger on a tie).
  var size: Float {
    var counts = SizeCounts()
    counts.add(self)
    return counts.mostCommon
  }

  var string: String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars)
    return String(s)
  }

  /// Without leading and trailing whitespace.
  mutating func trim() {
    while let last = scalars.last, Self.isWhitespace(last) { removeLast() }
    var lead = 0
    while lead < scalars.count, Self.isWhitespace(scalars[lead]) { lead += 1 }
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

/// Counts of font sizes of visible scalars, for the most common one. A line's scalars come in runs
/// of one size, so a run is counted once, not each scalar (a dictionary update per character).
struct SizeCounts {
  private var counts: [Float: Int] = [:]

  mutating func add(_ line: PDFLine) {
    var run: Float = 0
    var n = 0
    for (k, s) in line.scalars.enumerated() where !PDFLine.isWhitespace(s) {
      let size = line.sizes[k]
      if n > 0, size == run {
        n += 1
        continue
      }
      if n > 0 { counts[run, default: 0] += n }
      run = size
      n = 1
    }
    if n > 0 { counts[run, default: 0] += n }
  }

  /// The size counted most often, the larger on a tie; 0 when none was counted.
  var mostCommon: Float {
    counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
  }
}
