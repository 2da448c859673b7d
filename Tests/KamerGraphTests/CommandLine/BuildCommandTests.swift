import Foundation
import Testing

@testable import KamerGraph

/// `build`, `extract` and `text` run as a user runs them.
@Suite struct BuildCommandTests {
  /// Runs the built `kamergraph` with `arguments` in `folder`; nil when it is not built (noted).
  func kamergraph(_ arguments: [String], in folder: String) throws -> ToolRun? {
    guard let exe = QueryCommandLineTests.binary() else { return nil }
    return try ExternalTool.run("env", ["-C", folder, exe] + arguments)
  }

  func write(_ files: [String: [UInt8]], under dir: URL) throws {
    for (name, bytes) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
  }

  @Test func aFailedFileGivesExitTwoAndTheGraphOfTheOthers() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let letter = try Data(contentsOf: URL(fileURLWithPath: Repo.path("corpus/palantir/defensie-antwoord-2025Z14549.txt")))
    try write(
      [
        "corpus/x/letter.txt": [UInt8](letter), "corpus/x/empty.txt": [],
        "corpus/x/junk.xml": Array("<officiele-publicatie><kamervragen>".utf8), "corpus/x/README.md": Array("# notes".utf8),
      ], under: dir)
    guard let run = try kamergraph(["build", "corpus/x", "--out", "out", "--report", "report.json", "--no-index"], in: dir.path)
    else { return }
    #expect(run.status == 2, "\(run.stdout)\n\(run.stderr)")
    #expect(run.stdout.contains("x: 4 files: 1 read, 1 skipped, 2 failed"), "\(run.stdout)")
    #expect(run.stderr.contains("kamergraph: error: corpus/x/empty.txt could not be read: "), "\(run.stderr)")
    #expect(run.stderr.contains("kamergraph: error: corpus/x/junk.xml could not be read: "))
    let graphml = try String(contentsOf: dir.appendingPathComponent("out/x.graphml"), encoding: .utf8)
    #expect(graphml.contains("kenmerk:MINDEF20250032172"), "the good file's graph is still written")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json"))) as? [String: Any])
    let graph = try #require((report["graphs"] as? [[String: Any]])?.first)
    #expect(graph["read"] as? Int == 1)
    #expect(graph["skipped"] as? Int == 1)
    #expect(graph["failed"] as? Int == 2)
    let files = try #require(graph["files"] as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == ["corpus/x/README.md", "corpus/x/empty.txt", "corpus/x/junk.xml", "corpus/x/letter.txt"])
    for file in files where file["status"] as? String != "read" {
      #expect((file["reason"] as? String)?.isEmpty == false, "every skipped or failed file says why")
    }
  }

  @Test func aRebuildWithNothingChangedStopsEarlyAndAChangeIsPickedUp() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let letter = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repo.path("corpus/palantir/defensie-antwoord-2025Z14549.txt"))))
    try write(["corpus/x/letter.txt": letter], under: dir)
    let args = ["build", "--format", "graphml", "--no-picture"]
    guard let first = try kamergraph(args, in: dir.path) else { return }
    #expect(first.status == 0, "\(first.stderr)")
    let second = try #require(try kamergraph(args, in: dir.path))
    #expect(second.stdout.contains("nothing changed since the last build"), "\(second.stdout)")
    #expect(second.stdout.contains("x: 1 files: 1 read"), "the summary of the last build is repeated")
    // A deleted output is written again.
    try FileManager.default.removeItem(at: dir.appendingPathComponent("graphs/x.graphml"))
    let third = try #require(try kamergraph(args, in: dir.path))
    #expect(!third.stdout.contains("nothing changed"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("graphs/x.graphml").path))
    // A changed input is read again and reaches the graph.
    try write(["corpus/x/letter.txt": letter + Array("\nZie ook Kamerstukken II 2024/25, 36 600 X, nr. 12.\n".utf8)], under: dir)
    let fourth = try #require(try kamergraph(args, in: dir.path))
    #expect(fourth.stdout.contains("0 of 1 documents unchanged"), "\(fourth.stdout)")
    let graphml = try String(contentsOf: dir.appendingPathComponent("graphs/x.graphml"), encoding: .utf8)
    #expect(graphml.contains("kst-36600-X-12"))
  }

  @Test func theNoChangeCheckCoversSkippedFilesOutputsAndOptions() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let letter = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Repo.path("corpus/palantir/defensie-antwoord-2025Z14549.txt"))))
    try write(["corpus/x/letter.txt": letter, "corpus/x/README.md": Array("# notes\n".utf8)], under: dir)
    let args = ["build", "--format", "graphml", "json", "--no-picture"]
    guard let first = try kamergraph(args, in: dir.path) else { return }
    #expect(first.status == 0, "\(first.stderr)")
    let graphml = dir.appendingPathComponent("graphs/x.graphml")
    let original = try Data(contentsOf: graphml)
    let second = try #require(try kamergraph(args, in: dir.path))
    #expect(second.stdout.contains("nothing changed since the last build"), "a skipped README: \(second.stdout)")
    #expect(second.stdout.contains("x: 2 files: 1 read, 1 skipped"), "\(second.stdout)")
    // An output overwritten (here with other bytes) is written again.
    Thread.sleep(forTimeInterval: 0.02)
    try Data("<graphml/>".utf8).write(to: graphml)
    let third = try #require(try kamergraph(args, in: dir.path))
    #expect(!third.stdout.contains("nothing changed"), "\(third.stdout)")
    #expect(try Data(contentsOf: graphml) == original)
    // Another option that changes the graph builds again; so does coming back to the first one.
    let limited = try #require(try kamergraph(args + ["--max-mentions", "2", "--verbose"], in: dir.path))
    #expect(!limited.stdout.contains("nothing changed"), "\(limited.stdout)")
    #expect(limited.stdout.contains("only the first 2 are kept"), "notes are listed with --verbose: \(limited.stdout)")
    // --verbose also says where the time went, stage by stage; without it, nothing of the kind.
    #expect(limited.stdout.contains("\ntime:\n  ") && limited.stdout.contains("\n  reading and extracting: "), "\(limited.stdout)")
    // The index's whole commit (its own steps of a one-file build can take under the 5 ms shown).
    #expect(limited.stdout.contains("    | index commit (beside): "), "\(limited.stdout)")
    #expect(limited.stdout.contains("\n  total: ") && limited.stdout.contains("% CPU), peak memory "), "\(limited.stdout)")
    #expect(!third.stdout.contains("time:"), "\(third.stdout)")
    let back = try #require(try kamergraph(args, in: dir.path))
    #expect(!back.stdout.contains("nothing changed"), "\(back.stdout)")
    #expect(try Data(contentsOf: graphml) == original)
    // A file touched without a change is hashed once and the build still stops early.
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: dir.appendingPathComponent("corpus/x/letter.txt").path)
    let touched = try #require(try kamergraph(args, in: dir.path))
    #expect(touched.stdout.contains("nothing changed since the last build"), "\(touched.stdout)")
  }

  @Test func exportAroundOneDocumentGivesItsEgoNetwork() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let build = try kamergraph(["build", Repo.path("corpus/palantir"), "--out", "g", "--format", "json", "--index", "k.sqlite"], in: dir.path)
    else { return }
    #expect(build.status == 0, "\(build.stderr)")
    let run = try #require(try kamergraph(["export", "--format", "json", "--around", "2025Z14549", "--depth", "1", "--index", "k.sqlite"], in: dir.path))
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let ids = Set(((object["nodes"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
    #expect(ids == ["kv-tk-2025Z14549", "kenmerk:MINDEF20250032172", "persoon:van-houwelingen", "ministerie:DEF"])
    let unknown = try #require(try kamergraph(["export", "--format", "json", "--around", "2025Z1454", "--index", "k.sqlite"], in: dir.path))
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("2025Z14549"), "suggests the nearest id: \(unknown.stderr)")
  }

  @Test func usageErrorsExit64AndNoCorpusIsARuntimeFailure() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let bad = try kamergraph(["build", "--threads", "0"], in: dir.path) else { return }
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--threads must be at least 1"))
    guard let noCorpus = try kamergraph(["build"], in: dir.path) else { return }
    #expect(noCorpus.status == 3)
    #expect(noCorpus.stderr.contains("there is no corpus/ folder here"))
  }

  @Test func extractPrintsTheArchitectureExampleLine() throws {
    guard let run = try kamergraph(["extract", "corpus/palantir/defensie-antwoord-2025Z14549.txt"], in: Repo.root.path) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    let expected =
      #"{"path":"corpus/palantir/defensie-antwoord-2025Z14549.txt","kind":"aanhangsel","ids":["ah-tk-20242025-2790"],"text":"Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790","start":2363,"end":2419,"line":43,"column":370,"status":"external""#
    let line = run.stdout.split(separator: "\n").first { $0.contains(#""kind":"aanhangsel""#) }
    #expect(line?.hasPrefix(expected) == true, "\(line ?? "no aanhangsel line")")
    // Every line's span indexes the text that `kamergraph text` prints.
    guard let text = try kamergraph(["text", "corpus/palantir/defensie-antwoord-2025Z14549.txt"], in: Repo.root.path) else { return }
    let bytes = Array(text.stdout.utf8)
    for raw in run.stdout.split(separator: "\n") {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
      let start = try #require(object["start"] as? Int)
      let end = try #require(object["end"] as? Int)
      #expect(String(decoding: bytes[start..<end], as: UTF8.self) == object["text"] as? String)
    }
  }

  @Test func textOfAPlainTextFileIsTheFile() throws {
    guard let run = try kamergraph(["text", "corpus/palantir/defensie-antwoord-2025Z14549.txt"], in: Repo.root.path) else { return }
    #expect(run.status == 0)
    #expect(run.stdout == (try Repo.read("corpus/palantir/defensie-antwoord-2025Z14549.txt")))
  }

  /// A generated corpus of small answer letters that cite each other.
  func generatedCorpus(_ count: Int, under dir: URL, offset: Int = 0) throws {
    for i in offset..<(offset + count) {
      let text = """
        Ministerie van Defensie
        Onze referentie
        MINDEF2025\(String(format: "%07d", i))
        Betreft
        Antwoord \(i)

        Deze vragen werden ingezonden op 11 juli 2025 met kenmerk 2025Z\(String(format: "%05d", i % 99_999)).
        Zie Kamerstukken II 2024/25, 36 600 X, nr. \(i % 50 + 1) en Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. \(i % 300).
        Zie ook onze referentie MINDEF2025\(String(format: "%07d", (i + 1) % (offset + count))).
        """
      try Data(text.utf8).write(to: dir.appendingPathComponent(String(format: "letter-%05d.txt", i)))
    }
  }

  @Test(.timeLimit(.minutes(5))) func aBuildKilledMidwayLeavesAUsableIndex() throws {
    guard let exe = QueryCommandLineTests.binary() else { return }
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let corpus = dir.appendingPathComponent("corpus/gen")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    try generatedCorpus(500, under: corpus)
    guard let first = try kamergraph(["build", "corpus/gen", "--index", "k.sqlite", "--format", "graphml"], in: dir.path) else { return }
    #expect(first.status == 0, "\(first.stderr)")
    // More files, then a build that is killed at several moments.
    try generatedCorpus(500, under: corpus, offset: 500)
    for delay in [0.05, 0.2, 0.5] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: exe)
      process.arguments = ["build", "corpus/gen", "--index", "k.sqlite", "--format", "graphml", "--no-picture"]
      process.currentDirectoryURL = dir
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // The index still answers (the previous graph, or the new one if the commit finished).
      let stats = try #require(try kamergraph(["stats", "--index", "k.sqlite"], in: dir.path))
      #expect(stats.status == 0, "after a kill at \(delay)s: \(stats.stderr)")
    }
    // A clean rebuild over the interrupted index equals a fresh build.
    let again = try #require(try kamergraph(["build", "corpus/gen", "--index", "k.sqlite", "--format", "graphml", "--out", "a"], in: dir.path))
    #expect(again.status == 0, "\(again.stderr)")
    let fresh = try #require(try kamergraph(["build", "corpus/gen", "--index", "fresh.sqlite", "--format", "graphml", "--out", "b"], in: dir.path))
    #expect(fresh.status == 0)
    let a = try Data(contentsOf: dir.appendingPathComponent("a/gen.graphml"))
    let b = try Data(contentsOf: dir.appendingPathComponent("b/gen.graphml"))
    #expect(a == b, "the rebuilt graph equals a fresh build")
    let exportA = try #require(try kamergraph(["export", "--format", "graphml", "--index", "k.sqlite"], in: dir.path))
    let exportB = try #require(try kamergraph(["export", "--format", "graphml", "--index", "fresh.sqlite"], in: dir.path))
    #expect(exportA.stdout == exportB.stdout, "the indexes hold the same graph")
    // GraphML to a file is streamed; it is the same document as on standard output.
    let toFile = try #require(
      try kamergraph(["export", "--format", "graphml", "--index", "k.sqlite", "--output", "streamed.graphml"], in: dir.path))
    #expect(toFile.status == 0, "\(toFile.stderr)")
    #expect(try Data(contentsOf: dir.appendingPathComponent("streamed.graphml")) == Data(exportA.stdout.utf8))
    let noFolder = try #require(
      try kamergraph(["export", "--format", "graphml", "--index", "k.sqlite", "--output", "missing/x.graphml"], in: dir.path))
    #expect(noFolder.status != 0 && noFolder.stderr.contains("missing/x.graphml"), "\(noFolder.stderr)")
    #expect(again.stdout.contains("of 1000 documents"), "\(again.stdout)")
  }
}

