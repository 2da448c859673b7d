import Foundation
import Testing

/// The progress line of `build` and `export`: on a terminal only, never with --quiet, never when
/// stderr is a file or a pipe. `KAMERGRAPH_PROGRESS_AFTER=0` makes every stage show at once, so a
/// bar that should appear does, even on the small Palantir corpus.
@Suite struct ProgressCommandLineTests {
  /// A copy of the Palantir corpus in a fresh folder.
  func palantirFolder() throws -> URL {
    let dir = try ExternalTool.temporaryDirectory()
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: Repo.path("corpus/palantir")), to: dir.appendingPathComponent("palantir"))
    return dir
  }

  /// True when `text` holds anything of the progress line.
  func hasBar(_ text: String) -> Bool {
    text.contains("\u{1B}[K") || text.contains("[#") || text.contains("[-")
      || text.contains("reading") || text.contains("resolving") || text.contains("loading the index")
  }

  @Test func nothingOfTheBarReachesStderrThatIsNotATerminal() throws {
    guard let exe = QueryCommandLineTests.binary() else { return }
    let dir = try palantirFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["-C", dir.path, "KAMERGRAPH_PROGRESS_AFTER=0", exe]
    let build = try #require(
      try ExternalTool.run("env", env + ["build", "palantir", "--out", "out", "--index", "i.sqlite", "--no-picture"]))
    #expect(build.status == 0, "\(build.stderr)")
    #expect(!hasBar(build.stderr) && !build.stderr.contains("\r"), "\(build.stderr.debugDescription)")
    for format in ["graphml", "json", "csv"] {
      let export = try #require(
        try ExternalTool.run("env", env + ["export", "--format", format, "--output", "x.\(format)", "--index", "i.sqlite"]))
      #expect(export.status == 0, "\(export.stderr)")
      #expect(!hasBar(export.stderr) && !export.stderr.contains("\r"), "\(export.stderr.debugDescription)")
      #expect(export.stderr.hasPrefix("kamergraph: wrote x."), "\(export.stderr)")
    }
  }

  @Test func onATerminalEachStageShowsAndTheLineIsClearedButNotWithQuiet() throws {
    guard let exe = QueryCommandLineTests.binary() else { return }
    guard ExternalTool.find("script") != nil else {
      print("note: script(1) is not installed here; the terminal half of the progress test is skipped")
      return
    }
    let dir = try palantirFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    /// Runs `arguments` with stdout and stderr on a pseudo-terminal; what the terminal got.
    func onTerminal(_ arguments: String) throws -> String {
      let command = "env KAMERGRAPH_PROGRESS_AFTER=0 \(exe) \(arguments)"
      let run = try #require(try ExternalTool.run("env", ["-C", dir.path, "script", "-q", "-e", "-c", command, "/dev/null"]))
      #expect(run.status == 0, "\(run.stdout)")
      return run.stdout
    }
    let build = try onTerminal("build palantir --out out --index i.sqlite --no-picture --format json graphml")
    for stage in ["reading [", "resolving (", "writing the index [", "writing json (", "writing graphml ("] {
      #expect(build.contains(stage), "\(stage) in \(build.debugDescription)")
    }
    #expect(build.contains("\r\u{1B}[K"), "the line is cleared at the end")
    // DOT on stdout loads the graph, then writes it; GraphML and GEXF to a file are streamed from
    // the tables (one stage, counted).
    let export = try onTerminal("export --format dot --index i.sqlite")
    #expect(export.contains("loading the index [") && export.contains("writing dot ("), "\(export.debugDescription)")
    for format in ["graphml", "gexf"] {
      let streamed = try onTerminal("export --format \(format) --output x.\(format) --index i.sqlite")
      #expect(
        streamed.contains("writing \(format) [") && !streamed.contains("loading the index"), "\(streamed.debugDescription)")
      #expect(
        streamed.contains("\r\u{1B}[Kkamergraph: wrote x.\(format)"),
        "cleared before the wrote line: \(streamed.debugDescription)")
    }
    let quiet = try onTerminal("build palantir --out out2 --index j.sqlite --no-picture --quiet")
    #expect(!hasBar(quiet), "\(quiet.debugDescription)")
  }
}
