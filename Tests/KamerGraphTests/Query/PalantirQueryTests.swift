import Foundation
import Testing

@testable import KamerGraph

@Suite struct PalantirQueryTests {
  let index: GraphIndex
  init() throws { index = try IndexFixtures.palantirIndex() }

  @Test(arguments: [
    ("2025Z14549", "kv-tk-2025Z14549"),
    ("kv-tk-2025Z14549", "kv-tk-2025Z14549"),
    ("KV-TK-2025z14549", "kv-tk-2025Z14549"),
    ("kenmerk:MINDEF20250032172", "kenmerk:MINDEF20250032172"),
    ("MINDEF20250032172", "kenmerk:MINDEF20250032172"),
    ("mindef20250032172", "kenmerk:MINDEF20250032172"),
    (" MINDEF 2025 0032172 ", "kenmerk:MINDEF20250032172"),
    ("2025D45253", "ah-tk-20252026-313"),
    ("2025Z15452", "kv-tk-2025Z15452"),
    ("ministerie:DEF", "ministerie:DEF"),
  ])
  func anyAliasNamesItsNode(alias: String, id: String) throws {
    #expect(try index.resolve(alias) == id)
  }

  @Test(arguments: [
    ("MINDEF2025003217", ["kenmerk:MINDEF20250032172"]),
    ("ah-tk-20242025-279", ["ah-tk-20242025-2790"]),
    ("persoon:van-houweling", ["persoon:van-houwelingen"]),
    ("ministerie:DEFF", ["ministerie:DEF"]),
    ("2025Z1454", ["kv-tk-2025Z14549"]),
    ("qqqqqqqqqqqq", []),
  ])
  func unknownIdsGetTheNearestKnownIds(text: String, expected: [String]) {
    do {
      _ = try index.resolve(text)
      Issue.record("\(text) resolved")
    } catch {
      guard case .unknownID(_, let id, let suggestions) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(id == text)
      #expect(Array(suggestions.prefix(expected.count)) == expected)
      if expected.isEmpty { #expect(suggestions.isEmpty) }
      #expect(error.description.contains("no node or alias \"\(text)\""))
    }
  }

  @Test func relatedAtDepthOneRanksByWeightThenId() throws {
    var options = RelatedOptions()
    options.depth = 1
    let result = try index.related("MINDEF20250032172", options: options)
    #expect(result.seed.id == "kenmerk:MINDEF20250032172")
    #expect(result.items.map(\.node.id) == [
      "organisatie:palantir", "ah-tk-20242025-2790", "kv-tk-2025Z14549", "ministerie:DEF", "persoon:tuinman",
    ])
    #expect(abs(result.items[0].score - 0.5 * (1 + log2(3.0))) < 1e-12)
    #expect(result.items[1].score == 0.5)
    #expect(result.items.allSatisfy { $0.distance == 1 && $0.path.count == 1 && $0.path[0].forward })
    #expect(result.items[1].path[0].relation == .cites)
  }

  @Test func relatedAtDepthTwoAddsSharedCitationsAndKeepsTheStrongestPath() throws {
    let result = try index.related("kenmerk:MINDEF20250032172")
    let item = try #require(result.items.first { $0.node.id == "ah-tk-20252026-313" })
    #expect(item.distance == 2)
    // Through the cited answer (score 0.5, degree 2) and through Palantir (score 0.5·(1+log2 3), degree 2).
    let viaCited = 0.5 * 0.5 / log2(3.0)
    let viaPalantir = 0.5 * (1 + log2(3.0)) * 0.5 / log2(3.0)
    #expect(abs(item.score - (viaCited + viaPalantir)) < 1e-12)
    #expect(item.path.map(\.node.id) == ["organisatie:palantir", "ah-tk-20252026-313"])
    #expect(item.path.map(\.forward) == [true, false])
    #expect(chainText(start: result.seed.id, steps: item.path)
      == "kenmerk:MINDEF20250032172 -mentions-> organisatie:palantir <-mentions- ah-tk-20252026-313")
    // Every reachable node within two hops is there, the seed is not.
    #expect(Set(result.items.map(\.node.id)) == [
      "organisatie:palantir", "ah-tk-20242025-2790", "kv-tk-2025Z14549", "ministerie:DEF", "persoon:tuinman",
      "ah-tk-20252026-313", "persoon:van-houwelingen",
    ])
    let scores = result.items.map(\.score)
    #expect(scores == scores.sorted(by: >))
  }

  @Test func relatedFollowsOnlyTheChosenRelationsAndDirection() throws {
    var options = RelatedOptions()
    options.relations = [.cites]
    options.direction = .outgoing
    #expect(try index.related("ah-tk-20252026-313", options: options).items.map(\.node.id) == ["ah-tk-20242025-2790"])
    options.direction = .incoming
    #expect(try index.related("ah-tk-20252026-313", options: options).items.isEmpty)
    options.direction = .both
    #expect(try index.related("ah-tk-20252026-313", options: options).items.map(\.node.id) == [
      "ah-tk-20242025-2790", "kenmerk:MINDEF20250032172",
    ])
  }

  @Test func relatedDateWindowDropsDatedNodesOutsideIt() throws {
    var options = RelatedOptions()
    options.depth = 1
    options.since = try DateBound("2025-08", option: "--since")
    let ids = try index.related("kenmerk:MINDEF20250032172", options: options).items.map(\.node.id)
    #expect(ids == ["organisatie:palantir", "ministerie:DEF", "persoon:tuinman"])
    options.since = nil
    options.until = try DateBound("2025-05-20", option: "--until")
    #expect(try index.related("kenmerk:MINDEF20250032172", options: options).items.map(\.node.id).contains(
      "ah-tk-20242025-2790"))
    options.until = try DateBound("2025", option: "--until")
    #expect(try index.related("kenmerk:MINDEF20250032172", options: options).items.count == 5)
  }

  @Test(arguments: ["2025-1", "25-01-01", "2025/01/01", "", "2025-01-1x"])
  func badDatesAreRejected(text: String) {
    #expect(throws: IndexError.self) { try DateBound(text, option: "--since") }
  }

  @Test func relatedRejectsABadDepth() {
    var options = RelatedOptions()
    options.depth = 0
    #expect(throws: IndexError.invalidArgument(name: "--depth", value: "0", reason: "the depth must be at least 1")) {
      try index.related("2025Z14549", options: options)
    }
  }

  @Test func pathFindsAllShortestChainsInIdOrder() throws {
    let result = try index.path(from: "MINDEF20250032172", to: "2025D45253")
    #expect(result.length == 2)
    #expect(result.paths.map { chainText(start: result.from.id, steps: $0) } == [
      "kenmerk:MINDEF20250032172 -cites-> ah-tk-20242025-2790 <-cites- ah-tk-20252026-313",
      "kenmerk:MINDEF20250032172 -mentions-> organisatie:palantir <-mentions- ah-tk-20252026-313",
    ])
    #expect(!result.truncated)
    var options = PathOptions()
    options.relations = [.cites]
    #expect(try index.path(from: "MINDEF20250032172", to: "2025D45253", options: options).paths.count == 1)
    options.direction = .outgoing
    #expect(try index.path(from: "MINDEF20250032172", to: "2025D45253", options: options).length == nil)
    options.limit = 1
    options.relations = nil
    options.direction = .both
    let capped = try index.path(from: "MINDEF20250032172", to: "2025D45253", options: options)
    #expect(capped.paths.count == 1 && capped.truncated)
  }

  @Test func pathOverFourHopsAndTheDepthLimit() throws {
    let result = try index.path(from: "persoon:tuinman", to: "fractie:FVD")
    #expect(result.length == 4)
    #expect(result.paths.map { chainText(start: result.from.id, steps: $0) } == [
      "persoon:tuinman <-signed-by- kenmerk:MINDEF20250032172 -answers-> kv-tk-2025Z14549 "
        + "-asked-by-> persoon:van-houwelingen -member-of-> fractie:FVD"
    ])
    var options = PathOptions()
    options.maxDepth = 3
    #expect(try index.path(from: "persoon:tuinman", to: "fractie:FVD", options: options).length == nil)
    #expect(try index.path(from: "2025Z14549", to: "kv-tk-2025Z14549").length == 0)
  }

  @Test func similarCountsCouplingAndCoCitation() throws {
    let coupled = try index.similar("kenmerk:MINDEF20250032172")
    #expect(coupled.items.map(\.node.id) == ["ah-tk-20252026-313"])
    #expect(coupled.items[0].coupling == 1 && coupled.items[0].sharedTargets == ["ah-tk-20242025-2790"])
    let all = try index.similar("kenmerk:MINDEF20250032172", relations: Set(Relation.allCases))
    let top = try #require(all.items.first)
    #expect(top.node.id == "ah-tk-20252026-313")
    #expect(top.sharedTargets == ["ah-tk-20242025-2790", "organisatie:palantir"])
    let cocited = try index.similar("ah-tk-20242025-2790")
    #expect(cocited.items.map(\.node.id) == ["kv-tk-2025Z14549", "kv-tk-2025Z15452"])
    #expect(cocited.items.map(\.cocitation) == [1, 1])
    #expect(cocited.items[0].sharedSources == ["kenmerk:MINDEF20250032172"])
  }

  @Test func showGivesAttributesAliasesAndEvidence() throws {
    let shown = try index.show("2025D45253")
    #expect(shown.node == IndexFixtures.palantirGraph().node("ah-tk-20252026-313"))
    #expect(shown.edges.map { ($0.outgoing ? "out " : "in ") + $0.relation.rawValue + " " + $0.other.id } == [
      "out cites ah-tk-20242025-2790", "out answers kv-tk-2025Z15452", "out sent-by ministerie:JENV",
      "out mentions organisatie:palantir",
    ])
    let cited = try index.show("ah-tk-20242025-2790")
    let evidence = cited.edges.flatMap(\.evidence)
    #expect(evidence.map(\.line) == [30, 43])
    #expect(evidence[1].text == "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790")
    #expect(cited.edges.allSatisfy { !$0.outgoing })
    #expect(cited.table.contains("corpus/palantir/defensie-antwoord-2025Z14549.txt:43 [text]"))
  }

  @Test func searchFindsLabelsAndText() throws {
    let labels = try index.search("houwelingen")
    #expect(labels.first?.field == "label")
    #expect(labels.map(\.node.id).contains("persoon:van-houwelingen"))
    let text = try index.search("Raffinaderij politie")
    #expect(text.map(\.node.id).contains("ah-tk-20252026-313"))
    #expect(text.first { $0.node.id == "ah-tk-20252026-313" }?.field == "text")
    #expect(try index.search("Défensie").contains { $0.node.id == "ministerie:DEF" })
    #expect(try index.search("raffin*").map(\.node.id).contains("kv-tk-2025Z15452"))
    #expect(try index.search("NEAR(\"x\" OR").isEmpty)
    #expect(throws: IndexError.self) { try index.search("  ---  ") }
  }

  @Test func unresolvedListsUnresolvedAndAmbiguousWithReasons() throws {
    let list = try index.unresolved()
    #expect(list.map(\.status) == [.ambiguous, .unresolved])
    #expect(list[0].path == IndexFixtures.jenvPath && list[0].ids == ["ah-tk-20242025-2790", "ah-ek-20242025-2790"])
    #expect(list[1].reason == "no dossier or number" && list[1].line == 50)
  }

  @Test func statsCountsEverything() throws {
    let stats = try index.stats()
    #expect(stats.files == 2 && stats.nodes == 11 && stats.edges == 13 && stats.mentions == 4)
    #expect(stats.nodesByStatus == [
      NamedCount(name: "entity", count: 6), NamedCount(name: "external", count: 3),
      NamedCount(name: "resolved", count: 2),
    ])
    #expect(stats.edgesByRelation.first == NamedCount(name: "addressed-to", count: 1))
    #expect(stats.edgesByRelation.first { $0.name == "answers" }?.count == 2)
  }
}
