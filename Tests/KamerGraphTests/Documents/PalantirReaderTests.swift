import Foundation
import Testing

@testable import KamerGraph

@Suite("Readers: the Palantir corpus")
struct PalantirReaderTests {
  @Test func defenceLetterAsText() throws {
    let doc = try ReaderFixture.read("corpus/palantir/defensie-antwoord-2025Z14549.txt")
    #expect(doc.format == .plainText)
    #expect(doc.ownIds == ["kenmerk:MINDEF20250032172"])
    #expect(doc.metadata.title == "Beantwoording vragen gebruik software Palantir")
    #expect(doc.metadata.date == nil)
    #expect(doc.text == (try Repo.read("corpus/palantir/defensie-antwoord-2025Z14549.txt")))
    #expect(doc.footnotes.count == 1)
    let note = try #require(doc.footnotes.first)
    #expect(note.number == "2")
    #expect(ReaderFixture.slice(doc, note.mark) == "[footnoteRef:2]")
    #expect(ReaderFixture.slice(doc, note.body) == "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.")
    #expect(
      ReaderFixture.slice(doc, note.sentence)
        == "Verder verwijs ik u graag naar de beantwoording van schriftelijke Kamervragen door de minister van "
        + "Justitie en Veiligheid[footnoteRef:2].")
    ReaderFixture.expectRangesValid(doc)
  }

  @Test func defenceLetterAsDocxAgreesWithText() throws {
    let txt = try ReaderFixture.read("corpus/palantir/defensie-antwoord-2025Z14549.txt")
    let docx = try ReaderFixture.read("corpus/palantir/defensie-antwoord-2025Z14549.docx")
    #expect(docx.format == .docx)
    #expect(docx.ownIds == txt.ownIds)
    #expect(docx.metadata.title == txt.metadata.title)
    #expect(docx.footnotes.count == 1)
    let note = try #require(docx.footnotes.first)
    #expect(ReaderFixture.slice(docx, note.body) == "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.")
    #expect(note.mark.isEmpty)
    #expect(
      ReaderFixture.slice(docx, note.sentence)
        == "Verder verwijs ik u graag naar de beantwoording van schriftelijke Kamervragen door de minister van "
        + "Justitie en Veiligheid.")
    // The body text equals the .txt without the export's footnote markers (README of the corpus).
    var stripped = txt.text.replacingOccurrences(of: "[footnoteRef:2]", with: "")
    stripped = stripped.replacingOccurrences(of: "[2:  Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.] ", with: "")
    #expect(docx.text == stripped + "\nAanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.")
    #expect(docx.text.contains("MINDEF20250032172"))
    #expect(docx.text.contains("kenmerk 2025Z14549."))
    ReaderFixture.expectRangesValid(docx)
  }

  @Test func koopAnswerXML() throws {
    let doc = try ReaderFixture.read("corpus/palantir/ah-tk-20252026-313.xml")
    #expect(doc.format == .koopXML)
    #expect(doc.ownIds == ["ah-tk-20252026-313"])
    #expect(doc.metadata.vergaderjaar == "2025-2026")
    #expect(doc.metadata.number == "313")
    #expect(doc.metadata.date == "2025-10-31")
    #expect(doc.metadata.type == "Aanhangsel van de Handelingen")
    #expect(
      doc.metadata.title
        == "Vragen van het lid Van Houwelingen (FVD) aan de Minister van Justitie en Veiligheid over Palantir "
        + "(ingezonden 27 augustus 2025).")
    let lines = doc.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Vergaderjaar 2025–2026")
    #expect(lines[1] == "313")
    #expect(lines.contains("Vraag 1"))
    #expect(lines.contains("Ja. De NCTV maakt geen gebruik van software van Palantir en heeft daar ook geen toegang toe."))
    #expect(lines.suffix(2) == ["Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790", "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790"])
    #expect(doc.footnotes.map(\.number) == ["1", "2"])
    let first = doc.footnotes[0]
    #expect(first.mark.isEmpty)
    #expect(ReaderFixture.slice(doc, ByteRange(first.sentence.start, first.mark.start)).hasSuffix("over Palantir"))
    #expect(ReaderFixture.slice(doc, first.sentence).hasPrefix("In de beantwoording van eerdere schriftelijke vragen over Palantir staat dat"))
    #expect(ReaderFixture.slice(doc, first.sentence).hasSuffix("gedaan."))
    #expect(ReaderFixture.slice(doc, doc.footnotes[1].body) == "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790")
    #expect(!doc.text.contains("\r"))
    ReaderFixture.expectRangesValid(doc)
  }

  @Test func koopMetadataAlone() throws {
    let doc = try ReaderFixture.read("corpus/palantir/ah-tk-20252026-313.metadata.xml")
    #expect(doc.format == .koopMetadata)
    #expect(doc.ownIds == ["ah-tk-20252026-313"])
    #expect(doc.metadata.date == "2025-10-31")
    #expect(doc.metadata.vergaderjaar == "2025-2026")
    #expect(doc.metadata.type == "Aanhangsel van de Handelingen")
    let statements = Set(doc.facts.map(\.statement))
    let expected: [Fact.Statement] = [
      .edge(source: "ah-tk-20252026-313", relation: .answers, target: "2025Z15452"),
      .edge(source: "kv-tk-2025Z15452", relation: .askedBy, target: "persoon:van-houwelingen"),
      .attribute(id: "persoon:van-houwelingen", name: "label", value: "P. van Houwelingen"),
      .edge(source: "kv-tk-2025Z15452", relation: .addressedTo, target: "persoon:van-oosten"),
      .attribute(id: "kv-tk-2025Z15452", name: "date", value: "2025-08-27"),
    ]
    for s in expected { #expect(statements.contains(s), "\(s)") }
    #expect(doc.facts.first { $0.statement == expected[0] }?.evidence == "OVERHEIDop.vraagnummer")
  }

  @Test func syncFeed() throws {
    let doc = try ReaderFixture.read("corpus/palantir/tk-syncfeed-2025Z15452.xml")
    #expect(doc.format == .tkOpenData)
    #expect(doc.text.isEmpty)
    let statements = Set(doc.facts.map(\.statement))
    let expected: [Fact.Statement] = [
      .sameAs("2025D45253", "ah-tk-20252026-313"),
      .edge(source: "ah-tk-20252026-313", relation: .answers, target: "2025Z15452"),
      .edge(source: "kv-tk-2025Z15452", relation: .askedBy, target: "persoon:van-houwelingen"),
      .edge(source: "persoon:van-houwelingen", relation: .memberOf, target: "fractie:FVD"),
      .edge(source: "kv-tk-2025Z15452", relation: .addressedTo, target: "persoon:van-oosten"),
      .edge(source: "kv-tk-2025Z15452", relation: .addressedTo, target: "ministerie:JENV"),
      .attribute(id: "persoon:van-houwelingen", name: "label", value: "Pepijn van Houwelingen"),
      .attribute(id: "fractie:FVD", name: "label", value: "Forum voor Democratie"),
      .attribute(id: "2025Z15452", name: "date", value: "2025-08-27"),
      .attribute(id: "ah-tk-20252026-313", name: "date", value: "2025-10-31"),
    ]
    for s in expected { #expect(statements.contains(s), "\(s)") }
    #expect(doc.facts.first { $0.statement == expected[0] }?.evidence == "DocumentVersie externeidentifier")
  }

  @Test func corpusFolderLoadsAndMerges() throws {
    let (documents, report) = CorpusLoader().load(paths: [Repo.path("corpus/palantir")])
    let names = documents.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    #expect(
      names == [
        "ah-tk-20252026-313.xml", "defensie-antwoord-2025Z14549.docx", "defensie-antwoord-2025Z14549.txt",
        "tk-syncfeed-2025Z15452.xml",
      ])
    #expect(report.readCount == 4)
    #expect(report.failedCount == 0)
    // Every file is accounted for: README.md is skipped (it describes the folder).
    #expect(report.files.count == 6)
    #expect(report.skippedCount == 2)
    #expect(report.files.first { $0.path.hasSuffix("README.md") }?.reason?.contains("describes its folder; it is not a document") == true)
    let merged = try #require(documents.first)
    #expect(merged.ownIds == ["ah-tk-20252026-313"])
    #expect(merged.facts.contains { $0.statement == .edge(source: "ah-tk-20252026-313", relation: .answers, target: "2025Z15452") })
    let metaOutcome = try #require(report.files.first { $0.path.hasSuffix(".metadata.xml") })
    #expect(metaOutcome.status == .skipped)
    #expect(metaOutcome.reason?.contains("merged into") == true)
  }
}
