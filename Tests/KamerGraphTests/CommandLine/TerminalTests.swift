import Foundation
import Testing

@testable import KamerGraph

/// The terminal as a new user meets it: stdout for results, one error style on stderr, the exit
/// codes of the README's table (0 done, 1 nothing found, 2 some inputs failed, 3 runtime failure,
/// 64 usage), quiet rebuilds, typo'd paths and commands.
@Suite struct TerminalTests {
  func kamergraph(_ arguments: [String], in folder: String) throws -> ToolRun? {
    guard let exe = QueryCommandLineTests.binary() else { return nil }
    return try ExternalTool.run("env", ["-C", folder, exe] + arguments)
  }

  func folderWithLetter() throws -> URL {
    let dir = try ExternalTool.temporaryDirectory()
    let letter = try Data(contentsOf: URL(fileURLWithPath: Repo.path("corpus/palantir/defensie-antwoord-2025Z14549.txt")))
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("corpus/x"), withIntermediateDirectories: true)
    try letter.write(to: dir.appendingPathComponent("corpus/x/letter.txt"))
    return dir
  }

  /// Every line of `text` is one error line.
  func isErrorLines(_ text: String) -> Bool {
    let lines = text.split(separator: "\n")
    return !lines.isEmpty && lines.allSatisfy { $0.hasPrefix("kamergraph: error: ") }
  }

  @Test func versionAndHelpGoToStdoutWithStatusZero() throws {
    guard let version = try kamergraph(["--version"], in: Repo.root.path) else { return }
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("kamergraph 0."), "\(version.stdout)")
    #expect(version.stdout.contains("extraction \(ExtractionVersion.current)"))
    let help = try #require(try kamergraph(["search", "--help"], in: Repo.root.path))
    #expect(help.status == 0)
    #expect(help.stdout.contains("NEAR(palantir politie, 5)"), "the FTS5 syntax is explained")
    #expect(help.stdout.contains("--since") && help.stdout.contains("--until"))
  }

  @Test func aMistypedCommandGetsASuggestionAndTheUsage() throws {
    guard let typo = try kamergraph(["bulid"], in: Repo.root.path) else { return }
    #expect(typo.status == 64)
    #expect(typo.stdout.isEmpty)
    #expect(typo.stderr.hasPrefix("kamergraph: error: \"bulid\" is not a kamergraph command; did you mean \"build\"?\n"), "\(typo.stderr)")
    #expect(typo.stderr.contains("USAGE") || typo.stderr.contains("Usage"))
    // A word close to no command gets no guess.
    let far = try #require(try kamergraph(["zebra"], in: Repo.root.path))
    #expect(far.status == 64)
    #expect(!far.stderr.contains("did you mean"), "\(far.stderr)")
    #expect(far.stderr.contains("see kamergraph --help"))
  }

  @Test func usageErrorsExit64WithOneErrorLineAndTheUsage() throws {
    guard let bad = try kamergraph(["build", "--threads", "0"], in: Repo.root.path) else { return }
    #expect(bad.status == 64)
    #expect(bad.stderr.hasPrefix("kamergraph: error: --threads must be at least 1"), "\(bad.stderr)")
    #expect(bad.stderr.contains("Usage: kamergraph build"), "\(bad.stderr)")
    #expect(!bad.stderr.contains("Error:"), "one error style")
    let format = try #require(try kamergraph(["export", "--format", "pdf"], in: Repo.root.path))
    #expect(format.status == 64)
    #expect(format.stderr.contains("graphml") && format.stderr.contains("csv"), "the formats are listed: \(format.stderr)")
  }

  @Test func runtimeErrorsAreOneLineOnStderrWithoutUsage() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let run = try kamergraph(["stats", "--index", "none.sqlite"], in: dir.path) else { return }
    #expect(run.status == 3)
    #expect(run.stdout.isEmpty)
    #expect(isErrorLines(run.stderr) && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(run.stderr.contains("there is no index at none.sqlite; run `kamergraph build` first"))
    #expect(!run.stderr.contains("Usage"))
    #expect(!run.stderr.contains(".."), "one full stop")
  }

  @Test func aTypoInAPathWritesNothing() throws {
    let dir = try folderWithLetter()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let run = try kamergraph(["build", "corpus/y", "--out", "out"], in: dir.path) else { return }
    #expect(run.status == 3)
    #expect(run.stderr == "kamergraph: error: corpus/y does not exist, nothing was written; did you mean corpus/x?\n", "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("kamergraph.sqlite").path))
    // A name near nothing in its folder: no guess, only the fix.
    let far = try #require(try kamergraph(["build", "quarterly-report.txt"], in: dir.path))
    #expect(far.status == 3)
    #expect(far.stderr.contains("quarterly-report.txt does not exist, nothing was written; check the path.\n"), "\(far.stderr)")
  }

  @Test func anEmptyFolderOrOnlyAReadmeIsNothingToRead() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
    guard let empty = try kamergraph(["build", "empty", "--out", "out"], in: dir.path) else { return }
    #expect(empty.status == 3)
    #expect(empty.stderr.hasPrefix("kamergraph: error: nothing to read in empty (no files)"), "\(empty.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    try Data("# notes\n".utf8).write(to: dir.appendingPathComponent("empty/README.md"))
    let readme = try #require(try kamergraph(["build", "empty", "--out", "out", "--no-index"], in: dir.path))
    #expect(readme.status == 3)
    #expect(readme.stderr.contains("only skipped files: empty/README.md"), "\(readme.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/empty.graphml").path))
  }

  @Test func failedFilesGoToStderrAndSkippedOnesOnlyWithVerbose() throws {
    let dir = try folderWithLetter()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data().write(to: dir.appendingPathComponent("corpus/x/empty.txt"))
    try Data("# notes\n".utf8).write(to: dir.appendingPathComponent("corpus/x/README.md"))
    guard let run = try kamergraph(["build", "corpus/x", "--out", "out", "--no-index", "--format", "json"], in: dir.path)
    else { return }
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("kamergraph: error: corpus/x/empty.txt could not be read: "), "\(run.stderr)")
    #expect(isErrorLines(run.stderr))
    #expect(!run.stdout.contains("empty.txt"), "failures are not repeated on stdout")
    #expect(run.stdout.contains("x: 3 files: 1 read, 1 skipped, 1 failed"))
    #expect(run.stdout.contains("  1 skipped (--verbose lists them)"), "\(run.stdout)")
    #expect(!run.stdout.contains("README.md"))
    let verbose = try #require(try kamergraph(["build", "corpus/x", "--out", "out", "--no-index", "--format", "json", "-v"], in: dir.path))
    #expect(verbose.stdout.contains("  skipped corpus/x/README.md: "), "\(verbose.stdout)")
    let quiet = try #require(try kamergraph(["build", "corpus/x", "--out", "out", "--no-index", "--format", "json", "-q"], in: dir.path))
    #expect(quiet.status == 2)
    #expect(quiet.stdout.isEmpty)
    #expect(quiet.stderr.contains("empty.txt could not be read"), "--quiet keeps the errors")
  }

  @Test func aRebuildWithNothingChangedIsOneLinePerGraphAndWritesNothing() throws {
    let dir = try folderWithLetter()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let first = try kamergraph(["build", "--format", "graphml", "--no-picture"], in: dir.path) else { return }
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("wrote graphs/x.graphml"))
    let graphml = dir.appendingPathComponent("graphs/x.graphml").path
    let before = try FileManager.default.attributesOfItem(atPath: graphml)[.modificationDate] as? Date
    let second = try #require(try kamergraph(["build", "--format", "graphml", "--no-picture"], in: dir.path))
    #expect(second.status == 0)
    let lines = second.stdout.split(separator: "\n")
    #expect(lines.count == 2, "\(second.stdout)")
    #expect(lines.first == "x: 1 files: 1 read, 0 skipped, 0 failed")
    #expect(!second.stdout.contains("wrote"), "nothing was written, so nothing says so")
    #expect(second.stderr.isEmpty)
    #expect(try FileManager.default.attributesOfItem(atPath: graphml)[.modificationDate] as? Date == before)
    let quiet = try #require(try kamergraph(["build", "--format", "graphml", "--no-picture", "--quiet"], in: dir.path))
    #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
  }

  @Test func anOutputFolderThatIsAFileIsOneSentence() throws {
    let dir = try folderWithLetter()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("x".utf8).write(to: dir.appendingPathComponent("taken"))
    guard let run = try kamergraph(["build", "corpus/x", "--out", "taken/graphs", "--no-index"], in: dir.path) else { return }
    #expect(run.status == 3)
    #expect(run.stderr == "kamergraph: error: cannot write the graphs to taken/graphs: taken is a file, not a folder; pass --out FOLDER.\n", "\(run.stderr)")
    #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Usage"))
  }

  @Test func exportWritesCSVWithoutOutputAndSaysWroteOnStderr() throws {
    let dir = try folderWithLetter()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let build = try kamergraph(["build", "corpus/x", "--out", "g", "--format", "json", "-q"], in: dir.path) else { return }
    #expect(build.status == 0, "\(build.stderr)")
    let csv = try #require(try kamergraph(["export", "--format", "csv", "--name", "letter", "--bom"], in: dir.path))
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.isEmpty)
    #expect(csv.stderr.hasPrefix("kamergraph: wrote letter.nodes.csv ("), "\(csv.stderr)")
    let nodes = try Data(contentsOf: dir.appendingPathComponent("letter.nodes.csv"))
    #expect(Array(nodes.prefix(5)) == [0xEF, 0xBB, 0xBF, 0x49, 0x64], "a BOM, then the Id header")
    let plain = try #require(try kamergraph(["export", "--format", "csv", "--output", "p.csv", "--quiet"], in: dir.path))
    #expect(plain.stderr.isEmpty, "--quiet leaves out the wrote lines")
    #expect(try Data(contentsOf: dir.appendingPathComponent("p.nodes.csv")).first == 0x49, "no BOM unless asked")
    let missing = try #require(try kamergraph(["export", "--format", "json", "--output", "no/such/folder/g.json"], in: dir.path))
    #expect(missing.status == 3)
    #expect(missing.stderr == "kamergraph: error: cannot write no/such/folder/g.json: the folder no/such/folder does not exist; create it or choose another path.\n", "\(missing.stderr)")
  }

  /// One-character paths: Foundation's NSString path methods crashed on them ("Illegal
  /// instruction") in `build y`, `export --output q` and `export --format csv --output g`.
  @Test func oneCharacterPathsAreOrdinaryPaths() throws {
    let dir = try folderWithLetter()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let typo = try kamergraph(["build", "y"], in: dir.path) else { return }
    #expect(typo.status == 3)
    #expect(typo.stderr == "kamergraph: error: y does not exist, nothing was written; check the path.\n", "\(typo.stderr)")
    let near = try #require(try kamergraph(["build", "corpu"], in: dir.path))
    #expect(near.stderr == "kamergraph: error: corpu does not exist, nothing was written; did you mean corpus?\n", "\(near.stderr)")
    // `text` of a mistyped file says so as build does (it said "cannot be read: ... (No such file or directory)").
    let text = try #require(try kamergraph(["text", "corpus/x/lettr.txt"], in: dir.path))
    #expect(text.status == 2)
    #expect(text.stdout.isEmpty)
    #expect(
      text.stderr == "kamergraph: error: corpus/x/lettr.txt does not exist, there is no text to print; did you mean corpus/x/letter.txt?\n",
      "\(text.stderr)")
    let build = try #require(try kamergraph(["build", "corpus/x", "--out", "o", "--format", "json", "-q"], in: dir.path))
    #expect(build.status == 0, "\(build.stderr)")
    let json = try #require(try kamergraph(["export", "--format", "json", "--output", "q"], in: dir.path))
    #expect(json.status == 0, "\(json.stderr)")
    #expect(json.stderr.hasPrefix("kamergraph: wrote q ("), "\(json.stderr)")
    // --out, as build spells it, is export's --output too.
    let out = try #require(try kamergraph(["export", "--format", "json", "--out", "r.json"], in: dir.path))
    #expect(out.status == 0, "\(out.stderr)")
    #expect(out.stderr.hasPrefix("kamergraph: wrote r.json ("), "\(out.stderr)")
    let csv = try #require(try kamergraph(["export", "--format", "csv", "--output", "g"], in: dir.path))
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stderr.hasPrefix("kamergraph: wrote g.nodes.csv ("), "\(csv.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.edges.csv").path))
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("s"), withIntermediateDirectories: true)
    let nested = try #require(try kamergraph(["export", "--format", "csv", "--output", "s/e.csv", "-q"], in: dir.path))
    #expect(nested.status == 0, "\(nested.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s/e.nodes.csv").path))
  }

  func palantirIndexPath() throws -> String {
    let path = IndexFixtures.temporaryIndexPath()
    try GraphIndex(path: path).commit(
      files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    return path
  }

  @Test func aQueryThatFindsNothingExitsOneLikeGrep() throws {
    let index = try palantirIndexPath()
    guard let none = try kamergraph(["search", "nietsvindbaar", "--index", index], in: Repo.root.path) else { return }
    #expect(none.status == 1)
    #expect(none.stdout.isEmpty, "no empty table")
    #expect(none.stderr == "kamergraph: nothing found for nietsvindbaar\n", "\(none.stderr)")
    let json = try #require(try kamergraph(["search", "nietsvindbaar", "--json", "--index", index], in: Repo.root.path))
    #expect(json.status == 1)
    #expect(json.stdout == "{\"query\":\"nietsvindbaar\",\"results\":[]}\n", "scripts still get their JSON")
    let found = try #require(try kamergraph(["search", "raffinaderij OR nietsvindbaar", "--index", index], in: Repo.root.path))
    #expect(found.status == 0, "OR is an operator: \(found.stderr)")
    #expect(found.stdout.contains("kv-tk-2025Z15452"))
    let similar = try #require(try kamergraph(["similar", "persoon:tuinman", "--index", index], in: Repo.root.path))
    #expect(similar.status == 1)
    #expect(similar.stdout.isEmpty)
    #expect(similar.stderr.hasPrefix("kamergraph: no document cites what persoon:tuinman cites"), "\(similar.stderr)")
    let quiet = try #require(try kamergraph(["questions", "--party", "FVD", "--open", "--index", index], in: Repo.root.path))
    #expect(quiet.status == 1, "both sets of questions are answered: \(quiet.stdout)")
    let badDate = try #require(try kamergraph(["questions", "--since", "juli", "--index", index], in: Repo.root.path))
    #expect(badDate.status == 64)
    #expect(badDate.stderr.hasPrefix("kamergraph: error: the value \"juli\" of --since is not usable"), "\(badDate.stderr)")
  }

  @Test func searchTakesItsDateOptionsBeforeOrAfterTheWords() throws {
    let index = try palantirIndexPath()
    // The value of --since/--until is not one of the words (it was: "Missing value for --since").
    guard let after = try kamergraph(["search", "raffinaderij", "--since", "2025-08", "--index", index], in: Repo.root.path)
    else { return }
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout.contains("ah-tk-20252026-313"), "\(after.stdout)")
    let before = try #require(
      try kamergraph(["search", "--until", "2025", "--since", "2025", "raffinaderij", "OR", "palantir", "--index", index], in: Repo.root.path))
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout.contains("kv-tk-2025Z15452"), "\(before.stdout)")
    let late = try #require(try kamergraph(["search", "raffinaderij", "--since", "2026", "--index", index], in: Repo.root.path))
    #expect(!late.stdout.contains("ah-tk-20252026-313"), "a document of 2025 is left out from 2026: \(late.stdout)")
    #expect(late.stderr.isEmpty || late.stderr.hasPrefix("kamergraph: nothing found for raffinaderij dated from 2026"), "\(late.stderr)")
  }

  @Test func anActorIsFoundByItsNameWithoutPrefix() throws {
    let index = try palantirIndexPath()
    guard let show = try kamergraph(["show", "palantir", "--index", index], in: Repo.root.path) else { return }
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stdout.contains("id      organisatie:palantir"), "\(show.stdout)")
    let actor = try #require(try kamergraph(["actor", "Van Houwelingen", "--json", "--index", index], in: Repo.root.path))
    #expect(actor.status == 0, "\(actor.stderr)")
    #expect(actor.stdout.hasPrefix(#"{"actor":{"id":"persoon:van-houwelingen""#), "\(actor.stdout)")
    #expect(actor.stdout.contains(#""ministries":[{"ministry":{"id":"ministerie:DEF""#))
    let unknown = try #require(try kamergraph(["actor", "Houwelingen", "--index", index], in: Repo.root.path))
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr == "kamergraph: error: the index \(index) has no node or alias \"Houwelingen\"; did you mean: persoon:van-houwelingen?\n",
      "one style, the fix after a semicolon: \(unknown.stderr)")
    let nothingNear = try #require(try kamergraph(["related", "zzz", "--index", index], in: Repo.root.path))
    #expect(nothingNear.status == 1)
    #expect(
      nothingNear.stderr == "kamergraph: error: the index \(index) has no node or alias \"zzz\"; try `kamergraph search 'zzz'` to find it by its words.\n",
      "\(nothingNear.stderr)")
  }
}
