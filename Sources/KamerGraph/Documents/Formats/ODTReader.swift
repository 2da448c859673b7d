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
    let body = root.firstElement(named: "body")?.firstElement(named: "text") ?? root
    var walk = ODTWalk()
    body.walkChildren(with: &walk)
    var doc = assemble(main: walk.text, notes: walk.notes, links: walk.links, path: path, format: .odt)
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
}

/// The walk over OpenDocument text: paragraphs and headings joined by "\n", tabs, line breaks and
/// runs of spaces, `text:note` bodies (each walked on its own) marked where the note stands,
/// `text:a` links.
private struct ODTWalk: XMLWalker {
  typealias Failure = Never
  var text = TextBuilder()
  var notes: [PendingNote] = []
  var links: [ExplicitLink] = []
  /// Where each open `text:a` starts in the text.
  var linkStarts: [Int] = []

  /// Paragraphs, headings, links and every element not named here are walked into; the elements
  /// named here are handled (or ignored) whole.
  mutating func startElement(_ e: XMLTreeElement) -> XMLDescent {
    switch e.name {
    case "p", "h":
      text.startParagraph()
      return .children
    case "a":
      linkStarts.append(text.count)
      return .children
    case "tab": text.appendLiteral(0x09)
    case "line-break": text.appendLiteral(0x0A)
    case "s": text.appendRaw(String(repeating: " ", count: max(1, Int(e.attribute("c") ?? "1") ?? 1)))
    case "note":
      let number = e.firstElement(named: "note-citation")?.text.trimmingSpaces ?? e.attribute("id") ?? ""
      // A note's own notes and links are not kept.
      var body = ODTWalk()
      e.firstElement(named: "note-body")?.walkChildren(with: &body)
      notes.append(PendingNote(number: number, mark: text.count, body: Array(TextScan.trimmedBytes(body.text.bytes))))
    case "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "soft-page-break",
      "bookmark", "bookmark-start", "bookmark-end", "annotation":
      break
    default:
      return .children
    }
    return .skipChildren
  }

  mutating func endElement(_ e: XMLTreeElement) {
    guard e.isNamed("a"), let start = linkStarts.popLast() else { return }
    if let href = e.attribute("href") { links.append(ExplicitLink(target: href, range: ByteRange(start, text.count))) }
  }

  mutating func text(_ text: String) { self.text.appendRaw(text) }
}
