import Dispatch
import Foundation
import GRDB
import GRDBSQLite

extension GraphIndex {
  /// Stores one build in a single transaction: upserts the files whose content hash changed,
  /// deletes `removedPaths`, records `inputs` (the build's input units with their stamps; nil
  /// forgets them, so the next build hashes every file), and replaces the stored graph (nodes, aliases, edges with evidence,
  /// mentions with status). Unchanged file rows are not rewritten, and an unchanged graph (same
  /// fingerprint) is not rewritten either, so a no-change rebuild costs little more than a scan.
  /// On any failure nothing is written and the previous index stays as it was.
  public func commit(
    files: [IndexedFile], removedPaths: [String], graph: CitationGraph, inputs: [IndexedInput]? = nil
  ) throws(IndexError) {
    try commit(files: files, removedPaths: removedPaths, inputs: inputs, graph: { (graph, nil) }, progress: nil, clock: nil)
  }

  /// `commit`, with the graph handed over by `graph` once the files are written: a build resolves
  /// the graph on one thread while another writes the files (`graph` is called inside the write
  /// transaction, and may block until the graph is ready). It may come with its `GraphSums`.
  /// `clock` measures the steps. `progress` hears (done, total): the
  /// changed files once they are stored, then the graph's rows (the total grows by them).
  func commit(
    files: consuming [IndexedFile], removedPaths: [String], inputs: [IndexedInput]?,
    graph: () -> (graph: CitationGraph, sums: GraphSums?),
    progress: ((_ done: Int, _ total: Int) -> Void)?, clock: StageClock? = nil
  ) throws(IndexError) {
    var packed = PackedFiles(consume files)
    try commit(
      nextFile: { packed.next() }, rest: { (removedPaths, inputs) }, graph: graph, progress: progress, clock: clock)
  }

