import Testing
@testable import KamerGraph

/// Builds a mention of the first occurrence of `text` (after `after`, when given) in `doc`.
private func mention(
  _ kind: ReferenceKind, _ ids: [String], _ text: String, in doc: String, after: String? = nil,
  _ fields: [String: String] = [:]
) -> Mention {
  let bytes = Array(doc.utf8)
  let needle = Array(text.utf8)
  var from = 0
  if let after, let a = find(Array(after.utf8), in: bytes, from: 0) { from = a }
  let start = find(needle, in: bytes, from: from)!
  let line = bytes[..<start].filter { $0 == 10 }.count + 1
  let lineStart = bytes[..<start].lastIndex(of: 10).map { $0 + 1 } ?? 0
  return Mention(
    kind: kind, ids: ids, text: text, start: start, end: start + needle.count, line: line,
    column: start - lineStart + 1, fields: MentionFields(fields))
}

private func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
  guard needle.count <= hay.count else { return nil }
  var i = from
  while i + needle.count <= hay.count {
    if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
    i += 1
  }
  return nil
}

private func range(of text: String, in doc: String) -> ByteRange {
  let start = find(Array(text.utf8), in: Array(doc.utf8), from: 0)!
  return ByteRange(start, start + text.utf8.count)
}

/// A compact Defence-style answer letter with the mentions the extractor gives for it.
private func defenceLetter(path: String = "defensie.txt") -> ExtractedDocument {
  let text = """
    Ministerie van Defensie
    Onze referentie
    MINDEF20250032172
    Hierbij bied ik, mede namens de Minister van Defensie, de antwoorden aan op de vragen gesteld door het lid Van Houwelingen (FvD). Deze vragen werden ingezonden op 11 juli 2025 met kenmerk 2025Z14549.
    DE STAATSSECRETARIS VAN DEFENSIE
    Gijs Tuinman
    Vragen van het lid Van Houwelingen (FvD) aan de minister van Defensie.
    Verder verwijs ik u naar de beantwoording van Kamervragen door de minister van Justitie en Veiligheid[footnoteRef:2]. [2:  Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.]
    Binnen de NAVO en de "Raffinaderij" geldt de AVG.
    """
  let sentence = range(of: "Verder verwijs ik u naar de beantwoording van Kamervragen door de minister van Justitie en Veiligheid[footnoteRef:2].", in: text)
  let doc = Document(
    path: path, format: .plainText, text: text, ownIds: ["kenmerk:MINDEF20250032172"],
    metadata: DocumentMetadata(title: "Beantwoording vragen gebruik software Palantir"),
    footnotes: [
      Footnote(
        number: "2", mark: range(of: "[footnoteRef:2]", in: text),
        body: range(of: "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.", in: text), sentence: sentence)
    ])
  let role = MentionField.role
  let mentions = [
    mention(.ministerie, ["ministerie:DEF"], "Ministerie van Defensie", in: text, [role: MentionRole.sender]),
    mention(.kenmerk, ["kenmerk:MINDEF20250032172"], "MINDEF20250032172", in: text, [role: MentionRole.own]),
    mention(.ministerie, ["ministerie:DEF"], "Minister van Defensie", in: text, [role: MentionRole.coSigner]),
    mention(
      .persoon, ["persoon:van-houwelingen"], "Van Houwelingen", in: text,
      [role: MentionRole.asker, MentionField.party: "fractie:FVD", MentionField.function: "lid"]),
    mention(.fractie, ["fractie:FVD"], "FvD", in: text),
    mention(.date, [], "11 juli 2025", in: text, [MentionField.iso: "2025-07-11", MentionField.dateRole: "ingezonden"]),
    mention(.zaak, ["2025Z14549"], "2025Z14549", in: text, [role: MentionRole.answers]),
    mention(
      .persoon, ["persoon:tuinman"], "Gijs Tuinman", in: text,
      [role: MentionRole.signer, MentionField.ministry: "ministerie:DEF", MentionField.name: "Gijs Tuinman"]),
    mention(.ministerie, ["ministerie:DEF"], "minister van Defensie", in: text, [role: MentionRole.addressee]),
    mention(.ministerie, ["ministerie:JENV"], "minister van Justitie en Veiligheid", in: text),
    mention(.aanhangsel, ["ah-tk-20242025-2790"], "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790", in: text),
    mention(.organisatie, ["organisatie:NAVO"], "NAVO", in: text),
    mention(.programma, ["programma:raffinaderij"], "\"Raffinaderij\"", in: text),
    mention(.bwb, ["CELEX:32016R0679"], "AVG", in: text),
  ]
  return ExtractedDocument(document: doc, mentions: mentions)
}

