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

  @Option(name: .long, help: "The picture format: svg or png.")
  var format: String = "svg"

  @Argument(help: "The DOT file to draw, such as graphs/palantir.dot.")
  var dotFile: String

  @Option(name: [.short, .long], help: "Where to write the picture.")
  var output: String?

  func validate() throws {
    guard GraphvizRenderer.formats.contains(format) else {
      throw ValidationError("--format must be svg or png, not \"\(format)\".")
    }
  }

  func run() throws {
    let input = URL(fileURLWithPath: dotFile)
    let dot: [UInt8]
    do {
      dot = [UInt8](try Data(contentsOf: input))
    } catch {
      throw ExportError.io(path: dotFile, reason: "it does not exist or cannot be read")
    }
    let picture = try GraphvizRenderer.render(dot: dot, format: format)
    let target = output ?? input.deletingPathExtension().appendingPathExtension(format).path
    do {
      try Data(picture).write(to: URL(fileURLWithPath: target))
    } catch {
      throw ExportError.io(path: target, reason: "the picture could not be written there")
    }
    print("Wrote \(target) (\(picture.count) bytes).")
  }
}
