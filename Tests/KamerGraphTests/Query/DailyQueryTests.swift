import Foundation
import Testing

@testable import KamerGraph

/// The queries journalists ask: written questions and their answers, an actor's documents, names
/// without their prefix, FTS5 search syntax and date windows.
@Suite struct DailyQueryTests {
  func palantirIndex() throws -> GraphIndex {
    let path = IndexFixtures.temporaryIndexPath()
    let index = try GraphIndex(path: path)
    try index.commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    return index
  }

  /// Three sets of questions to one ministry: answered after 30 days, answered after 50 days with
  /// a delay notice first, and one with only a delay notice (still open).
  func delayIndex() throws -> GraphIndex {
    let path = IndexFixtures.temporaryIndexPath()
    let index = try GraphIndex(path: path)
    func q(_ zaak: String, _ date: String) -> Node {
      Node(id: "kv-tk-\(zaak)", kind: "kamervragen", label: "Vragen \(zaak)", date: date, status: .external)
    }
    func doc(_ id: String, _ label: String, _ date: String) -> Node {
      Node(id: id, kind: "aanhangsel", label: label, date: date, status: .resolved, paths: ["\(id).xml"])
    }
    let e = IndexFixtures.evidence("a.xml", 1, 0, "x")
    let graph = CitationGraph(
      nodes: [
        q("2024Z00001", "2024-01-10"), q("2024Z00002", "2024-02-01"), q("2024Z00003", "2024-03-01"),
        doc("ah-tk-20232024-1", "Antwoord op vragen van het lid Ceder", "2024-02-09"),
        doc("ah-tk-20232024-2", "Mededeling van minister Yeşilgöz (uitstel beantwoording)", "2024-02-20"),
        doc("ah-tk-20232024-3", "Antwoord op vragen van de leden Ceder en Dobbe", "2024-03-22"),
        doc("ah-tk-20232024-4", "Uitstel beantwoording vragen van het lid Dobbe", "2024-03-20"),
        Node(id: "persoon:ceder", kind: "persoon", label: "Ceder", status: .entity),
        Node(id: "persoon:dobbe", kind: "persoon", label: "Dobbe", status: .entity),
        Node(id: "fractie:CU", kind: "fractie", label: "ChristenUnie", status: .entity),
        Node(id: "fractie:SP", kind: "fractie", label: "SP", status: .entity),
        Node(id: "ministerie:JENV", kind: "ministerie", label: "Ministerie van Justitie en Veiligheid", status: .entity),
      ],
      edges: [
        Edge(source: "ah-tk-20232024-1", target: "kv-tk-2024Z00001", relation: .answers, evidence: [e]),
        Edge(source: "ah-tk-20232024-2", target: "kv-tk-2024Z00002", relation: .answers, evidence: [e]),
        Edge(source: "ah-tk-20232024-3", target: "kv-tk-2024Z00002", relation: .answers, evidence: [e]),
        Edge(source: "ah-tk-20232024-4", target: "kv-tk-2024Z00003", relation: .answers, evidence: [e]),
        Edge(source: "kv-tk-2024Z00001", target: "persoon:ceder", relation: .askedBy, evidence: [e]),
        Edge(source: "kv-tk-2024Z00002", target: "persoon:ceder", relation: .askedBy, evidence: [e]),
        Edge(source: "kv-tk-2024Z00002", target: "persoon:dobbe", relation: .askedBy, evidence: [e]),
        Edge(source: "kv-tk-2024Z00003", target: "persoon:dobbe", relation: .askedBy, evidence: [e]),
        Edge(source: "persoon:ceder", target: "fractie:CU", relation: .memberOf, evidence: [e]),
        Edge(source: "persoon:dobbe", target: "fractie:SP", relation: .memberOf, evidence: [e]),
        Edge(source: "kv-tk-2024Z00001", target: "ministerie:JENV", relation: .addressedTo, evidence: [e]),
        Edge(source: "kv-tk-2024Z00002", target: "ministerie:JENV", relation: .addressedTo, evidence: [e]),
        Edge(source: "kv-tk-2024Z00003", target: "ministerie:JENV", relation: .addressedTo, evidence: [e]),
        Edge(source: "ah-tk-20232024-3", target: "persoon:ceder", relation: .mentions, evidence: [e]),
      ])
    try index.commit(files: [], removedPaths: [], graph: graph)
    return index
  }

