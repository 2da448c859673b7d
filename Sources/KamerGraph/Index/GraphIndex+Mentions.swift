import Foundation
import GRDB

/// The resolved mentions of the stored graph (schema v6, issue 21).
///
/// Until v5 every mention had a row of its own with its path, document id, kind, ids, text and
/// fields as text (160 bytes a mention, a fifth of the index). Only `loadGraph` reads them all,
/// and only whole, in committed order; `unresolved` reads the few that did not resolve and
/// `stats` their counts. So v6 keeps:
///
/// - `mention_files`: one row per run of consecutive mentions of one file (in practice one row
///   per document), in committed order (`num`), holding them as one packed `IndexBlob` (every
///   property of every mention, statuses and reasons included);
/// - `mention_open`: the unresolved and ambiguous ones again as rows (`unresolved` lists them),
///   keyed by their `mention_files` row and their place in it;
/// - `mention_counts`: how many mentions there are of each status (`stats`).
///
/// A commit rewrites only the `mention_files` rows whose mentions changed (when the files, in
/// order, are the ones stored; otherwise all of them).
extension GraphIndex {
  /// v6: the mentions as above; the v5 rows are converted by `convertMentionsV5` (the graph and its
  /// fingerprint stay as they were, so nothing is resolved or exported again for it).
  /// v6 also gives each file row its document's format and notes (`files.outcome`), which a
  /// build whose graph did not change reports without decoding the cached document.
  static let schemaV6 = """
    ALTER TABLE files ADD COLUMN outcome TEXT;
    DROP INDEX IF EXISTS mentions_open;
    ALTER TABLE mentions RENAME TO mentions_v5;
    """ + mentionTables

  /// The tables of the mentions (created by v6; `commit` keeps them up to date row by row).
  static let mentionTables = """
    CREATE TABLE mention_files(
      num INTEGER PRIMARY KEY, path TEXT NOT NULL, document TEXT NOT NULL, mentions BLOB NOT NULL);
    CREATE TABLE mention_open(
      file INTEGER NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, ids TEXT NOT NULL, text TEXT NOT NULL,
      start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL, "column" INTEGER NOT NULL,
      status TEXT NOT NULL, reason TEXT, PRIMARY KEY(file, seq)) WITHOUT ROWID;
    CREATE TABLE mention_counts(status TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
    """

  /// Runs after the SQL of migration step `step` (0-based) when it brings an existing index up.
  static func afterMigration(_ step: Int, in db: Database) throws {
    if step == 5 { try convertMentionsV5(db) }
  }