/// The Justice and Security answer as KOOP XML merged with its metadata.
private func justiceAnswer() -> ExtractedDocument {
  let text = """
    Vragen van het lid Van Houwelingen (FVD) aan de Minister van Justitie en Veiligheid over Palantir.
    Antwoord van Minister Van Oosten (Justitie en Veiligheid). Zie ook Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 14.
    In de beantwoording van eerdere vragen staat dat de NCTV Palantir niet gebruikt.
    Zoals eerder gemeld zet de politie Palantir in.
    Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790
    Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790
    """
  let doc = Document(
    path: "ah-tk-20252026-313.xml", format: .koopXML, text: text, ownIds: ["ah-tk-20252026-313"],
    metadata: DocumentMetadata(title: "Vragen over Palantir", date: "2025-10-31", vergaderjaar: "2025-2026"),
    facts: [
      Fact(.edge(source: "ah-tk-20252026-313", relation: .answers, target: "2025Z15452"), evidence: "OVERHEIDop.vraagnummer"),
      Fact(.attribute(id: "kv-tk-2025Z15452", name: "date", value: "2025-08-27"), evidence: "OVERHEIDop.datumIndiening"),
    ])
  let role = MentionField.role
  let second = "nr. 2790\n"
  var mentions = [
    mention(.persoon, ["persoon:van-houwelingen"], "Van Houwelingen", in: text, [role: MentionRole.asker, MentionField.party: "fractie:FVD"]),
    mention(.ministerie, ["ministerie:JENV"], "Minister van Justitie en Veiligheid", in: text, [role: MentionRole.addressee]),
    mention(
      .persoon, ["persoon:van-oosten"], "Van Oosten", in: text,
      [role: MentionRole.answerer, MentionField.ministry: "ministerie:JENV"]),
    mention(.aanhangsel, ["ah-tk-20252026-14"], "Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 14", in: text, [role: MentionRole.seeAlso]),
    mention(.organisatie, ["organisatie:NCTV"], "NCTV", in: text),
    mention(.aanhangsel, ["ah-tk-20242025-2790"], "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790", in: text),
  ]
  mentions.append(
    mention(.aanhangsel, ["ah-tk-20242025-2790"], "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 2790", in: text, after: second))
  return ExtractedDocument(document: doc, mentions: mentions)
}

/// A SyncFeed page: facts only.
private func syncFeed() -> ExtractedDocument {
  let doc = Document(
    path: "tk-syncfeed.xml", format: .tkOpenData, text: "",
    facts: [
      Fact(.sameAs("2025D45253", "ah-tk-20252026-313"), evidence: "DocumentVersie externeidentifier"),
      Fact(.edge(source: "2025D45253", relation: .answers, target: "2025Z15452"), evidence: "Document zaak"),
      Fact(.edge(source: "kv-tk-2025Z15452", relation: .askedBy, target: "persoon:van-houwelingen"), evidence: "ZaakActor Indiener"),
      Fact(.edge(source: "persoon:van-houwelingen", relation: .memberOf, target: "fractie:FVD"), evidence: "ZaakActor Fractie"),
      Fact(.attribute(id: "persoon:van-houwelingen", name: "label", value: "P. van Houwelingen"), evidence: "Persoon"),
    ])
  return ExtractedDocument(document: doc, mentions: [])
}

private func has(_ g: CitationGraph, _ s: String, _ r: Relation, _ t: String) -> Bool {
  g.edgesByKey[EdgeKey(source: s, target: t, relation: r)] != nil
}

