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
    let terms = Self.ftsTerms(text)
    guard !terms.isEmpty else {
      throw .invalidArgument(name: "TEXT", value: text, reason: "it has no letters or digits to search for")
    }
    guard terms.count <= Self.maximumSearchTerms else {
      throw .invalidArgument(
        name: "TEXT", value: String(text.prefix(60)) + (text.count > 60 ? "…" : ""),
        reason: "it has \(terms.count) different words; a search takes at most \(Self.maximumSearchTerms) "
          + "(every word must occur, so a few distinctive words find more)")
    }
    // Built once, used for both tables.
    let query = terms.joined(separator: " ")
    return try read { db in
      var hits: [SearchHit] = []
      var seen: Set<Int64> = []
      // Ranked first, then snippets for the `limit` best rows only (a snippet costs a pass over
      // the row's text for every word).
      let labelRows = try Row.fetchAll(
        db,
        sql: """
          WITH top AS (
            SELECT rowid AS num, bm25(node_fts) AS r FROM node_fts WHERE node_fts MATCH ?1 ORDER BY r, rowid LIMIT ?2)
          SELECT top.num, top.r, snippet(node_fts, 0, '[', ']', '…', 12) FROM top
          JOIN node_fts ON node_fts.rowid = top.num WHERE node_fts MATCH ?1 ORDER BY top.r, top.num
          """, arguments: [query, limit])
      for row in labelRows {
        let num: Int64 = row[0]
        seen.insert(num)
        hits.append(SearchHit(node: try Self.summary(num, in: db), field: "label", snippet: row[2], rank: row[1]))
      }
      let textRows = try Row.fetchAll(
        db,
        sql: """
          WITH top AS (
            SELECT file_fts.rowid AS id, bm25(file_fts) AS r, f.path AS path FROM file_fts
            JOIN files f ON f.id = file_fts.rowid WHERE file_fts MATCH ?1 ORDER BY r, f.path LIMIT ?2)
          SELECT top.path, top.r, snippet(file_fts, 1, '[', ']', '…', 12) FROM top
          JOIN file_fts ON file_fts.rowid = top.id WHERE file_fts MATCH ?1 ORDER BY top.r, top.path
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

  /// The most words a search may have: every word is a required FTS5 phrase, and the cost of
  /// matching, ranking and marking grows with their number.
  public static let maximumSearchTerms = 64

  /// The words of `text` as FTS5 phrases: each quoted (so FTS5 syntax in user input is inert),
  /// all required, each once (in order of first use); a trailing `*` keeps its prefix meaning.
  /// One pass over the text.
  static func ftsTerms(_ text: String) -> [String] {
    var terms: [String] = []
    var seen: Set<String> = []
    var word = ""
    func flush(prefix: Bool) {
      if !word.isEmpty {
        let term = "\"" + word + "\"" + (prefix ? "*" : "")
        // FTS5 folds case: "Defensie defensie" is one word.
        if seen.insert(term.lowercased()).inserted { terms.append(term) }
      }
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
    return terms
  }
}
