import ArgumentParser
import Foundation
import KamerGraph

/// `kamergraph render`: draws a DOT file as SVG or PNG with Graphviz.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw a DOT file as SVG or PNG with Graphviz `dot`.",
    discussion: """
      Needs Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew install graphviz`). \
      Without --output the picture is written next to DOTFILE, with its extension replaced. \
      `dot` gets slow past a few hundred nodes: --limit draws only the most connected part of a \
      kamergraph DOT file (the documents with the most story edges, with their neighbours), and \
      --engine picks another Graphviz layout program (sfdp, neato, ...).
      """
  )

  @Option(name: .long, help: "The picture format: svg or png.")
  var format: String = "svg"

  @Argument(help: "The DOT file to draw, such as graphs/palantir.dot.")
  var dotFile: String

  @Option(name: [.short, .long], help: "Where to write the picture.")
  var output: String?

  @Option(name: .long, help: "The Graphviz layout program: \(GraphvizRenderer.engines.joined(separator: ", ")).")
  var engine: String = "dot"

  @Option(name: .long, help: "Draw at most this many nodes: the most connected part of the graph (default: all).")
  var limit: Int?

  @Option(name: .long, help: "Stop Graphviz after this many seconds (default: no limit).")
  var timeLimit: Double?

  func validate() throws {
    guard GraphvizRenderer.formats.contains(format) else {
      throw ValidationError("--format must be svg or png, not \"\(format)\".")
    }
    guard GraphvizRenderer.engines.contains(engine) else {
      throw ValidationError("--engine must be one of \(GraphvizRenderer.engines.joined(separator: ", ")), not \"\(engine)\".")
    }
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    if let timeLimit, timeLimit <= 0 { throw ValidationError("--time-limit must be more than 0 seconds") }
  }

  func run() throws {
    let input = URL(fileURLWithPath: dotFile)
    let dot: [UInt8]
    do {
      dot = [UInt8](try Data(contentsOf: input))
    } catch {
      throw ExportError.io(path: dotFile, reason: "it does not exist or cannot be read")
    }
    var source = dot
    if let limit, let part = Picture.mostConnected(dot: dot, limit: limit) {
      source = part.dot
      print("Drawing the most connected part: \(part.kept) of \(part.total) nodes.")
    }
    let picture = try GraphvizRenderer.render(dot: source, format: format, engine: engine, timeLimit: timeLimit)
    let target = output ?? input.deletingPathExtension().appendingPathExtension(format).path
    do {
      try Data(picture).write(to: URL(fileURLWithPath: target))
    } catch {
      throw ExportError.io(path: target, reason: "the picture could not be written there")
    }
    print("Wrote \(target) (\(picture.count) bytes).")
  }
}
