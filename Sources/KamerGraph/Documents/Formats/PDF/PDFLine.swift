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
