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
