import Foundation

@testable import KamerGraph
@testable import KamerGraphFetch

/// The official sources played by a `LoopbackServer` from recorded answers (Tests/Fixtures/fetch)
/// and the documents of corpus/palantir, at `/koop` (SRU by `dt.identifier`, and the full-text
/// `cql.textAndIndexes` search), `/tk` (Zaak and Document queries, files) and `/rechtspraak`;
/// `/tksync`, the SyncFeed, is played by the sync tests through `extra` (`feedPage`). `extra`
/// answers first, for the faults and synthetic chains a test adds.
final class SourceMirror: @unchecked Sendable {
  let server: LoopbackServer
  /// KOOP publications: id -> (title, date, xml, metadata.xml or nil).
  let publications: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)]

  var sources: FetchSources {
    FetchSources(
      koop: URL(string: server.base + "/koop")!, tk: URL(string: server.base + "/tk")!,
      rechtspraak: URL(string: server.base + "/rechtspraak")!, tkSync: URL(string: server.base + "/tksync")!)
  }

  static func fixture(_ name: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: Repo.path("Tests/Fixtures/fetch/" + name)) ?? Data())
  }

  static func corpus(_ name: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: Repo.path("corpus/palantir/" + name)) ?? Data())
  }

  /// The Palantir publications at KOOP.
  static let palantir: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)] = [
    "ah-tk-20252026-313": (
      "Vragen van het lid Van Houwelingen (FVD) aan de Minister van Justitie en Veiligheid over Palantir", "2025-10-31",
      corpus("ah-tk-20252026-313.xml"), corpus("ah-tk-20252026-313.metadata.xml")
    )
  ]

  init(
    publications: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)] = SourceMirror.palantir,
    extra: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Reply? = { _ in nil }
  ) throws {
    let publications = publications
    self.publications = publications
    server = try LoopbackServer { request, server in
      if let reply = extra(request) { return reply }
      return SourceMirror.answer(request, base: server.base, publications: publications)
    }
  }

  deinit { server.stop() }

  static func answer(
    _ request: LoopbackServer.Request, base: String,
    publications: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)]
  ) -> LoopbackServer.Reply {
    let target = request.decodedTarget
    let xml = "application/xml; charset=utf-8"
    if target.hasPrefix("/koop/sru?") && target.contains("cql.textAndIndexes=") {
      return .ok(search(target, base: base, publications: publications), type: xml)
    }
    if target.hasPrefix("/koop/sru?") {
      guard let start = target.range(of: "dt.identifier==\""), let end = target[start.upperBound...].firstIndex(of: "\"") else {
        return .status(400)
      }
      let id = String(target[start.upperBound..<end])
      guard let publication = publications[id] else { return .ok(fixture("sru-empty.xml"), type: xml) }
      let vj = id.split(separator: "-")[2]
      var text = String(decoding: fixture("sru-record.xml"), as: UTF8.self)
      for (key, value) in [("{BASE}", base + "/koop"), ("{ID}", id), ("{VJ}", String(vj)), ("{TITLE}", publication.title), ("{DATE}", publication.date)] {
        text = text.replacingOccurrences(of: key, with: value)
      }
      return .ok(Array(text.utf8), type: xml)
    }
    if target.hasPrefix("/koop/frbr/officielepublicaties/") {
      let parts = target.split(separator: "/").map(String.init)
      // koop frbr officielepublicaties ah-tk VJ ID 1 manifestation file
      guard parts.count == 9, let publication = publications[parts[5]] else { return .status(404) }
      let etag = [("ETag", "\"\(SHA256.hex(publication.xml).prefix(16))\""), ("Last-Modified", "Fri, 31 Oct 2025 10:00:00 GMT")]
      if parts[7] == "xml" {
        if request.headers["if-none-match"] == etag[0].1 { return LoopbackServer.Reply(status: 304, headers: etag) }
        return .ok(publication.xml, type: xml, headers: etag)
      }
      if parts[7] == "metadata", let metadata = publication.metadata { return .ok(metadata, type: xml) }
      return .status(404)
    }
    if target.hasPrefix("/tk/Zaak?") {
      for zaak in ["2025Z15452", "2025Z14549"] where target.contains("Nummer eq '\(zaak)'") {
        let text = String(decoding: fixture("odata-zaak-\(zaak).json"), as: UTF8.self).replacingOccurrences(of: "{BASE}", with: base + "/tk")
        return .ok(Array(text.utf8), type: "application/json; odata.metadata=minimal")
      }
      return .ok(Array(#"{"value":[]}"#.utf8), type: "application/json")
    }
    if target == "/tk/Document(9d2f4c61-7b3e-4a85-8f10-6c5e2b9a4d03)/resource" {
      let docx = corpus("defensie-antwoord-2025Z14549.docx")
      let etag = ("ETag", "\"\(SHA256.hex(docx).prefix(16))\"")
      if request.headers["if-none-match"] == etag.1 { return LoopbackServer.Reply(status: 304, headers: [etag]) }
      return .ok(docx, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", headers: [etag])
    }
    if target.hasPrefix("/tk/Document?") {
      let documents = tkDocuments(base: base).filter { target.contains("Nummer eq '\($0["Nummer"] as? String ?? "")'") }
      let body = try! JSONSerialization.data(withJSONObject: ["value": documents], options: [.sortedKeys])
      return .ok(Array(body), type: "application/json; odata.metadata=minimal")
    }
    return .status(404)
  }

  /// Words as a full-text index sees them: letters and digits, lower-case; the rest separates.
  static func words(_ text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }

  /// KOOP's full-text search as far as the fetcher uses it: `(cql.textAndIndexes="…" or …) not
  /// dt.identifier=="…"`, each quoted phrase matched as consecutive words of a publication's XML
  /// or metadata; the answer lists the matching records, by id.
  static func search(
    _ target: String, base: String, publications: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)]
  ) -> [UInt8] {
    var phrases: [[String]] = []
    var rest = target[...]
    while let start = rest.range(of: "cql.textAndIndexes=\""), let end = rest[start.upperBound...].firstIndex(of: "\"") {
      phrases.append(words(String(rest[start.upperBound..<end])))
      rest = rest[rest.index(after: end)...]
    }
    var excluded: String?
    if let not = target.range(of: "not dt.identifier==\""), let end = target[not.upperBound...].firstIndex(of: "\"") {
      excluded = String(target[not.upperBound..<end])
    }
    func contains(_ haystack: [String], _ needle: [String]) -> Bool {
      guard !needle.isEmpty, haystack.count >= needle.count else { return false }
      return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
    let hits = publications.keys.sorted().filter { id in
      let p = publications[id]!
      let text = words(String(decoding: p.xml + (p.metadata ?? []), as: UTF8.self))
      return id != excluded && phrases.contains { contains(text, $0) }
    }
    let template = String(decoding: fixture("sru-record.xml"), as: UTF8.self)
    let head = template.components(separatedBy: "<sru:records>")[0]
    let record = template.components(separatedBy: "<sru:records>")[1].components(separatedBy: "</sru:records>")[0]
    var records = ""
    for id in hits {
      var one = record
      let p = publications[id]!
      for (key, value) in [("{BASE}", base + "/koop"), ("{ID}", id), ("{VJ}", String(id.split(separator: "-")[2])), ("{TITLE}", p.title), ("{DATE}", p.date)] {
        one = one.replacingOccurrences(of: key, with: value)
      }
      records += one
    }
    let answer = head.replacingOccurrences(of: "<sru:numberOfRecords>1<", with: "<sru:numberOfRecords>\(hits.count)<")
      + "<sru:records>" + records + "</sru:records></sru:searchRetrieveResponse>"
    return Array(answer.utf8)
  }

  /// The live documents of the recorded zaken, each as a Document query answers it: with its
  /// `Zaak` (and the zaak's actors), as `TKOData.documentQuery` expands.
  static func tkDocuments(base: String) -> [[String: Any]] {
    var out: [[String: Any]] = []
    for zaak in ["2025Z15452", "2025Z14549"] {
      let text = String(decoding: fixture("odata-zaak-\(zaak).json"), as: UTF8.self).replacingOccurrences(of: "{BASE}", with: base + "/tk")
      let root = try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
      for var z in root["value"] as! [[String: Any]] {
        let documents = z.removeValue(forKey: "Document") as? [[String: Any]] ?? []
        for var d in documents where d["Verwijderd"] as? Bool != true {
          d["Zaak"] = [z]
          out.append(d)
        }
      }
    }
    return out
  }

  /// A SyncFeed page (Atom, as corpus/palantir/tk-syncfeed-2025Z15452.xml) of Document entries:
  /// (GUID, document number, zaak GUID, deleted), each entry's next link one skiptoken on, and the
  /// page's next link to `next` (none on the last page).
  static func feedPage(base: String, token: Int, entries: [(guid: String, nummer: String, zaak: String?, deleted: Bool)], next: Int?, updated: String = "2025-11-03T09:00:00.000Z") -> [UInt8] {
    let feed = base + "/tksync/Feed?category=Document&amp;skiptoken="
    var text = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Gegevensmagazijn SyncFeed</title>
        <id>\(feed)\(token)</id>
        <updated>\(updated)</updated>
        <link rel="self" href="\(feed)\(token)" />

      """
    if let next { text += "  <link rel=\"next\" href=\"\(feed)\(next)\" />\n" }
    for (offset, e) in entries.enumerated() {
      let zaak = e.zaak.map { "<zaak ref=\"\($0)\" />" } ?? ""
      text += """
          <entry>
            <title>\(e.guid)</title>
            <updated>\(updated)</updated>
            <category term="Document" />
            <link rel="next" href="\(feed)\(token + offset + 1)" />
            <content type="application/xml">
              <document xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="\(e.guid)" tk:bijgewerkt="2025-11-03T10:00:00.0000000" tk:verwijderd="\(e.deleted)">\(e.deleted ? "" : "\(zaak)<soort>Antwoord schriftelijke vragen</soort><documentNummer>\(e.nummer)</documentNummer>")</document>
            </content>
          </entry>

        """
    }
    text += "</feed>\n"
    return Array(text.utf8)
  }

  /// A KOOP XML answer (`kamervragen`) whose one answer cites `cites` in a footnote, for chains.
  static func answerXML(vergaderjaar: String, number: String, cites: String?) -> [UInt8] {
    let note = cites.map { "<noot id=\"n1\" type=\"voet\"><noot.nr>1</noot.nr><noot.al>\($0)</noot.al></noot>" } ?? ""
    let vj = "\(vergaderjaar.prefix(4))–\(vergaderjaar.suffix(4))"
    let text = """
      <?xml version="1.0" encoding="utf-8"?>
      <officiele-publicatie>
        <metadata><meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/ah-tk-\(vergaderjaar)-\(number)/metadata.xml" /></metadata>
        <kamervragen>
          <kamervraagkop><tekstregel inhoud="vergaderjaar">Vergaderjaar \(vj)</tekstregel></kamervraagkop>
          <kamervraagnummer>\(number)</kamervraagnummer>
          <antwoord><nr>Antwoord 1</nr><al>Zoals eerder gemeld\(note) is dat zo.</al></antwoord>
        </kamervragen>
      </officiele-publicatie>
      """
    return Array(text.utf8)
  }
}
