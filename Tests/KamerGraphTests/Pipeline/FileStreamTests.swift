import Dispatch
import Foundation
import GRDB
import Testing

@testable import KamerGraph

@Suite struct FileStreamTests {
  private func packed(_ path: String) -> GraphIndex.PackedFile {
    GraphIndex.PackedFile(
      IndexedFile(path: path, contentHash: "h-" + path, document: Document(path: path, format: .plainText, text: path), mentions: []))
  }

  @Test func filesComeOutInUnitOrderWhateverOrderTheyAreGivenIn() throws {
    let units = 200
    let stream = FileStream(units: units, indexPath: "idx", ahead: 8)
    // Every third unit has no file to store.
    let order = Array(0..<units).shuffled()
    DispatchQueue.global().async {
      DispatchQueue.concurrentPerform(iterations: units) { k in
        // Shuffled, but never more than `ahead` out of order, as readers that take units in order are.
        let i = (k / 8) * 8 + order.filter { $0 < 8 }[k % 8]
        guard i < units else { return }
        stream.give(i, i % 3 == 0 ? nil : packed("f\(i)"))
      }
    }
    var taken: [String] = []
    while let file = try stream.take() { taken.append(file.path) }
    #expect(taken == (0..<units).filter { $0 % 3 != 0 }.map { "f\($0)" })
  }

  @Test func theRestComesAfterTheFilesAndAnAbandonedStreamFails() throws {
    let stream = FileStream(units: 2, indexPath: "idx")
    stream.give(1, packed("b"))
    stream.give(0, packed("a"))
    #expect(try stream.take()?.path == "a")
    #expect(try stream.take()?.path == "b")
    #expect(try stream.take() == nil)
    stream.finish(removedPaths: ["gone"], inputs: nil)
    #expect(try stream.remaining().removedPaths == ["gone"])

    let stopped = FileStream(units: 3, indexPath: "idx")
    stopped.give(0, packed("a"))
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { stopped.abandon() }
    #expect(try stopped.take()?.path == "a")
    // Unit 1 never comes: the writer waits until the build gives up, then fails.
    #expect(throws: IndexError.self) { try stopped.take() }
    #expect(throws: IndexError.self) { try stopped.remaining() }
  }

  /// The files table and the full-text index hold the same rows, with the same row ids, whether
  /// the files were read on one thread or several.
  @Test func theIndexRowsDoNotDependOnTheNumberOfThreads() throws {
    let folder = Repo.path("corpus/palantir")
    var dumps: [[String]] = []
    for threads in [1, 4, 2] {
      let path = IndexFixtures.temporaryIndexPath()
      _ = try BuildPipeline(options: BuildOptions(threads: threads)).build(
        paths: [folder], index: try GraphIndex(path: path, access: .build()))
      let index = try GraphIndex(path: path, access: .read)
      dumps.append(
        try index.pool.read { db in
          try Row.fetchAll(db, sql: "SELECT * FROM files ORDER BY id").map { "\($0)" }
            + Row.fetchAll(db, sql: "SELECT * FROM file_fts_data ORDER BY id").map { "\($0)" }
        })
    }
    #expect(dumps[0].count >= 6)
    #expect(dumps[1] == dumps[0])
    #expect(dumps[2] == dumps[0])
  }
}
