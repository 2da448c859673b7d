import CLibXML2
import Foundation

/// Why libxml2's writer could not produce a document.
struct XMLWriterError: Error, CustomStringConvertible, Sendable {
  /// The writer call that failed, such as `xmlTextWriterStartElement(node)`.
  var call: String
  /// For a writer to a file: why the file could not be opened or written (`strerror`), when that
  /// is what failed.
  var fileFailure: String? = nil
  /// The failure as a sentence.
  var description: String {
    if let fileFailure { return "libxml2's XML writer could not write its file (\(call)): \(fileFailure)." }
    return "libxml2's XML writer failed in \(call); the document was not written."
  }
}

/// Streams an XML document through libxml2's `xmlTextWriter` into a growing byte buffer, or
/// (`init(file:)`) into a file in chunks of about 1 MB, so the document is never held whole.
///
/// Every name and value passes through `XMLWriter.xmlSafe`, which drops the characters XML 1.0
/// forbids (libxml2 would otherwise emit U+0001 raw and make the file unreadable; see
/// graph-formats-and-libxml2.md §3.2). libxml2 escapes `& < > "` and CR itself. Nothing
/// time-dependent is written, so the same calls always give the same bytes.
final class XMLWriter {
  /// The bytes written so far (complete after `finish()`), or, when writing to a file, the bytes
  /// not yet passed to `write(2)`.
  private final class Sink {
    var bytes: [UInt8] = []
    /// The file written to, or -1 for an in-memory document.
    var fd: Int32 = -1
    var path = ""
    /// Bytes passed to the file so far.
    var written = 0
    /// Why writing to the file failed, once it has.
    var failure: String? = nil

    /// Writes the buffered bytes to the file; false (and `failure` set) when the file refuses them.
    func drain() -> Bool {
      guard fd >= 0, failure == nil else { return failure == nil }
      var done = 0
      let ok = bytes.withUnsafeBytes { raw -> Bool in
        while done < raw.count {
          let n = write(fd, raw.baseAddress! + done, raw.count - done)
          if n < 0 {
            if errno == EINTR { continue }
            failure = String(cString: strerror(errno))
            return false
          }
          done += n
        }
        return true
      }
      written += done
      bytes.removeAll(keepingCapacity: true)
      return ok
    }
  }

  /// Chunk size for file output: libxml2 flushes about 4 KB at a time; the sink gathers 1 MB per write(2).
  private static let chunk = 1 << 20

  private let sink = Sink()
  private let writer: xmlTextWriterPtr
  private var finished = false

  /// Starts a document with `<?xml version="1.0" encoding="UTF-8"?>`; `indent` pretty-prints with
  /// two spaces per level.
  init(indent: Bool = true, capacity: Int = 1 << 16) throws(XMLWriterError) {
    sink.bytes.reserveCapacity(capacity)
    writer = try Self.makeWriter(sink, indent: indent)
  }

