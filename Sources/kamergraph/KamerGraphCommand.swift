import ArgumentParser
import Foundation
import KamerGraph

@main
struct KamerGraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kamergraph",
    abstract: "Turn Dutch parliamentary and government documents into a citation graph.",
    discussion: """
      KamerGraph reads plain text, KOOP XML and metadata, Tweede Kamer open-data XML, .docx, .odt \
      and HTML; finds every reference (Kamerstukken, Aanhangsel Handelingen, zaak numbers, \
      kenmerken, ECLI, laws, ministries, members, parties) with its exact span; and links them \
      into one graph that Gephi and Graphviz open.
      """,
    subcommands: [
      // Each subcommand lives in its own file.
      BuildCommand.self,
      ExtractCommand.self,
      TextCommand.self,
      RelatedCommand.self,
      PathCommand.self,
      SimilarCommand.self,
      ShowCommand.self,
      SearchCommand.self,
      UnresolvedCommand.self,
      StatsCommand.self,
      ExportCommand.self,
      RenderCommand.self,
      FetchCommand.self,
    ]
  )

  /// Runs the command with KamerGraph's exit codes: 0 all inputs read, 1 usage error, 2 some
  /// inputs failed (ArgumentParser's own code for usage errors is 64).
  static func main() {
    do {
      var command = try parseAsRoot(SearchCommand.joiningWords(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        let message = fullMessage(for: error)
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(ExitStatus.usage)
      }
      exit(withError: error)
    }
  }
}

/// The exit status of an index error: an unknown id is "nothing found", a bad argument a usage
/// error, everything else (locked, damaged, not an index) a runtime failure.
func exitStatus(for error: IndexError) -> Int32 {
  switch error {
  case .unknownID: return ExitStatus.nothingFound
  case .invalidArgument: return ExitStatus.usage
  default: return ExitStatus.runtime
  }
}
