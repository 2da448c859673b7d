/// Reads legacy Word 97-2003 `.doc` files, as older ministry letters and Kamerstukken attachments
/// still come: the OLE compound file ([MS-CFB]) is opened, the `WordDocument` stream's FIB gives
/// the piece table in the `0Table`/`1Table` stream ([MS-DOC] 2.5, 2.8.35, 2.9.177), and the text
/// of every story (body, footnotes, headers) is read piece by piece, 8-bit (Windows-1252) or
/// UTF-16. Field codes are dropped and their results kept; paragraph, line and cell marks become
/// line breaks and tabs. Then the letterhead is read as for the other formats.
///
/// Limits: the file size (the caller's), the sector chains (never longer than the file, no loops),
/// the directory (at most `maxDirectoryEntries`), the pieces (at most `maxPieces`) and the text (at
/// most `maxCharacters`). Encrypted files and Word 6/95 files are refused with a sentence.
enum WordBinaryReader {
  static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
  static let maxDirectoryEntries = 4096
  static let maxPieces = 100_000
  static let maxCharacters = 64 << 20

  static func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    let file = try CompoundFile(bytes: bytes, path: path)
    guard let word = try file.stream(named: "WordDocument") else {
      throw .unsupportedFormat(path: path, detail: "an OLE compound file without a WordDocument stream (an Excel, PowerPoint or Outlook file?)")
    }
    func bad(_ why: String) -> DocumentError { .invalidContent(path: path, reason: "is a damaged Word 97-2003 file: \(why)") }
    guard word.count >= 0x1A2 + 8, le16(word, 0) == 0xA5EC else { throw bad("the WordDocument stream has no FIB") }
    let nFib = le16(word, 2)
    guard nFib >= 101 else {
      throw .unsupportedFormat(path: path, detail: "a Word 6/95 file (save it as .docx or Word 97-2003)")
    }
    let flags = le16(word, 0x0A)
    if flags & 0x0100 != 0 { throw .invalidContent(path: path, reason: "is an encrypted Word file (remove the password first)") }
    // FibBase (32 bytes), csw + FibRgW97, cslw + FibRgLw97, cbRgFcLcb + FibRgFcLcb.
    let csw = Int(le16(word, 32))
    let lwStart = 34 + csw * 2
    guard lwStart + 2 <= word.count else { throw bad("a truncated FIB") }
    let cslw = Int(le16(word, lwStart))
    let rgLw = lwStart + 2
    let fcLcbStart = rgLw + cslw * 4
    guard cslw >= 11, fcLcbStart + 2 <= word.count else { throw bad("a truncated FIB") }
    let rgFcLcb = fcLcbStart + 2
    // FibRgFcLcb97: fcClx/lcbClx are the 34th pair.
    guard rgFcLcb + 68 * 4 <= word.count else { throw bad("a truncated FIB") }
    let fcClx = Int(le32(word, rgFcLcb + 66 * 4))
    let lcbClx = Int(le32(word, rgFcLcb + 67 * 4))
    // ccpText, ccpFtn, ccpHdd, (ccpMcr), ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx: every story's length.
    let ccpText = Int(le32(word, rgLw + 3 * 4))
    let ccpFtn = Int(le32(word, rgLw + 4 * 4))
    let ccpHdd = Int(le32(word, rgLw + 5 * 4))
    let tableName = flags & 0x0200 != 0 ? "1Table" : "0Table"
    guard let table = try file.stream(named: tableName) else { throw bad("the \(tableName) stream is missing") }
    guard fcClx >= 0, lcbClx > 0, fcClx + lcbClx <= table.count else { throw bad("the piece table lies outside the \(tableName) stream") }

