import ArgumentParser
import Foundation
import KamerGraph

@main
struct KamerGraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kamergraph",
    abstract: "Turn Dutch parliamentary and government documents into a citation graph.",
    discussion: """
      KamerGraph reads plain text, KOOP XML and metadata, Tweede Kamer open-data XML, .docx, .odt, \
      .doc, PDF and HTML; finds every reference (Kamerstukken, Aanhangsel Handelingen, zaak numbers, \
      kenmerken, ECLI, laws, ministries, members, parties) with its exact span; and links them \
      into one graph that Gephi and Graphviz open.

      Exit status: 0 done; 1 nothing found (a query with no result, like grep); 2 some input \
      files could not be read (the graph of the others is written); 3 runtime failure (index \
      locked or damaged, output not writable, nothing to read); 64 usage error.
      """,
    version: kamerGraphVersion,
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
      QuestionsCommand.self,
      ActorCommand.self,
      UnresolvedCommand.self,
      StatsCommand.self,
      ExportCommand.self,
      RenderCommand.self,
      FetchCommand.self,
      SyncCommand.self,
    ]
  )

  /// Runs the command with KamerGraph's exit codes (`ExitStatus`): usage errors (64) print the
  /// usage, every other error is one `kamergraph: error: ...` line on stderr.
  static func main() {
    // The words of a search are joined first (ArgumentParser gathers many words in quadratic time).
    let arguments = SearchCommand.joiningWords(Array(CommandLine.arguments.dropFirst()))
    if let word = arguments.first, !word.hasPrefix("-") {
      let names = configuration.subcommands.map { $0._commandName } + ["help"]
      if !names.contains(word) {
        let hint = nearestCommand(to: word, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
        printError(errorLine("\"\(word)\" is not a kamergraph command\(hint.isEmpty ? "; see kamergraph --help" : hint)"))
        printError("Usage: \(usageString())\n  See 'kamergraph --help' for more information.")
        Foundation.exit(ExitStatus.usage)
      }
    }
    var command: ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      usageFailure(error, in: Self.self)
    }
    do {
      try command.run()
    } catch let error as RuntimeError {
      fail(error.message, code: error.code)
    } catch let error as NothingFound {
      if !error.message.isEmpty && Verbosity.current > .quiet { printError("kamergraph: " + error.message) }
      Foundation.exit(ExitStatus.nothingFound)
    } catch let error as IndexError {
      fail(error.description, code: exitStatus(for: error))
    } catch let error as ExportError {
      fail(error.description)
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch let error as ValidationError {
      usageFailure(error, in: type(of: command))
    } catch {
      // `kamergraph help build` runs a help command that "fails" with the help request.
      let code = exitCode(for: error)
      if code == .success || code == .validationFailure { usageFailure(error, in: type(of: command)) }
      fail("\(error)")
    }
  }

  /// A usage error: the error line, then the usage of `type`, exit 64. Help and `--version` are
  /// not errors: they print on stdout and exit 0.
  static func usageFailure(_ error: Error, in type: ParsableCommand.Type) -> Never {
    let code = exitCode(for: error)
    guard code == .validationFailure || code == .failure else { exit(withError: error) }
    var lines = type.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let first = lines.first {
      lines[0] = errorLine(first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first)
    }
    printError(lines.joined(separator: "\n").trimmingCharacters(in: .newlines))
    Foundation.exit(ExitStatus.usage)
  }
}

/// `kamergraph --version`: the program and the version of what its readers and recognisers find
/// (an index built by another extraction version is read again).
let kamerGraphVersion = "kamergraph 0.9.0 (extraction \(ExtractionVersion.current))"

/// The exit status of an index error: an unknown id is "nothing found", a bad argument a usage
/// error, everything else (locked, damaged, not an index) a runtime failure.
func exitStatus(for error: IndexError) -> Int32 {
  switch error {
  case .unknownID: return ExitStatus.nothingFound
  case .invalidArgument: return ExitStatus.usage
  default: return ExitStatus.runtime
  }
}

