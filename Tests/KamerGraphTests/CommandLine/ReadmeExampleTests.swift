import Foundation
import Testing

/// Every README example that starts with `$ kamergraph` is run against an index of
/// `corpus/palantir` and must print exactly what the README shows.
@Suite struct ReadmeExampleTests {
  struct Example {
    var arguments: [String]
    var output: String
  }

  /// The code blocks of `text` whose first line is `$ kamergraph ...`: the command's words (with
  /// shell quotes) and the lines shown after it.
  static func examples(in text: String) -> [Example] {
    var examples: [Example] = []
    var block: [String]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") {
        if let lines = block {
          if let first = lines.first, first.hasPrefix("$ kamergraph ") {
            examples.append(
              Example(
                arguments: words(String(first.dropFirst("$ kamergraph ".count))),
                output: lines.dropFirst().map { $0 + "\n" }.joined()))
          }
          block = nil
        } else {
          block = []
        }
      } else if block != nil {
        block!.append(line)
      }
    }
    return examples
  }

  /// Shell words: spaces separate, single and double quotes group.
  static func words(_ command: String) -> [String] {
    var words: [String] = []
    var word = ""
    var quote: Character?
    var inWord = false
    for c in command {
      if let q = quote {
        if c == q { quote = nil } else { word.append(c) }
      } else if c == "'" || c == "\"" {
        quote = c
        inWord = true
      } else if c == " " {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else {
        word.append(c)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return words
  }

  @Test func theShellWordsOfAnExample() {
    #expect(Self.words(#"search '"gebruik van software" OR palantir' --limit 3"#) == ["search", #""gebruik van software" OR palantir"#, "--limit", "3"])
    #expect(Self.words(#"actor "Van Houwelingen""#) == ["actor", "Van Houwelingen"])
  }

  @Test func theReadmeExamplesPrintWhatTheReadmeShows() throws {
    guard let exe = QueryCommandLineTests.binary() else { return }
    let examples = Self.examples(in: try Repo.read("README.md"))
    #expect(examples.count >= 6, "the README shows its queries: \(examples.map(\.arguments))")
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let index = dir.appendingPathComponent("k.sqlite").path
    guard
      let build = try ExternalTool.run(
        "env",
        ["-C", Repo.root.path, exe, "build", "corpus/palantir", "--out", dir.appendingPathComponent("g").path, "--format", "json",
         "--no-picture", "--index", index, "--quiet"])
    else { return }
    #expect(build.status == 0, "\(build.stderr)")
    for example in examples {
      let run = try #require(try ExternalTool.run("env", ["-C", Repo.root.path, exe] + example.arguments + ["--index", index]))
      #expect(run.status == 0, "\(example.arguments): \(run.stderr)")
      #expect(run.stdout == example.output, "kamergraph \(example.arguments.joined(separator: " ")) prints:\n\(run.stdout)")
    }
  }
}
