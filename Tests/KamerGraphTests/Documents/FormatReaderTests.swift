import Foundation
import Testing

@testable import KamerGraph

@Suite("Readers: one sample per format")
struct FormatReaderTests {
  @Test func koopKamerstukWithNotesAndLinks() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/kst-36600-X-12.xml")
    #expect(doc.format == .koopXML)
    #expect(doc.ownIds == ["kst-36600-X-12"])
    #expect(doc.metadata.dossier == "36600-X")
    #expect(doc.metadata.number == "12")
    #expect(doc.metadata.date == "2025-02-03")
    #expect(doc.metadata.type == "Kamerstuk")
    #expect(
      doc.text == """
        Tweede Kamer der Staten-Generaal
        Vergaderjaar 2024–2025
        36 600 X
        Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2025
        12
        BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE
        Den Haag, 3 februari 2025
        Hierbij informeer ik uw Kamer over de voortgang. Dit volgt op het debat.
        Zie ook de website van Defensie en Stb. 2023, 123.
        Zie Kamerstuk 36 200 X, nr. 5.
        """)
    let note = try #require(doc.footnotes.first)
    #expect(note.number == "1")
    #expect(note.mark.isEmpty)
    #expect(ReaderFixture.slice(doc, note.body) == "Zie Kamerstuk 36 200 X, nr. 5.")
    #expect(ReaderFixture.slice(doc, note.sentence) == "Hierbij informeer ik uw Kamer over de voortgang.")
    let links = doc.links.map { ($0.target, ReaderFixture.slice(doc, $0.range)) }
    #expect(links.map(\.0) == ["https://www.defensie.nl/actueel", "stb-2023-123", "kst-36200-X-5"])
    #expect(links.map(\.1) == ["website van Defensie", "Stb. 2023, 123", "Kamerstuk 36 200 X, nr. 5"])
    ReaderFixture.expectRangesValid(doc)
  }

  @Test func koopStaatsblad() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/koop/koop-stb.xml")
    #expect(doc.format == .koopXML)
    #expect(doc.ownIds == ["stb-2018-84"])
    #expect(doc.metadata.type == "staatsblad")
    #expect(doc.metadata.title?.hasPrefix("Besluit van 9 maart 2018, houdende vaststelling") == true)
    #expect(doc.metadata.date == "2018-03-09")
    #expect(doc.text.hasPrefix("Staatsblad\nvan het Koninkrijk der Nederlanden\nBesluit van 9\u{00A0}maart 2018"))
    #expect(doc.text.contains("\nArtikel 1\n"))
    #expect(doc.text.contains("Uitgegeven de zevenentwintigste maart 2018"))
    ReaderFixture.expectRangesValid(doc)
  }

  @Test func koopStaatscourant() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/koop/koop-stcrt.xml")
    #expect(doc.ownIds == ["stcrt-2015-47076"])
    #expect(doc.metadata.type == "staatscourant")
    #expect(doc.metadata.title == "Ter inzage: omgevingsvergunning")
    #expect(doc.text.contains("\n•Vennewatersweg 29, 1935 AS, Egmond-Binnen - bouw bedrijfswoning.\n"))
  }

  @Test(arguments: [
    ("Tests/Fixtures/koop/koop-opmeta1.xml", "metadata_gegevens"),
    ("Tests/Fixtures/koop/koop-opmeta2.xml", "owms-metadata"),
  ])
  func koopMetadataBothStyles(path: String, style: String) throws {
    let doc = try ReaderFixture.read(path)
    #expect(doc.format == .koopMetadata, "\(style)")
    #expect(doc.ownIds == ["gmb-2024-216934"])
    #expect(
      doc.metadata.title
        == "Kennisgeving melding incidentele festiviteit op grond van de Algemene Plaatselijke Verordening, Hogeweg 15 in Yerseke")
    #expect(doc.metadata.date == "2024-05-17")
    #expect(doc.metadata.type == "officiële publicatie" || doc.metadata.type == "evenementenvergunning")
    #expect(doc.metadata.sender == "Reimerswaal")
  }

  @Test func metadataStyle2VraagNummerSpelling() throws {
    let xml = """
      <owms-metadata xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheidop="http://standaarden.overheid.nl/oep/meta/">
      <owmskern><dcterms:identifier>ah-tk-20172018-100</dcterms:identifier></owmskern>
      <oep><overheidop:vraagNummer>2017Z06952</overheidop:vraagNummer><overheidop:indiener>J. de Vries</overheidop:indiener>
      <overheidop:ontvanger>minister van Financiën</overheidop:ontvanger></oep></owms-metadata>
      """
    let doc = try DocumentReader().read(bytes: Array(xml.utf8), path: "m.xml")
    let s = Set(doc.facts.map(\.statement))
    #expect(s.contains(.edge(source: "ah-tk-20172018-100", relation: .answers, target: "2017Z06952")))
    #expect(s.contains(.edge(source: "kv-tk-2017Z06952", relation: .askedBy, target: "persoon:de-vries")))
    #expect(s.contains(.edge(source: "kv-tk-2017Z06952", relation: .addressedTo, target: "ministerie:FIN")))
  }

  /// A Kamerstuk's indiener signs it (issue 18, point 8); a Kamervragen document's indiener asked.
  @Test func indienerOfAKamerstukSignsIt() throws {
    let motion = """
      <metadata_gegevens><metadata name="DC.identifier" content="kst-36278-32"/>
      <metadata name="OVERHEIDop.dossiernummer" content="36278"/><metadata name="OVERHEIDop.ondernummer" content="32"/>
      <metadata name="OVERHEIDop.indiener" content="M. Rikkers-Oosterkamp"/></metadata_gegevens>
      """
    let m = Set(try DocumentReader().read(bytes: Array(motion.utf8), path: "kst-36278-32.metadata.xml").facts.map(\.statement))
    #expect(m.contains(.edge(source: "kst-36278-32", relation: .signedBy, target: "persoon:rikkers-oosterkamp")), "\(m)")
    #expect(!m.contains { if case .edge(_, .askedBy, _) = $0 { true } else { false } })
    let questions = """
      <metadata_gegevens><metadata name="DC.identifier" content="kv-tk-2023Z03811"/>
      <metadata name="OVERHEIDop.indiener" content="H. Helder"/></metadata_gegevens>
      """
    let q = Set(try DocumentReader().read(bytes: Array(questions.utf8), path: "kv.metadata.xml").facts.map(\.statement))
    #expect(q.contains(.edge(source: "kv-tk-2023Z03811", relation: .askedBy, target: "persoon:helder")), "\(q)")
  }

  @Test func tkEntityWithoutFeedAndDeletedEntity() throws {
    let xml = """
      <?xml version="1.0"?>
      <root xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0">
        <document id="d1" tk:verwijderd="false">
          <kamerstukdossier ref="k1"/>
          <soort>Brief regering</soort><documentNummer>2025D00001</documentNummer><volgnummer>12</volgnummer>
          <datum>2025-02-03T00:00:00</datum>
        </document>
        <kamerstukdossier id="k1" tk:verwijderd="false"><nummer>36600</nummer><toevoeging>X</toevoeging>
          <titel>Begroting Defensie 2025</titel></kamerstukdossier>
        <document id="d2" tk:verwijderd="true"><documentNummer>2025D99999</documentNummer></document>
      </root>
      """
    let doc = try DocumentReader().read(bytes: Array(xml.utf8), path: "tk.xml")
    #expect(doc.format == .tkOpenData)
    let s = Set(doc.facts.map(\.statement))
    #expect(s.contains(.sameAs("2025D00001", "kst-36600-X-12")))
    #expect(s.contains(.edge(source: "kst-36600-X-12", relation: .partOfDossier, target: "dossier-36600-X")))
    #expect(s.contains(.attribute(id: "dossier-36600-X", name: "label", value: "Begroting Defensie 2025")))
    #expect(!doc.facts.contains { "\($0.statement)".contains("2025D99999") })
    #expect(doc.notes.contains { $0.contains("deleted") })
  }

  @Test(arguments: [("252600313", "ah-tk-20252026-313"), ("990000089", "ah-tk-19992000-89"), ("252700313", nil)])
  func aanhangselNumbers(raw: String, id: String?) {
    #expect(TKOpenDataReader.aanhangselID(raw) == id)
  }

  @Test func odt() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/ienw-brief.odt")
    #expect(doc.format == .odt)
    #expect(doc.ownIds == ["kenmerk:IENW_BSK-2025_130201"])
    #expect(doc.metadata.title == "Voortgang   programma")
    #expect(doc.metadata.date == "2025-03-04")
    #expect(doc.metadata.extra["creator"] == "Afdeling BSK")
    #expect(
      doc.text == """
        Ministerie van Infrastructuur en Waterstaat
        Ons kenmerk\tIENW/BSK-2025/130201
        Datum\t4 maart 2025
        Betreft\tVoortgang   programma

        Inleiding
        Zoals gemeld in de brief gaat het goed. Meer op rijksoverheid.nl.
        Kamerstuk 36 600 XII, nr. 4.
        """)
    let note = try #require(doc.footnotes.first)
    #expect(note.number == "1")
    #expect(ReaderFixture.slice(doc, note.body) == "Kamerstuk 36 600 XII, nr. 4.")
    #expect(ReaderFixture.slice(doc, note.sentence) == "Zoals gemeld in de brief gaat het goed.")
    #expect(doc.links.map(\.target) == ["https://www.rijksoverheid.nl"])
    #expect(ReaderFixture.slice(doc, doc.links[0].range) == "rijksoverheid.nl")
    ReaderFixture.expectRangesValid(doc)
  }

  @Test func html() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/officielebekendmakingen.html")
    #expect(doc.format == .html)
    #expect(doc.ownIds == ["ah-tk-20252026-313"])
    #expect(doc.metadata.title == "Vragen van het lid Van Houwelingen (FVD) over Palantir")
    #expect(doc.metadata.date == "2025-10-31")
    #expect(
      doc.text == """
        Aanhangsel van de Handelingen
        Antwoord van Minister Van Oosten. Zie ook Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 14.
        Tweede alinea met nadruk en een kamerstuk.
        """)
    #expect(!doc.text.contains("secret") && !doc.text.contains("hidden") && !doc.text.contains("color"))
    #expect(doc.links.map(\.target) == ["https://zoek.officielebekendmakingen.nl/ah-tk-20252026-14", "kst-36600-X-12.html"])
    #expect(ReaderFixture.slice(doc, doc.links[0].range) == "Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 14")
    #expect(ReaderFixture.slice(doc, doc.links[1].range) == "kamerstuk")
    ReaderFixture.expectRangesValid(doc)
  }

  @Test func docxBuiltInTestWithCorePropertiesEndnotesAndLinks() throws {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    let document = """
      <w:document \(w)><w:body><w:p><w:r><w:t>Ons kenmerk</w:t></w:r><w:r><w:tab/><w:t>WJZ/ 34681182</w:t></w:r></w:p>\
      <w:p><w:r><w:t xml:space="preserve">Zie de </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>brief</w:t></w:r></w:hyperlink>\
      <w:r><w:t>.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p></w:body></w:document>
      """
    let endnotes = """
      <w:endnotes \(w)><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>\
      <w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Stb. 2001, 580.</w:t></w:r></w:p></w:endnote></w:endnotes>
      """
    let rels = """
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" \
      Target="https://zoek.officielebekendmakingen.nl/kst-36600-X-12" TargetMode="External"/></Relationships>
      """
    let core = """
      <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">\
      <dc:title>Brief over de wet</dc:title><dc:creator>WJZ</dc:creator><dcterms:created>2025-06-01T09:00:00Z</dcterms:created>\
      </cp:coreProperties>
      """
    let bytes = try ReaderFixture.zip([
      ("[Content_Types].xml", "<Types/>"), ("word/document.xml", document), ("word/endnotes.xml", endnotes),
      ("word/_rels/document.xml.rels", rels), ("docProps/core.xml", core),
    ])
    let doc = try DocumentReader().read(bytes: bytes, path: "brief.docx")
    #expect(doc.format == .docx)
    #expect(doc.ownIds == ["kenmerk:WJZ_34681182"])
    #expect(doc.metadata.title == "Brief over de wet")
    #expect(doc.metadata.date == "2025-06-01")
    #expect(doc.metadata.extra["creator"] == "WJZ")
    #expect(doc.text == "Ons kenmerk\tWJZ/ 34681182\nZie de brief.\nStb. 2001, 580.")
    #expect(doc.footnotes.map(\.number) == ["1"])
    #expect(ReaderFixture.slice(doc, doc.footnotes[0].body) == "Stb. 2001, 580.")
    #expect(doc.footnotes[0].mark == ByteRange(39, 39))
    #expect(doc.links == [ExplicitLink(target: "https://zoek.officielebekendmakingen.nl/kst-36600-X-12", range: ByteRange(33, 38))])
    ReaderFixture.expectRangesValid(doc)
  }
}

