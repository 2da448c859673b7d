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
      Without --output the picture is written next to DOTFILE, with its extension replaced.
      """
  )

  @Option(name: .long, help: "The picture format: \(PictureFormat.allCases.map(\.rawValue).joined(separator: " or ")).")
  var format: PictureFormat = .svg

  @Argument(help: "The DOT file to draw, such as graphs/palantir.dot.")
  var dotFile: String

  @Option(name: [.short, .long], help: "Where to write the picture.")
  var output: String?

  @OptionGroup var console: ConsoleOptions

  func run() throws {
    let input = URL(fileURLWithPath: dotFile)
    let dot: [UInt8]
    do {
      dot = [UInt8](try Data(contentsOf: input))
    } catch {
      throw RuntimeError("cannot read \(dotFile): it does not exist or is not readable; give the DOT file that `kamergraph build` or `export --format dot` wrote")
    }
    let picture = try GraphvizRenderer.render(dot: dot, format: format.rawValue)
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
  case svg, png
}
