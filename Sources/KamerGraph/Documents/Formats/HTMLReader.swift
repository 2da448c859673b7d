/// Reads HTML pages (officielebekendmakingen.nl and others) with libxml2's HTML parser: the text
/// of the body without script and style, `<a href>` links, the title and DC metadata.
package enum HTMLReader {
  static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "iframe", "object", "svg"]
  static let blocks: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "section", "article", "header",
    "footer", "nav", "blockquote", "pre", "dd", "dt", "dl", "hr", "form", "main", "aside", "figure", "figcaption",
    "caption", "address", "body", "thead", "tbody", "tfoot", "fieldset", "legend", "details", "summary",
  ]

  package static func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    let tree: XMLTree
    do { tree = try XMLTree.parseHTML(bytes, file: path) } catch { throw .xml(error) }
    guard let root = tree.root else { throw .invalidContent(path: path, reason: "is HTML without any element") }
    var b = TextBuilder()
    var links: [ExplicitLink] = []
    var metas: [(String, String)] = []
    var title: String?
    if let head = root.firstElement(named: "head") {
      for e in head.descendants(named: "meta") {
        if let name = e.attribute("name") ?? e.attribute("property"), let content = e.attribute("content") {
          metas.append((name, content.trimmingSpaces))
        }
      }
      title = head.firstElement(named: "title")?.text.collapsingSpaces
    }
    walk(root.firstElement(named: "body") ?? root, into: &b, links: &links, pre: false)
    var bytesOut = b.bytes
    while let last = bytesOut.last, TextScan.isSpace(last) { bytesOut.removeLast() }
    let clamped = links.map {
      ExplicitLink(target: $0.target, range: ByteRange(min($0.range.start, bytesOut.count), min($0.range.end, bytesOut.count)))
    }
    var doc = Document(path: path, format: .html, text: String(decoding: bytesOut, as: UTF8.self), links: clamped)
    func meta(_ name: String) -> String? { metas.first { $0.0.lowercased() == name.lowercased() }?.1 }
    if let id = meta("DC.identifier") ?? meta("dcterms.identifier"), !id.isEmpty { doc.ownIds.append(id) }
    doc.metadata.title = meta("DC.title") ?? meta("dcterms.title") ?? ((title?.isEmpty ?? true) ? nil : title)
    doc.metadata.date = (meta("DCTERMS.issued") ?? meta("DCTERMS.available") ?? meta("OVERHEIDop.datumOntvangst"))
      .flatMap { DutchDate.iso($0) }
    doc.metadata.type = meta("DC.type")
    for (name, value) in metas where name.hasPrefix("OVERHEID") || name.hasPrefix("DC") {
      if doc.metadata.extra[name] == nil { doc.metadata.extra[name] = value }
    }
    return doc
  }

  private static func walk(_ element: XMLTreeElement, into b: inout TextBuilder, links: inout [ExplicitLink], pre: Bool) {
    element.forEachChild { child in
      switch child {
      case .text(let t):
        if pre { b.appendRaw(t) } else { b.appendMarkupText(t, collapseAll: true) }
      case .element(let e):
        let name = e.name.lowercased()
        if skipped.contains(name) { return }
        if name == "br" {
          b.appendLiteral(0x0A)
          return
        }
        if name == "td" || name == "th" { b.noteSpace() }
        let block = blocks.contains(name)
        if block { b.blockBreak() }
        if name == "a", let href = e.attribute("href") {
          b.flushPendingSpace()
          let start = b.count
          walk(e, into: &b, links: &links, pre: pre)
          links.append(ExplicitLink(target: href, range: ByteRange(start, b.count)))
        } else {
          walk(e, into: &b, links: &links, pre: pre || name == "pre")
        }
        if block { b.blockBreak() }
        if name == "td" || name == "th" { b.noteSpace() }
      }
    }
  }
}
