#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one input file into a `Document`: the format is sniffed from the bytes (BOM, XML root
/// element and namespace, zip contents, HTML), the extension only breaks ties.
public struct DocumentReader: Sendable {
  /// The size limits every read checks.
  public var limits: ReaderLimits

  /// A reader with the given limits.
  public init(limits: ReaderLimits = .init()) { self.limits = limits }

  /// Reads a file from disk.
  public func read(path: String) throws(DocumentError) -> Document {
    switch try Self.load(path: path, limit: limits.maxFileSize, directText: true) {
    case .text(let text): return PlainTextReader.read(text: text, path: path)
    case .bytes(let bytes): return try read(bytes: bytes, path: path)
    }
  }

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

  /// Reads the bytes of a file; `path` names it in the document and in errors.
  public func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    guard !bytes.isEmpty else { throw .empty(path: path) }
    guard bytes.count <= limits.maxFileSize else {
      throw .tooLarge(path: path, size: bytes.count, limit: limits.maxFileSize)
    }
    let sniffed = FormatSniffer.sniff(bytes, path: path)
    var doc: Document
    switch sniffed {
    case .zip:
      let zip = try SafeZip(bytes: bytes, path: path, limits: limits)
      if zip.entries["word/document.xml"] != nil {
        doc = try DocxReader.read(zip: zip, path: path)
      } else if let mime = zip.string("mimetype"), mime.hasPrefix("application/vnd.oasis.opendocument.text") {
        doc = try ODTReader.read(zip: zip, path: path)
      } else if zip.entries["[Content_Types].xml"] != nil || FormatSniffer.ext(path) == "docx" {
        throw .invalidContent(path: path, reason: "is a .docx without word/document.xml")
      } else if zip.entries["content.xml"] != nil {
        doc = try ODTReader.read(zip: zip, path: path)
      } else {
        throw .unsupportedFormat(path: path, detail: "a zip archive that is neither .docx nor .odt")
      }
    case .format(.koopXML): doc = try KOOPXMLReader.read(bytes: bytes, path: path)
    case .format(.koopMetadata): doc = try KOOPMetadataReader.read(bytes: bytes, path: path)
    case .format(.tkOpenData): doc = try TKOpenDataReader.read(bytes: bytes, path: path)
    case .format(.html): doc = try HTMLReader.read(bytes: bytes, path: path)
    case .format(.plainText): doc = PlainTextReader.read(bytes: bytes, path: path)
    case .format(.pdf): doc = try PDFReader.read(bytes: bytes, path: path)
    case .format(let other): throw .unsupportedFormat(path: path, detail: "\(other.rawValue) (\(FormatSniffer.describe(bytes)))")
    case .binary: throw .binary(path: path)
    case .unsupported(let what): throw .unsupportedFormat(path: path, detail: what)
    }
    if let expected = FormatSniffer.formatForExtension(path), expected != doc.format,
      !(expected == .otherXML && [.koopXML, .koopMetadata, .tkOpenData].contains(doc.format))
    {
      doc.notes.append("named .\(FormatSniffer.ext(path)) but the content is \(doc.format.rawValue); read as \(doc.format.rawValue)")
    }
    return doc
  }

  /// Merges a KOOP metadata record into its document: the record's ids first (DC.identifier is
  /// authoritative), its metadata over the document's where present, its facts added.
  public static func merge(_ document: Document, metadata: Document) -> Document {
    var doc = document
    var ids: [String] = []
    for id in metadata.ownIds + document.ownIds where !ids.contains(id) { ids.append(id) }
    doc.ownIds = ids
    let m = metadata.metadata
    doc.metadata.title = m.title ?? doc.metadata.title
    doc.metadata.date = m.date ?? doc.metadata.date
    doc.metadata.type = m.type ?? doc.metadata.type
    doc.metadata.sender = m.sender ?? doc.metadata.sender
    doc.metadata.addressee = m.addressee ?? doc.metadata.addressee
    doc.metadata.vergaderjaar = m.vergaderjaar ?? doc.metadata.vergaderjaar
    doc.metadata.dossier = m.dossier ?? doc.metadata.dossier
    doc.metadata.number = m.number ?? doc.metadata.number
    for (k, v) in m.extra { doc.metadata.extra[k] = v }
    // Facts naming the record by its path now name the document by its first id.
    let selfID = doc.ownIds.first ?? doc.path
    for fact in metadata.facts {
      var f = fact
      if case .edge(let s, let r, let t) = fact.statement, s == metadata.path { f.statement = .edge(source: selfID, relation: r, target: t) }
      if case .attribute(let s, let n, let v) = fact.statement, s == metadata.path { f.statement = .attribute(id: selfID, name: n, value: v) }
      if !doc.facts.contains(f) { doc.facts.append(f) }
    }
    doc.notes.append("merged with \(metadata.path)")
    doc.notes.append(contentsOf: metadata.notes)
    return doc
  }

  /// Reads a file with POSIX calls, so every failure has its precise reason. With `directText`, a
  /// large UTF-8 `.txt` file comes back as its text (`plainUTF8`), read through the same open file.
  static func load(path: String, limit: Int, directText: Bool) throws(DocumentError) -> Loaded {
    var st = stat()
    if lstat(path, &st) != 0 {
      throw .unreadable(path: path, reason: "it does not exist (\(String(cString: strerror(errno))))")
    }
    if (st.st_mode & S_IFMT) == S_IFLNK, stat(path, &st) != 0 {
      throw .unreadable(path: path, reason: "it is a symbolic link to a missing file")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a folder, not a file") }
    if (st.st_mode & S_IFMT) != S_IFREG { throw .unreadable(path: path, reason: "it is not a regular file") }
    if Int(st.st_size) > limit { throw .tooLarge(path: path, size: Int(st.st_size), limit: limit) }
    let fd = open(path, O_RDONLY)
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

/// Format detection from the bytes.
public enum FormatSniffer {
  enum Sniffed: Equatable {
    case zip
    case format(DocumentFormat)
    case binary
    case unsupported(String)
  }

  /// The lower-case extension of a path ("docx"), or "".
  static func ext(_ path: String) -> String {
    // On bytes ("/" and "." are ASCII): the part after the last dot of the last path component,
    // unless that dot starts the name (".profile" has no extension).
    let u = path.utf8
    var nameStart = u.startIndex
    var dot: String.Index?
    var i = u.startIndex
    while i < u.endIndex {
      let b = u[i]
      if b == 0x2F {
        nameStart = u.index(after: i)
        dot = nil
      } else if b == 0x2E {
        dot = i
      }
      i = u.index(after: i)
    }
    // A trailing "/" names a folder: its name is the component before it.
    if nameStart == u.endIndex, nameStart != u.startIndex {
      let trimmed = String(path.utf8.dropLast()) ?? ""
      return trimmed.isEmpty ? "" : ext(trimmed)
    }
    guard let dot, dot != nameStart else { return "" }
    return path[path.index(after: dot)...].lowercased()
  }

  /// The format an extension suggests, used only to break ties and to note mismatches.
  static func formatForExtension(_ path: String) -> DocumentFormat? {
    switch ext(path) {
    case "txt", "text": return .plainText
    case "docx": return .docx
    case "odt": return .odt
    case "html", "htm", "xhtml": return .html
    case "xml": return .otherXML
    case "pdf": return .pdf
    default: return nil
    }
  }

  /// The format of the bytes as far as it can be told without unpacking a zip: `.docx` and
  /// `.odt` are decided by `DocumentReader`. For the CLI and tests.
  public static func format(of bytes: [UInt8], path: String) -> DocumentFormat {
    switch sniff(bytes, path: path) {
    case .zip: return ext(path) == "odt" ? .odt : .docx
    case .format(let f): return f
    case .binary, .unsupported: return .unknown
    }
  }

  /// A short description of unknown content for messages.
  static func describe(_ bytes: [UInt8]) -> String {
    let prefix = markupPrefix(bytes)
    if let root = rootElement(prefix) { return "root element <\(root.name)>" }
    return "unrecognised content"
  }

  static func sniff(_ bytes: [UInt8], path: String) -> Sniffed {
    if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03 || bytes[2] == 0x05,
      bytes[3] == 0x04 || bytes[3] == 0x06
    {
      return .zip
    }
    if bytes.starts(with: Array("%PDF".utf8)) { return .format(.pdf) }
    let prefix = markupPrefix(bytes)
    if TextDecoding.utf16Order(bytes) == nil, TextDecoding.looksBinary(bytes) { return .binary }
    if let root = rootElement(prefix) {
      let name = root.name.lowercased()
      let local = String(name.split(separator: ":").last ?? Substring(name))
      if root.doctypeHTML || ["html", "head", "body"].contains(local) { return .format(.html) }
      switch local {
      case "officiele-publicatie": return .format(.koopXML)
      case "metadata_gegevens", "owms-metadata": return .format(.koopMetadata)
      default: break
      }
      let tk = Array(TKOpenDataReader.namespace.utf8)
      let window = Array(prefix.prefix(1 << 16))
      if TextScan.find(tk, in: window) != nil || TextScan.find(tk, in: Array(bytes.prefix(1 << 16))) != nil {
        return .format(.tkOpenData)
      }
      if ["div", "p", "table", "span", "a"].contains(local), ["html", "htm"].contains(ext(path)) { return .format(.html) }
      if ["txt", "text"].contains(ext(path)) { return .format(.plainText) }
      return .format(.otherXML)
    }
    if ["html", "htm"].contains(ext(path)) { return .format(.html) }
    // Plain text only from .txt (or no extension): a README.md or data.csv is not a document.
    let e = ext(path)
    if !(e.isEmpty || plainTextExtensions.contains(e)) {
      return .unsupported("text with the extension .\(e); only .txt files are read as plain text")
    }
    return .format(.plainText)
  }

  /// Extensions read as plain text.
  static let plainTextExtensions: Set<String> = ["txt", "text"]

  /// The first 64 KiB as UTF-8 bytes (UTF-16 decoded, BOM removed), for looking at markup.
  static func markupPrefix(_ bytes: [UInt8]) -> [UInt8] {
    let head = Array(bytes.prefix(1 << 16))
    if let (order, bom) = TextDecoding.utf16Order(head) {
      return Array(TextDecoding.decodeUTF16(head[(bom ? 2 : 0)...], order: order).utf8)
    }
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(head.dropFirst(3)) }
    return head
  }

  /// The root element's name after the prolog (declaration, comments, PIs, DOCTYPE), or nil when
  /// the text does not start with markup.
  static func rootElement(_ b: [UInt8]) -> (name: String, doctypeHTML: Bool)? {
    var i = 0
    var doctypeHTML = false
    let n = b.count
    func skipSpace() { while i < n, TextScan.isSpace(b[i]) { i += 1 } }
    while true {
      skipSpace()
      guard i < n, b[i] == 0x3C, i + 1 < n else { return nil }
      let c = b[i + 1]
      if c == 0x3F {  // <? ... ?>
        guard let end = TextScan.find([0x3F, 0x3E], in: b, from: i + 2) else { return nil }
        i = end + 2
      } else if c == 0x21 {  // <!-- --> or <!DOCTYPE ...>
        if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
          guard let end = TextScan.find(Array("-->".utf8), in: b, from: i + 4) else { return nil }
          i = end + 3
        } else {
          let word = String(decoding: b[(i + 2)..<min(n, i + 14)], as: UTF8.self).lowercased()
          if word.hasPrefix("doctype html") || word.hasPrefix("doctype  html") { doctypeHTML = true }
          var depth = 0
          var j = i + 2
          while j < n {
            if b[j] == 0x5B { depth += 1 }
            if b[j] == 0x5D { depth -= 1 }
            if b[j] == 0x3E, depth <= 0 { break }
            j += 1
          }
          guard j < n else { return doctypeHTML ? ("html", true) : nil }
          i = j + 1
        }
      } else {
        var j = i + 1
        while j < n, !TextScan.isSpace(b[j]), b[j] != 0x3E, b[j] != 0x2F { j += 1 }
        guard j > i + 1 else { return nil }
        let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return nil }
        return (name, doctypeHTML)
      }
    }
  }
}

