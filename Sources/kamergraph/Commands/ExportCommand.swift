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
      --output out/g.csv they are out/g.nodes.csv and out/g.edges.csv; without --output they are \
      NAME.nodes.csv and NAME.edges.csv in the current folder. "wrote" lines go to stderr.
      """)

  @Option(help: "The format: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: GraphFormat

  @Option(name: [.short, .long, .customLong("out")], help: "Where to write the file (--out as in build).")
  var output: String?

  @Option(help: "The graph's name inside the file (and the CSV file name stem without --output).")
  var name = "kamergraph"

  @Option(name: .long, help: "The index file that `kamergraph build` wrote (default: ./kamergraph.sqlite).")
  var index: String?

  @Option(name: .long, help: "Export only the surroundings of this document or actor (any id it is known by).")
  var around: String?

  @Option(name: .long, parsing: .unconditional, help: "With --around: how many edges out to go, in either direction.")
  var depth = 1

  @Flag(name: .customLong("bom"), help: "Start CSV files with a UTF-8 byte-order mark, so that Excel on Windows reads accents right.")
  var byteOrderMark = false

  @OptionGroup var console: ConsoleOptions

  func validate() throws {
    try Check.count(depth, "--depth", atLeast: 0)
    if format == .csv, output == nil, name.isEmpty || name.contains("/") || name == "." || name == ".." {
      throw ValidationError("CSV without --output is written as NAME.nodes.csv and NAME.edges.csv; give a --name without \"/\".")
    }
  }

  func run() throws {
    let options = QueryOptions(index: index)
    let store = options.open()
    // Any alias works, and an unknown id gets suggestions, as in the other queries; it is looked
    // up before the graph is loaded.
    let center = around.map { id in querying { () throws(IndexError) in try store.resolve(id) } }
    let bar = ProgressBar.start(quiet: console.quiet)
    /// Clears the progress line before anything else is said.
    func stop(_ message: String) -> Never {
      bar?.finish()
      fail(message)
    }
    // JSON of the whole graph is streamed from the index's tables into the writer: no graph is built.
    if format == .json, center == nil, !name.isEmpty, !name.contains("/"), name != ".", name != ".." {
      let bytes: [UInt8]
      do throws(IndexError) {
        bytes = try JSONGraphWriter().write(index: store, name: name) { done, total in
          bar?.display.update("writing json", done: done, total: total)
        }
      } catch {
        bar?.finish()
        fail(error.description, code: exitStatus(for: error))
      }
      bar?.finish()
      guard let output else {
        FileHandle.standardOutput.write(Data(bytes))
        return
      }
      do {
        // Written from the buffer itself: no copy of a document of tens of MB.
        try bytes.withUnsafeBytes { buffer in
          try Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!),
            count: buffer.count, deallocator: .none
          ).write(to: URL(fileURLWithPath: output))
        }
      } catch {
        fail(fileProblem(error, path: output, doing: "write"))
      }
      say("wrote \(output) (\(bytes.count) bytes)")
      return
    }
    // CSV of the whole graph is streamed the same way.
    if format == .csv, center == nil {
      let streamed: (nodes: [UInt8], edges: [UInt8])
      do throws(IndexError) {
        streamed = try CSVGraphWriter().write(index: store) { done, total in
          bar?.display.update("writing csv", done: done, total: total)
        }
      } catch {
        bar?.finish()
        fail(error.description, code: exitStatus(for: error))
      }
      let bom: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
      writeFiles([("\(name).nodes.csv", bom + streamed.nodes), ("\(name).edges.csv", bom + streamed.edges)], bar: bar)
      return
    }
    // The whole graph is read from the index already in export order (no mentions, no sorting);
    // --around needs the graph itself for the ego network.
    let graph: Either
    do throws(IndexError) {
      if let center {
        graph = .citation(try store.loadGraph().egoNetwork(around: center, depth: depth))
      } else {
        graph = .sorted(try store.loadSortedGraph { done, total in bar?.display.update("loading the index", done: done, total: total) })
      }
    } catch {
      bar?.finish()
      fail(error.description, code: exitStatus(for: error))
    }
    bar?.display.update("loading the index", done: 1, total: 1)
    let stage = "writing \(format.rawValue)"
    bar?.display.update(stage, done: 0, total: 1)
    if format == .graphml, let output, !name.isEmpty, !name.contains("/"), name != ".", name != ".." {
      // GraphML to a file is streamed: the document is never held whole in memory.
      do {
        let size: Int
        switch graph {
        case .sorted(let g): size = try GraphMLWriter().write(g, name: name, toFile: output)
        case .citation(let g): size = try GraphMLWriter().write(g, name: name, toFile: output)
        }
        bar?.finish()
        say("wrote \(output) (\(size) bytes)")
      } catch {
        stop(error.description)
      }
      return
    }
    let files: [(fileName: String, contents: [UInt8])]
    do {
      var exportOptions = ExportOptions()
      exportOptions.csvByteOrderMark = byteOrderMark
      switch graph {
      case .sorted(let g): files = try GraphExporter.files(for: g, name: name, format: format, options: exportOptions)
      case .citation(let g): files = try GraphExporter.files(for: g, name: name, format: format, options: exportOptions)
      }
    } catch {
      stop(error.description)
    }
    writeFiles(files, bar: bar)
  }

  /// Writes the export's files (one to stdout without --output) and says what it wrote.
  private func writeFiles(_ files: [(fileName: String, contents: [UInt8])], bar: ProgressBar.Shown?) {
    func stop(_ message: String) -> Never {
      bar?.finish()
      fail(message)
    }
    guard let output = output ?? (files.count > 1 ? name + ".csv" : nil) else {
      bar?.finish()
      FileHandle.standardOutput.write(Data(files[0].contents))
      return
    }
    let (folder, stem) = Self.folderAndStem(of: output)
    var wrote: [String] = []
    for file in files {
      // A single file goes exactly where asked; several keep their suffix after the chosen stem.
      let path = files.count == 1 ? output : folder + stem + file.fileName.dropFirst(name.count)
      do {
        try Data(file.contents).write(to: URL(fileURLWithPath: path))
      } catch {
        stop(fileProblem(error, path: path, doing: "write"))
      }
      wrote.append("wrote \(path) (\(file.contents.count) bytes)")
    }
    bar?.finish()
    for line in wrote { say(line) }
  }

  /// `out/g.csv` -> (`out/`, `g`); `g` -> (``, `g`); `.csv` -> (``, `.csv`). On the string itself:
  /// NSString's path methods crash on a one-character path in swift-corelibs-foundation
  /// (`export --format csv --output g` stopped with "Illegal instruction").
  static func folderAndStem(of output: String) -> (folder: String, stem: String) {
    let slash = output.lastIndex(of: "/")
    let folder = slash.map { String(output[...$0]) } ?? ""
    let last = slash.map { output[output.index(after: $0)...] } ?? output[...]
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return (folder, String(last)) }
    return (folder, String(last[..<dot]))
  }

  /// The graph to write: read in order from the index, or an ego network.
  private enum Either {
    case sorted(SortedGraph)
    case citation(CitationGraph)
  }
}