@Suite struct ResolverTests {
  @Test func defenceLetterGivesTheWalkingSkeletonGraph() {
    let g = Resolver().resolve([defenceLetter()]).graph
    let answer = "kenmerk:MINDEF20250032172"
    #expect(g.node(answer)?.label == "Beantwoording vragen gebruik software Palantir")
    #expect(g.node(answer)?.status == .resolved)
    #expect(g.node(answer)?.ministry == "ministerie:DEF")
    #expect(has(g, answer, .answers, "kv-tk-2025Z14549"))
    #expect(has(g, answer, .cites, "ah-tk-20242025-2790"))
    #expect(has(g, answer, .sentBy, "ministerie:DEF"))
    #expect(has(g, answer, .signedBy, "persoon:tuinman"))
    #expect(has(g, answer, .coSignedBy, "ministerie:DEF"))
    #expect(has(g, "kv-tk-2025Z14549", .askedBy, "persoon:van-houwelingen"))
    #expect(has(g, "kv-tk-2025Z14549", .addressedTo, "ministerie:DEF"))
    #expect(g.node("kv-tk-2025Z14549")?.date == "2025-07-11")
    #expect(g.node("kv-tk-2025Z14549")?.aliases == ["2025Z14549"])
    #expect(has(g, "persoon:van-houwelingen", .memberOf, "fractie:FVD"))
    #expect(has(g, "ah-tk-20242025-2790", .answeredBy, "ministerie:JENV"))
    #expect(g.node("ah-tk-20242025-2790")?.status == .external)
    #expect(g.node("ah-tk-20242025-2790")?.url == "https://zoek.officielebekendmakingen.nl/ah-tk-20242025-2790.html")
    #expect(g.node("ah-tk-20242025-2790")?.vergaderjaar == "2024-2025")
    for target in ["organisatie:NAVO", "programma:raffinaderij", "CELEX:32016R0679", "ministerie:JENV"] {
      #expect(has(g, answer, .mentions, target), "mentions \(target)")
    }
    #expect(g.node("persoon:tuinman")?.label == "Gijs Tuinman")
    #expect(g.node("programma:raffinaderij")?.label == "Raffinaderij")
    #expect(g.node("CELEX:32016R0679")?.label == "AVG")
    // The party is the asker's, so it is not also a loose mention.
    #expect(!has(g, answer, .mentions, "fractie:FVD"))
    // No self edges from the letter's own kenmerk.
    #expect(g.edges.allSatisfy { $0.source != $0.target })
  }

  /// Questions carry their own "ingezonden" date (before, only an answer gave it to the questions
  /// it answers); a date without a role dates nothing.
  @Test func questionsCarryTheirIngezondenDate() {
    let text = "2024Z18566\nVragen van het lid Podt (D66) over Veldzicht (ingezonden 15 november 2024).\nNRC, 16 april 2024"
    var doc = Document(path: "vragen.txt", format: .plainText, text: text)
    doc.ownIds = ["kv-tk-2024Z18566"]
    let graph = Resolver().resolve([
      ExtractedDocument(
        document: doc,
        mentions: [
          mention(.date, [], "15 november 2024", in: text, [MentionField.iso: "2024-11-15", MentionField.dateRole: "ingezonden"]),
          mention(.date, [], "16 april 2024", in: text, [MentionField.iso: "2024-04-16"]),
        ])
    ]).graph
    #expect(graph.node("kv-tk-2024Z18566")?.date == "2024-11-15")
    var letter = doc
    letter.ownIds = ["kenmerk:ABC123"]
    letter.path = "brief.txt"
    let undated = Resolver().resolve([
      ExtractedDocument(
        document: letter, mentions: [mention(.date, [], "16 april 2024", in: text, [MentionField.iso: "2024-04-16"])])
    ]).graph
    #expect(undated.node("kenmerk:ABC123")?.date == nil)
  }

  @Test func txtAndDocxOfOneLetterMergeIntoOneNode() {
    var docx = defenceLetter(path: "defensie.docx")
    docx.document.format = .docx
    let g = Resolver().resolve([defenceLetter(), docx]).graph
    let node = g.node("kenmerk:MINDEF20250032172")
    #expect(node?.paths == ["defensie.docx", "defensie.txt"])
    #expect(g.nodes.filter { $0.status == .resolved }.count == 1)
    // The two copies of one letter count once (weight 1); each file keeps its evidence.
    let cites = g.edgesByKey[EdgeKey(source: "kenmerk:MINDEF20250032172", target: "ah-tk-20242025-2790", relation: .cites)]
    #expect(cites?.weight == 1)
    #expect(cites?.evidence.map(\.path) == ["defensie.docx", "defensie.txt"])
  }

  @Test func twoFilesOfOneIdInTwoFoldersAreNotCopies() {
    // Decoy: one kenmerk in two folders is not one file in two formats; both count.
    let g = Resolver().resolve([defenceLetter(path: "a/defensie.txt"), defenceLetter(path: "b/defensie.txt")]).graph
    let cites = g.edgesByKey[EdgeKey(source: "kenmerk:MINDEF20250032172", target: "ah-tk-20242025-2790", relation: .cites)]
    #expect(cites?.weight == 2)
  }

