#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Dutch and ISO dates to ISO `YYYY-MM-DD`.
enum DutchDate {
  static let months: [String: Int] = [
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
  ]

  /// "11 juli 2025" -> "2025-07-11"; "2025-10-31" and "2025-10-31T00:00:00" -> "2025-10-31";
  /// "31-10-2025" -> "2025-10-31". Nil when no date is recognised.
  static func iso(_ raw: String) -> String? {
    let s = raw.trimmingSpaces
    let u = Array(s.utf8)
    func digits(_ r: Range<Int>) -> Int? {
      guard r.upperBound <= u.count else { return nil }
      var v = 0
      for i in r {
        guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
        v = v * 10 + Int(u[i] - 0x30)
      }
      return v
    }
    if u.count >= 10, let y = digits(0..<4), u[4] == 0x2D, let m = digits(5..<7), u[7] == 0x2D, let d = digits(8..<10) {
      return format(y, m, d)
    }
    if u.count >= 10, let d = digits(0..<2), u[2] == 0x2D, let m = digits(3..<5), u[5] == 0x2D, let y = digits(6..<10) {
      return format(y, m, d)
    }
    let words = s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\u{00A0}" })
    for k in 0..<max(0, words.count - 2) {
      guard let d = Int(words[k]), let m = months[String(words[k + 1]).trimmingCharacters(".")],
        let y = Int(words[k + 2].prefix(4))
      else { continue }
      return format(y, m, d)
    }
    return nil
  }

  private static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
    guard (1000...2999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
}
