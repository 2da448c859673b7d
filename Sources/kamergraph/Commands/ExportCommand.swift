import ArgumentParser
import Foundation
import KamerGraph

/// `kamergraph export`: writes the graph stored in the index in one of the graph formats.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the graph stored in the index as GraphML, DOT, GEXF, JSON or CSV.",
    discussion: """
      Without --output a one-file format is printed on stdout. CSV gives two files: with \
      --output out/g.csv they are out/g.nodes.csv and out/g.edges.csv.
      """)

  @Option(help: "The format: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: String

  @Option(name: [.short, .long], help: "Where to write the file.")
  var output: String?

  @Option(help: "The graph's name inside the file (and the CSV file name stem without --output).")
  var name = "kamergraph"

  @Option(name: .long, help: "The index file that `kamergraph build` wrote (default: ./kamergraph.sqlite).")
  var index: String?

  @Option(name: .long, help: "Export only the surroundings of this document or actor (any id it is known by).")
  var around: String?

  @Option(name: .long, parsing: .unconditional, help: "With --around: how many edges out to go, in either direction.")
  var depth = 1

  func validate() throws {
    guard let format = GraphFormat(rawValue: format) else {
      throw ValidationError(
        "--format must be one of \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(format)\".")
    }
    try Check.count(depth, "--depth", atLeast: 0)
    if format == .csv, output == nil {
      throw ValidationError("CSV gives two files; pass --output NAME.csv to say where they go.")
    }
  }

  func run() throws {
    let format = GraphFormat(rawValue: self.format)!
    let options = QueryOptions(index: index)
    let store = options.open()
    // Any alias works, and an unknown id gets suggestions, as in the other queries; it is looked
    // up before the graph is loaded.
    let center = around.map { id in querying { () throws(IndexError) in try store.resolve(id) } }
    var graph = querying { () throws(IndexError) in try store.loadGraph() }
    if let center { graph = graph.egoNetwork(around: center, depth: depth) }
    if format == .graphml, let output, !name.isEmpty, !name.contains("/"), name != ".", name != ".." {
      // GraphML to a file is streamed: the document is never held whole in memory.
      do {
        let size = try GraphMLWriter().write(graph, name: name, toFile: output)
        FileHandle.standardError.write(Data("Wrote \(output) (\(size) bytes).\n".utf8))
      } catch {
        fail(error.description)
      }
      return
    }
    let files: [(fileName: String, contents: [UInt8])]
    do {
      files = try GraphExporter.files(for: graph, name: name, format: format)
    } catch {
      fail(error.description)
    }
    guard let output else {
      FileHandle.standardOutput.write(Data(files[0].contents))
      return
    }
    let target = URL(fileURLWithPath: output)
    let folder = target.deletingLastPathComponent()
    let stem = target.deletingPathExtension().lastPathComponent
    for file in files {
      // A single file goes exactly where asked; several keep their suffix after the chosen stem.
      let url =
        files.count == 1
        ? target : folder.appendingPathComponent(stem + file.fileName.dropFirst(name.count))
      do {
        try Data(file.contents).write(to: url)
      } catch {
        fail("The file \(url.path) could not be written: \(error.localizedDescription).")
      }
      FileHandle.standardError.write(Data("Wrote \(url.path) (\(file.contents.count) bytes).\n".utf8))
    }
  }
}
