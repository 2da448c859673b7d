import Foundation
import GRDB
import Testing

@testable import KamerGraph

/// The mention tables of schema v6: one packed row per file, the open mentions as rows, counts by status.
@Suite struct MentionTablesTests {
  /// Writes `mentions` as the v5 `mentions` table held them, one row each.
  static func insertV5(_ mentions: [DocumentMention], in db: Database) throws {
    for (offset, item) in mentions.enumerated() {
      let m = item.mention
      try db.execute(
        sql: """
          INSERT INTO mentions(num, path, document, kind, ids, text, start, "end", line, "column", fields, status, reason)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          offset + 1, item.path, item.document, m.kind.rawValue, m.ids.joined(separator: " "), m.text, m.start, m.end,
          m.line, m.column, JSONText.object(m.fields.map { ($0.key, JSONText.quoted($0.value)) }), m.status.rawValue,
          m.reason,
        ])
    }
  }

  @Test func aVersionFiveIndexHasItsMentionsConvertedInOrder() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let mentions = IndexFixtures.palantirMentions()
    do {
      var config = Configuration()
      config.prepareDatabase { db in db.add(function: IndexCompression.textFunction) }
      let queue = try DatabaseQueue(path: path, configuration: config)
      try queue.write { db in
        for step in GraphIndex.migrations.prefix(5) { try db.execute(sql: step) }
        try Self.insertV5(mentions, in: db)
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema_version', '5'), ('graph_fingerprint', 'x')")
      }
    }
    let index = try GraphIndex(path: path)
    #expect(try index.loadGraph().mentions == mentions)
    #expect(try index.unresolved().map(\.text) == ["nr. 2790", "de brief van 12 maart"], "by path: ah-tk-... first")
    let stats = try index.stats()
    #expect(stats.mentions == 4)
    #expect(stats.mentionsByStatus.map(\.name) == ["ambiguous", "external", "resolved", "unresolved"])
    let left = try index.pool.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'mentions%' ORDER BY name")
    }
    #expect(left.isEmpty, "\(left)")
    // The graph is not taken for another: its fingerprint stays.
    let meta = try index.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('graph_fingerprint', 'schema_version') ORDER BY key")
        .map { "\($0[0] as String)=\($0[1] as String)" }
    }
    #expect(meta == ["graph_fingerprint=x", "schema_version=\(GraphIndex.schemaVersion)"])
    #expect(GraphIndex.schemaVersion == 6)
  }

  @Test func aCommitRewritesOnlyTheFilesWhoseMentionsChanged() throws {
    let index = try IndexFixtures.palantirIndex()
    var graph = IndexFixtures.palantirGraph()
    #expect(try index.loadGraph() == graph)
    let rows = try index.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mention_files") }
    #expect(rows == 2)
    // The ambiguous mention of the second file resolves: only that file's row changes.
    graph.mentions[3].mention.status = .resolved
    graph.mentions[3].mention.reason = nil
    let written = try index.pool.write { db in try GraphIndex.storeMentions(graph.mentions, in: db) }
    #expect(written == 1)
    #expect(try index.loadGraph().mentions == graph.mentions)
    #expect(try index.unresolved().map(\.text) == ["de brief van 12 maart"])
    #expect(try index.stats().mentionsByStatus.map { "\($0.name) \($0.count)" } == ["external 1", "resolved 2", "unresolved 1"])
    // Nothing changed: nothing is written.
    #expect(try index.pool.write { db in try GraphIndex.storeMentions(graph.mentions, in: db) } == 0)
    // Another file order: every row is written again, and the old ones are gone.
    let reordered = Array(graph.mentions[3...]) + Array(graph.mentions[..<3])
    #expect(try index.pool.write { db in try GraphIndex.storeMentions(reordered, in: db) } == 2)
    #expect(try index.loadGraph().mentions == reordered)
    #expect(try index.unresolved().map(\.text) == ["de brief van 12 maart"])
    // No mentions at all.
    #expect(try index.pool.write { db in try GraphIndex.storeMentions([], in: db) } == 0)
    #expect(try index.loadGraph().mentions.isEmpty)
    #expect(try index.unresolved().isEmpty)
    #expect(try index.stats().mentions == 0)
  }

  /// Files whose cached extraction holds the graph's mentions (before resolving: other statuses,
  /// an old ministry id), as a build stores them.
  static func filesAndGraph() -> ([IndexedFile], CitationGraph) {
    var graph = IndexFixtures.palantirGraph()
    let resolved = graph.mentions
    var files: [IndexedFile] = []
    for (k, path) in [IndexFixtures.defensiePath, IndexFixtures.jenvPath].enumerated() {
      var file = IndexFixtures.palantirFiles()[k]
      file.mentions = resolved.filter { $0.path == path }.map(\.mention).map { m in
        var extracted = m
        extracted.status = .external
        extracted.reason = nil
        if m.kind == .zaak { extracted.ids = ["2025Z14549"] }
        return extracted
      }
      files.append(file)
    }
    graph.mentions = resolved
    return (files, graph)
  }

  @Test func rowsAreDifferencesFromTheCachedExtractionAndReadBackExactly() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let (files, graph) = Self.filesAndGraph()
    try index.commit(files: files, removedPaths: [], graph: graph)
    #expect(try index.loadGraph() == graph)
    let firstBytes = try index.pool.read { db in
      try Data.fetchAll(db, sql: "SELECT mentions FROM mention_files ORDER BY num").map { try IndexCompression.unpack($0).first }
    }
    #expect(firstBytes == [MentionDelta.magic, MentionDelta.magic])
    // A file whose extraction changes while the graph stays the same: its row follows.
    var changed = files[0]
    changed.contentHash = "other"
    changed.mentions[1].ids = ["kv-tk-2025Z14549"]
    try index.commit(files: [changed, files[1]], removedPaths: [], graph: graph)
    #expect(try index.loadGraph() == graph)
    // An extraction that is not the graph's mentions: the row holds them whole.
    var other = files[1]
    other.contentHash = "different"
    other.mentions = []
    try index.commit(files: [changed, other], removedPaths: [], graph: graph)
    #expect(try index.loadGraph() == graph)
    let kinds = try index.pool.read { db in
      try Data.fetchAll(db, sql: "SELECT mentions FROM mention_files ORDER BY num").map { try IndexCompression.unpack($0).first }
    }
    #expect(kinds == [MentionDelta.magic, IndexBlob.magic])
  }

  @Test func aDifferenceWithoutItsFileIsADamagedRowNotACrash() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let (files, graph) = Self.filesAndGraph()
    try index.commit(files: files, removedPaths: [], graph: graph)
    try index.pool.write { db in try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [IndexFixtures.jenvPath]) }
    #expect(throws: IndexError.self) { try index.loadGraph() }
    #expect(throws: BlobError.self) { try MentionDelta.decode(Data([MentionDelta.magic, 1, 4]), from: []) }
  }

  @Test func runsFollowTheFileAndDocumentOfConsecutiveMentions() {
    let m = IndexFixtures.palantirMentions()
    let runs = GraphIndex.mentionRuns([m[0], m[1], m[3], m[2]])
    #expect(runs.map(\.range) == [0..<2, 2..<3, 3..<4])
    #expect(GraphIndex.mentionRuns([]).isEmpty)
  }

  @Test func unresolvedReadsOnlyTheOpenMentionsAndTheirFiles() throws {
    let index = try IndexFixtures.palantirIndex()
    let plan = try index.pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          EXPLAIN QUERY PLAN SELECT f.path, o.line, o."column", o.kind, o.text, o.status, o.reason, o.ids
          FROM mention_open o JOIN mention_files f ON f.num = o.file ORDER BY f.path, o.start, o."end", o.file, o.seq
          """
      ).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("SEARCH f USING INTEGER PRIMARY KEY") }, "\(plan)")
    #expect(try index.unresolved().map(\.path) == [IndexFixtures.defensiePath, IndexFixtures.jenvPath].sorted())
  }
}
