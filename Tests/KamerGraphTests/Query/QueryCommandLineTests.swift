import Foundation
import Testing

@testable import KamerGraph

/// The query subcommands run as a user runs them, against an index holding the Palantir graph.
@Suite struct QueryCommandLineTests {
  /// The built `kamergraph` next to the test bundle, or in .build/debug.
  static func binary() -> String? {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [besideTests, besideTests.deletingLastPathComponent(), Repo.root.appendingPathComponent(".build/debug")] {
      let candidate = folder.appendingPathComponent("kamergraph").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    if runningInCI { Issue.record("the kamergraph executable was not built next to the tests") }
    return nil
  }

  func kamergraph(_ arguments: [String], index: String) throws -> ToolRun? {
    guard let exe = Self.binary() else { return nil }
    return try ExternalTool.run("env", [exe] + arguments + ["--index", index])
  }

  func palantirIndexPath() throws -> String {
    let path = IndexFixtures.temporaryIndexPath()
    try GraphIndex(path: path).commit(
      files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    return path
  }

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func relatedPrintsATableAndJSON() throws {
    let index = try palantirIndexPath()
    guard let table = try kamergraph(["related", "MINDEF20250032172", "--depth", "1"], index: index) else { return }
    #expect(table.status == 0, "\(table.stderr)")
    let lines = table.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Related to kenmerk:MINDEF20250032172 (kenmerk) Antwoord op vragen van het lid Van "
      + "Houwelingen over Palantir")
    #expect(lines.contains { $0.hasPrefix("#  SCORE   HOPS  ID") })
    #expect(lines.contains {
      $0.hasPrefix("1  1.2925  1     organisatie:palantir") && $0.hasSuffix("-mentions-> organisatie:palantir")
    })

