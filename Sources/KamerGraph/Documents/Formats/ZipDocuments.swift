import Foundation

/// A zip archive opened in memory with its limits checked before anything is extracted: entry
/// count, declared uncompressed size, and entry names (no `../`, no absolute paths). Extraction
/// stops as soon as the actual bytes pass the limits (a lying header cannot inflate a bomb).
struct SafeZip {
  let path: String
  let limits: ReaderLimits
  /// Entries by name, with where each entry's data lies in `raw` (from the central directory,
  /// checked against its length).
  let entries: [String: ZipStructure.EntryInfo]
  private let raw: [UInt8]

  private final class Counter: @unchecked Sendable {
    var total = 0
  }
  private let counter = Counter()


  init(bytes: [UInt8], path: String, limits: ReaderLimits) throws(DocumentError) {
    self.path = path
    self.limits = limits
    // ZIPFoundation's in-memory archive traps (a crash, not an error) when the central directory
    // or a local header lies past the end of the bytes (fuzz finding F2), so check the structure first.
    let table: [String: ZipStructure.EntryInfo]
    switch ZipStructure.parse(bytes) {
    case .failure(let reason): throw .zip(path: path, reason: "it is truncated or damaged (\(reason.text))")
    case .success(let parsed): table = parsed
    }
    self.raw = bytes
    // The entry list comes from the central directory parsed above, checked against the bytes;
    // ZIPFoundation's own reading traps or spins on damaged archives (fuzz findings F2, F3, F4).
    guard !table.isEmpty else { throw .zip(path: path, reason: "it has no entries") }
    if table.count > limits.maxZipEntries {
      throw .zip(path: path, reason: "it has more than \(limits.maxZipEntries) entries")
    }
    var declared = 0
    for name in table.keys.sorted() {
      if Self.isUnsafe(name) {
        throw .zip(path: path, reason: "entry name \"\(name)\" points outside the archive (../ or an absolute path)")
      }
      declared += table[name]!.uncompressed
      if declared > limits.maxZipUncompressed {
        throw .zip(
          path: path,
          reason: "its entries declare more than \(limits.maxZipUncompressed) bytes uncompressed (a zip bomb?)")
      }
    }
    entries = table
  }

  static func isUnsafe(_ name: String) -> Bool {
    if name.hasPrefix("/") || name.hasPrefix("\\") { return true }
    if name.count >= 2, name.dropFirst().first == ":" { return true }
    let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    return parts.contains("..")
  }

  /// The bytes of an entry, or nil when it is absent.
  func bytes(_ name: String) throws(DocumentError) -> [UInt8]? {
    guard !name.hasSuffix("/"), let info = entries[name] else { return nil }
    let limit = limits.maxZipEntrySize
    let data = raw[info.dataStart..<(info.dataStart + info.compressed)]
    var out: [UInt8]
    switch info.method {
    case 0:
      out = Array(data)
      if out.count > limit { throw .zip(path: path, reason: "entry \(name) is larger than the size limit") }
    case 8:
      do throws(ZipInflate.Failure) {
        out = try ZipInflate.inflate(data, limit: limit)
      } catch {
        switch error {
        case .tooLarge: throw .zip(path: path, reason: "entry \(name) inflates beyond the size limit (a zip bomb?)")
        case .truncated: throw .zip(path: path, reason: "entry \(name) is truncated (its compressed data ends early)")
        case .corrupt(let message): throw .zip(path: path, reason: "entry \(name) cannot be inflated (\(message))")
        }
      }
    default:
      throw .zip(path: path, reason: "entry \(name) uses compression method \(info.method), which KamerGraph does not read")
    }
    counter.total += out.count
    if counter.total > limits.maxZipUncompressed {
      throw .zip(path: path, reason: "its entries inflate beyond the size limit (a zip bomb?)")
    }
    if ZipInflate.crc32(out) != info.crc {
      throw .zip(path: path, reason: "entry \(name) is damaged (its checksum does not match)")
    }
    return out
  }

  /// The text of a small entry such as `mimetype`.
  func string(_ name: String) -> String? {
    guard let b = try? bytes(name) else { return nil }
    return String(decoding: b, as: UTF8.self)
  }
}

/// A footnote collected while walking a word-processing document: its number, mark position and
/// body text.
private struct PendingNote {
  var number: String
  var mark: Int
  var body: [UInt8]
}

