import Foundation

/// The file an export is written to in chunks (issue 21: at 100k documents the six formats are
/// 1.8 GB, and each was held whole in memory before it was written). `ExportBytes` gathers about
/// 1 MB and hands it over with `write(2)`; a write that fails is remembered and reported by
/// `close()`, so the writers need not throw on every record.
final class ExportFile {
  /// The file's path, as errors name it.
  let path: String
  private var fd: Int32
  /// Bytes written to the file so far.
  private(set) var size = 0
  /// Why the file refused bytes, once it has.
  private(set) var failure: String? = nil

  /// Creates (or truncates) the file at `path`; `.io` when it cannot be opened.
  init(path: String) throws(ExportError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    self.fd = fd
    self.path = path
  }

  deinit { if fd >= 0 { _ = Foundation.close(fd) } }

  /// Writes all of `bytes`, retrying short writes; after a failure nothing more is written.
  func write(_ bytes: UnsafeRawBufferPointer) {
    guard fd >= 0, failure == nil, let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
      let n = Foundation.write(fd, base + done, bytes.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        failure = String(cString: strerror(errno))
        break
      }
      done += n
    }
    size += done
  }

  /// Empties the file to start again (an index stream that gave up half way).
  func restart() {
    guard fd >= 0, failure == nil else { return }
    if lseek(fd, 0, SEEK_SET) != 0 || ftruncate(fd, 0) != 0 {
      failure = "it cannot be written again from the start (\(String(cString: strerror(errno))))"
    }
    size = 0
  }

  /// Closes the file and returns its size; `.io` when a write or the close failed.
  @discardableResult
  func close() throws(ExportError) -> Int {
    if fd >= 0 {
      if Foundation.close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
      fd = -1
    }
    if let failure { throw .io(path: path, reason: failure) }
    return size
  }
}
