import Foundation
import Testing

@testable import KamerGraph

/// `BuildPipeline.extractResolved` (what `kamergraph extract` prints) against the whole-corpus
/// resolver, with and without a mention budget.
@Suite struct FileExtractionTests {
  /// The mentions `Resolver.resolveMentions` gives for the files, as (path, mention) pairs.
  func reference(_ paths: [String]) -> [(String, Mention)] {
    let plan = CorpusLoader().plan(paths: paths)
    let reader = DocumentReader()
    let extractor = Extractor()
    var extracted: [ExtractedDocument] = []
    for unit in plan.units {
      if let document = reader.read(unit: unit).0 {
        extracted.append(ExtractedDocument(document: document, mentions: extractor.mentions(in: document)))
      }
    }
    return Resolver().resolveMentions(extracted).map { ($0.path, $0.mention) }
  }

  func streamed(
    _ paths: [String], budget: Int, mappedMinimum: Int? = nil, pieceSize: Int = 4096
  ) -> (mentions: [(String, Mention)], outcomes: [FileOutcome]) {
    var mentions: [(String, Mention)] = []
    var outcomes: [FileOutcome] = []
    BuildPipeline().extractResolved(
      CorpusLoader().plan(paths: paths), mentionBudget: budget, mappedMinimum: mappedMinimum, pieceSize: pieceSize,
      onOutcome: { outcomes.append($0) },
      emit: { path, found in mentions.append(contentsOf: found.map { (path, $0) }) })
    return (mentions, outcomes)
  }

