import Foundation
import GRDB
import GRDBSQLite

/// A neighbour found by one hop from a node.
struct Neighbour {
  var node: Int64
  var relation: Relation
  var weight: Int
  /// True when the edge points from the expanded node to `node`.
  var forward: Bool
  var date: String?
  /// Edges in and out of `node`, whatever their relation.
  var degree: Int
}

extension GraphIndex {
  /// The canonical id of the node that `text` names: its id, any alias (case-insensitive), a
  /// kenmerk as written (`MINDEF20250032172`), or a zaak number of written questions (`2025Z14549`).
  /// Unknown text fails with `IndexError.unknownID` and the nearest known ids.
  public func resolve(_ text: String) throws(IndexError) -> String {
    let indexPath = path
    return try read { db in
      let num = try Self.lookup(text, in: db, indexPath: indexPath)
      return try String.fetchOne(db, sql: "SELECT id FROM nodes WHERE num = ?", arguments: [num]) ?? text
    }
  }

  static func lookup(_ text: String, in db: Database, indexPath: String) throws -> Int64 {
    let raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var candidates = [raw]
    if raw.hasPrefix("kenmerk:") {
      candidates.append(CanonicalID.kenmerk(String(raw.dropFirst("kenmerk:".count))))
    } else if !raw.contains(":") {
      candidates.append(CanonicalID.kenmerk(raw))
      candidates.append("kv-tk-" + raw)
    }
    let exact = try db.cachedStatement(sql: "SELECT num FROM nodes WHERE id = ?")
    let byName = try db.cachedStatement(sql: "SELECT node FROM names WHERE key = ? ORDER BY is_alias, node LIMIT 1")
    for candidate in candidates where !candidate.isEmpty {
      if let num = try Int64.fetchOne(exact, arguments: [candidate]) { return num }
      if let num = try Int64.fetchOne(byName, arguments: [candidate.lowercased()]) { return num }
    }
    // A name without its prefix ("palantir", "Van Houwelingen", "FVD"): the one node whose id is
    // a prefix and that name's slug; several (persoon:helder-c, persoon:helder-l) are suggestions.
    let named = raw.contains(":") ? [] : try nodes(named: raw, in: db)
    if named.count == 1 { return named[0].num }
    let suggested = named.isEmpty ? try suggestions(for: raw, in: db) : named.map(\.id)
    throw IndexError.unknownID(path: indexPath, id: text, suggestions: suggested)
  }

