import Testing

@testable import KamerGraph

/// The document's own printed id (KOOP footer, page header, "AH 604" header, zaak heading) and
/// the citation forms of real texts, each with its real wording and a decoy.
@Suite struct OwnIdentityTests {
  private func own(_ text: String) -> [String] {
    Extractor().mentions(in: text).filter { $0.fields[MentionField.role] == MentionRole.own }.flatMap(\.ids)
  }

  private func ids(_ text: String) -> [String] {
    Extractor().mentions(in: text).filter { $0.kind.isDocument && $0.kind != .bwb }.flatMap(\.ids)
  }

  @Test func koopFooterIsTheOwnID() {
    let answer = "aanvullende financiële bijdrage voor Jemen overwogen.\n\n1\n\nah-tk-20232024-2129\nISSN 0921 - 7398\n’s-Gravenhage 2024\n"
    #expect(own(answer) == ["ah-tk-20232024-2129"])
    let questions = "(ingezonden 19 november 2024)\n    \nkv-tk-2024Z18775\n’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2024–2025, Vragen\n"
    #expect(own(questions) == ["kv-tk-2024Z18775"])
    let kamerstuk = "Hoogachtend,\nkst-21501-02-3121\nISSN 0921 - 7371\n's-Gravenhage 2025\n"
    #expect(own(kamerstuk) == ["kst-21501-02-3121"])
  }

  @Test func koopIDInASentenceIsACitation() {
    let text = "Zie ook ah-tk-20232024-2129 voor het antwoord.\nISSN 0921 - 7398\n"
    #expect(own(text).isEmpty)
    #expect(ids(text) == ["ah-tk-20232024-2129"])
    // Alone on a line in a list of sources, without the ISSN or place line under it.
    #expect(own("Bronnen:\nah-tk-20232024-2129\nkst-36600-X-12\n").isEmpty)
  }

