import Testing

@testable import KamerGraph

/// The resolver's identity rules on real wording: a file named after an id, two documents never
/// merged into one, one relation per pair.
@Suite struct ResolverIdentityRulesTests {
  private func extracted(_ path: String, _ text: String, format: DocumentFormat = .plainText) -> ExtractedDocument {
    let doc = Document(path: path, format: format, text: text)
    return ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))
  }

  private func node(_ g: CitationGraph, path: String) -> Node? {
    g.nodesByID.values.first { $0.paths.contains(path) }
  }

  @Test func fileNamedAfterAnIDWhenTheTextNamesNone() {
    #expect(ResolverState.pathID("docs/ECLI.NL.HR.1995.AA3097.derived.txt") == "ECLI:NL:HR:1995:AA3097")
    #expect(ResolverState.pathID("ah-tk-20232024-387.xml") == "ah-tk-20232024-387")
    #expect(ResolverState.pathID("2015D04817.html") == "2015D04817")
    #expect(ResolverState.pathID("defensie-antwoord-2025Z14549.txt") == nil)
    #expect(ResolverState.pathID("01b2bcad-7296-43bb-bc44-e727fc69b23f.txt") == nil)
    let g = Resolver().resolve([extracted("ECLI.NL.HR.1995.AA3097.derived.txt", "Arrest.\nDe Hoge Raad oordeelt.\n")])
      .graph
    #expect(node(g, path: "ECLI.NL.HR.1995.AA3097.derived.txt")?.id == "ECLI:NL:HR:1995:AA3097")
    // The printed id wins over the file name.
    let printed = Resolver().resolve([
      extracted("ah-tk-20232024-387.txt", "Tekst.\n\nah-tk-20232024-2129\nISSN 0921 - 7398\n’s-Gravenhage 2024\n")
    ]).graph
    #expect(node(printed, path: "ah-tk-20232024-387.txt")?.id == "ah-tk-20232024-2129")
  }

  @Test func footerIDIsOneNodeNotASelfCitation() {
    let text = "Antwoord van Minister Bruins Slot (BZ) (ontvangen 28 juni 2024).\nJa.\n\nah-tk-20232024-2129\nISSN 0921 - 7398\n’s-Gravenhage 2024\n"
    let g = Resolver().resolve([extracted("answer.txt", text)]).graph
    #expect(node(g, path: "answer.txt")?.id == "ah-tk-20232024-2129")
    #expect(!g.edgesByKey.keys.contains { $0.relation == .cites })
  }

  @Test func kenmerkCitedInASentenceDoesNotMergeTwoLetters() {
    let answer = extracted(
      "answer.txt",
      "Ons kenmerk\n9000001\n\nGeachte voorzitter,\nHiervoor verwijs ik u naar de Kamerbrief van 11 maart 2020 (ons kenmerk 7362548).\n")
    let letter = extracted("letter.txt", "Ons kenmerk\n7362548\n\nGeachte voorzitter,\nDe brief.\n")
    let r = Resolver().resolve([answer, letter])
    let a = node(r.graph, path: "answer.txt")
    let l = node(r.graph, path: "letter.txt")
    #expect(a?.id == "kenmerk:9000001")
    #expect(l?.id == "kenmerk:7362548")
    #expect(r.graph.edgesByKey.keys.contains(EdgeKey(source: "kenmerk:9000001", target: "kenmerk:7362548", relation: .cites)))
  }

  @Test func twoDocumentsWithTheirOwnIDsSharingAnotherAreAConflict() {
    // Two answers each with their own Aanhangsel number that both claim kenmerk 7362548.
    var a = extracted("a.docx", "Ons kenmerk\n7362548\n\nah-tk-20232024-1\nISSN 0921 - 7398\n’s-Gravenhage 2024\n", format: .docx)
    var b = extracted("b.txt", "Ons kenmerk\n7362548\n\nah-tk-20232024-2\nISSN 0921 - 7398\n’s-Gravenhage 2024\n")
    a.document.ownIds = []
    b.document.ownIds = []
    let r = Resolver().resolve([a, b])
    #expect(node(r.graph, path: "a.docx")?.id != node(r.graph, path: "b.txt")?.id)
    #expect(r.conflicts.contains { $0.id == "kenmerk:7362548" && Set($0.paths) == ["a.docx", "b.txt"] })
    // The text and the .docx of one answer (same ids) are one document.
    let c = extracted("c.txt", "Ons kenmerk\n7362548\n\nah-tk-20232024-1\nISSN 0921 - 7398\n’s-Gravenhage 2024\n")
    let one = Resolver().resolve([a, c])
    #expect(one.conflicts.isEmpty)
    #expect(node(one.graph, path: "a.docx")?.id == node(one.graph, path: "c.txt")?.id)
  }

  @Test func oneRelationPerPairAnswersOverCites() {
    let text =
      "AH 605\n2024Z18792\nAntwoord van minister Klever (ontvangen 20 november 2024)\n\nVraag 1\nZoals gemeld in de vragen 2024Z18792 en in 2024Z11111.\n"
    let g = Resolver().resolve([extracted("antwoord.txt", text)]).graph
    let d = "ah-tk-20242025-605"
    #expect(g.edgesByKey.keys.contains(EdgeKey(source: d, target: "kv-tk-2024Z18792", relation: .answers)))
    #expect(!g.edgesByKey.keys.contains(EdgeKey(source: d, target: "kv-tk-2024Z18792", relation: .cites)))
    #expect(g.edgesByKey.keys.contains(EdgeKey(source: d, target: "kv-tk-2024Z11111", relation: .cites)))
  }

  @Test func questionsKenmerkInAFootnoteIsACitation() {
    let text = "Beantwoording vragen.\nZie de eerdere antwoorden.[footnoteRef:1]\n[1:  Zie de vragen met kenmerk 2024Z00081.]\n"
    var doc = PlainTextReader.read(text: text, path: "brief.txt")
    doc.ownIds = ["kenmerk:BRIEF1"]
    let e = ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))
    let zaak = e.mentions.first { $0.ids == ["2024Z00081"] }
    #expect(zaak?.fields[MentionField.role] == MentionRole.answers)
    #expect(zaak?.fields[MentionField.footnote] == "1")
    let g = Resolver().resolve([e]).graph
    #expect(g.edgesByKey.keys.contains(EdgeKey(source: "kenmerk:BRIEF1", target: "kv-tk-2024Z00081", relation: .cites)))
    #expect(!g.edgesByKey.keys.contains { $0.relation == .answers })
  }
}