  /// The actors and entities whose id is `prefix:` + the slug of `name` (`organisatie:palantir`,
  /// `persoon:van-houwelingen`, `fractie:FVD`), or that slug with a first initial
  /// (`persoon:helder-c`), sorted by id.
  static func nodes(named name: String, in db: Database) throws -> [(num: Int64, id: String)] {
    let slug = CanonicalID.slug(name)
    guard !slug.isEmpty else { return [] }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT num, id FROM nodes WHERE id LIKE '%:' || ?1 OR id LIKE '%:' || ?1 || '-_' ORDER BY id
        """, arguments: [slug])
    let exact = rows.map { (num: $0[0] as Int64, id: $0[1] as String) }
      .filter { row in
        guard let colon = row.id.firstIndex(of: ":") else { return false }
        let tail = row.id[row.id.index(after: colon)...].lowercased()
        return tail == slug || (tail.hasPrefix(slug + "-") && tail.count == slug.count + 2)
      }
    // The exact slug wins over the ids with an initial.
    let whole = exact.filter { $0.id.split(separator: ":", maxSplits: 1).last.map { $0.lowercased() == slug } ?? false }
    if !exact.isEmpty { return whole.count == 1 ? whole : exact }
    // A ministry by the end of its name: "Defensie", "Justitie en Veiligheid".
    let ministries = try Row.fetchAll(db, sql: "SELECT num, id, label FROM nodes WHERE kind = 'ministerie' ORDER BY id")
    return ministries.compactMap { row -> (num: Int64, id: String)? in
      let label = CanonicalID.slug(row[2] as String)
      return label == slug || label.hasSuffix("-van-" + slug) || label.hasSuffix("-voor-" + slug) ? (row[0], row[1]) : nil
    }
  }

  /// Up to five ids near `text`: names that start with it or contain it first, then names within a
  /// small edit distance; each suggestion is the canonical id of the node, ties broken by id.
  static func suggestions(for text: String, in db: Database, limit: Int = 5) throws -> [String] {
    let key = Array(text.lowercased().utf8)
    guard !key.isEmpty else { return [] }
    let bound = max(2, key.count / 4)
    var best: [String: Int] = [:]  // node id -> score (lower is better)
    let rows = try Row.fetchCursor(db, sql: "SELECT n.key, nodes.id FROM names n JOIN nodes ON nodes.num = n.node")
    while let row = try rows.next() {
      let name: String = row[0]
      let id: String = row[1]
      var score: Int?
      let bytes = Array(name.utf8)
      if bytes.starts(with: key) {
        score = 0
      } else if key.count >= 3, contains(bytes, key) {
        score = 1
      } else if abs(bytes.count - key.count) <= bound, let d = editDistance(bytes, key, bound: bound) {
        score = 1 + d
      }
      if let score, score < best[id] ?? Int.max { best[id] = score }
    }
    return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key)
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  /// Levenshtein distance on bytes, or nil when it exceeds `bound`.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int? {
    if a.isEmpty { return b.count <= bound ? b.count : nil }
    if b.isEmpty { return a.count <= bound ? a.count : nil }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMin = min(rowMin, current[j])
      }
      if rowMin > bound { return nil }
      swap(&previous, &current)
    }
    return previous[b.count] <= bound ? previous[b.count] : nil
  }

  static func summary(_ num: Int64, in db: Database) throws -> NodeSummary {
    let statement = try db.cachedStatement(sql: "SELECT id, kind, label, date, status FROM nodes WHERE num = ?")
    guard let row = try Row.fetchOne(statement, arguments: [num]) else {
      return NodeSummary(id: "#\(num)", kind: "", label: "", status: .external)
    }
    return NodeSummary(
      id: row[0], kind: row[1], label: row[2], date: row[3], status: NodeStatus(rawValue: row[4]) ?? .external)
  }

  /// Which columns of the other node `neighbours` reads besides the edge's own.
  enum NodeColumns {
    /// None: `date` is nil and `degree` 0, and the rows come from the covering indexes
    /// `edges_out`/`edges_in` alone, without a lookup in `nodes` per row, which is most of the
    /// time of `related` and `similar` around a hub (a ministry with thousands of edges) at 100k
    /// documents.
    case none
    /// Its `degree` (what `path` weighs its frontiers by); `date` is nil.
    case degree
    /// Its `date` and `degree`.
    case dateAndDegree
  }

  /// The edges around `num` in index order (outgoing first, then incoming; each sorted by the other
  /// node's id), restricted to `relations` when given, with the other node's `columns`.
  static func neighbours(
    of num: Int64, direction: Direction, relations: Set<Relation>?, in db: Database, into out: inout [Neighbour],
    columns: NodeColumns = .dateAndDegree
  ) throws {
    out.removeAll(keepingCapacity: true)
    if direction != .incoming {
      let statement = try db.cachedStatement(sql: neighbourSQL(other: "target", this: "source", columns))
      try collect(statement, db: db, num: num, forward: true, relations: relations, columns: columns, into: &out)
    }
    if direction != .outgoing {
      let statement = try db.cachedStatement(sql: neighbourSQL(other: "source", this: "target", columns))
      try collect(statement, db: db, num: num, forward: false, relations: relations, columns: columns, into: &out)
    }
  }

  /// The edges whose `this` end is `?`, with the `other` end, relation, weight and `columns`.
  private static func neighbourSQL(other: String, this: String, _ columns: NodeColumns) -> String {
    switch columns {
    case .none:
      return "SELECT \(other), relation, weight FROM edges WHERE \(this) = ? ORDER BY \(other), relation"
    case .degree:
      return """
        SELECT e.\(other), e.relation, e.weight, n.degree FROM edges e JOIN nodes n ON n.num = e.\(other)
        WHERE e.\(this) = ? ORDER BY e.\(other), e.relation
        """
    case .dateAndDegree:
      return """
        SELECT e.\(other), e.relation, e.weight, n.degree, n.date FROM edges e JOIN nodes n ON n.num = e.\(other)
        WHERE e.\(this) = ? ORDER BY e.\(other), e.relation
        """
    }
  }

  /// Steps `statement` with SQLite's C API and reads the columns in place (no `Row`, and no
  /// `String` for the relation, which is matched on its bytes; issue 21: `related` reads tens of
  /// thousands of edge rows at 100k documents).
  private static func collect(
    _ statement: Statement, db: Database, num: Int64, forward: Bool, relations: Set<Relation>?, columns: NodeColumns,
    into out: inout [Neighbour]
  ) throws {
    try statement.setArguments([num])
    let handle = statement.sqliteStatement
    while true {
      let rc = sqlite3_step(handle)
      if rc == SQLITE_DONE { break }
      guard rc == SQLITE_ROW else {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message, sql: statement.sql)
      }
      guard let text = sqlite3_column_text(handle, 1),
        let relation = Relation(utf8: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 1))))
      else { continue }
      if let relations, !relations.contains(relation) { continue }
      var date: String?
      if columns == .dateAndDegree, let raw = sqlite3_column_text(handle, 4) {
        date = String(cString: raw)
      }
      out.append(
        Neighbour(
          node: sqlite3_column_int64(handle, 0), relation: relation, weight: Int(sqlite3_column_int64(handle, 2)),
          forward: forward, date: date, degree: columns == .none ? 0 : Int(sqlite3_column_int64(handle, 3))))
    }
  }
}

extension Relation {
  /// The relation whose raw value is these UTF-8 bytes (as `Relation(rawValue:)` on the text).
  init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    for (relation, name) in Relation.names
    where name.utf8CodeUnitCount == bytes.count && memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0 {
      self = relation
      return
    }
    return nil
  }

  /// Every relation with its raw value as fixed text.
  private static let names = allCases.map { ($0, $0.fixedName) }
}
