/// Reads Tweede Kamer open data (SyncFeed Atom pages and bare tkData entity XML, namespace
/// `http://www.tweedekamer.nl/xsd/tkData/v1-0`) into facts, joining entities by their GUID refs
/// within the file. Deleted entities (`tk:verwijderd="true"`) are skipped.
package enum TKOpenDataReader {
  static let namespace = "http://www.tweedekamer.nl/xsd/tkData/v1-0"

  /// One entity: its kind ("zaak", "zaakactor", ...), GUID, simple fields and refs.
  struct Entity {
    var kind: String
    var guid: String
    var fields: [String: String] = [:]
    var refs: [String: [String]] = [:]
    func field(_ name: String) -> String? { fields[name.lowercased()] }
    func ref(_ name: String) -> [String] { refs[name.lowercased()] ?? [] }
  }

  /// Collects the entities of the namespace (an element with an `id`), wherever they stand, and
  /// counts the deleted ones; an entity's children are its fields and refs.
  private struct EntityWalk: XMLWalker {
    typealias Failure = Never
    var entities: [Entity] = []
    var deleted = 0

    mutating func startElement(_ e: XMLTreeElement) -> XMLDescent {
      guard e.namespace == TKOpenDataReader.namespace, let guid = e.attribute("id") else { return .children }
      if e.attribute("verwijderd") == "true" {
        deleted += 1
        return .skipChildren
      }
      var entity = Entity(kind: e.name.lowercased(), guid: guid)
      for child in e.elements {
        let key = child.name.lowercased()
        if let ref = child.attribute("ref") {
          entity.refs[key, default: []].append(ref)
        } else if entity.fields[key] == nil {
          entity.fields[key] = child.text.trimmingSpaces
        }
      }
      entities.append(entity)
      return .skipChildren
    }

    mutating func text(_ text: String) {}
  }

  package static func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    let tree: XMLTree
    do { tree = try XMLTree.parse(bytes, file: path) } catch { throw .xml(error) }
    guard let root = tree.root else { throw .invalidContent(path: path, reason: "has no root element") }
    var walk = EntityWalk()
    root.walk(with: &walk)
    let entities = walk.entities
    let deleted = walk.deleted
    var doc = Document(path: path, format: .tkOpenData, text: "")
    doc.facts = facts(for: entities)
    if deleted > 0 { doc.notes.append("skipped \(deleted) deleted entit\(deleted == 1 ? "y" : "ies") (tk:verwijderd=\"true\")") }
    if entities.isEmpty && deleted == 0 {
      doc.notes.append("no Tweede Kamer entities found")
    }
    return doc
  }

  /// "252600313" -> "ah-tk-20252026-313".
  static func aanhangselID(_ raw: String) -> String? {
    let digits = raw.trimmingSpaces
    guard digits.count >= 5, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
    let a = Int(digits.prefix(2))!
    let b = Int(digits.dropFirst(2).prefix(2))!
    guard (a + 1) % 100 == b, let nr = Int(digits.dropFirst(4)) else { return nil }
    let first = (a >= 50 ? 1900 : 2000) + a
    return "ah-tk-\(first)\(first + 1)-\(nr)"
  }

  static func date(_ raw: String?) -> String? { raw.flatMap { DutchDate.iso($0) } }

  static func facts(for entities: [Entity]) -> [Fact] {
    var byGUID: [String: Entity] = [:]
    for e in entities { byGUID[e.guid] = e }
    var out: [Fact] = []
    func add(_ s: Fact.Statement, _ evidence: String) {
      let f = Fact(s, evidence: evidence)
      if !out.contains(f) { out.append(f) }
    }
    func personID(_ guid: String?) -> (id: String, label: String)? {
      guard let guid, let p = byGUID[guid], p.kind == "persoon", let achternaam = p.field("achternaam") else { return nil }
      let surname = [p.field("tussenvoegsel"), achternaam].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
      let first = p.field("roepnaam") ?? p.field("voornamen") ?? p.field("initialen")
      let label = [first, surname].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
      return (PersonName.id(surname: surname), label)
    }
    func fractieID(_ guid: String?, fallback: String?) -> String? {
      if let guid, let f = byGUID[guid], f.kind == "fractie", let abbr = f.field("afkorting"), !abbr.isEmpty {
        return Party.id(for: abbr) ?? "fractie:" + abbr.uppercased()
      }
      guard let fallback, !fallback.isEmpty else { return nil }
      return Party.id(for: fallback) ?? "fractie:" + fallback.uppercased()
    }
    func zaakNumber(_ guid: String?) -> String? {
      guard let guid, let z = byGUID[guid], z.kind == "zaak" else { return nil }
      return z.field("nummer")
    }
    func dossierIDs(_ guid: String?) -> (dossier: String, prefix: String)? {
      guard let guid, let d = byGUID[guid], d.kind == "kamerstukdossier", let nummer = d.field("nummer") else { return nil }
      let dossier = KOOPIds.dossier(nummer, toevoeging: d.field("toevoeging"))
      return ("dossier-" + dossier, "kst-" + dossier)
    }
    /// The ids of a Document entity, preferred first (its KOOP id when known, its number last),
    /// each with where it comes from.
    func documentIDs(_ d: Entity) -> [(id: String, evidence: String)] {
      var ids: [(id: String, evidence: String)] = []
      func add(_ id: String, _ evidence: String) {
        if !id.isEmpty, !ids.contains(where: { $0.id == id }) { ids.append((id, evidence)) }
      }
      for v in entities where v.kind == "documentversie" && v.ref("document").contains(d.guid) {
        if let ext = v.field("externeidentifier") { add(ext, "DocumentVersie externeidentifier") }
      }
      for guid in d.ref("huidigeDocumentVersie") {
        if let ext = byGUID[guid]?.field("externeidentifier") { add(ext, "DocumentVersie externeidentifier") }
      }
      if let nr = d.field("aanhangselnummer").flatMap(aanhangselID) { add(nr, "Document aanhangselnummer") }
      if let volg = d.field("volgnummer"), let dossier = dossierIDs(d.ref("kamerstukdossier").first) {
        add("\(dossier.prefix)-\(volg)", "Document volgnummer and Kamerstukdossier")
      }
      if let nummer = d.field("documentNummer") { add(nummer, "Document documentNummer") }
      return ids
    }

    for e in entities {
      switch e.kind {
      case "zaak":
        guard let nummer = e.field("nummer"), !nummer.isEmpty else { continue }
        if let onderwerp = e.field("onderwerp") ?? e.field("titel") { add(.attribute(id: nummer, name: "label", value: onderwerp), "Zaak onderwerp") }
        if let d = date(e.field("gestartOp")) { add(.attribute(id: nummer, name: "date", value: d), "Zaak gestartOp") }
        if let vj = e.field("vergaderjaar").flatMap(CanonicalID.vergaderjaar) {
          add(.attribute(id: nummer, name: "vergaderjaar", value: vj), "Zaak vergaderjaar")
        }
        if let dossier = dossierIDs(e.ref("kamerstukdossier").first) {
          add(.edge(source: nummer, relation: .partOfDossier, target: dossier.dossier), "Zaak kamerstukdossier")
        }
      case "document":
        let ids = documentIDs(e)
        guard let main = ids.first?.id else { continue }
        // Every other id names the same document; the Tweede Kamer number comes first in the fact.
        for other in ids.dropFirst() {
          if other.id == e.field("documentNummer") {
            add(.sameAs(other.id, main), ids[0].evidence)
          } else {
            add(.sameAs(main, other.id), other.evidence)
          }
        }
        let soort = (e.field("soort") ?? "").lowercased()
        for zaakGUID in e.ref("zaak") {
          guard let zaak = zaakNumber(zaakGUID) else { continue }
          if soort.hasPrefix("antwoord") {
            add(.edge(source: main, relation: .answers, target: zaak), "Document zaak")
          } else if soort == "schriftelijke vragen" {
            add(.sameAs(main, "kv-tk-" + zaak), "Document zaak (Schriftelijke vragen)")
          }
        }
        if let dossier = dossierIDs(e.ref("kamerstukdossier").first) {
          add(.edge(source: main, relation: .partOfDossier, target: dossier.dossier), "Document kamerstukdossier")
        }
        if let label = e.field("titel") ?? e.field("onderwerp"), !label.isEmpty {
          add(.attribute(id: main, name: "label", value: label), "Document titel")
        }
        if let d = date(e.field("datum") ?? e.field("datumOntvangst")) { add(.attribute(id: main, name: "date", value: d), "Document datum") }
        if let vj = e.field("vergaderjaar").flatMap(CanonicalID.vergaderjaar) {
          add(.attribute(id: main, name: "vergaderjaar", value: vj), "Document vergaderjaar")
        }
      case "zaakactor", "documentactor":
        let isZaak = e.kind == "zaakactor"
        let source: String?
        if isZaak {
          source = zaakNumber(e.ref("zaak").first).map { "kv-tk-" + $0 }
        } else {
          source = e.ref("document").first.flatMap { byGUID[$0] }.flatMap { documentIDs($0).first?.id }
        }
        guard let source else { continue }
        let relatie = (e.field("relatie") ?? "").lowercased()
        let naam = e.field("actorNaam")
        let person = personID(e.ref("persoon").first)
          ?? naam.flatMap { $0.isEmpty ? nil : (PersonName.id(fullName: $0), $0) }
        let label = isZaak ? "ZaakActor" : "DocumentActor"
        let relation: Relation?
        switch relatie {
        case "indiener", "medeindiener": relation = isZaak ? .askedBy : .signedBy
        case "gericht aan": relation = .addressedTo
        default: relation = nil
        }
        if let person {
          add(.attribute(id: person.id, name: "label", value: person.label), "\(label) \(e.field("relatie") ?? "")")
          if let relation {
            add(.edge(source: source, relation: relation, target: person.id), "\(label) \(e.field("relatie") ?? "")")
          }
          if let fractie = fractieID(e.ref("fractie").first, fallback: e.field("actorFractie")) {
            add(.edge(source: person.id, relation: .memberOf, target: fractie), "\(label) fractie")
          }
        }
        if relation == .addressedTo, let ministry = e.field("functie").flatMap({ Ministry.id(forName: $0) }) {
          add(.edge(source: source, relation: .addressedTo, target: ministry), "\(label) functie")
        }
      case "persoon":
        if let p = personID(e.guid) { add(.attribute(id: p.id, name: "label", value: p.label), "Persoon") }
      case "fractie":
        if let id = fractieID(e.guid, fallback: nil), let naam = e.field("naamNl") ?? e.field("naamEn") {
          add(.attribute(id: id, name: "label", value: naam), "Fractie naamNl")
        }
      case "kamerstukdossier":
        if let dossier = dossierIDs(e.guid), let titel = e.field("titel") {
          add(.attribute(id: dossier.dossier, name: "label", value: titel), "Kamerstukdossier titel")
        }
      default:
        break
      }
    }
    return out
  }
}
