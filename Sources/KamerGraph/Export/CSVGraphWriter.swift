/// Writes the two files of Gephi's spreadsheet import (File > Import spreadsheet): a nodes table
/// whose first columns are `Id` and `Label`, and an edges table starting `Source, Target, Type, Kind,
/// Id, Weight`. `Kind` is the relation: it keeps Gephi from merging two edges between the same
/// nodes that have different relations (gephi `ImportEdgesProcess`: "Kind for parallel edges"), so
/// no other column repeats it (an edge `Label` or `relation` column would always hold the same value).
/// Fields follow RFC 4180: CRLF line ends, and a field holding a comma, quote, CR or LF is quoted
/// with its quotes doubled.
public struct CSVGraphWriter: Sendable {
  /// The nodes header.
  public static let nodeHeader = [
    "Id", "Label", "kind", "law", "status", "date", "year", "vergaderjaar", "ministry", "url", "aliases", "paths",
  ]
  /// The edges header. `origin` is the strongest kind of evidence; `evidence` its first mention.
  public static let edgeHeader = [
    "Source", "Target", "Type", "Kind", "Id", "Weight", "origin", "evidence",
  ]

  /// A writer; it has no options.
  public init() {}

  /// The nodes file.
  public func nodes(_ graph: CitationGraph) -> [UInt8] { nodes(ExportGraph(graph)) }

  /// `nodes(_:)` of a graph in export order.
  func nodes(_ g: ExportGraph) -> [UInt8] {
    var out = ExportBytes(capacity: 128 + g.nodes.count * 200)
    nodes(g, into: &out)
    return out.bytes
  }

  /// `nodes(_:)` into `out`, a record at a time.
  func nodes(_ g: ExportGraph, into out: inout ExportBytes) {
    Self.row(&out, Self.nodeHeader)
    for node in g.nodes {
      Self.row(
        &out,
        [
          node.id, node.label, node.kind, node.law ?? "", node.status.rawValue, node.date ?? "", node.year.map(String.init) ?? "",
          node.vergaderjaar ?? "", node.ministry ?? "", node.url ?? "", node.aliases.joined(separator: " "),
          node.paths.joined(separator: " "),
        ])
      out.flushIfFull()
    }
  }

  /// The edges file.
  public func edges(_ graph: CitationGraph) -> [UInt8] { edges(ExportGraph(graph)) }

  /// `edges(_:)` of a graph in export order.
  func edges(_ g: ExportGraph) -> [UInt8] {
    var out = ExportBytes(capacity: 128 + g.order.count * 160)
    edges(g, into: &out)
    return out.bytes
  }

  /// `edges(_:)` into `out`, a record at a time.
  func edges(_ g: ExportGraph, into out: inout ExportBytes) {
    Self.row(&out, Self.edgeHeader)
    g.unsorted.withUnsafeBufferPointer { edges in
      for (index, slot) in g.order.enumerated() {
        let relation = edges[slot].relation.rawValue
        out.appendCSVField(edges[slot].source)
        out.append(",")
        out.appendCSVField(edges[slot].target)
        out.append(",Directed,")
        out.append(relation)
        out.append(",e")
        out.append(index)
        out.append(",")
        out.append(edges[slot].weight)
        out.append(".0,")
        out.append(ExportText.origin(edges[slot]).rawValue)
        out.append(",")
        if let first = edges[slot].evidence.first {
          out.appendCSVField("\(first.place): \(first.text)")
        }
        out.append("\r\n")
        out.flushIfFull()
      }
    }
  }

  /// One CSV record ending in CRLF.
  static func row(_ out: inout ExportBytes, _ fields: [String]) {
    for (i, field) in fields.enumerated() {
      if i > 0 { out.append(",") }
      out.appendCSVField(field)
    }
    out.append("\r\n")
  }

  /// A field, quoted when it must be (RFC 4180); NUL is dropped (spreadsheet readers stop at it).
  static func field(_ text: String) -> String {
    var out = ExportBytes(capacity: text.utf8.count + 2)
    out.appendCSVField(text)
    return String(decoding: out.bytes, as: UTF8.self)
  }
}
