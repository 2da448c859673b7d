import Foundation
import GRDB
import Testing

@testable import KamerGraph

/// The index shared by processes, seen from the command line (issue 22): builds racing on one
/// index, queries on files that are not indexes, the exit codes and the argument checks.
@Suite struct IndexCommandLineTests {
  func kamergraph(_ arguments: [String], in folder: String) throws -> ToolRun? {
    guard let exe = QueryCommandLineTests.binary() else { return nil }
    return try ExternalTool.run("env", ["-C", folder, exe] + arguments)
  }

  /// Two small corpora of real letters (different files), under `dir`.
  func twoCorpora(in dir: URL) throws {
    let files = [
      "a/letter.txt": "corpus/palantir/defensie-antwoord-2025Z14549.txt",
      "b/aanhangsel.xml": "corpus/palantir/ah-tk-20252026-313.xml",
      "b/syncfeed.xml": "corpus/palantir/tk-syncfeed-2025Z15452.xml",
    ]
    for (name, source) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: Repo.path(source), toPath: url.path)
    }
  }

  /// A runtime failure is one `kamergraph: error:` line with the file, exit 3, no usage text.
  func expectRuntimeFailure(_ run: ToolRun, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == 3, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.hasPrefix("kamergraph: error: "), "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(!run.stderr.contains("Usage:"), sourceLocation: sourceLocation)
    #expect(run.stderr.contains(text), "\(run.stderr)", sourceLocation: sourceLocation)
  }

  @Test func twoBuildsOfDifferentCorporaIntoOneNewIndexSerialise() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try twoCorpora(in: dir)
    guard let exe = QueryCommandLineTests.binary() else { return }
    for trial in 0..<3 {
      let index = "k\(trial).sqlite"
      let build = { (corpus: String) in
        "\(exe) build \(corpus) --index \(index) --out out-\(corpus)-\(trial) --no-picture --format json >/dev/null 2>>err-\(trial); echo $? >> codes-\(trial)"
      }
      let race = try #require(try ExternalTool.run("sh", ["-c", "cd \(dir.path) && (\(build("a")) & \(build("b")) & wait)"]))
      #expect(race.status == 0)
      let codes = try String(contentsOf: dir.appendingPathComponent("codes-\(trial)"), encoding: .utf8)
      let errors = (try? String(contentsOf: dir.appendingPathComponent("err-\(trial)"), encoding: .utf8)) ?? ""
      #expect(codes.split(separator: "\n") == ["0", "0"], "\(errors)")
      #expect(!errors.contains("already exists"), "\(errors)")
      // The index holds exactly one of the two corpora, never a mix.
      let stored = try GraphIndex(path: dir.appendingPathComponent(index).path, access: .read).indexedPaths()
      #expect(stored == ["a/letter.txt"] || stored == ["b/aanhangsel.xml", "b/syncfeed.xml"], "\(stored)")
    }
  }

  @Test func aBuildWaitingForAnotherSaysWhichProcessAndThenRuns() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try twoCorpora(in: dir)
    guard let exe = QueryCommandLineTests.binary() else { return }
    let path = dir.appendingPathComponent("k.sqlite").path
    let holder = try GraphIndex(path: path, access: .build())
    let process = Process()
    process.executableURL = URL(fileURLWithPath: exe)
    process.currentDirectoryURL = dir
    process.arguments = ["build", "a", "--index", path, "--out", "out", "--no-picture", "--format", "json"]
    let errURL = dir.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    var said = ""
    while !said.contains("waiting for another build"), process.isRunning {
      usleep(20_000)
      said = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    }
    #expect(said.contains("kamergraph: waiting for another build of \(path) (pid \(getpid()))"), "\(said)")
    // Queries answer meanwhile: this process is building the index for the first time.
    let during = try #require(try kamergraph(["stats", "--index", path], in: dir.path))
    expectRuntimeFailure(during, mentioning: "is being built (pid \(getpid()))")
    try holder.commit(files: [], removedPaths: [], graph: IndexFixtures.palantirGraph())
    let stats = try #require(try kamergraph(["stats", "--index", path], in: dir.path))
    #expect(stats.status == 0, "answers from the committed state while the second build runs: \(stats.stderr)")
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(said)")
    #expect(try GraphIndex(path: path, access: .read).indexedPaths() == ["a/letter.txt"])
  }

  @Test func queriesOnFilesThatAreNotIndexesFailWithoutWriting() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let other = dir.appendingPathComponent("other.db").path
    try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE notes(text TEXT)") }
    let before = try Data(contentsOf: URL(fileURLWithPath: other))
    let empty = dir.appendingPathComponent("empty.sqlite").path
    FileManager.default.createFile(atPath: empty, contents: Data())
    for command in [["stats"], ["related", "x"], ["search", "palantir"], ["export", "--format", "json"]] {
      guard let run = try kamergraph(command + ["--index", other], in: dir.path) else { return }
      expectRuntimeFailure(run, mentioning: "\(other) is not a KamerGraph index: it is another program's SQLite database (tables notes)")
      let zero = try #require(try kamergraph(command + ["--index", empty], in: dir.path))
      expectRuntimeFailure(zero, mentioning: "\(empty) is not a KamerGraph index: it is empty (0 bytes)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
    #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
    // A build refuses the foreign file too, and leaves it alone.
    try "Kamerstuk 36 278, nr. 3".write(to: dir.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
    let build = try #require(try kamergraph(["build", "x.txt", "--index", other, "--out", "o"], in: dir.path))
    expectRuntimeFailure(build, mentioning: "\(other) is not a KamerGraph index")
    #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
  }

  @Test func aNewerSchemaIsRefusedByQueriesAndBuildsAndRebuildReplacesIt() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try twoCorpora(in: dir)
    let path = dir.appendingPathComponent("k.sqlite").path
    guard let first = try kamergraph(["build", "a", "--index", path, "--out", "o", "--no-picture"], in: dir.path) else { return }
    #expect(first.status == 0, "\(first.stderr)")
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "UPDATE meta SET value = '12' WHERE key = 'schema_version'")
    }
    let sentence = "has schema version 12, written by \(GraphIndex.toolVersion); this kamergraph reads schema version \(GraphIndex.schemaVersion)"
    let show = try #require(try kamergraph(["show", "2025Z14549", "--index", path], in: dir.path))
    expectRuntimeFailure(show, mentioning: sentence)
    let build = try #require(try kamergraph(["build", "a", "--index", path, "--out", "o", "--no-picture"], in: dir.path))
    expectRuntimeFailure(build, mentioning: sentence)
    let rebuild = try #require(try kamergraph(["build", "a", "--rebuild", "--index", path, "--out", "o", "--no-picture"], in: dir.path))
    #expect(rebuild.status == 0, "\(rebuild.stderr)")
    let shown = try #require(try kamergraph(["show", "2025Z14549", "--index", path], in: dir.path))
    #expect(shown.status == 0, "\(shown.stderr)")
  }

  @Test func argumentChecksAreUsageErrors() throws {
    let index = IndexFixtures.temporaryIndexPath()
    try GraphIndex(path: index).commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    let dir = URL(fileURLWithPath: index).deletingLastPathComponent().path
    let cases: [([String], String)] = [
      (["related", "2025Z14549", "--since", "2025-13-45"], "there is no month 13"),
      (["related", "2025Z14549", "--until", "2025-02-30"], "month 02 of 2025 has days 01 to 28"),
      (["related", "2025Z14549", "--since", "2025-06", "--until", "2025-05-31"], "--since 2025-06 is after --until 2025-05-31"),
      (["related", "2025Z14549", "--max-nodes", "0"], "--max-nodes must be at least 1, not 0"),
      (["related", "2025Z14549", "--limit", "-3"], "--limit must be at least 1, not -3"),
      (["path", "a", "b", "--limit", "0"], "--limit must be at least 1, not 0"),
      (["path", "a", "b", "--max-depth", "-1"], "--max-depth must be at least 1, not -1"),
      (["search", "palantir", "--limit", "0"], "--limit must be at least 1, not 0"),
      (["similar", "2025Z14549", "--limit", "0"], "--limit must be at least 1, not 0"),
      (["export", "--format", "json", "--around", "x", "--depth", "-1"], "--depth must be at least 0, not -1"),
    ]
    for (arguments, message) in cases {
      guard let run = try kamergraph(arguments + ["--index", index], in: dir) else { return }
      #expect(run.status == 64, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
    // The decoys: a leap day and bounds in order pass.
    let ok = try #require(try kamergraph(["related", "2025Z14549", "--since", "2024-02-29", "--until", "2025", "--index", index], in: dir))
    #expect(ok.status == 0, "\(ok.stderr)")
  }

  @Test func exportAroundAnUnknownIdSaysSoAsNothingFound() throws {
    let index = IndexFixtures.temporaryIndexPath()
    try GraphIndex(path: index).commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    let dir = URL(fileURLWithPath: index).deletingLastPathComponent().path
    guard let run = try kamergraph(["export", "--format", "json", "--around", "zz-nothing", "--index", index], in: dir) else { return }
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("has no node or alias \"zz-nothing\""))
  }

  @Test func aSearchWithTooManyWordsIsRefusedWithASentence() throws {
    let index = IndexFixtures.temporaryIndexPath()
    try GraphIndex(path: index).commit(files: IndexFixtures.palantirFiles(), removedPaths: [], graph: IndexFixtures.palantirGraph())
    let dir = URL(fileURLWithPath: index).deletingLastPathComponent().path
    let words = (1...(GraphIndex.maximumSearchTerms + 1)).map { "woord\($0)" }
    guard let run = try kamergraph(["search"] + words + ["--index", index], in: dir) else { return }
    #expect(run.status == 64)
    #expect(run.stderr.contains("it has \(words.count) different words; a search takes at most \(GraphIndex.maximumSearchTerms)"))
    // Repeated words count once: the same word many times is one term.
    let repeated = try #require(try kamergraph(["search"] + Array(repeating: "Palantir", count: 500) + ["--index", index], in: dir))
    #expect(repeated.status == 0, "\(repeated.stderr)")
    #expect(repeated.stdout.contains("organisatie:palantir"))
    // The words are joined before parsing; options between them still count, `--` keeps dashes.
    let mixed = try #require(try kamergraph(["search", "Palantir", "--limit", "1", "--json", "software", "--index", index], in: dir))
    #expect(mixed.status == 0, "\(mixed.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(mixed.stdout.utf8)) as? [String: Any])
    #expect(json["query"] as? String == "Palantir software")
    #expect((json["results"] as? [Any])?.count == 1)
    let dashed = try #require(try kamergraph(["search", "--index", index, "--", "-Palantir", "software"], in: dir))
    #expect(dashed.status == 0, "\(dashed.stderr)")
  }

  @Test func aFileWhoseNameIsNotUTF8IsReadAndShownEscaped() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = dir.appendingPathComponent("c")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let letter = try Data(contentsOf: URL(fileURLWithPath: Repo.path("corpus/palantir/defensie-antwoord-2025Z14549.txt")))
    // "brief-café.txt" with é in Latin-1 (0xE9), as an old archive names it.
    let name = Array("c/brief-caf".utf8) + [0xE9] + Array(".txt".utf8)
    let full = Array(dir.path.utf8) + [0x2F] + name
    let fd = (full + [0]).withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    #expect(fd >= 0)
    _ = letter.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard let run = try kamergraph(["build", "c", "--index", "k.sqlite", "--out", "o", "--no-picture", "--format", "json"], in: dir.path)
    else { return }
    #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    #expect(run.stdout.contains("1 read"), "\(run.stdout)")
    let stored = try GraphIndex(path: dir.appendingPathComponent("k.sqlite").path, access: .read).indexedPaths()
    #expect(stored == ["c/brief-caf\\xE9.txt"])
    #expect(FileName.fromSystem(Array("brief-café".utf8)) == "brief-café", "a UTF-8 name is itself")
  }
}
