import CKamerZlib

/// The inflated size of a PDF's Flate streams, counted before poppler sees the file: a small file
/// whose streams inflate past the limit is a bomb.
enum FlateBudget {
  /// The inflated byte count when it passes `limit`, else nil.
  static func exceeds(_ bytes: [UInt8], limit: Int) -> Int? {
    let keyword = Array("stream".utf8)
    let flate = Array("FlateDecode".utf8)
    var total = 0
    var from = 0
    return bytes.withUnsafeBufferPointer { b -> Int? in
      while let at = TextScan.find(keyword, in: b, from: from) {
        from = at + keyword.count
        // "endstream" also contains "stream"; a stream keyword ends its dictionary (">>").
        if at >= 3, b[at - 3] == 0x65, b[at - 2] == 0x6E, b[at - 1] == 0x64 { continue }
        var start = from
        if start < b.count, b[start] == 0x0D { start += 1 }
        guard start < b.count, b[start] == 0x0A else { continue }
        start += 1
        // The dictionary before it (at most 4 KB back) must name FlateDecode.
        let back = max(0, at - 4096)
        guard let open = lastIndex(of: [0x3C, 0x3C], in: b, from: back, to: at),
          TextScan.find(flate, in: b, from: open, to: at) != nil
        else { continue }
        let end = TextScan.find(Array("endstream".utf8), in: b, from: start) ?? b.count
        total += inflatedSize(UnsafeBufferPointer(rebasing: b[start..<end]), limit: limit - total)
        if total > limit { return total }
        from = end
      }
      return nil
    }
  }

  private static func lastIndex(of needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    var k = to - needle.count
    while k >= from {
      if b[k] == needle[0], b[k + 1] == needle[1] { return k }
      k -= 1
    }
    return nil
  }

  /// The bytes a zlib stream inflates to, counted up to just past `limit` (output discarded).
  static func inflatedSize(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    guard let base = input.baseAddress, !input.isEmpty else { return 0 }
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return 0 }
    defer { inflateEnd(&stream) }
    let chunkSize = 1 << 16
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    stream.next_in = UnsafeMutablePointer(mutating: base)
    stream.avail_in = UInt32(min(input.count, Int(UInt32.max)))
    var total = 0
    while total <= limit {
      stream.next_out = chunk
      stream.avail_out = UInt32(chunkSize)
      let rc = CKamerZlib.inflate(&stream, Z_NO_FLUSH)
      let produced = chunkSize - Int(stream.avail_out)
      total += produced
      if rc != Z_OK || produced == 0 { break }
    }
    return total
  }
}
