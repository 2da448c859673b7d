import Foundation

/// Reads Word .docx: body paragraphs joined by "\n" (`w:tab` a tab), footnotes and endnotes after
/// the body with empty marks at their references, hyperlinks, core properties.
package enum DocxReader {
  package static func read(zip: SafeZip, path: String) throws(DocumentError) -> Document {
    guard let documentBytes = try zip.bytes("word/document.xml") else {
      throw .invalidContent(path: path, reason: "is a .docx without word/document.xml")
    }
    let tree = try parsePart(documentBytes, path, "word/document.xml")
    var relationships: [String: String] = [:]
    if let rels = try zip.bytes("word/_rels/document.xml.rels"), let root = try? XMLTree.parse(rels, file: path).root {
      for r in root.elements where r.isNamed("Relationship") {
        if let id = r.attribute("Id"), let target = r.attribute("Target") { relationships[id] = target }
      }
    }
    var notesByID: [String: [String: [UInt8]]] = ["footnote": [:], "endnote": [:]]
    for (kind, part) in [("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml")] {
      guard let bytes = try zip.bytes(part) else { continue }
      let notesTree = try parsePart(bytes, path, part)
      guard let root = notesTree.root else { continue }
      for note in root.elements where note.isNamed(kind) {
        let type = note.attribute("type") ?? "normal"
        guard type == "normal", let id = note.attribute("id") else { continue }
        var b = TextBuilder()
        var ignoredNotes: [PendingNote] = []
        var ignoredLinks: [ExplicitLink] = []
        walk(note, into: &b, notes: &ignoredNotes, links: &ignoredLinks, relationships: relationships, notesByID: [:])
        notesByID[kind]![id] = Array(TextScan.trimmedBytes(b.bytes))
      }
    }
    var main = TextBuilder()
    var notes: [PendingNote] = []
    var links: [ExplicitLink] = []
    guard let root = tree.root, let body = root.firstElement(named: "body") else {
      throw .invalidContent(path: path, reason: "has a word/document.xml without a w:body")
    }
    walk(body, into: &main, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
    var doc = assemble(main: main, notes: notes, links: links, path: path, format: .docx)
    Letterhead.apply(to: &doc)
    if let core = try zip.bytes("docProps/core.xml"), let root = try? XMLTree.parse(core, file: path).root {
      for e in root.elements {
        let value = e.text.trimmingSpaces
        guard !value.isEmpty else { continue }
        switch e.name {
        case "title": if doc.metadata.title == nil { doc.metadata.title = value }
        case "created":
          doc.metadata.extra["created"] = value
          if doc.metadata.date == nil { doc.metadata.date = DutchDate.iso(value) }
        case "creator": doc.metadata.extra["creator"] = value
        case "subject": doc.metadata.extra["subject"] = value
        case "keywords": doc.metadata.extra["keywords"] = value
        default: break
        }
      }
    }
    return doc
  }

  private static func walk(
    _ element: XMLTreeElement, into b: inout TextBuilder, notes: inout [PendingNote], links: inout [ExplicitLink],
    relationships: [String: String], notesByID: [String: [String: [UInt8]]]
  ) {
    element.forEachChild { child in
      guard case .element(let e) = child else { return }
      switch e.name {
      case "p":
        b.startParagraph()
        walk(e, into: &b, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
      case "t": b.appendRaw(e.text)
      case "tab": b.appendLiteral(0x09)
      case "br", "cr": b.appendLiteral(0x0A)
      case "noBreakHyphen": b.appendRaw("-")
      case "delText", "instrText", "rPr", "pPr", "sectPr", "footnoteRef", "endnoteRef", "separator",
        "continuationSeparator", "fldData":
        break
      case "footnoteReference", "endnoteReference":
        let kind = e.name == "footnoteReference" ? "footnote" : "endnote"
        if let id = e.attribute("id"), let body = notesByID[kind]?[id] {
          notes.append(PendingNote(number: id, mark: b.count, body: body))
        }
      case "hyperlink":
        let start = b.count
        walk(e, into: &b, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
        if let rid = e.attribute("id"), let target = relationships[rid] {
          links.append(ExplicitLink(target: target, range: ByteRange(start, b.count)))
        } else if let anchor = e.attribute("anchor") {
          links.append(ExplicitLink(target: "#" + anchor, range: ByteRange(start, b.count)))
        }
      default:
        walk(e, into: &b, notes: &notes, links: &links, relationships: relationships, notesByID: notesByID)
      }
    }
  }
}