extension DocumentReader {
  /// Reads a unit: its primary file with its metadata files merged in. A metadata file that fails
  /// is reported and the document is still read; when the document fails, its metadata record
  /// stands on its own.
  public func read(unit: InputUnit) -> (Document?, [FileOutcome]) {
    var outcomes: [FileOutcome] = []
    var metadata: [(String, Document)] = []
    for companion in unit.companions {
      do throws(DocumentError) {
        metadata.append((companion, try read(path: companion)))
      } catch {
        outcomes.append(CorpusLoader.outcome(for: error, path: companion))
      }
    }
    var document: Document
    do throws(DocumentError) {
      document = try read(path: unit.primary)
    } catch {
      outcomes.append(CorpusLoader.outcome(for: error, path: unit.primary))
      guard let (path, record) = metadata.first else { return (nil, outcomes) }
      outcomes.append(FileOutcome(path: path, status: .read, format: record.format, notes: ["its document \(unit.primary) failed"]))
      return (record, outcomes)
    }
    for (path, record) in metadata {
      document = DocumentReader.merge(document, metadata: record)
      outcomes.append(FileOutcome(path: path, status: .skipped, format: .koopMetadata, reason: "metadata merged into \(unit.primary)"))
    }
    for outcome in outcomes where outcome.status == .failed {
      document.notes.append("metadata file \(outcome.path) not merged: \(outcome.reason ?? "")")
    }
    outcomes.append(FileOutcome(path: unit.primary, status: .read, format: document.format, notes: document.notes))
    return (document, outcomes)
  }
}