  /// `commit`, with the changed files taken from `nextFile` one at a time, in the order they are
  /// stored, until it gives nil (it may block until the next one is read: a build stores the files
  /// while it reads the others); `rest` then gives what is known once every file was read: the
  /// removed paths and the inputs. Everything is written in one transaction, so a failure in
  /// either (a build that stops) leaves the index as it was.
  func commit(
    nextFile: () throws(IndexError) -> PackedFile?,
    rest: () throws(IndexError) -> (removedPaths: [String], inputs: [IndexedInput]?),
    graph: () -> (graph: CitationGraph, sums: GraphSums?),
    progress: ((_ done: Int, _ total: Int) -> Void)?, clock: StageClock? = nil
  ) throws(IndexError) {
    let indexPath = path
    func measure<T>(_ name: String, _ body: () throws -> T) throws -> T {
      guard let clock else { return try body() }
      let begin = StageClock.now()
      defer { clock.record(name, since: begin, beside: true) }
      return try body()
    }
    try write { db in
      // A larger page cache while the build is written: the full-text index merges its segments
      // and the B-trees grow, and with SQLite's default 2 MB most of their pages went out to the
      // write-ahead log and were looked up there again (FTS5 alone on the 100k texts: 9.4 -> 7.9 s
      // CPU). Back to the default afterwards, which frees it.
      try db.execute(sql: "PRAGMA cache_size = \(Self.buildCacheSize)")
      defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
      var rows = try FileRows(db)
      let stored = try measure("index: files") { () throws -> Int in
        var stored = 0
        while let file = try nextFile() {
          // Written: the file (and its text) is let go before the next one is taken.
          if try rows.store(file) { stored += 1 }
        }
        return stored
      }
      let (removedPaths, inputs) = try rest()
      try rows.remove(removedPaths)
      progress?(stored, stored + 1)
      try Self.storeInputs(inputs, in: db)
      var (graph, sums) = try measure("index: waiting for the graph") { graph() }
      let fingerprint = try measure("index: fingerprint") { Self.fingerprint(of: graph, sums: sums) }
      let storedFingerprint = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'graph_fingerprint'")
      if storedFingerprint != fingerprint {
        var rows: ((Int, Int) -> Void)? = nil
        if let progress { rows = { done, total in progress(stored + done, stored + total) } }
        try measure("index: graph") { try Self.replaceGraph(&graph, in: db, indexPath: indexPath, progress: rows) }
        try db.execute(
          sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('graph_fingerprint', ?)", arguments: [fingerprint])
      } else if stored > 0 || !removedPaths.isEmpty {
        // The same graph from changed files: the mention rows are differences from the files'
        // cached extractions, so the rows of files whose extraction changed are written again.
        try Self.storeMentions(graph.mentions, in: db)
      }
      progress?(1, 1)
    }
    // A build's write lock ends with its graph.
    try endBuild()
    // Fold the write-ahead log back into the file so it does not stay as large as the last build.
    // A reader holding an old snapshot only makes this partial; that is harmless.
    _ = try? measure("index: checkpoint") { try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) } }
  }

  /// The page cache of the connection that commits a build, as `PRAGMA cache_size` takes it
  /// (negative: KiB).
  static let buildCacheSize = -65536

  /// Stores a build whose graph is the one the index holds (every changed file was extracted
  /// as the index has it cached): the changed files' rows and the inputs, in one transaction;
  /// the graph tables are not touched. Ends the build's hold on the write lock as `commit` does.
  public func commitFiles(_ files: [IndexedFile], inputs: [IndexedInput]) throws(IndexError) {
    try write { db in
      var rows = try FileRows(db)
      var packed = PackedFiles(files)
      while let file = packed.next() { _ = try rows.store(file) }
      try Self.storeInputs(inputs, in: db)
    }
    try endBuild()
    _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
  }

  /// One changed file as `commit` stores it: the values of its `files` row, the text and the
  /// `IndexBlob`s (document without text, mentions) packed by `IndexCompression`, and the text
  /// itself for the full-text index. Packing is the costly part of storing a file, so a build
  /// packs each file on the thread that read it.
  struct PackedFile: Sendable {
    var path: String
    var contentHash: String
    var title: String
    var outcome: String?
    /// The text, for `file_fts`.
    var text: String
    var packedText: DatabaseValue
    var document: Data
    var mentions: Data

    init(_ file: IndexedFile) {
      path = file.path
      contentHash = file.contentHash
      title = file.document.metadata.title ?? ""
      outcome = StoredOutcome.encode(format: file.document.format, notes: file.document.notes)
      text = file.document.text
      packedText = IndexCompression.packText(file.document.text)
      document = Data(IndexCompression.pack(IndexBlob.encode(document: file.document)))
      mentions = Data(IndexCompression.pack(IndexBlob.encode(mentions: file.mentions)))
    }
  }

  /// Files packed on all cores a slice at a time, so the packed files of a whole corpus are never
  /// all in memory; `next()` gives them in order.
  struct PackedFiles {
    private var files: [IndexedFile]
    private var slice: [PackedFile] = []
    private var position = 0
    private static let sliceSize = 2048

    init(_ files: [IndexedFile]) { self.files = files }

    mutating func next() -> PackedFile? {
      guard position < files.count else {
        files = []
        slice = []
        return nil
      }
      if position % Self.sliceSize == 0 {
        slice = Self.pack(files[position..<min(files.count, position + Self.sliceSize)])
      }
      defer { position += 1 }
      return slice[position % Self.sliceSize]
    }

    private static func pack(_ files: ArraySlice<IndexedFile>) -> [PackedFile] {
      var packed = [PackedFile?](repeating: nil, count: files.count)
      packed.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let out = buffer
        let first = files.startIndex
        DispatchQueue.concurrentPerform(iterations: files.count) { i in out[i] = PackedFile(files[first + i]) }
      }
      return packed.map { $0! }
    }
  }

  /// Writes the rows of the changed and the removed files, in the files table and in the
  /// full-text index, with statements prepared once.
  private struct FileRows {
    /// The stored files' rows by path, as they were when the commit began.
    private var existing: [String: (id: Int64, hash: String)] = [:]
    private let db: Database
    private let forgetText: Statement
    private let insertFile: Statement
    private let updateFile: Statement
    private let deleteFile: Statement
    private let insertText: Statement

    init(_ db: Database) throws {
      self.db = db
      let rows = try Row.fetchCursor(db, sql: "SELECT id, path, content_hash FROM files")
      while let row = try rows.next() { existing[row[1]] = (row[0], row[2]) }
      // file_fts indexes files.title and files.text (external content, through the view file_text,
      // which unpacks the text): a row must be taken out of it with its old values before the files
      // row changes.
      forgetText = try db.makeStatement(
        sql: """
          INSERT INTO file_fts(file_fts, rowid, title, text) SELECT 'delete', id, title, kamergraph_text(text) FROM files WHERE id = ?
          """)
      insertFile = try db.makeStatement(
        sql: "INSERT INTO files(path, content_hash, title, text, document, mentions, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)")
      updateFile = try db.makeStatement(
        sql: "UPDATE files SET content_hash = ?, title = ?, text = ?, document = ?, mentions = ?, outcome = ? WHERE id = ?")
      deleteFile = try db.makeStatement(sql: "DELETE FROM files WHERE id = ?")
      insertText = try db.makeStatement(sql: "INSERT INTO file_fts(rowid, title, text) VALUES (?, ?, ?)")
    }

    /// Stores `file` unless the index holds it with the same content hash; true when it was stored.
    mutating func store(_ file: PackedFile) throws -> Bool {
      let old = existing[file.path]
      guard old?.hash != file.contentHash else { return false }
      // The text has its own column (searched by file_fts); the blobs hold the rest.
      let rowID: Int64
      if let old {
        try forgetText.execute(arguments: [old.id])
        try updateFile.run([
          file.contentHash, file.title, file.packedText, file.document, file.mentions, file.outcome, old.id,
        ])
        rowID = old.id
      } else {
        try insertFile.run([file.path, file.contentHash, file.title, file.packedText, file.document, file.mentions, file.outcome])
        rowID = db.lastInsertedRowID
      }
      try insertText.run([rowID, file.title, file.text])
      return true
    }

    /// Removes the rows of `paths` (those the index holds).
    func remove(_ paths: [String]) throws {
      for removed in Set(paths).sorted() {
        guard let old = existing[removed] else { continue }
        try forgetText.execute(arguments: [old.id])
        try deleteFile.execute(arguments: [old.id])
      }
    }
  }

  /// Replaces the graph tables with `graph` (the mention tables are updated, see `storeMentions`);
  /// `progress` hears (rows written, nodes + edges + mentions). The mentions are stored first and
  /// then let go (`graph.mentions` is left empty): a build writes its graph files meanwhile, and
  /// they need the rest of the graph only.
  private static func replaceGraph(
    _ graph: inout CitationGraph, in db: Database, indexPath: String, progress: ((_ done: Int, _ total: Int) -> Void)?
  ) throws {
    let rows = graph.nodesByID.count + graph.edgesByKey.count + graph.mentions.count + 1
    var written = 0
    func advance() {
      written += 1
      if written & 0x3FFF == 0 { progress?(written, rows) }
    }
    // Dropping and recreating is much faster than deleting every row, and building the indexes
    // after the rows (one sort each) is faster than keeping them up to date row by row.
    for table in graphTableNames { try db.execute(sql: "DROP TABLE \(table)") }
    try db.execute(sql: graphTables)
    // The mentions: only the rows of the files whose mentions changed are written.
    try storeMentions(graph.mentions, in: db)
    written += graph.mentions.count
    progress?(written, rows)
    graph.mentions = []

    let nodes = graph.nodes
    var numbers: [String: Int64] = [:]
    numbers.reserveCapacity(nodes.count)
    // Numbers follow id order, so ordering by number is ordering by id.
    for (offset, node) in nodes.enumerated() { numbers[node.id] = Int64(offset + 1) }

    var degree: [String: Int] = [:]
    for key in graph.edgesByKey.keys {
      degree[key.source, default: 0] += 1
      degree[key.target, default: 0] += 1
    }
    let insertNode = try db.makeStatement(
      sql: """
        INSERT INTO nodes(num, id, kind, label, date, vergaderjaar, ministry, status, url, degree)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertName = try db.makeStatement(sql: "INSERT INTO names(key, node, name, is_alias) VALUES (?, ?, ?, ?)")
    let insertPath = try db.makeStatement(sql: "INSERT OR IGNORE INTO node_paths(node, path) VALUES (?, ?)")
    let nodeRow = RawInsert(insertNode, db)
    let nameRow = RawInsert(insertName, db)
    let pathRow = RawInsert(insertPath, db)
    for (offset, node) in nodes.enumerated() {
      let num = offset + 1
      nodeRow.bind(1, num); nodeRow.bind(2, node.id); nodeRow.bind(3, node.kind); nodeRow.bind(4, node.label)
      nodeRow.bind(5, node.date); nodeRow.bind(6, node.vergaderjaar); nodeRow.bind(7, node.ministry)
      nodeRow.bind(8, node.status.rawValue); nodeRow.bind(9, node.url); nodeRow.bind(10, degree[node.id] ?? 0)
      try nodeRow.step()
      for alias in Set(node.aliases).sorted() where alias != node.id {
        nameRow.bind(1, alias.lowercased()); nameRow.bind(2, num); nameRow.bind(3, alias); nameRow.bind(4, 1)
        try nameRow.step()
      }
      for file in node.paths {
        pathRow.bind(1, num); pathRow.bind(2, file)
        try pathRow.step()
      }
      advance()
    }

    // Ids are ASCII (ids.md), so SQLite's lower() is Swift's lowercased() for them.
    try db.execute(sql: "INSERT INTO names(key, node, name, is_alias) SELECT lower(id), num, id, 0 FROM nodes")
    try db.execute(sql: "INSERT INTO node_fts(rowid, label) SELECT num, label || ' ' || id FROM nodes")

    let insertEdge = try db.makeStatement(
      sql: "INSERT INTO edges(num, source, target, relation, weight) VALUES (?, ?, ?, ?, ?)")
    let insertEvidence = try db.makeStatement(
      sql: "INSERT INTO evidence(edge, path, line, start, \"end\", text, source) VALUES (?, ?, ?, ?, ?, ?, ?)")
    // Sorting by node numbers (which follow id order) is the order of `graph.edges`, without
    // comparing strings.
    var numbered: [(source: Int64, target: Int64, edge: Edge)] = []
    numbered.reserveCapacity(graph.edgesByKey.count)
    for edge in graph.edgesByKey.values {
      guard let source = numbers[edge.source], let target = numbers[edge.target] else {
        let missing = numbers[edge.source] == nil ? edge.source : edge.target
        throw IndexError.inconsistentGraph(
          path: indexPath,
          reason: "the edge \(edge.source) -\(edge.relation.rawValue)-> \(edge.target) names \(missing), "
            + "which is not a node")
      }
      numbered.append((source, target, edge))
    }
    numbered.sort { ($0.source, $0.target, $0.edge.relation) < ($1.source, $1.target, $1.edge.relation) }
    let edgeRow = RawInsert(insertEdge, db)
    let evidenceRow = RawInsert(insertEvidence, db)
    for (offset, (source, target, edge)) in numbered.enumerated() {
      let num = offset + 1
      edgeRow.bind(1, num); edgeRow.bind(2, Int(source)); edgeRow.bind(3, Int(target))
      edgeRow.bind(4, edge.relation.rawValue); edgeRow.bind(5, edge.weight)
      try edgeRow.step()
      for e in edge.evidence {
        // 0 stands for no line (lines count from 1; the column is NOT NULL).
        evidenceRow.bind(1, num); evidenceRow.bind(2, e.path); evidenceRow.bind(3, e.line ?? 0)
        evidenceRow.bind(4, e.start); evidenceRow.bind(5, e.end); evidenceRow.bind(6, e.text)
        evidenceRow.bind(7, e.source.rawValue)
        try evidenceRow.step()
      }
      advance()
    }

    try db.execute(sql: graphIndexes)
  }
}

extension Statement {
  /// Executes with `arguments` without GRDB's argument-count check: the bulk inserts of `commit`
  /// bind exactly their placeholders, and the check costs a noticeable share of a large rebuild.
  fileprivate func run(_ arguments: StatementArguments) throws {
    setUncheckedArguments(arguments)
    try execute()
  }
}

/// A prepared insert bound and stepped through SQLite's own calls, for the graph's many rows:
/// GRDB's `StatementArguments` box every value, a noticeable share of a large build. Binds what
/// GRDB binds for the same Swift values (integers as INTEGER, strings as TEXT, nil as NULL).
private struct RawInsert {
  private let statement: Statement
  private let db: Database
  private let handle: OpaquePointer
  /// SQLite copies the bytes before the call returns (SQLITE_TRANSIENT).
  private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

  init(_ statement: Statement, _ db: Database) {
    self.statement = statement
    self.db = db
    handle = statement.sqliteStatement
  }

  func bind(_ i: Int32, _ value: Int) { sqlite3_bind_int64(handle, i, Int64(value)) }

  func bind(_ i: Int32, _ value: String) {
    var text = value
    text.withUTF8 { bytes in
      // An empty buffer may have no address, which SQLite would bind as NULL.
      if let base = bytes.baseAddress {
        _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
          sqlite3_bind_text(handle, i, $0, Int32(bytes.count), Self.transient)
        }
      } else {
        _ = sqlite3_bind_text(handle, i, "", 0, Self.transient)
      }
    }
  }

  func bind(_ i: Int32, _ value: String?) {
    if let value { bind(i, value) } else { sqlite3_bind_null(handle, i) }
  }

  /// Inserts the bound row and makes the statement ready for the next.
  func step() throws {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard rc == SQLITE_DONE else {
      let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message, sql: statement.sql)
    }
  }
}
