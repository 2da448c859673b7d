import GRDB

/// One input unit of the last build as the index remembers it, so the next build can tell from
/// `stat` alone that the unit did not change (see `FileStamp`).
public struct IndexedInput: Sendable, Hashable {
  /// The unit's primary file (`InputUnit.primary`).
  public var path: String
  /// `FileStamp.of(unit.files)` taken before the unit was read, followed by what of the build
  /// options changes the cached extraction; empty when it could not be trusted (the file was
  /// written moments before), which makes the next build hash the unit.
  public var stamp: String
  /// The unit's content hash as the index keys it (for a document, the hash of its row in
  /// `files`; a skipped unit has one too); nil when the unit could not be hashed.
  public var contentHash: String?

  /// An input as a build records it.
  public init(path: String, stamp: String, contentHash: String?) {
    self.path = path
    self.stamp = stamp
    self.contentHash = contentHash
  }
}

extension GraphIndex {
  /// Every input unit of the last build, by primary path. Empty when the last commit did not
  /// record its inputs (then nothing can be taken as unchanged from its stamp).
  public func inputs() throws(IndexError) -> [String: IndexedInput] {
    try read { db in
      var out: [String: IndexedInput] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT path, stamp, content_hash FROM inputs")
      while let row = try rows.next() {
        let input = IndexedInput(path: row[0], stamp: row[1], contentHash: row[2])
        out[input.path] = input
      }
      return out
    }
  }

  /// Records newer stamps for inputs whose stamp changed but whose content did not (a file that
  /// was touched, or was stamped too soon after it was written). Unknown paths are ignored.
  public func refreshStamps(_ stamps: [(path: String, stamp: String)]) throws(IndexError) {
    guard !stamps.isEmpty else { return }
    try write { db in
      let update = try db.makeStatement(sql: "UPDATE inputs SET stamp = ? WHERE path = ?")
      for (path, stamp) in stamps { try update.execute(arguments: [stamp, path]) }
    }
  }

  /// Makes the `inputs` table hold exactly `inputs` (nil: none, because the caller does not know
  /// them), writing only the rows that differ.
  static func storeInputs(_ inputs: [IndexedInput]?, in db: Database) throws {
    guard let inputs else {
      try db.execute(sql: "DELETE FROM inputs")
      return
    }
    var existing: [String: (stamp: String, hash: String?)] = [:]
    let rows = try Row.fetchCursor(db, sql: "SELECT path, stamp, content_hash FROM inputs")
    while let row = try rows.next() { existing[row[0]] = (row[1], row[2]) }
    let upsert = try db.makeStatement(sql: "INSERT OR REPLACE INTO inputs(path, stamp, content_hash) VALUES (?, ?, ?)")
    var kept = Set<String>()
    kept.reserveCapacity(inputs.count)
    for input in inputs {
      kept.insert(input.path)
      if let old = existing[input.path], old.stamp == input.stamp, old.hash == input.contentHash { continue }
      try upsert.execute(arguments: [input.path, input.stamp, input.contentHash])
    }
    let delete = try db.makeStatement(sql: "DELETE FROM inputs WHERE path = ?")
    for path in existing.keys.sorted() where !kept.contains(path) { try delete.execute(arguments: [path]) }
  }
}
