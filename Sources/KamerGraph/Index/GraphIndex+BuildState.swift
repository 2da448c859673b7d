import GRDB

extension GraphIndex {
  /// A value the build keeps between runs (in the `meta` table), or nil.
  public func buildState(_ key: String) throws(IndexError) -> String? {
    let stored = try read { db in
      try DatabaseValue.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: ["build:" + key])
    }
    guard let stored, !stored.isNull else { return nil }
    do { return try IndexCompression.text(stored) } catch {
      throw .corruptRow(path: path, file: "meta", reason: Self.describe(error))
    }
  }

  /// Stores a value the build keeps between runs, packed (`IndexCompression.packText`) when that
  /// makes it smaller: a build's state holds its summary, with a line per file that has notes.
  public func setBuildState(_ key: String, _ value: String) throws(IndexError) {
    let packed = IndexCompression.packText(value)
    try write { db in
      try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: ["build:" + key, packed])
    }
  }
}

extension GraphIndex {
  /// Stores the identity conflicts of the last build (`kamergraph unresolved` lists them).
  public func setIdentityConflicts(_ conflicts: [IdentityConflict]) throws(IndexError) {
    let lines = conflicts.sorted().map { ([$0.id] + $0.paths).joined(separator: "\t") }.joined(separator: "\n")
    try write { db in
      try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('identity_conflicts', ?)", arguments: [lines])
    }
  }

  /// The identity conflicts of the last build: ids that two or more documents claim, with their
  /// files (both documents stay in the graph).
  public func identityConflicts() throws(IndexError) -> [IdentityConflict] {
    let stored = try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'identity_conflicts'") }
    guard let stored, !stored.isEmpty else { return [] }
    return stored.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard parts.count >= 3 else { return nil }
      return IdentityConflict(id: parts[0], paths: Array(parts.dropFirst()))
    }
  }
}
