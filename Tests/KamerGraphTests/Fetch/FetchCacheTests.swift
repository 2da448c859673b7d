import Foundation
import Testing

@testable import KamerGraph
@testable import KamerGraphFetch

@Suite struct FetchCacheTests {
  @Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // Two blocks (56 bytes of message force a second padding block).
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func storesTheBodyThenItsProvenanceAndReadsThemBack() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cache = try FetchCache(path: dir.path)
    let url = URL(string: "http://127.0.0.1:1/koop/frbr/x/ah-tk-20252026-313.xml")!
    let body = Array("<officiele-publicatie/>".utf8)
    let record = try cache.store(body, from: url, headers: ["etag": "\"abc\"", "last-modified": "Fri, 31 Oct 2025 10:00:00 GMT"], documentName: "ah-tk-20252026-313.xml")
    #expect(record.file == "documents/ah-tk-20252026-313.xml")
    #expect(record.sha256 == SHA256.hex(body))
    #expect(record.etag == "\"abc\"")
    #expect(record.url == url.absoluteString)
    let entry = try #require(cache.entry(for: url))
    #expect(entry.body == body)
    #expect(entry.provenance == record)
    // A decoy: another URL is not cached.
    #expect(cache.entry(for: URL(string: "http://127.0.0.1:1/other")!) == nil)
    // Nothing is left in tmp/.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path).isEmpty)
  }

  @Test func aBodyThatNoLongerMatchesItsChecksumIsNotACacheHit() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cache = try FetchCache(path: dir.path)
    let url = URL(string: "http://127.0.0.1:1/a.xml")!
    try cache.store(Array("<a/>".utf8), from: url, headers: [:], documentName: "a.xml")
    try Data("<b/>".utf8).write(to: dir.appendingPathComponent("documents/a.xml"))
    #expect(cache.entry(for: url) == nil)
  }

  @Test func openingTheCacheRemovesWhatAKilledRunLeftInTmp() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try FetchCache(path: dir.path)
    let partial = dir.appendingPathComponent("tmp/5F1C-partial")
    try Data("<officiele-publ".utf8).write(to: partial)
    _ = try FetchCache(path: dir.path)
    #expect(!FileManager.default.fileExists(atPath: partial.path))
  }
}

@Suite struct FetchSourcesTests {
  @Test func optionsComeBeforeTheEnvironmentAndTheEnvironmentBeforeTheDefaults() throws {
    let env = [FetchSources.koopVariable: "http://127.0.0.1:9/koop/", FetchSources.tkVariable: ""]
    let fromEnv = try FetchSources.resolve(environment: env)
    #expect(fromEnv.koop.absoluteString == "http://127.0.0.1:9/koop")
    #expect(fromEnv.tk.absoluteString == FetchSources.defaultTK)
    let fromOption = try FetchSources.resolve(koop: "https://mirror.example/k", environment: env)
    #expect(fromOption.koop.absoluteString == "https://mirror.example/k")
    #expect(throws: FetchError.badBaseURL("ftp://x")) { try FetchSources.resolve(tk: "ftp://x", environment: [:]) }
  }

