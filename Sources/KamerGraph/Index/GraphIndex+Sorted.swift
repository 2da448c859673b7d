import GRDB

extension GraphIndex {
  /// The stored graph without its mentions, in the order the writers want (`SortedGraph`), read in
  /// one pass over each table: nodes in number order (numbers follow id order), aliases and paths
  /// into arrays by node number, edges in number order (which is (source, target, relation)
  /// order) with their evidence consumed in row order alongside. Nothing is hashed and nothing is
  /// sorted unless the tables are out of the order `commit` writes them in; then, and for an index
  /// whose graph is not in that order at all, the graph comes from `loadGraph` as before, so the
  /// exported bytes are the same either way. An index that was never committed gives an empty graph.
  public func loadSortedGraph(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(IndexError) -> SortedGraph {
    let indexPath = path
    let loaded: SortedGraph? = try read { db in
      guard
        let counts = try Row.fetchOne(
          db,
          sql: """
            SELECT (SELECT min(num) FROM nodes), (SELECT max(num) FROM nodes), (SELECT count(*) FROM nodes),
              (SELECT count(*) FROM edges)
            """)
      else { return nil }
      let minNum: Int? = counts[0]
      let maxNum: Int? = counts[1]
      let nodeCount: Int = counts[2]
      let edgeCount: Int = counts[3]
      // Numbers are exactly 1...count when `commit` wrote them; anything else takes the general path.
      guard nodeCount == 0 || (minNum == 1 && maxNum == nodeCount) else { return nil }
      let total = nodeCount + edgeCount
      var done = 0
      progress?(0, total)
      func advance() {
        done += 1
        if done & 0x3FFF == 0 { progress?(done, total) }
      }

      var aliases = [[String]](repeating: [], count: nodeCount)
      let names = try Row.fetchCursor(db, sql: "SELECT node, name FROM names WHERE is_alias = 1")
      while let row = try names.next() {
        let num: Int = row[0]
        guard num >= 1, num <= nodeCount else { return nil }
        aliases[num - 1].append(row[1])
      }
      var paths = [[String]](repeating: [], count: nodeCount)
      // node_paths is keyed by (node, path): a scan gives each node's paths sorted.
      let pathRows = try Row.fetchCursor(db, sql: "SELECT node, path FROM node_paths")
      while let row = try pathRows.next() {
        let num: Int = row[0]
        guard num >= 1, num <= nodeCount else { return nil }
        paths[num - 1].append(row[1])
      }

      var nodes: [Node] = []
      nodes.reserveCapacity(nodeCount)
      let nodeRows = try Row.fetchCursor(
        db, sql: "SELECT num, id, kind, label, date, vergaderjaar, ministry, status, url FROM nodes ORDER BY num")
      while let row = try nodeRows.next() {
        let id: String = row[1]
        let statusText: String = row[7]
        guard let status = NodeStatus(rawValue: statusText) else {
          throw IndexError.corruptRow(path: indexPath, file: id, reason: "unknown node status \(statusText)")
        }
        let k = nodes.count
        var nodeAliases = aliases[k]
        aliases[k] = []
        if nodeAliases.count > 1 { nodeAliases.sort() }
        var nodePaths = paths[k]
        paths[k] = []
        if !Self.isSorted(nodePaths) { nodePaths.sort() }
        nodes.append(
          Node(
            id: id, kind: row[2], label: row[3], date: row[4], vergaderjaar: row[5], ministry: row[6], status: status,
            url: row[8], aliases: nodeAliases, paths: nodePaths))
        advance()
      }

      // Evidence rows were written edge after edge, each edge's sorted; read in row order they
      // meet the edges in number order (a merge join). Rows of an edge that comes later wait in
      // `pending`; an edge whose rows came earlier than its turn is out of order: general path.
      let evidenceRows = try Row.fetchCursor(
        db, sql: "SELECT edge, path, line, start, \"end\", text, source FROM evidence ORDER BY rowid")
      var pendingEdge: Int64 = 0
      var pending: Evidence?
      var edges: [Edge] = []
      var sources: [Int32] = []
      var targets: [Int32] = []
      edges.reserveCapacity(edgeCount)
      sources.reserveCapacity(edgeCount)
      targets.reserveCapacity(edgeCount)
      var previousNum: Int64 = 0
      let edgeRows = try Row.fetchCursor(db, sql: "SELECT num, source, target, relation FROM edges ORDER BY num")
      while let row = try edgeRows.next() {
        let num: Int64 = row[0]
        let source: Int = row[1]
        let target: Int = row[2]
        let relationText: String = row[3]
        guard let relation = Relation(rawValue: relationText), source >= 1, source <= nodeCount, target >= 1,
          target <= nodeCount
        else {
          throw IndexError.corruptRow(path: indexPath, file: "edges", reason: "edge \(num) is damaged")
        }
        guard num > previousNum, pending == nil || pendingEdge >= num else { return nil }
        previousNum = num
        var evidence: [Evidence] = []
        if let first = pending, pendingEdge == num {
          evidence.append(first)
          pending = nil
        }
        while pending == nil, let e = try evidenceRows.next() {
          let edge: Int64 = e[0]
          let sourceText: String = e[6]
          let item = Evidence(
            path: e[1], line: Self.evidenceLine(e[2]), start: e[3], end: e[4], text: e[5],
            source: EvidenceSource(rawValue: sourceText) ?? .text)
          if edge == num {
            evidence.append(item)
          } else if edge > num {
            pendingEdge = edge
            pending = item
          } else {
            return nil
          }
        }
        if !Self.isStrictlySorted(evidence) {
          // As `CitationGraph.add` keeps evidence: sorted, adjacent duplicates dropped.
          evidence.sort()
          var unique: [Evidence] = []
          for ev in evidence where unique.last != ev { unique.append(ev) }
          evidence = unique
        }
        edges.append(
          Edge(source: nodes[source - 1].id, target: nodes[target - 1].id, relation: relation, evidence: evidence))
        sources.append(Int32(source - 1))
        targets.append(Int32(target - 1))
        advance()
      }
      // Evidence of an edge that does not exist: the general path decides what it means.
      let extra = try evidenceRows.next()
      if pending != nil || extra != nil { return nil }
      progress?(total, total)
      return SortedGraph(nodes: nodes, edges: edges, sources: sources, targets: targets)
    }
    if let loaded { return loaded }
    return try Self.sorted(loadGraph(), indexPath: indexPath)
  }

  /// `graph` (without its mentions) as a `SortedGraph`: the general path of `loadSortedGraph`.
  private static func sorted(_ graph: CitationGraph, indexPath: String) throws(IndexError) -> SortedGraph {
    let nodes = graph.nodes
    var numbers: [String: Int32] = [:]
    numbers.reserveCapacity(nodes.count)
    for (i, node) in nodes.enumerated() { numbers[node.id] = Int32(i) }
    let edges = graph.edges
    var sources: [Int32] = []
    var targets: [Int32] = []
    for edge in edges {
      guard let s = numbers[edge.source], let t = numbers[edge.target] else {
        throw .corruptRow(path: indexPath, file: "edges", reason: "an edge names a node the index does not hold")
      }
      sources.append(s)
      targets.append(t)
    }
    guard let sorted = SortedGraph(nodes: nodes, edges: edges, sources: sources, targets: targets) else {
      throw .corruptRow(path: indexPath, file: "edges", reason: "the stored edges cannot be put in order")
    }
    return sorted
  }

  private static func isSorted(_ strings: [String]) -> Bool {
    for i in strings.indices.dropFirst() where strings[i] < strings[i - 1] { return false }
    return true
  }

  private static func isStrictlySorted(_ evidence: [Evidence]) -> Bool {
    for i in evidence.indices.dropFirst() where !(evidence[i - 1] < evidence[i]) { return false }
    return true
  }
}