@Suite("Readers: more KOOP shapes")
struct MoreKOOPTests {
  @Test func handelingenIdComesFromTheMetadataRecord() throws {
    let xml = """
      <officiele-publicatie><metadata><meta name="OVERHEIDop.externMetadataRecord" content="https://zoek.officielebekendmakingen.nl/h-tk-20122013-71-15/metadata.xml"/></metadata>
      <handelingen><agendapunt><nr>15</nr><spreekbeurt><tekst><al-groep><al>De heer <naam><achternaam>Omtzigt</achternaam></naam> (CDA):</al>
      <al>Voorzitter. Ik verwijs naar <extref doc="kst-33400-VII-12">de brief</extref>.</al></al-groep></tekst></spreekbeurt></agendapunt></handelingen>
      </officiele-publicatie>
      """
    let doc = try DocumentReader().read(bytes: Array(xml.utf8), path: "h.xml")
    #expect(doc.ownIds == ["h-tk-20122013-71-15"])
    #expect(doc.metadata.type == "handelingen")
    #expect(doc.text == "15\nDe heer Omtzigt (CDA):\nVoorzitter. Ik verwijs naar de brief.")
    #expect(doc.links.map { ReaderFixture.slice(doc, $0.range) } == ["de brief"])
  }

  @Test func questionsWithoutANumberAreKamervragen() throws {
    let xml = """
      <officiele-publicatie><kamervragen><kamervraagkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2024-2025</tekstregel></kamervraagkop>
      <kamervraagomschrijving type="vraag">Vragen van het lid X (<extref href="https://example.nl">link</extref>).</kamervraagomschrijving>
      <vraag><nr>1</nr><al>Klopt het?</al></vraag></kamervragen></officiele-publicatie>
      """
    let doc = try DocumentReader().read(bytes: Array(xml.utf8), path: "kv.xml")
    #expect(doc.ownIds.isEmpty)
    #expect(doc.metadata.type == "Kamervragen")
    #expect(doc.metadata.vergaderjaar == "2024-2025")
    #expect(doc.metadata.title == "Vragen van het lid X (link).")
    #expect(doc.text == "Vergaderjaar 2024-2025\nVragen van het lid X (link).\n1\nKlopt het?")
    #expect(doc.links.map { ReaderFixture.slice(doc, $0.range) } == ["link"])
  }

