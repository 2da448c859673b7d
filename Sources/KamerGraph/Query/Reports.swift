import GRDB

/// A mention that did not resolve to one document, as `unresolved` lists it.
public struct UnresolvedMention: Sendable, Hashable {
  public var path: String
  public var line: Int
  public var column: Int
  public var kind: String
  public var text: String
  public var status: MentionStatus
  public var reason: String?
  /// The ids it could mean (the candidates of an ambiguous mention).
  public var ids: [String]
}

/// Counts of what the index holds, as `stats` prints them; every list sorted by name.
public struct IndexStats: Sendable, Hashable {
  public var files: Int
  public var nodes: Int
  public var edges: Int
  public var mentions: Int
  public var nodesByKind: [NamedCount]
  public var nodesByStatus: [NamedCount]
  public var edgesByRelation: [NamedCount]
  public var mentionsByStatus: [NamedCount]
}

/// A name with how often it occurs, one row of `stats`.
public struct NamedCount: Sendable, Hashable {
  public var name: String
  public var count: Int
  public init(name: String, count: Int) {
    self.name = name
    self.count = count
  }
}

extension GraphIndex {
  /// Every mention whose status is unresolved or ambiguous, with its reason, sorted by file and offset.
  public func unresolved() throws(IndexError) -> [UnresolvedMention] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.path, o.line, o."column", o.kind, o.text, o.status, o.reason, o.ids
          FROM mention_open o JOIN mention_files f ON f.num = o.file ORDER BY f.path, o.start, o."end", o.file, o.seq
          """
      ).map { row in
        let ids: String = row[7]
        return UnresolvedMention(
          path: row[0], line: row[1], column: row[2], kind: row[3], text: row[4],
          status: MentionStatus(rawValue: row[5]) ?? .unresolved, reason: row[6],
          ids: ids.split(separator: " ").map(String.init))
      }
    }
  }

  /// Counts by node kind and status, edge relation and mention status.
  public func stats() throws(IndexError) -> IndexStats {
    try read { db in
      func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
      func grouped(_ table: String, _ column: String) throws -> [NamedCount] {
        try Row.fetchAll(
          db, sql: "SELECT \(column), count(*) FROM \(table) GROUP BY \(column) ORDER BY \(column)"
        ).map { NamedCount(name: $0[0], count: $0[1]) }
      }
      return IndexStats(
        files: try count("files"), nodes: try count("nodes"), edges: try count("edges"),
        mentions: try Int.fetchOne(db, sql: "SELECT coalesce(sum(count), 0) FROM mention_counts") ?? 0, nodesByKind: try grouped("nodes", "kind"),
        nodesByStatus: try grouped("nodes", "status"), edgesByRelation: try grouped("edges", "relation"),
        mentionsByStatus: try Row.fetchAll(
          db, sql: "SELECT status, count FROM mention_counts WHERE count > 0 ORDER BY status"
        ).map { NamedCount(name: $0[0], count: $0[1]) })
    }
  }
}