  /// Moves the rows of the v5 `mentions` table (renamed `mentions_v5` by v6) into the v6 tables,
  /// in their order, and drops it.
  static func convertMentionsV5(_ db: Database) throws {
    guard try db.tableExists("mentions_v5") else { return }
    let decoder = JSONDecoder()
    var mentions: [DocumentMention] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT path, document, kind, ids, text, start, "end", line, "column", fields, status, reason
        FROM mentions_v5 ORDER BY num
        """)
    while let row = try rows.next() {
      let fieldsText: String = row[9]
      let fields = fieldsText == "{}" ? [:] : try decoder.decode(MentionFields.self, from: Data(fieldsText.utf8))
      guard let kind = ReferenceKind(rawValue: row[2]), let status = MentionStatus(rawValue: row[10]) else {
        throw BlobError("a mention of \(row[0] as String) has an unknown kind or status")
      }
      let idText: String = row[3]
      let mention = Mention(
        kind: kind, ids: idText.split(separator: " ").map(String.init), text: row[4], start: row[5], end: row[6],
        line: row[7], column: row[8], fields: fields, status: status, reason: row[11])
      mentions.append(DocumentMention(path: row[0], document: row[1], mention: mention))
    }
    try storeMentions(mentions, in: db)
    try db.execute(sql: "DROP TABLE mentions_v5")
  }

  /// One `mention_files` row: a run of consecutive mentions of one file with one document id.
  struct MentionRun: Equatable {
    var path: String
    var document: String
    var range: Range<Int>
  }

  /// `mentions` cut into runs of one (path, document), in order.
  static func mentionRuns(_ mentions: [DocumentMention]) -> [MentionRun] {
    var runs: [MentionRun] = []
    var start = 0
    for i in mentions.indices where i + 1 == mentions.count
      || mentions[i + 1].path != mentions[i].path || mentions[i + 1].document != mentions[i].document
    {
      runs.append(MentionRun(path: mentions[i].path, document: mentions[i].document, range: start..<(i + 1)))
      start = i + 1
    }
    return runs
  }

  /// Makes the mention tables hold `mentions`. When the stored rows are the same runs (same
  /// files and documents in the same order), only the rows whose mentions differ are written;
  /// otherwise every row is. Returns how many `mention_files` rows were written.
  @discardableResult
  static func storeMentions(_ mentions: [DocumentMention], in db: Database) throws -> Int {
    let runs = mentionRuns(mentions)
    // Each file's cached extraction (`files.mentions`), which a row is written as a difference from.
    var bases: [String: Data] = [:]
    let wanted = Set(runs.map(\.path))
    let fileRows = try Row.fetchCursor(db, sql: "SELECT path, mentions FROM files")
    while let row = try fileRows.next() {
      let path: String = row[0]
      if wanted.contains(path) { bases[path] = row[1] }
    }
    var blobs = [Data](repeating: Data(), count: runs.count)
    let extractions = bases
    blobs.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      let chunks = max(1, min(runs.count, ProcessInfo.processInfo.activeProcessorCount * 8))
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        var i = chunk
        while i < runs.count {
          let resolved = mentions[runs[i].range].map(\.mention)
          let base = extractions[runs[i].path].flatMap { try? IndexBlob.decodeMentions($0) }
          let bytes = base.flatMap { MentionDelta.encode(resolved, from: $0) } ?? IndexBlob.encode(mentions: resolved)
          out[i] = Data(IndexCompression.pack(bytes))
          i += chunks
        }
      }
    }
    var stored: [(num: Int64, path: String, document: String, blob: Data)] = []
    let rows = try Row.fetchCursor(db, sql: "SELECT num, path, document, mentions FROM mention_files ORDER BY num")
    while let row = try rows.next() { stored.append((row[0], row[1], row[2], row[3])) }
    let sameRuns =
      stored.count == runs.count
      && zip(stored, runs).allSatisfy { $0.path == $1.path && $0.document == $1.document }
      && stored.enumerated().allSatisfy { $0.element.num == Int64($0.offset + 1) }
    if !sameRuns {
      try db.execute(sql: "DELETE FROM mention_files; DELETE FROM mention_open;")
    }
    let insertFile = try db.makeStatement(
      sql: "INSERT OR REPLACE INTO mention_files(num, path, document, mentions) VALUES (?, ?, ?, ?)")
    let forgetOpen = try db.makeStatement(sql: "DELETE FROM mention_open WHERE file = ?")
    let insertOpen = try db.makeStatement(
      sql: """
        INSERT INTO mention_open(file, seq, kind, ids, text, start, "end", line, "column", status, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var written = 0
    for (k, run) in runs.enumerated() {
      let num = Int64(k + 1)
      if sameRuns {
        guard stored[k].blob != blobs[k] else { continue }
        try forgetOpen.execute(arguments: [num])
      }
      try insertFile.execute(arguments: [num, run.path, run.document, blobs[k]])
      written += 1
      for (seq, i) in run.range.enumerated() {
        let m = mentions[i].mention
        guard m.status == .unresolved || m.status == .ambiguous else { continue }
        try insertOpen.execute(arguments: [
          num, seq, m.kind.rawValue, m.ids.joined(separator: " "), m.text, m.start, m.end, m.line, m.column,
          m.status.rawValue, m.reason,
        ])
      }
    }
    var counts: [String: Int] = [:]
    for m in mentions { counts[m.mention.status.rawValue, default: 0] += 1 }
    try db.execute(sql: "DELETE FROM mention_counts")
    let insertCount = try db.makeStatement(sql: "INSERT INTO mention_counts(status, count) VALUES (?, ?)")
    for (status, count) in counts.sorted(by: { $0.key < $1.key }) { try insertCount.execute(arguments: [status, count]) }
    return written
  }

  /// The stored mentions in committed order.
  static func loadMentions(_ db: Database, indexPath: String) throws -> [DocumentMention] {
    var out: [DocumentMention] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT m.path, m.document, m.mentions, f.mentions FROM mention_files m LEFT JOIN files f ON f.path = m.path
        ORDER BY m.num
        """)
    while let row = try rows.next() {
      let path: String = row[0]
      let document: String = row[1]
      let decoded: [Mention]
      do { decoded = try decodeMentionRow(row[2], base: row[3]) } catch {
        throw IndexError.corruptRow(path: indexPath, file: path, reason: describe(error))
      }
      for m in decoded { out.append(DocumentMention(path: path, document: document, mention: m)) }
    }
    return out
  }
}

extension GraphIndex {
  /// The mentions of a `mention_files` row: a packed `IndexBlob`, or a `MentionDelta` from
  /// `base`, the file's cached extraction.
  static func decodeMentionRow(_ stored: Data, base: Data?) throws -> [Mention] {
    let data = try IndexCompression.unpack(stored)
    guard data.first == MentionDelta.magic else { return try IndexBlob.decodeMentions(data) }
    guard let base else { throw BlobError("the mentions are stored as a difference from a file the index does not hold") }
    return try MentionDelta.decode(data, from: try IndexBlob.decodeMentions(base))
  }
}

/// A file's resolved mentions as what differs from its cached extraction (`files.mentions`), which
/// has the same mentions in the same order with the same kind, text and position: for each, its
/// status and reason, and its ids and fields only when resolving changed them (a ministry named by
/// its old name, a person's id). The resolved mentions take a few bytes each instead of all of them.
///
/// `commit` keeps every row's extraction as it was written against (`storeMentions` runs again
/// whenever files change).
enum MentionDelta {
  /// First byte (`IndexBlob.magic` is 0xB7, `IndexCompression.packedMagic` 0xB8).
  static let magic: UInt8 = 0xBA
  static let version: UInt8 = 1

  /// `resolved` as a difference from `base`; nil when they are not the same mentions.
  static func encode(_ resolved: [Mention], from base: [Mention]) -> [UInt8]? {
    guard resolved.count == base.count else { return nil }
    var w = BlobWriter(capacity: 8 + resolved.count * 4)
    w.bytes.append(magic)
    w.bytes.append(version)
    w.int(resolved.count)
    for (m, b) in zip(resolved, base) {
      guard m.kind == b.kind, m.text == b.text, m.start == b.start, m.end == b.end, m.line == b.line,
        m.column == b.column
      else { return nil }
      let flags = (m.ids != b.ids ? 1 : 0) | (m.fields != b.fields ? 2 : 0)
      w.int(flags)
      w.string(m.status.rawValue)
      w.optionalString(m.reason)
      if m.ids != b.ids { w.strings(m.ids) }
      if m.fields != b.fields { w.fields(m.fields) }
    }
    return w.bytes
  }

  /// The mentions `encode` was given, from its bytes (unpacked) and `base`.
  static func decode(_ data: Data, from base: [Mention]) throws -> [Mention] {
    try data.withUnsafeBytes { raw in
      guard raw.count >= 2, raw[0] == magic else { throw BlobError("no header") }
      guard raw[1] == version else { throw BlobError("difference version \(raw[1]), expected \(version)") }
      var r = BlobReader(raw)
      r.at = 2
      let count = try r.count()
      guard count == base.count else {
        throw BlobError("\(count) mentions stored as a difference from \(base.count) cached ones")
      }
      var out = base
      for k in out.indices {
        let flags = try r.int()
        out[k].status = try r.raw(MentionStatus.self)
        out[k].reason = try r.optionalString()
        if flags & 1 != 0 { out[k].ids = try r.strings() }
        if flags & 2 != 0 { out[k].fields = try r.fields() }
      }
      try r.end()
      return out
    }
  }
}

/// The format and notes of a cached document, as `files.outcome` holds them: the format, then
/// each note, separated by U+001F (which neither holds).
enum StoredOutcome {
  static let separator: Character = "\u{1F}"

  static func encode(format: DocumentFormat, notes: [String]) -> String? {
    guard !notes.contains(where: { $0.contains(separator) }) else { return nil }
    return ([format.rawValue] + notes).joined(separator: String(separator))
  }

  static func decode(_ text: String) -> (format: DocumentFormat, notes: [String])? {
    let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first, let format = DocumentFormat(rawValue: first) else { return nil }
    return (format, Array(parts.dropFirst()))
  }
}

extension GraphIndex {
  /// The document and mentions the index holds for `file`, whatever its content hash.
  public func storedFile(path file: String) throws(IndexError) -> IndexedFile? {
    let row = try read { db in
      try Row.fetchOne(
        db.cachedStatement(sql: "SELECT content_hash, text, document, mentions FROM files WHERE path = ?"),
        arguments: [file])
    }
    guard let row else { return nil }
    do {
      let document = try IndexBlob.decodeDocument(row["document"], text: IndexCompression.text(row["text"]))
      let mentions = try IndexBlob.decodeMentions(row["mentions"])
      return IndexedFile(path: file, contentHash: row["content_hash"], document: document, mentions: mentions)
    } catch {
      throw .corruptRow(path: path, file: file, reason: Self.describe(error))
    }
  }

  /// The format and notes of the cached document of each of `paths` (all when nil), by path; a
  /// row from before v6 has its document decoded for them.
  public func storedOutcomes(_ paths: Set<String>? = nil) throws(IndexError) -> [String: (format: DocumentFormat, notes: [String])] {
    let indexPath = path
    return try read { db in
      var out: [String: (format: DocumentFormat, notes: [String])] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT path, outcome FROM files")
      var missing: [String] = []
      while let row = try rows.next() {
        let file: String = row[0]
        if let paths, !paths.contains(file) { continue }
        if let text = row[1] as String?, let stored = StoredOutcome.decode(text) { out[file] = stored } else { missing.append(file) }
      }
      for file in missing {
        guard let blob = try Data.fetchOne(db, sql: "SELECT document FROM files WHERE path = ?", arguments: [file]) else { continue }
        do {
          let document = try IndexBlob.decodeDocument(blob, text: "")
          out[file] = (document.format, document.notes)
        } catch {
          throw IndexError.corruptRow(path: indexPath, file: file, reason: Self.describe(error))
        }
      }
      return out
    }
  }

  /// True when the stored graph has `file` as the only file of its document node (no copy of
  /// it under the same id) and no identity conflict names it.
  public func isSoleDocument(path file: String) throws(IndexError) -> Bool {
    let (own, others) = try read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM node_paths WHERE path = ?", arguments: [file]) ?? 0,
        try Int.fetchOne(
          db,
          sql: "SELECT count(*) FROM node_paths WHERE node IN (SELECT node FROM node_paths WHERE path = ?1) AND path != ?1",
          arguments: [file]) ?? 0
      )
    }
    guard own == 1, others == 0 else { return false }
    return try !identityConflicts().contains { $0.paths.contains(file) }
  }

  /// The fingerprint of the stored graph, nil when none was committed.
  public func graphFingerprint() throws(IndexError) -> String? {
    try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'graph_fingerprint'") }
  }
}
