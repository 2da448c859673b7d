import GRDB

/// The graph stored in an index, one node and one edge at a time, as `loadSortedGraph` would build
/// them, for the writers that want whole `Node` and `Edge` values (GEXF, DOT) but not the whole
/// graph: only the node ids (and what a format needs per node) are kept. The walk checks the order
/// of `IndexStreamWalk`; each pass answers false when the tables are not in commit order, and the
/// writer then loads the graph the general way (so the bytes and the errors are the same).
struct IndexGraphStream {
  let db: Database
  let nodeCount: Int
  let edgeCount: Int

  /// Nil when the node numbers are not 1...count (the general path decides what they mean).
  init?(db: Database) throws {
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
  }

  /// Each node in number order (index from 0) as the loader builds it; false when the tables are
  /// not in commit order (some nodes may have been passed to `body` by then).
  func nodes(_ body: (_ index: Int, _ node: Node) throws -> Void) throws -> Bool {
    var aliases = try IndexStreamWalk.NodeList.aliases(db, nodeCount: nodeCount)
    var paths = try IndexStreamWalk.NodeList.paths(db, nodeCount: nodeCount)
    let rows = try IndexRows(db, sql: IndexStreamWalk.nodesSQL)
    var order = IndexStreamWalk.NodeOrder()
    var list = ByteStrings()
    var k = 0
    func optional(_ i: Int32) -> String? { rows.isNull(i) ? nil : ColumnText.string(rows.text(i)) }
    while try rows.next() {
      guard order.accepts(rows), let status = NodeStatus(rawValue: ColumnText.string(rows.text(7))) else {
        return false
      }
      let num = k + 1
      // Aliases sorted when there are several, paths when they are not in order (as the loader).
      guard try aliases.take(node: num, into: &list) else { return false }
      var nodeAliases = (0..<list.count).map { list.string($0) }
      if nodeAliases.count > 1 { nodeAliases.sort() }
      guard try paths.take(node: num, into: &list) else { return false }
      var nodePaths = (0..<list.count).map { list.string($0) }
      if !JSONIndexStream.isSorted(list) { nodePaths.sort() }
      let node = Node(
        id: ColumnText.string(rows.text(1)), kind: ColumnText.string(rows.text(2)),
        label: ColumnText.string(rows.text(3)), date: optional(4), vergaderjaar: optional(5), ministry: optional(6),
        status: status, url: optional(8), aliases: nodeAliases, paths: nodePaths)
      try body(k, node)
      k += 1
    }
    // Aliases or paths of nodes that do not exist: the general path decides what they mean.
    return k == nodeCount && aliases.isDone && paths.isDone
  }

  /// Each edge in number order (index from 0) with the node indices of its ends and its relation;
  /// `body` asks for the `Edge` itself with `edge(ids:source:target:relation:evidence:)` when it
  /// wants it. False when the tables are not in commit order.
  func edges(
    _ body: (
      _ index: Int, _ source: Int, _ target: Int, _ relation: Relation, _ evidence: IndexStreamWalk.EdgeEvidence
    ) throws -> Void
  ) throws -> Bool {
    var evidence = try IndexStreamWalk.EdgeEvidence(db)
    let rows = try IndexRows(db, sql: IndexStreamWalk.edgesSQL)
    var order = IndexStreamWalk.EdgeOrder(nodeCount: nodeCount)
    var k = 0
    while try rows.next() {
      guard let relation = order.relation(rows), try evidence.take(edge: rows.int(0)) else { return false }
      try body(k, rows.int(1) - 1, rows.int(2) - 1, relation, evidence)
      k += 1
    }
    // Evidence of an edge that does not exist: the general path decides what it means.
    return k == edgeCount && evidence.isDone
  }

  /// The edge from node `source` to node `target` (indices into `ids`) with `evidence` (already
  /// in `Evidence` order, as the walk checks), as the loader builds it.
  static func edge(
    ids: [String], source: Int, target: Int, relation: Relation, evidence: IndexStreamWalk.EdgeEvidence
  ) -> Edge {
    var items: [Evidence] = []
    items.reserveCapacity(evidence.count)
    for i in 0..<evidence.count {
      items.append(
        Evidence(
          path: evidence.keys.string(2 * i), line: evidence.lines[i], start: evidence.starts[i], end: evidence.ends[i],
          text: evidence.keys.string(2 * i + 1), source: evidence.sources[i]))
    }
    return Edge(source: ids[source], target: ids[target], relation: relation, evidence: items)
  }

