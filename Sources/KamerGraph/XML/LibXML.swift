import CLibXML2

/// Options for parsing XML and HTML with libxml2. Only safe options can be expressed: there is no
/// way to ask for entity substitution, DTD loading or validation, XInclude or lifted size limits,
/// and network access is always off. Parse errors never go to stderr; they come back as `XMLError`.
package struct ParseOptions: OptionSet, Sendable, Hashable {
  package let rawValue: UInt8
  package init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Keep going after recoverable errors (libxml2's RECOVER). Off by default: malformed XML fails.
  package static let recover = ParseOptions(rawValue: 1 << 0)
  /// Drop whitespace-only text nodes (libxml2's NOBLANKS).
  package static let dropBlankText = ParseOptions(rawValue: 1 << 1)
  /// Merge CDATA sections into text nodes (libxml2's NOCDATA).
  package static let mergeCDATA = ParseOptions(rawValue: 1 << 2)

  /// The libxml2 XML parser flags: the chosen options plus NONET, NOERROR and NOWARNING. Unknown
  /// bits of `rawValue` are ignored, so no caller can smuggle in NOENT, DTDLOAD or HUGE.
  var xmlFlags: Int32 {
    var flags = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
    if contains(.recover) { flags |= XML_PARSE_RECOVER.rawValue }
    if contains(.dropBlankText) { flags |= XML_PARSE_NOBLANKS.rawValue }
    if contains(.mergeCDATA) { flags |= XML_PARSE_NOCDATA.rawValue }
    return Int32(bitPattern: flags)
  }

  /// The libxml2 HTML parser flags: always NONET, NOERROR, NOWARNING and RECOVER.
  var htmlFlags: Int32 {
    var flags = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
      | HTML_PARSE_RECOVER.rawValue
    if contains(.dropBlankText) { flags |= HTML_PARSE_NOBLANKS.rawValue }
    return Int32(bitPattern: flags)
  }
}

/// A parse error reported by libxml2 (or by our safety checks), with its position.
package struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file (or name) the input came from.
  package var file: String
  /// 1-based line, 0 when unknown.
  package var line: Int
  /// 1-based column, 0 when unknown.
  package var column: Int
  /// libxml2's message, one line.
  package var message: String

  package init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`.
  package var description: String {
    line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
  }
}

/// One-time, thread-safe libxml2 set-up (`xmlInitParser` must run before parsing on threads).
enum LibXML {
  /// Evaluated once, lazily and thread-safely, by the Swift runtime.
  private static let initialised: Bool = {
    xmlInitParser()
    return true
  }()

  static func ensureInitialised() { _ = initialised }

  /// Converts a libxml2 error to an `XMLError`.
  static func error(from pointer: UnsafePointer<xmlError>?, file: String, fallback: String) -> XMLError {
    guard let err = pointer?.pointee else { return XMLError(file: file, line: 0, column: 0, message: fallback) }
    var message = err.message.map { String(cString: $0) } ?? fallback
    message = oneLine(message)
    return XMLError(file: file, line: Int(err.line), column: Int(err.int2), message: message)
  }

  static func oneLine(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      if c == "\n" || c == "\r" { out += " " } else { out.unicodeScalars.append(c) }
    }
    while out.hasSuffix(" ") { out.removeLast() }
    return out
  }

  /// The message for inputs that declare entities.
  static let entityMessage =
    "the document declares entities in a DOCTYPE; KamerGraph never loads or expands entities "
    + "(protection against external entities and entity-expansion bombs)"

  /// True when the prolog (before the root element) holds an `<!ENTITY` declaration. A cheap byte
  /// scan that refuses XXE and entity bombs before libxml2 sees them; libxml2 never substitutes
  /// entities either (no NOENT), and the parsed DTD is checked again after parsing.
  static func prologDeclaresEntities(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    var i = 0
    while i < n {
      guard bytes[i] == UInt8(ascii: "<"), i + 1 < n else {
        i += 1
        continue
      }
      let next = bytes[i + 1]
      if next == UInt8(ascii: "!") {
        if i + 8 < n, matches(bytes, at: i + 2, "ENTITY") { return true }
        i += 2
        continue
      }
      if next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
        i += 2
        continue
      }
      return false  // the root element starts
    }
    return false
  }

  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ word: StaticString) -> Bool {
    let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard start + w.count <= bytes.count else { return false }
    for k in 0..<w.count where bytes[start + k] != w[k] { return false }
    return true
  }

  /// True when a parsed document's internal or external subset declares entities.
  static func declaresEntities(_ doc: xmlDocPtr) -> Bool {
    for dtd in [doc.pointee.intSubset, doc.pointee.extSubset] {
      guard let dtd else { continue }
      if let table = dtd.pointee.entities, xmlHashSize(OpaquePointer(table)) > 0 { return true }
      if let table = dtd.pointee.pentities, xmlHashSize(OpaquePointer(table)) > 0 { return true }
    }
    return false
  }
}

/// A parsed XML or HTML document (libxml2 DOM). It frees the libxml2 tree when released; the
/// elements handed out keep it alive.
package final class XMLTree {
  let doc: xmlDocPtr
  /// The file name used in errors.
  package let file: String

  private init(doc: xmlDocPtr, file: String) {
    self.doc = doc
    self.file = file
  }

  deinit { xmlFreeDoc(doc) }

  /// Parses XML bytes (any encoding libxml2 detects from a BOM or the declaration).
  package static func parse(_ bytes: [UInt8], file: String, options: ParseOptions = []) throws(XMLError) -> XMLTree {
    LibXML.ensureInitialised()
    guard bytes.count < Int(Int32.max) else {
      throw XMLError(file: file, line: 0, column: 0, message: "the document is larger than 2 GB")
    }
    let result: Result<xmlDocPtr, XMLError> = bytes.withUnsafeBufferPointer { buffer in
      if LibXML.prologDeclaresEntities(buffer) {
        return .failure(XMLError(file: file, line: 0, column: 0, message: LibXML.entityMessage))
      }
      guard let ctxt = xmlNewParserCtxt() else {
        return .failure(XMLError(file: file, line: 0, column: 0, message: "libxml2 could not allocate a parser"))
      }
      defer { xmlFreeParserCtxt(ctxt) }
      let doc = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
        xmlCtxtReadMemory(ctxt, chars, Int32(buffer.count), file, nil, options.xmlFlags)
      }
      guard let doc else {
        return .failure(LibXML.error(from: xmlCtxtGetLastError(ctxt), file: file, fallback: "not well-formed XML"))
      }
      if ctxt.pointee.wellFormed == 0 && !options.contains(.recover) {
        let err = LibXML.error(from: xmlCtxtGetLastError(ctxt), file: file, fallback: "not well-formed XML")
        xmlFreeDoc(doc)
        return .failure(err)
      }
      return .success(doc)
    }
    let doc = try result.get()
    if LibXML.declaresEntities(doc) {
      xmlFreeDoc(doc)
      throw XMLError(file: file, line: 0, column: 0, message: LibXML.entityMessage)
    }
    return XMLTree(doc: doc, file: file)
  }

  /// Parses HTML bytes with libxml2's forgiving HTML parser (NONET, RECOVER, no error output).
  package static func parseHTML(_ bytes: [UInt8], file: String, encoding: String? = nil) throws(XMLError) -> XMLTree {
    LibXML.ensureInitialised()
    guard bytes.count < Int(Int32.max) else {
      throw XMLError(file: file, line: 0, column: 0, message: "the document is larger than 2 GB")
    }
    let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
        htmlReadMemory(chars, Int32(buffer.count), file, encoding, ParseOptions().htmlFlags)
      }
    }
    guard let doc else {
      throw XMLError(file: file, line: 0, column: 0, message: "libxml2 could not parse the HTML")
    }
    return XMLTree(doc: doc, file: file)
  }

  /// The root element, if any.
  package var root: XMLTreeElement? {
    guard let node = xmlDocGetRootElement(doc) else { return nil }
    return XMLTreeElement(tree: self, node: node)
  }
}

/// A child of an element: an element or a piece of text (text and CDATA).
package enum XMLTreeNode {
  case element(XMLTreeElement)
  case text(String)
}

/// An element of an `XMLTree`. Holds its tree alive; exposes no libxml2 types.
package struct XMLTreeElement {
  let tree: XMLTree
  let node: xmlNodePtr

  /// The local name (without prefix).
  package var name: String { String(cString: node.pointee.name) }

  /// True when the local name equals `other` (compares bytes, no String allocation).
  package func isNamed(_ other: String) -> Bool {
    var other = other
    return other.withUTF8 { buf in
      let p = node.pointee.name!
      for i in 0..<buf.count where p[i] != buf[i] { return false }
      return p[buf.count] == 0
    }
  }

  /// The namespace URI, or nil.
  package var namespace: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

  /// The namespace prefix, or nil.
  package var prefix: String? { node.pointee.ns?.pointee.prefix.map { String(cString: $0) } }

  /// The line of the start tag (1-based).
  package var line: Int { Int(xmlGetLineNo(node)) }

  /// The attributes as (local name, namespace URI, value), in document order.
  package var attributes: [(name: String, namespace: String?, value: String)] {
    var out: [(String, String?, String)] = []
    var attr = node.pointee.properties
    while let a = attr {
      let name = String(cString: a.pointee.name)
      let ns = a.pointee.ns?.pointee.href.map { String(cString: $0) }
      out.append((name, ns, Self.attributeValue(a)))
      attr = a.pointee.next
    }
    return out
  }

  /// The value of the first attribute with this local name (any namespace), or nil.
  package func attribute(_ name: String) -> String? {
    var attr = node.pointee.properties
    while let a = attr {
      if String(cString: a.pointee.name) == name { return Self.attributeValue(a) }
      attr = a.pointee.next
    }
    return nil
  }

  private static func attributeValue(_ a: UnsafeMutablePointer<xmlAttr>) -> String {
    var out = ""
    var child = a.pointee.children
    while let c = child {
      if let content = c.pointee.content { out += String(cString: content) }
      child = c.pointee.next
    }
    return out
  }

  /// What a child node is to a walk: an element, character data (text and CDATA), or something
  /// a walk skips (comments, processing instructions, entity references: entities are never loaded).
  enum ChildKind {
    case element
    case text(String)
    case other
  }

  /// The first child node, of any type.
  var firstChildNode: xmlNodePtr? { node.pointee.children }

  /// The node after `node` among its siblings.
  static func nextSibling(of node: xmlNodePtr) -> xmlNodePtr? { node.pointee.next }

  static func kind(of node: xmlNodePtr) -> ChildKind {
    switch node.pointee.type {
    case XML_ELEMENT_NODE: return .element
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      if let content = node.pointee.content { return .text(String(cString: content)) }
      return .other
    default: return .other
    }
  }

  /// Calls `body` for every child element and text node, in document order. Entity references,
  /// comments and processing instructions are skipped (entities are never loaded).
  package func forEachChild(_ body: (XMLTreeNode) throws -> Void) rethrows {
    var child = firstChildNode
    while let c = child {
      switch Self.kind(of: c) {
      case .element: try body(.element(XMLTreeElement(tree: tree, node: c)))
      case .text(let text): try body(.text(text))
      case .other: break
      }
      child = Self.nextSibling(of: c)
    }
  }

  /// The children (elements and text), in document order.
  package var children: [XMLTreeNode] {
    var out: [XMLTreeNode] = []
    forEachChild { out.append($0) }
    return out
  }

  /// The child elements, in document order. With `firstElement(named:)`, the one-level lookups of
  /// the readers (docx relationships and core properties, odt meta, the fields of a Rechtspraak
  /// description or a Tweede Kamer entity, the items of a `<dl>`): a list read in one loop needs no
  /// state across levels, so a walker would only add a type around the same loop. Whatever goes
  /// deeper than one level, or keeps state while it goes, is an `XMLWalker`.
  package var elements: [XMLTreeElement] {
    var out: [XMLTreeElement] = []
    forEachChild { if case .element(let e) = $0 { out.append(e) } }
    return out
  }

  /// The first child element with this local name.
  package func firstElement(named name: String) -> XMLTreeElement? {
    var child = node.pointee.children
    while let c = child {
      if c.pointee.type == XML_ELEMENT_NODE {
        let e = XMLTreeElement(tree: tree, node: c)
        if e.isNamed(name) { return e }
      }
      child = c.pointee.next
    }
    return nil
  }

  /// All descendant elements (depth first, document order) with this local name.
  package func descendants(named name: String) -> [XMLTreeElement] {
    var collector = DescendantCollector(name: name)
    walkChildren(with: &collector)
    return collector.found
  }

  /// The concatenated text of all descendant text nodes.
  package var text: String {
    var collector = TextCollector()
    walkChildren(with: &collector)
    return collector.text
  }
}

/// Collects the descendant elements with one local name.
private struct DescendantCollector: XMLWalker {
  typealias Failure = Never
  let name: String
  var found: [XMLTreeElement] = []
  mutating func startElement(_ node: XMLTreeElement) -> XMLDescent {
    if node.isNamed(name) { found.append(node) }
    return .children
  }
  mutating func text(_ text: String) {}
}

/// Concatenates the character data under an element.
private struct TextCollector: XMLWalker {
  typealias Failure = Never
  var text = ""
  mutating func startElement(_ node: XMLTreeElement) -> XMLDescent { .children }
  mutating func text(_ text: String) { self.text += text }
}
