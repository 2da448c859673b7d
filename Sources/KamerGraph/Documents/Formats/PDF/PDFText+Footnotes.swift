/// Footnotes at the foot of a page and their raised marks in the running text.
extension PDFText {
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
      // The baseline: the greatest bottom (y grows down the page) of the characters in the line's
      // own size, as max() of them would give, in one loop.
      var lowest: Double?
      for (i, bottom) in line.bottoms.enumerated() where line.sizes[i] == size {
        if let l = lowest, !(l < bottom) { continue }
        lowest = bottom
      }
      let baseline = lowest ?? line.maxY
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
