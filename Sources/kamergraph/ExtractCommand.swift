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
      documents past it are read and extracted a second time when printed, so past the budget \
      memory grows only by what each document's identity needs (about 1.3 KB).
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

  func validate() throws {
    guard memoryBudget >= 0 else { throw ValidationError("--memory-budget must be 0 or more (MB).") }
    guard !files.isEmpty || filesFrom != nil else { throw ValidationError("Give at least one file or folder, or --files-from.") }
  }

  func run() throws {
    var paths = files
    if let filesFrom {
      let data: Data?
      if filesFrom == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        data = FileManager.default.contents(atPath: filesFrom)
      }
      guard let data else {
        throw ValidationError("--files-from \(filesFrom): the list cannot be read; give a readable file of paths, one per line, or - for standard input.")
      }
      for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.isEmpty {
        paths.append(String(line))
      }
    }
    // A file named on the command line that is not read is an error; files a folder holds that
    // are not documents (README.md, ...) are only reported.
    let named = Set(paths.filter { !isFolder($0) })
    let plan = CorpusLoader().plan(paths: paths)
    let companions = Set(plan.units.flatMap(\.companions))
    var failed = false
    var kept: [Mention] = []
    var out: [UInt8] = []
    out.reserveCapacity(1 << 17)
    BuildPipeline().extractResolved(
      plan, mentionBudget: memoryBudget << 20,
      onOutcome: { outcome in
        switch outcome.status {
        case .failed:
          printError("kamergraph: \(outcome.path): \(outcome.reason ?? "failed")")
          failed = true
        case .skipped where companions.contains(outcome.path):
          break  // a metadata file merged into its document
        case .skipped:
          printError("kamergraph: \(outcome.path): \(outcome.reason ?? "skipped")")
          if named.contains(outcome.path) { failed = true }
        case .read:
          printError("kamergraph: \(outcome.path): \(outcome.notes.joined(separator: "; "))")
        }
      },
      emit: { path, mentions in
        let head = MentionJSON.head(path: path)
        for k in mentions.indices {
          MentionJSON.append(mentions[k], head: head, to: &out)
          if out.count > 1 << 16 {
            FileHandle.standardOutput.write(Data(out))
            out.removeAll(keepingCapacity: true)
          }
        }
        // The largest document's mentions are kept to the end, where the process exits
        // without freeing them one by one (the system takes the memory back at once).
        if mentions.count > kept.count { kept = mentions }
      })
    FileHandle.standardOutput.write(Data(out))
    withExtendedLifetime(kept) { Foundation.exit(failed ? 2 : 0) }
  }

  private func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }
}

/// The JSON Lines form of a mention (ARCHITECTURE.md), written on UTF-8 bytes.
enum MentionJSON {
  /// What every line of one document starts with: `{"path":"...","kind":`.
  static func head(path: String) -> [UInt8] {
    var head = Array("{\"path\":".utf8)
    JSONText.appendQuoted(path, to: &head)
    head.append(contentsOf: ",\"kind\":".utf8)
    return head
  }

  static func append(_ m: Mention, head: [UInt8], to out: inout [UInt8]) {
    func key(_ k: StaticString) {
      out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
    }
    func number(_ n: Int) { JSONText.appendNumber(n, to: &out) }
    out.append(contentsOf: head)
    JSONText.appendQuoted(m.kind.rawValue, to: &out)
    key(",\"ids\":[")
    for (i, id) in m.ids.enumerated() {
      if i > 0 { out.append(0x2C) }
      JSONText.appendQuoted(id, to: &out)
    }
    key("],\"text\":")
    JSONText.appendQuoted(m.text, to: &out)
    key(",\"start\":")
    number(m.start)
    key(",\"end\":")
    number(m.end)
    key(",\"line\":")
    number(m.line)
    key(",\"column\":")
    number(m.column)
    key(",\"status\":")
    JSONText.appendQuoted(m.status.rawValue, to: &out)
    if let reason = m.reason {
      key(",\"reason\":")
      JSONText.appendQuoted(reason, to: &out)
    }
    if !m.fields.isEmpty {
      key(",\"fields\":{")
      for (i, field) in m.fields.enumerated() {  // sorted by name
        if i > 0 { out.append(0x2C) }
        JSONText.appendQuoted(field.key, to: &out)
        out.append(0x3A)
        JSONText.appendQuoted(field.value, to: &out)
      }
      out.append(0x7D)
    }
    key("}\n")
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
