#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A byte buffer written to a file descriptor when full. Writers `reserve` room first; the `put`
/// methods then write without bounds checks, so a caller must reserve enough (escaping can grow a
/// string to six times its bytes).
final class OutputBuffer {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0
  /// Where full buffers go.
  private let fd: Int32

  init(capacity: Int = 1 << 18, fd: Int32) {
    self.capacity = capacity
    self.fd = fd
    storage = .allocate(capacity: capacity)
  }

  deinit { storage.deallocate() }

  /// Makes room for `n` more bytes: writes out what is buffered when needed, and grows the buffer
  /// for a line longer than it (never expected: a mention line is a few hundred bytes).
  func reserve(_ n: Int) {
    guard count + n > capacity else { return }
    flush()
    guard n > capacity else { return }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
    storage.deallocate()
    storage = larger
    capacity = n
  }

  /// Writes the buffered bytes to the file descriptor.
  func flush() {
    guard count > 0 else { return }
    var done = 0
    while done < count {
      let n = write(fd, storage + done, count - done)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }  // standard output closed: nothing more can be written
      done += n
    }
    count = 0
  }

  @inline(__always) func put(_ byte: UInt8) {
    storage[count] = byte
    count += 1
  }

  @inline(__always) func put(_ text: StaticString) {
    (storage + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
    count += text.utf8CodeUnitCount
  }

  @inline(__always) func put(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { b in
      (storage + count).update(from: b.baseAddress!, count: b.count)
      count += b.count
    }
  }

  /// `text` as a JSON string literal (RFC 8259 escapes; the same bytes as `JSONText.appendQuoted`).
  func putQuoted(_ text: String) {
    put(0x22)
    var copy = text
    copy.withUTF8 { b in
      var clean = true
      for byte in b where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        clean = false
        break
      }
      if clean {
        if let base = b.baseAddress { (storage + count).update(from: base, count: b.count) }
        count += b.count
        return
      }
      var escaped: [UInt8] = []
      JSONText.appendQuoted(text, to: &escaped)
      escaped.withUnsafeBufferPointer { e in
        // Without the quotes appendQuoted put around it.
        (storage + count).update(from: e.baseAddress! + 1, count: e.count - 2)
        count += e.count - 2
      }
    }
    put(0x22)
  }

  @inline(__always) func putNumber(_ n: Int) {
    guard n >= 0 else {
      var digits: [UInt8] = []
      JSONText.appendNumber(n, to: &digits)
      put(digits)
      return
    }
    var v = n
    var width = 1
    while v >= 10 {
      v /= 10
      width += 1
    }
    v = n
    for k in stride(from: width - 1, through: 0, by: -1) {
      storage[count + k] = 0x30 &+ UInt8(v % 10)
      v /= 10
    }
    count += width
  }
}
