import Foundation

import Foundation

/// A zip archive opened in memory with its limits checked before anything is extracted: entry
/// count, declared uncompressed size, and entry names (no `../`, no absolute paths). Extraction
/// stops as soon as the actual bytes pass the limits (a lying header cannot inflate a bomb).
package struct SafeZip {
  let path: String
  let limits: ReaderLimits
  /// Entries by name, with where each entry's data lies in `raw` (from the central directory,
  /// checked against its length).
  let entries: [String: ZipStructure.EntryInfo]
  private let raw: [UInt8]

  private final class Counter: @unchecked Sendable {
    var total = 0
  }
  private let counter = Counter()


  package init(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) {
    self.path = path
    self.limits = limits
    // ZIPFoundation's in-memory archive traps (a crash, not an error) when the central directory
    // or a local header lies past the end of the bytes (fuzz finding F2), so check the structure first.
    let table: [String: ZipStructure.EntryInfo]
    switch ZipStructure.parse(bytes) {
    case .failure(let reason): throw .zip(path: path, reason: "it is truncated or damaged (\(reason.text))")
    case .success(let parsed): table = parsed
    }
    self.raw = bytes
    // The entry list comes from the central directory parsed above, checked against the bytes;
    // ZIPFoundation's own reading traps or spins on damaged archives (fuzz findings F2, F3, F4).
    guard !table.isEmpty else { throw .zip(path: path, reason: "it has no entries") }
    if table.count > limits.maxZipEntries {
      throw .zip(path: path, reason: "it has more than \(limits.maxZipEntries) entries")
    }
    var declared = 0
    for name in table.keys.sorted() {
      if Self.isUnsafe(name) {
        throw .zip(path: path, reason: "entry name \"\(name)\" points outside the archive (../ or an absolute path)")
      }
      declared += table[name]!.uncompressed
      if declared > limits.maxZipUncompressed {
        throw .zip(
          path: path,
          reason: "its entries declare more than \(limits.maxZipUncompressed) bytes uncompressed (a zip bomb?)")
      }
    }
    entries = table
  }

  static func isUnsafe(_ name: String) -> Bool {
    if name.hasPrefix("/") || name.hasPrefix("\\") { return true }
    if name.count >= 2, name.dropFirst().first == ":" { return true }
    let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    return parts.contains("..")
  }

  /// The bytes of an entry, or nil when it is absent.
  func bytes(_ name: String) throws(DocumentError) -> [UInt8]? {
    guard !name.hasSuffix("/"), let info = entries[name] else { return nil }
    let limit = limits.maxZipEntrySize
    let data = raw[info.dataStart..<(info.dataStart + info.compressed)]
    var out: [UInt8]
    switch info.method {
    case 0:
      out = Array(data)
      if out.count > limit { throw .zip(path: path, reason: "entry \(name) is larger than the size limit") }
    case 8:
      do throws(ZipInflate.Failure) {
        out = try ZipInflate.inflate(data, limit: limit)
      } catch {
        switch error {
        case .tooLarge: throw .zip(path: path, reason: "entry \(name) inflates beyond the size limit (a zip bomb?)")
        case .truncated: throw .zip(path: path, reason: "entry \(name) is truncated (its compressed data ends early)")
        case .corrupt(let message): throw .zip(path: path, reason: "entry \(name) cannot be inflated (\(message))")
        }
      }
    default:
      throw .zip(path: path, reason: "entry \(name) uses compression method \(info.method), which KamerGraph does not read")
    }
    counter.total += out.count
    if counter.total > limits.maxZipUncompressed {
      throw .zip(path: path, reason: "its entries inflate beyond the size limit (a zip bomb?)")
    }
    if ZipInflate.crc32(out) != info.crc {
      throw .zip(path: path, reason: "entry \(name) is damaged (its checksum does not match)")
    }
    return out
  }

  /// The text of a small entry such as `mimetype`.
  func string(_ name: String) -> String? {
    guard let b = try? bytes(name) else { return nil }
    return String(decoding: b, as: UTF8.self)
  }
}
