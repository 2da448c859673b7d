import GRDB
import Testing

@testable import KamerGraph

/// `IndexStreamWalk`: the cursors the JSON and CSV streams share take each node's aliases and
/// paths and each edge's evidence in turn, and answer "fall back" for rows out of commit order.
@Suite struct IndexStreamWalkTests {
  /// An in-memory database with the index's names, node_paths and evidence tables.
  func database(_ sql: String) throws -> DatabaseQueue {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(
        sql: """
          CREATE TABLE names(key TEXT NOT NULL, node INTEGER NOT NULL, name TEXT NOT NULL, is_alias INTEGER NOT NULL);
          CREATE TABLE node_paths(node INTEGER NOT NULL, path TEXT NOT NULL, PRIMARY KEY(node, path)) WITHOUT ROWID;
          CREATE TABLE evidence(
            edge INTEGER NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, text TEXT NOT NULL, source TEXT NOT NULL);
          """)
      try db.execute(sql: sql)
    }
    return queue
  }

  func strings(_ list: ByteStrings) -> [String] { (0..<list.count).map { list.string($0) } }

  @Test func eachNodeGetsItsAliasesInRowOrderAndItsPathsInKeyOrder() throws {
    let queue = try database(
      """
      INSERT INTO names VALUES ('b', 1, 'B', 1), ('a', 1, 'A', 1), ('n', 1, 'Name', 0), ('c', 3, 'C', 1);
      INSERT INTO node_paths VALUES (3, 'z.txt'), (1, 'b.txt'), (1, 'a.txt');
      """)
    try queue.read { db in
      var aliases = try IndexStreamWalk.NodeList.aliases(db, nodeCount: 3)
      var paths = try IndexStreamWalk.NodeList.paths(db, nodeCount: 3)
      var list = ByteStrings()
      var taken: [[String]] = []
      for num in 1...3 {
        #expect(try aliases.take(node: num, into: &list))
        taken.append(strings(list))
        #expect(try paths.take(node: num, into: &list))
        taken.append(strings(list))
      }
      #expect(taken == [["B", "A"], ["a.txt", "b.txt"], [], [], ["C"], ["z.txt"]])
      #expect(aliases.isDone)
      #expect(paths.isDone)
    }
  }

  @Test func rowsOfAnEarlierNodeOrOfNoNodeMeanFallBack() throws {
    // A row of node 1 when node 2 is asked for: the nodes were walked out of order.
    var queue = try database("INSERT INTO node_paths VALUES (1, 'a.txt');")
    try queue.read { db in
      var paths = try IndexStreamWalk.NodeList.paths(db, nodeCount: 2)
      var list = ByteStrings()
      #expect(try !paths.take(node: 2, into: &list))
    }
    // An alias of node 3 of 2.
    queue = try database("INSERT INTO names VALUES ('x', 3, 'X', 1);")
    try queue.read { db in
      var aliases = try IndexStreamWalk.NodeList.aliases(db, nodeCount: 2)
      var list = ByteStrings()
      #expect(try !aliases.take(node: 1, into: &list))
    }
    // Rows left after the walk stopped.
    queue = try database("INSERT INTO node_paths VALUES (2, 'b.txt');")
    try queue.read { db in
      var paths = try IndexStreamWalk.NodeList.paths(db, nodeCount: 2)
      var list = ByteStrings()
      #expect(try paths.take(node: 1, into: &list))
      #expect(list.count == 0)
      #expect(!paths.isDone)
    }
  }

  @Test func eachEdgeGetsItsEvidenceWithLinesAndTheStrongestSource() throws {
    let queue = try database(
      """
      INSERT INTO evidence VALUES
        (1, 'a.txt', 3, 1, 4, 'AVG', 'text'), (1, 'a.xml', 0, 0, 0, 'AVG', 'metadata'),
        (3, 'b.txt', 7, 2, 5, 'Wet', 'xml-link');
      """)
    try queue.read { db in
      var evidence = try IndexStreamWalk.EdgeEvidence(db)
      #expect(try evidence.take(edge: 1))
      #expect(strings(evidence.keys) == ["a.txt", "AVG", "a.xml", "AVG"])
      #expect(evidence.lines == [3, nil])
      #expect(evidence.starts == [1, 0])
      #expect(evidence.ends == [4, 0])
      #expect(evidence.sources == [.text, .metadata])
      #expect(evidence.origin == .metadata)
      #expect(try evidence.take(edge: 2))
      #expect(evidence.count == 0)
      #expect(evidence.origin == nil)
      #expect(!evidence.isDone)
      #expect(try evidence.take(edge: 3))
      #expect(evidence.count == 1)
      #expect(evidence.origin == .xmlLink)
      #expect(evidence.isDone)
    }
  }

  @Test func evidenceOutOfOrderMeansFallBack() throws {
    // Two rows of one edge not in (path, start, end, text, source) order: the loader would sort them.
    var queue = try database(
      "INSERT INTO evidence VALUES (1, 'b.txt', 1, 0, 1, 'x', 'text'), (1, 'a.txt', 1, 0, 1, 'x', 'text');")
    try queue.read { db in
      var evidence = try IndexStreamWalk.EdgeEvidence(db)
      #expect(try !evidence.take(edge: 1))
    }
    // A row of edge 1 after the rows of edge 2.
    queue = try database(
      "INSERT INTO evidence VALUES (2, 'a.txt', 1, 0, 1, 'x', 'text'), (1, 'a.txt', 1, 0, 1, 'x', 'text');")
    try queue.read { db in
      var evidence = try IndexStreamWalk.EdgeEvidence(db)
      #expect(try evidence.take(edge: 1))
      #expect(evidence.count == 0)
      #expect(try !evidence.take(edge: 2))
    }
  }
}