  @Test func unknownXMLIsSkippedNotFailed() {
    do {
      _ = try DocumentReader().read(bytes: Array("<kamerstuk><al>x</al></kamerstuk>".utf8), path: "ks.xml")
      Issue.record("no error")
    } catch {
      #expect(error.isSkip)
      #expect(error.description == "ks.xml: format not supported: xml (root element <kamerstuk>)")
    }
  }
}

@Suite("Readers: KOOP edge cases")
struct KOOPEdgeCaseTests {
  @Test(arguments: [
    "<officiele-publicatie><kamerstuk><al>tekst</al><al/><noot id=\"a\"><noot.nr>1</noot.nr><noot.al>n</noot.al></noot></kamerstuk></officiele-publicatie>",
    "<officiele-publicatie><kamerstuk><al>tekst<extref doc=\"x\"/></al>\n\n<tussenkop> </tussenkop><noot><noot.al>m</noot.al></noot></kamerstuk></officiele-publicatie>",
    "<officiele-publicatie><noot><noot.nr>1</noot.nr><noot.al><noot>genest</noot></noot.al></noot></officiele-publicatie>",
  ])
  func rangesStayInsideTheText(xml: String) throws {
    let doc = try DocumentReader().read(bytes: Array(xml.utf8), path: "edge.xml")
    #expect(!doc.footnotes.isEmpty)
    ReaderFixture.expectRangesValid(doc)
  }
}
