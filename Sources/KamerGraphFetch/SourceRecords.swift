import Foundation
import KamerGraph

/// A KOOP SRU record, reduced to what the fetcher needs: the publication id and the URLs of its
/// manifestations (`gzd/originalData/meta/owmskern/identifier`, `gzd/enrichedData/itemUrl` with
/// its `manifestation` attribute, and `enrichedData/url`), as in KOOP's search records.
struct SRURecord: Sendable, Equatable {
  var identifier: String
  /// manifestation (`xml`, `metadata`, `pdf`, ...) -> URL.
  var items: [String: String]
  /// `enrichedData/url`: the main file.
  var url: String?

  /// The records of an SRU searchRetrieve answer, in their order. Throws for an answer that is
  /// not XML (an HTML error page) or not an SRU answer.
  static func parse(_ bytes: [UInt8], source: String) throws(FetchError) -> [SRURecord] {
    try ContentCheck.xml(bytes, url: source)
    var walk = SRUWalk()
    do { try XMLStreamReader.walk(bytes, file: source, with: &walk) } catch {
      throw .unexpectedContent(url: source, message: "the SRU answer is not well-formed XML: \(error)")
    }
    guard walk.sawSRU else { throw .unexpectedContent(url: source, message: "the answer is XML but not an SRU searchRetrieveResponse") }
    return walk.records
  }
}

/// The walk over an SRU answer: a record per outermost `record`, its fields by their parent
/// (`owmskern/identifier`, `enrichedData/itemUrl`, `enrichedData/url`), each field's text trimmed.
private struct SRUWalk: XMLWalker {
  typealias Failure = Never
  var records: [SRURecord] = []
  /// A `searchRetrieveResponse` element was seen.
  var sawSRU = false
  /// The names of the open elements.
  var path: [String] = []
  var current: SRURecord?
  /// The character data since the last start or end tag.
  var text = ""
  var manifestation: String?

  mutating func startElement(_ reader: XMLStreamReader) -> XMLDescent {
    let name = reader.localName
    if name == "searchRetrieveResponse" { sawSRU = true }
    if name == "record" && !path.contains("record") { current = SRURecord(identifier: "", items: [:], url: nil) }
    if name == "itemUrl" { manifestation = reader.attribute("manifestation") }
    text = ""
    if !reader.isEmptyElement { path.append(name) } else if name == "record" { current = nil }
    return .children
  }

  /// An empty element (`<url/>`) has neither text nor a record of its own: its end is ignored.
  mutating func endElement(_ reader: XMLStreamReader) {
    guard !reader.isEmptyElement else { return }
    let name = path.popLast() ?? ""
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if name == "identifier" && path.last == "owmskern", current?.identifier.isEmpty == true { current?.identifier = value }
    if name == "itemUrl", let m = manifestation, path.last == "enrichedData" { current?.items[m] = value }
    if name == "url" && path.last == "enrichedData" { current?.url = value }
    if name == "record" && !path.contains("record"), let record = current {
      records.append(record)
      current = nil
    }
    text = ""
  }

  mutating func text(_ reader: XMLStreamReader) { text += reader.value }
  mutating func whitespace(_ reader: XMLStreamReader) { text += reader.value }
}

/// A Tweede Kamer zaak from an OData answer, with its actors (`ZaakActor`), for the sidecar of
/// the Tweede Kamer's own files (`TKSidecar`) and for `sync` (its GUID).
struct TKZaakRecord: Sendable, Equatable {
  struct Actor: Sendable, Equatable {
    var naam: String?
    var fractie: String?
    var functie: String?
    /// `Indiener`, `Medeindiener`, `Gericht aan`, ...
    var relatie: String?
  }
  var id: String
  var nummer: String?
  var soort: String?
  var onderwerp: String?
  var gestartOp: String?
  var vergaderjaar: String?
  var actors: [Actor] = []
}

