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
        // A note's own note references and links are not kept.
        var walk = DocxWalk(relationships: relationships, notesByID: [:])
        note.walkChildren(with: &walk)
        notesByID[kind]![id] = Array(TextScan.trimmedBytes(walk.text.bytes))
      }
    }
    guard let root = tree.root, let body = root.firstElement(named: "body") else {
      throw .invalidContent(path: path, reason: "has a word/document.xml without a w:body")
    }
    var walk = DocxWalk(relationships: relationships, notesByID: notesByID)
    body.walkChildren(with: &walk)
    var doc = assemble(main: walk.text, notes: walk.notes, links: walk.links, path: path, format: .docx)
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
}

/// The walk over a docx body or note: paragraphs joined by "\n", footnote and endnote marks
/// (bodies read beforehand, by id), hyperlinks by relationship id or anchor.
private struct DocxWalk: XMLWalker {
  typealias Failure = Never
  let relationships: [String: String]
  let notesByID: [String: [String: [UInt8]]]
  var text = TextBuilder()
  var notes: [PendingNote] = []
  var links: [ExplicitLink] = []
  /// Where each open `w:hyperlink` starts in the text.
  var linkStarts: [Int] = []

  init(relationships: [String: String], notesByID: [String: [String: [UInt8]]]) {
    self.relationships = relationships
    self.notesByID = notesByID
  }

  /// Paragraphs, hyperlinks and every element not named here are walked into; the elements named
  /// here are handled (or ignored) whole.
  mutating func startElement(_ e: XMLTreeElement) -> XMLDescent {
    switch e.name {
    case "p":
      text.startParagraph()
      return .children
    case "hyperlink":
      linkStarts.append(text.count)
      return .children
    case "t": text.appendRaw(e.text)
    case "tab": text.appendLiteral(0x09)
    case "br", "cr": text.appendLiteral(0x0A)
    case "noBreakHyphen": text.appendRaw("-")
    case "delText", "instrText", "rPr", "pPr", "sectPr", "footnoteRef", "endnoteRef", "separator",
      "continuationSeparator", "fldData":
      break
    case "footnoteReference", "endnoteReference":
      let kind = e.name == "footnoteReference" ? "footnote" : "endnote"
      if let id = e.attribute("id"), let body = notesByID[kind]?[id] {
        notes.append(PendingNote(number: id, mark: text.count, body: body))
      }
    default:
      return .children
    }
    return .skipChildren
  }

  mutating func endElement(_ e: XMLTreeElement) {
    guard e.isNamed("hyperlink"), let start = linkStarts.popLast() else { return }
    if let rid = e.attribute("id"), let target = relationships[rid] {
      links.append(ExplicitLink(target: target, range: ByteRange(start, text.count)))
    } else if let anchor = e.attribute("anchor") {
      links.append(ExplicitLink(target: "#" + anchor, range: ByteRange(start, text.count)))
    }
  }

  /// Text outside `w:t` (whitespace between elements) is not document text.
  mutating func text(_ text: String) {}
}
