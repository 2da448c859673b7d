import Testing

@testable import KamerGraph
import KamerGraphHarness

@Suite struct ExtractorTests {
  /// Text that looks numeric or official but is no reference.
  @Test(arguments: [
    "Postbus 20701", "2500 ES Den Haag", "telefoon 070 318 81 88", "tel. 070-3188188", "mobiel 06-12345678",
    "in 2024 en 2025", "zie pagina 12", "blz. 19", "een bedrag van € 2.500.000", "EUR 12.345,67",
    "de Hoge Raad van 30 november 1977, nr. 18 586, BNB 1978/7", "artikel 12, tweede lid", "Bijlage 3",
    "de politiek en het politieke debat", "het Kamerlid vroeg het", "de minister zei dat", "Plein 4, MPC 58 B",
    "www.defensie.nl", "in de periode 2024-2025", "nummer 25 van de lijst", "de kst-lijst", "TK-leden",
    "\"Dat klopt\", zei hij", "de leden van de commissie", "ECLI is een standaard",
  ])
  func decoysGiveNoReference(text: String) {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.filter { $0.kind.isDocument && !$0.ids.isEmpty }.isEmpty, "\(text): \(ms.map(\.ids))")
    #expect(ms.filter { $0.kind == .persoon || $0.kind == .ministerie || $0.kind == .programma }.isEmpty)
  }

  /// Vergaderjaren with two-digit years ("08/09", "99/00") after Kamerstukken, Handelingen and
  /// Aanhangsel: the whole citation is one mention with its kamer and vergaderjaar.
  @Test(arguments: [
    ("Kamerstukken II 08/09, 25 554, nr. 196, pag. 12", ["kst-25554-196"], "2008-2009"),
    ("Kamerstukken Tweede Kamer 00/01, 21 501-08, nr. 66, p. 5", ["kst-21501-08-66"], "2000-2001"),
    ("Kamerstukken 2 09/10, 36692, nrs. 29-31", ["kst-36692-29", "kst-36692-30", "kst-36692-31"], "2009-2010"),
    ("Kamerstukken II 99/00, 36.695 X, nr. 260", ["kst-36695-X-260"], "1999-2000"),
    ("Handelingen II 08-09, nr. 71, item 15", ["h-tk-20082009-71-15"], "2008-2009"),
    ("Aanhangsel Handelingen II 15/16, nr. 951", ["ah-tk-20152016-951"], "2015-2016"),
  ])
  func twoDigitVergaderjaren(text: String, ids: [String], vergaderjaar: String) {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.count == 1, "\(ms.map(\.text))")
    #expect(ms.first?.start == 0)
    #expect(ms.first?.ids == ids)
    #expect(ms.first?.fields[MentionField.vergaderjaar] == vergaderjaar)
  }

  /// Short year pairs that are not consecutive, or stand alone, are no vergaderjaar.
  @Test(arguments: ["Kamerstukken II 08/10, 25 554, nr. 196", "op 08/09 vergaderde de commissie", "Handelingen II 12-14"])
  func shortYearsThatAreNoVergaderjaar(text: String) {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(!ms.contains { $0.fields[MentionField.vergaderjaar] != nil }, "\(ms.map(\.text))")
  }

  /// Reference-like text without an id is reported as unresolved, with a reason.
  @Test(arguments: [
    ("Kamerstukken II 1992/1993, 22", ReferenceKind.kamerstuk),
    ("(Stb. 186)", .staatsblad),
    ("Handelingen II, 1988/89, blz. 39-2410 en 2435", .handelingen),
    ("ECLI:NL:HR:2011:", .ecli),
    ("ECLI:EU:C:1984:ab3254", .ecli),
  ])
  func unresolvedWithReason(text: String, kind: ReferenceKind) {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.count == 1)
    #expect(ms.first?.kind == kind)
    #expect(ms.first?.status == .unresolved)
    #expect(ms.first?.ids == [])
    #expect(ms.first?.reason?.isEmpty == false)
  }

  /// Ids inside URLs of officielebekendmakingen.nl, wetten.overheid.nl and tweedekamer.nl.
  @Test(arguments: [
    ("https://zoek.officielebekendmakingen.nl/kst-36600-X-12.html", ["kst-36600-X-12"]),
    ("https://zoek.officielebekendmakingen.nl/ah-tk-20242025-2790.html", ["ah-tk-20242025-2790"]),
    ("https://zoek.officielebekendmakingen.nl/stcrt-2024-12052/metadata.xml", ["stcrt-2024-12052"]),
    (
      "https://repository.officiele-overheidspublicaties.nl/officielepublicaties/blg-929493/blg-929493.pdf",
      [
        "blg-929493", "blg-929493",
      ]
    ),
    ("https://wetten.overheid.nl/BWBR0005252/2016-10-01", ["BWBR0005252"]),
    (
      "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?did=2025D03999&id=2024Z21925",
      [
        "2025D03999", "2024Z21925",
      ]
    ),
    ("https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:RBDHA:2016:4235.", ["ECLI:NL:RBDHA:2016:4235"]),
  ])
  func idsInURLs(text: String, ids: [String]) {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.flatMap(\.ids) == ids)
  }

  @Test func uwKenmerkIsAReplyTo() {
    let text = "Uw kenmerk\n2025Z12345\nOns kenmerk\nBS2024012345"
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.map(\.ids) == [["2025Z12345"], ["kenmerk:BS2024012345"]])
    #expect(ms.map { $0.fields[MentionField.role] ?? "-" } == [MentionRole.replyTo, MentionRole.own])
    #expect(ms.map { $0.fields[MentionField.label] ?? "-" } == ["Uw kenmerk", "Ons kenmerk"])
  }

  @Test func kenmerkAfterPlainLabelHasNoRole() {
    let text = "de regeling met kenmerk 5178141 van 1 maart 2024"
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.first?.ids == ["kenmerk:5178141"])
    #expect(ms.first?.fields[MentionField.role] == nil)
    #expect(ms.last?.fields[MentionField.iso] == "2024-03-01")
  }

  @Test func fieldsOfAKamerstuk() {
    let text = "Kamerstukken I 2003/04, 27 484 (R 1669), nr. 289, p. 5"
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let m = ms.first
    #expect(m?.ids == ["kst-27484-289"])
    #expect(m?.fields[MentionField.vergaderjaar] == "2003-2004")
    #expect(m?.fields["kamer"] == "I")
    #expect(m?.fields["rijkswet"] == "R1669")
    #expect(m?.fields[MentionField.page] == "5")
    #expect(m?.text == "Kamerstukken I 2003/04, 27 484 (R 1669), nr. 289, p. 5")
  }

  @Test func spansCountBytesAfterMultiByteCharacters() {
    let text = "Één “citaat” — zie Kamerstuk 32802, nr. 137\nen ECLI:NL:HR:2005:AR5213 (ë)."
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.map(\.ids) == [["kst-32802-137"], ["ECLI:NL:HR:2005:AR5213"]])
    #expect(ms.last?.line == 2)
    #expect(ms.last?.column == 4)
  }

  @Test func answerByAMinistryWithoutAName() {
    let text = "Antwoord van de minister van Defensie (ontvangen 1 september 2025)."
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.map(\.ids) == [["ministerie:DEF"], []])
    #expect(ms.first?.fields[MentionField.role] == MentionRole.answerer)
    #expect(ms.last?.fields[MentionField.dateRole] == "ontvangen")
  }

  /// Dates that date their document (issue 23: a date anywhere should reach the node): one broken
  /// over two lines by PDF text, and the place-and-date line of a letter or list.
  @Test(arguments: [
    ("Antwoord van Minister Bruins Slot (ontvangen 3 juni\n2024).", "3 juni\n2024", "2024-06-03", "ontvangen"),
    ("Den Haag, 27 maart 2015\n\nVoortouwcommissie:", "27 maart 2015", "2015-03-27", "datum"),
    ("\u{2019}s-Gravenhage, 12 maart 2019", "12 maart 2019", "2019-03-12", "datum"),
    ("NRC, 16 april 2024, «Reisorganisatie»", "16 april 2024", "2024-04-16", nil),
  ] as [(String, String, String, String?)])
  func datesThatDateTheirDocument(text: String, quoted: String, iso: String, role: String?) {
    let ms = Extractor().mentions(in: text).filter { $0.kind == .date }
    checkSpans(text, ms)
    #expect(ms.map(\.text) == [quoted])
    #expect(ms.first?.fields[MentionField.iso] == iso)
    #expect(ms.first?.fields[MentionField.dateRole] == role)
  }

  @Test func aByteOrderMarkDoesNotHideTheFirstWord() {
    let text = "\u{FEFF}Kamerstuk 32802, nr. 137"
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(ms.map(\.ids) == [["kst-32802-137"]])
    #expect(ms.first?.start == 3)
  }

  @Test func outputIsDeterministicAndEmptyTextGivesNothing() throws {
    let text = try Repo.read("corpus/palantir/defensie-antwoord-2025Z14549.txt")
    #expect(Extractor().mentions(in: text) == Extractor().mentions(in: text))
    #expect(Extractor().mentions(in: "").isEmpty)
    #expect(Extractor().mentions(in: "K").isEmpty)
  }

  /// Long runs of anchor-like text, one after another: every mention depends only on the text
  /// near it (`FuzzHarness.localityProblems`), so the cost stays linear; timed by `kamergraph-bench pathological`.
  @Test func pathologicalInputStaysLocal() {
    let text =
      String(repeating: "Kamerstukken II 2024/25, 36 600 X, nrs. 1 en ", count: 2000)
      + String(repeating: "ECLI:NL:HR:", count: 5000) + String(repeating: "1 2 3 4 ", count: 20000)
    let prefix = String(text.utf8.prefix(text.utf8.count / 2))!
    #expect(FuzzHarness.localityProblems(prefix: prefix, longer: text) == [])
  }
}