/// Assembles main text plus notes (each on its own line after the main text) into a Document.
private func assemble(
  main: TextBuilder, notes: [PendingNote], links: [ExplicitLink], path: String, format: DocumentFormat
) -> Document {
  // The paragraphs stay exactly as joined; each note body follows on its own line.
  var bytes = main.bytes
  var placed: [(PendingNote, ByteRange)] = []
  for note in notes {
    bytes.append(0x0A)
    let start = bytes.count
    bytes.append(contentsOf: note.body)
    placed.append((note, ByteRange(start, bytes.count)))
  }
  var footnotes: [Footnote] = []
  for (note, body) in placed {
    let mark = ByteRange(min(note.mark, main.count), min(note.mark, main.count))
    footnotes.append(
      Footnote(
        number: note.number, mark: mark, body: TextScan.trimmed(body, in: bytes),
        sentence: TextScan.sentence(around: mark, in: bytes)))
  }
  let clamped = links.map {
    ExplicitLink(target: $0.target, range: ByteRange(min($0.range.start, bytes.count), min($0.range.end, bytes.count)))
  }
  return Document(
    path: path, format: format, text: String(decoding: bytes, as: UTF8.self), footnotes: footnotes, links: clamped)
}

private func parsePart(_ bytes: [UInt8], _ path: String, _ part: String) throws(DocumentError) -> XMLTree {
  do {
    return try XMLTree.parse(bytes, file: path)
  } catch {
    // The error names the file; the message says which part of the archive is broken.
    throw .xml(XMLError(file: path, line: error.line, column: error.column, message: "in \(part): \(error.message)"))
  }
}

