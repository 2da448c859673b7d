import Foundation

/// The compact binary form in which the index caches each file's document (without its text,
/// which has a column of its own) and mentions. It replaces the JSON of index schema v1–v3:
/// encoding is about twenty times cheaper and the rows are smaller. Blobs start with `magic`
/// and a format version; JSON blobs of older indexes are still read (`decode...` falls back to
/// `JSONDecoder`), so an old index keeps its cache and is rewritten file by file as files change.
///
/// Every stored property of `Document`, `DocumentMetadata`, `Footnote`, `ExplicitLink`, `Fact`
/// and `Mention` is written; `IndexBlobTests` fails when one of those types gains a property
/// that is not listed here.
enum IndexBlob {
  /// First byte of a binary blob; JSON blobs start with `{` or `[`.
  static let magic: UInt8 = 0xB7
  /// Bumped when the layout changes; a blob of another version is a cache miss.
  static let version: UInt8 = 3

  /// The document without its text.
  static func encode(document: Document) -> [UInt8] {
    var w = BlobWriter(capacity: 256 + document.footnotes.count * 24 + document.facts.count * 64)
    w.header()
    w.string(document.path)
    w.string(document.format.rawValue)
    w.strings(document.ownIds)
    let m = document.metadata
    for field in [m.title, m.date, m.type, m.sender, m.addressee, m.vergaderjaar, m.dossier, m.number] {
      w.optionalString(field)
    }
    w.dictionary(m.extra)
    w.int(document.footnotes.count)
    for f in document.footnotes {
      w.string(f.number)
      w.range(f.mark)
      w.range(f.body)
      w.range(f.sentence)
    }
    w.int(document.links.count)
    for link in document.links {
      w.string(link.target)
      w.range(link.range)
    }
    w.int(document.facts.count)
    for fact in document.facts {
      switch fact.statement {
      case .sameAs(let a, let b):
        w.int(0)
        w.string(a)
        w.string(b)
      case .edge(let source, let relation, let target):
        w.int(1)
        w.string(source)
        w.string(relation.rawValue)
        w.string(target)
      case .attribute(let id, let name, let value):
        w.int(2)
        w.string(id)
        w.string(name)
        w.string(value)
      }
      w.string(fact.evidence)
      // Version 3: the file and line the fact was read from (line 0: none).
      w.optionalString(fact.path)
      w.int(fact.line ?? 0)
    }
    w.strings(document.notes)
    // Version 2: the page layout of a paged document (count -1: none).
    if let layout = document.layout {
      w.int(layout.pages.count)
      for page in layout.pages {
        w.int(page.number)
        w.optionalString(page.label)
        w.range(page.range)
      }
      w.int(layout.furniture.count)
      for range in layout.furniture { w.range(range) }
    } else {
      w.int(-1)
    }
    return w.bytes
  }

  /// The mentions of one file, in their order.
  static func encode(mentions: [Mention]) -> [UInt8] {
    var w = BlobWriter(capacity: 8 + mentions.count * 96)
    w.header()
    w.int(mentions.count)
    for m in mentions {
      w.string(m.kind.rawValue)
      w.strings(m.ids)
      w.string(m.text)
      w.int(m.start)
      w.int(m.end)
      w.int(m.line)
      w.int(m.column)
      w.fields(m.fields)
      w.string(m.status.rawValue)
      w.optionalString(m.reason)
    }
    return w.bytes
  }

  /// A document blob (binary, or the JSON of older indexes; either may be packed by
  /// `IndexCompression`), with `text` as its text.
  static func decodeDocument(_ stored: Data, text: String) throws -> Document {
    let data = try IndexCompression.unpack(stored)
    var document: Document
    if data.first == magic {
      document = try data.withUnsafeBytes { raw in
        var r = BlobReader(raw)
        try r.header()
        let path = try r.string()
        let format = try r.raw(DocumentFormat.self)
        let ownIds = try r.strings()
        var fields: [String?] = []
        for _ in 0..<8 { fields.append(try r.optionalString()) }
        let metadata = DocumentMetadata(
          title: fields[0], date: fields[1], type: fields[2], sender: fields[3], addressee: fields[4],
          vergaderjaar: fields[5], dossier: fields[6], number: fields[7], extra: try r.dictionary())
        var footnotes: [Footnote] = []
        for _ in 0..<(try r.count()) {
          footnotes.append(Footnote(number: try r.string(), mark: try r.range(), body: try r.range(), sentence: try r.range()))
        }
        var links: [ExplicitLink] = []
        for _ in 0..<(try r.count()) { links.append(ExplicitLink(target: try r.string(), range: try r.range())) }
        var facts: [Fact] = []
        for _ in 0..<(try r.count()) {
          let statement: Fact.Statement
          switch try r.int() {
          case 0: statement = .sameAs(try r.string(), try r.string())
          case 1: statement = .edge(source: try r.string(), relation: try r.raw(Relation.self), target: try r.string())
          case 2: statement = .attribute(id: try r.string(), name: try r.string(), value: try r.string())
          case let tag: throw BlobError("unknown fact kind \(tag)")
          }
          let evidence = try r.string()
          let path = try r.optionalString()
          let line = try r.int()
          facts.append(Fact(statement, evidence: evidence, path: path, line: line > 0 ? line : nil))
        }
        let notes = try r.strings()
        var layout: PageLayout?
        let pageCount = try r.int()
        if pageCount >= 0 {
          var pages: [PageLayout.Page] = []
          for _ in 0..<pageCount {
            pages.append(PageLayout.Page(number: try r.int(), label: try r.optionalString(), range: try r.range()))
          }
          var furniture: [ByteRange] = []
          for _ in 0..<(try r.count()) { furniture.append(try r.range()) }
          layout = PageLayout(pages: pages, furniture: furniture)
        }
        try r.end()
        var document = Document(
          path: path, format: format, text: "", ownIds: ownIds, metadata: metadata, footnotes: footnotes, links: links,
          facts: facts, notes: notes)
        document.layout = layout
        return document
      }
    } else {
      document = try JSONDecoder().decode(Document.self, from: data)
    }
    document.text = text
    return document
  }

