import GRDB

extension GraphIndex {
  /// A value the build keeps between runs (in the `meta` table), or nil.
  public func buildState(_ key: String) throws(IndexError) -> String? {
    try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: ["build:" + key]) }
  }

  /// Stores a value the build keeps between runs.
  public func setBuildState(_ key: String, _ value: String) throws(IndexError) {
    try write { db in
      try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: ["build:" + key, value])
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