    // Clx: Prc* then one Pcdt.
    var i = fcClx
    let end = fcClx + lcbClx
    var plcStart = -1
    var plcLength = 0
    while i < end {
      if table[i] == 0x01 {
        guard i + 3 <= end else { throw bad("a truncated Prc") }
        i += 3 + Int(le16(table, i + 1))
      } else if table[i] == 0x02 {
        guard i + 5 <= end else { throw bad("a truncated Pcdt") }
        plcLength = Int(le32(table, i + 1))
        plcStart = i + 5
        break
      } else {
        throw bad("an unknown Clx entry")
      }
    }
    guard plcStart >= 0, plcLength >= 16, plcStart + plcLength <= end, (plcLength - 4) % 12 == 0 else {
      throw bad("no piece table")
    }
    let pieces = (plcLength - 4) / 12
    guard pieces <= maxPieces else { throw .tooLarge(path: path, size: pieces, limit: maxPieces) }
    // Stories in CP order: the body first, then footnotes and headers (which carry the letterhead
    // footer of many ministry letters).
    let wanted = ccpText + max(0, ccpFtn) + max(0, ccpHdd)
    var units: [UInt16] = []
    units.reserveCapacity(min(wanted, maxCharacters))
    for p in 0..<pieces {
      let cpStart = Int(le32(table, plcStart + p * 4))
      let cpEnd = Int(le32(table, plcStart + (p + 1) * 4))
      guard cpEnd >= cpStart else { throw bad("piece \(p) ends before it starts") }
      if cpStart >= wanted { break }
      let count = min(cpEnd, wanted) - cpStart
      let pcd = plcStart + (pieces + 1) * 4 + p * 8
      let fcValue = le32(table, pcd + 2)
      let compressed = fcValue & 0x4000_0000 != 0
      let fc = Int(fcValue & 0x3FFF_FFFF)
      guard units.count + count <= maxCharacters else { throw .tooLarge(path: path, size: units.count + count, limit: maxCharacters) }
      if compressed {
        let start = fc / 2
        guard start + count <= word.count else { throw bad("piece \(p) lies outside the WordDocument stream") }
        for k in 0..<count { units.append(windows1252[Int(word[start + k])]) }
      } else {
        guard fc + count * 2 <= word.count else { throw bad("piece \(p) lies outside the WordDocument stream") }
        for k in 0..<count { units.append(le16(word, fc + k * 2)) }
      }
    }
    var doc = Document(path: path, format: .doc, text: text(of: units, bodyLength: ccpText))
    Letterhead.apply(to: &doc)
    return doc
  }

  /// The text of the stories: fields show their result, marks become line breaks and tabs.
  static func text(of units: [UInt16], bodyLength: Int) -> String {
    var out: [UInt16] = []
    out.reserveCapacity(units.count)
    // Field nesting: in a field's code part (between 0x13 and 0x14) nothing is shown.
    var codeDepth: [Bool] = []
    for (k, u) in units.enumerated() {
      if k == bodyLength, out.last != 0x0A { out.append(0x0A) }
      switch u {
      case 0x13: codeDepth.append(true); continue
      case 0x14: if !codeDepth.isEmpty { codeDepth[codeDepth.count - 1] = false }; continue
      case 0x15: if !codeDepth.isEmpty { codeDepth.removeLast() }; continue
      default: break
      }
      if codeDepth.contains(true) { continue }
      switch u {
      case 0x0D, 0x0B, 0x0C, 0x0E: out.append(0x0A)  // paragraph, line, page/section, column break
      case 0x07:
        // A cell mark becomes a tab; the row's end mark follows the last cell's mark directly
        // and ends the line, so a letterhead table reads "Onze referentie<TAB>5123456".
        if k > 0, units[k - 1] == 0x07, out.last == 0x09 {
          out[out.count - 1] = 0x0A
        } else {
          out.append(0x09)
        }
      case 0x1E: out.append(0x2D)  // non-breaking hyphen
      case 0x1F, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08: continue  // optional hyphen, objects, note marks
      default: out.append(u)
      }
    }
    while let last = out.last, last == 0x0A || last == 0x20 || last == 0x09 { out.removeLast() }
    return String(decoding: out, as: UTF16.self)
  }

  /// Windows-1252 as UTF-16 code units, for 8-bit pieces ([MS-DOC] 2.4.1: compressed text), from
  /// the text decoder's table (undefined bytes become U+FFFD).
  static let windows1252: [UInt16] = (0..<256).map { b in
    (0x80..<0xA0).contains(b) ? UInt16(TextDecoding.windows1252High[b - 0x80]) : UInt16(b)
  }
}

/// An OLE compound file ([MS-CFB]) opened for reading streams by name.
struct CompoundFile {
  let bytes: [UInt8]
  let path: String
  let sectorSize: Int
  let miniSectorSize: Int
  let miniCutoff: Int
  var fat: [UInt32] = []
  var miniFAT: [UInt32] = []
  var entries: [(name: String, type: UInt8, start: UInt32, size: Int)] = []
  var miniStream: [UInt8] = []

  static let endOfChain: UInt32 = 0xFFFF_FFFE