  @Test func questionsGiveTheAnswerTheDaysAndWhatIsStillOpen() throws {
    let index = try delayIndex()
    var options = QuestionOptions()
    options.today = "2024-04-30"
    let all = try index.questions(options)
    #expect(all.items.map(\.question.id) == ["kv-tk-2024Z00001", "kv-tk-2024Z00002", "kv-tk-2024Z00003"])
    #expect(all.items.map(\.days) == [30, 50, nil])
    // A "Mededeling" and an "Uitstel" are delay notices: they do not answer.
    #expect(all.items[1].delays.map(\.id) == ["ah-tk-20232024-2"])
    #expect(all.items[1].answers.map(\.id) == ["ah-tk-20232024-3"])
    #expect(all.items[2].isOpen && all.items[2].openDays == 60)
    #expect(all.items[1].parties == ["fractie:CU", "fractie:SP"])
    #expect(all.ministries.count == 1)
    #expect(all.ministries[0].line == "ministerie:JENV  3 question(s), 2 answered, 1 open, median 40 days to answer")

    options.openOnly = true
    #expect(try index.questions(options).items.map(\.question.id) == ["kv-tk-2024Z00003"])
    options.openOnly = false
    options.lateDays = 45
    #expect(try index.questions(options).items.map(\.question.id) == ["kv-tk-2024Z00002", "kv-tk-2024Z00003"])
    options.lateDays = nil
    options.party = "SP"
    #expect(try index.questions(options).items.map(\.question.id) == ["kv-tk-2024Z00002", "kv-tk-2024Z00003"])
    options.party = nil
    options.member = "Ceder"
    #expect(try index.questions(options).items.map(\.question.id) == ["kv-tk-2024Z00001", "kv-tk-2024Z00002"])
    options.member = nil
    options.since = try DateBound("2024-02", option: "--since")
    #expect(try index.questions(options).items.map(\.question.id) == ["kv-tk-2024Z00002", "kv-tk-2024Z00003"])
    options.ministry = "DEF"
    #expect(throws: IndexError.self) { try index.questions(options) }
  }

