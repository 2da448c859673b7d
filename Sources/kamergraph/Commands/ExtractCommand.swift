import ArgumentParser
import Foundation
import KamerGraph

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Print every reference found in FILEs as JSON Lines.",
    discussion: """
      One line per mention: path, kind, ids, text, start, end (UTF-8 byte offsets into the text \
      that `kamergraph text FILE` prints), line, column (from 1, in bytes), status (resolved: the \
      document is among the FILEs; external; ambiguous; unresolved, with a reason) and the parsed \
      fields. Folders are read as `build` reads them (metadata files merged into their \
      documents). Exit status 2 when a named file could not be read (the others are still \
      printed). Memory: mentions are kept until every status is known, up to --memory-budget; \
      documents past it are read and extracted a second time when printed, in pieces, so past \
      the budget memory grows only by what each document's identity needs (about 1.3 KB). Plain \
      text files of 4 MB and more whose mentions are not expected to fit the budget are read in \
      place (memory-mapped, the pages behind the reading given back), so the size of one file \
      does not add to memory either.
      """)

  @Argument(
    help: ArgumentHelp(
      "Documents to read (plain text, KOOP XML, metadata.xml, Tweede Kamer XML, .docx, .odt, HTML), or folders to read as `build` does.",
      valueName: "file-or-folder"))
  var files: [String] = []

  @Option(
    name: .customLong("files-from"),
    help: ArgumentHelp(
      "Read more paths from this file, one per line (- for standard input): for lists too long for a command line.",
      valueName: "list"))
  var filesFrom: String?

  @Option(
    name: .customLong("memory-budget"),
    help: ArgumentHelp(
      "MB of mentions kept in memory; past it, files are read a second time when printed.",
      valueName: "MB"))
  var memoryBudget: Int = MentionBudget.defaultBytes >> 20

  @OptionGroup var console: ConsoleOptions

  func validate() throws {
    guard memoryBudget >= 0 else { throw ValidationError("--memory-budget must be 0 or more (MB).") }
    guard !files.isEmpty || filesFrom != nil else { throw ValidationError("Give at least one file or folder, or --files-from.") }
  }

  func run() throws {
    ProcessMemory.preferLargePagesForManySmallObjects()
    var paths = files
    if let filesFrom {
      let data: Data?
      if filesFrom == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        data = FileManager.default.contents(atPath: filesFrom)
      }
      guard let data else {
        throw RuntimeError("--files-from \(filesFrom): the list cannot be read; give a readable file of paths, one per line, or - for standard input")
      }
      // One path per line (LF, CR LF or CR), split on the bytes: a list of thousands of paths
      // is not walked character by character.
      for line in data.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) where !line.isEmpty {
        paths.append(String(decoding: line, as: UTF8.self))
      }
    }
    // A file named on the command line that is not read is an error; files a folder holds that
    // are not documents (README.md, ...) are only reported.
    let named = Set(paths.filter { !isFolder($0) })
    let plan = CorpusLoader().plan(paths: paths)
    let companions = Set(plan.units.flatMap(\.companions))
    var failed = false
    // Pieces already printed, kept up to the budget: the process exits without freeing them
    // one by one (the system takes the memory back at once), which is faster than freeing them.
    var kept: [[Mention]] = []
    var keptRoom = (memoryBudget << 20) / MentionBudget.bytesPerMention
    let out = MentionLines(fd: STDOUT_FILENO)
    BuildPipeline().extractResolved(
      plan, mentionBudget: memoryBudget << 20,
      onOutcome: { outcome in
        switch outcome.status {
        case .failed:
          printError(errorLine("\(outcome.path) could not be read: \(outcome.reason ?? "no reason given")"))
          failed = true
        case .skipped where companions.contains(outcome.path):
          break  // a metadata file merged into its document
        case .skipped where named.contains(outcome.path):
          // A file named on the command line that is not read is an error.
          printError(errorLine("\(outcome.path) was not read: \(outcome.reason ?? "skipped")"))
          failed = true
        case .skipped:
          if Verbosity.current > .quiet { printError("kamergraph: skipped \(outcome.path): \(outcome.reason ?? "")") }
        case .read:
          if Verbosity.current > .quiet { printError("kamergraph: note \(outcome.path): \(outcome.notes.joined(separator: "; "))") }
        }
      },
      emit: { path, mentions in
        out.write(path: path, mentions: mentions)
        if mentions.count <= keptRoom {
          keptRoom -= mentions.count
          kept.append(mentions)
        }
      })
    out.flush()
    withExtendedLifetime(kept) { Foundation.exit(failed ? 2 : 0) }
  }

  private func isFolder(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }
}
