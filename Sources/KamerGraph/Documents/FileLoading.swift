#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension DocumentReader {
  /// What `load` read: the bytes, or (the fast path for large UTF-8 text) the text itself.
  enum Loaded {
    case bytes([UInt8])
    case text(String)
  }

  /// Files from this size on may be read straight into a String (below it the extra copy is cheap).
  static let directTextMinimum = 1 << 16

  /// The fast path for large plain-text files, on an open file of `size` bytes: when a `.txt`
  /// file's first 64 KiB sniff as plain text without BOM, the whole file is read straight into a
  /// String's storage (one buffer instead of bytes plus a validated copy). Nil, and the caller
  /// reads bytes, for anything else: other formats, a BOM, UTF-16, NUL bytes, bytes that are not
  /// UTF-8 (String repairs them to U+FFFD, so a text with U+FFFD goes the general way too), or a
  /// file that changes size while it is read. Reads with `pread`, so the file offset stays at 0.
  static func plainUTF8(fd: Int32, size: Int, path: String) -> String? {
    guard size >= directTextMinimum, FormatSniffer.plainTextExtensions.contains(FormatSniffer.ext(path)) else {
      return nil
    }
    var head = [UInt8](repeating: 0, count: directTextMinimum)
    let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard got == directTextMinimum, !head.starts(with: [0xEF, 0xBB, 0xBF]),
      TextDecoding.utf16Order(head) == nil,
      case .format(.plainText) = FormatSniffer.sniff(head, path: path)
    else { return nil }
    var complete = true
    let text = String(unsafeUninitializedCapacity: size) { buffer -> Int in
      // A large text: 2 MiB pages, some 25 page faults for 50 MB instead of 12,000.
      if buffer.count >= 2 * LargePages.size, let base = buffer.baseAddress {
        LargePages.advise(base, count: buffer.count)
      }
      var filled = 0
      while filled < size {
        let n = pread(fd, buffer.baseAddress! + filled, size - filled, off_t(filled))
        if n < 0, errno == EINTR { continue }
        if n <= 0 { break }
        filled += n
      }
      var extra: UInt8 = 0
      if filled != size || pread(fd, &extra, 1, off_t(size)) != 0 { complete = false }
      return filled
    }
    guard complete else { return nil }
    var copy = text
    let clean = copy.withUTF8 { bytes -> Bool in
      guard let base = bytes.baseAddress, bytes.count == size else { return false }
      if memchr(base, 0, bytes.count) != nil { return false }
      // U+FFFD is EF BF BD: String puts it where bytes were not UTF-8.
      return TextScan.find([0xEF, 0xBF, 0xBD], in: bytes) == nil
    }
    return clean ? text : nil
  }

  /// Reads a file with POSIX calls, so every failure has its precise reason. With `directText`, a
  /// large UTF-8 `.txt` file comes back as its text (`plainUTF8`), read through the same open file.
  static func load(path: String, limit: Int, directText: Bool) throws(DocumentError) -> Loaded {
    var st = stat()
    let system = FileName.systemPath(path)
    if lstat(system, &st) != 0 {
      throw .unreadable(path: path, reason: "it does not exist (\(String(cString: strerror(errno))))")
    }
    if (st.st_mode & S_IFMT) == S_IFLNK, stat(system, &st) != 0 {
      throw .unreadable(path: path, reason: "it is a symbolic link to a missing file")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a folder, not a file") }
    if (st.st_mode & S_IFMT) != S_IFREG { throw .unreadable(path: path, reason: "it is not a regular file") }
    if Int(st.st_size) > limit { throw .tooLarge(path: path, size: Int(st.st_size), limit: limit) }
    let fd = open(system, O_RDONLY)
    if fd < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    if directText, let text = plainUTF8(fd: fd, size: Int(st.st_size), path: path) { return .text(text) }
    // Read into a buffer of the stat'ed size (plus one byte to notice growth), then follow any
    // growth in chunks: a file that changes while it is read is still read whole or refused.
    let expected = Int(st.st_size)
    var failure: Int32 = 0
    var out = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
      var filled = 0
      while filled < buffer.count {
        let asked = buffer.count - filled
        let n = posixRead(fd, buffer.baseAddress! + filled, asked)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if n == 0 { break }
        filled += n
        // Short of the extra byte with exactly the stat'ed size in: the end of the file (a regular
        // file reads short only at its end), so no further read is needed to see it.
        if n < asked && filled == expected { break }
      }
      initialized = filled
    }
    if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
    if out.count > expected {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
        if n < 0 {
          if errno == EINTR { continue }
          throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if n == 0 { break }
        out.append(contentsOf: chunk[0..<n])
        if out.count > limit { throw .tooLarge(path: path, size: out.count, limit: limit) }
      }
    }
    return .bytes(out)
  }
}

/// `read(2)`, named apart from `DocumentReader.read`.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
  #else
    return Darwin.read(fd, buffer, count)
  #endif
}
