/// Reads Rechtspraak open data (`<open-rechtspraak>`: RDF metadata, an `inhoudsindicatie`, and an
/// `uitspraak` or `conclusie`), as data.rechtspraak.nl serves a ruling by its ECLI.
///
/// The document's own id is the ECLI of the first `rdf:Description`. The text starts with the
/// metadata a reader sees at the top of a ruling on rechtspraak.nl (ECLI, court, date, case number,
/// formal relations, law references, where it was published), one line each, so that every
/// reference in it, such as the ECLI of the conclusie, is a mention with exact offsets like any
/// other; then the summary and the ruling's text, a line per paragraph. The formal relations and
/// law references are also facts (`cites` and `mentions` edges), since they are the court's own
/// structured statement.
package enum RechtspraakReader {
  /// The RDF elements shown in the metadata head, in this order, with their Dutch labels (the labels
  /// rechtspraak.nl uses, so that a label such as "Wetsverwijzing" reads naturally).
  static let headFields: [(local: String, label: String)] = [
    ("creator", "Instantie"), ("date", "Datum uitspraak"), ("issued", "Datum publicatie"),
    ("zaaknummer", "Zaaknummer"), ("type", "Soort"), ("procedure", "Procedure"), ("subject", "Rechtsgebieden"),
    ("relation", "Formele relatie"), ("references", "Wetsverwijzing"),
  ]

  package static func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    let tree: XMLTree
    do { tree = try XMLTree.parse(bytes, file: path) } catch { throw .xml(error) }
    guard let root = tree.root, root.isNamed("open-rechtspraak") else {
      throw .invalidContent(path: path, reason: "is XML but not Rechtspraak open data (no <open-rechtspraak> root)")
    }
    let descriptions = root.firstElement(named: "RDF")?.descendants(named: "Description") ?? []
    // The first description is the ruling; later ones describe its renderings (HTML, PDF).
    guard let main = descriptions.first else {
      throw .invalidContent(path: path, reason: "is Rechtspraak open data without an rdf:Description")
    }
    let fields = main.elements
    func values(_ local: String) -> [XMLTreeElement] { fields.filter { $0.name == local } }
    func value(_ local: String) -> String? {
      values(local).lazy.map { $0.text.collapsingSpaces }.first { !$0.isEmpty }
    }
    guard let ecli = value("identifier").flatMap(canonicalECLI) else {
      throw .invalidContent(path: path, reason: "is Rechtspraak open data without an ECLI in dcterms:identifier")
    }

    var b = TextBuilder(capacity: bytes.count / 2)
    var facts: [Fact] = []
    b.appendRaw(ecli)
    b.blockBreak()
    if let title = descriptions.lazy.compactMap({ d in d.firstElement(named: "title")?.text.collapsingSpaces }).first,
      !title.isEmpty, title != ecli
    {
      b.appendRaw(title)
      b.blockBreak()
    }
    for (local, label) in headFields {
      for element in values(local) {
        var shown = element.text.collapsingSpaces
        if local == "relation", let target = element.attribute("resourceIdentifier").flatMap(canonicalECLI) {
          if !shown.contains(target) { shown += (shown.isEmpty ? "" : ": ") + target }
          facts.append(Fact(.edge(source: ecli, relation: .cites, target: target), evidence: "dcterms:relation " + shown))
        }
        if local == "references", let law = element.attribute("resourceIdentifier").flatMap(bwbID) {
          facts.append(Fact(.edge(source: ecli, relation: .mentions, target: law), evidence: "dcterms:references " + shown))
        }
        guard !shown.isEmpty else { continue }
        b.appendRaw(label + ": " + shown)
        b.blockBreak()
      }
    }
    for list in values("hasVersion") {
      let places = list.descendants(named: "li").map { $0.text.collapsingSpaces }.filter { !$0.isEmpty }
      if !places.isEmpty {
        b.appendRaw("Vindplaatsen: " + places.joined(separator: "; "))
        b.blockBreak()
      }
    }
    var hasBody = false
    for part in root.elements where part.name == "inhoudsindicatie" || part.name == "uitspraak" || part.name == "conclusie" {
      b.blockBreak()
      b.appendLiteral(0x0A)
      if part.name == "inhoudsindicatie" {
        b.appendRaw("Inhoudsindicatie")
        b.blockBreak()
      } else {
        hasBody = true
      }
      // The walk writes on the same builder (moved in and out, not copied).
      var walk = RechtspraakWalk()
      swap(&b, &walk.text)
      part.walkChildren(with: &walk)
      swap(&b, &walk.text)
      b.blockBreak()
    }
    var text = b.takeBytes()
    while let last = text.last, TextScan.isSpace(last) { text.removeLast() }

    var doc = Document(path: path, format: .rechtspraak, text: String(decoding: text, as: UTF8.self), ownIds: [ecli])
    doc.metadata.title = descriptions.lazy.compactMap { $0.firstElement(named: "title")?.text.collapsingSpaces }.first
      ?? [ecli, value("creator"), value("date")].compactMap { $0 }.joined(separator: ", ")
    doc.metadata.date = value("date").flatMap { DutchDate.iso($0) }
    doc.metadata.type = value("type").map { $0 == "Uitspraak" ? "uitspraak" : $0 == "Conclusie" ? "conclusie" : $0 }
    doc.metadata.sender = value("creator")
    if let zaak = value("zaaknummer") { doc.metadata.extra["psi:zaaknummer"] = zaak }
    if let subject = value("subject") { doc.metadata.extra["dcterms:subject"] = subject }
    doc.facts = facts
    if !hasBody { doc.notes.append("holds metadata only: no uitspraak or conclusie text") }
    return doc
  }

  static let lineElements: Set<String> = [
    "para", "parablock", "paragroup", "title", "listitem", "orderedlist", "itemizedlist", "row", "table", "section",
    "bridgehead", "footnote", "blockquote", "informaltable", "entry",
  ]

  /// "ECLI:NL:HR:1995:AA3097" from an identifier or a deeplink ("...?id=ECLI:NL:HR:1995:AA3097").
  static func canonicalECLI(_ s: String) -> String? {
    guard let r = s.range(of: "ECLI:") else { return nil }
    let tail = s[r.lowerBound...].prefix { !$0.isWhitespace && $0 != "&" && $0 != "\"" }
    let parts = tail.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 5, parts[1].count == 2, !parts[2].isEmpty, parts[3].count == 4,
      parts[3].allSatisfy(\.isNumber), !parts[4].isEmpty
    else { return nil }
    return tail.uppercased()
  }

  /// "BWBR0002320" from a Juriconnect reference ("1.0:v:BWB:BWBR0002320&artikel=16").
  static func bwbID(_ s: String) -> String? {
    guard let r = s.range(of: "BWBR") ?? s.range(of: "BWBV") else { return nil }
    let id = s[r.lowerBound...].prefix { $0.isLetter || $0.isNumber }
    guard id.count == 11, id.dropFirst(4).allSatisfy(\.isNumber) else { return nil }
    return String(id)
  }
}

/// The walk over a ruling's text: a line per paragraph (`para`, `title`, list items, table rows),
/// blank lines between blocks; footnote bodies stay where they stand in the XML.
private struct RechtspraakWalk: XMLWalker {
  typealias Failure = Never
  var text = TextBuilder()
  /// Per open element: true for a line element, false for an inline one, nil for `br`.
  var open: [Bool?] = []

  mutating func startElement(_ e: XMLTreeElement) -> XMLDescent {
    let name = e.name
    if name == "br" {
      text.appendLiteral(0x0A)
      open.append(nil)
      return .skipChildren
    }
    let block = RechtspraakReader.lineElements.contains(name)
    if block { text.blockBreak() } else { text.noteSpace() }
    open.append(block)
    return .children
  }

  mutating func endElement(_ e: XMLTreeElement) {
    guard let block = open.popLast(), let block else { return }
    if block { text.blockBreak() } else { text.noteSpace() }
  }

  mutating func text(_ text: String) { self.text.appendMarkupText(text) }
}