/// A Tweede Kamer document from an OData answer: its GUID, number, kind, the KOOP id of its
/// current version (`DocumentVersie.ExterneIdentifier`), the file extension, and what its own file
/// does not carry (dates, title, zaken with their actors).
struct TKDocumentRecord: Sendable, Equatable {
  var id: String
  var nummer: String
  var soort: String?
  var externeIdentifier: String?
  var extensie: String?
  var titel: String? = nil
  var onderwerp: String? = nil
  var datum: String? = nil
  var datumOntvangst: String? = nil
  var vergaderjaar: String? = nil
  var zaken: [TKZaakRecord] = []

  /// The documents of an OData answer: `value` holds Documents (with their `Zaak` navigation),
  /// or Zaken whose `Document` navigation holds them (`$expand`). Deleted documents and zaken
  /// (`Verwijderd`) are left out.
  static func parse(_ bytes: [UInt8], source: String) throws(FetchError) -> (matches: Int, documents: [TKDocumentRecord]) {
    typealias F = TKOData.Field
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)), let root = object as? [String: Any],
      let values = root[F.value] as? [[String: Any]]
    else {
      let start = String(decoding: bytes.prefix(60), as: UTF8.self)
      throw .unexpectedContent(url: source, message: "expected OData JSON with a 'value' array, got: \(start.debugDescription)")
    }
    func list(_ value: Any?) -> [[String: Any]] {
      if let many = value as? [[String: Any]] { return many }
      if let one = value as? [String: Any] { return [one] }
      return []
    }
    func live(_ value: Any?) -> [[String: Any]] { list(value).filter { ($0[F.verwijderd] as? Bool) != true } }
    func text(_ d: [String: Any], _ key: String) -> String? { (d[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
    func zaak(_ z: [String: Any]) -> TKZaakRecord? {
      guard let id = z[F.id] as? String else { return nil }
      let actors = live(z[F.zaakActors]).map {
        TKZaakRecord.Actor(naam: text($0, F.actorNaam), fractie: text($0, F.actorFractie), functie: text($0, F.functie), relatie: text($0, F.relatie))
      }
      return TKZaakRecord(
        id: id, nummer: text(z, F.nummer), soort: text(z, F.soort), onderwerp: text(z, F.onderwerp), gestartOp: text(z, F.gestartOp),
        vergaderjaar: text(z, F.vergaderjaar), actors: actors)
    }
    var out: [TKDocumentRecord] = []
    func add(_ d: [String: Any], zaken: [TKZaakRecord]) {
      guard (d[F.verwijderd] as? Bool) != true, let id = d[F.id] as? String else { return }
      let versions = live(d[F.versions])
      let external = versions.compactMap { text($0, F.externeIdentifier) }.first
      let ext = versions.compactMap { $0[F.extensie] as? String }.first
      out.append(
        TKDocumentRecord(
          id: id, nummer: d[F.nummer] as? String ?? id, soort: d[F.soort] as? String, externeIdentifier: external, extensie: ext,
          titel: text(d, F.titel), onderwerp: text(d, F.onderwerp), datum: text(d, F.datum), datumOntvangst: text(d, F.datumOntvangst),
          vergaderjaar: text(d, F.vergaderjaar), zaken: zaken + live(d[F.zaken]).compactMap(zaak)))
    }
    for value in values {
      if let documents = value[F.documents] as? [[String: Any]] {
        guard (value[F.verwijderd] as? Bool) != true else { continue }
        let parent = zaak(value).map { [$0] } ?? []
        for d in documents { add(d, zaken: parent) }
      } else {
        add(value, zaken: [])
      }
    }
    return (values.count, out.sorted { $0.nummer < $1.nummer })
  }
}

/// Checks that an answer is what was asked for before it is stored.
enum ContentCheck {
  /// XML, not an HTML page: after a BOM and white space it starts with `<`, and not with
  /// `<!DOCTYPE html` or `<html`.
  static func xml(_ bytes: [UInt8], url: String) throws(FetchError) {
    var i = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    let head = String(decoding: bytes[i..<min(bytes.count, i + 64)], as: UTF8.self).lowercased()
    guard head.hasPrefix("<") else {
      throw .unexpectedContent(url: url, message: "expected XML, got \(bytes.isEmpty ? "an empty answer" : "text starting \(head.prefix(20).debugDescription)")")
    }
    if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") {
      throw .unexpectedContent(url: url, message: "expected XML, got an HTML page")
    }
  }
}
