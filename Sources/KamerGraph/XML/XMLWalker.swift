/// Whether a walk goes into the children of the element that just started.
package enum XMLDescent: Equatable {
  /// Walk the children (the usual answer).
  case children
  /// Skip the children; the element's `endElement` still comes. A walker answers this for an
  /// element it ignores or has handled whole (for instance by walking part of it with another walker).
  case skipChildren
}

/// One way for every reader to walk XML (as swift-markdown's `MarkupWalker`): a walker gets one
/// call per kind of node, keeps its own state and says per element whether to go into its
/// children. Two drivers run the same walkers: `XMLStreamReader.walk` over bytes as they are
/// parsed (`Node` and `Text` are the reader itself, standing on the node), and
/// `XMLTreeElement.walkChildren(with:)` over a parsed tree, for HTML, which only libxml2's tree
/// parser reads, and for the small parts of zipped documents (`Node` is the element, `Text` its
/// character data). An empty element (`<a/>`) is a start followed by an end. Package-wide, so that
/// kamergraph-fetch reads its answers (SRU records, SyncFeed pages) the same way.
package protocol XMLWalker {
  /// What the walker is given at an element: `XMLStreamReader` or `XMLTreeElement`.
  associatedtype Node = XMLStreamReader
  /// What the walker is given at character data: `XMLStreamReader` or `String`.
  associatedtype Text = XMLStreamReader
  /// What the walker throws (`Never` for walkers that cannot fail).
  associatedtype Failure: Error = any Error
  /// An element opens; `node` is that element (name, attributes).
  mutating func startElement(_ node: Node) throws(Failure) -> XMLDescent
  /// The element opened last closes (also right after the start of an empty element).
  mutating func endElement(_ node: Node) throws(Failure)
  /// Character data (text and CDATA; in a tree, whitespace between elements too).
  mutating func text(_ text: Text) throws(Failure)
  /// Whitespace between elements, as the streaming reader tells it apart (a tree does not).
  mutating func whitespace(_ text: Text) throws(Failure)
}

extension XMLWalker {
  /// Most walkers do nothing when an element closes.
  package mutating func endElement(_ node: Node) throws(Failure) {}
  /// Whitespace between elements is ignored unless a walker says otherwise.
  package mutating func whitespace(_ text: Text) throws(Failure) {}
}

extension XMLStreamReader {
  /// Walks every node of `bytes` with `walker`. Errors of the XML and of the walker are rethrown.
  package static func walk<W: XMLWalker>(_ bytes: [UInt8], file: String, with walker: inout W) throws
  where W.Node == XMLStreamReader, W.Text == XMLStreamReader {
    try read(bytes, file: file) { reader in
      // Depth inside an element whose children the walker skips (0: not skipping).
      var skipped = 0
      while try reader.next() {
        switch reader.kind {
        case .element:
          if skipped > 0 {
            if !reader.isEmptyElement { skipped += 1 }
            continue
          }
          let descent = try walker.startElement(reader)
          if reader.isEmptyElement {
            try walker.endElement(reader)
          } else if descent == .skipChildren {
            skipped = 1
          }
        case .endElement:
          if skipped > 0 {
            skipped -= 1
            if skipped > 0 { continue }
          }
          try walker.endElement(reader)
        case .text:
          if skipped == 0 { try walker.text(reader) }
        case .whitespace:
          if skipped == 0 { try walker.whitespace(reader) }
        case .other:
          break
        }
      }
    }
  }
}

extension XMLTreeElement {
  /// Walks this element and everything under it with `walker`.
  package func walk<W: XMLWalker>(with walker: inout W) throws(W.Failure)
  where W.Node == XMLTreeElement, W.Text == String {
    if try walker.startElement(self) == .children { try walkChildren(with: &walker) }
    try walker.endElement(self)
  }

  /// Walks the children of this element (not the element itself), depth first in document order,
  /// with `walker`. Text and CDATA are `text`; comments, processing instructions and entity
  /// references are skipped (entities are never loaded).
  package func walkChildren<W: XMLWalker>(with walker: inout W) throws(W.Failure)
  where W.Node == XMLTreeElement, W.Text == String {
    var child = firstChildNode
    while let c = child {
      switch XMLTreeElement.kind(of: c) {
      case .element:
        let element = XMLTreeElement(tree: tree, node: c)
        if try walker.startElement(element) == .children { try element.walkChildren(with: &walker) }
        try walker.endElement(element)
      case .text(let text):
        try walker.text(text)
      case .other:
        break
      }
      child = XMLTreeElement.nextSibling(of: c)
    }
  }
}
