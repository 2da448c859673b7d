import GRDB

/// The table walk `JSONIndexStream` and `CSVIndexStream` share: the checks that the node and edge
/// rows are in the order `commit` writes them, and the cursors that merge a node's aliases and
/// paths and an edge's evidence in beside them. Each answers nil or false for "not in commit
/// order": the stream gives up and the graph is loaded the general way.
enum IndexStreamWalk {
  /// The node rows, in number order; columns as `NodeOrder.accepts` reads them.
  static let nodesSQL =
    "SELECT num, id, kind, label, date, vergaderjaar, ministry, status, url FROM nodes ORDER BY num"
  /// The edge rows, in number order; columns as `EdgeOrder.relation` reads them.
  static let edgesSQL = "SELECT num, source, target, relation FROM edges ORDER BY num"

  /// Checks node rows in turn: numbers 1, 2, ..., ids strictly increasing (as `SortedGraph`
  /// requires), no NULL where the loader needs a value, a status the loader knows.
  struct NodeOrder {
    private var previousID: [UInt8] = []
    private var count = 0

    /// True when the current row of `rows` (`nodesSQL`) is the next node in commit order.
    mutating func accepts(_ rows: IndexRows) -> Bool {
      guard rows.int(0) == count + 1, !rows.isNull(1), !rows.isNull(2), !rows.isNull(3), !rows.isNull(7) else {
        return false
      }
      let id = rows.text(1)
      if count > 0, !previousID.withUnsafeBufferPointer({ ColumnText.less($0, id) }) { return false }
      previousID.removeAll(keepingCapacity: true)
      previousID.append(contentsOf: id)
      count += 1
      return JSONIndexStream.isNodeStatus(rows.text(7))  // the loader reports it
    }
  }

  /// Checks edge rows in turn: numbers increasing, both ends existing nodes, a known relation,
  /// (source, target, relation) strictly increasing (as `SortedGraph` requires).
  struct EdgeOrder {
    let nodeCount: Int
    private var previous: (num: Int, source: Int, target: Int, relation: Relation)? = nil

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    /// The relation of the current row of `rows` (`edgesSQL`), or nil when the row is not the
    /// next edge in commit order (the loader reports a damaged edge).
    mutating func relation(_ rows: IndexRows) -> Relation? {
      let num = rows.int(0)
      let source = rows.int(1)
      let target = rows.int(2)
      guard let relation = JSONIndexStream.relation(rows.text(3)), source >= 1, source <= nodeCount, target >= 1,
        target <= nodeCount
      else { return nil }
      if let p = previous {
        guard num > p.num else { return nil }
        guard (p.source, p.target, p.relation.rawValue) < (source, target, relation.rawValue) else { return nil }
      }
      previous = (num, source, target, relation)
      return relation
    }
  }

  /// A cursor over (node, text) rows ordered by node, walked beside the nodes in number order.
  struct NodeList {
    private let rows: IndexRows
    private var hasRow: Bool
    private let nodeCount: Int

    private init(_ db: Database, sql: String, nodeCount: Int) throws {
      rows = try IndexRows(db, sql: sql)
      hasRow = try rows.next()
      self.nodeCount = nodeCount
    }

    /// Aliases in row order (the loader sorts them when there are several).
    static func aliases(_ db: Database, nodeCount: Int) throws -> NodeList {
      try NodeList(
        db, sql: "SELECT node, name FROM names WHERE is_alias = 1 ORDER BY node, rowid", nodeCount: nodeCount)
    }

    /// Paths in key order (sorted as Swift sorts strings when that order differs).
    static func paths(_ db: Database, nodeCount: Int) throws -> NodeList {
      try NodeList(db, sql: "SELECT node, path FROM node_paths ORDER BY node, path", nodeCount: nodeCount)
    }

    /// Node `num`'s texts in `list` (emptied first), or false when a row belongs to an earlier
    /// node, to no node, or holds NULL.
    mutating func take(node num: Int, into list: inout ByteStrings) throws -> Bool {
      list.removeAll()
      while hasRow {
        let node = rows.int(0)
        guard node >= num, node <= nodeCount, !rows.isNull(1) else { return false }
        if node > num { break }
        list.append(rows.text(1))
        hasRow = try rows.next()
      }
      return true
    }

    /// True when every row was taken (rows of nodes that do not exist: the general path decides
    /// what they mean).
    var isDone: Bool { !hasRow }
  }

  /// A cursor over the evidence rows in row order, walked beside the edges in number order; holds
  /// the current edge's evidence.
  struct EdgeEvidence {
    private let rows: IndexRows
    private var hasRow: Bool
    /// The (path, text) pairs of the current edge's evidence.
    private(set) var keys = ByteStrings()
    /// Its lines (nil for none), starts, ends and sources, by row.
    private(set) var lines: [Int?] = []
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private(set) var sources: [EvidenceSource] = []
    /// As `ExportText.origin`: the strongest source, nil when there is no evidence.
    private(set) var origin: EvidenceSource? = nil

    init(_ db: Database) throws {
      rows = try IndexRows(
        db, sql: "SELECT edge, path, line, start, \"end\", text, source FROM evidence ORDER BY rowid")
      hasRow = try rows.next()
    }

    var count: Int { starts.count }

    /// Reads edge `num`'s evidence, or false when a row belongs to an earlier edge, holds NULL
    /// where the loader needs a value, or is not after the row before it.
    mutating func take(edge num: Int) throws -> Bool {
      keys.removeAll()
      lines.removeAll(keepingCapacity: true)
      starts.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      sources.removeAll(keepingCapacity: true)
      origin = nil
      while hasRow {
        let edge = rows.int(0)
        if edge > num { break }
        guard edge == num, !rows.isNull(1), !rows.isNull(3), !rows.isNull(4), !rows.isNull(5), !rows.isNull(6)
        else { return false }
        let path = rows.text(1)
        let text = rows.text(5)
        let start = rows.int(3)
        let end = rows.int(4)
        let kind = JSONIndexStream.evidenceSource(rows.text(6))
        // 0 stands for no line (`GraphIndex.evidenceLine`).
        let line = rows.isNull(2) ? nil : GraphIndex.evidenceLine(rows.int(2))
        if let last = starts.indices.last {
          // Strictly increasing as `Evidence.<` orders (path, start, end, text, source, line), or
          // the loader would sort and dedupe.
          let increasing = keys.with(2 * last) { lastPath in
            keys.with(2 * last + 1) { lastText in
              if !ColumnText.equal(lastPath, path) { return ColumnText.less(lastPath, path) }
              if starts[last] != start { return starts[last] < start }
              if ends[last] != end { return ends[last] < end }
              if !ColumnText.equal(lastText, text) { return ColumnText.less(lastText, text) }
              if sources[last] != kind { return sources[last] < kind }
              return Evidence.lineLess(lines[last], line)
            }
          }
          guard increasing else { return false }
        }
        keys.append(path)
        keys.append(text)
        lines.append(line)
        starts.append(start)
        ends.append(end)
        sources.append(kind)
        if origin == nil || kind < origin! { origin = kind }
        hasRow = try rows.next()
      }
      return true
    }

    /// True when every row was taken (evidence of an edge that does not exist: the general path
    /// decides what it means).
    var isDone: Bool { !hasRow }
  }
}