  /// Starts a document like `init(indent:capacity:)`, written to the file at `path` (created or
  /// truncated) in chunks of about 1 MB; `finishFile()` completes and closes it.
  init(file path: String, indent: Bool = true) throws(XMLWriterError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw XMLWriterError(call: "open(\(path))", fileFailure: String(cString: strerror(errno)))
    }
    sink.fd = fd
    sink.path = path
    sink.bytes.reserveCapacity(Self.chunk + (1 << 16))
    do {
      writer = try Self.makeWriter(sink, indent: indent)
    } catch {
      close(fd)
      throw error
    }
  }

  private static func makeWriter(_ sink: Sink, indent: Bool) throws(XMLWriterError) -> xmlTextWriterPtr {
    // The encoding tables libxml2 sets up in xmlInitParser must exist before writers run on threads.
    LibXML.ensureInitialised()
    let context = Unmanaged.passUnretained(sink).toOpaque()
    // The callback appends libxml2's flushed chunks (about 4 KB each) to `sink.bytes`; a file sink
    // writes them out once 1 MB has gathered.
    guard
      let output = xmlOutputBufferCreateIO(
        { context, buffer, length in
          guard let context, let buffer, length > 0 else { return length < 0 ? -1 : 0 }
          let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
          buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { pointer in
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: Int(length)))
          }
          if sink.fd >= 0, sink.bytes.count >= XMLWriter.chunk, !sink.drain() { return -1 }
          return length
        }, nil, context, nil)
    else { throw XMLWriterError(call: "xmlOutputBufferCreateIO") }
    guard let writer = xmlNewTextWriter(output) else {
      xmlOutputBufferClose(output)
      throw XMLWriterError(call: "xmlNewTextWriter")
    }
    if indent {
      xmlTextWriterSetIndent(writer, 1)
      xmlTextWriterSetIndentString(writer, "  ")
    }
    if xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) < 0 {
      xmlFreeTextWriter(writer)
      throw XMLWriterError(call: "xmlTextWriterStartDocument")
    }
    return writer
  }

  deinit {
    // Freeing the writer closes its output buffer, which flushes into `sink` (kept alive by self).
    xmlFreeTextWriter(writer)
    if sink.fd >= 0 { close(sink.fd) }
  }

  /// Opens `<name>`.
  func start(_ name: String) throws(XMLWriterError) {
    try check(
      Self.xmlSafe(name).withCString { xmlTextWriterStartElement(writer, $0) }, "xmlTextWriterStartElement(\(name))")
  }

  /// Opens `<prefix:name xmlns:prefix=uri>` (or a prefixed element of a namespace declared above when `uri` is nil).
  func start(prefix: String, _ name: String, namespace uri: String? = nil) throws(XMLWriterError) {
    let rc = prefix.withCString { p in
      name.withCString { n in
        if let uri { return uri.withCString { xmlTextWriterStartElementNS(writer, p, n, $0) } }
        return xmlTextWriterStartElementNS(writer, p, n, nil)
      }
    }
    try check(rc, "xmlTextWriterStartElementNS(\(prefix):\(name))")
  }

  /// Writes the attribute `name="value"` on the element just opened.
  func attribute(_ name: String, _ value: String) throws(XMLWriterError) {
    let rc = name.withCString { n in Self.xmlSafe(value).withCString { xmlTextWriterWriteAttribute(writer, n, $0) } }
    try check(rc, "xmlTextWriterWriteAttribute(\(name))")
  }

  /// Writes escaped character data.
  func text(_ value: String) throws(XMLWriterError) {
    // Text with nothing to escape or drop (the usual label, path or quote) goes out as it is:
    // libxml2's escaping (xmlEncodeSpecialChars: < > & " and CR) would copy it unchanged, at the
    // cost of an allocation per value. Anything else takes libxml2's path. This writer never has
    // an attribute open while writing text (attributes go through `attribute`), so text is
    // always element content.
    var copy = value
    let rc = copy.withUTF8 { bytes -> Int32? in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
      for b in bytes {
        if b < 0x20 || b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0xEF { return nil }
      }
      return xmlTextWriterWriteRawLen(writer, base, Int32(bytes.count))
    }
    if let rc {
      try check(rc, "xmlTextWriterWriteRawLen")
      return
    }
    try check(Self.xmlSafe(value).withCString { xmlTextWriterWriteString(writer, $0) }, "xmlTextWriterWriteString")
  }

  /// Writes `<name>text</name>`.
  func element(_ name: String, text value: String) throws(XMLWriterError) {
    try start(name)
    try text(value)
    try end()
  }

  /// Writes `markup` as it is: only for fixed, well-formed markup known when compiling (a start
  /// tag without variable attributes, an end tag, indentation), never for data.
  func raw(_ markup: StaticString) throws(XMLWriterError) {
    let rc = markup.withUTF8Buffer { xmlTextWriterWriteRawLen(writer, $0.baseAddress, Int32($0.count)) }
    try check(rc, "xmlTextWriterWriteRawLen")
  }

  /// Writes the decimal digits of `value` (after a `-` when it is negative): digits need no
  /// escaping, so they go out as they are, without building a `String`.
  func integer(_ value: Int) throws(XMLWriterError) {
    let rc = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer -> Int32 in
      var i = buffer.count
      var magnitude = value.magnitude
      repeat {
        i -= 1
        buffer[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 {
        i -= 1
        buffer[i] = UInt8(ascii: "-")
      }
      return xmlTextWriterWriteRawLen(writer, buffer.baseAddress! + i, Int32(buffer.count - i))
    }
    try check(rc, "xmlTextWriterWriteRawLen(\(value))")
  }

  /// XML NMTOKENs of `[A-Za-z0-9._:-]` only (as `ExportText.nmtoken` makes every exported id),
  /// checked once and kept as bytes side by side, to be written many times with `token(_:of:)`:
  /// such a token needs no escaping in text or in a double-quoted attribute value written with `raw`.
  struct Tokens: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Where each token ends in `bytes` (it starts where the one before ends).
    private(set) var ends: [Int] = []

    /// The tokens, in order. Throws naming the first string that is empty or holds any other byte.
    init(_ tokens: [String]) throws(XMLWriterError) {
      ends.reserveCapacity(tokens.count)
      for token in tokens {
        let before = bytes.count
        bytes.append(contentsOf: token.utf8)
        guard bytes.count > before, bytes[before...].allSatisfy(Self.isTokenByte) else {
          throw XMLWriterError(call: "Tokens(\(token)): not an NMTOKEN")
        }
        ends.append(bytes.count)
      }
    }

    /// How many tokens there are.
    var count: Int { ends.count }

    static func isTokenByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x3A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E
        || b == 0x5F
    }
  }

  /// Writes token `index` of `tokens` as it is.
  func token(_ index: Int, of tokens: Tokens) throws(XMLWriterError) {
    let start = index == 0 ? 0 : tokens.ends[index - 1]
    let rc = tokens.bytes.withUnsafeBufferPointer { bytes in
      xmlTextWriterWriteRawLen(writer, bytes.baseAddress! + start, Int32(tokens.ends[index] - start))
    }
    try check(rc, "xmlTextWriterWriteRawLen(token \(index))")
  }

  /// Closes the innermost open element (as `<x/>` when it has no content).
  func end() throws(XMLWriterError) {
    try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
  }

  /// Closes every open element, flushes, and returns the document's bytes (ending with a newline).
  func finish() throws(XMLWriterError) -> [UInt8] {
    if !finished {
      try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
      try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
      finished = true
    }
    return sink.bytes
  }

  /// For a writer made with `init(file:)`: closes every open element, writes the rest to the file,
  /// closes it, and returns the file's size in bytes.
  func finishFile() throws(XMLWriterError) -> Int {
    _ = try finish()
    guard sink.fd >= 0 else { return sink.written }
    let drained = sink.drain()
    let closed = close(sink.fd) == 0
    sink.fd = -1
    if !drained || !closed {
      throw XMLWriterError(
        call: drained ? "close(\(sink.path))" : "write(\(sink.path))",
        fileFailure: sink.failure ?? String(cString: strerror(errno)))
    }
    return sink.written
  }

  private func check(_ rc: Int32, _ call: @autoclosure () -> String) throws(XMLWriterError) {
    if rc < 0 {
      if let failure = sink.failure { throw XMLWriterError(call: "write(\(sink.path))", fileFailure: failure) }
      throw XMLWriterError(call: call())
    }
  }

  /// True for the Unicode scalars XML 1.0 allows:
  /// `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// `text` without the characters XML 1.0 forbids. Returns `text` itself (no copy) in the
  /// common case, found by one pass over the UTF-8 bytes.
  static func xmlSafe(_ text: String) -> String {
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
