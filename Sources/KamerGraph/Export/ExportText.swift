/// Small helpers the writers share.
enum ExportText {
  /// `value` with exactly one decimal (`12.0`, `17.1`), the point as separator, whatever the locale.
  static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let a = abs(tenths)
    return "\(sign)\(a / 10).\(a % 10)"
  }

  /// `count` written as a double (`2.0`).
  static func decimal(_ count: Int) -> String { "\(count).0" }

  /// The strongest kind of evidence of `edge` (as `Edge.origin`, without building an array).
  static func origin(_ edge: Edge) -> EvidenceSource {
    var best: EvidenceSource? = nil
    for e in edge.evidence where best == nil || e.source < best! { best = e.source }
    return best ?? .text
  }

  /// The first piece of evidence as `path:line: text`, or nil.
  static func evidenceSummary(_ edge: Edge) -> String? {
    guard let first = edge.evidence.first else { return nil }
    return "\(first.place): \(first.text)"
  }

  /// True when `date` is an ISO calendar date `YYYY-MM-DD` that `xsd:date` accepts.
  static func isISODate(_ date: String) -> Bool {
    let u = Array(date.utf8)
    guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
    func number(_ range: Range<Int>) -> Int? {
      var n = 0
      for i in range {
        guard u[i] >= 48 && u[i] <= 57 else { return nil }
        n = n * 10 + Int(u[i] - 48)
      }
      return n
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year > 0 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...12).contains(month) && day >= 1 && day <= days[month - 1]
  }

  /// `id` as an XML NMTOKEN: kept as it is when it only uses `[A-Za-z0-9._:-]` (every canonical id
  /// of ids.md does); otherwise each other character becomes `_xHHHH_` (its scalar in hex).
  static func nmtoken(_ id: String) -> String {
    var plain = !id.isEmpty
    for b in id.utf8 where !isTokenByte(b) {
      plain = false
      break
    }
    if plain { return id }
    if id.isEmpty { return "_x_" }
    var out = ""
    for scalar in id.unicodeScalars {
      if scalar.isASCII, isTokenByte(UInt8(scalar.value)) {
        out.unicodeScalars.append(scalar)
      } else {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
      }
    }
    return out
  }

  private static func isTokenByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x3A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E
      || b == 0x5F
  }

  /// The NMTOKEN of every node id (in node order), checked for collisions.
  static func xmlIDs(_ nodes: [Node]) throws(ExportError) -> [String] {
    try xmlIDs(ids: nodes.map(\.id))
  }

  /// The NMTOKEN of every id of `ids` (in order), checked for collisions.
  static func xmlIDs(ids nodeIDs: [String]) throws(ExportError) -> [String] {
    var ids: [String] = []
    var seen: [String: String] = [:]
    ids.reserveCapacity(nodeIDs.count)
    seen.reserveCapacity(nodeIDs.count)
    for id in nodeIDs {
      let token = nmtoken(id)
      if let other = seen.updateValue(id, forKey: token) { throw .conflictingNodeID(other, id) }
      ids.append(token)
    }
    return ids
  }
}
