import GRDB

/// One hit of `search`.
public struct SearchHit: Sendable, Hashable {
  public var node: NodeSummary
  /// `label` when the node's label or id matched, `text` when the text of one of its files did.
  public var field: String
  /// The matching words in context, marked with `[` and `]`.
  public var snippet: String
  /// SQLite FTS5 bm25 rank: lower is better.
  public var rank: Double
}

extension GraphIndex {
  /// Full-text search (SQLite FTS5, accents folded, case-insensitive) over node labels and ids and
  /// over the text of the indexed files. Every word of `text` must occur; a word ending in `*` is a
  /// prefix. Label hits come before text hits; within each, by bm25 rank, then id.
  public func search(_ text: String, limit: Int = 20) throws(IndexError) -> [SearchHit] {
    let query = Self.ftsQuery(text)
    guard !query.isEmpty else {
      throw .invalidArgument(name: "TEXT", value: text, reason: "it has no letters or digits to search for")
    }
    return try read { db in
      var hits: [SearchHit] = []
      var seen: Set<Int64> = []
      let labelRows = try Row.fetchAll(
        db,
        sql: """
          SELECT rowid, bm25(node_fts) AS r, snippet(node_fts, 0, '[', ']', '…', 12) FROM node_fts
          WHERE node_fts MATCH ? ORDER BY r, rowid LIMIT ?
          """, arguments: [query, limit])
      for row in labelRows {
        let num: Int64 = row[0]
        seen.insert(num)
        hits.append(SearchHit(node: try Self.summary(num, in: db), field: "label", snippet: row[2], rank: row[1]))
      }
      let textRows = try Row.fetchAll(
        db,
        sql: """
          SELECT f.path, bm25(file_fts) AS r, snippet(file_fts, 1, '[', ']', '…', 12) FROM file_fts
          JOIN files f ON f.id = file_fts.rowid WHERE file_fts MATCH ? ORDER BY r, f.path LIMIT ?
          """, arguments: [query, limit])
      for row in textRows {
        let nodes = try Int64.fetchAll(
          db, sql: "SELECT node FROM node_paths WHERE path = ? ORDER BY node", arguments: [row[0] as String])
        for num in nodes where !seen.contains(num) {
          seen.insert(num)
          hits.append(SearchHit(node: try Self.summary(num, in: db), field: "text", snippet: row[2], rank: row[1]))
        }
      }
      return Array(hits.prefix(limit))
    }
  }

  /// The words of `text` as an FTS5 query: each quoted (so FTS5 syntax in user input is inert),
  /// all required; a trailing `*` keeps its prefix meaning.
  static func ftsQuery(_ text: String) -> String {
    var terms: [String] = []
    var word = ""
    func flush(prefix: Bool) {
      if !word.isEmpty { terms.append("\"" + word + "\"" + (prefix ? "*" : "")) }
      word = ""
    }
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        word.unicodeScalars.append(scalar)
      } else {
        flush(prefix: scalar == "*")
      }
    }
    flush(prefix: false)
    return terms.joined(separator: " ")
  }
}
