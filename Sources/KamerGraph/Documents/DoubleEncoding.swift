/// Repairs text stored double-encoded: UTF-8 bytes read once as Latin-1 (or Windows-1252) and
/// encoded as UTF-8 again, so "ë" (C3 AB) became "Ã«" (C3 83 C2 AB). Real Handelingen XML in
/// public collections is stored this way, often with the BOM turned into "ï»¿" and a line break
/// before the XML declaration.
///
/// The repair is taken only when it is certain: every character of the text is below U+0100 (or
/// one of the Windows-1252 letters at 0x80-0x9F), at least one character is not ASCII, and the
/// bytes those characters stand for are valid UTF-8 again with at least one multi-byte sequence.
/// A correctly stored text with any accented letter fails the test (its "é" alone, byte E9, is
/// not UTF-8), so ordinary documents are never touched.
enum DoubleEncoding {
  /// The repaired bytes and a note for the run summary, or nil when `bytes` is not double-encoded.
  /// Cost for an ordinary text: a scan for C2/C3 bytes, then up to its first accented letter.
  static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], note: String)? {
    // Cheap rejection first: a double-encoded text has the lead bytes C2 or C3 (Latin-1) or the
    // three-byte forms of the Windows-1252 letters; one without any C2/C3 byte is left alone.
    guard bytes.contains(where: { $0 == 0xC3 || $0 == 0xC2 }) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    // The repaired bytes are checked as UTF-8 while they are made, so a correctly stored text
    // is given up at its first accented letter.
    var pending = 0  // continuation bytes still expected in the repaired output
    var multiByte = false
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      var v: UInt32
      if b < 0x80 {
        v = UInt32(b)
        i += 1
      } else if b & 0xE0 == 0xC0, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
        v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        i += 2
      } else if b & 0xF0 == 0xE0, i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
        v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        i += 3
      } else {
        return nil
      }
      let byte: UInt8
      if v < 0x100 {
        byte = UInt8(v)
      } else if let w = windows1252Byte[v] {
        byte = w
      } else {
        return nil
      }
      if pending > 0 {
        guard byte & 0xC0 == 0x80 else { return nil }
        pending -= 1
      } else if byte >= 0x80 {
        switch byte {
        case 0xC2...0xDF: pending = 1
        case 0xE0...0xEF: pending = 2
        case 0xF0...0xF4: pending = 3
        default: return nil
        }
        multiByte = true
      }
      out.append(byte)
    }
    guard multiByte, pending == 0, TextDecoding.firstInvalidUTF8(out[...]) == nil else { return nil }
    return (out, "stored double-encoded (UTF-8 read as Latin-1 and encoded again): repaired")
  }

  /// The Windows-1252 letters at 0x80-0x9F by their Unicode scalar (what a Windows-1252 reading
  /// of UTF-8 lead and continuation bytes gives, as in "â€™" for a right quote), from the
  /// decoder's own table.
  static let windows1252Byte: [UInt32: UInt8] = {
    var map: [UInt32: UInt8] = [:]
    for (i, s) in TextDecoding.windows1252High.enumerated() where s != 0xFFFD { map[s] = UInt8(0x80 + i) }
    return map
  }()
}

/// Whitespace before an XML declaration ("\n<?xml ...") makes libxml2 refuse the whole file
/// ("XML declaration allowed only at the start"); seen in real stored Handelingen. Removed, after
/// any BOM, with a note; nothing else is changed.
enum XMLDeclarationSpace {
  static func trim(_ bytes: [UInt8]) -> (bytes: [UInt8], note: String)? {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var k = start
    while k < bytes.count, k - start < 4096, TextScan.isSpace(bytes[k]) { k += 1 }
    guard k > start, bytes[k...].starts(with: Array("<?xml".utf8)) else { return nil }
    var out = bytes
    out.removeSubrange(start..<k)
    return (out, "blank space before the XML declaration removed")
  }
}
