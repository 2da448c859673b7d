import Testing

@testable import KamerGraph

/// The relations of issue 18 that Benchmarks/generate_edges_corpus.py found wrong, on literal Dutch
/// wording: who sends and signs, and the letter's own kenmerk under a bare "Kenmerk" label.
@Suite struct EdgeRulesTests {
  private func extracted(_ path: String, _ text: String, format: DocumentFormat = .plainText) -> ExtractedDocument {
    let doc = Document(path: path, format: format, text: text)
    return ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))
  }

  /// The relations from the node of `path` to `target`.
  private func relations(_ g: CitationGraph, from path: String, to target: String) -> Set<Relation> {
    guard let source = g.nodesByID.values.first(where: { $0.paths.contains(path) })?.id else { return [] }
    return Set(g.edgesByKey.keys.filter { $0.source == source && $0.target == target }.map(\.relation))
  }

  @Test func theAnswerersMinistryInParenthesesSendsAndIsNoMention() {
    let text = """
      Vragen van het lid Six Dijkstra (Nieuw Sociaal Contract) aan de Minister van Justitie en Veiligheid over de brandveiligheid van kazernes (ingezonden 12 mei 2025).
      Antwoord van Minister Van Oosten (Justitie en Veiligheid) (ontvangen 24 juni 2025).
      Vraag 1

      """
    let g = Resolver().resolve([extracted("ah.txt", text)]).graph
    // Sent by JENV, and addressed to it (the questions without a zaak live on the answer's node).
    #expect(relations(g, from: "ah.txt", to: "ministerie:JENV") == [.sentBy, .addressedTo])
    #expect(relations(g, from: "ah.txt", to: "persoon:van-oosten") == [.signedBy])
    // An abbreviation in the parentheses, and the Minister-President.
    let bz = Resolver().resolve([extracted("bz.txt", "Antwoord van Minister Bruins Slot (BZ) (ontvangen 28 juni 2024).\n")]).graph
    #expect(relations(bz, from: "bz.txt", to: "ministerie:BZ") == [.sentBy])
    let az = Resolver().resolve([
      extracted("az.txt", "Antwoord van Minister-President Schoof (Algemene Zaken) (ontvangen 3 maart 2025).\n")
    ]).graph
    #expect(relations(az, from: "az.txt", to: "ministerie:AZ") == [.sentBy])
    // Another ministry named in the answers stays a mention.
    let other = Resolver().resolve([
      extracted("o.txt", "Antwoord van Minister Van Oosten (Justitie en Veiligheid).\nIk heb de minister van Defensie gesproken.\n")
    ]).graph
    #expect(relations(other, from: "o.txt", to: "ministerie:DEF") == [.mentions])
  }

  @Test func briefVanDeMinisterSendsTheKamerstuk() {
    let text = """
      36 959
      De netcongestie
      Nr. 159
      BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN
      Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
      Den Haag, 15 juni 2025
      Hierbij informeer ik uw Kamer.

      """
    let g = Resolver().resolve([extracted("kst.txt", text)]).graph
    #expect(relations(g, from: "kst.txt", to: "ministerie:BZ") == [.sentBy])
    let state = Resolver().resolve([extracted("s.txt", "Brief van de staatssecretaris van Financiën\nGeachte voorzitter,\n")]).graph
    #expect(relations(state, from: "s.txt", to: "ministerie:FIN") == [.sentBy])
    // "een brief van de minister van X" in a sentence is only a mention.
    let prose = Resolver().resolve([
      extracted("p.txt", "Geachte voorzitter,\nIk verwijs naar een brief van de minister van Financiën aan uw Kamer.\n")
    ]).graph
    #expect(relations(prose, from: "p.txt", to: "ministerie:FIN") == [.mentions])
  }

  @Test func signerInCapitalsAfterBlankLinesWithAFootnoteUnderIt() {
    // A .docx letter: the footnotes follow the last line of the body, right under the name.
    let text = """
      Geachte voorzitter,
      Dit is eerder aan uw Kamer gemeld.
      Hoogachtend,

      DE MINISTER VAN KLIMAAT EN GROENE GROEI



      Sophie Hermans
      Zie ook Kamerstukken II 2024/25, 36 910, nr. 110.

      """
    let g = Resolver().resolve([extracted("brief.docx", text, format: .docx)]).graph
    #expect(relations(g, from: "brief.docx", to: "persoon:hermans") == [.signedBy])
    #expect(relations(g, from: "brief.docx", to: "ministerie:KGG") == [.sentBy])
    // In lower case without a comma the name must still stand alone: "Geachte voorzitter" is no name.
    let prose = "De minister van Financiën\n\nGeachte voorzitter,\nDe brief.\n"
    #expect(!Extractor().mentions(in: prose).contains { $0.fields[MentionField.role] == MentionRole.signer })
  }

  @Test func aCourtRulingIsNeitherSentNorSignedByTheMinistersItQuotes() {
    let text = """
      Hoge Raad der Nederlanden
      2.2. De Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer (hierna ook: de Minister van VROM), heeft - voor zover nodig mede namens de Staatssecretaris van Financiën - het beroep bij vertoogschrift bestreden.
      DE STAATSSECRETARIS VAN FINANCIEN
      Edelhoogachtbaar College,
      1Afkortingen en definities

      """
    let path = "ECLI.NL.HR.1995.AA3097.derived.txt"
    let g = Resolver().resolve([extracted(path, text)]).graph
    #expect(relations(g, from: path, to: "ministerie:FIN") == [.mentions])
    #expect(!g.edgesByKey.keys.contains { [.signedBy, .coSignedBy, .sentBy].contains($0.relation) })
    // "Edelhoogachtbaar College," is a salutation, not a person.
    #expect(!Extractor().mentions(in: text).contains { $0.kind == .persoon })
    // The same "mede namens" in a minister's letter co-signs it.
    let letter = Resolver().resolve([
      extracted("brief.txt", "Geachte voorzitter,\nHierbij bied ik, mede namens de Staatssecretaris van Financiën, de antwoorden aan.\n")
    ]).graph
    #expect(relations(letter, from: "brief.txt", to: "ministerie:FIN") == [.coSignedBy])
  }

  @Test func aMinisterWhoseSurnameStartsWithVanIsAMention() {
    let text = "Geachte voorzitter,\nZoals minister Van Hijum eerder meldde, is dit niet nieuw. Minister Van Weel meldde het ook.\n"
    let people = Extractor().mentions(in: text).filter { $0.kind == .persoon }
    #expect(people.map { $0.ids[0] } == ["persoon:van-hijum", "persoon:van-weel"])
    #expect(people.allSatisfy { $0.fields[MentionField.function] == "minister" })
    let g = Resolver().resolve([extracted("brief.txt", text)]).graph
    #expect(relations(g, from: "brief.txt", to: "persoon:van-hijum") == [.mentions])
    // "de minister van Financiën" stays a ministry; "minister van financiële zaken" is neither.
    #expect(Extractor().mentions(in: "Zoals de minister van Financiën meldde.\n").map(\.kind) == [.ministerie])
    #expect(!Extractor().mentions(in: "Zoals de minister van financiële zaken meldde.\n").contains { $0.kind == .persoon })
  }

  @Test func anOldMinistryNameInALaterDocumentIsItsSuccessor() {
    let later = """
      Antwoord van Staatssecretaris Jansen (Infrastructuur en Waterstaat) (ontvangen 17 mei 2024).
      Hierin bekijk ik samen met de Minister van Veiligheid en Justitie wat nodig is. Dat deed de toenmalige Minister van Infrastructuur en Milieu ook.

      """
    let g = Resolver().resolve([extracted("a.txt", later)]).graph
    #expect(relations(g, from: "a.txt", to: "ministerie:JENV") == [.mentions])
    #expect(relations(g, from: "a.txt", to: "ministerie:VENJ").isEmpty)
    // "toenmalige" names the ministry of that time.
    #expect(relations(g, from: "a.txt", to: "ministerie:IENM") == [.mentions])
    // In a document of 2015 the name is the ministry of that date.
    let earlier = Resolver().resolve([
      extracted("b.txt", "Antwoord van Minister Opstelten (Veiligheid en Justitie) (ontvangen 3 maart 2015).\nJa.\n")
    ]).graph
    #expect(relations(earlier, from: "b.txt", to: "ministerie:VENJ") == [.sentBy])
    #expect(Ministry.id("ministerie:VENW", atDate: "2020-01-01") == "ministerie:IENW")
    #expect(Ministry.id("ministerie:VENW", atDate: "2012-01-01") == "ministerie:IENM")
    #expect(Ministry.id("ministerie:EZK", atDate: "2025-01-01") == "ministerie:EZK")
    #expect(Ministry.id("ministerie:VENJ", atDate: nil) == "ministerie:VENJ")
  }

  /// `MinistryDating`, the rule the edges and the mentions share: the date from metadata before
  /// the text's own date, "toenmalig" only in the bytes just before the name.
  @Test func ministryDatingTakesTheDocumentsOwnDateAndKeepsToenmalige() {
    let text = "Datum 12 maart 2016\nDe toenmalige Minister van Veiligheid en Justitie schreef dat.\nDe Minister van Veiligheid en Justitie ook.\n"
    var mentions = Extractor().mentions(in: text)
    #expect(MinistryDating.ownDate(metadata: nil, mentions: mentions) == "2016-03-12")
    #expect(MinistryDating.ownDate(metadata: "2024-05-17", mentions: mentions) == "2024-05-17")
    #expect(MinistryDating.ownDate(metadata: nil, mentions: mentions.filter { $0.kind != .date }) == nil)
    MinistryDating.apply(&mentions, date: "2024-05-17") { MinistryDating.namedAsFormer(text.utf8, before: $0.start) }
    #expect(mentions.filter { $0.kind == .ministerie }.map(\.ids) == [["ministerie:VENJ"], ["ministerie:JENV"]])
    #expect(MinistryDating.namedAsFormer("toenmalige X".utf8, before: 11))
    #expect(!MinistryDating.namedAsFormer("toenmalige X".utf8, before: 0))
    #expect(!MinistryDating.namedAsFormer("".utf8, before: 40), "a start past the text is no former name")
    #expect(MinistryDating.id("ministerie:VENJ", date: nil) { false } == "ministerie:VENJ")
    #expect(MinistryDating.id("ministerie:VENJ", date: "2017-10-26") { false } == "ministerie:JENV")
    #expect(MinistryDating.id("ministerie:VENJ", date: "2017-10-25") { false } == "ministerie:VENJ")
    #expect(MinistryDating.id("ministerie:FIN", date: "2024-01-01") { Issue.record("asked for a ministry never renamed"); return true } == "ministerie:FIN")
  }

  /// `MinistryDating.Collector` remembers whether a piece named a renamed ministry (a person's
  /// ministry too); pieces of a document that named none are left as they are, and a piece of a
  /// second read (`seen: false`) is dated whatever the first read saw.
  @Test func ministryDatingCollectorTellsWhetherARenamedMinistryWasNamed() {
    let plain = "Datum 12 maart 2024\nDe Minister van Financiën schreef dat.\n"
    var collector = MinistryDating.Collector()
    var piece = Extractor().mentions(in: plain)
    #expect(piece.contains { $0.kind == .ministerie })
    collector.add(piece, text: plain.utf8)
    #expect(!collector.namesRenamed)
    let before = piece
    collector.apply(&piece, metadataDate: nil)
    #expect(piece == before)
    let renamed = "Datum 12 maart 2024\nDe Minister van Veiligheid en Justitie schreef dat.\n"
    var second = Extractor().mentions(in: renamed)
    collector.apply(&second, metadataDate: nil, seen: false)
    #expect(second.filter { $0.kind == .ministerie }.map(\.ids) == [["ministerie:JENV"]])
    var dated = MinistryDating.Collector()
    var piece2 = Extractor().mentions(in: renamed)
    dated.add(piece2, text: renamed.utf8)
    #expect(dated.namesRenamed)
    dated.apply(&piece2, metadataDate: nil)
    #expect(piece2.filter { $0.kind == .ministerie }.map(\.ids) == [["ministerie:JENV"]])
  }

  @Test func bareKenmerkLabelLineIsTheLettersOwn() {
    let letter = extracted(
      "brief.txt",
      "Ministerie van Buitenlandse Zaken\n\nKenmerk\nBZ202440053\n\nGeachte voorzitter,\nIn mijn brief (ons kenmerk 7362548) heb ik dat gemeld.\n"
    )
    let g = Resolver().resolve([letter]).graph
    #expect(g.nodesByID.values.first { $0.paths.contains("brief.txt") }?.id == "kenmerk:BZ202440053")
    #expect(relations(g, from: "brief.txt", to: "kenmerk:7362548") == [.cites])
    let own = { (text: String) in
      Extractor().mentions(in: text).filter { $0.fields[MentionField.role] == MentionRole.own }.flatMap(\.ids)
    }
    #expect(own("Kenmerk: 2024-0000123456\nBetreft: Voortgang\n") == ["kenmerk:2024-0000123456"])
    #expect(own(" \tKenmerk\tWJZ/ 95000025\n") == ["kenmerk:WJZ_95000025"])
    // Not a label: in a sentence, lower case, or running text after it.
    #expect(own("Zie de brief met kenmerk 2024-0000123456.\n").isEmpty)
    #expect(own("kenmerk\n2024-0000123456\n").isEmpty)
    #expect(own("Kenmerk 2024-0000123456 is de brief die ik noemde.\n").isEmpty)
    // The letterhead reader agrees.
    #expect(Letterhead.match("Kenmerk")?.0 == .kenmerk)
    #expect(Letterhead.match("Kenmerk: WJZ/ 95000025")?.1 == "WJZ/ 95000025")
    #expect(Letterhead.match("Kenmerk 2024Z00081, d.d. 6 maart 2024") == nil)
    #expect(Letterhead.match("Kenmerken van de regeling") == nil)
  }
}
