import Foundation
import GRDB
import Synchronization

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
  /// How the index was opened.
  public let access: IndexAccess
  /// Where a `.build` is with the index's write lock (see `BuildLock`).
  let buildLock: BuildLock
  /// True while a build holds the index's write lock (`IndexAccess.build`, until `commit` or `endBuild`).
  var holdsBuildLock: Bool { buildLock.phase.withLock { $0 == .held } }

  /// Opens the index at `path` for writing (`.write`), creating it or bringing its schema up to date.
  public convenience init(path: String) throws(IndexError) {
    try self.init(path: path, access: .write)
  }

  /// Opens the index at `path`.
  ///
  /// `.read` never writes: the file is opened read-only (`query_only`), is not created, migrated
  /// or switched to WAL, and answers from the last committed state even while a build writes.
  /// `.write` and `.build` create the schema (or migrate an older one) inside one `BEGIN IMMEDIATE`
  /// transaction, so two processes starting on a new index never both create it; `.build` then
  /// keeps the write lock until `commit` (or `endBuild`), so builds into one index run one after
  /// the other. A file that is not a KamerGraph index (another program's database, a text file)
  /// and an index of a newer or unknown schema are refused and never written to.
  public init(path: String, access: IndexAccess) throws(IndexError) {
    self.path = path
    self.access = access
    let buildLock = BuildLock()
    self.buildLock = buildLock
    try Self.checkFile(path, access: access)
    var config = Configuration()
    config.label = "kamergraph-index"
    switch access {
    case .read:
      config.readonly = true
      config.busyMode = .timeout(10)
      config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
    case .write:
      config.busyMode = .timeout(10)
    case .build(_, let wait):
      // The build waits for another build's write lock (announcing it once), up to `wait.limit`.
      // Once the lock is held (or let go), other waits (a checkpoint behind readers) are bounded
      // as in `.write`, and say nothing.
      config.allowsUnsafeTransactions = true
      let start = ContinuousClock.now
      let announced = Mutex(false)
      let path = path
      let lock = buildLock
      config.busyMode = .callback { tries in
        guard lock.phase.withLock({ $0 == .acquiring }) else {
          usleep(20_000)
          return tries < 500
        }
        if tries >= 5, !announced.withLock({ let was = $0; $0 = true; return was }) {
          wait.announce(Self.builderPID(path))
        }
        usleep(20_000)
        return ContinuousClock.now - start < wait.limit
      }
    }
    if access != .read {
      // 16 KiB pages for a new index (an existing one keeps its own): a files row (packed text and
      // blobs, 2 to 4 KiB) left most of a 4 KiB page empty, 7 % of the index at 10k documents.
      // Set before GRDB switches a new file to WAL, after which the page size is fixed.
      config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA page_size = 16384") }
    }
    // The full-text index reads the (compressed) file texts through this function.
    config.prepareDatabase { db in db.add(function: IndexCompression.textFunction) }
    pool = try Self.openPool(path: path, configuration: config, retryBusy: access != .read)
    switch access {
    case .read: try checkReadable()
    case .write: try prepare(rebuild: false)
    case .build(let rebuild, _): try lockForBuild(rebuild: rebuild)
    }
  }

  /// Opens the pool. Writers that open a new or rollback-journal file at the same moment race to
  /// switch it to WAL, and SQLite answers the loser SQLITE_BUSY at once, without its busy handler
  /// (the switch needs an exclusive lock it will not wait for). For a writer that is a transient
  /// state, not another build holding the index: try again, a bounded number of times with a
  /// growing pause (at most about 5 seconds in all), before it is reported as locked.
  static func openPool(path: String, configuration: Configuration, retryBusy: Bool) throws(IndexError) -> DatabasePool {
    var attempt = 0
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError
        where retryBusy && attempt < 40
        && [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode.primaryResultCode)
      {
        attempt += 1
        usleep(useconds_t(min(250_000, 5_000 * attempt)))
      } catch {
        throw Self.openingError(error, path: path)
      }
    }
  }

  /// The graph tables; `commit` drops and recreates them (indexes after the rows, which is faster).
  /// The mentions have tables of their own since v6 (`mentionTables`), which `commit` updates
  /// row by row instead.
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

    """

  /// The table of all mentions, one row each, of versions 1 to 5 (v6 replaces it).
  static let mentionsTableV1 = """
    CREATE TABLE mentions(
      num INTEGER PRIMARY KEY, path TEXT NOT NULL, document TEXT NOT NULL, kind TEXT NOT NULL,
      ids TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
      line INTEGER NOT NULL, "column" INTEGER NOT NULL, fields TEXT NOT NULL, status TEXT NOT NULL,
      reason TEXT);
    """

  /// The names of the tables in `graphTables`.
  static let graphTableNames = ["nodes", "node_fts", "names", "node_paths", "edges", "evidence"]

  /// The secondary indexes of the graph tables (the queries depend on them).
  static let graphIndexes = tableIndexes

  /// The indexes every schema version has.
  static let tableIndexes = """
    CREATE INDEX names_key ON names(key, node);
    CREATE INDEX names_node ON names(node);
    CREATE INDEX node_paths_path ON node_paths(path, node);
    CREATE INDEX edges_out ON edges(source, target, relation, weight);
    CREATE INDEX edges_in ON edges(target, source, relation, weight);
    CREATE INDEX evidence_edge ON evidence(edge);

    """

  /// The index of the mentions that are not resolved, of v5 (v6 keeps those mentions in a table).
  static let mentionsOpenIndex = """
    CREATE INDEX mentions_open ON mentions(path, start, "end") WHERE status IN ('unresolved', 'ambiguous');
    """

  /// `graphIndexes` as versions 1 to 4 created them.
  static let graphIndexesV1 = tableIndexes + """
    CREATE INDEX mentions_status ON mentions(status, path, start);
    """

  /// v1 as shipped: `graphTables` without `nodes.degree` (added by v3).
  static let schemaV1 = """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE files(
      id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
      text TEXT NOT NULL, document BLOB NOT NULL, mentions BLOB NOT NULL);
    CREATE VIRTUAL TABLE file_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
    """ + (graphTables + mentionsTableV1).replacingOccurrences(
      of: ", url TEXT, degree INTEGER NOT NULL DEFAULT 0);", with: ", url TEXT);")
    + graphIndexesV1

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

  /// v5 (issue 21: the index was three times the corpus): `files.text` and the blobs are stored
  /// compressed (`IndexCompression`; older rows stay as they are and are still read), so the
  /// full-text index reads the texts through the view `file_text`; the index of all mentions by
  /// status becomes `mentions_open`, of the unresolved and ambiguous ones only.
  static let schemaV5 = """
    CREATE VIEW file_text AS SELECT id, title, kamergraph_text(text) AS text FROM files;
    DROP TABLE file_fts;
    CREATE VIRTUAL TABLE file_fts USING fts5(
      title, text, content = 'file_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO file_fts(file_fts) VALUES ('rebuild');
    DROP INDEX IF EXISTS mentions_status;
    """ + mentionsOpenIndex

  /// A build's hold on the index's write lock.
  final class BuildLock: Sendable {
    enum Phase { case acquiring, held, released }
    let phase = Mutex(Phase.acquiring)
  }

  /// Runs `body` in a read transaction, turning any failure into `IndexError`.
  func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
    do {
      return try pool.read(body)
    } catch let error as IndexError {
      throw error
    } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CORRUPT
      || error.resultCode.primaryResultCode == .SQLITE_NOTADB
    {
      throw .damaged(path: path, reason: Self.describe(error))
    } catch {
      throw .readFailed(path: path, reason: Self.describe(error))
    }
  }

  /// Runs `body` in one write transaction, turning any failure into `IndexError`.
  /// While a build holds the write lock, the transaction is a savepoint inside the build's.
  func write<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
    do {
      if holdsBuildLock {
        return try pool.writeWithoutTransaction { db in
          var result: T?
          try db.inSavepoint {
            result = try body(db)
            return .commit
          }
          return result!
        }
      }
      return try pool.write(body)
    } catch let error as IndexError {
      throw error
    } catch {
      throw .writeFailed(path: path, reason: Self.describe(error))
    }
  }

  static func describe(_ error: any Error) -> String {
    if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
    if let error = error as? IndexError { return error.description }
    return "\(error)"
  }

  /// The cached document and mentions of `path`, when the index holds it with the same content hash.
  public func cachedFile(path file: String, contentHash: String) throws(IndexError) -> IndexedFile? {
    // The hash is compared in SQL, so a changed file's blobs are not read at all.
    let row = try read { db in
      try Row.fetchOne(
        db.cachedStatement(sql: "SELECT text, document, mentions FROM files WHERE path = ? AND content_hash = ?"),
        arguments: [file, contentHash])
    }
    guard let row else { return nil }
    do {
      let document = try IndexBlob.decodeDocument(row["document"], text: IndexCompression.text(row["text"]))
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