@Suite struct SkippedCasesTests {
  /// skipped.tsv holds inputs whose expectation has no confident id. The extractor must still keep
  /// the span contract on them, give no id of the wrong shape, and report LJN numbers and
  /// citations without a number as unresolved (with a reason) rather than dropping them.
  @Test func skippedInputs() throws {
    let tsv = try Repo.read("Tests/Fixtures/citations/skipped.tsv")
    var ljn = 0
    var ljnRows = 0
    for line in tsv.split(separator: "\n").dropFirst() {
      let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard cols.count >= 3, !cols[1].isEmpty else { continue }
      let text = CitationCasesTests.unescape(cols[1])
      let ms = Extractor().mentions(in: text)
      checkSpans(text, ms)
      if cols[2].hasPrefix("LJN") {
        ljnRows += 1
        if ms.contains(where: { $0.kind == .ecli && $0.status == .unresolved && $0.fields["ljn"] != nil }) { ljn += 1 }
      }
      for m in ms where m.status == .unresolved { #expect(m.ids.isEmpty && m.reason != nil) }
    }
    print("skipped.tsv: \(ljn)/\(ljnRows) LJN rows reported as unresolved ECLI mentions")
    // All but the bare "asdf BB7360 asdf": two letters and four digits without an LJN label are not taken.
    #expect(ljn == ljnRows - 1)
  }
}

@Suite struct PersonIDTests {
  /// The extractor's fast ASCII path gives the ids of `PersonName.id(surname:)`.
  @Test(arguments: ["Van Houwelingen", "Six Dijkstra", "P. van Houwelingen", "Van der Lee", "'t Hooft", "Omtzigt"])
  func memberIDsMatchPersonName(name: String) {
    let text = "Vragen van het lid \(name) (VVD)"
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let surname = name.hasPrefix("P. ") ? String(name.dropFirst(3)) : name
    #expect(ms.first { $0.kind == .persoon }?.ids == [PersonName.id(surname: surname)])
  }
}
