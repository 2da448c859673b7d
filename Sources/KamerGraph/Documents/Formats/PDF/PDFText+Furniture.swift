/// Running headers and footers, page numbers and publication footers in the margins.
extension PDFText {
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
      if PDFLine.isWhitespace(s) {
        if !lastSpace { out.append(" ") }
        lastSpace = true
        continue
      }
      lastSpace = false
      if s.value < 0x80 {
        // ASCII lower-cased in place; String.lowercased() (one String per character) for the rest.
        out.append(("A"..."Z").contains(s) ? Unicode.Scalar(UInt8(s.value) | 0x20) : s)
      } else {
        out.append(contentsOf: String(s).lowercased().unicodeScalars)
      }
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
        // Both keys need the line in the wide margin (the narrow one lies inside it): the keys of
        // the other lines are not worth making.
        for key in running.isEmpty || !wideZone(line, page) ? [] : [runningKey(line), "=" + line.string] {
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
}
