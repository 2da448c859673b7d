import Foundation
import GRDB
import Synchronization

extension GraphIndex {
  /// The index schema this version of KamerGraph writes and reads: the number of `migrations`.
  /// Change the schema only by appending a migration (which raises this number).
  public static var schemaVersion: Int { migrations.count }

  /// The tool that wrote an index, recorded next to its schema version.
  public static var toolVersion: String { "kamergraph (extraction \(ExtractionVersion.current))" }

  /// The schema, one step per version (step i brings version i to i + 1). Never edit a shipped step.
  static let migrations = [schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6]

  /// What a SQLite file holds.
  enum Contents: Equatable {
    /// No tables: a new (or 0-byte) file.
    case empty
    /// A KamerGraph index of this schema version, written by `tool` (nil: before versions were recorded).
    case index(version: Int, tool: String?)
    /// A KamerGraph index whose migrations this version does not know (a later or changed schema).
    case unknownSchema(steps: [String], tool: String?)
    /// Another program's database, with these tables.
    case foreign(tables: [String])
  }

  /// Looks at the tables of `db` without writing.
  static func contents(of db: Database) throws -> Contents {
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    if tables.isEmpty { return .empty }
    guard tables.contains("meta"), tables.contains("files") else { return .foreign(tables: tables) }
    let meta = Dictionary(
      try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('schema_version', 'schema_tool')")
        .map { ($0[0] as String, $0[1] as String) }, uniquingKeysWith: { a, _ in a })
    let tool = meta["schema_tool"]
    if let text = meta["schema_version"] {
      guard let version = Int(text) else { return .unknownSchema(steps: [text], tool: tool) }
      return .index(version: version, tool: tool)
    }
    // Indexes written before the version was recorded in `meta` list GRDB migrations "v1"... "vN".
    guard tables.contains("grdb_migrations") else { return .foreign(tables: tables) }
    let steps = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
    let known = (1...migrations.count).map { "v\($0)" }
    guard steps.allSatisfy(known.contains) else { return .unknownSchema(steps: steps, tool: tool) }
    return .index(version: steps.count, tool: tool)
  }