    let json = try #require(try kamergraph(["related", "2025Z14549", "--json", "--relation", "answers"], index: index))
    #expect(json.status == 0, "\(json.stderr)")
    let doc = try object(json.stdout)
    #expect(Array(doc.keys).sorted() == ["capped", "reached", "results", "seed"])
    let results = try #require(doc["results"] as? [[String: Any]])
    #expect(results.count == 1)
    #expect(Array(results[0].keys).sorted() == ["distance", "node", "path", "score"])
    let node = try #require(results[0]["node"] as? [String: Any])
    #expect(node["id"] as? String == "kenmerk:MINDEF20250032172")
    #expect(Array(node.keys).sorted() == ["date", "id", "kind", "label", "status"])
    let step = try #require((results[0]["path"] as? [[String: Any]])?.first)
    #expect(step["relation"] as? String == "answers" && step["direction"] as? String == "in")
    // Key order is fixed, not only the key set.
    #expect(json.stdout.hasPrefix("{\"seed\":{\"id\":\"kv-tk-2025Z14549\",\"kind\":\"kamervragen\",\"label\":"))
  }

  @Test func pathShowSimilarSearchUnresolvedStatsRun() throws {
    let index = try palantirIndexPath()
    guard let path = try kamergraph(["path", "MINDEF20250032172", "2025D45253"], index: index) else { return }
    #expect(path.stdout == """
      2 shortest chain(s) of 2 hop(s) from kenmerk:MINDEF20250032172 to ah-tk-20252026-313
      kenmerk:MINDEF20250032172 -cites-> ah-tk-20242025-2790 <-cites- ah-tk-20252026-313
      kenmerk:MINDEF20250032172 -mentions-> organisatie:palantir <-mentions- ah-tk-20252026-313

      """)
    let pathJSON = try object(try #require(try kamergraph(["path", "2025Z14549", "fractie:FVD", "--json"], index: index)).stdout)
    #expect(pathJSON["length"] as? Int == 2)
    #expect(Array(pathJSON.keys).sorted() == ["from", "length", "paths", "to", "truncated"])

    let show = try #require(try kamergraph(["show", "ah-tk-20242025-2790", "--json"], index: index))
    let shown = try object(show.stdout)
    let edges = try #require(shown["edges"] as? [[String: Any]])
    #expect(edges.count == 2)
    let evidence = try #require(edges[1]["evidence"] as? [[String: Any]])
    #expect(evidence.first?["line"] as? Int == 43)
    #expect(Array(evidence[0].keys).sorted() == ["copy_of", "end", "line", "path", "source", "start", "text"])

    let similar = try object(try #require(try kamergraph(["similar", "ah-tk-20242025-2790", "--json"], index: index)).stdout)
    let similarResults = try #require(similar["results"] as? [[String: Any]])
    #expect(similarResults.map { ($0["node"] as? [String: Any])?["id"] as? String } == ["kv-tk-2025Z14549", "kv-tk-2025Z15452"])

    let search = try #require(try kamergraph(["search", "politie", "--json"], index: index))
    #expect(search.stdout.contains("\"id\":\"ah-tk-20252026-313\""))

    let unresolved = try object(try #require(try kamergraph(["unresolved", "--json"], index: index)).stdout)
    #expect((unresolved["mentions"] as? [Any])?.count == 2)
    #expect((unresolved["conflicts"] as? [Any])?.isEmpty == true)

    let stats = try #require(try kamergraph(["stats"], index: index))
    #expect(stats.stdout.contains("\ntotal           nodes         11\n"))
    let statsJSON = try object(try #require(try kamergraph(["stats", "--json"], index: index)).stdout)
    #expect(statsJSON["edges"] as? Int == 13)
  }

  /// Two answers, each with its own Aanhangsel number, that both claim one kenmerk: `unresolved`
  /// lists the conflict with both files (table and JSON); a corpus without one lists none.
  @Test func unresolvedListsIdentityConflictsWithBothFiles() throws {
    guard let exe = Self.binary() else { return }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-conflict-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let footer = "\nISSN 0921 - 7398\n’s-Gravenhage 2024\n"
    try ("Ons kenmerk\n7362548\n\nAntwoord.\n\nah-tk-20232024-1" + footer).write(
      toFile: folder + "/corpus/a.txt", atomically: true, encoding: .utf8)
    try ("Ons kenmerk\n7362548\n\nAntwoord.\n\nah-tk-20232024-2" + footer).write(
      toFile: folder + "/corpus/b.txt", atomically: true, encoding: .utf8)
    let build = try #require(try ExternalTool.run(
      "env", ["-C", folder, exe, "build", "corpus", "--out", "out", "--index", "idx.sqlite", "--no-picture"]))
    #expect(build.status == 0, "\(build.stderr)")
    let table = try #require(try ExternalTool.run("env", ["-C", folder, exe, "unresolved", "--index", "idx.sqlite"]))
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("1 identity conflict(s)"), "\(table.stdout)")
    #expect(table.stdout.contains("kenmerk:7362548  corpus/a.txt, corpus/b.txt"), "\(table.stdout)")
    let json = try object(
      try #require(try ExternalTool.run("env", ["-C", folder, exe, "unresolved", "--index", "idx.sqlite", "--json"])).stdout)
    let conflicts = try #require(json["conflicts"] as? [[String: Any]])
    #expect(conflicts.count == 1)
    #expect(conflicts.first?["id"] as? String == "kenmerk:7362548")
    #expect(conflicts.first?["paths"] as? [String] == ["corpus/a.txt", "corpus/b.txt"])
    // Rebuilt without the conflict: the list is empty again.
    try FileManager.default.removeItem(atPath: folder + "/corpus/b.txt")
    _ = try #require(try ExternalTool.run(
      "env", ["-C", folder, exe, "build", "corpus", "--out", "out", "--index", "idx.sqlite", "--no-picture"]))
    let after = try #require(try ExternalTool.run("env", ["-C", folder, exe, "unresolved", "--index", "idx.sqlite"]))
    #expect(!after.stdout.contains("identity conflict"), "\(after.stdout)")
  }

  @Test func anUnknownIdFailsWithSuggestions() throws {
    let index = try palantirIndexPath()
    guard let run = try kamergraph(["show", "MINDEF2025003217"], index: index) else { return }
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("has no node or alias \"MINDEF2025003217\"; did you mean: kenmerk:MINDEF20250032172"))
  }

  @Test func aMissingIndexIsAClearError() throws {
    let missing = IndexFixtures.temporaryIndexPath("missing.sqlite")
    guard let run = try kamergraph(["stats"], index: missing) else { return }
    #expect(run.status == 3, "a runtime failure")
    #expect(run.stderr == "kamergraph: error: there is no index at \(missing); run `kamergraph build` first, or pass --index FILE.\n")
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test func exportWritesTheStoredGraph() throws {
    let index = try palantirIndexPath()
    guard let run = try kamergraph(["export", "--format", "json"], index: index) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    let expected = try GraphExporter.files(for: IndexFixtures.palantirGraph(), name: "kamergraph", format: .json)
    #expect(Array(run.stdout.utf8) == expected[0].contents)
    let folder = URL(fileURLWithPath: index).deletingLastPathComponent()
    let csv = try #require(
      try kamergraph(["export", "--format", "csv", "--output", folder.appendingPathComponent("g.csv").path], index: index))
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("g.nodes.csv").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("g.edges.csv").path))
  }
}