  /// The node ids in number order (a NULL id as ""; the node walk then gives up).
  func ids() throws -> [String] {
    var ids: [String] = []
    ids.reserveCapacity(nodeCount)
    let rows = try IndexRows(db, sql: "SELECT id FROM nodes ORDER BY num")
    while try rows.next() { ids.append(ColumnText.string(rows.text(0))) }
    return ids
  }

  /// In-degree plus out-degree by node index, from the edge ends alone; nil when an end is not a
  /// node (the walk then gives up too).
  func degrees() throws -> [Int]? {
    var degree = [Int](repeating: 0, count: nodeCount)
    let rows = try IndexRows(db, sql: "SELECT source, target FROM edges")
    while try rows.next() {
      let source = rows.int(0)
      let target = rows.int(1)
      guard source >= 1, source <= nodeCount, target >= 1, target <= nodeCount else { return nil }
      degree[source - 1] += 1
      degree[target - 1] += 1
    }
    return degree
  }
}

extension GEXFWriter {
  /// Writes the GEXF of the graph stored in `index` to the file at `path` in chunks and returns
  /// its size: the same bytes as for `index.loadSortedGraph()`, streamed from the tables one node
  /// and edge at a time (issue 21: loading the graph took 719 MB at 100k documents). Throws
  /// `IndexError` when the index cannot be read, `ExportError` when the file cannot be written.
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
  ) throws -> Bool {
    let streamed = try index.read { db -> Bool in
      guard let stream = try IndexGraphStream(db: db) else { return false }
      return try write(stream, name: name, into: &out, progress: progress)
    }
    if streamed { return true }
    out.restart()
    try write(ExportGraph(try index.loadSortedGraph(progress: progress)), name: name, into: &out)
    return false
  }

  /// The streamed document into `out`; false (part of it written) when the tables are not in
  /// commit order.
  private func write(
    _ stream: IndexGraphStream, name: String, into out: inout ExportBytes,
    progress: ((_ done: Int, _ total: Int) -> Void)?
  ) throws -> Bool {
    let total = stream.nodeCount + stream.edgeCount
    progress?(0, total)
    guard let degree = try stream.degrees() else { return false }
    head(name: name, nodeCount: stream.nodeCount, into: &out)
    var ids: [String] = []
    var starts: [String?] = []
    ids.reserveCapacity(stream.nodeCount)
    starts.reserveCapacity(stream.nodeCount)
    let nodesDone = try stream.nodes { n, node in
      let start = Self.start(node)
      self.node(node, start: start, degree: degree[n], into: &out)
      ids.append(node.id)
      starts.append(start)
      if n & 0x3FFF == 0x3FFF { progress?(n + 1, total) }
    }
    guard nodesDone else { return false }
    middle(nodeCount: stream.nodeCount, edgeCount: stream.edgeCount, into: &out)
    let edgesDone = try stream.edges { index, source, target, relation, evidence in
      let e = IndexGraphStream.edge(ids: ids, source: source, target: target, relation: relation, evidence: evidence)
      edge(e, index: index, start: starts[source], into: &out)
      if index & 0x3FFF == 0x3FFF { progress?(stream.nodeCount + index + 1, total) }
    }
    guard edgesDone else { return false }
    tail(edgeCount: stream.edgeCount, into: &out)
    progress?(total, total)
    return true
  }
}

extension DOTWriter {
  /// Writes the DOT of the graph stored in `index` to the file at `path` in chunks and returns
  /// its size: the same bytes as for `index.loadSortedGraph()`, streamed from the tables one node
  /// and edge at a time (the edges twice: story edges, then mentions). With clusters the nodes
  /// are grouped first, so the graph is loaded as before.
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

