/// Reads one input file into a `Document`: the format is sniffed from the bytes (BOM, XML root
/// element and namespace, zip contents, HTML), the extension only breaks ties.
package struct DocumentReader: Sendable {
  /// The size limits every read checks.
  package var limits: ReaderLimits

  /// A reader with the given limits.
  package init(limits: ReaderLimits = .init()) { self.limits = limits }

  /// Reads a file from disk.
  package func read(path: String) throws(DocumentError) -> Document {
    try read(loaded: try Self.load(path: path, limit: limits.maxFileSize, directText: true), path: path)
  }

  /// Reads a file loaded by `load(path:limit:directText:)`.
  func read(loaded: Loaded, path: String) throws(DocumentError) -> Document {
    switch loaded {
    case .text(let text): return PlainTextReader.read(text: text, path: path)
    case .bytes(let bytes): return try read(bytes: bytes, path: path)
    }
  }

  /// Reads the bytes of a file; `path` names it in the document and in errors.
  package func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    guard !bytes.isEmpty else { throw .empty(path: path) }
    guard bytes.count <= limits.maxFileSize else {
      throw .tooLarge(path: path, size: bytes.count, limit: limits.maxFileSize)
    }
    // Text stored double-encoded, or with space before its XML declaration, is repaired first
    // (with a note), so that it sniffs and reads as what it is.
    var bytes = bytes
    var repairs: [String] = []
    if !bytes.starts(with: [0x50, 0x4B]), !bytes.starts(with: Array("%PDF".utf8)), !bytes.starts(with: WordBinaryReader.signature) {
      if let (fixed, note) = DoubleEncoding.repair(bytes) {
        bytes = fixed
        repairs.append(note)
      }
      if let (fixed, note) = XMLDeclarationSpace.trim(bytes) {
        bytes = fixed
        repairs.append(note)
      }
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
    case .format(.doc): doc = try WordBinaryReader.read(bytes: bytes, path: path)
    case .format(.rechtspraak): doc = try RechtspraakReader.read(bytes: bytes, path: path)
    case .format(.plainText): doc = PlainTextReader.read(bytes: bytes, path: path)
    case .format(.pdf): doc = try PDFReader.read(bytes: bytes, path: path)
    case .format(let other):
      // XML that declares entities is refused as such (failed), whatever its root element.
      if other == .otherXML, bytes.withUnsafeBufferPointer(LibXML.prologDeclaresEntities) {
        throw .xml(XMLError(file: path, line: 0, column: 0, message: LibXML.entityMessage))
      }
      throw .unsupportedFormat(path: path, detail: "\(other.rawValue) (\(FormatSniffer.describe(bytes)))")
    case .binary: throw .binary(path: path)
    case .unsupported(let what): throw .unsupportedFormat(path: path, detail: what)
    }
    doc.notes.insert(contentsOf: repairs, at: 0)
    if let expected = FormatSniffer.formatForExtension(path), expected != doc.format,
      !(expected == .otherXML && [.koopXML, .koopMetadata, .tkOpenData, .rechtspraak].contains(doc.format))
    {
      doc.notes.append("named .\(FormatSniffer.ext(path)) but the content is \(doc.format.rawValue); read as \(doc.format.rawValue)")
    }
    return doc
  }
}
