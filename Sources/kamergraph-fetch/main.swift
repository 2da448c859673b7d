import ArgumentParser
import Foundation

/// A failure that is not the user's typing: one `kamergraph: error:` line, exit 3.
struct FetchFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

// `kamergraph fetch` runs this program (see Sources/kamergraph/Commands/FetchCommand.swift).
do {
  var command = try FetchCommand.parseAsRoot()
  try command.run()
} catch let failure as FetchFailure {
  FileHandle.standardError.write(Data("kamergraph: error: \(failure.message)\n".utf8))
  exit(3)
} catch {
  // Usage errors in kamergraph's style: one `kamergraph: error:` line, the usage, exit 64.
  guard FetchCommand.exitCode(for: error) == .validationFailure else { FetchCommand.exit(withError: error) }
  var lines = FetchCommand.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  if let first = lines.first {
    lines[0] = "kamergraph: error: " + (first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first)
  }
  FileHandle.standardError.write(Data((lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n").utf8))
  exit(64)
}