  /// Writes the document into `out`; true when it was streamed from the tables, false when the
  /// loaded graph was written instead (what was already written is dropped first).
  @discardableResult
  func write(
    index: GraphIndex, name: String, into out: inout ExportBytes,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> Bool {
    let streamed =
      try options.clusterBy == .none
      && index.read { db -> Bool in
        guard let stream = try IndexGraphStream(db: db) else { return false }
        return try write(stream, name: name, into: &out, progress: progress)
      }
    if streamed { return true }
    out.restart()
    write(ExportGraph(try index.loadSortedGraph(progress: progress)), name: name, into: &out)
    return false
  }

  /// The streamed document (without clusters) into `out`; false (part of it written) when the
  /// tables are not in commit order.
  private func write(
    _ stream: IndexGraphStream, name: String, into out: inout ExportBytes,
    progress: ((_ done: Int, _ total: Int) -> Void)?
  ) throws -> Bool {
    let total = stream.nodeCount + 2 * stream.edgeCount
    progress?(0, total)
    head(name: name, into: &out)
    var ids: [String] = []
    ids.reserveCapacity(stream.nodeCount)
    var kinds = Set<String>()
    let nodesDone = try stream.nodes { n, node in
      out.append("  ")
      self.node(node, index: n, label: Self.label(for: node, limit: options.dotLabelLimit), into: &out)
      out.flushIfFull()
      ids.append(node.id)
      kinds.insert(node.kind)
      if n & 0x3FFF == 0x3FFF { progress?(n + 1, total) }
    }
    guard nodesDone else { return false }
    // Story edges first (Graphviz lays out and draws in statement order), mentions last.
    for pass in 0..<2 {
      let done = try stream.edges { index, source, target, relation, evidence in
        guard (relation == .mentions) == (pass == 1) else { return }
        let e = IndexGraphStream.edge(ids: ids, source: source, target: target, relation: relation, evidence: evidence)
        edge(e, source: source, target: target, into: &out)
        if index & 0x3FFF == 0x3FFF { progress?(stream.nodeCount + pass * stream.edgeCount + index + 1, total) }
      }
      guard done else { return false }
    }
    legend(kinds: kinds, into: &out)
    out.append("}\n")
    progress?(total, total)
    return true
  }
}

extension GraphMLWriter {
  /// Writes the GraphML of the graph stored in `index` to the file at `path` in chunks and returns
  /// its size: the same bytes as for `index.loadSortedGraph()`, streamed from the tables one node
  /// and edge at a time (the node ids are read first, so a collision of their XML ids is found
  /// before the file is made). Throws `IndexError` when the index cannot be read, `ExportError`
  /// when the file cannot be written.
  @discardableResult
  public func write(
    index: GraphIndex, name: String, toFile path: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> Int {
    try writeFile(index: index, name: name, toFile: path, progress: progress).size
  }

  /// `write(index:name:toFile:progress:)`, and whether the document was streamed from the tables
  /// (false: they were not in commit order or two ids became one XML id, and the loaded graph
  /// was written, or its error thrown).
  func writeFile(
    index: GraphIndex, name: String, toFile path: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> (size: Int, streamed: Bool) {
    let streamed = try index.read { db -> Int? in
      guard let stream = try IndexGraphStream(db: db) else { return nil }
      return try write(stream, name: name, toFile: path, progress: progress)
    }
    if let streamed { return (streamed, true) }
    return (try write(ExportGraph(try index.loadSortedGraph(progress: progress)), name: name, toFile: path), false)
  }

  /// The streamed document in the file at `path`, its size; nil (part of it written) when the
  /// tables are not in commit order or two ids become one XML id.
  private func write(
    _ stream: IndexGraphStream, name: String, toFile path: String, progress: ((_ done: Int, _ total: Int) -> Void)?
  ) throws -> Int? {
    let total = stream.nodeCount + stream.edgeCount
    progress?(0, total)
    let nodeIDs = try stream.ids()
    guard let xmlIDs = try? ExportText.xmlIDs(ids: nodeIDs), let degree = try stream.degrees() else { return nil }
    do {
      let tokens = try XMLWriter.Tokens(xmlIDs)
      let w = try XMLWriter(file: path, indent: false)
      try head(name: name, into: w)
      let nodesDone = try stream.nodes { n, node in
        try self.node(node, index: n, degree: degree[n], tokens: tokens, into: w)
        if n & 0x3FFF == 0x3FFF { progress?(n + 1, total) }
      }
      guard nodesDone else { return nil }
      let edgesDone = try stream.edges { index, source, target, relation, evidence in
        let e = IndexGraphStream.edge(ids: nodeIDs, source: source, target: target, relation: relation, evidence: evidence)
        try edge(e, index: index, source: source, target: target, tokens: tokens, into: w)
        if index & 0x3FFF == 0x3FFF { progress?(stream.nodeCount + index + 1, total) }
      }
      guard edgesDone else { return nil }
      try tail(into: w)
      let size = try w.finishFile()
      progress?(total, total)
      return size
    } catch let error as XMLWriterError {
      if let reason = error.fileFailure { throw ExportError.io(path: path, reason: reason) }
      throw ExportError.xmlWriter(file: path, call: error.call)
    }
  }
}