  @Test func anActorsDocumentsOverTimeAndItsMinistries() throws {
    let index = try delayIndex()
    let ceder = try index.actor("Ceder", today: "2024-04-30")
    #expect(ceder.actor.id == "persoon:ceder")
    #expect(ceder.parties.map(\.id) == ["fractie:CU"])
    #expect(ceder.entries.map { "\($0.document.id) \($0.role)" } == [
      "kv-tk-2024Z00001 asked", "kv-tk-2024Z00002 asked", "ah-tk-20232024-3 mentioned",
    ])
    #expect(ceder.ministries.map(\.line) == ["ministerie:JENV  2 question(s), 2 answered, 0 open, median 40 days to answer"])
    // A party: its members' documents, each with the member it came through.
    let sp = try index.actor("sp", today: "2024-04-30")
    #expect(sp.members.map(\.id) == ["persoon:dobbe"])
    #expect(sp.entries.map { "\($0.document.id) \($0.via ?? "-")" } == ["kv-tk-2024Z00002 persoon:dobbe", "kv-tk-2024Z00003 persoon:dobbe"])
    #expect(sp.json.hasPrefix(#"{"actor":{"id":"fractie:SP","kind":"fractie","label":"SP","date":null,"status":"entity"},"parties":[],"members":["#))
  }

  @Test func aNameWithoutItsPrefixFindsTheOneActor() throws {
    let index = try palantirIndex()
    #expect(try index.resolve("palantir") == "organisatie:palantir")
    #expect(try index.resolve("Van Houwelingen") == "persoon:van-houwelingen")
    #expect(try index.resolve("fvd") == "fractie:FVD")
    #expect(try index.resolve("Defensie") == "ministerie:DEF")
    #expect(try index.resolve("Justitie en Veiligheid") == "ministerie:JENV")
    // Decoy: a word inside a ministry's name is not its name.
    #expect(throws: IndexError.self) { try index.resolve("Veiligheid en") }
    // Decoy: a name no id ends in is still unknown, with suggestions.
    #expect(throws: IndexError.self) { try index.resolve("Houwelingen") }
  }

  @Test func twoPeopleWithOneSurnameAreBothSuggested() throws {
    let path = IndexFixtures.temporaryIndexPath()
    let index = try GraphIndex(path: path)
    let graph = CitationGraph(
      nodes: [
        Node(id: "persoon:helder-c", kind: "persoon", label: "C. Helder", status: .entity),
        Node(id: "persoon:helder-l", kind: "persoon", label: "Lilian Helder", status: .entity),
        Node(id: "persoon:heldermans", kind: "persoon", label: "Heldermans", status: .entity),
      ], edges: [])
    try index.commit(files: [], removedPaths: [], graph: graph)
    #expect(try index.resolve("heldermans") == "persoon:heldermans")
    do {
      _ = try index.resolve("Helder")
      Issue.record("two people named Helder must not resolve to one")
    } catch {
      guard case .unknownID(_, _, let suggestions) = error else { Issue.record("\(error)"); return }
      #expect(suggestions == ["persoon:helder-c", "persoon:helder-l"])
    }
  }

  @Test func searchTextTakesFTS5Syntax() {
    #expect(GraphIndex.ftsQuery("palantir software") == #""palantir" "software""#)
    #expect(GraphIndex.ftsQuery("palantir OR raffinaderij") == #""palantir" OR "raffinaderij""#)
    #expect(GraphIndex.ftsQuery("palantir NOT defensie") == #""palantir" NOT "defensie""#)
    #expect(GraphIndex.ftsQuery(#""gebruik van software" OR palantir"#) == #""gebruik van software" OR "palantir""#)
    #expect(GraphIndex.ftsQuery("NEAR(palantir politie, 5)") == #"NEAR("palantir" "politie", 5)"#)
    #expect(GraphIndex.ftsQuery("softw* beleid") == #""softw"* "beleid""#)
    #expect(GraphIndex.ftsQuery("(palantir OR nctv) politie") == #"( "palantir" OR "nctv" ) AND "politie""#)
    #expect(GraphIndex.ftsQuery("politie (palantir OR nctv)") == #""politie" AND ( "palantir" OR "nctv" )"#)
    // Decoys: lower-case "or" is a word; dangling operators, empty or unbalanced parentheses,
    // an unclosed quote and SQL quotes never reach FTS5 as syntax.
    #expect(GraphIndex.ftsQuery("vragen or antwoorden") == #""vragen" "or" "antwoorden""#)
    #expect(GraphIndex.ftsQuery("OR palantir NOT") == #""palantir""#)
    #expect(GraphIndex.ftsQuery("(palantir") == #"( "palantir" )"#)
    #expect(GraphIndex.ftsQuery("() palantir )") == #""palantir""#)
    #expect(GraphIndex.ftsQuery(#"palantir "software"#) == #""palantir" "software""#)
    #expect(GraphIndex.ftsQuery("d'Hondt; DROP") == #""d" "Hondt" "DROP""#)
  }

  /// The search-term limit counts what the query searches for, while it is built: words of terms,
  /// phrases and NEAR groups once each (case folded), not operators or a NEAR distance.
  @Test(arguments: [
    ("palantir software", 2), ("Palantir OR palantir", 1), (#""gebruik van software" OR palantir NOT van"#, 4),
    ("NEAR(palantir politie, 5) politie", 2), ("AND OR NOT ( )", 0), ("softw* Softw", 1), ("vragen or antwoorden", 3),
  ])
  func searchTermsAreCountedWhileTheQueryIsBuilt(text: String, terms: Int) {
    #expect(GraphIndex.ftsQueryAndTerms(text).terms == terms)
    #expect(GraphIndex.ftsQueryAndTerms(text).query == GraphIndex.ftsQuery(text))
  }

  @Test func searchFindsWithOperatorsAndLeavesOutDatesOutsideTheWindow() throws {
    let index = try palantirIndex()
    let either = try index.search("raffinaderij OR bogus")
    #expect(either.contains { $0.node.id == "kv-tk-2025Z15452" }, "\(either.map(\.node.id))")
    #expect(try index.search("raffinaderij bogus").isEmpty, "both words required without OR")
    let palantir = try index.search("palantir")
    #expect(palantir.contains { $0.node.id == "kv-tk-2025Z14549" })
    let late = try index.search("palantir", since: try DateBound("2025-07-20", option: "--since"))
    #expect(!late.contains { $0.node.id == "kv-tk-2025Z14549" }, "dated 2025-07-11, before the window")
    #expect(late.contains { $0.node.id == "organisatie:palantir" }, "an undated actor stays")
    #expect(throws: IndexError.self) { try index.search("( )") }
  }

  @Test func similarLeavesOutDatesOutsideTheWindow() throws {
    let index = try palantirIndex()
    let all = try index.similar("kenmerk:MINDEF20250032172")
    #expect(all.items.map(\.node.id).contains("ah-tk-20252026-313"))
    let none = try index.similar("kenmerk:MINDEF20250032172", until: try DateBound("2025-09", option: "--until"))
    #expect(!none.items.map(\.node.id).contains("ah-tk-20252026-313"), "dated 2025-10-31, after the window")
  }
}
