import CKamerZlib
import Foundation
import GRDB

/// zlib compression of what the index stores per file: the text (the largest part of an index,
/// issue 21: the index was three times the corpus) and the `IndexBlob`s.
///
/// A packed value is `packedMagic`, the unpacked length as a little-endian UInt32, then a zlib
/// stream (`compress2`, fastest level: a build compresses every changed file). Values that do
/// not start with `packedMagic` are stored as they are (the rows of older indexes, and blobs that
/// did not shrink), so every reader passes what it fetched through `unpack`.
///
/// The text column holds a BLOB when packed and TEXT otherwise; full-text search reads it through
/// the SQL function `kamergraph_text` (registered on every connection `GraphIndex` opens), which
/// gives the text either way.
enum IndexCompression {
  /// First byte of a packed value. `IndexBlob.magic` (0xB7), JSON (`{`, `[`) and UTF-8 text never
  /// start with it (0xB8 is a UTF-8 continuation byte).
  static let packedMagic: UInt8 = 0xB8

  /// Values smaller than this are stored as they are: zlib's header and checksum would eat the gain.
  static let minimumSize = 64

  /// `bytes` packed, or `bytes` themselves when packing would not make them smaller.
  static func pack(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.count >= minimumSize, bytes.count <= Int(UInt32.max) else { return bytes }
    var bound = compressBound(uLong(bytes.count))
    var out = [UInt8](repeating: 0, count: 5 + Int(bound))
    let rc = out.withUnsafeMutableBufferPointer { dst in
      bytes.withUnsafeBufferPointer { src in
        compress2(dst.baseAddress! + 5, &bound, src.baseAddress, uLong(src.count), Z_BEST_SPEED)
      }
    }
    guard rc == Z_OK, 5 + Int(bound) < bytes.count else { return bytes }
    out.removeSubrange((5 + Int(bound))...)
    out[0] = packedMagic
    let n = UInt32(bytes.count)
    for i in 0..<4 { out[1 + i] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(i))) }
    return out
  }

  /// The text packed (a BLOB) or, when that would not be smaller, the text itself (TEXT).
  static func packText(_ text: String) -> DatabaseValue {
    let bytes = Array(text.utf8)
    let packed = pack(bytes)
    return packed.count < bytes.count ? Data(packed).databaseValue : text.databaseValue
  }

  /// True when `data` is a packed value.
  static func isPacked(_ data: Data) -> Bool { data.first == packedMagic }

  /// The bytes `pack` was given: unpacked when `data` is packed, `data` itself otherwise.
  static func unpack(_ data: Data) throws -> Data {
    guard isPacked(data) else { return data }
    guard data.count >= 5 else { throw BlobError("a compressed value is cut short") }
    var length = 0
    data.withUnsafeBytes { raw in
      for i in 0..<4 { length |= Int(raw[1 + i]) << (8 * i) }
    }
    var out = Data(count: length)
    var produced = uLong(length)
    let rc = out.withUnsafeMutableBytes { dst in
      data.withUnsafeBytes { src in
        uncompress(
          dst.bindMemory(to: Bytef.self).baseAddress, &produced,
          src.bindMemory(to: Bytef.self).baseAddress! + 5, uLong(src.count - 5))
      }
    }
    guard rc == Z_OK, Int(produced) == length else {
      throw BlobError("a compressed value does not inflate (zlib \(rc))")
    }
    return out
  }

  /// The text of a `files.text` value: a packed BLOB unpacked, TEXT as it is.
  static func text(_ value: DatabaseValue) throws -> String {
    switch value.storage {
    case .string(let text): return text
    case .blob(let data):
      let bytes = try unpack(data)
      guard let text = String(validating: bytes, as: UTF8.self) else { throw BlobError("a stored text is not UTF-8") }
      return text
    case .null: return ""
    default: throw BlobError("a stored text is neither text nor a blob")
    }
  }

  /// The SQL function `kamergraph_text(value)`: `text(_:)` for SQL (the full-text index reads the
  /// files' texts through it).
  static let textFunction = DatabaseFunction("kamergraph_text", argumentCount: 1, pure: true) { values in
    try text(values[0])
  }
}
