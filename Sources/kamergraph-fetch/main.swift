import ArgumentParser
import Foundation

/// A failure that is not the user's typing: one `kamergraph: error:` line, exit 3.
struct FetchFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

// `kamergraph fetch` runs this program (see Sources/kamergraph/Commands/FetchCommand.swift).
// `kamergraph sync` runs it as `kamergraph-fetch sync ...` ("sync" is no id).
func main<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> Never {
  do {
    var parsed = try command.parseAsRoot(arguments)
    try parsed.run()
    exit(0)
  } catch let failure as FetchFailure {
    FileHandle.standardError.write(Data("kamergraph: error: \(failure.message)\n".utf8))
    exit(3)
  } catch {
    // Usage errors in kamergraph's style: one `kamergraph: error:` line, the usage, exit 64.
    guard command.exitCode(for: error) == .validationFailure else { command.exit(withError: error) }
    var lines = command.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let first = lines.first {
      lines[0] = "kamergraph: error: " + (first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first)
    }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n").utf8))
    exit(64)
  }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "sync" {
  main(SyncCommand.self, Array(arguments.dropFirst()))
} else {
  main(FetchCommand.self, arguments)
}