  init(bytes: [UInt8], path: String) throws(DocumentError) {
    self.bytes = bytes
    self.path = path
    func bad(_ why: String) -> DocumentError { .invalidContent(path: path, reason: "is a damaged OLE compound file: \(why)") }
    guard bytes.count >= 512, bytes.starts(with: WordBinaryReader.signature) else { throw bad("no header") }
    let sectorShift = Int(le16(bytes, 0x1E))
    let miniShift = Int(le16(bytes, 0x20))
    guard sectorShift == 9 || sectorShift == 12, miniShift == 6 else { throw bad("unknown sector sizes") }
    sectorSize = 1 << sectorShift
    miniSectorSize = 1 << miniShift
    miniCutoff = Int(le32(bytes, 0x38))
    let sectors = (bytes.count - sectorSize + sectorSize - 1) / sectorSize
    // The FAT's own sectors: 109 in the header, more in DIFAT sectors.
    var fatSectors: [UInt32] = []
    for k in 0..<109 {
      let s = le32(bytes, 0x4C + k * 4)
      if s < 0xFFFF_FFFA { fatSectors.append(s) }
    }
    var difat = le32(bytes, 0x44)
    var hops = 0
    while difat < 0xFFFF_FFFA {
      hops += 1
      guard hops <= sectors, let at = Self.offset(of: difat, sectorSize: sectorSize, count: bytes.count) else { throw bad("a broken DIFAT chain") }
      let perSector = sectorSize / 4 - 1
      for k in 0..<perSector {
        let s = le32(bytes, at + k * 4)
        if s < 0xFFFF_FFFA { fatSectors.append(s) }
      }
      difat = le32(bytes, at + perSector * 4)
    }
    guard fatSectors.count <= sectors else { throw bad("more FAT sectors than the file holds") }
    for s in fatSectors {
      guard let at = Self.offset(of: s, sectorSize: sectorSize, count: bytes.count) else { throw bad("a FAT sector outside the file") }
      for k in 0..<(sectorSize / 4) { fat.append(le32(bytes, at + k * 4)) }
    }
    // The directory.
    let directory = try chain(start: le32(bytes, 0x30), sizeLimit: WordBinaryReader.maxDirectoryEntries * 128)
    var k = 0
    while k + 128 <= directory.count {
      let nameLength = Int(le16(directory, k + 0x40))
      var units: [UInt16] = []
      var j = 0
      while j + 1 < min(nameLength, 64) - 1 {
        units.append(le16(directory, k + j))
        j += 2
      }
      let size = Int(le32(directory, k + 0x78))
      entries.append((String(decoding: units, as: UTF16.self), directory[k + 0x42], le32(directory, k + 0x74), size))
      k += 128
    }
    guard let root = entries.first, root.type == 5 else { throw bad("no root entry") }
    miniFAT = try chain(start: le32(bytes, 0x3C), sizeLimit: bytes.count).chunked4()
    miniStream = try chain(start: root.start, sizeLimit: bytes.count)
  }

  /// The bytes of the stream called `name` (first match), or nil when there is none.
  func stream(named name: String) throws(DocumentError) -> [UInt8]? {
    guard let e = entries.dropFirst().first(where: { $0.type == 2 && $0.name == name }) else { return nil }
    guard e.size <= bytes.count * 2 else { throw .invalidContent(path: path, reason: "is a damaged OLE compound file: the \(name) stream is larger than the file") }
    if e.size < miniCutoff {
      var out: [UInt8] = []
      var s = e.start
      var hops = 0
      while s != Self.endOfChain, out.count < e.size {
        hops += 1
        let at = Int(s) * miniSectorSize
        guard hops <= miniFAT.count, Int(s) < miniFAT.count, at + miniSectorSize <= miniStream.count else {
          throw .invalidContent(path: path, reason: "is a damaged OLE compound file: a broken mini stream chain for \(name)")
        }
        out.append(contentsOf: miniStream[at..<(at + miniSectorSize)])
        s = miniFAT[Int(s)]
      }
      return Array(out.prefix(e.size))
    }
    return Array(try chain(start: e.start, sizeLimit: e.size).prefix(e.size))
  }

  /// The sectors of a FAT chain, joined; a chain that loops or leaves the file is refused.
  func chain(start: UInt32, sizeLimit: Int) throws(DocumentError) -> [UInt8] {
    var out: [UInt8] = []
    var s = start
    var hops = 0
    while s != Self.endOfChain, s < 0xFFFF_FFFA, out.count < sizeLimit {
      hops += 1
      guard hops <= fat.count, Int(s) < fat.count, let at = Self.offset(of: s, sectorSize: sectorSize, count: bytes.count) else {
        throw .invalidContent(path: path, reason: "is a damaged OLE compound file: a sector chain loops or leaves the file")
      }
      out.append(contentsOf: bytes[at..<(at + sectorSize)])
      s = fat[Int(s)]
    }
    return out
  }

  static func offset(of sector: UInt32, sectorSize: Int, count: Int) -> Int? {
    let at = (Int(sector) + 1) * sectorSize
    return at + sectorSize <= count ? at : nil
  }
}

extension [UInt8] {
  /// Little-endian 32-bit words.
  fileprivate func chunked4() -> [UInt32] {
    stride(from: 0, to: count - 3, by: 4).map { le32(self, $0) }
  }
}

private func le16(_ b: [UInt8], _ i: Int) -> UInt16 {
  guard i + 1 < b.count else { return 0 }
  return UInt16(b[i]) | UInt16(b[i + 1]) << 8
}

private func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
  guard i + 3 < b.count else { return 0 }
  return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
}