  /// A mentions blob (binary, or the JSON of older indexes).
  static func decodeMentions(_ stored: Data) throws -> [Mention] {
    let data = try IndexCompression.unpack(stored)
    guard data.first == magic else { return try JSONDecoder().decode([Mention].self, from: data) }
    return try data.withUnsafeBytes { raw in
      var r = BlobReader(raw)
      try r.header()
      let count = try r.count()
      var mentions: [Mention] = []
      mentions.reserveCapacity(count)
      for _ in 0..<count {
        mentions.append(
          Mention(
            kind: try r.raw(ReferenceKind.self), ids: try r.strings(), text: try r.string(), start: try r.int(),
            end: try r.int(), line: try r.int(), column: try r.int(), fields: try r.fields(),
            status: try r.raw(MentionStatus.self), reason: try r.optionalString()))
      }
      try r.end()
      return mentions
    }
  }
}

/// Why a blob could not be decoded (truncated, another version, an unknown enum value).
struct BlobError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = "the cached blob is damaged: " + description }
}

/// Appends integers as zigzag LEB128 varints and strings as a length and their UTF-8 bytes.
struct BlobWriter {
  var bytes: [UInt8] = []

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  mutating func header() {
    bytes.append(IndexBlob.magic)
    bytes.append(IndexBlob.version)
  }

  mutating func int(_ value: Int) {
    var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func string(_ text: String) {
    var copy = text
    copy.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  /// -1 for nil, otherwise the string.
  mutating func optionalString(_ text: String?) {
    if let text { string(text) } else { int(-1) }
  }

  mutating func strings(_ list: [String]) {
    int(list.count)
    for s in list { string(s) }
  }

  /// Sorted by key, so the same dictionary always gives the same bytes.
  mutating func dictionary(_ map: [String: String]) {
    int(map.count)
    for key in map.keys.sorted() {
      string(key)
      string(map[key]!)
    }
  }

  mutating func fields(_ fields: MentionFields) {
    int(fields.count)
    for (key, value) in fields {
      string(key)
      string(value)
    }
  }

  mutating func range(_ r: ByteRange) {
    int(r.start)
    int(r.end)
  }
}

/// Reads what `BlobWriter` wrote; every read checks the bounds.
struct BlobReader {
  let raw: UnsafeRawBufferPointer
  var at = 0

  init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

  mutating func header() throws {
    guard raw.count >= 2, raw[0] == IndexBlob.magic else { throw BlobError("no header") }
    guard raw[1] == IndexBlob.version else { throw BlobError("format version \(raw[1]), expected \(IndexBlob.version)") }
    at = 2
  }

  mutating func int() throws -> Int {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard at < raw.count, shift < 64 else { throw BlobError("truncated number at byte \(at)") }
      let b = raw[at]
      at += 1
      v |= UInt64(b & 0x7F) << shift
      if b < 0x80 { break }
      shift += 7
    }
    let n = Int64(bitPattern: v)
    return Int((n >> 1) ^ -(n & 1))
  }

  /// A non-negative count that cannot exceed the bytes left (each element takes at least one byte).
  mutating func count() throws -> Int {
    let n = try int()
    guard n >= 0, n <= raw.count - at else { throw BlobError("bad count \(n) at byte \(at)") }
    return n
  }

  mutating func string() throws -> String {
    let n = try count()
    let s = String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)]), as: UTF8.self)
    at += n
    return s
  }

  mutating func optionalString() throws -> String? {
    let n = try int()
    if n == -1 { return nil }
    guard n >= 0, n <= raw.count - at else { throw BlobError("bad length \(n) at byte \(at)") }
    let s = String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)]), as: UTF8.self)
    at += n
    return s
  }

  mutating func strings() throws -> [String] {
    let n = try count()
    var out: [String] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try string()) }
    return out
  }

  mutating func dictionary() throws -> [String: String] {
    let n = try count()
    var out: [String: String] = [:]
    out.reserveCapacity(n)
    for _ in 0..<n {
      let key = try string()
      out[key] = try string()
    }
    return out
  }

  /// What `BlobWriter.fields` wrote (names in sorted order; any order is accepted).
  mutating func fields() throws -> MentionFields {
    let n = try count()
    var out = MentionFields()
    for _ in 0..<n {
      let key = try string()
      out[key] = try string()
    }
    return out
  }

  mutating func range() throws -> ByteRange { ByteRange(try int(), try int()) }

  mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
    let text = try string()
    guard let value = T(rawValue: text) else { throw BlobError("unknown \(T.self) \"\(text)\"") }
    return value
  }

  func end() throws {
    guard at == raw.count else { throw BlobError("\(raw.count - at) bytes left over") }
  }
}
