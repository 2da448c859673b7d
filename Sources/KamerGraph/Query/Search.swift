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
  /// over the text of the indexed files. `text` takes FTS5's syntax: words (all required), "a
  /// phrase", AND, OR, NOT, parentheses, NEAR(a b, 10), a trailing `*` for a prefix; anything else
  /// is a separator. Label hits come before text hits; within each, by bm25 rank, then id. Nodes
  /// dated outside `since`...`until` are left out (undated ones, actors, stay).
  public func search(
    _ text: String, limit: Int = 20, since: DateBound? = nil, until: DateBound? = nil
  ) throws(IndexError) -> [SearchHit] {
    // Built once, used for both tables; its terms are counted while it is built.
    let (query, words) = Self.ftsQueryAndTerms(text)
    guard words <= Self.maximumSearchTerms else {
      throw .invalidArgument(
        name: "TEXT", value: String(text.prefix(60)) + (text.count > 60 ? "…" : ""),
        reason: "it has \(words) different words; a search takes at most \(Self.maximumSearchTerms) "
          + "(every word must occur unless OR says otherwise, so a few distinctive words find more)")
    }
    guard !query.isEmpty else {
      throw .invalidArgument(name: "TEXT", value: text, reason: "it has no letters or digits to search for")
    }
    let window = DateWindow(since: since, until: until)
    // With a date window the hits are filtered before the limit, so SQLite returns them all.
    let sqlLimit = window.isOpen ? limit : -1
    return try read { db in
      var hits: [SearchHit] = []
      var seen: Set<Int64> = []
      let labelRows = try Row.fetchAll(
        db,
        sql: """
          WITH top AS (
            SELECT rowid AS num, bm25(node_fts) AS r FROM node_fts WHERE node_fts MATCH ?1 ORDER BY r, rowid LIMIT ?2)
          SELECT top.num, top.r, snippet(node_fts, 0, '[', ']', '…', 12) FROM top
          JOIN node_fts ON node_fts.rowid = top.num WHERE node_fts MATCH ?1 ORDER BY top.r, top.num
          """, arguments: [query, sqlLimit])
      for row in labelRows where hits.count < limit {
        let num: Int64 = row[0]
        seen.insert(num)
        let node = try Self.summary(num, in: db)
        guard window.admits(node.date) else { continue }
        hits.append(SearchHit(node: node, field: "label", snippet: row[2], rank: row[1]))
      }
      let textRows = try Row.fetchAll(
        db,
        sql: """
          WITH top AS (
            SELECT file_fts.rowid AS id, bm25(file_fts) AS r, f.path AS path FROM file_fts
            JOIN files f ON f.id = file_fts.rowid WHERE file_fts MATCH ?1 ORDER BY r, f.path LIMIT ?2)
          SELECT top.path, top.r, snippet(file_fts, 1, '[', ']', '…', 12) FROM top
          JOIN file_fts ON file_fts.rowid = top.id WHERE file_fts MATCH ?1 ORDER BY top.r, top.path
          """, arguments: [query, sqlLimit])
      for row in textRows where hits.count < limit {
        let nodes = try Int64.fetchAll(
          db, sql: "SELECT node FROM node_paths WHERE path = ? ORDER BY node", arguments: [row[0] as String])
        for num in nodes where !seen.contains(num) {
          seen.insert(num)
          let node = try Self.summary(num, in: db)
          guard window.admits(node.date) else { continue }
          hits.append(SearchHit(node: node, field: "text", snippet: row[2], rank: row[1]))
        }
      }
      return Array(hits.prefix(limit))
    }
  }

  /// The most different words a search may have: the cost of matching, ranking and marking grows
  /// with their number.
  public static let maximumSearchTerms = 64

  /// `text` as a valid FTS5 query, in one pass: words and phrases are quoted (so no character of
  /// the user's text reaches FTS5 unquoted), AND/OR/NOT (in capitals) stay operators where an
  /// operand stands on both sides, parentheses are balanced, NEAR(...) keeps its terms and
  /// distance, a `*` right after a word or phrase makes it a prefix. Other characters separate words.
  static func ftsQuery(_ text: String) -> String { ftsQueryAndTerms(text).query }

  /// `ftsQuery(text)` and how many different terms (case folded) it searches for: the words of
  /// terms, phrases and NEAR groups, not the operators or a NEAR distance.
  static func ftsQueryAndTerms(_ text: String) -> (query: String, terms: Int) {
    var terms: Set<String> = []
    enum Token: Equatable {
      case term(String), op(String), open, close, near(terms: [String], distance: String?)
    }
    var tokens: [Token] = []
    let scalars = Array(text.unicodeScalars)
    var i = 0
    func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }
    func readWord() -> String {
      var word = ""
      while i < scalars.count, isWordScalar(scalars[i]) {
        word.unicodeScalars.append(scalars[i])
        i += 1
      }
      return word
    }
    /// A word the query searches for, counted.
    func readTerm() -> String {
      let word = readWord()
      terms.insert(word.lowercased())
      return word
    }
    func starred(_ quoted: String) -> String {
      if i < scalars.count, scalars[i] == "*" {
        i += 1
        return quoted + "*"
      }
      return quoted
    }
    while i < scalars.count {
      let c = scalars[i]
      if c == "\"" {
        // A phrase: its words in order, up to the closing quote (or the end).
        i += 1
        var words: [String] = []
        while i < scalars.count, scalars[i] != "\"" {
          if isWordScalar(scalars[i]) { words.append(readTerm()) } else { i += 1 }
        }
        if i < scalars.count { i += 1 }
        if !words.isEmpty { tokens.append(.term(starred("\"" + words.joined(separator: " ") + "\""))) }
      } else if c == "(" {
        tokens.append(.open)
        i += 1
      } else if c == ")" {
        tokens.append(.close)
        i += 1
      } else if isWordScalar(c) {
        let word = readWord()
        if word == "AND" || word == "OR" || word == "NOT" {
          tokens.append(.op(word))
        } else if word == "NEAR", i < scalars.count, scalars[i] == "(" {
          // NEAR(a b c, N): the words, then an optional distance.
          i += 1
          var near: [String] = []
          var distance: String?
          while i < scalars.count, scalars[i] != ")" {
            if scalars[i] == "," {
              i += 1
              while i < scalars.count, scalars[i] == " " { i += 1 }
              let digits = readWord()
              if !digits.isEmpty, digits.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.numericType != nil }) {
                distance = digits
              }
            } else if isWordScalar(scalars[i]) {
              near.append("\"" + readTerm() + "\"")
            } else {
              i += 1
            }
          }
          if i < scalars.count { i += 1 }
          if near.count >= 2 {
            tokens.append(.near(terms: near, distance: distance))
          } else if let only = near.first {
            tokens.append(.term(only))
          }
        } else {
          terms.insert(word.lowercased())
          tokens.append(.term(starred("\"" + word + "\"")))
        }
      } else {
        i += 1
      }
    }
    // Keep what FTS5 accepts: an operator between two operands, parentheses around something.
    var out: [String] = []
    var depth = 0
    var lastWasOperand = false
    var pendingOp: String?
    var openSinceOperand: [Int] = []  // positions in `out` of "(" not yet followed by an operand
    for token in tokens {
      switch token {
      case .term, .near:
        let piece: String
        if case .term(let t) = token {
          piece = t
        } else if case .near(let terms, let distance) = token {
          piece = "NEAR(" + terms.joined(separator: " ") + (distance.map { ", " + $0 } ?? "") + ")"
        } else {
          piece = ""
        }
        if lastWasOperand, let op = pendingOp {
          out.append(op)
        } else if lastWasOperand, out.last == ")" {
          out.append("AND")  // FTS5 wants the operator spelled out next to a parenthesis
        }
        pendingOp = nil
        out.append(piece)
        openSinceOperand.removeAll()
        lastWasOperand = true
      case .op(let op):
        if lastWasOperand { pendingOp = op }
      case .open:
        if lastWasOperand, let op = pendingOp { out.append(op) }
        pendingOp = nil
        // "a (b)" is "a AND (b)": FTS5 wants the operator spelled out before a parenthesis.
        if lastWasOperand && out.last != "AND" && out.last != "OR" && out.last != "NOT" { out.append("AND") }
        openSinceOperand.append(out.count)
        out.append("(")
        depth += 1
        lastWasOperand = false
      case .close:
        guard depth > 0 else { continue }
        if !lastWasOperand {
          // "()" or "(a OR )": drop the empty group (and the operator before it).
          if let at = openSinceOperand.last {
            out.removeSubrange(at...)
            openSinceOperand.removeLast()
            if let last = out.last, last == "AND" || last == "OR" || last == "NOT" { out.removeLast() }
            depth -= 1
            lastWasOperand = out.last.map { $0 != "(" } ?? false
          }
          continue
        }
        pendingOp = nil
        out.append(")")
        depth -= 1
        lastWasOperand = true
      }
    }
    while depth > 0 {
      if let last = out.last, last == "(" {
        out.removeLast()
        if let op = out.last, op == "AND" || op == "OR" || op == "NOT" { out.removeLast() }
      } else {
        out.append(")")
      }
      depth -= 1
    }
    return (out.joined(separator: " "), terms.count)
  }
}
