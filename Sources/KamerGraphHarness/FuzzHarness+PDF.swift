import KamerGraph

/// The `read-pdf` target: `PDFReader` on arbitrary bytes, with limits small enough that one input
/// stays well inside libFuzzer's 10 s timeout and 2 GB memory limit.
extension FuzzHarness {
  static let fuzzPDFLimits: PDFReader.Limits = {
    var limits = PDFReader.Limits()
    limits.maxPages = 50
    limits.maxInflated = 16 << 20
    limits.maxText = 4 << 20
    limits.maxSeconds = 3
    return limits
  }()

  /// Pages lie inside the text in order without overlapping, numbered from 1; furniture lines lie
  /// inside the text in order.
  static func checkLayout(_ layout: PageLayout, count: Int) -> [String] {
    var problems: [String] = []
    var end = 0
    for (k, page) in layout.pages.enumerated() {
      if page.number != k + 1 { problems.append("page \(k) has the number \(page.number).") }
      if page.range.start < end || page.range.start > page.range.end || page.range.end > count {
        problems.append("page \(page.number) at \(page.range.start)..<\(page.range.end) overlaps or lies outside the text of \(count) bytes.")
      }
      end = page.range.end
    }
    end = 0
    for range in layout.furniture {
      if range.start < end || range.start > range.end || range.end > count {
        problems.append("furniture \(range.start)..<\(range.end) out of order or outside the text of \(count) bytes.")
      }
      end = range.end
    }
    return Array(problems.prefix(5))
  }
}
