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
      fields. Exit status 2 when a file could not be read (the others are still printed).
      """)

  @Argument(help: "Documents to read (plain text, KOOP XML, metadata.xml, Tweede Kamer XML, .docx, .odt, HTML).")
  var files: [String]

  func run() throws {
    let reader = DocumentReader()
    var documents: [Document] = []
    var failed = false
    for file in files {
      do {
        documents.append(try reader.read(path: file))
      } catch {
        printError("kamergraph: \(error)")
        failed = true
      }
    }
    let pipeline = BuildPipeline()
    let resolution = Resolver().resolve(pipeline.extract(documents))
    var out = ""
    for dm in resolution.graph.mentions {
      out += MentionJSON.line(dm)
      out += "\n"
      if out.utf8.count > 1 << 16 {
        FileHandle.standardOutput.write(Data(out.utf8))
        out = ""
      }
    }
    FileHandle.standardOutput.write(Data(out.utf8))
    if failed { throw ExitCode(2) }
  }
}

/// The JSON Lines form of a mention (ARCHITECTURE.md).
enum MentionJSON {
  static func line(_ dm: DocumentMention) -> String {
    let m = dm.mention
    var pairs: [(String, String)] = [
      ("path", JSONText.quoted(dm.path)),
      ("kind", JSONText.quoted(m.kind.rawValue)),
      ("ids", JSONText.array(m.ids)),
      ("text", JSONText.quoted(m.text)),
      ("start", String(m.start)),
      ("end", String(m.end)),
      ("line", String(m.line)),
      ("column", String(m.column)),
      ("status", JSONText.quoted(m.status.rawValue)),
    ]
    if let reason = m.reason { pairs.append(("reason", JSONText.quoted(reason))) }
    if !m.fields.isEmpty { pairs.append(("fields", JSONText.sortedObject(m.fields))) }
    return JSONText.object(pairs)
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
