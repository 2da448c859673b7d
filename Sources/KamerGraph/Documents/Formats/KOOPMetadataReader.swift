/// Reads KOOP `metadata.xml` in both styles: `<metadata_gegevens><metadata name= content=/>` and
/// `<owms-metadata><owmskern><dcterms:identifier>...`. The result has no text; it carries ids,
/// metadata and facts, and is merged into its document when both are loaded.
package enum KOOPMetadataReader {
  /// One field: the name without its schema prefix ("identifier", "vraagnummer"), the name as
  /// written (for evidence), the scheme and the value.
  struct Field {
    var key: String
    var name: String
    var scheme: String
    var value: String
    /// The line of its element in the file, nil when libxml2 does not know it.
    var line: Int? = nil
  }

  /// The fields under `root`: every `metadata` element with a name, and every element without
  /// child elements (the owms style).
  static func fields(of root: XMLTreeElement) -> [Field] {
    var walk = FieldWalk()
    root.walkChildren(with: &walk)
    return walk.fields
  }

  /// Collects the fields of a metadata record.
  private struct FieldWalk: XMLWalker {
    typealias Failure = Never
    var fields: [Field] = []

    mutating func startElement(_ child: XMLTreeElement) -> XMLDescent {
      if child.isNamed("metadata"), let name = child.attribute("name") {
        let value = (child.attribute("content") ?? "").trimmingSpaces
        let key = String(name.split(separator: ".").last ?? Substring(name)).lowercased()
        if !value.isEmpty {
          fields.append(Field(key: key, name: name, scheme: child.attribute("scheme") ?? "", value: value, line: line(child)))
        }
        return .children
      }
      guard child.elements.isEmpty else { return .children }
      let local = child.name
      let key = String(local.split(separator: ".").last ?? Substring(local)).lowercased()
      let prefix = child.prefix.map { $0 == "dcterms" ? "DCTERMS." : ($0 == "overheidop" ? "OVERHEIDop." : $0 + ".") } ?? ""
      let value = child.text.trimmingSpaces
      if !value.isEmpty {
        fields.append(Field(key: key, name: prefix + local, scheme: child.attribute("scheme") ?? "", value: value, line: line(child)))
      }
      return .skipChildren
    }

    mutating func text(_ text: String) {}
  }

  /// The line of an element's start tag, nil when unknown (libxml2 gives 0).
  static func line(_ e: XMLTreeElement) -> Int? { e.line > 0 ? e.line : nil }

  package static func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    let tree: XMLTree
    do { tree = try XMLTree.parse(bytes, file: path) } catch { throw .xml(error) }
    guard let root = tree.root, root.isNamed("metadata_gegevens") || root.isNamed("owms-metadata") else {
      throw .invalidContent(path: path, reason: "is XML but not a KOOP metadata record")
    }
    return document(from: fields(of: root), path: path)
  }

  static func document(from fields: [Field], path: String) -> Document {
    var doc = Document(path: path, format: .koopMetadata, text: "")
    var meta = DocumentMetadata()
    func first(_ key: String) -> Field? { fields.first { $0.key == key } }
    func all(_ key: String) -> [Field] { fields.filter { $0.key == key } }

    let identifier = first("identifier")?.value
    if let identifier { doc.ownIds.append(identifier) }
    meta.title = first("title")?.value
    meta.type = (fields.first { $0.key == "type" && $0.scheme == "OVERHEIDop.Parlementair" } ?? first("type"))?.value
    meta.sender = first("creator")?.value
    if let vj = first("vergaderjaar").flatMap({ CanonicalID.vergaderjaar($0.value) }) { meta.vergaderjaar = vj }
    if let nr = first("aanhangselnummer")?.value {
      meta.number = nr
      if let vj = meta.vergaderjaar, nr.allSatisfy(\.isNumber) {
        let id = "ah-tk-" + vj.filter { $0 != "-" } + "-" + nr
        if !doc.ownIds.contains(id) { doc.ownIds.append(id) }
      }
    }
    if let dossier = first("dossiernummer")?.value {
      meta.dossier = KOOPIds.dossier(dossier, toevoeging: nil)
    }
    if let ondernummer = first("ondernummer")?.value {
      meta.number = meta.number ?? ondernummer
      if let dossier = meta.dossier {
        let id = "kst-\(dossier)-\(ondernummer.filter { !$0.isWhitespace })"
        if !doc.ownIds.contains(id) { doc.ownIds.append(id) }
      }
    }
    meta.date = (first("datumontvangst") ?? first("issued") ?? first("available") ?? first("datumbrief"))
      .flatMap { DutchDate.iso($0.value) }

    let selfID = doc.ownIds.first ?? path
    let zaak = first("vraagnummer")
    let questions = zaak.map { "kv-tk-" + $0.value }
    if let zaak {
      doc.facts.append(Fact(.edge(source: selfID, relation: .answers, target: zaak.value), evidence: zaak.name, path: path, line: zaak.line))
    }
    // Indiener and ontvanger belong to the questions when the zaak is known, otherwise to the document.
    let actorSource = questions ?? selfID
    // A Kamerstuk's indiener (a bill's, a motion's) is who submits and signs it; only for
    // Kamervragen and their Aanhangsel answers is the indiener the member who asked.
    let kamerstuk = questions == nil && first("aanhangselnummer") == nil
      && (selfID.hasPrefix("kst-") || (meta.dossier != nil && !selfID.hasPrefix("kv-") && !selfID.hasPrefix("ah-")))
    for indiener in all("indiener") {
      let person = PersonName.id(fullName: indiener.value)
      let relation: Relation = kamerstuk ? .signedBy : .askedBy
      doc.facts.append(Fact(.edge(source: actorSource, relation: relation, target: person), evidence: indiener.name, path: path, line: indiener.line))
      doc.facts.append(Fact(.attribute(id: person, name: "label", value: indiener.value), evidence: indiener.name, path: path, line: indiener.line))
    }
    for ontvanger in all("ontvanger") {
      let target = Ministry.id(forName: ontvanger.value) ?? PersonName.id(fullName: ontvanger.value)
      doc.facts.append(Fact(.edge(source: actorSource, relation: .addressedTo, target: target), evidence: ontvanger.name, path: path, line: ontvanger.line))
      doc.facts.append(Fact(.attribute(id: target, name: "label", value: ontvanger.value), evidence: ontvanger.name, path: path, line: ontvanger.line))
    }
    if let indiening = first("datumindiening"), let iso = DutchDate.iso(indiening.value) {
      doc.facts.append(Fact(.attribute(id: actorSource, name: "date", value: iso), evidence: indiening.name, path: path, line: indiening.line))
    }
    let known: Set<String> = ["identifier", "title", "type", "creator", "vergaderjaar", "aanhangselnummer", "ondernummer"]
    for field in fields where !known.contains(field.key) && meta.extra[field.name] == nil {
      meta.extra[field.name] = field.value
    }
    doc.metadata = meta
    return doc
  }
}