  @Test func queriesAreEncodedWithTheFieldNamesInOnePlace() throws {
    let sources = try FetchSources.resolve(environment: [:])
    let zaak = sources.odataURL(TKOData.zaakQuery(nummer: "2025Z14549")).absoluteString
    #expect(zaak.hasPrefix("https://gegevensmagazijn.tweedekamer.nl/OData/v5/Zaak?$filter=Nummer%20eq%20%272025Z14549%27"))
    #expect(zaak.hasSuffix("&$expand=Document%28$expand%3DDocumentVersie%29%2CZaakActor"))
    let document = sources.odataURL(TKOData.documentQuery(nummer: "2025D99001")).absoluteString
    #expect(document.hasSuffix("&$expand=DocumentVersie%2CZaak%28$expand%3DZaakActor%29"))
    #expect(sources.syncFeedURL(skiptoken: "25610007").absoluteString == "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document&skiptoken=25610007")
    #expect(sources.syncFeedURL(skiptoken: nil).absoluteString == "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document")
    let sru = sources.sruURL(identifier: "ah-tk-20252026-313").absoluteString
    #expect(sru == "https://repository.overheid.nl/sru?operation=searchRetrieve&version=2.0&query=dt.identifier%3D%3D%22ah-tk-20252026-313%22&maximumRecords=10")
    #expect(sources.rechtspraakURL(ecli: "ECLI:NL:HR:2005:AR5213").absoluteString == "https://data.rechtspraak.nl/uitspraken/content?id=ECLI%3ANL%3AHR%3A2005%3AAR5213")
    // The search for what cites a publication: its id, or how it is cited, but not itself.
    let citing = sources.sruCitingURL("ah-tk-20242025-2790", maximumRecords: 10)
    #expect(citing.absoluteString.removingPercentEncoding == #"https://repository.overheid.nl/sru?operation=searchRetrieve&version=2.0&query=(cql.textAndIndexes="ah-tk-20242025-2790" or cql.textAndIndexes="Aanhangsel Handelingen vergaderjaar 2024 2025 nr 2790") not dt.identifier=="ah-tk-20242025-2790"&maximumRecords=10"#)
    #expect(FetchSources.citationPhrase("kst-36600-VII-12") == "36600 VII nr 12")
    #expect(FetchSources.citationPhrase("stb-2018-84") == nil)
    // A quote inside a kenmerk is doubled, as OData string literals need.
    #expect(TKOData.kenmerkQuery("O'Neill/1").contains("'O''Neill/1'"))
  }

  @Test func retryAfterIsReadAsSecondsOrAsAnHTTPDate() {
    let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
    #expect(HTTPFetcher.retryAfter("7", now: now) == 7)
    #expect(HTTPFetcher.retryAfter("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
    #expect(HTTPFetcher.retryAfter("soon", now: now) == nil)
  }
}

@Suite struct SourceRecordTests {
  @Test func anSRURecordGivesItsIdAndManifestations() throws {
    var text = String(decoding: SourceMirror.fixture("sru-record.xml"), as: UTF8.self)
    for (k, v) in [("{BASE}", "http://m/koop"), ("{ID}", "ah-tk-20252026-313"), ("{VJ}", "20252026"), ("{TITLE}", "t"), ("{DATE}", "2025-10-31")] {
      text = text.replacingOccurrences(of: k, with: v)
    }
    let records = try SRURecord.parse(Array(text.utf8), source: "sru")
    #expect(records.count == 1)
    #expect(records[0].identifier == "ah-tk-20252026-313")
    #expect(records[0].items["xml"] == "http://m/koop/frbr/officielepublicaties/ah-tk/20252026/ah-tk-20252026-313/1/xml/ah-tk-20252026-313.xml")
    #expect(records[0].items["metadata"] == "http://m/koop/frbr/officielepublicaties/ah-tk/20252026/ah-tk-20252026-313/1/metadata/metadata.xml")
    #expect(try SRURecord.parse(SourceMirror.fixture("sru-empty.xml"), source: "sru").isEmpty)
  }

  @Test func theRealSearchRecordLayoutIsRead() throws {
    // A real KOOP search record (Tests/Fixtures/fetch/README.md) without its envelope: wrap it.
    let record = try String(contentsOfFile: Repo.path("Tests/Fixtures/fetch/koop-searchrec.xml"), encoding: .utf8)
    let answer = "<searchRetrieveResponse><records>\(record)</records></searchRetrieveResponse>"
    let records = try SRURecord.parse(Array(answer.utf8), source: "sru")
    #expect(records.map(\.identifier) == ["gmb-2023-174296"])
    #expect(records[0].items["xml"] == "https://repository.overheid.nl/frbr/officielepublicaties/gmb/2023/gmb-2023-174296/1/xml/gmb-2023-174296.xml")
    #expect(records[0].items.count == 6)
  }

