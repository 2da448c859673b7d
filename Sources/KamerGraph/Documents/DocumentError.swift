/// Why a file could not be read. Every description is one sentence that names the file and the
/// problem (with line:column for XML).
package enum DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file does not exist, is a folder, a dangling symlink, or cannot be opened.
  case unreadable(path: String, reason: String)
  /// The file is larger than `ReaderLimits.maxFileSize`.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The file has no bytes.
  case empty(path: String)
  /// The bytes are not text and no supported format.
  case binary(path: String)
  /// A format KamerGraph does not read (the loader reports it as skipped, not failed).
  case unsupportedFormat(path: String, detail: String)
  /// XML that is not well-formed or that declares entities.
  case xml(XMLError)
  /// A zip archive (.docx, .odt) that is damaged, too large or unsafe.
  case zip(path: String, reason: String)
  /// The content is not what the format requires (a .docx without word/document.xml).
  case invalidContent(path: String, reason: String)

  /// The file the error is about.
  package var path: String {
    switch self {
    case .unreadable(let p, _), .tooLarge(let p, _, _), .empty(let p), .binary(let p),
      .unsupportedFormat(let p, _), .zip(let p, _), .invalidContent(let p, _):
      return p
    case .xml(let e): return e.file
    }
  }

  /// True for errors the loader reports as "skipped" rather than "failed".
  package var isSkip: Bool {
    if case .unsupportedFormat = self { return true }
    return false
  }

  /// The reason without the file name, for the run report.
  package var reason: String {
    switch self {
    case .unreadable(_, let r): return "cannot be read: \(r)"
    case .tooLarge(_, let size, let limit):
      return "is \(size) bytes, larger than the limit of \(limit) bytes (raise it with the file-size option)"
    case .empty: return "is empty"
    case .binary: return "holds binary data, not text or a supported document format"
    case .unsupportedFormat(_, let d): return "format not supported: \(d)"
    case .xml(let e):
      return e.line > 0 ? "is not usable XML (line \(e.line), column \(e.column)): \(e.message)" : "is not usable XML: \(e.message)"
    case .zip(_, let r): return "is a zip archive that cannot be read: \(r)"
    case .invalidContent(_, let r): return r
    }
  }

  /// "path: reason", one line.
  package var description: String { "\(path): \(reason)" }
}

/// Limits that protect a run from oversized or hostile inputs. libxml2's own limits (10 MB per
/// text node, depth 256) always apply and cannot be lifted.
package struct ReaderLimits: Sendable, Hashable {
  /// The largest file read, in bytes (default 256 MiB).
  package var maxFileSize: Int
  /// The most entries a .docx/.odt may hold.
  package var maxZipEntries: Int
  /// The most bytes all entries of a .docx/.odt may hold uncompressed (declared and actual).
  package var maxZipUncompressed: Int
  /// The most bytes one extracted zip entry may hold.
  package var maxZipEntrySize: Int

  /// Limits with generous defaults: 256 MiB per file, 10,000 zip entries, 512 MiB uncompressed.
  package init(
    maxFileSize: Int = 256 << 20, maxZipEntries: Int = 10_000, maxZipUncompressed: Int = 512 << 20,
    maxZipEntrySize: Int = 256 << 20
  ) {
    self.maxFileSize = maxFileSize
    self.maxZipEntries = maxZipEntries
    self.maxZipUncompressed = maxZipUncompressed
    self.maxZipEntrySize = maxZipEntrySize
  }
}
