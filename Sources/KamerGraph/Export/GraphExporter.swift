/// The file formats the graph can be written in.
public enum GraphFormat: String, CaseIterable, Sendable, Codable {
  /// GraphML in the profile Gephi, networkx and igraph read losslessly.
  case graphml
  /// Graphviz DOT, for `dot -Tsvg`.
  case dot
  /// GEXF 1.3 with each document's date as `start`, for Gephi's timeline.
  case gexf
  /// networkx node-link JSON.
  case json
  /// Two CSV files (nodes, edges) in Gephi's spreadsheet import format.
  case csv
}

/// How the DOT export groups nodes into boxes.
public enum DOTClustering: String, CaseIterable, Sendable, Codable {
  /// No clusters.
  case none
  /// One box per ministry (a node's `ministry`, or the ministry node itself).
  case ministry
  /// One box per Kamerstukdossier (the target of a node's `part-of-dossier` edge, or the dossier node itself).
  case dossier
}

/// Choices that change what the writers produce. The defaults suit a first look in Gephi or a browser.
public struct ExportOptions: Sendable, Hashable {
  /// How DOT groups nodes into clusters.
  public var clusterBy: DOTClustering = .none
  /// Whether DOT draws a legend box with one sample node per kind present.
  public var legend: Bool = true
  /// DOT labels longer than this many characters are cut and end in "…" (the tooltip keeps the full text).
  public var dotLabelLimit: Int = 60
  /// Whether DOT edges carry their relation as a visible label.
  public var edgeLabels: Bool = true
  /// Whether XML output is indented.
  public var indent: Bool = true
  /// Whether the CSV files start with a UTF-8 byte-order mark: Excel on Windows then reads them as
  /// UTF-8 instead of the local code page (without it "Ministerie van Financiën" shows as mojibake).
  /// Off by default: Gephi, Python and most tools do not need it.
  public var csvByteOrderMark: Bool = false

  /// The defaults: no clusters, a legend, labels cut at 60 characters, edge labels, indented XML.
  public init() {}
}

/// What can go wrong while exporting or rendering a graph.
public enum ExportError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The base name for the output files is empty or contains a path separator.
  case invalidName(String)
  /// Two node ids became the same XML id after the characters an NMTOKEN cannot hold were encoded.
  case conflictingNodeID(String, String)
  /// libxml2's writer failed.
  case xmlWriter(file: String, call: String)
  /// Graphviz `dot` is not on PATH.
  case graphvizMissing
  /// The render format is not one Graphviz is asked for here.
  case unsupportedRenderFormat(String)
  /// The Graphviz layout program is not one `render` knows.
  case unsupportedEngine(String)
  /// The Graphviz program was stopped after `seconds`.
  case graphvizTimedOut(engine: String, seconds: Double)
  /// `dot` ran but failed; `message` is its standard error.
  case graphvizFailed(status: Int32, message: String)
  /// A temporary file for Graphviz could not be written or read.
  case io(path: String, reason: String)

  /// The problem as a sentence that names the file or the fix.
  public var description: String {
    switch self {
    case .invalidName(let name):
      return "The export name \"\(name)\" cannot be used as a file name; give a name without \"/\" that is not empty."
    case .conflictingNodeID(let a, let b):
      return "The node ids \"\(a)\" and \"\(b)\" both become the same XML id; rename one of them."
    case .xmlWriter(let file, let call):
      return "Writing \(file) failed: libxml2's writer reported an error in \(call)."
    case .graphvizMissing:
      return """
        Graphviz `dot` was not found on PATH, so the picture cannot be drawn. Install Graphviz \
        (Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew install graphviz`) and run the command again.
        """
    case .unsupportedRenderFormat(let format):
      return "The render format \"\(format)\" is not supported; use svg or png."
    case .unsupportedEngine(let engine):
      return "The Graphviz engine \"\(engine)\" is not supported; use \(GraphvizRenderer.engines.joined(separator: ", "))."
    case .graphvizTimedOut(let engine, let seconds):
      return "Graphviz `\(engine)` was stopped after \(Int(seconds.rounded())) seconds without finishing the picture."
    case .graphvizFailed(let status, let message):
      return "Graphviz `dot` failed with exit status \(status): \(message)"
    case .io(let path, let reason):
      return "The file \(path) could not be used: \(reason)."
    }
  }
}

/// Writes a graph in any of the formats, as named files.
///
/// How each file opens:
/// - `NAME.graphml`: Gephi File > Open (colours, sizes, labels and weights arrive set; edges between
///   the same two nodes under different relations are merged by Gephi's GraphML importer, which
///   sums their weights); `networkx.read_graphml`; `igraph.Graph.Read_GraphML`.
/// - `NAME.gexf`: Gephi File > Open, then Window > Timeline to play the documents in date order;
///   relations stay apart as edge kinds; `networkx.read_gexf`.
/// - `NAME.nodes.csv`, `NAME.edges.csv`: Gephi File > Import spreadsheet, nodes first, then edges
///   ("Append to existing workspace"); the `Kind` column keeps relations apart.
/// - `NAME.dot`: `kamergraph render NAME.dot` or `dot -Tsvg NAME.dot -o NAME.svg`.
/// - `NAME.json`: `networkx.node_link_graph(json.load(open("NAME.json")))`.
public enum GraphExporter {
  /// The files for `format`, named NAME.graphml / NAME.dot / NAME.gexf / NAME.json /
  /// NAME.nodes.csv + NAME.edges.csv. Pure: the same graph gives the same bytes.
  public static func files(
    for graph: CitationGraph, name: String, format: GraphFormat, options: ExportOptions = .init()
  ) throws(ExportError) -> [(fileName: String, contents: [UInt8])] {
    guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { throw .invalidName(name) }
    return try files(ExportGraph(graph), name: name, format: format, options: options)
  }

