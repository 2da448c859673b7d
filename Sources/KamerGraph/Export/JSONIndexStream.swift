import GRDB

extension JSONGraphWriter {
  /// The node-link JSON of the graph stored in `index`: the same bytes as `write` of
  /// `index.loadSortedGraph()`, streamed from the tables into the output without building a
  /// `Node`, `Edge` or `Evidence` (issue 21: loading the graph was half of the export's time).
  ///
  /// Nodes are read in number order with their aliases and paths merged in from cursors ordered by
  /// node, edges in number order with their evidence merged in row order, as `loadSortedGraph`
  /// reads them; text columns go from SQLite's buffer into the output. When the tables are not in
  /// the order `commit` writes them (or hold anything the loader would sort, repair or refuse), the
  /// stream gives up and the graph is loaded and written the general way, so the bytes (and the
  /// errors) are the same either way.
  public func write(
    index: GraphIndex, name: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> [UInt8] {
    if let streamed = try streamed(from: index, name: name, progress: progress) { return streamed }
    return write(ExportGraph(try index.loadSortedGraph(progress: progress)), name: name)
  }

  /// The streamed document, or nil when the tables are not in commit order.
  func streamed(
    from index: GraphIndex, name: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> [UInt8]? {
    try index.read { db -> [UInt8]? in
      guard var stream = try JSONIndexStream(db: db, progress: progress) else { return nil }
      return try stream.write(name: name)
    }
  }
}

/// One streamed JSON export (see `JSONGraphWriter.write(index:name:progress:)`).
private struct JSONIndexStream {
  let db: Database
  let nodeCount: Int
  let edgeCount: Int
  let progress: ((_ done: Int, _ total: Int) -> Void)?
  private var done = 0

  /// Nil when the node numbers are not 1...count (the general path decides what they mean).
  init?(db: Database, progress: ((_ done: Int, _ total: Int) -> Void)?) throws {
    let counts = try IndexRows(
      db,
      sql: """
        SELECT (SELECT min(num) FROM nodes), (SELECT max(num) FROM nodes), (SELECT count(*) FROM nodes),
          (SELECT count(*) FROM edges)
        """)
    guard try counts.next() else { return nil }
    let nodeCount = counts.int(2)
    guard nodeCount == 0 || (!counts.isNull(0) && counts.int(0) == 1 && counts.int(1) == nodeCount) else { return nil }
    self.db = db
    self.nodeCount = nodeCount
    self.edgeCount = counts.int(3)
    self.progress = progress
  }

  private mutating func advance() {
    done += 1
    if done & 0x3FFF == 0 { progress?(done, nodeCount + edgeCount) }
  }

  /// The document, or nil when the tables are not in commit order.
  mutating func write(name: String) throws -> [UInt8]? {
    progress?(0, nodeCount + edgeCount)
    var out = ExportBytes(capacity: 64 + nodeCount * 300 + edgeCount * 300)
    out.append("{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":")
    out.appendJSONQuoted(name)
    out.append("},\n\"nodes\":[")
    // Each node's id as a JSON literal, by node index, for the edges.
    var quotedIDs = ByteStrings()
    quotedIDs.reserve(strings: nodeCount, bytes: nodeCount * 24)
    guard try nodes(&out, quotedIDs: &quotedIDs) else { return nil }
    out.append("\n],\n\"edges\":[")
    guard try edges(&out, quotedIDs: quotedIDs) else { return nil }
    out.append("\n]}\n")
    progress?(nodeCount + edgeCount, nodeCount + edgeCount)
    return out.bytes
  }

  private mutating func nodes(_ out: inout ExportBytes, quotedIDs: inout ByteStrings) throws -> Bool {
    let aliases = try IndexRows(db, sql: "SELECT node, name FROM names WHERE is_alias = 1 ORDER BY node, rowid")
    var aliasRow = try aliases.next()
    let paths = try IndexRows(db, sql: "SELECT node, path FROM node_paths ORDER BY node, path")
    var pathRow = try paths.next()
    let rows = try IndexRows(
      db, sql: "SELECT num, id, kind, label, date, vergaderjaar, ministry, status, url FROM nodes ORDER BY num")
    var previousID: [UInt8] = []
    var list = ByteStrings()
    var scratch: [UInt8] = []
    var k = 0
    while try rows.next() {
      let num = rows.int(0)
      guard num == k + 1, !rows.isNull(1), !rows.isNull(2), !rows.isNull(3), !rows.isNull(7) else { return false }
      let id = rows.text(1)
      // Ids strictly increasing, as `SortedGraph` requires.
      if k > 0, !previousID.withUnsafeBufferPointer({ ColumnText.less($0, id) }) { return false }
      previousID.removeAll(keepingCapacity: true)
      previousID.append(contentsOf: id)
      let status = rows.text(7)
      guard Self.isNodeStatus(status) else { return false }  // the loader reports it

      out.append(k == 0 ? "\n{\"id\":" : ",\n{\"id\":")
      scratch.removeAll(keepingCapacity: true)
      ColumnText.appendJSONQuoted(id, to: &scratch)
      out.bytes.append(contentsOf: scratch)
      scratch.withUnsafeBufferPointer { quotedIDs.append($0) }
      out.append(",\"label\":")
      ColumnText.appendJSONQuoted(rows.text(3), to: &out.bytes)
      out.append(",\"kind\":")
      ColumnText.appendJSONQuoted(rows.text(2), to: &out.bytes)
      out.append(",\"status\":")
      ColumnText.appendJSONQuoted(status, to: &out.bytes)
      if !rows.isNull(4) {
        let date = ColumnText.string(rows.text(4))
        out.append(",\"date\":")
        out.appendJSONQuoted(date)
        // As `Node.year`.
        if date.utf8.count >= 4, let year = Int(date.prefix(4)) {
          out.append(",\"year\":")
          out.append(year)
        }
      }
      if !rows.isNull(5) {
        out.append(",\"vergaderjaar\":")
        ColumnText.appendJSONQuoted(rows.text(5), to: &out.bytes)
      }
      if !rows.isNull(6) {
        out.append(",\"ministry\":")
        ColumnText.appendJSONQuoted(rows.text(6), to: &out.bytes)
      }
      if !rows.isNull(8) {
        out.append(",\"url\":")
        ColumnText.appendJSONQuoted(rows.text(8), to: &out.bytes)
      }

      // Aliases in row order, sorted when there are several (as the loader does).
      list.removeAll()
      while aliasRow {
        let node = aliases.int(0)
        guard node >= num, node <= nodeCount, !aliases.isNull(1) else { return false }
        if node > num { break }
        list.append(aliases.text(1))
        aliasRow = try aliases.next()
      }
      out.append(",\"aliases\":")
      Self.array(&out, list, sort: list.count > 1)
      // Paths in key order, sorted as Swift sorts strings when that order differs.
      list.removeAll()
      while pathRow {
        let node = paths.int(0)
        guard node >= num, node <= nodeCount, !paths.isNull(1) else { return false }
        if node > num { break }
        list.append(paths.text(1))
        pathRow = try paths.next()
      }
      out.append(",\"paths\":")
      Self.array(&out, list, sort: !Self.isSorted(list))
      out.append("}")
      k += 1
      advance()
    }
    // Aliases or paths of nodes that do not exist: the general path decides what they mean.
    return k == nodeCount && !aliasRow && !pathRow
  }

  private mutating func edges(_ out: inout ExportBytes, quotedIDs: ByteStrings) throws -> Bool {
    let evidence = try IndexRows(
      db, sql: "SELECT edge, path, line, start, \"end\", text, source FROM evidence ORDER BY rowid")
    var evidenceRow = try evidence.next()
    let rows = try IndexRows(db, sql: "SELECT num, source, target, relation FROM edges ORDER BY num")
    var previous: (num: Int, source: Int, target: Int, relation: Relation)? = nil
    // The current edge's evidence: its JSON, its (path, text) pairs, starts, ends and sources.
    var items = ExportBytes(capacity: 4096)
    var keys = ByteStrings()
    var starts: [Int] = []
    var ends: [Int] = []
    var sources: [EvidenceSource] = []
    var written = 0
    while try rows.next() {
      let num = rows.int(0)
      let source = rows.int(1)
      let target = rows.int(2)
      guard let relation = Self.relation(rows.text(3)), source >= 1, source <= nodeCount, target >= 1,
        target <= nodeCount
      else { return false }  // the loader reports the damaged edge
      if let p = previous {
        guard num > p.num else { return false }
        // (source, target, relation) strictly increasing, as `SortedGraph` requires.
        guard (p.source, p.target, p.relation.rawValue) < (source, target, relation.rawValue) else { return false }
      }
      previous = (num, source, target, relation)

      items.bytes.removeAll(keepingCapacity: true)
      keys.removeAll()
      starts.removeAll(keepingCapacity: true)
      ends.removeAll(keepingCapacity: true)
      sources.removeAll(keepingCapacity: true)
      while evidenceRow {
        let edge = evidence.int(0)
        if edge > num { break }
        guard edge == num, !evidence.isNull(1), !evidence.isNull(3), !evidence.isNull(4), !evidence.isNull(5),
          !evidence.isNull(6)
        else { return false }
        let path = evidence.text(1)
        let text = evidence.text(5)
        let start = evidence.int(3)
        let end = evidence.int(4)
        let kind = Self.evidenceSource(evidence.text(6))
        if let last = starts.indices.last {
          // Strictly increasing (path, start, end, text, source), or the loader would sort and dedupe.
          let increasing = keys.with(2 * last) { lastPath in
            keys.with(2 * last + 1) { lastText in
              if !ColumnText.equal(lastPath, path) { return ColumnText.less(lastPath, path) }
              if starts[last] != start { return starts[last] < start }
              if ends[last] != end { return ends[last] < end }
              if !ColumnText.equal(lastText, text) { return ColumnText.less(lastText, text) }
              return sources[last] < kind
            }
          }
          guard increasing else { return false }
        }
        items.append(starts.isEmpty ? "{\"path\":" : ",{\"path\":")
        ColumnText.appendJSONQuoted(path, to: &items.bytes)
        if !evidence.isNull(2) {
          items.append(",\"line\":")
          items.append(evidence.int(2))
        }
        items.append(",\"start\":")
        items.append(start)
        items.append(",\"end\":")
        items.append(end)
        items.append(",\"text\":")
        ColumnText.appendJSONQuoted(text, to: &items.bytes)
        items.append(",\"source\":\"")
        items.append(kind.rawValue)
        items.append("\"}")
        keys.append(path)
        keys.append(text)
        starts.append(start)
        ends.append(end)
        sources.append(kind)
        evidenceRow = try evidence.next()
      }

      out.append(written == 0 ? "\n{\"source\":" : ",\n{\"source\":")
      quotedIDs.with(source - 1) { out.bytes.append(contentsOf: $0) }
      out.append(",\"target\":")
      quotedIDs.with(target - 1) { out.bytes.append(contentsOf: $0) }
      out.append(",\"key\":\"")
      out.append(relation.rawValue)
      out.append("\",\"relation\":\"")
      out.append(relation.rawValue)
      out.append("\",\"weight\":")
      out.append(Self.weight(keys))
      out.append(",\"origin\":\"")
      // As `ExportText.origin`: the strongest kind, text when there is no evidence.
      var origin: EvidenceSource? = nil
      for s in sources where origin == nil || s < origin! { origin = s }
      out.append((origin ?? .text).rawValue)
      out.append("\",\"evidence\":[")
      out.bytes.append(contentsOf: items.bytes)
      out.append("]}")
      written += 1
      advance()
    }
    // Evidence of an edge that does not exist: the general path decides what it means.
    return written == edgeCount && !evidenceRow
  }

  /// `Edge.weight` of evidence whose (path, text) pairs are `keys`.
  private static func weight(_ keys: ByteStrings) -> Int {
    let count = keys.count / 2
    guard count > 0 else { return 1 }
    var samePath = true
    keys.with(0) { first in
      for i in 1..<count where !keys.with(2 * i, { ColumnText.equal(first, $0) }) {
        samePath = false
        break
      }
    }
    if samePath { return count }
    var evidence: [Evidence] = []
    for i in 0..<count {
      evidence.append(
        Evidence(path: keys.string(2 * i), line: nil, start: 0, end: 0, text: keys.string(2 * i + 1), source: .text))
    }
    return max(1, Edge.weightAcrossCopies(evidence))
  }

  private static func array(_ out: inout ExportBytes, _ items: ByteStrings, sort: Bool) {
    out.append("[")
    if sort {
      for (i, item) in (0..<items.count).map({ items.string($0) }).sorted().enumerated() {
        if i > 0 { out.append(",") }
        out.appendJSONQuoted(item)
      }
    } else {
      for i in 0..<items.count {
        if i > 0 { out.append(",") }
        items.with(i) { ColumnText.appendJSONQuoted($0, to: &out.bytes) }
      }
    }
    out.append("]")
  }

  /// True when each string is not below the one before it (as Swift compares strings).
  private static func isSorted(_ items: ByteStrings) -> Bool {
    guard items.count > 1 else { return true }
    for i in 1..<items.count {
      let below = items.with(i) { item in items.with(i - 1) { before in ColumnText.less(item, before) } }
      if below { return false }
    }
    return true
  }

  private static let statuses: [[UInt8]] = [
    Array(NodeStatus.resolved.rawValue.utf8), Array(NodeStatus.external.rawValue.utf8),
    Array(NodeStatus.entity.rawValue.utf8),
  ]

  private static func isNodeStatus(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    statuses.contains { s in s.withUnsafeBufferPointer { ColumnText.compare($0, bytes) == 0 } }
  }

  private static let relations: [(bytes: [UInt8], relation: Relation)] = Relation.allCases.map {
    (Array($0.rawValue.utf8), $0)
  }

  private static func relation(_ bytes: UnsafeBufferPointer<UInt8>) -> Relation? {
    for r in relations where r.bytes.withUnsafeBufferPointer({ ColumnText.compare($0, bytes) == 0 }) {
      return r.relation
    }
    return nil
  }

  private static let metadataBytes = Array(EvidenceSource.metadata.rawValue.utf8)
  private static let xmlLinkBytes = Array(EvidenceSource.xmlLink.rawValue.utf8)

  /// As the loader reads it: an unknown source is `.text`.
  private static func evidenceSource(_ bytes: UnsafeBufferPointer<UInt8>) -> EvidenceSource {
    if metadataBytes.withUnsafeBufferPointer({ ColumnText.compare($0, bytes) == 0 }) { return .metadata }
    if xmlLinkBytes.withUnsafeBufferPointer({ ColumnText.compare($0, bytes) == 0 }) { return .xmlLink }
    return .text
  }
}
