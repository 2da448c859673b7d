import CKamerZlib

/// Raw deflate (zip method 8) with zlib, in a loop that fails when the input runs out before the
/// stream ends and when the output passes a limit — never spins (fuzz finding F3).
enum ZipInflate {
  enum Failure: Error, Equatable {
    case truncated
    case corrupt(String)
    case tooLarge
  }

  static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .corrupt("zlib could not start")
    }
    defer { inflateEnd(&stream) }
    var out: [UInt8] = []
    let chunkSize = 1 << 16
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    var input = Array(input)
    let result: Failure? = input.withUnsafeMutableBufferPointer { buffer -> Failure? in
      stream.next_in = buffer.baseAddress
      stream.avail_in = UInt32(buffer.count)
      while true {
        stream.next_out = chunk
        stream.avail_out = UInt32(chunkSize)
        let rc = CKamerZlib.inflate(&stream, Z_NO_FLUSH)
        let produced = chunkSize - Int(stream.avail_out)
        if out.count + produced > limit { return .tooLarge }
        out.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
        switch rc {
        case Z_STREAM_END:
          return nil
        case Z_OK:
          if produced == 0 && stream.avail_in == 0 { return .truncated }
        case Z_BUF_ERROR:
          // No progress possible: the input ended before the stream did.
          if stream.avail_in == 0 || produced == 0 { return .truncated }
        default:
          let message = stream.msg.map { String(cString: $0) } ?? "error \(rc)"
          return .corrupt(message)
        }
      }
    }
    if let result { throw result }
    return out
  }

  /// The CRC-32 of `bytes`, as zip stores it.
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { UInt32(CKamerZlib.crc32(0, $0.baseAddress, UInt32($0.count))) }
  }
}
