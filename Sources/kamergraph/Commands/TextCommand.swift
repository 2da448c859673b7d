import ArgumentParser
import Foundation
import KamerGraph

struct TextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "text",
    abstract: "Print the text of FILE that mention offsets refer to.",
    discussion: """
      For plain text this is the file decoded to UTF-8 without a byte-order mark; for XML, .docx, \
      .odt and HTML it is the text the reader builds (footnotes after the body). \
      `extract` offsets are UTF-8 byte offsets into exactly this output.
      """)

  @Argument(help: "The document to read.")
  var file: String

  func run() throws {
    guard FileManager.default.fileExists(atPath: file) else {
      printError(errorLine(missingPathMessage(file, "there is no text to print")))
      throw ExitCode(2)
    }
    do {
      let document = try DocumentReader().read(path: file)
      FileHandle.standardOutput.write(Data(document.text.utf8))
    } catch {
      printError(errorLine("\(error)"))
      throw ExitCode(2)
    }
  }
}
