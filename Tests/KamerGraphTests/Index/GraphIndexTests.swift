import Foundation
import GRDB
import Testing

@testable import KamerGraph

@Suite struct GraphIndexTests {
  @Test(arguments: [
    ("", "cbf29ce484222325-0"),
    ("a", "af63dc4c8601ec8c-1"),
    ("foobar", "85944171f73967e8-6"),
  ])
  func contentHashIsFNV1a64WithLength(input: String, expected: String) {
    #expect(GraphIndex.contentHash(of: Array(input.utf8)) == expected)
  }

  @Test func commitThenLoadGivesTheSameGraph() throws {
    let index = try IndexFixtures.palantirIndex()
    let loaded = try index.loadGraph()
    let graph = IndexFixtures.palantirGraph()
    #expect(loaded.nodes == graph.nodes)
    #expect(loaded.edges == graph.edges)
    #expect(loaded.mentions == graph.mentions)
    #expect(loaded == graph)
  }

  @Test func anEmptyIndexLoadsAnEmptyGraph() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    #expect(try index.loadGraph() == CitationGraph())
    #expect(try index.indexedPaths() == [])
  }

  @Test func generatedGraphRoundTrips() throws {
    let graph = GeneratedGraph.make(documents: 1500, seed: 7)
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    #expect(try index.loadGraph() == graph)
    #expect(graph.nodes.count > 3000)
  }

  @Test func cachedFileHitsOnlyWithTheSameHash() throws {
    let index = try IndexFixtures.palantirIndex()
    let file = IndexFixtures.palantirFiles()[0]
    let hit = try #require(try index.cachedFile(path: file.path, contentHash: file.contentHash))
    #expect(hit == file)
    #expect(hit.document.text == file.document.text)
    #expect(try index.cachedFile(path: file.path, contentHash: "0000000000000000-0") == nil)
    #expect(try index.cachedFile(path: "corpus/other.txt", contentHash: file.contentHash) == nil)
    #expect(try index.indexedPaths() == [IndexFixtures.jenvPath, IndexFixtures.defensiePath].sorted())
  }

  @Test func incrementalAddChangeRemove() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let index = try GraphIndex(path: path)
    let a = IndexFixtures.file("a.txt", text: "alfa tekst", ownIds: ["kst-1-1"], title: "A")
    let b = IndexFixtures.file("b.txt", text: "bravo tekst", ownIds: ["kst-1-2"], title: "B")
    try index.commit(files: [a, b], removedPaths: [], graph: CitationGraph())
    #expect(try index.indexedPaths() == ["a.txt", "b.txt"])

    // Change b, add c, keep a.
    let b2 = IndexFixtures.file("b.txt", text: "bravo gewijzigd", ownIds: ["kst-1-2"], title: "B", version: "2")
    let c = IndexFixtures.file("c.txt", text: "charlie tekst", ownIds: ["kst-1-3"], title: "C")
    try index.commit(files: [a, b2, c], removedPaths: [], graph: CitationGraph())
    #expect(try index.indexedPaths() == ["a.txt", "b.txt", "c.txt"])
    #expect(try index.cachedFile(path: "b.txt", contentHash: b.contentHash) == nil)
    #expect(try index.cachedFile(path: "b.txt", contentHash: b2.contentHash)?.document.text == "bravo gewijzigd")
    #expect(try index.cachedFile(path: "a.txt", contentHash: a.contentHash) == a)

    // Remove a: its row and its text leave the index.
    try index.commit(files: [b2, c], removedPaths: ["a.txt", "never-indexed.txt"], graph: CitationGraph())
    #expect(try index.indexedPaths() == ["b.txt", "c.txt"])
    func matches(_ word: String) throws -> [String] {
      try index.pool.read { db in
        try String.fetchAll(
          db, sql: "SELECT f.path FROM file_fts JOIN files f ON f.id = file_fts.rowid WHERE file_fts MATCH ? ORDER BY 1",
          arguments: [word])
      }
    }
    #expect(try matches("alfa") == [])
    #expect(try matches("bravo") == ["b.txt"])
    #expect(try matches("gewijzigd") == ["b.txt"])
    #expect(try matches("tekst") == ["c.txt"])
    // The full-text index agrees with the rows it indexes.
    try index.pool.write { db in try db.execute(sql: "INSERT INTO file_fts(file_fts) VALUES ('integrity-check')") }
  }

  @Test func anExternalCitationBecomesResolvedWhenItsDocumentArrives() throws {
    let index = try IndexFixtures.palantirIndex()
    var graph = IndexFixtures.palantirGraph()
    var cited = try #require(graph.node("ah-tk-20242025-2790"))
    cited.status = .resolved
    cited.paths = ["corpus/palantir/ah-tk-20242025-2790.xml"]
    graph.upsert(cited)
    graph.mentions[0].mention.status = .resolved
    let newFile = IndexFixtures.file(
      "corpus/palantir/ah-tk-20242025-2790.xml", text: "Antwoord nr. 2790", ownIds: ["ah-tk-20242025-2790"],
      title: "2790")
    try index.commit(files: IndexFixtures.palantirFiles() + [newFile], removedPaths: [], graph: graph)
    let shown = try index.show("ah-tk-20242025-2790")
    #expect(shown.node.status == .resolved)
    #expect(shown.node.paths == ["corpus/palantir/ah-tk-20242025-2790.xml"])
    #expect(try index.loadGraph() == graph)
    #expect(try index.stats().mentionsByStatus == [
      NamedCount(name: "ambiguous", count: 1), NamedCount(name: "resolved", count: 2),
      NamedCount(name: "unresolved", count: 1),
    ])
  }

  @Test func aNoChangeCommitWritesNothing() throws {
    let index = try IndexFixtures.palantirIndex()
    let before = try index.pool.write { $0.totalChangesCount }
    try index.commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    let after = try index.pool.write { $0.totalChangesCount }
    #expect(after == before)
    // A changed graph is written.
    var graph = IndexFixtures.palantirGraph()
    graph.remove(node: "fractie:FVD")
    try index.commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: graph)
    #expect(try index.pool.write { $0.totalChangesCount } > after)
    #expect(try index.loadGraph() == graph)
  }

  @Test func aCommitThatFailsMidwayLeavesThePreviousIndex() throws {
    let index = try IndexFixtures.palantirIndex()
    var broken = IndexFixtures.palantirGraph()
    broken.remove(node: "ministerie:DEF")
    broken.add(Edge(source: "zz-no-such-node", target: "ministerie:JENV", relation: .mentions, evidence: []))
    let extra = IndexFixtures.file("new.txt", text: "nieuw", ownIds: [], title: "nieuw")
    #expect(throws: IndexError.self) {
      try index.commit(files: [extra], removedPaths: [IndexFixtures.defensiePath], graph: broken)
    }
    do {
      try index.commit(files: [extra], removedPaths: [], graph: broken)
      Issue.record("the broken graph was accepted")
    } catch {
      guard case .inconsistentGraph(_, let reason) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(reason.contains("zz-no-such-node"))
    }
    #expect(try index.loadGraph() == IndexFixtures.palantirGraph())
    #expect(try index.cachedFile(path: "new.txt", contentHash: extra.contentHash) == nil)
    #expect(try index.indexedPaths().contains(IndexFixtures.defensiePath))
  }

  @Test func aCopyTakenWithItsWriteAheadLogOpens() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let index = try GraphIndex(path: path)
    try index.commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    let fm = FileManager.default
    #expect(fm.fileExists(atPath: path + "-wal"))
    // Copy while the original is still open and the log not checkpointed.
    let copy = IndexFixtures.temporaryIndexPath("copy.sqlite")
    try fm.copyItem(atPath: path, toPath: copy)
    try fm.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
    let reopened = try GraphIndex(path: copy)
    #expect(try reopened.loadGraph() == IndexFixtures.palantirGraph())
    // The main file alone is a consistent (older) state, still usable.
    let bare = IndexFixtures.temporaryIndexPath("bare.sqlite")
    try fm.copyItem(atPath: path, toPath: bare)
    let older = try GraphIndex(path: bare)
    let stats = try older.stats()
    #expect(stats.nodes == 0 || stats.nodes == IndexFixtures.palantirGraph().nodes.count)
  }

  @Test func aFileThatIsNotADatabaseIsAClearError() throws {
    let path = IndexFixtures.temporaryIndexPath()
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    do {
      _ = try GraphIndex(path: path)
      Issue.record("opened a file of letters as an index")
    } catch {
      #expect(error.description.contains(path))
      #expect(error == .notAnIndex(path: path, reason: "it is not a SQLite database"))
    }
  }

  @Test func reopeningKeepsTheData() throws {
    let path = IndexFixtures.temporaryIndexPath()
    do {
      let index = try GraphIndex(path: path)
      try index.commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    }
    let again = try GraphIndex(path: path)
    #expect(try again.loadGraph() == IndexFixtures.palantirGraph())
    #expect(IndexLocation.resolve(nil) == "kamergraph.sqlite")
    #expect(IndexLocation.resolve("x/y.sqlite") == "x/y.sqlite")
  }

  @Test func aVersionOneIndexIsMigratedAndKeepsItsSearchableText() throws {
    let path = IndexFixtures.temporaryIndexPath()
    do {
      let queue = try DatabaseQueue(path: path)
      var v1 = DatabaseMigrator()
      v1.registerMigration("v1") { db in try db.execute(sql: GraphIndex.schemaV1) }
      try v1.migrate(queue)
      try queue.write { db in
        try db.execute(
          sql: "INSERT INTO files(path, content_hash, text, document, mentions) VALUES ('old.txt', 'h', ?, ?, ?)",
          arguments: ["oude raffinaderij tekst", Data("{}".utf8), Data("[]".utf8)])
        try db.execute(
          sql: """
            INSERT INTO nodes(num, id, kind, label, status) VALUES (1, 'a', 'x', 'A', 'resolved'), (2, 'b', 'x', 'B', 'external');
            INSERT INTO edges(num, source, target, relation, weight) VALUES (1, 1, 2, 'cites', 1), (2, 2, 1, 'see-also', 1);
            """)
      }
    }
    let index = try GraphIndex(path: path)
    #expect(try index.indexedPaths() == ["old.txt"])
    let found = try index.pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT f.path FROM file_fts JOIN files f ON f.id = file_fts.rowid WHERE file_fts MATCH 'raffinaderij'")
    }
    #expect(found == ["old.txt"])
    // v3 counted each node's edges.
    #expect(try index.pool.read { db in try Int.fetchAll(db, sql: "SELECT degree FROM nodes ORDER BY num") } == [2, 2])
    #expect(try index.path(from: "a", to: "b").length == 1)
  }

  @Test func aVersionThreeIndexKeepsItsJSONCacheAndGetsAnEmptyInputsTable() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let file = IndexFixtures.palantirFiles()[0]
    do {
      let queue = try DatabaseQueue(path: path)
      var v3 = DatabaseMigrator()
      v3.registerMigration("v1") { db in try db.execute(sql: GraphIndex.schemaV1) }
      v3.registerMigration("v2") { db in try db.execute(sql: GraphIndex.schemaV2) }
      v3.registerMigration("v3") { db in try db.execute(sql: GraphIndex.schemaV3) }
      try v3.migrate(queue)
      // The rows as versions 1 to 3 wrote them: JSON blobs, the text in its own column.
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      var bare = file.document
      bare.text = ""
      try queue.write { db in
        try db.execute(
          sql: "INSERT INTO files(path, content_hash, title, text, document, mentions) VALUES (?, ?, '', ?, ?, ?)",
          arguments: [file.path, file.contentHash, file.document.text, try encoder.encode(bare), try encoder.encode(file.mentions)])
        try db.execute(
          sql: "INSERT INTO file_fts(rowid, title, text) VALUES (?, '', ?)",
          arguments: [db.lastInsertedRowID, file.document.text])
      }
    }
    let index = try GraphIndex(path: path)
    #expect(try index.inputs().isEmpty, "v4 adds the table; nothing is known about the last build's stamps")
    #expect(try index.cachedFile(path: file.path, contentHash: file.contentHash) == file)
    #expect(try index.cachedFiles([file.path: file.contentHash])[file.path] == file)
    // A commit rewrites a changed file in the binary form, which reads back the same.
    var changed = file
    changed.contentHash = "0123456789abcdef-1"
    changed.document.notes.append("changed")
    try index.commit(files: [changed], removedPaths: [], graph: CitationGraph())
    let blob = try index.pool.read { db in try Data.fetchOne(db, sql: "SELECT document FROM files WHERE path = ?", arguments: [file.path]) }
    #expect(try IndexCompression.unpack(try #require(blob)).first == IndexBlob.magic)
    #expect(try index.cachedFile(path: file.path, contentHash: changed.contentHash) == changed)
  }

  @Test func cachedFilesReturnsExactlyTheHitsOfCachedFile() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let files = (0..<40).map { i in
      IndexFixtures.file("f\(i).txt", text: "tekst \(i)", ownIds: ["kst-1-\(i)"], title: "F\(i)")
    }
    try index.commit(files: files, removedPaths: [], graph: CitationGraph())
    var wanted: [String: String] = [:]
    for (i, file) in files.enumerated() { wanted[file.path] = i % 3 == 0 ? "changed" : file.contentHash }
    wanted["new.txt"] = "h"
    let hits = try index.cachedFiles(wanted)
    #expect(hits.count == files.count - 14)
    for file in files {
      let single = try index.cachedFile(path: file.path, contentHash: wanted[file.path]!)
      #expect(hits[file.path] == single)
    }
    #expect(hits["f1.txt"] == files[1])
    #expect(try index.cachedFiles([:]).isEmpty)
  }
}
