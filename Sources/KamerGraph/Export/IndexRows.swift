import Foundation
import GRDB
import GRDBSQLite

/// A statement stepped by hand, its columns read in place: text columns as the bytes SQLite holds
/// (valid until the next step), numbers as integers. No `Row`, no `Codable`, no `String` unless asked.
/// For the exporters that stream the index (issue 21: reading columns, not decoding rows).
struct IndexRows {
  private let statement: Statement
  private let db: Database
  private let handle: OpaquePointer

  init(_ db: Database, sql: String) throws {
    statement = try db.makeStatement(sql: sql)
    self.db = db
    handle = statement.sqliteStatement
  }

  /// Moves to the next row; false after the last.
  func next() throws -> Bool {
    let rc = sqlite3_step(handle)
    if rc == SQLITE_ROW { return true }
    if rc == SQLITE_DONE { return false }
    let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
    throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message, sql: statement.sql)
  }

  /// Column `i` of the current row as an integer (0 for NULL).
  func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }

  /// True when column `i` of the current row is NULL.
  func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

  /// The UTF-8 bytes of text column `i` (empty for NULL), valid until the next `next()`.
  func text(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
    guard let start = sqlite3_column_text(handle, i) else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, i)))
  }
}

/// Helpers on column bytes that give exactly what a `String` read through GRDB would give.
enum ColumnText {
  /// True when every byte is ASCII and not NUL: then the bytes are the string GRDB would read
  /// (`String(cString:)` stops at NUL and repairs invalid UTF-8; neither can happen here).
  @inline(__always)
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for b in bytes where b == 0 || b >= 0x80 { return false }
    return true
  }

  /// The string GRDB would read from these column bytes: up to the first NUL, invalid UTF-8 repaired.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let end = bytes.firstIndex(of: 0) ?? bytes.count
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
  }

  /// `a < b` as Swift compares the strings GRDB would read (byte order when both are plain ASCII).
  static func less(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if isPlain(a), isPlain(b) { return compare(a, b) < 0 }
    return string(a) < string(b)
  }

  /// `a == b` as Swift compares the strings GRDB would read.
  static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if isPlain(a), isPlain(b) { return compare(a, b) == 0 }
    return string(a) == string(b)
  }

  /// Byte-wise three-way comparison.
  static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
      let c = memcmp(pa, pb, n)
      if c != 0 { return Int(c) }
    }
    return a.count - b.count
  }

  /// Appends the bytes as a JSON string literal, exactly as `JSONText.appendQuoted` quotes the
  /// string GRDB would read.
  static func appendJSONQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    var plain = true
    for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b >= 0x80 {
      plain = false
      break
    }
    if plain {
      out.append(0x22)
      out.append(contentsOf: bytes)
      out.append(0x22)
    } else {
      JSONText.appendQuoted(string(bytes), to: &out)
    }
  }
}

/// A growing store of byte strings addressed by index (node ids, an edge's evidence keys), so
/// that column bytes outlive their row without a `String` each.
struct ByteStrings {
  private(set) var bytes: [UInt8] = []
  private(set) var ends: [Int] = []

  var count: Int { ends.count }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
  }

  mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: b)
    ends.append(bytes.count)
  }

  mutating func reserve(strings: Int, bytes n: Int) {
    ends.reserveCapacity(strings)
    bytes.reserveCapacity(n)
  }

  /// Calls `body` with the bytes of string `i`.
  func with<T>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
    let start = i == 0 ? 0 : ends[i - 1]
    return try bytes.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[start..<ends[i]]))
    }
  }

  /// String `i` as GRDB would have read it.
  func string(_ i: Int) -> String { with(i) { ColumnText.string($0) } }
}
