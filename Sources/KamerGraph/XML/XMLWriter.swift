import CLibXML2

/// Why libxml2's writer could not produce a document.
public struct XMLWriterError: Error, CustomStringConvertible, Sendable {
  /// The writer call that failed, such as `xmlTextWriterStartElement(node)`.
  public var call: String
  public var description: String { "libxml2's XML writer failed in \(call); the document was not written." }
}

/// Streams an XML document through libxml2's `xmlTextWriter` into a growing byte buffer.
///
/// Every name and value passes through `XMLWriter.xmlSafe`, which drops the characters XML 1.0
/// forbids (libxml2 would otherwise emit U+0001 raw and make the file unreadable; see
/// graph-formats-and-libxml2.md §3.2). libxml2 escapes `& < > "` and CR itself. Nothing
/// time-dependent is written, so the same calls always give the same bytes.
public final class XMLWriter {
  /// The bytes written so far; complete after `finish()`.
  private final class Sink {
    var bytes: [UInt8] = []
  }

  private let sink = Sink()
  private let writer: xmlTextWriterPtr
  private var finished = false

  /// Starts a document with `<?xml version="1.0" encoding="UTF-8"?>`; `indent` pretty-prints with
  /// two spaces per level.
  public init(indent: Bool = true, capacity: Int = 1 << 16) throws(XMLWriterError) {
    // The encoding tables libxml2 sets up in xmlInitParser must exist before writers run on threads.
    LibXML.ensureInitialised()
    sink.bytes.reserveCapacity(capacity)
    let context = Unmanaged.passUnretained(sink).toOpaque()
    // The callback appends libxml2's flushed chunks (about 4 KB each) to `sink.bytes`.
    guard
      let output = xmlOutputBufferCreateIO(
        { context, buffer, length in
          guard let context, let buffer, length > 0 else { return length < 0 ? -1 : 0 }
          let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
          buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { pointer in
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: Int(length)))
          }
          return length
        }, nil, context, nil)
    else { throw XMLWriterError(call: "xmlOutputBufferCreateIO") }
    guard let writer = xmlNewTextWriter(output) else {
      xmlOutputBufferClose(output)
      throw XMLWriterError(call: "xmlNewTextWriter")
    }
    self.writer = writer
    if indent {
      xmlTextWriterSetIndent(writer, 1)
      xmlTextWriterSetIndentString(writer, "  ")
    }
    try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
  }

  deinit {
    // Freeing the writer closes its output buffer, which flushes into `sink` (kept alive by self).
    xmlFreeTextWriter(writer)
  }

  /// Opens `<name>`.
  public func start(_ name: String) throws(XMLWriterError) {
    try check(
      Self.xmlSafe(name).withCString { xmlTextWriterStartElement(writer, $0) }, "xmlTextWriterStartElement(\(name))")
  }

  /// Opens `<prefix:name xmlns:prefix=uri>` (or a prefixed element of a namespace declared above when `uri` is nil).
  public func start(prefix: String, _ name: String, namespace uri: String? = nil) throws(XMLWriterError) {
    let rc = prefix.withCString { p in
      name.withCString { n in
        if let uri { return uri.withCString { xmlTextWriterStartElementNS(writer, p, n, $0) } }
        return xmlTextWriterStartElementNS(writer, p, n, nil)
      }
    }
    try check(rc, "xmlTextWriterStartElementNS(\(prefix):\(name))")
  }

  /// Writes the attribute `name="value"` on the element just opened.
  public func attribute(_ name: String, _ value: String) throws(XMLWriterError) {
    let rc = name.withCString { n in Self.xmlSafe(value).withCString { xmlTextWriterWriteAttribute(writer, n, $0) } }
    try check(rc, "xmlTextWriterWriteAttribute(\(name))")
  }

  /// Writes escaped character data.
  public func text(_ value: String) throws(XMLWriterError) {
    try check(Self.xmlSafe(value).withCString { xmlTextWriterWriteString(writer, $0) }, "xmlTextWriterWriteString")
  }

  /// Writes `<name>text</name>`.
  public func element(_ name: String, text value: String) throws(XMLWriterError) {
    try start(name)
    try text(value)
    try end()
  }

  /// Writes `markup` as it is: only for fixed, well-formed markup known when compiling (a start
  /// tag without variable attributes, an end tag, indentation), never for data.
  public func raw(_ markup: StaticString) throws(XMLWriterError) {
    let rc = markup.withUTF8Buffer { xmlTextWriterWriteRawLen(writer, $0.baseAddress, Int32($0.count)) }
    try check(rc, "xmlTextWriterWriteRawLen")
  }

  /// Closes the innermost open element (as `<x/>` when it has no content).
  public func end() throws(XMLWriterError) {
    try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
  }

  /// Closes every open element, flushes, and returns the document's bytes (ending with a newline).
  public func finish() throws(XMLWriterError) -> [UInt8] {
    if !finished {
      try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
      try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
      finished = true
    }
    return sink.bytes
  }

  private func check(_ rc: Int32, _ call: @autoclosure () -> String) throws(XMLWriterError) {
    if rc < 0 { throw XMLWriterError(call: call()) }
  }

  /// True for the Unicode scalars XML 1.0 allows:
  /// `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// `text` without the characters XML 1.0 forbids. Returns `text` itself (no copy) in the
  /// common case, found by one pass over the UTF-8 bytes.
  public static func xmlSafe(_ text: String) -> String {
    var clean = true
    var text = text
    text.withUTF8 { bytes in
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        if b < 0x20 {
          if b != 0x9 && b != 0xA && b != 0xD {
            clean = false
            return
          }
        } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
          clean = false  // U+FFFE or U+FFFF
          return
        }
        i += 1
      }
    }
    if clean { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where isAllowed(scalar) { out.append(scalar) }
    return String(out)
  }
}