/// `extract` over folders, lists and many files.
@Suite struct ExtractCommandTests {
  func kamergraph(_ arguments: [String], in folder: String) throws -> ToolRun? {
    guard let exe = QueryCommandLineTests.binary() else { return nil }
    return try ExternalTool.run("env", ["-C", folder, exe] + arguments)
  }

  /// Lines are written through a fixed buffer: escapes (a path with a quote and a backslash, a
  /// tab inside a span) and output far larger than the buffer must still give valid JSON Lines.
  @Test func escapedAndLongOutputIsValidJSONLines() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let name = #"we"ird\name.txt"#
    var text = "Zie Kamerstukken\tII 2024/25, 36 600 X, nr. 12.\n"
    for k in 0..<20_000 { text += "Aanhangsel Handelingen II 2024/25, nr. \(k + 1) en Stb. 2001, \(k % 900 + 1).\n" }
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    guard let run = try kamergraph(["extract", name], in: dir.path) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 40_001)
    let bytes = Array(text.utf8)
    for raw in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any], "\(raw)")
      #expect(object["path"] as? String == name)
      let start = try #require(object["start"] as? Int)
      let end = try #require(object["end"] as? Int)
      #expect(String(decoding: bytes[start..<end], as: UTF8.self) == object["text"] as? String)
    }
    #expect(lines.first?.contains(#""text":"Kamerstukken\tII 2024/25, 36 600 X, nr. 12""#) == true, "\(lines.first ?? "")")
    #expect(lines.first?.hasPrefix(#"{"path":"we\"ird\\name.txt","kind":"kamerstuk""#) == true, "\(lines.first ?? "")")
  }

  @Test func aFolderAListAndTheNamedFilesGiveTheSameLines() throws {
    let files = [
      "corpus/palantir/ah-tk-20252026-313.xml", "corpus/palantir/defensie-antwoord-2025Z14549.docx",
      "corpus/palantir/defensie-antwoord-2025Z14549.txt", "corpus/palantir/tk-syncfeed-2025Z15452.xml",
    ]
    #expect(files.allSatisfy { FileManager.default.fileExists(atPath: Repo.path($0)) })
    let present = files
    guard let folder = try kamergraph(["extract", "corpus/palantir"], in: Repo.root.path) else { return }
    #expect(folder.status == 0, "a README in a folder is reported, not an error: \(folder.stderr)")
    #expect(folder.stderr.contains("README.md"))
    #expect(folder.stdout.contains(#""status":"resolved""#), "the folder's documents resolve each other")
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let list = dir.appendingPathComponent("list.txt")
    // The metadata file is listed too: it is merged into its document, as in the folder.
    try Data((present + ["corpus/palantir/ah-tk-20252026-313.metadata.xml"]).joined(separator: "\n").utf8).write(to: list)
    guard let listed = try kamergraph(["extract", "--files-from", list.path], in: Repo.root.path) else { return }
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout == folder.stdout)
    guard let exe = QueryCommandLineTests.binary(),
      let piped = try ExternalTool.run(
        "env", ["-C", Repo.root.path, exe, "extract", "--files-from", "-"],
        stdin: (present + ["corpus/palantir/ah-tk-20252026-313.metadata.xml"]).joined(separator: "\n"))
    else { return }
    #expect(piped.stdout == folder.stdout, "the list can come on standard input")
    guard let budget = try kamergraph(["extract", "--memory-budget", "0", "corpus/palantir"], in: Repo.root.path) else { return }
    #expect(budget.stdout == folder.stdout, "reading twice past the budget changes nothing")
    guard let named = try kamergraph(["extract", "corpus/palantir/README.md", present[0]], in: Repo.root.path) else { return }
    #expect(named.status == 2, "a named file that is not a document is an error")
    #expect(named.stderr.contains("corpus/palantir/README.md"))
    #expect(!named.stdout.isEmpty, "the other file is still printed")
  }

  @Test func badArgumentsAreUsageErrors() throws {
    guard let none = try kamergraph(["extract"], in: Repo.root.path) else { return }
    #expect(none.status == 64)
    #expect(none.stderr.contains("at least one file or folder"))
    guard let negative = try kamergraph(["extract", "--memory-budget", "-1", "x.txt"], in: Repo.root.path) else { return }
    #expect(negative.status == 64)
    guard let missing = try kamergraph(["extract", "--files-from", "/nonexistent/list"], in: Repo.root.path) else { return }
    #expect(missing.status == 3, "an unreadable list is a runtime failure, not a usage error")
    #expect(missing.stderr.hasPrefix("kamergraph: error: --files-from /nonexistent/list: the list cannot be read"))
  }

  @Test func thousandsOfFilesInOneFolder() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for k in 0..<3000 {
      try Data("Zie Kamerstuk 32802, nr. \(k + 1).\n".utf8).write(to: dir.appendingPathComponent(String(format: "d%05d.txt", k)))
    }
    guard let run = try kamergraph(["extract", "--memory-budget", "0", dir.path], in: Repo.root.path) else { return }
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 3000)
    #expect(lines.first?.contains("d00000.txt") == true && lines.last?.contains("d02999.txt") == true)
  }
}
