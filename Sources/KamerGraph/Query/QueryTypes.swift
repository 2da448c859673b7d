/// Which edges a traversal follows: the ones leaving a node, arriving at it, or both.
public enum Direction: String, Sendable, CaseIterable, Codable {
  /// Edges arriving at the node (who cites it, who answers it).
  case incoming = "in"
  /// Edges leaving the node (what it cites, who asked it).
  case outgoing = "out"
  /// Both.
  case both
}

/// A node as query results show it.
public struct NodeSummary: Sendable, Hashable {
  public var id: String
  public var kind: String
  public var label: String
  public var date: String?
  public var status: NodeStatus

  public init(id: String, kind: String, label: String, date: String? = nil, status: NodeStatus) {
    self.id = id
    self.kind = kind
    self.label = label
    self.date = date
    self.status = status
  }
}

/// One hop of a chain: the edge taken and the node it leads to. `forward` is true when the edge
/// points from the previous node to `node` (the previous node cites it), false when it points back.
public struct PathStep: Sendable, Hashable {
  public var relation: Relation
  public var forward: Bool
  public var node: NodeSummary

  public init(relation: Relation, forward: Bool, node: NodeSummary) {
    self.relation = relation
    self.forward = forward
    self.node = node
  }
}

/// The relations between documents, used by `similar` when no `--relation` is given: actors
/// (ministries, members) would make every document of a ministry "similar".
public let documentRelations: Set<Relation> = [.cites, .seeAlso, .answers, .partOfDossier]

/// A date bound for `--since` / `--until`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, compared on the
/// same number of characters of a node's ISO date.
public struct DateBound: Sendable, Hashable {
  public let text: String

  /// Fails with `IndexError.invalidArgument` when `text` is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public init(_ text: String, option: String) throws(IndexError) {
    let bytes = Array(text.utf8)
    let shapeOK: Bool
    func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
    switch bytes.count {
    case 4: shapeOK = digits(0..<4)
    case 7: shapeOK = digits(0..<4) && bytes[4] == 0x2D && digits(5..<7)
    case 10: shapeOK = digits(0..<4) && bytes[4] == 0x2D && digits(5..<7) && bytes[7] == 0x2D && digits(8..<10)
    default: shapeOK = false
    }
    guard shapeOK else {
      throw .invalidArgument(name: option, value: text, reason: "a date is written YYYY, YYYY-MM or YYYY-MM-DD")
    }
    func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
    if bytes.count >= 7 {
      let month = number(5..<7)
      guard (1...12).contains(month) else {
        throw .invalidArgument(name: option, value: text, reason: "there is no month \(month); months run from 01 to 12")
      }
      if bytes.count == 10 {
        let year = number(0..<4)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        let day = number(8..<10)
        guard (1...days).contains(day) else {
          throw .invalidArgument(
            name: option, value: text, reason: "month \(text.dropFirst(5).prefix(2)) of \(year) has days 01 to \(days)")
        }
      }
    }
    self.text = text
  }

  func prefix(of date: String) -> Substring { date.prefix(text.count) }
}

/// A date window; a node without a date always passes (actors have none).
struct DateWindow: Sendable {
  var since: DateBound?
  var until: DateBound?

  var isOpen: Bool { since == nil && until == nil }

  func admits(_ date: String?) -> Bool {
    guard let date else { return true }
    if let since, since.prefix(of: date) < since.text { return false }
    if let until, until.prefix(of: date) > until.text { return false }
    return true
  }
}
