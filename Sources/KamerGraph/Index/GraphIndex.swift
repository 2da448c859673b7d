import Foundation
import GRDB

/// The persistent store behind incremental builds and queries: one SQLite file (WAL mode) holding
/// the cached documents and mentions of every input file and the last resolved `CitationGraph`.
///
/// Every write is one transaction, so a build killed at any moment leaves the previous index usable.
/// Queries (`related`, `path`, `similar`, `show`, `search`, `unresolved`, `stats`) read the tables
/// directly through their indexes instead of loading the whole graph.
public final class GraphIndex: Sendable {
  /// The index file.
  public let path: String
  let pool: DatabasePool

  /// Opens the index at `path`, creating it or bringing its schema up to date.
  public init(path: String) throws(IndexError) {
    self.path = path
    var config = Configuration()
    config.label = "kamergraph-index"
    config.busyMode = .timeout(10)
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    do {
      pool = try DatabasePool(path: path, configuration: config)
      // Checking is a read; migrating takes the write lock, which a query should not wait for.
      if try !pool.read({ try Self.migrator.hasCompletedMigrations($0) }) { try Self.migrator.migrate(pool) }
    } catch {
      throw .cannotOpen(path: path, reason: Self.describe(error))
    }
  }

  /// The schema, one migration per version. Never edit a shipped migration; add a new one.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: schemaV1)
    }
    migrator.registerMigration("v2") { db in
      try db.execute(sql: schemaV2)
    }
    migrator.registerMigration("v3") { db in
      try db.execute(sql: schemaV3)
    }
    migrator.registerMigration("v4") { db in
      try db.execute(sql: schemaV4)
    }
    return migrator
  }

  /// The graph tables; `commit` drops and recreates them (indexes after the rows, which is faster).
  static let graphTables = """
    CREATE TABLE nodes(
      num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, label TEXT NOT NULL,
      date TEXT, vergaderjaar TEXT, ministry TEXT, status TEXT NOT NULL, url TEXT, degree INTEGER NOT NULL DEFAULT 0);
    CREATE VIRTUAL TABLE node_fts USING fts5(label, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE names(key TEXT NOT NULL, node INTEGER NOT NULL, name TEXT NOT NULL, is_alias INTEGER NOT NULL);
    CREATE TABLE node_paths(node INTEGER NOT NULL, path TEXT NOT NULL, PRIMARY KEY(node, path)) WITHOUT ROWID;
    CREATE TABLE edges(
      num INTEGER PRIMARY KEY, source INTEGER NOT NULL, target INTEGER NOT NULL, relation TEXT NOT NULL,
      weight INTEGER NOT NULL);
    CREATE TABLE evidence(
      edge INTEGER NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL, start INTEGER NOT NULL,
      "end" INTEGER NOT NULL, text TEXT NOT NULL, source TEXT NOT NULL);
    CREATE TABLE mentions(
      num INTEGER PRIMARY KEY, path TEXT NOT NULL, document TEXT NOT NULL, kind TEXT NOT NULL,
      ids TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
      line INTEGER NOT NULL, "column" INTEGER NOT NULL, fields TEXT NOT NULL, status TEXT NOT NULL,
      reason TEXT);
    """

  /// The names of the tables in `graphTables`.
  static let graphTableNames = ["nodes", "node_fts", "names", "node_paths", "edges", "evidence", "mentions"]

  /// The secondary indexes of the graph tables (the queries depend on them).
  static let graphIndexes = """
    CREATE INDEX names_key ON names(key, node);
    CREATE INDEX names_node ON names(node);
    CREATE INDEX node_paths_path ON node_paths(path, node);
    CREATE INDEX edges_out ON edges(source, target, relation, weight);
    CREATE INDEX edges_in ON edges(target, source, relation, weight);
    CREATE INDEX evidence_edge ON evidence(edge);
    CREATE INDEX mentions_status ON mentions(status, path, start);
    """

  /// v1 as shipped: `graphTables` without `nodes.degree` (added by v3).
  static let schemaV1 = """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE files(
      id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
      text TEXT NOT NULL, document BLOB NOT NULL, mentions BLOB NOT NULL);
    CREATE VIRTUAL TABLE file_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
    """ + graphTables.replacingOccurrences(of: ", url TEXT, degree INTEGER NOT NULL DEFAULT 0);", with: ", url TEXT);")
    + graphIndexes

  /// v2: the file text is indexed for search from `files` itself (FTS5 external content) instead
  /// of a second copy, which made the index a third larger.
  static let schemaV2 = """
    ALTER TABLE files ADD COLUMN title TEXT NOT NULL DEFAULT '';
    DROP TABLE file_fts;
    CREATE VIRTUAL TABLE file_fts USING fts5(
      title, text, content = 'files', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO file_fts(file_fts) VALUES ('rebuild');
    """

  /// v3: each node's degree (edges in and out), which lets `path` grow the cheaper side first.
  static let schemaV3 = """
    ALTER TABLE nodes ADD COLUMN degree INTEGER NOT NULL DEFAULT 0;
    UPDATE nodes SET degree = (SELECT count(*) FROM edges WHERE source = nodes.num)
      + (SELECT count(*) FROM edges WHERE target = nodes.num);
    """

  /// v4: the input units of the last build with their `FileStamp`s, so a rebuild can tell from
  /// `stat` alone which files did not change. File blobs are written in `IndexBlob` form from now
  /// on; the JSON blobs of earlier versions are still read.
  static let schemaV4 = """
    CREATE TABLE inputs(path TEXT PRIMARY KEY, stamp TEXT NOT NULL, content_hash TEXT) WITHOUT ROWID;
    """

  /// Runs `body` in a read transaction, turning any failure into `IndexError`.
  func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
    do {
      return try pool.read(body)
    } catch let error as IndexError {
      throw error
    } catch {
      throw .readFailed(path: path, reason: Self.describe(error))
    }
  }

  /// Runs `body` in one write transaction, turning any failure into `IndexError`.
  func write<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
    do {
      return try pool.write(body)
    } catch let error as IndexError {
      throw error
    } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
  }

  static func describe(_ error: any Error) -> String {
    if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
    return "\(error)"
  }

  /// The cached document and mentions of `path`, when the index holds it with the same content hash.
  public func cachedFile(path file: String, contentHash: String) throws(IndexError) -> IndexedFile? {
    let row = try read { db in
      try Row.fetchOne(
        db.cachedStatement(sql: "SELECT content_hash, text, document, mentions FROM files WHERE path = ?"),
        arguments: [file])
    }
    guard let row, (row["content_hash"] as String) == contentHash else { return nil }
    do {
      let document = try IndexBlob.decodeDocument(row["document"], text: row["text"])
      let mentions = try IndexBlob.decodeMentions(row["mentions"])
      return IndexedFile(path: file, contentHash: contentHash, document: document, mentions: mentions)
    } catch {
      throw .corruptRow(path: path, file: file, reason: Self.describe(error))
    }
  }

  /// Every file path the index holds, sorted.
  public func indexedPaths() throws(IndexError) -> [String] {
    try read { db in try String.fetchAll(db, sql: "SELECT path FROM files ORDER BY path") }
  }

  /// The content hash stored for each indexed file, by path.
  public func contentHashes() throws(IndexError) -> [String: String] {
    try read { db in
      var out: [String: String] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT path, content_hash FROM files")
      while let row = try rows.next() { out[row[0]] = row[1] }
      return out
    }
  }
}
