import Dispatch
import Foundation
import GRDB

extension GraphIndex {
  /// `cachedFile` for many files at once: one read of the index, decoding spread over all cores.
  /// `wanted` maps paths to their current content hashes; the answer holds the files whose stored
  /// hash matches (the cache hits), by path. Prefer it to a loop of `cachedFile` for whole corpora.
  public func cachedFiles(_ wanted: [String: String]) throws(IndexError) -> [String: IndexedFile] {
    typealias Stored = (path: String, hash: String, text: DatabaseValue, document: Data, mentions: Data)
    let rows: [Stored] = try read { db in
      var rows: [Stored] = []
      let cursor = try Row.fetchCursor(db, sql: "SELECT path, content_hash, text, document, mentions FROM files")
      while let row = try cursor.next() {
        let path: String = row[0]
        guard let hash = wanted[path], hash == (row[1] as String) else { continue }
        rows.append((path, hash, row[2], row[3], row[4]))
      }
      return rows
    }
    var decoded = [Result<IndexedFile, IndexError>?](repeating: nil, count: rows.count)
    let indexPath = path
    let chunks = max(1, min(rows.count, ProcessInfo.processInfo.activeProcessorCount * 4))
    decoded.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        var i = chunk
        while i < rows.count {
          let row = rows[i]
          do {
            let document = try IndexBlob.decodeDocument(row.document, text: IndexCompression.text(row.text))
            let mentions = try IndexBlob.decodeMentions(row.mentions)
            out[i] = .success(IndexedFile(path: row.path, contentHash: row.hash, document: document, mentions: mentions))
          } catch {
            out[i] = .failure(.corruptRow(path: indexPath, file: row.path, reason: Self.describe(error)))
          }
          i += chunks
        }
      }
    }
    var files: [String: IndexedFile] = [:]
    files.reserveCapacity(rows.count)
    for result in decoded {
      switch result {
      case .success(let file): files[file.path] = file
      case .failure(let error): throw error
      case nil: continue
      }
    }
    return files
  }
}
