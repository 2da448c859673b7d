/// A plain text table with columns aligned by padding, for the default (non `--json`) output.
package struct TextTable: Sendable {
  public var headers: [String]
  public var rows: [[String]]

  public init(headers: [String], rows: [[String]] = []) {
    self.headers = headers
    self.rows = rows
  }

  /// The table as lines: a header, a rule, then the rows; columns separated by two spaces and the
  /// last column not padded. Cells except those of the last column are cut at `maxWidth` characters
  /// with an ellipsis (the last column holds what must stay whole: chains, reasons, matches).
  public func render(maxWidth: Int = 60) -> String {
    let cells = ([headers] + rows).map { row in
      row.enumerated().map { $0.offset == row.count - 1 ? Self.clip($0.element, Int.max) : Self.clip($0.element, maxWidth) }
    }
    var widths = [Int](repeating: 0, count: headers.count)
    for row in cells { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
    func line(_ row: [String]) -> String {
      var out = ""
      for (i, cell) in row.enumerated() {
        if i == row.count - 1 {
          out += cell
        } else {
          out += cell + String(repeating: " ", count: widths[i] - cell.count + 2)
        }
      }
      while out.hasSuffix(" ") { out.removeLast() }
      return out
    }
    var lines = [line(cells[0]), line(widths.map { String(repeating: "-", count: $0) })]
    lines += cells.dropFirst().map(line)
    return lines.joined(separator: "\n") + "\n"
  }

  static func clip(_ text: String, _ width: Int) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    guard flat.count > width else { return flat }
    return String(flat.prefix(width - 1)) + "…"
  }
}

extension PathStep {
  /// `-cites-> id` for an edge taken forward, `<-cites- id` for one taken backward.
  public var arrow: String { forward ? "-\(relation.rawValue)-> \(node.id)" : "<-\(relation.rawValue)- \(node.id)" }
}

/// A chain as one line: `start -answers-> a <-cites- b` (without `start` when it is nil).
public func chainText(start: String?, steps: [PathStep]) -> String {
  ((start.map { [$0] } ?? []) + steps.map(\.arrow)).joined(separator: " ")
}
