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
    var out = ExportBytes(capacity: 1 << 20)
    try write(index: index, name: name, into: &out, progress: progress)
    return out.bytes
  }

  /// Writes the same document to the file at `path` in chunks of about 1 MB (it is never held
  /// whole in memory) and returns its size. Throws `IndexError` when the index cannot be read,
  /// `ExportError.io` when the file cannot be created or written.
  @discardableResult
  public func write(
    index: GraphIndex, name: String, toFile path: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> Int {
    let file = try ExportFile(path: path)
    var out = ExportBytes(file: file)
    try write(index: index, name: name, into: &out, progress: progress)
    out.flush()
    return try file.close()
  }

  /// Writes the document into `out`; true when it was streamed from the tables, false when they
  /// were not in commit order and the loaded graph was written instead (what was already written
  /// is dropped first, from the file too).
  @discardableResult
  func write(
    index: GraphIndex, name: String, into out: inout ExportBytes,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> Bool {
    let streamed = try index.read { db -> Bool in
      guard var stream = try JSONIndexStream(db: db, progress: progress) else { return false }
      return try stream.write(name: name, into: &out)
    }
    if streamed { return true }
    out.restart()
    write(ExportGraph(try index.loadSortedGraph(progress: progress)), name: name, into: &out)
    return false
  }

  /// The streamed document, or nil when the tables are not in commit order.
  func streamed(
    from index: GraphIndex, name: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(IndexError) -> [UInt8]? {
    try index.read { db -> [UInt8]? in
      guard var stream = try JSONIndexStream(db: db, progress: progress) else { return nil }
      var out = ExportBytes(capacity: 1 << 20)
      return try stream.write(name: name, into: &out) ? out.bytes : nil
    }
  }
}

/// One streamed JSON export (see `JSONGraphWriter.write(index:name:progress:)`).
struct JSONIndexStream {
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

  /// Writes the document into `out`; false (part of it written) when the tables are not in
  /// commit order.
  mutating func write(name: String, into out: inout ExportBytes) throws -> Bool {
    progress?(0, nodeCount + edgeCount)
    out.append("{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":")
    out.appendJSONQuoted(name)
    out.append("},\n\"nodes\":[")
    // Each node's id as a JSON literal, by node index, for the edges.
    var quotedIDs = ByteStrings()
    quotedIDs.reserve(strings: nodeCount, bytes: nodeCount * 24)
    guard try nodes(&out, quotedIDs: &quotedIDs) else { return false }
    out.append("\n],\n\"edges\":[")
    guard try edges(&out, quotedIDs: quotedIDs) else { return false }
    out.append("\n]}\n")
    progress?(nodeCount + edgeCount, nodeCount + edgeCount)
    return true
  }

  private mutating func nodes(_ out: inout ExportBytes, quotedIDs: inout ByteStrings) throws -> Bool {
    var aliases = try IndexStreamWalk.NodeList.aliases(db, nodeCount: nodeCount)
    var paths = try IndexStreamWalk.NodeList.paths(db, nodeCount: nodeCount)
    let rows = try IndexRows(db, sql: IndexStreamWalk.nodesSQL)
    var order = IndexStreamWalk.NodeOrder()
    var list = ByteStrings()
    var scratch: [UInt8] = []
    var k = 0
    while try rows.next() {
      guard order.accepts(rows) else { return false }
      let num = k + 1
      let id = rows.text(1)
      let status = rows.text(7)

      out.append(k == 0 ? "\n{\"id\":" : ",\n{\"id\":")
      scratch.removeAll(keepingCapacity: true)
      ColumnText.appendJSONQuoted(id, to: &scratch)
      out.bytes.append(contentsOf: scratch)
      scratch.withUnsafeBufferPointer { quotedIDs.append($0) }
      out.append(",\"label\":")
      ColumnText.appendJSONQuoted(rows.text(3), to: &out.bytes)
      out.append(",\"kind\":")
      ColumnText.appendJSONQuoted(rows.text(2), to: &out.bytes)
      if let law = Self.law(kind: rows.text(2), id: id) {
        out.append(",\"law\":\"")
        out.append(law)
        out.append("\"")
      }
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
      guard try aliases.take(node: num, into: &list) else { return false }
      out.append(",\"aliases\":")
      Self.array(&out, list, sort: list.count > 1)
      // Paths in key order, sorted as Swift sorts strings when that order differs.
      guard try paths.take(node: num, into: &list) else { return false }
      out.append(",\"paths\":")
      Self.array(&out, list, sort: !Self.isSorted(list))
      out.append("}")
      out.flushIfFull()
      k += 1
      advance()
    }
    // Aliases or paths of nodes that do not exist: the general path decides what they mean.
    return k == nodeCount && aliases.isDone && paths.isDone
  }

  private mutating func edges(_ out: inout ExportBytes, quotedIDs: ByteStrings) throws -> Bool {
    var evidence = try IndexStreamWalk.EdgeEvidence(db)
    let rows = try IndexRows(db, sql: IndexStreamWalk.edgesSQL)
    var order = IndexStreamWalk.EdgeOrder(nodeCount: nodeCount)
    var copies: [Int] = []
    var written = 0
    while try rows.next() {
      // The loader reports a damaged edge.
      guard let relation = order.relation(rows), try evidence.take(edge: rows.int(0)) else { return false }
      let source = rows.int(1)
      let target = rows.int(2)

      out.append(written == 0 ? "\n{\"source\":" : ",\n{\"source\":")
      quotedIDs.with(source - 1) { out.bytes.append(contentsOf: $0) }
      out.append(",\"target\":")
      quotedIDs.with(target - 1) { out.bytes.append(contentsOf: $0) }
      out.bytes.append(contentsOf: Self.relationJSON[relation.position])
      out.append(Self.weight(evidence.keys))
      // As `ExportText.origin`: text when there is no evidence.
      out.bytes.append(contentsOf: Self.originJSON[Self.sourceIndex(evidence.origin ?? .text)])
      Self.copies(evidence.keys, into: &copies)
      for i in 0..<evidence.count {
        out.append(i == 0 ? "{\"path\":" : ",{\"path\":")
        evidence.keys.with(2 * i) { ColumnText.appendJSONQuoted($0, to: &out.bytes) }
        if let line = evidence.lines[i] {
          out.append(",\"line\":")
          out.append(line)
        }
        out.append(",\"start\":")
        out.append(evidence.starts[i])
        out.append(",\"end\":")
        out.append(evidence.ends[i])
        out.append(",\"text\":")
        evidence.keys.with(2 * i + 1) { ColumnText.appendJSONQuoted($0, to: &out.bytes) }
        out.bytes.append(contentsOf: Self.sourceJSON[Self.sourceIndex(evidence.sources[i])])
        // As `EvidenceCopies.copyOf`: a row from a copy names the file it copies.
        if copies[i] >= 0 {
          out.bytes.removeLast()  // the closing brace of sourceJSON
          out.append(",\"copy_of\":")
          evidence.keys.with(2 * copies[i]) { ColumnText.appendJSONQuoted($0, to: &out.bytes) }
          out.append("}")
        }
      }
      out.append("]}")
      out.flushIfFull()
      written += 1
      advance()
    }
    // Evidence of an edge that does not exist: the general path decides what it means.
    return written == edgeCount && evidence.isDone
  }

  /// `Node.law` of a node of kind `kind` with id `id`.
  static func law(kind: UnsafeBufferPointer<UInt8>, id: UnsafeBufferPointer<UInt8>) -> String? {
    guard bwbBytes.withUnsafeBufferPointer({ ColumnText.equal($0, kind) }) else { return nil }
    func hasPrefix(_ prefix: String) -> Bool {
      if ColumnText.isPlain(id) {
        let p = Array(prefix.utf8)
        return id.count >= p.count && p.withUnsafeBufferPointer { ColumnText.compare($0, UnsafeBufferPointer(rebasing: id[0..<p.count])) == 0 }
      }
      return ColumnText.string(id).hasPrefix(prefix)
    }
    if hasPrefix("CELEX:") { return "EU" }
    if hasPrefix("BWBV") { return "treaty" }
    return "NL"
  }

  private static let bwbBytes = Array(ReferenceKind.bwb.rawValue.utf8)

  /// `EvidenceCopies.copyOf` of evidence whose (path, text) pairs are `keys`, sorted by path (as
  /// the stream checks): for each row the row whose path it copies, or -1.
  static func copies(_ keys: ByteStrings, into result: inout [Int]) {
    let count = keys.count / 2
    result.removeAll(keepingCapacity: true)
    result.append(contentsOf: repeatElement(-1, count: count))
    guard count > 1 else { return }
    var samePath = true
    keys.with(0) { first in
      for i in 1..<count where !keys.with(2 * i, { ColumnText.equal(first, $0) }) {
        samePath = false
        break
      }
    }
    if samePath { return }
    if (0..<count).allSatisfy({ keys.with(2 * $0) { ColumnText.isPlain($0) } }) {
      func stem(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let dot = p.lastIndex(of: UInt8(ascii: ".")) else { return p }
        if let slash = p.lastIndex(of: UInt8(ascii: "/")), slash > dot { return p }
        return UnsafeBufferPointer(rebasing: p[0..<dot])
      }
      // Rows come sorted by path, and byte order is string order here: the first row of each
      // stem holds its smallest path, the one the others copy. A row of the path before it
      // copies what that row copies (a file's rows come together).
      var firsts: [Int] = []
      for i in 0..<count {
        if i > 0, keys.with(2 * i, { path in keys.with(2 * (i - 1)) { ColumnText.equal(path, $0) } }) {
          result[i] = result[i - 1]
          continue
        }
        let found = keys.with(2 * i) { path in
          let own = stem(path)
          return firsts.first { f in keys.with(2 * f) { ColumnText.compare(stem($0), own) == 0 } }
        }
        guard let f = found else {
          firsts.append(i)
          continue
        }
        if keys.with(2 * f, { first in keys.with(2 * i) { ColumnText.compare(first, $0) != 0 } }) { result[i] = f }
      }
      return
    }
    let paths = (0..<count).map { keys.string(2 * $0) }
    let originals = EvidenceCopies.copyOf(
      paths.map { Evidence(path: $0, line: nil, start: 0, end: 0, text: "", source: .text) })
    for (i, original) in originals.enumerated() {
      if let original { result[i] = paths.firstIndex(of: original) ?? -1 }
    }
  }

  /// `Edge.weight` of evidence whose (path, text) pairs are `keys`.
  static func weight(_ keys: ByteStrings) -> Int {
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
    if (0..<(2 * count)).allSatisfy({ keys.with($0) { ColumnText.isPlain($0) } }) {
      // Two rows in two files (the commonest case after one row): one copy of the other's
      // evidence when stem and text agree, else two groups of one.
      if count == 2 {
        let sameStem = keys.with(0) { a in keys.with(2) { b in ColumnText.compare(plainStem(a), plainStem(b)) == 0 } }
        let sameText = keys.with(1) { a in keys.with(3) { b in ColumnText.compare(a, b) == 0 } }
        return sameStem && sameText ? 1 : 2
      }
      return max(1, weightOfPlainCopies(keys, count: count))
    }
    var evidence: [Evidence] = []
    for i in 0..<count {
      evidence.append(
        Evidence(path: keys.string(2 * i), line: nil, start: 0, end: 0, text: keys.string(2 * i + 1), source: .text))
    }
    return max(1, Edge.weightAcrossCopies(evidence))
  }

  /// The path without its extension (as `weightOfPlainCopies` groups copies).
  private static func plainStem(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard let dot = p.lastIndex(of: UInt8(ascii: ".")) else { return p }
    if let slash = p.lastIndex(of: UInt8(ascii: "/")), slash > dot { return p }
    return UnsafeBufferPointer(rebasing: p[0..<dot])
  }

  /// `Edge.weightAcrossCopies` on ASCII bytes (where byte equality is string equality): per
  /// (stem of the path, text), the count of the path with the most such evidence, summed.
  private static func weightOfPlainCopies(_ keys: ByteStrings, count: Int) -> Int {
    func stem(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
      guard let dot = p.lastIndex(of: UInt8(ascii: ".")) else { return p }
      if let slash = p.lastIndex(of: UInt8(ascii: "/")), slash > dot { return p }
      return UnsafeBufferPointer(rebasing: p[0..<dot])
    }
    /// (stem, text, path) compared byte-wise.
    func order(_ a: Int, _ b: Int) -> Int {
      keys.with(2 * a) { pa in
        keys.with(2 * b) { pb in
          let c = ColumnText.compare(stem(pa), stem(pb))
          if c != 0 { return c }
          let t = keys.with(2 * a + 1) { ta in keys.with(2 * b + 1) { tb in ColumnText.compare(ta, tb) } }
          if t != 0 { return t }
          return ColumnText.compare(pa, pb)
        }
      }
    }
    func sameGroup(_ a: Int, _ b: Int) -> Bool {
      keys.with(2 * a) { pa in
        keys.with(2 * b) { pb in
          ColumnText.compare(stem(pa), stem(pb)) == 0
            && keys.with(2 * a + 1) { ta in keys.with(2 * b + 1) { tb in ColumnText.compare(ta, tb) == 0 } }
        }
      }
    }
    let sorted = (0..<count).sorted { order($0, $1) < 0 }
    var total = 0
    var i = 0
    while i < count {
      // One (stem, text) group: runs of one path in it.
      var best = 0
      var j = i
      while j < count, sameGroup(sorted[i], sorted[j]) {
        var k = j
        while k < count, order(sorted[j], sorted[k]) == 0 { k += 1 }
        best = max(best, k - j)
        j = k
      }
      total += best
      i = j
    }
    return total
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
  static func isSorted(_ items: ByteStrings) -> Bool {
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

  static func isNodeStatus(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    statuses.contains { s in s.withUnsafeBufferPointer { ColumnText.compare($0, bytes) == 0 } }
  }

  private static let relations: [(bytes: [UInt8], relation: Relation)] = Relation.allCases.map {
    (Array($0.rawValue.utf8), $0)
  }

  static func relation(_ bytes: UnsafeBufferPointer<UInt8>) -> Relation? {
    for r in relations where r.bytes.withUnsafeBufferPointer({ ColumnText.compare($0, bytes) == 0 }) {
      return r.relation
    }
    return nil
  }

  /// `,"key":"R","relation":"R","weight":` by `Relation.position`.
  private static let relationJSON: [[UInt8]] = Relation.allCases.map {
    Array(",\"key\":\"\($0.rawValue)\",\"relation\":\"\($0.rawValue)\",\"weight\":".utf8)
  }
  private static let allSources: [EvidenceSource] = [.metadata, .xmlLink, .text]
  /// `,"origin":"S","evidence":[` by `sourceIndex`.
  private static let originJSON: [[UInt8]] = allSources.map {
    Array(",\"origin\":\"\($0.rawValue)\",\"evidence\":[".utf8)
  }
  /// `,"source":"S"}` by `sourceIndex`.
  private static let sourceJSON: [[UInt8]] = allSources.map { Array(",\"source\":\"\($0.rawValue)\"}".utf8) }

  static func sourceIndex(_ s: EvidenceSource) -> Int {
    switch s {
    case .metadata: return 0
    case .xmlLink: return 1
    case .text: return 2
    }
  }

  private static let metadataBytes = Array(EvidenceSource.metadata.rawValue.utf8)
  private static let xmlLinkBytes = Array(EvidenceSource.xmlLink.rawValue.utf8)

  /// As the loader reads it: an unknown source is `.text`.
  static func evidenceSource(_ bytes: UnsafeBufferPointer<UInt8>) -> EvidenceSource {
    if metadataBytes.withUnsafeBufferPointer({ ColumnText.compare($0, bytes) == 0 }) { return .metadata }
    if xmlLinkBytes.withUnsafeBufferPointer({ ColumnText.compare($0, bytes) == 0 }) { return .xmlLink }
    return .text
  }
}
