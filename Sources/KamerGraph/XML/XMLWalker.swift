/// One way for every streaming reader to walk XML (as swift-markdown's `MarkupWalker`): a walker
/// gets one call per kind of node and keeps its own state; `XMLStreamReader.walk` drives it.
/// An empty element (`<a/>`) is a start followed by an end.
protocol XMLWalker {
  /// An element opens; `reader` stands on it (name, attributes).
  mutating func startElement(_ reader: XMLStreamReader) throws
  /// The element opened last closes (also right after the start of an empty element).
  mutating func endElement(_ reader: XMLStreamReader) throws
  /// Character data.
  mutating func text(_ reader: XMLStreamReader) throws
  /// Whitespace between elements.
  mutating func whitespace(_ reader: XMLStreamReader) throws
}

extension XMLStreamReader {
  /// Walks every node of `bytes` with `walker`. Errors of the XML and of the walker are rethrown.
  static func walk<W: XMLWalker>(_ bytes: [UInt8], file: String, with walker: inout W) throws {
    try read(bytes, file: file) { reader in
      while try reader.next() {
        switch reader.kind {
        case .element:
          try walker.startElement(reader)
          if reader.isEmptyElement { try walker.endElement(reader) }
        case .endElement:
          try walker.endElement(reader)
        case .text:
          try walker.text(reader)
        case .whitespace:
          try walker.whitespace(reader)
        case .other:
          break
        }
      }
    }
  }
}