  @Test func answerHeaderWithItsVergaderjaar() {
    let text =
      "AH 604\n2024Z18294\nAntwoord van minister Van Weel (Justitie en Veiligheid) (ontvangen 20 november 2024)\n\nVraag 1\n"
    let ms = Extractor().mentions(in: text)
    #expect(own(text) == ["ah-tk-20242025-604"])
    // The zaak under it is the questions this document answers.
    #expect(ms.first { $0.ids == ["2024Z18294"] }?.fields[MentionField.role] == MentionRole.answers)
    // Before the third Tuesday of September the vergaderjaar is still the old one.
    #expect(own("AH 615\n2024Z17538\nMededeling van staatssecretaris X (ontvangen 12 september 2024)\n") == [
      "ah-tk-20232024-615"
    ])
    #expect(own("AH 615\nMededeling (ontvangen 18 september 2024)\n") == ["ah-tk-20242025-615"])
    // Decoys: "AH" in running text, and a header without any date (no id, an unresolved entry).
    #expect(own("Bij de AH 604 kassa's stond een rij.\n").isEmpty)
    let undated = Extractor().mentions(in: "AH 604\nAntwoord op vraag 1\n")
    #expect(undated.contains { $0.kind == .aanhangsel && $0.status == .unresolved })
    #expect(own("AH 604\nAntwoord op vraag 1\n").isEmpty)
  }

  @Test func vergaderjaarStartsOnTheThirdTuesdayOfSeptember() {
    #expect(Scan.vergaderjaar(ofISODate: "2024-09-16") == "2023-2024")
    #expect(Scan.vergaderjaar(ofISODate: "2024-09-17") == "2024-2025")
    #expect(Scan.vergaderjaar(ofISODate: "2023-09-19") == "2023-2024")
    #expect(Scan.vergaderjaar(ofISODate: "2023-09-18") == "2022-2023")
    #expect(Scan.vergaderjaar(ofISODate: "2025-01-10") == "2024-2025")
  }

  @Test func zaakHeadingOfAQuestionsDocumentIsItsOwnID() {
    let questions =
      "2024Z18891\n\n(ingezonden 20 november 2024)\n\nVragen van het lid Tseggai (GroenLinks-PvdA) aan de minister van Justitie en Veiligheid over vergunningverlening aan escortbureaus\n\n1\nBent u bekend met het bericht? Kunt u deze vragen één voor één beantwoorden?\n"
    #expect(own(questions) == ["2024Z18891"])
    #expect(own("Kamervragen 2023Z03811\n\nVragen van het lid X aan de minister\n") == ["kv-tk-2023Z03811"])
    // In an answer the zaak at the top is the questions it answers.
    let answer = "2024Z17331\nAntwoord van minister Faber (Asiel en Migratie) (ontvangen 20 november 2024)\n"
    #expect(own(answer).isEmpty)
    #expect(Extractor().mentions(in: answer).first?.fields[MentionField.role] == MentionRole.answers)
    // A zaak in the body, on its own line, is no heading.
    let body = String(repeating: "Een regel lopende tekst over het onderwerp van de vragen.\n", count: 20) + "2024Z18891\n"
    #expect(own(body).isEmpty)
  }

  @Test func repeatedPageHeaderIsTheOwnID() {
    let page = String(repeating: "Tekst van het antwoord op de vragen van het lid. ", count: 40)
    let header = "Aanhangsel Handelingen II 2023/24, nr. 1314"
    let text = header + "\n" + page + "\n" + header + "\n" + page + "\n"
    #expect(own(text) == ["ah-tk-20232024-1314", "ah-tk-20232024-1314"])
    // Two footnotes citing one answer on consecutive lines are citations.
    let notes = "1\n" + header + "\n" + header + "\n"
    #expect(own(notes).isEmpty)
  }

  @Test func onsKenmerkOnlyOnALabelLineIsOwn() {
    #expect(own("Ons kenmerk\n7362548\n") == ["kenmerk:7362548"])
    #expect(own("Datum\t12 maart 2020\tOns kenmerk 7362548\n") == ["kenmerk:7362548"])
    let sentence = "Hiervoor verwijs ik u naar de Kamerbrief van 11 maart 2020 (ons kenmerk 7362548)."
    #expect(own(sentence).isEmpty)
    #expect(ids(sentence) == ["kenmerk:7362548"])
  }

  @Test func questionsKenmerkAnswersOnlyInADocumentThatAnswers() {
    let answering = "Hierbij de antwoorden op de vragen met kenmerk 2024Z18294.\n"
    #expect(Extractor().mentions(in: answering).first?.fields[MentionField.role] == MentionRole.answers)
    let asking = "Deze vragen sluiten aan bij de vragen met kenmerk 2024Z18294.\n"
    #expect(Extractor().mentions(in: asking).first?.fields[MentionField.role] == nil)
  }

  @Test func kamerstukHeaderIsTheOwnID() {
    let motion =
      "TWEEDE KAMER DER STATEN-GENERAAL\n2\nVergaderjaar 2024-2025\n\n\n36 278\nWijziging van de Wet kwaliteit, klachten en geschillen zorg\n\n\nNr. 32\nMOTIE VAN HET LID RIKKERS-OOSTERKAMP\n"
    #expect(own(motion) == ["kst-36278-32"])
    #expect(own("Vergaderjaar 2024–2025\n21 501-02\nRaad Algemene Zaken\nNr. 3121\nBRIEF VAN DE MINISTER\n") == [
      "kst-21501-02-3121"
    ])
    // Decoys: a dossier in a sentence, and a dossier line without a "Nr." line.
    #expect(own("Het wetsvoorstel 36 278\nNr. 32\n").isEmpty)
    #expect(own("36 278\nWijziging van de wet.\nDe Kamer stemde in.\n").isEmpty)
  }

  // MARK: Citation forms

  @Test func tweedeKamerSiteNotation() {
    #expect(ids("Kamerstuk 33043-76") == ["kst-33043-76"])
    #expect(ids("Lijst: 22112-2531; 30569-8.") == ["kst-22112-2531", "kst-30569-8"])
    #expect(ids("21501-02-1855 en 34775-XVI-129") == ["kst-21501-02-1855", "kst-34775-XVI-129"])
    #expect(ids("Kamerstuk 21501-32, nr. 1703") == ["kst-21501-32-1703"])
    #expect(ids("Kamerstukken 21501-32 en 34595, nr. 79") == ["kst-21501-32-79", "kst-34595-79"])
    #expect(ids("Kamerstukken 31501-32 en 34595, nr. 79") == ["kst-31501-32-79", "kst-34595-79"])
    // Decoys: phone numbers, postcodes, year and page ranges, long number ranges.
    for decoy in [
      "bel 070-3456789", "2511 CV Den Haag", "in 2023-2024", "blz. 20000-25000", "tel. 12345-67-890-1",
      "nummers 30000-40000", "vergaderjaar 2023–2024", "p. 12-15",
    ] {
      #expect(ids(decoy).isEmpty, "\(decoy)")
    }
  }

  @Test func motionNumberInHandelingen() {
    #expect(ids("Zij krijgt nr. 199 (31311).") == ["kst-31311-199"])
    #expect(ids("Zij krijgt nr. 726 , was nr. 719 ( 21501-08 ).") == ["kst-21501-08-726"])
    #expect(ids("Zij krijgt nr. 5 van de stemmen.").isEmpty)
  }

  @Test func staatsbladWithTheYearOfTheLaw() {
    #expect(ids("van de Wet van 30 maart 1988, Stb. 113, waarbij") == ["stb-1988-113"])
    #expect(ids("(Wet van 26 november 1970, Stb. 580, zoals gewijzigd)") == ["stb-1970-580"])
    #expect(ids("Wetten van 2 juli 1992, Stb. 414 en 415, voor") == ["stb-1992-414", "stb-1992-415"])
    #expect(ids("Wet van 30\n                maart 1988, Stb. 113 (wetsontwerp") == ["stb-1988-113"])
    // Decoy: a year before the comma that is no law's date keeps the citation unresolved.
    let ms = Extractor().mentions(in: "in 1988, Stb. 113")
    #expect(ms.allSatisfy { $0.ids.isEmpty })
    #expect(ms.contains { $0.kind == .staatsblad && $0.status == .unresolved })
  }

  @Test func eersteKamerLetters() {
    #expect(ids("5Eerste Kamer, 36 373, H") == ["kst-36373-H"])
    #expect(ids("Kamerstukken I 2019/20, 35 300, E") == ["kst-35300-E"])
    #expect(ids("Zie ook Eerste Kamer, 35 397, B. Het kabinet") == ["kst-35397-B"])
    #expect(ids("de Eerste Kamer, 36 373 stemmen, Amen").isEmpty)
  }
}
