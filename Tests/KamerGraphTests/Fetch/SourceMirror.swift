import Foundation

@testable import KamerGraph
@testable import KamerGraphFetch

/// The three official sources played by a `LoopbackServer` from recorded answers
/// (Tests/Fixtures/fetch) and the documents of corpus/palantir, at `/koop`, `/tk` and
/// `/rechtspraak`. `extra` answers first, for the faults and synthetic chains a test adds.
final class SourceMirror: @unchecked Sendable {
  let server: LoopbackServer
  /// KOOP publications: id -> (title, date, xml, metadata.xml or nil).
  let publications: [String: (title: String, date: String, xml: [UInt8], metadata: [UInt8]?)]

  var sources: FetchSources {
    FetchSources(
      koop: URL(string: server.base + "/koop")!, tk: URL(string: server.base + "/tk")!,
      rechtspraak: URL(string: server.base + "/rechtspraak")!)
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
      return .ok(corpus("defensie-antwoord-2025Z14549.docx"), type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }
    if target.hasPrefix("/tk/Document?") { return .ok(Array(#"{"value":[]}"#.utf8), type: "application/json") }
    return .status(404)
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
