import Foundation
import GRDB
import Testing

@testable import KamerGraph

@Suite struct IndexCompressionTests {
  static let longText = String(
    repeating: "De minister van Economische Zaken beantwoordt de vragen over de raffinaderij (2025Z14549). ",
    count: 40) + "Één laatste zin met ë en ‘quotes’."

  @Test(arguments: [0, 1, 63, 64, 200, 5_000, 300_000])
  func packThenUnpackGivesTheBytesBack(size: Int) throws {
    // Repetitive and non-repetitive bytes alike.
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 * 7) ^ ($0 >> 5)) }
    let packed = IndexCompression.pack(bytes)
    #expect(try IndexCompression.unpack(Data(packed)) == Data(bytes))
    if size < IndexCompression.minimumSize { #expect(packed == bytes) }
  }

  @Test func textShrinksAndComesBackTheSame() throws {
    let packed = IndexCompression.pack(Array(Self.longText.utf8))
    #expect(packed.first == IndexCompression.packedMagic)
    #expect(packed.count * 5 < Self.longText.utf8.count)
    let value = IndexCompression.packText(Self.longText)
    guard case .blob = value.storage else {
      Issue.record("a long text is stored packed")
      return
    }
    #expect(try IndexCompression.text(value) == Self.longText)
    // Short texts stay TEXT; TEXT values (older indexes) read as they are.
    #expect(IndexCompression.packText("kort") == "kort".databaseValue)
    #expect(try IndexCompression.text("oud".databaseValue) == "oud")
  }

  @Test func bytesThatDoNotShrinkAreStoredAsTheyAre() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let noise = (0..<4096).map { _ -> UInt8 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
    #expect(IndexCompression.pack(noise) == noise)
  }

  @Test func aDamagedPackedValueIsAnErrorNotACrash() {
    var packed = IndexCompression.pack(Array(Self.longText.utf8))
    packed.removeLast(packed.count / 2)
    #expect(throws: BlobError.self) { try IndexCompression.unpack(Data(packed)) }
    #expect(throws: BlobError.self) { try IndexCompression.unpack(Data([IndexCompression.packedMagic, 1])) }
  }

  /// The files whose text matches `word`, with the snippet `search` shows, through the full-text
  /// index (which reads packed texts through the view `file_text`).
  static func textHits(_ index: GraphIndex, _ word: String) throws -> [(path: String, snippet: String)] {
    try index.pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.path, snippet(file_fts, 1, '[', ']', '…', 12) FROM file_fts JOIN files f ON f.id = file_fts.rowid
          WHERE file_fts MATCH ? ORDER BY f.path
          """, arguments: [word]
      ).map { ($0[0] as String, $0[1] as String) }
    }
  }

  @Test func theIndexStoresTextsPackedAndStillSearchesAndCachesThem() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let long = IndexFixtures.file("lang.txt", text: Self.longText, ownIds: ["kst-1-1"], title: "Lang")
    let short = IndexFixtures.file("kort.txt", text: "korte tekst", ownIds: ["kst-1-2"], title: "Kort")
    try index.commit(files: [long, short], removedPaths: [], graph: CitationGraph())
    let stored = try index.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT path, typeof(text), length(text) FROM files ORDER BY path")
        .map { ($0[0] as String, $0[1] as String, $0[2] as Int) }
    }
    #expect(stored.map(\.1) == ["text", "blob"])
    #expect(stored[1].2 * 5 < Self.longText.utf8.count)
    #expect(try index.cachedFile(path: "lang.txt", contentHash: long.contentHash) == long)
    #expect(try index.cachedFiles(["lang.txt": long.contentHash, "kort.txt": short.contentHash]) == [
      "lang.txt": long, "kort.txt": short,
    ])
    let hits = try Self.textHits(index, "raffinaderij")
    #expect(hits.map(\.path) == ["lang.txt"])
    #expect(hits.first?.snippet.contains("[raffinaderij]") == true, "\(hits)")
    // Changing and removing a packed row takes it out of the full-text index with its old text.
    var changed = long
    changed.contentHash = "changed"
    changed.document.text = Self.longText.replacingOccurrences(of: "raffinaderij", with: "windpark")
    try index.commit(files: [changed, short], removedPaths: [], graph: CitationGraph())
    #expect(try Self.textHits(index, "raffinaderij").isEmpty)
    #expect(try Self.textHits(index, "windpark").map(\.path) == ["lang.txt"])
    try index.commit(files: [short], removedPaths: ["lang.txt"], graph: CitationGraph())
    #expect(try Self.textHits(index, "windpark").isEmpty)
    try index.pool.write { db in try db.execute(sql: "INSERT INTO file_fts(file_fts) VALUES ('integrity-check')") }
  }

  @Test func aVersionFourIndexKeepsItsPlainTextsSearchableAndCached() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let file = IndexFixtures.file("oud.txt", text: Self.longText, ownIds: ["kst-1-1"], title: "Oud")
    do {
      let queue = try DatabaseQueue(path: path)
      try queue.write { db in
        for step in GraphIndex.migrations.prefix(4) { try db.execute(sql: step) }
        try db.execute(
          sql: "INSERT INTO files(path, content_hash, title, text, document, mentions) VALUES (?, ?, 'Oud', ?, ?, ?)",
          arguments: [
            file.path, file.contentHash, file.document.text, Data(IndexBlob.encode(document: file.document)),
            Data(IndexBlob.encode(mentions: file.mentions)),
          ])
        try db.execute(
          sql: "INSERT INTO file_fts(rowid, title, text) VALUES (?, 'Oud', ?)",
          arguments: [db.lastInsertedRowID, file.document.text])
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema_version', '4'), ('graph_fingerprint', 'x')")
      }
    }
    let index = try GraphIndex(path: path)
    #expect(try index.cachedFile(path: file.path, contentHash: file.contentHash) == file)
    #expect(try Self.textHits(index, "raffinaderij").map(\.path) == ["oud.txt"])
    // v6 keeps the mentions in tables of their own, without the v5 index.
    let mentionTables = try index.pool.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'mention%' ORDER BY name")
    }
    #expect(mentionTables.filter { !$0.hasPrefix("sqlite_") } == ["mention_counts", "mention_files", "mention_open"])
    // Removing the plain row takes it out of the full-text index.
    try index.commit(files: [], removedPaths: ["oud.txt"], graph: CitationGraph())
    #expect(try Self.textHits(index, "raffinaderij").isEmpty)
    try index.pool.write { db in try db.execute(sql: "INSERT INTO file_fts(file_fts) VALUES ('integrity-check')") }
  }

  @Test func aLongBuildStateIsStoredPackedAndReadBackTheSame() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    let long = (1...300).map { "  note corpus/\($0).xml: merged with corpus/\($0).metadata.xml" }.joined(separator: "\n")
    try index.setBuildState("k", long)
    try index.setBuildState("short", "{}")
    #expect(try index.buildState("k") == long)
    #expect(try index.buildState("short") == "{}")
    #expect(try index.buildState("missing") == nil)
    let stored = try index.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT key, typeof(value), length(value) FROM meta WHERE key LIKE 'build:%' ORDER BY key")
        .map { ($0[0] as String, $0[1] as String, $0[2] as Int) }
    }
    #expect(stored.map(\.1) == ["blob", "text"])
    #expect(stored[0].2 * 5 < long.utf8.count)
    // A state stored as text (before it was packed) reads as it is.
    try index.pool.write { db in try db.execute(sql: "UPDATE meta SET value = 'plain' WHERE key = 'build:k'") }
    #expect(try index.buildState("k") == "plain")
  }
}
