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
    let pipeline = BuildPipeline()
    var extracted: [ExtractedDocument] = []
    var failed = false
    for result in pipeline.extractFiles(files) {
      switch result {
      case .success(let document): extracted.append(document)
      case .failure(let error):
        printError("kamergraph: \(error)")
        failed = true
      }
    }
    let documents = Resolver().resolveStatuses(extracted)
    extracted = []
    var out: [UInt8] = []
    out.reserveCapacity(1 << 17)
    for document in documents {
      for mention in document.mentions {
        MentionJSON.append(mention, path: document.document.path, to: &out)
        if out.count > 1 << 16 {
          FileHandle.standardOutput.write(Data(out))
          out.removeAll(keepingCapacity: true)
        }
      }
    }
    FileHandle.standardOutput.write(Data(out))
    if failed { throw ExitCode(2) }
  }
}

/// The JSON Lines form of a mention (ARCHITECTURE.md), written on UTF-8 bytes.
enum MentionJSON {
  static func append(_ dm: DocumentMention, to out: inout [UInt8]) {
    append(dm.mention, path: dm.path, to: &out)
  }

  static func append(_ m: Mention, path: String, to out: inout [UInt8]) {
    func key(_ k: StaticString) {
      out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
    }
    func number(_ n: Int) { JSONText.appendNumber(n, to: &out) }
    key("{\"path\":")
    JSONText.appendQuoted(path, to: &out)
    key(",\"kind\":")
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
      for (i, k) in m.fields.keys.sorted().enumerated() {
        if i > 0 { out.append(0x2C) }
        JSONText.appendQuoted(k, to: &out)
        out.append(0x3A)
        JSONText.appendQuoted(m.fields[k]!, to: &out)
      }
      out.append(0x7D)
    }
    key("}\n")
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
