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
    let validName = !name.isEmpty && !name.contains("/") && name != "." && name != ".."
    /// Stops on an index or file error with its message (an index error with its exit status),
    /// the progress line cleared first.
    func stop(_ error: any Error) -> Never {
      bar?.finish()
      if let error = error as? IndexError { fail(error.description, code: exitStatus(for: error)) }
      if let error = error as? ExportError { fail(Self.writeProblem(error)) }
      fail("\(error)")
    }
    // JSON of the whole graph is streamed from the index's tables into the file (no graph is
    // built, and the document is written in chunks, never held whole).
    if format == .json, center == nil, validName {
      let progress: (Int, Int) -> Void = { done, total in bar?.display.update("writing json", done: done, total: total) }
      guard let output else {
        let bytes: [UInt8]
        do throws(IndexError) { bytes = try JSONGraphWriter().write(index: store, name: name, progress: progress) } catch {
          stop(error)
        }
        bar?.finish()
        FileHandle.standardOutput.write(Data(bytes))
        return
      }
      let size: Int
      do { size = try JSONGraphWriter().write(index: store, name: name, toFile: output, progress: progress) } catch {
        stop(error)
      }
      bar?.finish()
      say("wrote \(output) (\(size) bytes)")
      return
    }
    // CSV of the whole graph is streamed the same way, into its two files.
    if format == .csv, center == nil {
      let (folder, stem) = Self.folderAndStem(of: output ?? name + ".csv")
      let nodesPath = folder + stem + ".nodes.csv"
      let edgesPath = folder + stem + ".edges.csv"
      let sizes: (nodes: Int, edges: Int)
      do {
        sizes = try CSVGraphWriter().write(
          index: store, nodesFile: nodesPath, edgesFile: edgesPath, byteOrderMark: byteOrderMark
        ) { done, total in bar?.display.update("writing csv", done: done, total: total) }
      } catch {
        stop(error)
      }
      bar?.finish()
      say("wrote \(nodesPath) (\(sizes.nodes) bytes)")
      say("wrote \(edgesPath) (\(sizes.edges) bytes)")
      return
    }
    // GraphML, GEXF and DOT of the whole graph to a file are streamed the same way, a node and
    // an edge at a time (DOT with its default options: no clusters).
    if format == .graphml || format == .gexf || format == .dot, center == nil, validName, let output {
      let stage = "writing \(format.rawValue)"
      let progress: (Int, Int) -> Void = { done, total in bar?.display.update(stage, done: done, total: total) }
      let size: Int
      do {
        switch format {
        case .graphml: size = try GraphMLWriter().write(index: store, name: name, toFile: output, progress: progress)
        case .gexf: size = try GEXFWriter().write(index: store, name: name, toFile: output, progress: progress)
        default: size = try DOTWriter().write(index: store, name: name, toFile: output, progress: progress)
        }
      } catch {
        stop(error)
      }
      bar?.finish()
      say("wrote \(output) (\(size) bytes)")
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
      stop(error)
    }
    bar?.display.update("loading the index", done: 1, total: 1)
    let stage = "writing \(format.rawValue)"
    bar?.display.update(stage, done: 0, total: 1)
    var exportOptions = ExportOptions()
    exportOptions.csvByteOrderMark = byteOrderMark
    if output != nil || format == .csv, validName {
      // To files, in chunks: no document is held whole in memory. A single file goes exactly
      // where asked; CSV's two keep their suffix after the chosen stem.
      let (folder, stem) = Self.folderAndStem(of: output ?? name + ".csv")
      func path(_ fileName: String) -> String {
        format == .csv ? folder + stem + fileName.dropFirst(name.count) : output!
      }
      let written: [(path: String, size: Int)]
      do throws(ExportError) {
        switch graph {
        case .sorted(let g): written = try GraphExporter.write(g, name: name, format: format, options: exportOptions, to: path)
        case .citation(let g): written = try GraphExporter.write(g, name: name, format: format, options: exportOptions, to: path)
        }
      } catch {
        stop(error)
      }
      bar?.finish()
      for file in written { say("wrote \(file.path) (\(file.size) bytes)") }
      return
    }
    let files: [(fileName: String, contents: [UInt8])]
    do {
      switch graph {
      case .sorted(let g): files = try GraphExporter.files(for: g, name: name, format: format, options: exportOptions)
      case .citation(let g): files = try GraphExporter.files(for: g, name: name, format: format, options: exportOptions)
      }
    } catch {
      stop(error)
    }
    writeFiles(files, bar: bar)
  }

  /// A file error as the other commands word it: a missing folder or a folder given as the file
  /// named, otherwise the reason the system gave.
  static func writeProblem(_ error: ExportError) -> String {
    guard case .io(let path, let reason) = error else { return error.description }
    let folders = fileProblem(error, path: path, doing: "write")
    if folders.contains(" does not exist; ") || folders.contains(" is a file, not a folder; ")
      || folders.contains(": it is a folder; ")
    {
      return folders
    }
    return "cannot write \(path): \(reason.lowercased()); check the path and its permissions"
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