/// Reads Word .docx: body paragraphs joined by "\n" (`w:tab` a tab), footnotes and endnotes after
/// the body with empty marks at their references, hyperlinks, core properties.
enum DocxReader {
  static func read(zip: SafeZip, path: String) throws(DocumentError) -> Document {
    guard let documentBytes = try zip.bytes("word/document.xml") else {
      throw .invalidContent(path: path, reason: "is a .docx without word/document.xml")
    }
    let tree = try parsePart(documentBytes, path, "word/document.xml")
    var relationships: [String: String] = [:]
    if let rels = try zip.bytes("word/_rels/document.xml.rels"), let root = try? XMLTree.parse(rels, file: path).root {
      for r in root.elements where r.isNamed("Relationship") {
        if let id = r.attribute("Id"), let target = r.attribute("Target") { relationships[id] = target }
      }
    }
    var notesByID: [String: [String: [UInt8]]] = ["footnote": [:], "endnote": [:]]
    for (kind, part) in [("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml")] {
      guard let bytes = try zip.bytes(part) else { continue }
      let notesTree = try parsePart(bytes, path, part)
      guard let root = notesTree.root else { continue }
      for note in root.elements where note.isNamed(kind) {
        let type = note.attribute("type") ?? "normal"
        guard type == "normal", let id = note.attribute("id") else { continue }
        var b = TextBuilder()
        var ignoredNotes: [PendingNote] = []
        var ignoredLinks: [ExplicitLink] = []
        walk(note, into: &b, notes: &ignoredNotes, links: &ignoredLinks, relationships: relationships, notesByID: [:])
        notesByID[kind]![id] = Array(TextScan.trimmedBytes(b.bytes))
      }
    }
    var main = TextBuilder()
    var notes: [PendingNote] = []
    var links: [ExplicitLink] = []
    guard let root = tree.root, let body = root.firstElement(named: "body") else {
      throw .invalidContent(path: path, reason: "has a word/document.xml without a w:body")
    }
    walk(body, into: &main, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
    var doc = assemble(main: main, notes: notes, links: links, path: path, format: .docx)
    Letterhead.apply(to: &doc)
    if let core = try zip.bytes("docProps/core.xml"), let root = try? XMLTree.parse(core, file: path).root {
      for e in root.elements {
        let value = e.text.trimmingSpaces
        guard !value.isEmpty else { continue }
        switch e.name {
        case "title": if doc.metadata.title == nil { doc.metadata.title = value }
        case "created":
          doc.metadata.extra["created"] = value
          if doc.metadata.date == nil { doc.metadata.date = DutchDate.iso(value) }
        case "creator": doc.metadata.extra["creator"] = value
        case "subject": doc.metadata.extra["subject"] = value
        case "keywords": doc.metadata.extra["keywords"] = value
        default: break
        }
      }
    }
    return doc
  }

  private static func walk(
    _ element: XMLTreeElement, into b: inout TextBuilder, notes: inout [PendingNote], links: inout [ExplicitLink],
    relationships: [String: String], notesByID: [String: [String: [UInt8]]]
  ) {
    element.forEachChild { child in
      guard case .element(let e) = child else { return }
      switch e.name {
      case "p":
        b.startParagraph()
        walk(e, into: &b, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
      case "t": b.appendRaw(e.text)
      case "tab": b.appendLiteral(0x09)
      case "br", "cr": b.appendLiteral(0x0A)
      case "noBreakHyphen": b.appendRaw("-")
      case "delText", "instrText", "rPr", "pPr", "sectPr", "footnoteRef", "endnoteRef", "separator",
        "continuationSeparator", "fldData":
        break
      case "footnoteReference", "endnoteReference":
        let kind = e.name == "footnoteReference" ? "footnote" : "endnote"
        if let id = e.attribute("id"), let body = notesByID[kind]?[id] {
          notes.append(PendingNote(number: id, mark: b.count, body: body))
        }
      case "hyperlink":
        let start = b.count
        walk(e, into: &b, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
        if let rid = e.attribute("id"), let target = relationships[rid] {
          links.append(ExplicitLink(target: target, range: ByteRange(start, b.count)))
        } else if let anchor = e.attribute("anchor") {
          links.append(ExplicitLink(target: "#" + anchor, range: ByteRange(start, b.count)))
        }
      default:
        walk(e, into: &b, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
      }
    }
  }
}

/// Reads OpenDocument text (.odt): content.xml paragraphs and headings joined by "\n", `text:note`
/// bodies after the text with empty marks at the notes, `text:a` links, meta.xml properties.
enum ODTReader {
  static func read(zip: SafeZip, path: String) throws(DocumentError) -> Document {
    guard let content = try zip.bytes("content.xml") else {
      throw .invalidContent(path: path, reason: "is an OpenDocument file without content.xml")
    }
    let tree = try parsePart(content, path, "content.xml")
    guard let root = tree.root else { throw .invalidContent(path: path, reason: "has an empty content.xml") }
    var main = TextBuilder()
    var notes: [PendingNote] = []
    var links: [ExplicitLink] = []
    let body = root.firstElement(named: "body")?.firstElement(named: "text") ?? root
    walk(body, into: &main, notes: &notes, links: &links)
    var doc = assemble(main: main, notes: notes, links: links, path: path, format: .odt)
    Letterhead.apply(to: &doc)
    if let meta = try zip.bytes("meta.xml"), let root = try? XMLTree.parse(meta, file: path).root,
      let office = root.firstElement(named: "meta")
    {
      for e in office.elements {
        let value = e.text.trimmingSpaces
        guard !value.isEmpty else { continue }
        switch e.name {
        case "title": if doc.metadata.title == nil { doc.metadata.title = value }
        case "date", "creation-date":
          doc.metadata.extra[e.name] = value
          if doc.metadata.date == nil { doc.metadata.date = DutchDate.iso(value) }
        case "creator", "initial-creator", "subject", "description": doc.metadata.extra[e.name] = value
        default: break
        }
      }
    }
    return doc
  }

  private static func walk(
    _ element: XMLTreeElement, into b: inout TextBuilder, notes: inout [PendingNote], links: inout [ExplicitLink]
  ) {
    element.forEachChild { child in
      switch child {
      case .text(let t):
        b.appendRaw(t)
      case .element(let e):
        switch e.name {
        case "p", "h":
          b.startParagraph()
          walk(e, into: &b, notes: &notes, links: &links)
        case "tab": b.appendLiteral(0x09)
        case "line-break": b.appendLiteral(0x0A)
        case "s": b.appendRaw(String(repeating: " ", count: max(1, Int(e.attribute("c") ?? "1") ?? 1)))
        case "note":
          let number = e.firstElement(named: "note-citation")?.text.trimmingSpaces ?? e.attribute("id") ?? ""
          var nb = TextBuilder()
          var inner: [PendingNote] = []
          var innerLinks: [ExplicitLink] = []
          if let body = e.firstElement(named: "note-body") { walk(body, into: &nb, notes: &inner, links: &innerLinks) }
          notes.append(PendingNote(number: number, mark: b.count, body: Array(TextScan.trimmedBytes(nb.bytes))))
        case "a":
          let start = b.count
          walk(e, into: &b, notes: &notes, links: &links)
          if let href = e.attribute("href") { links.append(ExplicitLink(target: href, range: ByteRange(start, b.count))) }
        case "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "soft-page-break",
          "bookmark", "bookmark-start", "bookmark-end", "annotation":
          break
        default:
          walk(e, into: &b, notes: &notes, links: &links)
        }
      }
    }
  }
}


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