  @Test func aCopyWithAnExtraMentionAddsOnlyThatMention() {
    func ev(_ path: String, _ line: Int, _ text: String) -> Evidence {
      Evidence(path: path, line: line, start: line * 10, end: line * 10 + 5, text: text, source: .text)
    }
    let edge = Edge(
      source: "a", target: "b", relation: .mentions,
      evidence: [
        ev("x/brief.docx", 3, "Palantir"), ev("x/brief.docx", 9, "Palantir"), ev("x/brief.txt", 2, "Palantir"),
        ev("x/brief.txt", 8, "Palantir"), ev("x/brief.txt", 12, "Palantir B.V."), ev("y/brief.txt", 1, "Palantir"),
      ])
    // x/brief: "Palantir" twice in each copy (2) + "Palantir B.V." once (1); y/brief is another file (1).
    #expect(edge.weight == 4)
    #expect(Edge.stem("a/brief.docx") == "a/brief")
    #expect(Edge.stem("a.b/brief") == "a.b/brief")
    #expect(Edge.stem("x/ah-tk-1.metadata.xml") == "x/ah-tk-1.metadata")
  }

  @Test func palantirAnswersMeetThroughTheCitedAnswerAndTheMember() {
    let g = Resolver().resolve([defenceLetter(), justiceAnswer(), syncFeed()]).graph
    // Identity: the Tweede Kamer document number is an alias of the KOOP id.
    let jv = g.node("ah-tk-20252026-313")
    #expect(jv?.aliases == ["2025D45253"])
    #expect(jv?.status == .resolved)
    #expect(g.node("2025D45253") == nil)
    // Both answers cite the same earlier answer; the J&V one twice (weight 2).
    #expect(has(g, "kenmerk:MINDEF20250032172", .cites, "ah-tk-20242025-2790"))
    #expect(g.edgesByKey[EdgeKey(source: "ah-tk-20252026-313", target: "ah-tk-20242025-2790", relation: .cites)]?.weight == 2)
    #expect(has(g, "ah-tk-20252026-313", .seeAlso, "ah-tk-20252026-14"))
    #expect(has(g, "ah-tk-20252026-313", .answers, "kv-tk-2025Z15452"))
    #expect(has(g, "ah-tk-20252026-313", .signedBy, "persoon:van-oosten"))
    #expect(has(g, "ah-tk-20252026-313", .sentBy, "ministerie:JENV"))
    #expect(has(g, "kv-tk-2025Z15452", .askedBy, "persoon:van-houwelingen"))
    #expect(has(g, "kv-tk-2025Z15452", .addressedTo, "ministerie:JENV"))
    #expect(g.node("kv-tk-2025Z15452")?.date == "2025-08-27")
    // The answers edge is supported by metadata and by the SyncFeed.
    let answers = g.edgesByKey[EdgeKey(source: "ah-tk-20252026-313", target: "kv-tk-2025Z15452", relation: .answers)]
    #expect(answers?.weight == 2)
    #expect(answers?.origin == .metadata)
    // Structured data gives the member's label.
    #expect(g.node("persoon:van-houwelingen")?.label == "P. van Houwelingen")
    // The mention of the J&V answer's cited document is external; nothing was dropped.
    let statuses = g.mentions.filter { $0.mention.ids == ["ah-tk-20242025-2790"] }.map(\.mention.status)
    #expect(statuses == [.external, .external, .external])
  }

  @Test func citationOfADocumentInTheCorpusIsResolvedThroughAnyAlias() {
    let text = "Zie ook document 2025D45253."
    let citing = ExtractedDocument(
      document: Document(path: "a.txt", format: .plainText, text: text, ownIds: ["kenmerk:A1"]),
      mentions: [mention(.tkdocument, ["2025D45253"], "2025D45253", in: text)])
    let r = Resolver().resolve([citing, justiceAnswer(), syncFeed()])
    #expect(has(r.graph, "kenmerk:A1", .cites, "ah-tk-20252026-313"))
    #expect(r.graph.mentions.first { $0.path == "a.txt" }?.mention.status == .resolved)
  }

  @Test func replyToKenmerkLinksAnAnswerToTheQuestions() {
    let text = "Uw kenmerk 2024Z21925"
    let e = ExtractedDocument(
      document: Document(path: "b.txt", format: .plainText, text: text, ownIds: ["kenmerk:B1"]),
      mentions: [mention(.zaak, ["2024Z21925"], "2024Z21925", in: text, [MentionField.role: MentionRole.replyTo])])
    let g = Resolver().resolve([e]).graph
    #expect(has(g, "kenmerk:B1", .answers, "kv-tk-2024Z21925"))
    #expect(g.node("kv-tk-2024Z21925")?.url == "https://zoek.officielebekendmakingen.nl/kv-tk-2024Z21925.html")
  }

