import GRDB

/// An edge as `show` prints it: the node at the other end, and every piece of evidence.
public struct ShownEdge: Sendable, Hashable {
  public var relation: Relation
  /// True for an edge leaving the shown node.
  public var outgoing: Bool
  public var other: NodeSummary
  public var weight: Int
  public var evidence: [Evidence]
}

/// The answer of `show`: a node with its aliases, attributes, files and edges.
public struct ShowResult: Sendable, Hashable {
  public var node: Node
  /// Outgoing edges first, then incoming; each sorted by the other node's id, then relation.
  public var edges: [ShownEdge]
}

extension GraphIndex {
  /// The node `id` names, with its aliases, attributes, source files and every edge with its
  /// evidence (file, line, offsets, quoted text).
  public func show(_ id: String) throws(IndexError) -> ShowResult {
    let indexPath = path
    return try read { db in
      let num = try Self.lookup(id, in: db, indexPath: indexPath)
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT id, kind, label, date, vergaderjaar, ministry, status, url FROM nodes WHERE num = ?",
          arguments: [num])
      else { throw IndexError.readFailed(path: indexPath, reason: "node \(num) vanished") }
      let aliases = try String.fetchAll(
        db, sql: "SELECT name FROM names WHERE node = ? AND is_alias = 1 ORDER BY name", arguments: [num])
      let paths = try String.fetchAll(
        db, sql: "SELECT path FROM node_paths WHERE node = ? ORDER BY path", arguments: [num])
      let node = Node(
        id: row[0], kind: row[1], label: row[2], date: row[3], vergaderjaar: row[4], ministry: row[5],
        status: NodeStatus(rawValue: row[6]) ?? .external, url: row[7], aliases: aliases, paths: paths)

      var edges: [ShownEdge] = []
      for outgoing in [true, false] {
        let sql =
          outgoing
          ? "SELECT num, target, relation, weight FROM edges WHERE source = ? ORDER BY target, relation"
          : "SELECT num, source, relation, weight FROM edges WHERE target = ? ORDER BY source, relation"
        for edge in try Row.fetchAll(db, sql: sql, arguments: [num]) {
          let evidence = try Row.fetchAll(
            db,
            sql: """
              SELECT path, line, start, "end", text, source FROM evidence WHERE edge = ?
              ORDER BY path, start, "end", text, source
              """, arguments: [edge[0] as Int64]
          ).map {
            Evidence(
              path: $0[0], line: Self.evidenceLine($0[1]), start: $0[2], end: $0[3], text: $0[4],
              source: EvidenceSource(rawValue: $0[5]) ?? .text)
          }
          edges.append(
            ShownEdge(
              relation: Relation(rawValue: edge[2]) ?? .mentions, outgoing: outgoing,
              other: try Self.summary(edge[1], in: db), weight: edge[3], evidence: evidence))
        }
      }
      return ShowResult(node: node, edges: edges)
    }
  }
}