  func expectSame(_ a: [(String, Mention)], _ b: [(String, Mention)], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.count == b.count, sourceLocation: sourceLocation)
    for (x, y) in zip(a, b) {
      #expect(x.0 == y.0 && x.1 == y.1, "\(x.0) \(x.1.text) \(x.1.status) vs \(y.0) \(y.1.text) \(y.1.status)",
        sourceLocation: sourceLocation)
    }
  }

  @Test func theCorpusGivesTheResolverMentionsWithAnyBudget() throws {
    let corpus = Repo.path("corpus/palantir")
    let expected = reference([corpus])
    #expect(expected.contains { $0.1.status == .resolved }, "the corpus resolves some of its own citations")
    for budget in [MentionBudget.defaultBytes, 0, 40 * MentionBudget.bytesPerMention] {
      let run = streamed([corpus], budget: budget)
      expectSame(run.mentions, expected)
      // README.md is skipped (not a document), the metadata file is merged into its document.
      #expect(run.outcomes.map(\.path).contains { $0.hasSuffix("README.md") })
      #expect(run.outcomes.allSatisfy { $0.status != .failed })
    }
  }

  @Test func conflictsAndDuplicatesComeOutAsTheResolverSaysAfterReReads() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Two different letters with one kenmerk (a conflict: citations of it are ambiguous), a copy of
    // the first under another name (the same document), and a letter citing the kenmerk.
    let a = "Onze referentie\nBS2025011234\n\nGeachte voorzitter,\n\nDe brief over de munitievoorraad.\n"
    let b = "Onze referentie\nBS2025011234\n\nGeachte voorzitter,\n\nEen andere brief over de jeugdzorg.\n"
    let c = "Zie de brief met kenmerk BS2025011234 en Kamerstukken II 2024/25, 36 600 X, nr. 12.\n"
    for (name, text) in [("a.txt", a), ("b.txt", b), ("a-copy.txt", a), ("c.txt", c)] {
      try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    let expected = reference([dir.path])
    #expect(expected.contains { $0.1.status == .ambiguous }, "\(expected.map { ($0.1.text, $0.1.status) })")
    for budget in [MentionBudget.defaultBytes, 0, MentionBudget.bytesPerMention] {
      expectSame(streamed([dir.path], budget: budget).mentions, expected)
    }
  }

  /// Large letters read in place (mapped from 0 bytes here), beside ordinary files: a letter that
  /// cites the large one's kenmerk (resolved), and a second large letter claiming the same
  /// kenmerk with another text (a conflict: ambiguous), with budgets that keep everything,
  /// nothing, or part of a document, and pieces of one mention or many.
  @Test func largeFilesReadInPlaceGiveTheResolverMentionsWithAnyBudget() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let long = MappedPlainTextTests.longLetter(bytes: 200_000)
    try Data(long.utf8).write(to: dir.appendingPathComponent("long.txt"))
    try Data((long + "\nNog een alinea.\n").utf8).write(to: dir.appendingPathComponent("long-other.txt"))
    try Data("Zie de brief met kenmerk MINDEF20250032172 en de brief BS2025011234.\n".utf8)
      .write(to: dir.appendingPathComponent("cites.txt"))
    try Data("Onze referentie\nBS2025011234\n\nGeachte voorzitter,\n\nDe munitievoorraad.\n".utf8)
      .write(to: dir.appendingPathComponent("short.txt"))
    let expected = reference([dir.path])
    #expect(expected.contains { $0.1.status == .ambiguous })
    #expect(expected.contains { $0.1.status == .resolved && $0.0.hasSuffix("cites.txt") })
    for budget in [MentionBudget.defaultBytes, 0, 3000 * MentionBudget.bytesPerMention] {
      for pieceSize in [1, 4096] {
        let run = streamed([dir.path], budget: budget, mappedMinimum: 0, pieceSize: pieceSize)
        expectSame(run.mentions, expected)
        #expect(run.outcomes.isEmpty, "\(run.outcomes)")
      }
    }
  }

  /// A file past the budget is read twice; when it changed in between, the note says so and its
  /// mentions are those of the second read (read in place, and read whole).
  @Test func aFileChangedBetweenItsTwoReadsIsNoted() throws {
    for mapped in [true, false] {
      let dir = try ExternalTool.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let long = MappedPlainTextTests.longLetter(bytes: 100_000)
      let a = dir.appendingPathComponent("a.txt")
      let b = dir.appendingPathComponent("b.txt")
      try Data(long.utf8).write(to: a)
      try Data(long.utf8).write(to: b)
      let added = "\nKamerstuk 32802, nr. 137\n"
      var notes: [FileOutcome] = []
      var texts: [String: [String]] = [:]
      var rewritten = false
      BuildPipeline().extractResolved(
        CorpusLoader().plan(paths: [a.path, b.path]), mentionBudget: 0, mappedMinimum: mapped ? 0 : nil,
        onOutcome: { notes.append($0) },
        emit: { path, found in
          texts[path, default: []].append(contentsOf: found.map(\.text))
          if path == a.path, !rewritten {
            // b.txt changes after its first read, before its second.
            rewritten = true
            try? Data((long + added).utf8).write(to: b)
          }
        })
      #expect(notes.map(\.path) == [b.path], "\(notes)")
      #expect(notes.first?.notes.first?.hasPrefix("changed while it was read") == true)
      #expect(texts[b.path]?.last == "Kamerstuk 32802, nr. 137", "mapped: \(mapped)")
      #expect(texts[a.path]?.last != "Kamerstuk 32802, nr. 137")
    }
  }

  @Test func aFileThatCannotBeReadIsReportedAndTheOthersAreStillEmitted() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data().write(to: dir.appendingPathComponent("empty.txt"))
    try Data("Kamerstuk 32802, nr. 137\n".utf8).write(to: dir.appendingPathComponent("good.txt"))
    let run = streamed([dir.path, dir.appendingPathComponent("missing.txt").path], budget: 0)
    #expect(run.mentions.map(\.1.text) == ["Kamerstuk 32802, nr. 137"])
    let failed = run.outcomes.filter { $0.status == .failed }.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    #expect(failed == ["empty.txt", "missing.txt"])
  }

  /// An old ministry name means its successor in a document dated after the rename, in every
  /// extract path (kept, read twice, read in place, in pieces of one mention), as in the graph:
  /// the real wording of an answer of May 2024 ("de Minister van Veiligheid en\nJustitie") is
  /// `ministerie:JENV`; after "toenmalige", in a document of 2016 and in one with no date it stays
  /// `ministerie:VENJ`.
  @Test func oldMinistryNamesAreDatedAsInTheGraph() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let texts = [
      "answer-2024.txt": """
        Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede
        namens de Minister van Justitie en Veiligheid (ontvangen 17 mei 2024).
        Vraag 6
        Antwoord 6
        Zoals gezegd wordt gewerkt aan een kabinetsreactie op het rapport van de
        Universiteit Twente. Hierin bekijk ik samen met de Minister van Veiligheid en
        Justitie ook of het nodig is om de huidige regels aan te scherpen.
        Dat schreef ook de toenmalige Minister van Veiligheid en Justitie.

        """,
      "answer-2016.txt": """
        Antwoord van Minister Van der Steur (Veiligheid en Justitie) (ontvangen 3 maart 2016).
        Hierin bekijk ik samen met de Minister van Veiligheid en
        Justitie ook of het nodig is.

        """,
      "undated.txt": "Hierin bekijk ik samen met de Minister van Veiligheid en\nJustitie ook of het nodig is.\n",
    ]
    for (name, text) in texts { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    /// The ministries of each file, by mention text, lines joined.
    func ministries(_ mentions: [(String, Mention)]) -> [String: [String]] {
      var out: [String: [String]] = [:]
      for (path, m) in mentions where m.kind == .ministerie || m.fields[MentionField.ministry] != nil {
        let id = m.kind == .ministerie ? m.ids.joined(separator: ",") : m.fields[MentionField.ministry]!
        out[URL(fileURLWithPath: path).lastPathComponent, default: []]
          .append(m.text.replacingOccurrences(of: "\n", with: " ") + " -> " + id)
      }
      return out
    }
    let expected = reference([dir.path])
    let found = ministries(expected)
    #expect(found["answer-2024.txt"]?.contains("Minister van Veiligheid en Justitie -> ministerie:JENV") == true, "\(found)")
    #expect(found["answer-2024.txt"]?.filter { $0.hasSuffix("ministerie:VENJ") }.count == 1, "only after toenmalige: \(found)")
    #expect(found["answer-2016.txt"]?.isEmpty == false)
    #expect(found["answer-2016.txt"]?.allSatisfy { $0.hasSuffix("ministerie:VENJ") } == true, "\(found)")
    #expect(found["undated.txt"] == ["Minister van Veiligheid en Justitie -> ministerie:VENJ"], "\(found)")
    // The graph, from the same documents, says what the mentions say.
    let plan = CorpusLoader().plan(paths: [dir.path])
    let documents = plan.units.compactMap { DocumentReader().read(unit: $0).0 }
    let graph = Resolver().resolve(documents.map { ExtractedDocument(document: $0, mentions: Extractor().mentions(in: $0)) }).graph
    for (name, ids) in [("answer-2024.txt", ["ministerie:IENW", "ministerie:JENV", "ministerie:VENJ"]), ("undated.txt", ["ministerie:VENJ"])] {
      let node = graph.nodesByID.values.first { $0.paths.contains { $0.hasSuffix(name) } }!.id
      let targets = Set(graph.edgesByKey.keys.filter { $0.source == node && $0.target.hasPrefix("ministerie:") }.map(\.target))
      #expect(targets == Set(ids), "\(name): \(targets)")
    }
    for budget in [MentionBudget.defaultBytes, 0, 6 * MentionBudget.bytesPerMention] {
      for mappedMinimum in [nil, 0] as [Int?] {
        for pieceSize in [1, 4096] {
          expectSame(streamed([dir.path], budget: budget, mappedMinimum: mappedMinimum, pieceSize: pieceSize).mentions, expected)
        }
      }
    }
  }

  @Test func releasingTheTextKeepsIdentityAndStatuses() throws {
    let doc = Document(path: "x.txt", format: .plainText, text: "Kamerstuk 32802, nr. 137\n")
    let extracted = ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))
    let released = extracted.releasingText()
    #expect(released.document.text.isEmpty)
    #expect(released.textDigest == FastDigest.of(doc.text))
    #expect(released.hasText && released.mentions == extracted.mentions)
    #expect(released.releasingText() == released, "releasing twice changes nothing")
    let empty = ExtractedDocument(document: Document(path: "e.txt", format: .plainText, text: ""), mentions: [])
    #expect(empty.releasingText().textDigest == nil && !empty.releasingText().hasText)
  }
}

/// The fingerprint that stands in for a released text.
@Suite struct FastDigestTests {
  @Test func equalTextsEqualDigestsAndSmallChangesChangeIt() {
    let base = String(repeating: "Kamerstukken II 2024/25, 36 600 X, nr. 12. ", count: 50)
    #expect(FastDigest.of(base) == FastDigest.of(String(base)))
    var seen: Set<String> = [FastDigest.of(base)]
    // Every single-byte change and every length (tails of 0...8 bytes) gives a new digest.
    var bytes = Array(base.utf8)
    for k in [0, 1, 7, 8, 9, bytes.count / 2, bytes.count - 1] {
      let old = bytes[k]
      bytes[k] = old == 0x41 ? 0x42 : 0x41
      #expect(seen.insert(FastDigest.of(String(decoding: bytes, as: UTF8.self))).inserted, "change at \(k)")
      bytes[k] = old
    }
    for n in 0...17 {
      #expect(seen.insert(FastDigest.of(String(repeating: "a", count: n))).inserted, "length \(n)")
    }
    #expect(FastDigest.of("") != FastDigest.of("\0"))
  }
}