  /// Refuses, before SQLite touches it, a path that cannot be an index: missing (for reading), a
  /// folder, a 0-byte file (for reading), a file that is not a SQLite database.
  static func checkFile(_ path: String, access: IndexAccess) throws(IndexError) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      if access == .read { throw .missing(path: path) }
      return
    }
    if isFolder.boolValue { throw .notAnIndex(path: path, reason: "it is a folder") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .cannotOpen(path: path, reason: "it cannot be read (check its permissions)")
    }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if header.isEmpty {
      // SQLite would take a 0-byte file for an empty database; a query must not make it an index.
      if access == .read { throw .notAnIndex(path: path, reason: "it is empty (0 bytes)") }
      return
    }
    guard header == Data("SQLite format 3\u{0}".utf8) else {
      throw .notAnIndex(path: path, reason: "it is not a SQLite database")
    }
    guard access != .read else { return }
    // A writer would switch the file to WAL on opening: look at it read-only first.
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(10)
    let found: Contents
    do {
      found = try DatabaseQueue(path: path, configuration: config).read { try contents(of: $0) }
    } catch {
      throw openingError(error, path: path)
    }
    if case .foreign(let tables) = found { throw .notAnIndex(path: path, reason: foreignReason(tables)) }
  }

  static func foreignReason(_ tables: [String]) -> String {
    let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
    return "it is another program's SQLite database (tables \(shown))"
  }

  /// An error from opening, as the sentence that fits it.
  static func openingError(_ error: any Error, path: String) -> IndexError {
    if let error = error as? IndexError { return error }
    if let db = error as? DatabaseError {
      switch db.resultCode.primaryResultCode {
      case .SQLITE_NOTADB: return .notAnIndex(path: path, reason: "it is not a SQLite database")
      case .SQLITE_CORRUPT: return .damaged(path: path, reason: describe(error))
      case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path, pid: builderPID(path))
      default: break
      }
    }
    return .cannotOpen(path: path, reason: describe(error))
  }

  /// The process id of the build that last took (or holds) the write lock, from the committed
  /// `meta` row, read through a separate read-only connection; nil when unknown.
  static func builderPID(_ path: String) -> Int32? {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(1)
    let text = try? DatabaseQueue(path: path, configuration: config).read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'builder_pid'")
    }
    return text.flatMap { $0.split(separator: " ").first }.flatMap { Int32($0) }
  }

  /// True when `pid` is a running process.
  static func isRunning(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  /// `.read`: the file must be an index of this schema version holding a committed graph.
  func checkReadable() throws(IndexError) {
    let (found, built) = try read { db in
      let found = try Self.contents(of: db)
      guard case .index = found else { return (found, false) }
      // Indexes from before the fingerprint have nodes.
      let built = try Bool.fetchOne(
        db,
        sql: "SELECT EXISTS(SELECT 1 FROM meta WHERE key = 'graph_fingerprint') OR EXISTS(SELECT 1 FROM nodes)") ?? false
      return (found, built)
    }
    try Self.check(found, path: path)
    if case .index(let version, _) = found, version < Self.schemaVersion {
      throw .olderSchema(path: path, found: version, supported: Self.schemaVersion)
    }
    if case .empty = found { throw .notAnIndex(path: path, reason: "it is an empty SQLite database") }
    if !built {
      if let pid = Self.builderPID(path), Self.isRunning(pid), pid != getpid() { throw .beingBuilt(path: path, pid: pid) }
      throw .noGraph(path: path)
    }
  }

  /// Throws for contents no version of this tool may read or write (foreign, newer, unknown).
  static func check(_ found: Contents, path: String) throws(IndexError) {
    switch found {
    case .foreign(let tables): throw .notAnIndex(path: path, reason: foreignReason(tables))
    case .unknownSchema(let steps, let tool):
      throw .newerSchema(path: path, found: steps.joined(separator: "+"), tool: tool, supported: schemaVersion)
    case .index(let version, let tool) where version > schemaVersion:
      throw .newerSchema(path: path, found: String(version), tool: tool, supported: schemaVersion)
    default: return
    }
  }

  /// Creates the schema, migrates an older one or (`rebuild`) replaces any index schema, inside
  /// one `BEGIN IMMEDIATE` transaction; refuses what `check` refuses unless `rebuild` (which still
  /// never touches a foreign file).
  func prepare(rebuild: Bool) throws(IndexError) {
    let indexPath = path
    do {
      try pool.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          try Self.prepareSchema(db, path: indexPath, rebuild: rebuild)
          return .commit
        }
      }
    } catch {
      throw Self.openingError(error, path: path)
    }
  }

  static func prepareSchema(_ db: Database, path: String, rebuild: Bool) throws {
    let found = try contents(of: db)
    if case .foreign = found { try check(found, path: path) }
    var from = 0
    switch found {
    case .empty: break
    case .index(let version, let tool) where version <= schemaVersion && !rebuild:
      from = version
      if version == schemaVersion {
        if tool == nil { try recordVersion(db) }
        return
      }
    default:
      if !rebuild { try check(found, path: path) }
      try dropAll(db)
    }
    for step in from..<migrations.count {
      try db.execute(sql: migrations[step])
      try afterMigration(step, in: db)
    }
    try recordVersion(db)
  }

  /// Writes this schema version and tool into `meta`, and into `grdb_migrations`, which the
  /// tools from before the version was kept in `meta` read.
  static func recordVersion(_ db: Database) throws {
    try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations(identifier TEXT NOT NULL PRIMARY KEY)")
    try db.execute(sql: "DELETE FROM grdb_migrations")
    for n in 1...schemaVersion {
      try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES (?)", arguments: ["v\(n)"])
    }
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?), ('schema_tool', ?)",
      arguments: [String(schemaVersion), toolVersion])
  }

  /// Drops every view and table (virtual tables first: they drop their own shadow tables).
  static func dropAll(_ db: Database) throws {
    for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name") {
      try db.execute(sql: "DROP VIEW IF EXISTS \(name.quotedDatabaseIdentifier)")
    }
    let virtual = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%' ORDER BY name")
    for name in virtual { try db.execute(sql: "DROP TABLE IF EXISTS \(name.quotedDatabaseIdentifier)") }
    let rest = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    for name in rest { try db.execute(sql: "DROP TABLE IF EXISTS \(name.quotedDatabaseIdentifier)") }
  }

  /// `.build`: prepares the schema and records this process as the builder (committed, so a
  /// waiting build can name it), then takes the write lock again and keeps it. Another build
  /// that slipped in between is waited for and the recording repeated.
  func lockForBuild(rebuild: Bool) throws(IndexError) {
    let indexPath = path
    // The process id, and a token for this opening (two builds in one process differ too).
    let me = "\(getpid()) \(UUID().uuidString)"
    var first = true
    do {
      while true {
        let held: Bool = try pool.writeWithoutTransaction { db in
          try db.inTransaction(.immediate) {
            try Self.prepareSchema(db, path: indexPath, rebuild: rebuild && first)
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('builder_pid', ?)", arguments: [me])
            return .commit
          }
          try db.execute(sql: "BEGIN IMMEDIATE")
          if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'builder_pid'") == me { return true }
          try db.execute(sql: "ROLLBACK")
          return false
        }
        first = false
        if held { break }
      }
    } catch {
      throw Self.openingError(error, path: path)
    }
    buildLock.phase.withLock { $0 = .held }
  }

  /// Ends a build that holds the write lock without a graph commit (nothing changed): what it
  /// wrote (refreshed stamps, build state) is committed and the lock released. Does nothing
  /// when the lock is not held.
  public func endBuild() throws(IndexError) {
    guard holdsBuildLock else { return }
    do {
      try pool.writeWithoutTransaction { db in if db.isInsideTransaction { try db.execute(sql: "COMMIT") } }
    } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
    buildLock.phase.withLock { $0 = .released }
  }
}
