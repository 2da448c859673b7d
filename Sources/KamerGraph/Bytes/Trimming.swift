extension String {
  var trimmedOrNil: String? {
    let t = trimmingWhitespace
    return t.isEmpty ? nil : t
  }

  var trimmingWhitespace: String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }

  /// The text without surrounding whitespace and quote marks ("“Raffinaderij”" -> "Raffinaderij").
  var trimmingQuotes: String {
    let quotes: Set<Character> = ["\"", "'", "‘", "’", "“", "”", "«", "»", "„"]
    var s = Substring(trimmingWhitespace)
    while let c = s.first, quotes.contains(c) || c.isWhitespace { s.removeFirst() }
    while let c = s.last, quotes.contains(c) || c.isWhitespace { s.removeLast() }
    return String(s)
  }
}
