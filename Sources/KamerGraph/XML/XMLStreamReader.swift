import CLibXML2

/// A forward-only streaming XML reader (libxml2's `xmlTextReader`) for large files: constant
/// memory, the same safety rules as `XMLTree` (no entities, no network, no lifted limits).
///
/// Use it through `XMLStreamReader.read(_:file:options:_:)`, which keeps the input bytes alive for
/// the reader's lifetime.
package final class XMLStreamReader {
  /// What the cursor points at.
  package enum NodeKind: Sendable, Equatable {
    case element
    case endElement
    /// Text or CDATA.
    case text
    /// Whitespace-only text between elements.
    case whitespace
    /// A comment, processing instruction, DOCTYPE or anything else.
    case other
  }

  /// Collects the first error libxml2 reports.
  private final class ErrorBox {
    var error: XMLError?
    let file: String
    init(file: String) { self.file = file }
  }

  private let reader: xmlTextReaderPtr
  private let box: ErrorBox
  /// The file name used in errors.
  package let file: String

  private init(reader: xmlTextReaderPtr, box: ErrorBox, file: String) {
    self.reader = reader
    self.box = box
    self.file = file
  }

  deinit { xmlFreeTextReader(reader) }

  /// Runs `body` with a reader over `bytes`. Errors thrown by `body` (including the `XMLError`s
  /// of `next()`) are rethrown.
  package static func read<R>(
    _ bytes: [UInt8], file: String, options: ParseOptions = [], _ body: (XMLStreamReader) throws -> R
  ) throws -> R {
    LibXML.ensureInitialised()
    guard bytes.count < Int(Int32.max) else {
      throw XMLError(file: file, line: 0, column: 0, message: "the document is larger than 2 GB")
    }
    return try bytes.withUnsafeBufferPointer { buffer in
      if LibXML.prologDeclaresEntities(buffer) {
        throw XMLError(file: file, line: 0, column: 0, message: LibXML.entityMessage)
      }
      guard let base = buffer.baseAddress, buffer.count > 0 else {
        throw XMLError(file: file, line: 0, column: 0, message: "the document is empty")
      }
      let created = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
        xmlReaderForMemory(chars, Int32(buffer.count), file, nil, options.xmlFlags)
      }
      guard let created else {
        throw XMLError(file: file, line: 0, column: 0, message: "libxml2 could not create a reader")
      }
      let box = ErrorBox(file: file)
      let reader = XMLStreamReader(reader: created, box: box, file: file)
      let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let box = Unmanaged<ErrorBox>.fromOpaque(userData).takeUnretainedValue()
        guard box.error == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        box.error = LibXML.error(from: UnsafePointer(error), file: box.file, fallback: "not well-formed XML")
      }
      xmlTextReaderSetStructuredErrorHandler(created, handler, Unmanaged.passUnretained(box).toOpaque())
      return try withExtendedLifetime(box) { try body(reader) }
    }
  }

  /// Advances to the next node. Returns false at the end of the document.
  package func next() throws(XMLError) -> Bool {
    let r = xmlTextReaderRead(reader)
    if r == 1 {
      if UInt32(bitPattern: xmlTextReaderNodeType(reader)) == XML_READER_TYPE_DOCUMENT_TYPE.rawValue,
        let doc = xmlTextReaderCurrentDoc(reader), LibXML.declaresEntities(doc)
      {
        throw XMLError(file: file, line: 0, column: 0, message: LibXML.entityMessage)
      }
      return true
    }
    if r == 0 {
      if let error = box.error { throw error }
      return false
    }
    throw box.error ?? XMLError(file: file, line: 0, column: 0, message: "not well-formed XML")
  }

  /// The kind of the current node.
  package var kind: NodeKind {
    switch UInt32(bitPattern: xmlTextReaderNodeType(reader)) {
    case XML_READER_TYPE_ELEMENT.rawValue: return .element
    case XML_READER_TYPE_END_ELEMENT.rawValue: return .endElement
    case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue: return .text
    case XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue: return .whitespace
    default: return .other
    }
  }

  /// The local name of the current element (empty for text).
  package var localName: String {
    guard let p = xmlTextReaderConstLocalName(reader) else { return "" }
    return String(cString: p)
  }

  /// Calls `body` with the UTF-8 bytes of the local name, without allocating a String.
  package func withLocalName<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let p = xmlTextReaderConstLocalName(reader) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return body(UnsafeBufferPointer(start: p, count: Int(xmlStrlen(p))))
  }

  /// The namespace URI of the current node, or nil.
  package var namespaceURI: String? { xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } }

  /// True for an element written `<a/>` (no end-element node follows).
  package var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

  /// The text of the current text or whitespace node.
  package var value: String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }

  /// Appends the UTF-8 bytes of the current node's value to `out` without an intermediate String.
  package func appendValue(to out: inout [UInt8]) {
    guard let p = xmlTextReaderConstValue(reader) else { return }
    out.append(contentsOf: UnsafeBufferPointer(start: p, count: Int(xmlStrlen(p))))
  }

  /// The current line (1-based).
  package var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

  /// The attributes of the current element as (local name, value).
  package var attributes: [(name: String, value: String)] {
    var out: [(String, String)] = []
    guard xmlTextReaderHasAttributes(reader) == 1 else { return out }
    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
      let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
      let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
      out.append((name, value))
    }
    xmlTextReaderMoveToElement(reader)
    return out
  }

  /// The value of the attribute with this local name on the current element, or nil.
  package func attribute(_ name: String) -> String? {
    guard xmlTextReaderHasAttributes(reader) == 1 else { return nil }
    defer { xmlTextReaderMoveToElement(reader) }
    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
      if let p = xmlTextReaderConstLocalName(reader), String(cString: p) == name {
        return xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
      }
    }
    return nil
  }
}

/// Element names interned as small integers, so a streaming consumer can switch on names without
/// building a String per element. libxml2 interns names per reader; the table caches by that
/// pointer and confirms every hit by comparing bytes, so a reused pointer can never mislead it.
package struct XMLNameTable {
  /// The names by id.
  package private(set) var names: [String] = []
  private var bytes: [[UInt8]] = []
  private var byPointer: [UnsafeRawPointer: Int] = [:]
  private var byName: [String: Int] = [:]

  package init() {}

  /// The id of `name`, adding it when new.
  package mutating func intern(_ name: String) -> Int {
    if let id = byName[name] { return id }
    let id = names.count
    names.append(name)
    bytes.append(Array(name.utf8))
    byName[name] = id
    return id
  }

  mutating func id(for pointer: UnsafePointer<UInt8>) -> Int {
    let raw = UnsafeRawPointer(pointer)
    if let id = byPointer[raw] {
      let known = bytes[id]
      var same = true
      for i in 0..<known.count where pointer[i] != known[i] {
        same = false
        break
      }
      if same, pointer[known.count] == 0 { return id }
    }
    let id = intern(String(cString: pointer))
    byPointer[raw] = id
    return id
  }
}

extension XMLStreamReader {
  /// The id of the current node's local name in `table`.
  package func localNameID(in table: inout XMLNameTable) -> Int {
    guard let p = xmlTextReaderConstLocalName(reader) else { return table.intern("") }
    return table.id(for: p)
  }

  /// Calls `body` with the UTF-8 bytes of the current node's value (valid only during the call).
  package func withValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let p = xmlTextReaderConstValue(reader) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return body(UnsafeBufferPointer(start: p, count: Int(xmlStrlen(p))))
  }
}
