#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Format detection from the bytes.
enum FormatSniffer {
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
    case "txt", "text", "md", "markdown", "mdown", "rst", "adoc", "asciidoc", "org": return .plainText
    case "docx": return .docx
    case "doc": return .doc
    case "odt": return .odt
    case "html", "htm", "xhtml": return .html
    case "xml": return .otherXML
    case "pdf": return .pdf
    default: return nil
    }
  }

  /// The format of the bytes as far as it can be told without unpacking a zip: `.docx` and
  /// `.odt` are decided by `DocumentReader`. For the CLI and tests.
  static func format(of bytes: [UInt8], path: String) -> DocumentFormat {
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
    if bytes.starts(with: WordBinaryReader.signature) { return .format(.doc) }
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
      case "open-rechtspraak": return .format(.rechtspraak)
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
    // An XML prolog whose DOCTYPE runs past the prefix (a large internal DTD, entity
    // declarations) is XML all the same: the XML reader refuses what it declares.
    if startsXML(prefix) { return .format(.otherXML) }
    if ["html", "htm"].contains(ext(path)) { return .format(.html) }
    // Plain text from .txt, Markdown and other text exports (or no extension); data files such as
    // .csv or .json are not documents, nor is the README or licence that describes a folder.
    if let note = folderNote(path) { return .unsupported(note) }
    let e = ext(path)
    if !(e.isEmpty || plainTextExtensions.contains(e) || markupTextExtensions.contains(e)) {
      return .unsupported("text with the extension .\(e); text is read from \(readableTextExtensions)")
    }
    return .format(.plainText)
  }

  /// Why a text file is not a document: a README, licence or changelog describes its folder (a
  /// corpus README.md says where the documents come from); nil for any other name.
  static func folderNote(_ path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let stem = (name.split(separator: ".").first.map(String.init) ?? name).uppercased()
    guard ["README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "NOTICE", "AUTHORS"].contains(stem) else { return nil }
    return "\(name) describes its folder; it is not a document"
  }

  /// Extensions read as plain text.
  static let plainTextExtensions: Set<String> = ["txt", "text"]
  /// Text exports with light markup, read as plain text: their markup is punctuation to the
  /// recognisers, and offsets stay exact.
  static let markupTextExtensions: Set<String> = ["md", "markdown", "mdown", "rst", "adoc", "asciidoc", "org"]
  static let readableTextExtensions = ".txt, .text, .md, .markdown, .mdown, .rst, .adoc, .asciidoc and .org files"

  /// The first 64 KiB as UTF-8 bytes (UTF-16 decoded, BOM removed), for looking at markup.
  static func markupPrefix(_ bytes: [UInt8]) -> [UInt8] {
    let head = Array(bytes.prefix(1 << 16))
    if let (order, bom) = TextDecoding.utf16Order(head) {
      return Array(TextDecoding.decodeUTF16(head[(bom ? 2 : 0)...], order: order).utf8)
    }
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(head.dropFirst(3)) }
    return head
  }

  /// True when `b` starts (after white space) with an XML declaration or a DOCTYPE that is not HTML's.
  static func startsXML(_ b: [UInt8]) -> Bool {
    var i = 0
    while i < b.count, TextScan.isSpace(b[i]) { i += 1 }
    let head = String(decoding: b[i..<min(b.count, i + 16)], as: UTF8.self).lowercased()
    if head.hasPrefix("<?xml") { return true }
    return head.hasPrefix("<!doctype") && !head.dropFirst(9).drop(while: { $0.isWhitespace }).hasPrefix("html")
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
