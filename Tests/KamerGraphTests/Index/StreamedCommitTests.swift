import Foundation
import GRDB
import Testing

@testable import KamerGraph

@Suite struct StreamedCommitTests {
  private func rows(_ index: GraphIndex) throws -> [String] {
    try index.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT id, path, content_hash, title, text, document, mentions, outcome FROM files ORDER BY id")
        .map { "\($0)" }
    }
  }

  @Test func filesTakenOneAtATimeAreStoredAsAnArrayOfThemIs() throws {
    let whole = try IndexFixtures.palantirIndex()
    let streamed = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    var files = IndexFixtures.palantirFiles().map(GraphIndex.PackedFile.init)
    files.reverse()
    try streamed.commit(
      nextFile: { files.popLast() }, rest: { ([], nil) }, graph: { (IndexFixtures.palantirGraph(), nil) },
      progress: nil)
    #expect(try rows(streamed) == rows(whole))
    #expect(try streamed.loadGraph() == whole.loadGraph())
  }

  @Test func aCommitWhoseBuildStopsLeavesTheIndexAsItWas() throws {
    let index = try IndexFixtures.palantirIndex()
    let before = try rows(index)
    let changed = IndexFixtures.palantirFiles().map { file -> GraphIndex.PackedFile in
      var file = file
      file.contentHash += "-changed"
      file.document.text += " more"
      return GraphIndex.PackedFile(file)
    }
    var files = changed
    #expect(throws: IndexError.self) {
      try index.commit(
        nextFile: { files.popLast() },
        rest: { () throws(IndexError) in throw IndexError.writeFailed(path: index.path, reason: "stopped") },
        graph: { (CitationGraph(), nil) }, progress: nil)
    }
    #expect(try rows(index) == before)
  }

  @Test func aFileWhoseHashIsStoredIsNotReadBackFromTheCache() throws {
    let index = try IndexFixtures.palantirIndex()
    let file = IndexFixtures.palantirFiles()[0]
    #expect(try index.cachedFile(path: file.path, contentHash: file.contentHash) == file)
    #expect(try index.cachedFile(path: file.path, contentHash: file.contentHash + "x") == nil)
  }
}

@Suite struct IndexPageSizeTests {
  /// Rows of 2 to 4 KiB (a packed text and its blobs) left most of a 4 KiB page empty.
  @Test func aNewIndexHasSixteenKiBPages() throws {
    let index = try IndexFixtures.palantirIndex()
    #expect(try index.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16384)
    #expect(try index.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
  }
}
