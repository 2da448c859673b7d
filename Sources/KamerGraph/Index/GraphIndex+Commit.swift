import Foundation
import GRDB

extension GraphIndex {
  /// Stores one build in a single transaction: upserts the files whose content hash changed,
  /// deletes `removedPaths`, and replaces the stored graph (nodes, aliases, edges with evidence,
  /// mentions with status). Unchanged file rows are not rewritten, and an unchanged graph (same
  /// fingerprint) is not rewritten either, so a no-change rebuild costs little more than a scan.
  /// On any failure nothing is written and the previous index stays as it was.
  public func commit(files: [IndexedFile], removedPaths: [String], graph: CitationGraph) throws(IndexError) {
    let fingerprint = Self.fingerprint(of: graph)
    let indexPath = path
    try write { db in
      try Self.storeFiles(files, removedPaths: removedPaths, in: db, indexPath: indexPath)
      let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'graph_fingerprint'")
      if stored != fingerprint {
        try Self.replaceGraph(graph, in: db, indexPath: indexPath)
        try db.execute(
          sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('graph_fingerprint', ?)", arguments: [fingerprint])
      }
    }
  }

  private static func storeFiles(
    _ files: [IndexedFile], removedPaths: [String], in db: Database, indexPath: String
  ) throws {
    var existing: [String: (id: Int64, hash: String)] = [:]
    let rows = try Row.fetchCursor(db, sql: "SELECT id, path, content_hash FROM files")
    while let row = try rows.next() { existing[row[1]] = (row[0], row[2]) }

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let insertFile = try db.makeStatement(
      sql: "INSERT INTO files(path, content_hash, text, document, mentions) VALUES (?, ?, ?, ?, ?)")
    let updateFile = try db.makeStatement(
      sql: "UPDATE files SET content_hash = ?, text = ?, document = ?, mentions = ? WHERE id = ?")
    let deleteFile = try db.makeStatement(sql: "DELETE FROM files WHERE id = ?")
    let insertText = try db.makeStatement(sql: "INSERT INTO file_fts(rowid, title, body) VALUES (?, ?, ?)")
    let deleteText = try db.makeStatement(sql: "DELETE FROM file_fts WHERE rowid = ?")

    for file in files {
      let old = existing[file.path]
      if let old, old.hash == file.contentHash { continue }
      var bare = file.document
      bare.text = ""  // the text has its own column; keeping it out of the JSON makes decoding cheap
      let document = try encoder.encode(bare)
      let mentions = try encoder.encode(file.mentions)
      let title = file.document.metadata.title ?? ""
      let rowID: Int64
      if let old {
        try updateFile.execute(arguments: [file.contentHash, file.document.text, document, mentions, old.id])
        try deleteText.execute(arguments: [old.id])
        rowID = old.id
      } else {
        try insertFile.execute(arguments: [file.path, file.contentHash, file.document.text, document, mentions])
        rowID = db.lastInsertedRowID
      }
      try insertText.execute(arguments: [rowID, title, file.document.text])
    }
    for removed in Set(removedPaths).sorted() {
      guard let old = existing[removed] else { continue }
      try deleteText.execute(arguments: [old.id])
      try deleteFile.execute(arguments: [old.id])
    }
  }

  private static func replaceGraph(_ graph: CitationGraph, in db: Database, indexPath: String) throws {
    for table in ["nodes", "node_fts", "names", "node_paths", "edges", "evidence", "mentions"] {
      try db.execute(sql: "DELETE FROM \(table)")
    }
    let nodes = graph.nodes
    var numbers: [String: Int64] = [:]
    numbers.reserveCapacity(nodes.count)
    // Numbers follow id order, so ordering by number is ordering by id.
    for (offset, node) in nodes.enumerated() { numbers[node.id] = Int64(offset + 1) }

    let insertNode = try db.makeStatement(
      sql: """
        INSERT INTO nodes(num, id, kind, label, date, vergaderjaar, ministry, status, url)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertLabel = try db.makeStatement(sql: "INSERT INTO node_fts(rowid, label) VALUES (?, ?)")
    let insertName = try db.makeStatement(sql: "INSERT INTO names(key, node, name, is_alias) VALUES (?, ?, ?, ?)")
    let insertPath = try db.makeStatement(sql: "INSERT OR IGNORE INTO node_paths(node, path) VALUES (?, ?)")
    for node in nodes {
      let num = numbers[node.id]!
      try insertNode.execute(arguments: [
        num, node.id, node.kind, node.label, node.date, node.vergaderjaar, node.ministry, node.status.rawValue,
        node.url,
      ])
      try insertLabel.execute(arguments: [num, node.label + " " + node.id])
      try insertName.execute(arguments: [node.id.lowercased(), num, node.id, 0])
      for alias in Set(node.aliases).sorted() where alias != node.id {
        try insertName.execute(arguments: [alias.lowercased(), num, alias, 1])
      }
      for file in node.paths { try insertPath.execute(arguments: [num, file]) }
    }

    let insertEdge = try db.makeStatement(
      sql: "INSERT INTO edges(num, source, target, relation, weight) VALUES (?, ?, ?, ?, ?)")
    let insertEvidence = try db.makeStatement(
      sql: "INSERT INTO evidence(edge, path, line, start, \"end\", text, source) VALUES (?, ?, ?, ?, ?, ?, ?)")
    for (offset, edge) in graph.edges.enumerated() {
      guard let source = numbers[edge.source], let target = numbers[edge.target] else {
        let missing = numbers[edge.source] == nil ? edge.source : edge.target
        throw IndexError.inconsistentGraph(
          path: indexPath,
          reason: "the edge \(edge.source) -\(edge.relation.rawValue)-> \(edge.target) names \(missing), "
            + "which is not a node")
      }
      let num = Int64(offset + 1)
      try insertEdge.execute(arguments: [num, source, target, edge.relation.rawValue, edge.weight])
      for e in edge.evidence {
        try insertEvidence.execute(arguments: [num, e.path, e.line, e.start, e.end, e.text, e.source.rawValue])
      }
    }

    let insertMention = try db.makeStatement(
      sql: """
        INSERT INTO mentions(num, path, document, kind, ids, text, start, "end", line, "column", fields, status, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (offset, item) in graph.mentions.enumerated() {
      let m = item.mention
      try insertMention.execute(arguments: [
        Int64(offset + 1), item.path, item.document, m.kind.rawValue, m.ids.joined(separator: " "), m.text,
        m.start, m.end, m.line, m.column, JSONText.sortedObject(m.fields), m.status.rawValue, m.reason,
      ])
    }
  }
}
