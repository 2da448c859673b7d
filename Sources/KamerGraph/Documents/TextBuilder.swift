#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Building a document's text as UTF-8 bytes while recording offsets, for the structured readers
/// (KOOP XML, .docx, .odt, HTML).
struct TextBuilder {
  private(set) var bytes: [UInt8] = []
  /// A whitespace run was seen that becomes one space before the next visible character.
  private var pendingSpace = false
  /// True once a paragraph was started (word processors join paragraphs with "\n", empty ones too).
  var paragraphStarted = false

  init() {}

  /// A builder whose buffer is reserved up front (the input size is a good guess for the text).
  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// Hands over the bytes and leaves the builder empty (no copy of the buffer).
  mutating func takeBytes() -> [UInt8] {
    let out = bytes
    bytes = []
    return out
  }

  var count: Int { bytes.count }
  var isEmpty: Bool { bytes.isEmpty }
  private var atLineStart: Bool { bytes.isEmpty || bytes.last == 0x0A }

  /// Ends the current line (if any text is on it): block elements are separated by "\n".
  mutating func blockBreak() {
    pendingSpace = false
    if !atLineStart { bytes.append(0x0A) }
  }

  /// Starts a word-processor paragraph: "\n" before every paragraph but the first.
  mutating func startParagraph() {
    if paragraphStarted { appendLiteral(0x0A) }
    paragraphStarted = true
  }

  /// Appends a literal (a tab, a line break), cancelling a pending space.
  mutating func appendLiteral(_ byte: UInt8) {
    pendingSpace = false
    bytes.append(byte)
  }

  /// Appends raw text exactly as given (Word `w:t`, already meaningful whitespace).
  mutating func appendRaw(_ text: String) {
    flushPendingSpace()
    bytes.append(contentsOf: text.utf8)
  }

  /// Notes whitespace between elements: it becomes one space if visible text follows on this line.
  mutating func noteSpace() {
    if !atLineStart { pendingSpace = true }
  }

  /// Emits a pending space now (before recording the start of a link).
  mutating func flushPendingSpace() {
    if pendingSpace {
      pendingSpace = false
      if !atLineStart, bytes.last != 0x20, bytes.last != 0x09 { bytes.append(0x20) }
    }
  }

  /// Appends XML text: whitespace runs that contain a line break become one space; whitespace at
  /// the start of a line is dropped. With `collapseAll` (HTML), every whitespace run becomes one
  /// space.
  mutating func appendMarkupText(_ text: String, collapseAll: Bool = false) {
    var text = text
    text.withUTF8 { appendMarkupText(bytes: $0, collapseAll: collapseAll) }
  }

  mutating func appendMarkupText(bytes input: UnsafeBufferPointer<UInt8>, collapseAll: Bool = false) {
    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    var i = 0
    let n = input.count
    while i < n {
      if isSpace(input[i]) {
        // A whitespace run that is not inside a line of visible text.
        var j = i
        var hasBreak = false
        while j < n, isSpace(input[j]) {
          if input[j] == 0x0A || input[j] == 0x0D { hasBreak = true }
          j += 1
        }
        if hasBreak || collapseAll || j == n {
          noteSpace()
        } else if !atLineStart {
          flushPendingSpace()
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<j]))
        }
        i = j
        continue
      }
      // Visible text with the plain spaces inside it is copied in one go; the run stops before
      // whitespace that holds a line break (or any whitespace when collapsing) and at the end.
      var j = i
      var end = i
      while j < n {
        if !isSpace(input[j]) {
          j += 1
          end = j
          continue
        }
        if collapseAll { break }
        var k = j
        var hasBreak = false
        while k < n, isSpace(input[k]) {
          if input[k] == 0x0A || input[k] == 0x0D { hasBreak = true }
          k += 1
        }
        if hasBreak || k == n { break }
        j = k
      }
      flushPendingSpace()
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<end]))
      i = end
    }
  }

  /// The text as a String (the bytes are valid UTF-8: they come from libxml2 or from Strings).
  var string: String { String(decoding: bytes, as: UTF8.self) }
}
