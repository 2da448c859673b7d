import Foundation
import KamerGraph

/// A Tweede Kamer document the cache holds because it was fetched through the OData: its GUID
/// (the SyncFeed names entities by GUID), its number, its zaken, and what it became in the cache.
public struct TKCachedDocument: Codable, Sendable, Equatable {
  public var guid: String
  public var nummer: String
  /// The GUIDs of its zaken: a new document in one of them is fetched by `sync`.
  public var zaken: [String]
  /// Its files in documents/ (the document, its metadata or sidecar), sorted.
  public var files: [String]
  /// The URLs whose answers are those files, sorted.
  public var urls: [String]
}

/// A URL the source answered 404 or 410, and when.
public struct MissingRecord: Codable, Sendable, Equatable {
  public var url: String
  public var status: Int
  /// ISO 8601 UTC time of the answer.
  public var at: String
}

/// Where the last `sync` stopped: the SyncFeed skiptoken to continue from.
public struct SyncState: Codable, Sendable, Equatable {
  public var skiptoken: String
  /// ISO 8601 UTC time it was stored.
  public var storedAt: String
}

extension FetchCache {
  var syncStateFile: URL { root.appendingPathComponent("sync.json") }

  /// The records of every Tweede Kamer document in the cache, by GUID order.
  public func tkDocuments() -> [TKCachedDocument] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: tk.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { loadJSON(TKCachedDocument.self, from: tk.appendingPathComponent($0)) }
  }

  func tkDocument(guid: String) -> TKCachedDocument? {
    guard Self.safeName(guid) else { return nil }
    return loadJSON(TKCachedDocument.self, from: tk.appendingPathComponent(guid + ".json"))
  }

  /// Stores the record of a Tweede Kamer document; files and URLs the document had before and no
  /// longer has (a new version published elsewhere) are removed from the cache.
  func saveTK(_ record: TKCachedDocument) throws(FetchError) {
    guard Self.safeName(record.guid) else { throw .cache(path: tk.path, message: "'\(record.guid)' is not a GUID") }
    if let old = tkDocument(guid: record.guid) {
      for url in Set(old.urls).subtracting(record.urls).sorted() { try forget(url) }
      for file in Set(old.files).subtracting(record.files).sorted() { try remove(documents.appendingPathComponent(file)) }
    }
    try saveJSON(record, to: tk.appendingPathComponent(record.guid + ".json"))
  }

  /// Removes a Tweede Kamer document: its cached answers, its files, then its record.
  func removeTKDocument(_ record: TKCachedDocument) throws(FetchError) {
    for url in record.urls { try forget(url) }
    for file in record.files { try remove(documents.appendingPathComponent(file)) }
    try remove(tk.appendingPathComponent(record.guid + ".json"))
  }

  var missingFolder: URL { root.appendingPathComponent("missing", isDirectory: true) }

  /// The 404/410 remembered for `url`, if any.
  func missing(for url: URL) -> MissingRecord? {
    loadJSON(MissingRecord.self, from: missingFolder.appendingPathComponent(Self.key(url) + ".json")).flatMap {
      $0.url == url.absoluteString ? $0 : nil
    }
  }

  /// Remembers that the source answered `status` (404, 410) for `url`.
  func recordMissing(_ url: URL, status: Int, at date: Date = Date()) throws(FetchError) {
    do {
      try FileManager.default.createDirectory(at: missingFolder, withIntermediateDirectories: true)
    } catch {
      throw .cache(path: missingFolder.path, message: error.localizedDescription)
    }
    try saveJSON(MissingRecord(url: url.absoluteString, status: status, at: Self.timestamp(date)), to: missingFolder.appendingPathComponent(Self.key(url) + ".json"))
  }

  /// Forgets a remembered 404/410 (the URL answered since).
  func forgetMissing(_ url: URL) throws(FetchError) {
    try remove(missingFolder.appendingPathComponent(Self.key(url) + ".json"))
  }

  /// The stored SyncFeed position, if a sync ran before.
  public var syncState: SyncState? { loadJSON(SyncState.self, from: syncStateFile) }

  func saveSyncState(skiptoken: String, at date: Date = Date()) throws(FetchError) {
    try saveJSON(SyncState(skiptoken: skiptoken, storedAt: Self.timestamp(date)), to: syncStateFile)
  }

  /// A GUID or other name that is safe as a file name (no separators, no dots first).
  static func safeName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".") && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
  }
}
