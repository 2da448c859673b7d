import GRDB

extension CSVGraphWriter {
  /// The nodes and edges files of the graph stored in `index`: the same bytes as `nodes` and
  /// `edges` of `index.loadSortedGraph()`, streamed from the tables as `JSONGraphWriter` streams
  /// JSON (issue 21), falling back to the loaded graph when the tables are not in commit order.
  public func write(
    index: GraphIndex, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> (nodes: [UInt8], edges: [UInt8]) {
    if let streamed = try streamed(from: index, progress: progress) { return streamed }
    let g = ExportGraph(try index.loadSortedGraph(progress: progress))
    return (nodes(g), edges(g))
  }

  /// The streamed files, or nil when the tables are not in commit order.
  func streamed(
    from index: GraphIndex, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> (nodes: [UInt8], edges: [UInt8])? {
    try index.read { db -> (nodes: [UInt8], edges: [UInt8])? in
      guard let counts = try JSONIndexStream(db: db, progress: nil) else { return nil }
      var stream = CSVIndexStream(db: db, nodeCount: counts.nodeCount, edgeCount: counts.edgeCount, progress: progress)
      return try stream.write()
    }
  }
}

/// One streamed CSV export (see `CSVGraphWriter.write(index:progress:)`); the same checks of commit
/// order as `JSONIndexStream`.
private struct CSVIndexStream {
  let db: Database
  let nodeCount: Int
  let edgeCount: Int
  let progress: ((_ done: Int, _ total: Int) -> Void)?
  private var done = 0

  init(db: Database, nodeCount: Int, edgeCount: Int, progress: ((_ done: Int, _ total: Int) -> Void)?) {
    self.db = db
    self.nodeCount = nodeCount
    self.edgeCount = edgeCount
    self.progress = progress
  }

  private mutating func advance() {
    done += 1
    if done & 0x3FFF == 0 { progress?(done, nodeCount + edgeCount) }
  }

  mutating func write() throws -> (nodes: [UInt8], edges: [UInt8])? {
    progress?(0, nodeCount + edgeCount)
    var nodesOut = ExportBytes(capacity: 128 + nodeCount * 200)
    CSVGraphWriter.row(&nodesOut, CSVGraphWriter.nodeHeader)
    // Each node's id as a CSV field, by node index, for the edges.
    var fieldIDs = ByteStrings()
    fieldIDs.reserve(strings: nodeCount, bytes: nodeCount * 24)
    guard try nodes(&nodesOut, fieldIDs: &fieldIDs) else { return nil }
    var edgesOut = ExportBytes(capacity: 128 + edgeCount * 160)
    CSVGraphWriter.row(&edgesOut, CSVGraphWriter.edgeHeader)
    guard try edges(&edgesOut, fieldIDs: fieldIDs) else { return nil }
    progress?(nodeCount + edgeCount, nodeCount + edgeCount)
    return (nodesOut.bytes, edgesOut.bytes)
  }

  /// Appends the field `ExportBytes.appendCSVField` makes of the string GRDB would read.
  static func field(_ b: UnsafeBufferPointer<UInt8>, _ out: inout ExportBytes) {
    guard ColumnText.isPlain(b) else {
      out.appendCSVField(ColumnText.string(b))
      return
    }
    var needsQuotes = false
    for c in b where c == UInt8(ascii: ",") || c == UInt8(ascii: "\"") || c == 0x0D || c == 0x0A {
      needsQuotes = true
      break
    }
    if !needsQuotes {
      out.bytes.append(contentsOf: b)
      return
    }
    out.bytes.append(UInt8(ascii: "\""))
    for c in b {
      if c == UInt8(ascii: "\"") { out.bytes.append(c) }
      out.bytes.append(c)
    }
    out.bytes.append(UInt8(ascii: "\""))
  }

  /// The items joined by spaces as one field, sorted first when `sort`.
  static func joined(_ items: ByteStrings, sort: Bool, _ out: inout ExportBytes, scratch: inout [UInt8]) {
    let plain = (0..<items.count).allSatisfy { items.with($0) { ColumnText.isPlain($0) } }
    if sort || !plain {
      var strings = (0..<items.count).map { items.string($0) }
      if sort { strings.sort() }
      out.appendCSVField(strings.joined(separator: " "))
      return
    }
    scratch.removeAll(keepingCapacity: true)
    for i in 0..<items.count {
      if i > 0 { scratch.append(UInt8(ascii: " ")) }
      items.with(i) { scratch.append(contentsOf: $0) }
    }
    scratch.withUnsafeBufferPointer { field($0, &out) }
  }

  private mutating func nodes(_ out: inout ExportBytes, fieldIDs: inout ByteStrings) throws -> Bool {
    let aliases = try IndexRows(db, sql: "SELECT node, name FROM names WHERE is_alias = 1 ORDER BY node, rowid")
    var aliasRow = try aliases.next()
    let paths = try IndexRows(db, sql: "SELECT node, path FROM node_paths ORDER BY node, path")
    var pathRow = try paths.next()
    let rows = try IndexRows(
      db, sql: "SELECT num, id, kind, label, date, vergaderjaar, ministry, status, url FROM nodes ORDER BY num")
    var previousID: [UInt8] = []
    var list = ByteStrings()
    var scratch = ExportBytes(capacity: 64)
    var joinScratch: [UInt8] = []
    var k = 0
    while try rows.next() {
      let num = rows.int(0)
      guard num == k + 1, !rows.isNull(1), !rows.isNull(2), !rows.isNull(3), !rows.isNull(7) else { return false }
      let id = rows.text(1)
      if k > 0, !previousID.withUnsafeBufferPointer({ ColumnText.less($0, id) }) { return false }
      previousID.removeAll(keepingCapacity: true)
      previousID.append(contentsOf: id)
      let status = rows.text(7)
      guard JSONIndexStream.isNodeStatus(status) else { return false }

      scratch.bytes.removeAll(keepingCapacity: true)
      Self.field(id, &scratch)
      out.bytes.append(contentsOf: scratch.bytes)
      scratch.bytes.withUnsafeBufferPointer { fieldIDs.append($0) }
      out.append(",")
      Self.field(rows.text(3), &out)
      out.append(",")
      Self.field(rows.text(2), &out)
      out.append(",")
      if let law = JSONIndexStream.law(kind: rows.text(2), id: id) { out.append(law) }
      out.append(",")
      Self.field(status, &out)
      out.append(",")
      if !rows.isNull(4) {
        let date = ColumnText.string(rows.text(4))
        out.appendCSVField(date)
        out.append(",")
        // As `Node.year`.
        if date.utf8.count >= 4, let year = Int(date.prefix(4)) { out.append(year) }
      } else {
        out.append(",")
      }
      out.append(",")
      if !rows.isNull(5) { Self.field(rows.text(5), &out) }
      out.append(",")
      if !rows.isNull(6) { Self.field(rows.text(6), &out) }
      out.append(",")
      if !rows.isNull(8) { Self.field(rows.text(8), &out) }
      out.append(",")

      list.removeAll()
      while aliasRow {
        let node = aliases.int(0)
        guard node >= num, node <= nodeCount, !aliases.isNull(1) else { return false }
        if node > num { break }
        list.append(aliases.text(1))
        aliasRow = try aliases.next()
      }
      Self.joined(list, sort: list.count > 1, &out, scratch: &joinScratch)
      out.append(",")
      list.removeAll()
      while pathRow {
        let node = paths.int(0)
        guard node >= num, node <= nodeCount, !paths.isNull(1) else { return false }
        if node > num { break }
        list.append(paths.text(1))
        pathRow = try paths.next()
      }
      Self.joined(list, sort: !JSONIndexStream.isSorted(list), &out, scratch: &joinScratch)
      out.append("\r\n")
      k += 1
      advance()
    }
    return k == nodeCount && !aliasRow && !pathRow
  }

  private mutating func edges(_ out: inout ExportBytes, fieldIDs: ByteStrings) throws -> Bool {
    let evidence = try IndexRows(
      db, sql: "SELECT edge, path, line, start, \"end\", text, source FROM evidence ORDER BY rowid")
    var evidenceRow = try evidence.next()
    let rows = try IndexRows(db, sql: "SELECT num, source, target, relation FROM edges ORDER BY num")
    var previous: (num: Int, source: Int, target: Int, relation: Relation)? = nil
    var keys = ByteStrings()
    var firstLine: Int? = nil
    var lastStart = 0
    var lastEnd = 0
    var lastSource = EvidenceSource.text
    var origin: EvidenceSource? = nil
    var summary: [UInt8] = []
    var written = 0
    while try rows.next() {
      let num = rows.int(0)
      let source = rows.int(1)
      let target = rows.int(2)
      guard let relation = JSONIndexStream.relation(rows.text(3)), source >= 1, source <= nodeCount, target >= 1,
        target <= nodeCount
      else { return false }
      if let p = previous {
        guard num > p.num else { return false }
        guard (p.source, p.target, p.relation.rawValue) < (source, target, relation.rawValue) else { return false }
      }
      previous = (num, source, target, relation)

      keys.removeAll()
      origin = nil
      firstLine = nil
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
        let kind = JSONIndexStream.evidenceSource(evidence.text(6))
        if keys.count > 0 {
          let last = keys.count / 2 - 1
          let increasing = keys.with(2 * last) { lastPath in
            keys.with(2 * last + 1) { lastText in
              if !ColumnText.equal(lastPath, path) { return ColumnText.less(lastPath, path) }
              if lastStart != start { return lastStart < start }
              if lastEnd != end { return lastEnd < end }
              if !ColumnText.equal(lastText, text) { return ColumnText.less(lastText, text) }
              return lastSource < kind
            }
          }
          guard increasing else { return false }
        } else {
          firstLine = evidence.isNull(2) ? nil : GraphIndex.evidenceLine(evidence.int(2))
        }
        keys.append(path)
        keys.append(text)
        lastStart = start
        lastEnd = end
        lastSource = kind
        if origin == nil || kind < origin! { origin = kind }
        evidenceRow = try evidence.next()
      }

      fieldIDs.with(source - 1) { out.bytes.append(contentsOf: $0) }
      out.append(",")
      fieldIDs.with(target - 1) { out.bytes.append(contentsOf: $0) }
      out.append(",Directed,")
      out.append(relation.rawValue)
      out.append(",e")
      out.append(written)
      out.append(",")
      out.append(JSONIndexStream.weight(keys))
      out.append(".0,")
      out.append((origin ?? .text).rawValue)
      out.append(",")
      // As `ExportText`'s first evidence: "place: text", place `path:line` or `path`.
      if keys.count > 0 {
        let plain = keys.with(0) { ColumnText.isPlain($0) } && keys.with(1) { ColumnText.isPlain($0) }
        if plain {
          summary.removeAll(keepingCapacity: true)
          keys.with(0) { summary.append(contentsOf: $0) }
          if let line = firstLine { summary.append(contentsOf: ":\(line)".utf8) }
          summary.append(contentsOf: ": ".utf8)
          keys.with(1) { summary.append(contentsOf: $0) }
          summary.withUnsafeBufferPointer { Self.field($0, &out) }
        } else {
          let path = keys.string(0)
          let place = firstLine.map { "\(path):\($0)" } ?? path
          out.appendCSVField("\(place): \(keys.string(1))")
        }
      }
      out.append("\r\n")
      written += 1
      advance()
    }
    return written == edgeCount && !evidenceRow
  }
}
