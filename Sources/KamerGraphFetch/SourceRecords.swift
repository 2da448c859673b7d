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
    var records: [SRURecord] = []
    var sawSRU = false
    do {
      try XMLStreamReader.read(bytes, file: source) { reader in
        var path: [String] = []
        var current: SRURecord?
        var text = ""
        var manifestation: String?
        while try reader.next() {
          switch reader.kind {
          case .element:
            let name = reader.localName
            if name == "searchRetrieveResponse" { sawSRU = true }
            if name == "record" && !path.contains("record") { current = SRURecord(identifier: "", items: [:], url: nil) }
            if name == "itemUrl" { manifestation = reader.attribute("manifestation") }
            text = ""
            if !reader.isEmptyElement { path.append(name) } else if name == "record" { current = nil }
          case .text, .whitespace:
            text += reader.value
          case .endElement:
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
          case .other:
            break
          }
        }
      }
    } catch {
      throw .unexpectedContent(url: source, message: "the SRU answer is not well-formed XML: \(error)")
    }
    guard sawSRU else { throw .unexpectedContent(url: source, message: "the answer is XML but not an SRU searchRetrieveResponse") }
    return records
  }
}

/// A Tweede Kamer document from an OData answer: its GUID, number, kind, the KOOP id of its
/// current version (`DocumentVersie.ExterneIdentifier`) and the file extension.
struct TKDocumentRecord: Sendable, Equatable {
  var id: String
  var nummer: String
  var soort: String?
  var externeIdentifier: String?
  var extensie: String?

  /// The documents of an OData answer: `value` holds Documents, or Zaken whose `Document`
  /// navigation holds them (`$expand`). Deleted documents (`Verwijderd`) are left out.
  static func parse(_ bytes: [UInt8], source: String) throws(FetchError) -> (matches: Int, documents: [TKDocumentRecord]) {
    typealias F = TKOData.Field
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)), let root = object as? [String: Any],
      let values = root[F.value] as? [[String: Any]]
    else {
      let start = String(decoding: bytes.prefix(60), as: UTF8.self)
      throw .unexpectedContent(url: source, message: "expected OData JSON with a 'value' array, got: \(start.debugDescription)")
    }
    var out: [TKDocumentRecord] = []
    func add(_ d: [String: Any]) {
      guard (d[F.verwijderd] as? Bool) != true, let id = d[F.id] as? String else { return }
      let versions: [[String: Any]]
      if let list = d[F.versions] as? [[String: Any]] { versions = list } else if let one = d[F.versions] as? [String: Any] { versions = [one] } else { versions = [] }
      let live = versions.filter { ($0[F.verwijderd] as? Bool) != true }
      let external = live.compactMap { ($0[F.externeIdentifier] as? String).flatMap { $0.isEmpty ? nil : $0 } }.first
      let ext = live.compactMap { $0[F.extensie] as? String }.first
      out.append(TKDocumentRecord(id: id, nummer: d[F.nummer] as? String ?? id, soort: d[F.soort] as? String, externeIdentifier: external, extensie: ext))
    }
    for value in values {
      if let documents = value[F.documents] as? [[String: Any]] { documents.forEach(add) } else { add(value) }
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
