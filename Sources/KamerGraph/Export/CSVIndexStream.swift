import GRDB

extension CSVGraphWriter {
  /// The nodes and edges files of the graph stored in `index`: the same bytes as `nodes` and
  /// `edges` of `index.loadSortedGraph()`, streamed from the tables as `JSONGraphWriter` streams
  /// JSON (issue 21), falling back to the loaded graph when the tables are not in commit order.
  public func write(
    index: GraphIndex, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> (nodes: [UInt8], edges: [UInt8]) {
    var nodes = ExportBytes(capacity: 1 << 20)
    var edges = ExportBytes(capacity: 1 << 20)
    try write(index: index, nodes: &nodes, edges: &edges, byteOrderMark: false, progress: progress)
    return (nodes.bytes, edges.bytes)
  }

  /// Writes the same files to `nodesFile` and `edgesFile` in chunks of about 1 MB (never held
  /// whole in memory), each starting with a UTF-8 byte-order mark when `byteOrderMark`; returns
  /// their sizes. Throws `IndexError` when the index cannot be read, `ExportError.io` when a file
  /// cannot be created or written.
  @discardableResult
  public func write(
    index: GraphIndex, nodesFile: String, edgesFile: String, byteOrderMark: Bool = false,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> (nodes: Int, edges: Int) {
    let nodesOut = try ExportFile(path: nodesFile)
    let edgesOut = try ExportFile(path: edgesFile)
    var nodes = ExportBytes(file: nodesOut)
    var edges = ExportBytes(file: edgesOut)
    try write(index: index, nodes: &nodes, edges: &edges, byteOrderMark: byteOrderMark, progress: progress)
    nodes.flush()
    edges.flush()
    return (try nodesOut.close(), try edgesOut.close())
  }

  /// Writes the two files into `nodes` and `edges`; true when they were streamed from the tables,
  /// false when the tables were not in commit order and the loaded graph was written instead
  /// (what was already written is dropped first, from the files too).
  @discardableResult
  func write(
    index: GraphIndex, nodes: inout ExportBytes, edges: inout ExportBytes, byteOrderMark: Bool,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> Bool {
    func start() {
      if byteOrderMark {
        nodes.bytes += GraphExporter.byteOrderMark
        edges.bytes += GraphExporter.byteOrderMark
      }
    }
    start()
    let streamed = try index.read { db -> Bool in
      guard let counts = try JSONIndexStream(db: db, progress: nil) else { return false }
      var stream = CSVIndexStream(db: db, nodeCount: counts.nodeCount, edgeCount: counts.edgeCount, progress: progress)
      return try stream.write(nodes: &nodes, edges: &edges)
    }
    if streamed { return true }
    nodes.restart()
    edges.restart()
    start()
    let g = ExportGraph(try index.loadSortedGraph(progress: progress))
    self.nodes(g, into: &nodes)
    self.edges(g, into: &edges)
    return false
  }

  /// The streamed files, or nil when the tables are not in commit order.
  func streamed(
    from index: GraphIndex, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> (nodes: [UInt8], edges: [UInt8])? {
    try index.read { db -> (nodes: [UInt8], edges: [UInt8])? in
      guard let counts = try JSONIndexStream(db: db, progress: nil) else { return nil }
      var stream = CSVIndexStream(db: db, nodeCount: counts.nodeCount, edgeCount: counts.edgeCount, progress: progress)
      var nodes = ExportBytes(capacity: 1 << 20)
      var edges = ExportBytes(capacity: 1 << 20)
      return try stream.write(nodes: &nodes, edges: &edges) ? (nodes.bytes, edges.bytes) : nil
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

  /// Writes the two files into `nodesOut` and `edgesOut`; false (part of them written) when the
  /// tables are not in commit order.
  mutating func write(nodes nodesOut: inout ExportBytes, edges edgesOut: inout ExportBytes) throws -> Bool {
    progress?(0, nodeCount + edgeCount)
    CSVGraphWriter.row(&nodesOut, CSVGraphWriter.nodeHeader)
    // Each node's id as a CSV field, by node index, for the edges.
    var fieldIDs = ByteStrings()
    fieldIDs.reserve(strings: nodeCount, bytes: nodeCount * 24)
    guard try nodes(&nodesOut, fieldIDs: &fieldIDs) else { return false }
    CSVGraphWriter.row(&edgesOut, CSVGraphWriter.edgeHeader)
    guard try edges(&edgesOut, fieldIDs: fieldIDs) else { return false }
    progress?(nodeCount + edgeCount, nodeCount + edgeCount)
    return true
  }

  /// `,Directed,R,e` by `Relation.position`: the fields between the target and the edge number.
  private static let relationFields: [[UInt8]] = Relation.allCases.map { Array(",Directed,\($0.rawValue),e".utf8) }
  /// `.0,S,` by `JSONIndexStream.sourceIndex`: the end of the weight and the origin.
  private static let originFields: [[UInt8]] = [EvidenceSource.metadata, .xmlLink, .text].map {
    Array(".0,\($0.rawValue),".utf8)
  }

  /// Appends `value` in decimal, as `"\(value)"` writes it.
  static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    var out = ExportBytes(capacity: 0)
    swap(&out.bytes, &bytes)
    out.append(value)
    swap(&out.bytes, &bytes)
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
    var aliases = try IndexStreamWalk.NodeList.aliases(db, nodeCount: nodeCount)
    var paths = try IndexStreamWalk.NodeList.paths(db, nodeCount: nodeCount)
    let rows = try IndexRows(db, sql: IndexStreamWalk.nodesSQL)
    var order = IndexStreamWalk.NodeOrder()
    var list = ByteStrings()
    var scratch = ExportBytes(capacity: 64)
    var joinScratch: [UInt8] = []
    var k = 0
    while try rows.next() {
      guard order.accepts(rows) else { return false }
      let num = k + 1
      let id = rows.text(1)
      let status = rows.text(7)

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
        let bytes = rows.text(4)
        if ColumnText.isPlain(bytes), bytes.count >= 4, bytes[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          // An ISO date's bytes as they are, its year as `Node.year` reads the four digits.
          Self.field(bytes, &out)
          out.append(",")
          out.append(bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) })
        } else {
          let date = ColumnText.string(bytes)
          out.appendCSVField(date)
          out.append(",")
          // As `Node.year`.
          if date.utf8.count >= 4, let year = Int(date.prefix(4)) { out.append(year) }
        }
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

      guard try aliases.take(node: num, into: &list) else { return false }
      Self.joined(list, sort: list.count > 1, &out, scratch: &joinScratch)
      out.append(",")
      guard try paths.take(node: num, into: &list) else { return false }
      Self.joined(list, sort: !JSONIndexStream.isSorted(list), &out, scratch: &joinScratch)
      out.append("\r\n")
      out.flushIfFull()
      k += 1
      advance()
    }
    return k == nodeCount && aliases.isDone && paths.isDone
  }

  private mutating func edges(_ out: inout ExportBytes, fieldIDs: ByteStrings) throws -> Bool {
    var evidence = try IndexStreamWalk.EdgeEvidence(db)
    let rows = try IndexRows(db, sql: IndexStreamWalk.edgesSQL)
    var order = IndexStreamWalk.EdgeOrder(nodeCount: nodeCount)
    var summary: [UInt8] = []
    var written = 0
    while try rows.next() {
      guard let relation = order.relation(rows), try evidence.take(edge: rows.int(0)) else { return false }
      let source = rows.int(1)
      let target = rows.int(2)

      fieldIDs.with(source - 1) { out.bytes.append(contentsOf: $0) }
      out.append(",")
      fieldIDs.with(target - 1) { out.bytes.append(contentsOf: $0) }
      out.bytes.append(contentsOf: Self.relationFields[relation.position])
      out.append(written)
      out.append(",")
      out.append(JSONIndexStream.weight(evidence.keys))
      out.bytes.append(contentsOf: Self.originFields[JSONIndexStream.sourceIndex(evidence.origin ?? .text)])
      // As `ExportText`'s first evidence: "place: text", place `path:line` or `path`.
      if evidence.keys.count > 0 {
        let plain =
          evidence.keys.with(0) { ColumnText.isPlain($0) } && evidence.keys.with(1) { ColumnText.isPlain($0) }
        if plain {
          summary.removeAll(keepingCapacity: true)
          evidence.keys.with(0) { summary.append(contentsOf: $0) }
          if let line = evidence.lines[0] {
            summary.append(UInt8(ascii: ":"))
            Self.appendDecimal(line, to: &summary)
          }
          summary.append(contentsOf: ": ".utf8)
          evidence.keys.with(1) { summary.append(contentsOf: $0) }
          summary.withUnsafeBufferPointer { Self.field($0, &out) }
        } else {
          let path = evidence.keys.string(0)
          let place = evidence.lines[0].map { "\(path):\($0)" } ?? path
          out.appendCSVField("\(place): \(evidence.keys.string(1))")
        }
      }
      out.append("\r\n")
      out.flushIfFull()
      written += 1
      advance()
    }
    return written == edgeCount && evidence.isDone
  }
}
