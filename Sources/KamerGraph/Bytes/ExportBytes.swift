/// A growing UTF-8 buffer with the escapes the text formats need, working on bytes so a million
/// edges are written without building a `String` per value.
///
/// Made with `init(file:)`, it is a chunked sink: the writers call `flushIfFull()` between records
/// and `flush()` at the end, and `bytes` then holds only what is not yet in the file.
struct ExportBytes {
  var bytes: [UInt8] = []
  /// The file full chunks go to, or nil to keep the whole document in `bytes`.
  private(set) var file: ExportFile? = nil

  /// About this much is gathered before one `write(2)` (a file sink only).
  private var chunk = Int.max

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// A sink that writes to `file` in chunks of about `chunk` bytes (1 MB; tests use less, so
  /// a small graph crosses many chunks).
  init(file: ExportFile, chunk: Int = 1 << 20) {
    self.file = file
    self.chunk = chunk
    bytes.reserveCapacity(min(chunk, 1 << 20) + (1 << 16))
  }

  /// Between records: hands the gathered bytes to the file once they reach a chunk.
  @inline(__always)
  mutating func flushIfFull() {
    if bytes.count >= chunk { flush() }
  }

  /// Hands every gathered byte to the file (none for a memory sink).
  mutating func flush() {
    guard let file else { return }
    bytes.withUnsafeBytes { file.write($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Drops everything written so far, in memory and in the file, to start the document again.
  mutating func restart() {
    bytes.removeAll(keepingCapacity: true)
    file?.restart()
  }

  /// Appends fixed text.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends `text` as it is.
  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends a decimal integer.
  mutating func append(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }

  /// Appends `text` as a JSON string literal (the one escaper: `JSONText.appendQuoted`).
  mutating func appendJSONQuoted(_ text: String) {
    JSONText.appendQuoted(text, to: &bytes)
  }

  /// Appends `text` as a quoted DOT escString (see `DOTWriter.quoted`): `"` and `\` escaped, LF as
  /// `\n`, CR dropped, and the characters XML 1.0 forbids dropped.
  mutating func appendDOTQuoted(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    appendDOTEscaped(text)
    bytes.append(UInt8(ascii: "\""))
  }

  /// `appendDOTQuoted` without the quotes: the escaped text alone (a quoted value written in
  /// pieces). Runs of plain bytes are copied at once.
  mutating func appendDOTEscaped(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      var i = 0
      let n = utf8.count
      var run = 0  // start of the bytes not yet copied
      while i < n {
        let b = utf8[i]
        // Copied as it is: all but control bytes, `"`, `\` and the lead byte of U+FFFE/U+FFFF.
        if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b != 0xEF {
          i += 1
          continue
        }
        if i > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
        var skip = 1
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
          bytes.append(UInt8(ascii: "\\"))
          bytes.append(b)
        case 0x0A:
          bytes.append(UInt8(ascii: "\\"))
          bytes.append(UInt8(ascii: "n"))
        case 0x09:
          bytes.append(b)
        case 0..<0x20:
          break  // CR and the control characters XML forbids
        case 0xEF where i + 2 < n && utf8[i + 1] == 0xBF && utf8[i + 2] >= 0xBE:
          skip = 3  // U+FFFE, U+FFFF
        default:
          bytes.append(b)
        }
        i += skip
        run = i
      }
      if n > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<n])) }
    }
  }

  /// How `appendEvidenceSummary` escapes the path and the text.
  enum Escape {
    case dot
    case xmlAttribute
  }

  /// Appends `ExportText.evidenceSummary` of an edge whose first evidence is `first` ("path:line:
  /// text", "path: text" without a line), path and text escaped as `escape` says: the bytes of
  /// the escaped summary, without building it.
  mutating func appendEvidenceSummary(_ first: Evidence, _ escape: Escape) {
    switch escape {
    case .dot: appendDOTEscaped(first.path)
    case .xmlAttribute: appendXMLAttribute(first.path)
    }
    if let line = first.line {
      bytes.append(UInt8(ascii: ":"))
      append(line)
    }
    append(": ")
    switch escape {
    case .dot: appendDOTEscaped(first.text)
    case .xmlAttribute: appendXMLAttribute(first.text)
    }
  }

  /// Appends `value` with exactly one decimal, the bytes of `ExportText.oneDecimal(value)`.
  mutating func appendOneDecimal(_ value: Double) {
    let tenths = Int((value * 10).rounded())
    if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
    let a = abs(tenths)
    append(a / 10)
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(ascii: "0") + UInt8(a % 10))
  }

  /// Appends `text` as an RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR
  /// or LF; NUL dropped.
  mutating func appendCSVField(_ text: String) {
    var needsQuotes = false
    for b in text.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0D || b == 0x0A {
      needsQuotes = true
      break
    }
    if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    for b in text.utf8 where b != 0 {
      if b == UInt8(ascii: "\"") { bytes.append(b) }
      bytes.append(b)
    }
    if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
  }
}

extension ExportBytes {
  /// Appends `text` as libxml2's `xmlTextWriterWriteAttribute` writes a double-quoted attribute
  /// value (`xmlBufAttrSerializeTxtContent` with a UTF-8 document): the characters XML 1.0
  /// forbids dropped (`XMLWriter.xmlSafe`), `& < > "` as entities, tab, LF and CR as `&#9;`,
  /// `&#10;`, `&#13;`, and everything else (non-ASCII included) as it is.
  mutating func appendXMLAttribute(_ text: String) {
    appendXML(text, attribute: true)
  }

  /// Appends `text` as libxml2's `xmlTextWriterWriteString` writes element content
  /// (`xmlEncodeSpecialChars`): forbidden characters dropped, `& < > "` as entities, CR as `&#13;`.
  mutating func appendXMLText(_ text: String) {
    appendXML(text, attribute: false)
  }

  private mutating func appendXML(_ text: String, attribute: Bool) {
    var text = text
    text.withUTF8 { utf8 in
      var i = 0
      let n = utf8.count
      var run = 0  // start of the bytes not yet copied
      func flush(_ end: Int) {
        if end > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<end])) }
      }
      while i < n {
        let b = utf8[i]
        if b >= 0x3F && b != 0xEF {
          i += 1
          continue
        }
        let escape: StaticString?
        var skip = 1
        switch b {
        case UInt8(ascii: "&"): escape = "&amp;"
        case UInt8(ascii: "<"): escape = "&lt;"
        case UInt8(ascii: ">"): escape = "&gt;"
        case UInt8(ascii: "\""): escape = "&quot;"
        case 0x0D: escape = "&#13;"
        case 0x0A: escape = attribute ? "&#10;" : nil
        case 0x09: escape = attribute ? "&#9;" : nil
        case 0..<0x20: escape = ""  // forbidden in XML 1.0: dropped
        case 0xEF where i + 2 < n && utf8[i + 1] == 0xBF && utf8[i + 2] >= 0xBE:
          escape = ""  // U+FFFE, U+FFFF
          skip = 3
        default: escape = nil
        }
        if let escape {
          flush(i)
          append(escape)
          i += skip
          run = i
        } else {
          i += 1
        }
      }
      flush(n)
    }
  }
}
