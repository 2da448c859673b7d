import Foundation
import KamerGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an answer in the cache came from: the URL, when it was fetched (and last confirmed
/// unchanged), the validators for conditional requests, and a SHA-256 checksum of the bytes.
public struct Provenance: Codable, Sendable, Equatable {
  public var url: String
  /// ISO 8601 UTC time of the download.
  public var fetchedAt: String
  /// ISO 8601 UTC time of the last conditional request answered 304 Not Modified.
  public var checkedAt: String?
  public var etag: String?
  public var lastModified: String?
  public var contentType: String?
  public var sha256: String
  public var bytes: Int
  /// The stored body, relative to the cache folder (`documents/ah-tk-20252026-313.xml`).
  public var file: String
}

/// The cache folder of `kamergraph fetch`:
///
///     CACHE/documents/     the fetched documents, named after their ids (what `build` reads)
///     CACHE/responses/     search and OData answers, by a hash of their URL
///     CACHE/provenance/    one JSON record per URL (Provenance), written after its body
///     CACHE/tk/            one JSON record per Tweede Kamer document fetched through the OData
///                          (TKCachedDocument): what `sync` keeps current
///     CACHE/sync.json      where the last `sync` stopped in the SyncFeed (SyncState)
///     CACHE/missing/       one JSON record per URL the source answered 404/410 (MissingRecord)
///     CACHE/tmp/           downloads being written; emptied when the cache is opened
///
/// Every file is written to tmp/ and renamed into place, so a killed run leaves no half-written
/// file where a later run or `build` looks; an answer counts as cached only once its provenance
/// record exists, so the next run continues where the killed one stopped.
public struct FetchCache: Sendable {
  public let root: URL
  public var documents: URL { root.appendingPathComponent("documents", isDirectory: true) }
  var responses: URL { root.appendingPathComponent("responses", isDirectory: true) }
  var provenance: URL { root.appendingPathComponent("provenance", isDirectory: true) }
  var tmp: URL { root.appendingPathComponent("tmp", isDirectory: true) }
  var tk: URL { root.appendingPathComponent("tk", isDirectory: true) }

  /// Opens (creating) the cache at `path` and removes what a killed run left in tmp/.
  public init(path: String) throws(FetchError) {
    root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    let fm = FileManager.default
    do {
      for folder in [documents, responses, provenance, tmp, tk] {
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      for leftover in try fm.contentsOfDirectory(atPath: tmp.path) {
        try fm.removeItem(at: tmp.appendingPathComponent(leftover))
      }
    } catch {
      throw .cache(path: path, message: "cannot be created or cleaned: \(error.localizedDescription)")
    }
  }

  /// The key of a URL: the first 32 hex digits of its SHA-256.
  static func key(_ url: URL) -> String { String(SHA256.hex(Array(url.absoluteString.utf8)).prefix(32)) }

  /// The cached answer for `url`, when its provenance record exists and the body matches its checksum.
  func entry(for url: URL) -> (provenance: Provenance, body: [UInt8])? {
    let record = provenance.appendingPathComponent(Self.key(url) + ".json")
    guard let data = FileManager.default.contents(atPath: record.path),
      let p = try? JSONDecoder().decode(Provenance.self, from: data), p.url == url.absoluteString,
      let body = FileManager.default.contents(atPath: root.appendingPathComponent(p.file).path)
    else { return nil }
    let bytes = [UInt8](body)
    guard bytes.count == p.bytes, SHA256.hex(bytes) == p.sha256 else { return nil }
    return (p, bytes)
  }

  /// Stores `body` fetched from `url` (as `documents/{name}` when it is a document, else under
  /// responses/), then its provenance record; returns the record.
  @discardableResult
  func store(
    _ body: [UInt8], from url: URL, headers: [String: String], documentName: String?, at date: Date = Date()
  ) throws(FetchError) -> Provenance {
    let file = documentName.map { "documents/" + $0 } ?? "responses/" + Self.key(url) + ".body"
    let record = Provenance(
      url: url.absoluteString, fetchedAt: Self.timestamp(date), checkedAt: nil, etag: headers["etag"],
      lastModified: headers["last-modified"], contentType: headers["content-type"], sha256: SHA256.hex(body),
      bytes: body.count, file: file)
    try write(body, to: root.appendingPathComponent(file))
    try save(record, for: url)
    try forgetMissing(url)
    return record
  }

  /// Notes that a conditional request found the cached answer unchanged.
  func confirm(_ record: Provenance, for url: URL, at date: Date = Date()) throws(FetchError) {
    var updated = record
    updated.checkedAt = Self.timestamp(date)
    try save(updated, for: url)
  }

  private func save(_ record: Provenance, for url: URL) throws(FetchError) {
    try saveJSON(record, to: provenance.appendingPathComponent(Self.key(url) + ".json"))
  }

  /// Writes `value` as sorted, indented JSON (through tmp/, as every file).
  func saveJSON<T: Encodable>(_ value: T, to target: URL) throws(FetchError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do { data = try encoder.encode(value) } catch { throw .cache(path: target.path, message: "\(error)") }
    try write([UInt8](data) + [0x0A], to: target)
  }

  func loadJSON<T: Decodable>(_ type: T.Type, from file: URL) -> T? {
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    return try? JSONDecoder().decode(type, from: data)
  }

  /// Removes the cached answer of `url` (its provenance record, then its body).
  func forget(_ url: String) throws(FetchError) {
    guard let u = URL(string: url) else { return }
    let record = provenance.appendingPathComponent(Self.key(u) + ".json")
    let body = loadJSON(Provenance.self, from: record).map { root.appendingPathComponent($0.file) }
    try remove(record)
    if let body { try remove(body) }
  }

  /// Removes a file; one that is already gone is fine.
  func remove(_ file: URL) throws(FetchError) {
    guard unlink(file.path) == 0 || errno == ENOENT else {
      throw .cache(path: file.path, message: String(cString: strerror(errno)))
    }
  }

  /// Writes to tmp/, flushes, and renames over `target` (rename(2) is atomic on one file system).
  func write(_ bytes: [UInt8], to target: URL) throws(FetchError) {
    let temporary = tmp.appendingPathComponent(UUID().uuidString)
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cache(path: temporary.path, message: String(cString: strerror(errno))) }
    var written = 0
    let ok: Bool = bytes.withUnsafeBytes { raw in
      while written < raw.count {
        #if canImport(Glibc)
          let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
        #else
          let n = Darwin.write(fd, raw.baseAddress! + written, raw.count - written)
        #endif
        if n <= 0 { return false }
        written += n
      }
      return fsync(fd) == 0
    }
    close(fd)
    guard ok, rename(temporary.path, target.path) == 0 else {
      let message = String(cString: strerror(errno))
      unlink(temporary.path)
      throw .cache(path: target.path, message: message)
    }
  }

  /// `2026-12-07T04:05:06Z`.
  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  static func date(_ timestamp: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: timestamp)
  }
}
