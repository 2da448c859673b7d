import Foundation

/// File names are bytes: a name that is not UTF-8 (Latin-1 from an old archive, say) is still
/// read. Inside KamerGraph it is a String in which each byte that is not part of valid UTF-8 is
/// written `\xHH`, which is also how it is shown, so a user can find the file (`ls -b` shows the
/// same escapes). The system calls get the original bytes back from `systemPath`.
enum FileName {
  /// `bytes` (a name or path from the system) as a String: itself when it is UTF-8, otherwise
  /// with every byte outside valid UTF-8 written `\xHH`.
  static func fromSystem<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var out = ""
    // Sequence by sequence; a byte that starts no valid sequence is escaped on its own.
    var all = Array(bytes)[...]
    while !all.isEmpty {
      let length = utf8SequenceLength(all)
      if length > 0 {
        out += String(decoding: all.prefix(length), as: UTF8.self)
        all = all.dropFirst(length)
      } else {
        out += String(format: "\\x%02X", all.first!)
        all = all.dropFirst()
      }
    }
    return out
  }

  /// The length of the valid UTF-8 sequence that starts `bytes`, or 0 when it is not one.
  static func utf8SequenceLength(_ bytes: ArraySlice<UInt8>) -> Int {
    guard let first = bytes.first else { return 0 }
    let length: Int
    switch first {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard bytes.count >= length else { return 0 }
    return String(validating: bytes.prefix(length), as: UTF8.self) == nil ? 0 : length
  }

  /// The bytes the system knows `path` by: `path` itself when that exists (or has no escapes),
  /// otherwise with each `\xHH` turned back into its byte.
  static func systemPath(_ path: String) -> [CChar] {
    guard path.contains("\\x") else { return path.utf8CString.map { $0 } }
    if access(path, F_OK) == 0 { return path.utf8CString.map { $0 } }
    let utf8 = Array(path.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    var i = 0
    func hex(_ b: UInt8) -> UInt8? {
      switch b {
      case 0x30...0x39: return b - 0x30
      case 0x41...0x46: return b - 0x41 + 10
      case 0x61...0x66: return b - 0x61 + 10
      default: return nil
      }
    }
    while i < utf8.count {
      if utf8[i] == 0x5C, i + 3 < utf8.count, utf8[i + 1] == 0x78, let hi = hex(utf8[i + 2]), let lo = hex(utf8[i + 3]) {
        out.append(hi << 4 | lo)
        i += 4
      } else {
        out.append(utf8[i])
        i += 1
      }
    }
    return out.map { CChar(bitPattern: $0) } + [0]
  }

  /// The bytes of the file at `path` (see `systemPath`), or nil when it cannot be read.
  static func contents(of path: String) -> [UInt8]? {
    let fd = open(systemPath(path), O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if n == 0 { return out }
      out.append(contentsOf: chunk[0..<n])
    }
  }
}