  /// The same files for a graph read in order from the index (`GraphIndex.loadSortedGraph`):
  /// the same bytes as for the `CitationGraph` it holds, without hashing or sorting anything.
  public static func files(
    for graph: SortedGraph, name: String, format: GraphFormat, options: ExportOptions = .init()
  ) throws(ExportError) -> [(fileName: String, contents: [UInt8])] {
    guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { throw .invalidName(name) }
    return try files(ExportGraph(graph), name: name, format: format, options: options)
  }

  /// Writes the files `files(for:name:format:options:)` gives, each to `path(fileName)`, in
  /// chunks of about 1 MB: no document is held whole in memory (issue 21). Returns each file's
  /// path and size; a file that cannot be created or written throws `.io` naming it.
  @discardableResult
  public static func write(
    _ graph: CitationGraph, name: String, format: GraphFormat, options: ExportOptions = .init(),
    to path: (_ fileName: String) -> String
  ) throws(ExportError) -> [(path: String, size: Int)] {
    guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { throw .invalidName(name) }
    return try write(ExportGraph(graph), name: name, format: format, options: options, to: path)
  }

  /// `write(_:name:format:options:to:)` of a graph read in order from the index.
  @discardableResult
  public static func write(
    _ graph: SortedGraph, name: String, format: GraphFormat, options: ExportOptions = .init(),
    to path: (_ fileName: String) -> String
  ) throws(ExportError) -> [(path: String, size: Int)] {
    guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { throw .invalidName(name) }
    return try write(ExportGraph(graph), name: name, format: format, options: options, to: path)
  }

  /// `write(_:name:format:options:to:)` of a graph in export order, gathering `chunk` bytes
  /// per `write(2)` (tests use a few, so a small graph crosses many).
  static func write(
    _ g: ExportGraph, name: String, format: GraphFormat, options: ExportOptions,
    chunk: Int = 1 << 20, to path: (_ fileName: String) -> String
  ) throws(ExportError) -> [(path: String, size: Int)] {
    guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { throw .invalidName(name) }
    func toFile(
      _ path: String, _ body: (inout ExportBytes) throws(ExportError) -> Void
    ) throws(ExportError) -> (path: String, size: Int) {
      try GraphExporter.toFile(path, chunk: chunk, body)
    }
    switch format {
    case .graphml:
      let target = path("\(name).graphml")
      return [(target, try GraphMLWriter(options: options).write(g, name: name, toFile: target))]
    case .dot:
      return [try toFile(path("\(name).dot")) { out in DOTWriter(options: options).write(g, name: name, into: &out) }]
    case .gexf:
      return [try toFile(path("\(name).gexf")) { out throws(ExportError) in
        try GEXFWriter(options: options).write(g, name: name, into: &out)
      }]
    case .json:
      return [try toFile(path("\(name).json")) { out in JSONGraphWriter().write(g, name: name, into: &out) }]
    case .csv:
      let csv = CSVGraphWriter()
      let bom = options.csvByteOrderMark
      return [
        try toFile(path("\(name).nodes.csv")) { out in
          if bom { out.bytes += byteOrderMark }
          csv.nodes(g, into: &out)
        },
        try toFile(path("\(name).edges.csv")) { out in
          if bom { out.bytes += byteOrderMark }
          csv.edges(g, into: &out)
        },
      ]
    }
  }

  /// The UTF-8 byte-order mark `ExportOptions.csvByteOrderMark` asks for.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Creates the file at `path`, lets `body` write into a chunked sink on it, and closes it.
  static func toFile(
    _ path: String, chunk: Int = 1 << 20, _ body: (inout ExportBytes) throws(ExportError) -> Void
  ) throws(ExportError) -> (path: String, size: Int) {
    let file = try ExportFile(path: path)
    var out = ExportBytes(file: file, chunk: chunk)
    try body(&out)
    out.flush()
    return (path, try file.close())
  }

  private static func files(
    _ g: ExportGraph, name: String, format: GraphFormat, options: ExportOptions
  ) throws(ExportError) -> [(fileName: String, contents: [UInt8])] {
    switch format {
    case .graphml:
      return [("\(name).graphml", try GraphMLWriter(options: options).write(g, name: name))]
    case .dot:
      return [("\(name).dot", DOTWriter(options: options).write(g, name: name))]
    case .gexf:
      return [("\(name).gexf", try GEXFWriter(options: options).write(g, name: name))]
    case .json:
      return [("\(name).json", JSONGraphWriter().write(g, name: name))]
    case .csv:
      let csv = CSVGraphWriter()
      let bom: [UInt8] = options.csvByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
      return [("\(name).nodes.csv", bom + csv.nodes(g)), ("\(name).edges.csv", bom + csv.edges(g))]
    }
  }
}