/// Every Kamerstuk in the corpus belongs to its dossier, cited or not (issue 18, point 7).
@Suite struct DossierEdgeTests {
  private func graph(_ files: [(String, String)]) -> CitationGraph {
    Resolver().resolve(files.map { path, text in
      let doc = Document(path: path, format: .plainText, text: text)
      return ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))
    }).graph
  }

  @Test func aKamerstukInTheCorpusBelongsToItsDossier() {
    let motion = "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2024–2025\n\n36 278\nWijziging van de Wet (Wet kwaliteitsregistraties zorg)\n\nNr. 32\nMOTIE VAN HET LID RIKKERS-OOSTERKAMP\n"
    let g = graph([("motie.txt", motion)])
    let edges = g.edgesByKey.keys.filter { $0.target == "dossier-36278" }
    #expect(edges.map(\.relation) == [.partOfDossier], "\(edges)")
    #expect(edges.first?.source == "kst-36278-32")
  }

  /// A document named after its Kamerstuk id (no header in its text) belongs to the dossier too;
  /// a document that is not a Kamerstuk does not.
  @Test func aKamerstukByItsFileName() {
    let g = graph([("kst-21501-02-3121.txt", "Motie over Gaza.\n"), ("brief.txt", "Geachte Voorzitter,\n")])
    #expect(g.edgesByKey.keys.contains { $0.source == "kst-21501-02-3121" && $0.target == "dossier-21501-02" && $0.relation == .partOfDossier })
    #expect(g.edgesByKey.keys.filter { $0.relation == .partOfDossier }.count == 1)
  }

  /// Its own dossier named again in the text ("(33 308)" after the bill's title) is
  /// `part-of-dossier`, another dossier is cited.
  @Test func ownDossierInTheTextIsNotACitation() {
    let text = "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2014–2015\n\n33 308\nWet auteurscontractenrecht (33 308)\n\nNr. 13\nMOTIE VAN HET LID KLEIN\nDe Kamer, gelet op dossier 36 600 X,\n"
    let g = graph([("motie.txt", text)])
    let keys = g.edgesByKey.keys
    #expect(!keys.contains { $0.target == "dossier-33308" && $0.relation == .cites }, "\(keys)")
    #expect(keys.contains { $0.target == "dossier-33308" && $0.relation == .partOfDossier })
    #expect(keys.contains { $0.target == "dossier-36600-X" && $0.relation == .cites })
  }
}