  @Test func kamerstukLinksToItsDossier() {
    let text = "Kamerstukken II 2024/25, 36 600 X, nr. 12"
    let e = ExtractedDocument(
      document: Document(path: "c.txt", format: .plainText, text: text, ownIds: ["kenmerk:C1"]),
      mentions: [mention(.kamerstuk, ["kst-36600-X-12"], text, in: text)])
    let g = Resolver().resolve([e]).graph
    #expect(has(g, "kenmerk:C1", .cites, "kst-36600-X-12"))
    #expect(has(g, "kst-36600-X-12", .partOfDossier, "dossier-36600-X"))
    #expect(ResolverState.dossier(ofKamerstuk: "kst-26643-144-h1") == nil)
    #expect(ResolverState.dossier(ofKamerstuk: "kst-21501-32-1703") == "dossier-21501-32")
  }

  @Test func twoDifferentDocumentsClaimingOneIdAreBothKeptAndCitationsAreAmbiguous() {
    let a = Document(path: "x/one.txt", format: .plainText, text: "first letter", ownIds: ["kenmerk:DUP1"])
    let b = Document(path: "x/two.txt", format: .plainText, text: "second letter", ownIds: ["kenmerk:DUP1"])
    let text = "Ons kenmerk X; zie kenmerk DUP1"
    let citing = ExtractedDocument(
      document: Document(path: "x/three.txt", format: .plainText, text: text, ownIds: ["kenmerk:C3"]),
      mentions: [mention(.kenmerk, ["kenmerk:DUP1"], "DUP1", in: text)])
    let r = Resolver().resolve([
      ExtractedDocument(document: a, mentions: []), ExtractedDocument(document: b, mentions: []), citing,
    ])
    #expect(r.conflicts.map(\.id) == ["kenmerk:DUP1"])
    #expect(r.conflicts.first?.paths == ["x/one.txt", "x/two.txt"])
    #expect(r.graph.node("kenmerk:DUP1")?.paths == ["x/one.txt"])
    #expect(r.graph.node("kenmerk:DUP1_2")?.paths == ["x/two.txt"])
    let m = r.graph.mentions.first { $0.path == "x/three.txt" }?.mention
    #expect(m?.status == .ambiguous)
    #expect(m?.reason?.contains("kenmerk:DUP1_2") == true)
  }

  @Test func resultDoesNotDependOnInputOrder() {
    let input = [defenceLetter(), justiceAnswer(), syncFeed(), defenceLetter(path: "copy.docx")]
    let reference = Resolver().resolve(input)
    var generator = SeededRandom(seed: 7)
    for _ in 0..<10 {
      let shuffled = input.shuffled(using: &generator)
      let r = Resolver().resolve(shuffled)
      #expect(r.graph == reference.graph)
    }
  }

  /// The resolver reads a document's text only through its `TextFindings`: a document released
  /// with them (`resolvableWithoutText`, what a build's read workers hand over) gives the graph of
  /// the whole document; released without them, the footnote's `answered-by`, "toenmalige" and
  /// "(CDA)" rules have nothing to go on.
  @Test func findingsStandInForTheText() {
    let dated = """
      Antwoord van Staatssecretaris Jansen (Infrastructuur en Waterstaat) (ontvangen 17 mei 2024).
      Hierin bekijk ik samen met de Minister van Veiligheid en Justitie wat nodig is. Dat deed de toenmalige Minister van Infrastructuur en Milieu ook.

      """
    let debate = """
      Vragen van het lid Amhaouch (CDA) aan de Minister van Financiën (ingezonden 3 maart 2025).
      De heer Amhaouch (CDA): dank u wel, voorzitter.

      """
    let docs = [defenceLetter()] + [("a.txt", dated), ("d.txt", debate)].map { path, text in
      let doc = Document(path: path, format: .plainText, text: text)
      return ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))
    }
    let whole = Resolver().resolve(docs)
    let released = docs.map { $0.resolvableWithoutText() }
    #expect(released.allSatisfy { $0.document.text.isEmpty && $0.findings != nil })
    #expect(Resolver().resolve(released) == whole)
    let found = released.map { $0.findings! }
    #expect(found[0].answerNotes.count == 1, "the footnote whose sentence names the answering ministry")
    #expect(found[1].former.count == 1, "the ministry after toenmalige")
    #expect(!found[2].inParentheses.isEmpty, "(CDA) after the member's name")
    // Without findings the text's rules find nothing: the graph is not the same.
    let bare = Resolver().resolve(docs.map { $0.releasingText() }).graph
    #expect(!has(bare, "ah-tk-20242025-2790", .answeredBy, "ministerie:JENV"))
    #expect(bare != whole.graph)
    // Findings are taken while the text is there: a released text has none of its own.
    #expect(TextFindings(released[0]) == TextFindings())
  }
}
