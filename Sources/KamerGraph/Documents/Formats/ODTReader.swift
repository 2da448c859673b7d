import Foundation

/// Reads OpenDocument text (.odt): content.xml paragraphs and headings joined by "\n", `text:note`
/// bodies after the text with empty marks at the notes, `text:a` links, meta.xml properties.
package enum ODTReader {
  package static func read(zip: SafeZip, path: String) throws(DocumentError) -> Document {
    guard let content = try zip.bytes("content.xml") else {
      throw .invalidContent(path: path, reason: "is an OpenDocument file without content.xml")
    }
    let tree = try parsePart(content, path, "content.xml")
    guard let root = tree.root else { throw .invalidContent(path: path, reason: "has an empty content.xml") }
    var main = TextBuilder()
    var notes: [PendingNote] = []
    var links: [ExplicitLink] = []
    let body = root.firstElement(named: "body")?.firstElement(named: "text") ?? root
    walk(body, into: &main, notes: &notes, links: &links)
    var doc = assemble(main: main, notes: notes, links: links, path: path, format: .odt)
    Letterhead.apply(to: &doc)
    if let meta = try zip.bytes("meta.xml"), let root = try? XMLTree.parse(meta, file: path).root,
      let office = root.firstElement(named: "meta")
    {
      for e in office.elements {
        let value = e.text.trimmingSpaces
        guard !value.isEmpty else { continue }
        switch e.name {
        case "title": if doc.metadata.title == nil { doc.metadata.title = value }
        case "date", "creation-date":
          doc.metadata.extra[e.name] = value
          if doc.metadata.date == nil { doc.metadata.date = DutchDate.iso(value) }
        case "creator", "initial-creator", "subject", "description": doc.metadata.extra[e.name] = value
        default: break
        }
      }
    }
    return doc
  }

  private static func walk(
    _ element: XMLTreeElement, into b: inout TextBuilder, notes: inout [PendingNote], links: inout [ExplicitLink]
  ) {
    element.forEachChild { child in
      switch child {
      case .text(let t):
        b.appendRaw(t)
      case .element(let e):
        switch e.name {
        case "p", "h":
          b.startParagraph()
          walk(e, into: &b, notes: &notes, links: &links)
        case "tab": b.appendLiteral(0x09)
        case "line-break": b.appendLiteral(0x0A)
        case "s": b.appendRaw(String(repeating: " ", count: max(1, Int(e.attribute("c") ?? "1") ?? 1)))
        case "note":
          let number = e.firstElement(named: "note-citation")?.text.trimmingSpaces ?? e.attribute("id") ?? ""
          var nb = TextBuilder()
          var inner: [PendingNote] = []
          var innerLinks: [ExplicitLink] = []
          if let body = e.firstElement(named: "note-body") { walk(body, into: &nb, notes: &inner, links: &innerLinks) }
          notes.append(PendingNote(number: number, mark: b.count, body: Array(TextScan.trimmedBytes(nb.bytes))))
        case "a":
          let start = b.count
          walk(e, into: &b, notes: &notes, links: &links)
          if let href = e.attribute("href") { links.append(ExplicitLink(target: href, range: ByteRange(start, b.count))) }
        case "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "soft-page-break",
          "bookmark", "bookmark-start", "bookmark-end", "annotation":
          break
        default:
          walk(e, into: &b, notes: &notes, links: &links)
        }
      }
    }
  }
}
