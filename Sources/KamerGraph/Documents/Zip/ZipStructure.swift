import Foundation

/// A structural check of a zip's directory records against the length of its bytes, done before
/// ZIPFoundation sees them, and the entry table used to extract entries without ZIPFoundation's
/// inflater (which spins forever when a deflate stream runs past the data: fuzz finding F3).
enum ZipStructure {
  /// Where an entry's data is and how it is stored.
  struct EntryInfo: Equatable {
    var method: Int
    var flags: Int
    var crc: UInt32
    var compressed: Int
    var uncompressed: Int
    var dataStart: Int
  }

  static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
  static func u32(_ b: [UInt8], _ i: Int) -> Int { u16(b, i) | u16(b, i + 2) << 16 }
  static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }

  /// Why the zip cannot be read safely, or nil when every record lies inside the bytes.
  static func problem(in b: [UInt8]) -> String? {
    if case .failure(let reason) = parse(b) { return reason.text }
    return nil
  }

  struct Reason: Error { var text: String }

  /// The entries by name, or why the zip's records do not fit its bytes.
  static func parse(_ b: [UInt8]) -> Result<[String: EntryInfo], Reason> {
    func fail(_ text: String) -> Result<[String: EntryInfo], Reason> { .failure(Reason(text: text)) }
    let n = b.count
    guard n >= 22 else { return fail("it is shorter than a zip's end record") }
    // The end of central directory record: its signature within the last 22 + 65,535 bytes.
    var eocd = -1
    var i = n - 22
    while i >= max(0, n - 22 - 65_535) {
      if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x05 && b[i + 3] == 0x06 {
        eocd = i
        break
      }
      i -= 1
    }
    guard eocd >= 0 else { return fail("no end of central directory record") }
    var entries = u16(b, eocd + 10)
    var cdSize = UInt64(u32(b, eocd + 12))
    var cdOffset = UInt64(u32(b, eocd + 16))
    // Zip64: the locator stands just before the end record and points at the zip64 end record.
    if eocd >= 20, b[eocd - 20] == 0x50, b[eocd - 19] == 0x4B, b[eocd - 18] == 0x06, b[eocd - 17] == 0x07 {
      let record = u64(b, eocd - 20 + 8)
      guard record < UInt64(n), Int(record) + 56 <= n else { return fail("the zip64 end record lies past the end") }
      let r = Int(record)
      guard b[r] == 0x50, b[r + 1] == 0x4B, b[r + 2] == 0x06, b[r + 3] == 0x06 else {
        return fail("the zip64 end record is missing")
      }
      let count64 = u64(b, r + 32)
      guard count64 <= UInt64(Int32.max) else { return fail("the zip64 end record claims too many entries") }
      entries = Int(count64)
      cdSize = u64(b, r + 40)
      cdOffset = u64(b, r + 48)
    }
    guard cdOffset <= UInt64(n), cdSize <= UInt64(n), cdOffset + cdSize <= UInt64(n) else {
      return fail("the central directory lies past the end")
    }
    // Each central directory entry, and the local header and data it points at.
    var table: [String: EntryInfo] = [:]
    var p = Int(cdOffset)
    let cdEnd = Int(cdOffset + cdSize)
    for _ in 0..<entries {
      guard p + 46 <= cdEnd, b[p] == 0x50, b[p + 1] == 0x4B, b[p + 2] == 0x01, b[p + 3] == 0x02 else {
        return fail("a central directory entry is missing or lies past the end")
      }
      let flags = u16(b, p + 8)
      let method = u16(b, p + 10)
      let crc = UInt32(u32(b, p + 16))
      let compressed = u32(b, p + 20)
      let uncompressed = u32(b, p + 24)
      let nameLength = u16(b, p + 28)
      let extraLength = u16(b, p + 30)
      let commentLength = u16(b, p + 32)
      let local = u32(b, p + 42)
      guard p + 46 + nameLength <= cdEnd else { return fail("an entry name lies past the central directory") }
      // Zip64 sizes and offsets (0xFFFFFFFF) are not needed for office documents and are refused.
      guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
        return fail("it uses zip64 entries, which office documents do not need")
      }
      guard local + 30 <= n, b[local] == 0x50, b[local + 1] == 0x4B, b[local + 2] == 0x03, b[local + 3] == 0x04 else {
        return fail("an entry's local header lies past the end or is missing")
      }
      let dataStart = local + 30 + u16(b, local + 26) + u16(b, local + 28)
      // Bit 3: a data descriptor (up to 16 bytes) follows the data; ZIPFoundation reads it (F4).
      let descriptor = flags & 0x8 != 0 ? 16 : 0
      guard dataStart + compressed + descriptor <= n else { return fail("an entry's data lies past the end") }
      let name = String(decoding: b[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      table[name] = EntryInfo(
        method: method, flags: flags, crc: crc, compressed: compressed, uncompressed: uncompressed, dataStart: dataStart)
      p += 46 + nameLength + extraLength + commentLength
    }
    return .success(table)
  }
}