  @Test func theSidecarOfATweedeKamerDocumentIsAKOOPMetadataRecordTheReaderUnderstands() throws {
    let parsed = try TKDocumentRecord.parse(SourceMirror.fixture("odata-zaak-2025Z15452.json"), source: "o")
    let bytes = TKSidecar.metadata(for: try #require(parsed.documents.first))
    let record = try KOOPMetadataReader.read(bytes: bytes, path: "2025D45253.metadata.xml")
    #expect(record.ownIds.isEmpty)  // no DC.identifier: the document keeps its own ids
    #expect(record.metadata.type == "Antwoord schriftelijke vragen")
    #expect(record.metadata.date == "2025-10-31")
    #expect(record.metadata.vergaderjaar == "2025-2026")
    #expect(record.metadata.sender == "Ministerie van Justitie en Veiligheid")
    #expect(record.metadata.extra["TK.documentNummer"] == "2025D45253")
    let facts = record.facts.map { "\($0.statement)" }.joined(separator: "\n")
    for expected in ["2025Z15452", "kv-tk-2025Z15452", "persoon:van-houwelingen", "persoon:van-oosten", "ministerie:JENV", "2025-08-27"] {
      #expect(facts.contains(expected), "\(expected) not in \(facts)")
    }
    // Markup in a value is escaped, not read.
    var odd = try #require(parsed.documents.first)
    odd.titel = "A <b> & \"c\""
    let escaped = try KOOPMetadataReader.read(bytes: TKSidecar.metadata(for: odd), path: "x.metadata.xml")
    #expect(escaped.metadata.title == "A <b> & \"c\"")
  }

  @Test func emptyFieldsAndEmptyRecordsAreNotRead() throws {
    let answer = """
      <searchRetrieveResponse><records>
      <record><gzd><originalData><meta><owmskern><identifier> a-1 </identifier><identifier>a-2</identifier></owmskern></meta>\
      </originalData><enrichedData><url/><itemUrl manifestation="pdf"/><itemUrl manifestation="xml">http://x/a.xml</itemUrl>\
      </enrichedData></gzd></record>
      <record/>
      <record><gzd><originalData><meta><owmskern><identifier>b</identifier></owmskern></meta></originalData>\
      <enrichedData><url> http://x/b </url></enrichedData></gzd></record>
      </records></searchRetrieveResponse>
      """
    let records = try SRURecord.parse(Array(answer.utf8), source: "sru")
    #expect(records == [
      SRURecord(identifier: "a-1", items: ["xml": "http://x/a.xml"], url: nil),
      SRURecord(identifier: "b", items: [:], url: "http://x/b"),
    ])
  }

  @Test func anHTMLPageOrOtherXMLIsNotAnSRUAnswer() {
    #expect(throws: FetchError.self) { try SRURecord.parse(Array("<!DOCTYPE html><html><body>Storing</body></html>".utf8), source: "s") }
    #expect(throws: FetchError.self) { try SRURecord.parse(Array("<feed/>".utf8), source: "s") }
    #expect(throws: FetchError.self) { try SRURecord.parse([], source: "s") }
  }

  @Test func anODataZaakGivesItsLiveDocumentsWithTheirKOOPIds() throws {
    let parsed = try TKDocumentRecord.parse(SourceMirror.fixture("odata-zaak-2025Z15452.json"), source: "o")
    #expect(parsed.matches == 1)
    let document = try #require(parsed.documents.first)
    #expect(parsed.documents.count == 1)
    #expect(document.id == "e3c43455-4a9a-4407-8e38-a82b297867e1")
    #expect(document.nummer == "2025D45253")
    #expect(document.soort == "Antwoord schriftelijke vragen")
    #expect(document.externeIdentifier == "ah-tk-20252026-313")
    #expect(document.extensie == ".pdf")
    #expect(document.datum == "2025-10-31T00:00:00+01:00")
    #expect(document.vergaderjaar == "2025-2026")
    // Its zaak, with the actors, as the sidecar and sync need them.
    #expect(document.zaken.map(\.id) == ["ef644f1c-e5ac-4d49-9191-5d4393f546f0"])
    #expect(document.zaken.first?.nummer == "2025Z15452")
    #expect(document.zaken.first?.actors.map(\.relatie) == ["Indiener", "Gericht aan"])
    #expect(document.zaken.first?.actors.first?.fractie == "FVD")
    // The deleted document (Verwijderd) is left out; a null ExterneIdentifier is none.
    let other = try TKDocumentRecord.parse(SourceMirror.fixture("odata-zaak-2025Z14549.json"), source: "o")
    #expect(other.documents.map(\.nummer) == ["2025D99001"])
    #expect(other.documents[0].externeIdentifier == nil)
    #expect(throws: FetchError.self) { try TKDocumentRecord.parse(Array("<html>503</html>".utf8), source: "o") }
  }
}
