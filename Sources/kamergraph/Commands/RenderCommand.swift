import ArgumentParser
import Foundation
import KamerGraph

/// `kamergraph render`: draws a DOT file as SVG, PNG or PDF with Graphviz.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw a DOT file as SVG, PNG or PDF with Graphviz `dot`.",
    discussion: """
      Needs Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew install graphviz`). \
      Without --output the picture is written next to DOTFILE, with its extension replaced. \
      `dot` gets slow past a few hundred nodes: --limit draws only the most connected part of a \
      kamergraph DOT file (the documents with the most story edges, with their neighbours), and \
      --engine picks another Graphviz layout program (sfdp, neato, ...).
      """
  )

  @Option(name: .long, help: "The picture format: \(PictureFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: PictureFormat = .svg

  @Argument(help: "The DOT file to draw, such as graphs/palantir.dot.")
  var dotFile: String

  @Option(name: [.short, .long, .customLong("out")], help: "Where to write the picture (--out as in build).")
  var output: String?

  @Option(name: .long, help: "The Graphviz layout program: \(GraphvizRenderer.engines.joined(separator: ", ")).")
  var engine: String = "dot"

  @Option(name: .long, help: "Draw at most this many nodes: the most connected part of the graph (default: all).")
  var limit: Int?

  @Option(name: .long, help: "Stop Graphviz after this many seconds (default: no limit).")
  var timeLimit: Double?

  @OptionGroup var console: ConsoleOptions

  func validate() throws {
    guard GraphvizRenderer.engines.contains(engine) else {
      throw ValidationError("--engine must be one of \(GraphvizRenderer.engines.joined(separator: ", ")), not \"\(engine)\".")
    }
    if let limit { try Check.count(limit, "--limit") }
    if let timeLimit, timeLimit <= 0 { throw ValidationError("--time-limit must be more than 0 seconds") }
  }

  func run() throws {
    let input = URL(fileURLWithPath: dotFile)
    let dot: [UInt8]
    do {
      dot = [UInt8](try Data(contentsOf: input))
    } catch {
      throw RuntimeError("cannot read \(dotFile): it does not exist or is not readable; give the DOT file that `kamergraph build` or `export --format dot` wrote")
    }
    var source = dot
    if let limit, let part = Picture.mostConnected(dot: dot, limit: limit) {
      source = part.dot
      say("drawing the most connected part: \(part.kept) of \(part.total) nodes")
    }
    let picture = try GraphvizRenderer.render(dot: source, format: format.rawValue, engine: engine, timeLimit: timeLimit)
    let target = output ?? input.deletingPathExtension().appendingPathExtension(format.rawValue).relativePath
    do {
      try Data(picture).write(to: URL(fileURLWithPath: target))
    } catch {
      throw RuntimeError(fileProblem(error, path: target, doing: "write"))
    }
    say("wrote \(target) (\(picture.count) bytes)")
  }
}

/// The picture formats `render` draws (the ones `GraphvizRenderer` asks `dot` for), so that
/// --format completes and a wrong one is a usage error listing them.
enum PictureFormat: String, CaseIterable, ExpressibleByArgument {
  case svg, png, pdf
}
