import Foundation
import GRDB
import Synchronization
import Testing

@testable import KamerGraph

/// The index as a file several processes share (issue 22): builds take the write lock in turn,
/// queries only read, foreign and future files are refused untouched.
@Suite struct IndexSharingTests {
  /// Another program's SQLite file in the default (rollback journal) mode, with one row.
  func foreignDatabase() throws -> String {
    let path = IndexFixtures.temporaryIndexPath("other.db")
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('hallo')")
    }
    return path
  }

  func tables(_ path: String) throws -> [String] {
    var config = Configuration()
    config.readonly = true
    return try DatabaseQueue(path: path, configuration: config).read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    }
  }

  @Test func aForeignSQLiteFileIsRefusedAndNeverWritten() throws {
    let path = try foreignDatabase()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    for access in [IndexAccess.read, .write, .build(rebuild: true)] {
      #expect(throws: IndexError.notAnIndex(path: path, reason: "it is another program's SQLite database (tables notes)")) {
        _ = try GraphIndex(path: path, access: access)
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    #expect(try tables(path) == ["notes"])
  }

  @Test func aZeroByteFileIsNotAnIndexForQueriesAndStaysEmpty() throws {
    let path = IndexFixtures.temporaryIndexPath("empty.sqlite")
    FileManager.default.createFile(atPath: path, contents: Data())
    #expect(throws: IndexError.notAnIndex(path: path, reason: "it is empty (0 bytes)")) {
      _ = try GraphIndex(path: path, access: .read)
    }
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
    // A missing file is not created by a query either.
    let missing = IndexFixtures.temporaryIndexPath("missing.sqlite")
    #expect(throws: IndexError.missing(path: missing)) { _ = try GraphIndex(path: missing, access: .read) }
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test func aTextFileIsNotAnIndex() throws {
    let path = IndexFixtures.temporaryIndexPath("notes.sqlite")
    try Data("Kamerstukken II 2024/25, 36600 X, nr. 12\n".utf8).write(to: URL(fileURLWithPath: path))
    for access in [IndexAccess.read, .write] {
      #expect(throws: IndexError.notAnIndex(path: path, reason: "it is not a SQLite database")) {
        _ = try GraphIndex(path: path, access: access)
      }
    }
  }

  @Test func aReadQueryAnswersWhileAnotherConnectionHoldsTheWriteLock() throws {
    let path = try IndexFixtures.palantirIndex().path
    var config = Configuration()
    config.allowsUnsafeTransactions = true
    let writer = try DatabaseQueue(path: path, configuration: config)
    try writer.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('x', 'uncommitted')")
    }
    defer { try? writer.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
    let index = try GraphIndex(path: path, access: .read)
    #expect(try index.stats().nodes == IndexFixtures.palantirGraph().nodes.count)
    #expect(try index.buildState("x") == nil)
    #expect(throws: IndexError.self) { try index.setBuildState("y", "1") }
  }

  @Test func aQueryDoesNotSwitchTheJournalModeOrMigrate() throws {
    // A version-three index in rollback-journal mode, as an older kamergraph left it.
    let path = IndexFixtures.temporaryIndexPath()
    let queue = try DatabaseQueue(path: path)
    var v3 = DatabaseMigrator()
    for (n, step) in GraphIndex.migrations.prefix(3).enumerated() {
      v3.registerMigration("v\(n + 1)") { db in try db.execute(sql: step) }
    }
    try v3.migrate(queue)
    try queue.close()
    #expect(throws: IndexError.olderSchema(path: path, found: 3, supported: GraphIndex.schemaVersion)) {
      _ = try GraphIndex(path: path, access: .read)
    }
    let after = try DatabaseQueue(path: path)
    #expect(try after.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
    #expect(try !tables(path).contains("inputs"))
    try after.close()
    // A build migrates it.
    _ = try GraphIndex(path: path, access: .write)
    #expect(try tables(path).contains("inputs"))
  }

  @Test func aNewerOrUnknownSchemaIsRefusedNamingBothVersionsAndRebuildReplacesIt() throws {
    let path = try IndexFixtures.palantirIndex().path
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "UPDATE meta SET value = '9' WHERE key = 'schema_version'")
      try db.execute(sql: "UPDATE meta SET value = 'kamergraph 2.0' WHERE key = 'schema_tool'")
    }
    let newer = IndexError.newerSchema(path: path, found: "9", tool: "kamergraph 2.0", supported: GraphIndex.schemaVersion)
    #expect(newer.description.contains("schema version 9, written by kamergraph 2.0"))
    #expect(newer.description.contains("reads schema version \(GraphIndex.schemaVersion)"))
    for access in [IndexAccess.read, .write, .build()] {
      #expect(throws: newer) { _ = try GraphIndex(path: path, access: access) }
    }
    // --rebuild replaces it with this version's (empty) index.
    let rebuilt = try GraphIndex(path: path, access: .build(rebuild: true))
    try rebuilt.commit(files: [], removedPaths: [], graph: CitationGraph(nodes: [], edges: []))
    let reader = try GraphIndex(path: path, access: .read)
    #expect(try reader.stats().nodes == 0)
    #expect(try reader.indexedPaths().isEmpty)
  }

  @Test func anIndexWithAnUnknownMigrationStepIsRefused() throws {
    let path = IndexFixtures.temporaryIndexPath()
    // Schema v5 indexes the file texts through the function GraphIndex registers.
    var config = Configuration()
    config.prepareDatabase { db in db.add(function: IndexCompression.textFunction) }
    let queue = try DatabaseQueue(path: path, configuration: config)
    var future = DatabaseMigrator()
    for (n, step) in GraphIndex.migrations.enumerated() {
      future.registerMigration("v\(n + 1)") { db in try db.execute(sql: step) }
    }
    future.registerMigration("v9-fts-trigram") { db in try db.execute(sql: "ALTER TABLE files ADD COLUMN lang TEXT") }
    try future.migrate(queue)
    try queue.close()
    do {
      _ = try GraphIndex(path: path, access: .write)
      Issue.record("opened an index with an unknown migration")
    } catch {
      guard case .newerSchema(_, let found, _, _) = error else { throw error }
      #expect(found.contains("v9-fts-trigram"))
    }
  }

  @Test func twoWritersOpeningANewIndexAtOnceBothSucceed() throws {
    for _ in 0..<10 {
      let path = IndexFixtures.temporaryIndexPath()
      let failures = Mutex<[String]>([])
      DispatchQueue.concurrentPerform(iterations: 4) { _ in
        do { _ = try GraphIndex(path: path, access: .write) } catch { failures.withLock { $0.append("\(error)") } }
      }
      #expect(failures.withLock { $0 }.isEmpty)
    }
  }

  @Test func aSecondBuildWaitsForTheFirstAndNamesItsProcess() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let first = try GraphIndex(path: path, access: .build())
    let announced = Mutex<[Int32?]>([])
    let opened = Mutex(false)
    let done = DispatchSemaphore(value: 0)
    let second = BuildWait(limit: .seconds(60)) { pid in announced.withLock { $0.append(pid) } }
    Thread.detachNewThread {
      let index = try? GraphIndex(path: path, access: .build(wait: second))
      opened.withLock { $0 = index != nil }
      try? index?.commit(files: [], removedPaths: [], graph: IndexFixtures.palantirGraph())
      done.signal()
    }
    // The second build cannot get the lock until the first commits.
    while announced.withLock({ $0.isEmpty }) { usleep(10_000) }
    #expect(announced.withLock { $0 } == [getpid()])
    #expect(!opened.withLock { $0 })
    try first.commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: CitationGraph(nodes: [], edges: []))
    done.wait()
    #expect(opened.withLock { $0 })
    // The second build came after the first: its graph is the one stored, with the first's files.
    let reader = try GraphIndex(path: path, access: .read)
    #expect(try reader.loadGraph() == IndexFixtures.palantirGraph())
    #expect(try reader.indexedPaths().count == IndexFixtures.palantirFiles().count)
  }

  @Test func aBuildThatGivesUpWaitingSaysWhoHoldsTheLock() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let first = try GraphIndex(path: path, access: .build())
    #expect(throws: IndexError.locked(path: path, pid: getpid())) {
      _ = try GraphIndex(path: path, access: .build(wait: BuildWait(limit: .milliseconds(300))))
    }
    try first.endBuild()
    _ = try GraphIndex(path: path, access: .build(wait: BuildWait(limit: .milliseconds(300))))
  }

  @Test func aQueryDuringTheFirstBuildSaysTheIndexIsBeingBuilt() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let build = try GraphIndex(path: path, access: .build())
    // This process holds the build: the reader would wait for itself, so it is told "no graph".
    #expect(throws: IndexError.noGraph(path: path)) { _ = try GraphIndex(path: path, access: .read) }
    try build.commit(files: [], removedPaths: [], graph: IndexFixtures.palantirGraph())
    #expect(try GraphIndex(path: path, access: .read).stats().nodes == IndexFixtures.palantirGraph().nodes.count)
  }

  @Test func aDamagedIndexIsCalledDamaged() throws {
    let path = try IndexFixtures.palantirIndex().path
    // Keep the header, overwrite the pages after the first.
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: 4096)
    handle.write(Data(repeating: 0xA5, count: 16_384))
    try handle.close()
    try? FileManager.default.removeItem(atPath: path + "-wal")
    try? FileManager.default.removeItem(atPath: path + "-shm")
    do {
      let index = try GraphIndex(path: path, access: .read)
      _ = try index.loadGraph()
      Issue.record("read a damaged index")
    } catch {
      switch error {
      case .damaged, .notAnIndex: #expect(error.description.contains(path))
      default: Issue.record("expected a damaged index, got \(error)")
      }
    }
  }
}
