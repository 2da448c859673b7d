import Foundation
import Testing

@testable import KamerGraph

/// Inputs as they come: Rechtspraak open data, site pages with menus, Markdown, text stored
/// double-encoded, and the README of a corpus folder.
@Suite("Readers: inputs as they come")
struct InputFormatTests {
  /// `text` as UTF-8, read as Latin-1 and encoded as UTF-8 again (how the stored Handelingen look).
  static func doubleEncoded(_ text: String) -> [UInt8] {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.utf8.map { Unicode.Scalar($0) })
    return Array(String(scalars).utf8)
  }

  @Test func doubleEncodedHandelingenAreRepaired() throws {
    let original = """
      \u{FEFF}
      <?xml version="1.0" encoding="utf-8"?>
      <officiele-publicatie><metadata><meta name="DC.identifier" content="h-tk-20172018-70-14"/></metadata>
      <handelingen><al>Reactie op de motie van het lid Snels over de informatiepositie – Financiën, Koolmees</al></handelingen>
      </officiele-publicatie>
      """
    let stored = Self.doubleEncoded(original)
    #expect(String(decoding: stored, as: UTF8.self).hasPrefix("ï»¿\n<?xml"))
    let doc = try DocumentReader().read(bytes: stored, path: "h-tk-20172018-70-14.xml")
    #expect(doc.format == .koopXML)
    #expect(doc.text.contains("informatiepositie – Financiën, Koolmees"))
    #expect(doc.notes.contains { $0.contains("double-encoded") })
    #expect(doc.notes.contains { $0.contains("XML declaration") })
  }

  @Test func correctlyStoredTextIsNeverRepaired() {
    // Accented letters, a euro sign and curly quotes stored correctly: the repair must not fire.
    for text in ["Financiën en Justitie – € 12 ’s-Gravenhage", "café", "De tekst „Ã«” is een voorbeeld van é-fouten"] {
      #expect(DoubleEncoding.repair(Array(text.utf8)) == nil, "\(text)")
    }
    // Plain ASCII has nothing to repair.
    #expect(DoubleEncoding.repair(Array("Kamerstuk 36 600 X, nr. 12".utf8)) == nil)
  }

  @Test func windows1252DoubleEncodingIsRepaired() throws {
    // "’" (E2 80 99) read as Windows-1252 gives "â€™".
    let stored = Array("Zie de brief van 3 maart, met de minister’s reactie, Financiën".utf8)
      .map { b -> String in
        if b < 0x80 { return String(UnicodeScalar(b)) }
        let cp1252: [UInt8: UInt32] = [0x80: 0x20AC, 0x99: 0x2122]
        return String(Unicode.Scalar(cp1252[b] ?? UInt32(b))!)
      }.joined()
    let repaired = try #require(DoubleEncoding.repair(Array(stored.utf8)))
    #expect(String(decoding: repaired.bytes, as: UTF8.self) == "Zie de brief van 3 maart, met de minister’s reactie, Financiën")
  }

  @Test func spaceBeforeTheXMLDeclarationIsRemoved() throws {
    let bytes = Array("\n\n<?xml version=\"1.0\"?><officiele-publicatie><al>Tekst</al></officiele-publicatie>".utf8)
    let doc = try DocumentReader().read(bytes: bytes, path: "x.xml")
    #expect(doc.format == .koopXML)
    #expect(doc.notes.contains { $0.contains("XML declaration") })
    // Text that does not start an XML declaration is left as it is.
    #expect(XMLDeclarationSpace.trim(Array("\n\nGewoon tekst <?xml".utf8)) == nil)
  }

  @Test func rechtspraakRuling() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/ECLI.NL.HR.1995.AA3097.xml")
    #expect(doc.format == .rechtspraak)
    #expect(doc.ownIds == ["ECLI:NL:HR:1995:AA3097"])
    #expect(doc.metadata.date == "1995-02-15")
    #expect(doc.metadata.type == "uitspraak")
    #expect(doc.metadata.sender == "Hoge Raad")
    #expect(doc.metadata.title == "ECLI:NL:HR:1995:AA3097 Hoge Raad , 15-02-1995 / 29025")
    #expect(doc.text.hasPrefix("ECLI:NL:HR:1995:AA3097\n"))
    #expect(doc.text.contains("\nFormele relatie: Conclusie: ECLI:NL:PHR:1995:AA3097\n"))
    #expect(doc.text.contains("\nVindplaatsen: Rechtspraak.nl; BNB 1995/149 met annotatie door J. Brunt;"))
    #expect(doc.text.contains("\n1. Beschikking en geding voor het Hof 1.1. Belanghebbende heeft"))
    #expect(
      doc.facts.contains(
        Fact(.edge(source: "ECLI:NL:HR:1995:AA3097", relation: .cites, target: "ECLI:NL:PHR:1995:AA3097"),
          evidence: "dcterms:relation Conclusie: ECLI:NL:PHR:1995:AA3097")))
    // The references in the head and in the ruling are mentions with exact spans like any text's.
    let mentions = Extractor().mentions(in: doc)
    let ids = Set(mentions.flatMap(\.ids))
    #expect(ids.contains("ECLI:NL:PHR:1995:AA3097"))
    #expect(ids.contains("kst-19752-7"))
    let utf8 = Array(doc.text.utf8)
    for m in mentions { #expect(String(decoding: utf8[m.start..<m.end], as: UTF8.self) == m.text) }
  }

  @Test func rechtspraakWithoutECLIIsRefused() {
    let bytes = Array(
      """
      <?xml version="1.0"?><open-rechtspraak><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns:dcterms="http://purl.org/dc/terms/"><rdf:Description><dcterms:identifier>onbekend</dcterms:identifier>
      </rdf:Description></rdf:RDF></open-rechtspraak>
      """.utf8)
    #expect(throws: DocumentError.self) { try DocumentReader().read(bytes: bytes, path: "uitspraak.xml") }
    do {
      _ = try DocumentReader().read(bytes: bytes, path: "uitspraak.xml")
    } catch {
      #expect(error.reason.contains("without an ECLI"))
      #expect(error.path == "uitspraak.xml")
    }
  }

  @Test func ecliAndBWBFromRechtspraakIdentifiers() {
    #expect(RechtspraakReader.canonicalECLI("http://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:HR:1995:AA3097") == "ECLI:NL:HR:1995:AA3097")
    #expect(RechtspraakReader.canonicalECLI("ECLI:NL:HR:95:AA3097") == nil)
    #expect(RechtspraakReader.canonicalECLI("Zaaknr 29025") == nil)
    #expect(RechtspraakReader.bwbID("1.0:v:BWB:BWBR0002320&artikel=16") == "BWBR0002320")
    #expect(RechtspraakReader.bwbID("1.0:v:BWB:BWBR00023") == nil)
  }

  /// tweedekamer.nl's header list dates the page ("Publicatiedatum 10 februari 2015").
  @Test func publicationDateOfATweedeKamerPage() throws {
    let html = "<html><body><dl><dt>Nummer</dt><dd>33308-13</dd><dt>Publicatiedatum</dt><dd>10 februari 2015</dd></dl>"
      + "<p>Motie van het lid Helder.</p></body></html>"
    let doc = try HTMLReader.read(bytes: Array(html.utf8), path: "motie.html")
    #expect(doc.ownIds == ["kst-33308-13"])
    #expect(doc.metadata.date == "2015-02-10")
  }

  @Test func siteMenusAreNotContent() throws {
    let doc = try ReaderFixture.read("Tests/Fixtures/documents/tweedekamer-motie.html")
    for chrome in ["Direct naar", "Kamerleden", "Omgevingswet", "Grondwet", "Woordvoerderschappen", "Deel dit via", "Colofon", "Sluiten", "Home"] {
      #expect(!doc.text.contains(chrome), "\(chrome)")
    }
    #expect(doc.text.hasPrefix("Motie\nNummer\n33308-13\nIndiener\nLilian Helder, Kamerlid PVV\n"))
    #expect(doc.text.contains("Motie van het lid Helder over bewerkstelligen"))
    #expect(doc.ownIds == ["kst-33308-13"])
    let edges = doc.facts.compactMap { f -> String? in
      if case .edge(let s, let r, let t) = f.statement { return "\(s) \(r.rawValue) \(t)" }
      return nil
    }
    #expect(edges == ["kst-33308-13 signed-by persoon:helder", "persoon:helder member-of fractie:PVV"])
    #expect(Extractor().mentions(in: doc).allSatisfy { $0.kind != .bwb || !$0.text.contains("Omgevingswet") })
  }

  @Test func tweedeKamerNumberNotation() {
    #expect(HTMLReader.tweedeKamerNumber("33308-13") == "kst-33308-13")
    #expect(HTMLReader.tweedeKamerNumber("21501-02-1855") == "kst-21501-02-1855")
    #expect(HTMLReader.tweedeKamerNumber("36600-X-12") == "kst-36600-X-12")
    // Decoys: a date range, a phone number, a postcode, a year span.
    for decoy in ["2017-2018", "070-3182211", "2511-CV", "12-02-2015", "1795-1848"] {
      #expect(HTMLReader.tweedeKamerNumber(decoy) == nil, "\(decoy)")
    }
  }

  @Test func markdownIsText() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-md-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let md = dir.appendingPathComponent("antwoord.md")
    try "# Antwoord\n\nZie **Kamerstuk 36 410, nr. 74**.\n".write(to: md, atomically: true, encoding: .utf8)
    let doc = try DocumentReader().read(path: md.path)
    #expect(doc.format == .plainText)
    #expect(Extractor().mentions(in: doc).flatMap(\.ids).contains("kst-36410-74"))
    // Data files are still not documents.
    let csv = dir.appendingPathComponent("data.csv")
    try "a,b\n1,2\n".write(to: csv, atomically: true, encoding: .utf8)
    #expect(throws: DocumentError.self) { try DocumentReader().read(path: csv.path) }
  }

  @Test func aFoldersReadmeIsNotADocument() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-readme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Zie Kamerstuk 36 410, nr. 74.\n".write(to: dir.appendingPathComponent("brief.txt"), atomically: true, encoding: .utf8)
    try "# Bronnen\nKamerstuk 36 410, nr. 31\n".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    // The same in a folder and named: skipped with the reason, whatever the order of the inputs.
    for paths in [[dir.path], [dir.appendingPathComponent("README.md").path, dir.appendingPathComponent("brief.txt").path]] {
      let (documents, report) = CorpusLoader().load(paths: paths)
      #expect(documents.map { ($0.path as NSString).lastPathComponent } == ["brief.txt"])
      let readme = try #require(report.files.first { $0.path.hasSuffix("README.md") })
      #expect(readme.status == .skipped)
      #expect(readme.reason?.contains("README.md describes its folder") == true)
    }
    // A Markdown document with another name is read.
    #expect(FormatSniffer.folderNote("export/whole_doc.md") == nil)
    #expect(FormatSniffer.folderNote("corpus/LICENSE") != nil)
  }
}
