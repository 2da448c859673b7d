/// Writes the two files of Gephi's spreadsheet import (File > Import spreadsheet): a nodes table
/// whose first columns are `Id` and `Label`, and an edges table starting `Source, Target, Type, Kind,
/// Id, Label, Weight`. `Kind` (the relation) keeps Gephi from merging two edges between the same
/// nodes that have different relations (gephi `ImportEdgesProcess`: "Kind for parallel edges").
/// Fields follow RFC 4180: CRLF line ends, and a field holding a comma, quote, CR or LF is quoted
/// with its quotes doubled.
public struct CSVGraphWriter: Sendable {
  /// The nodes header.
  public static let nodeHeader = [
    "Id", "Label", "kind", "status", "date", "year", "vergaderjaar", "ministry", "url", "aliases", "paths",
  ]
  /// The edges header. `origin` is the strongest kind of evidence; `evidence` its first mention.
  public static let edgeHeader = [
    "Source", "Target", "Type", "Kind", "Id", "Label", "Weight", "relation", "origin", "evidence",
  ]

  public init() {}

  /// The nodes file.
  public func nodes(_ graph: CitationGraph) -> [UInt8] {
    let g = ExportGraph(graph)
    var out = Self.row(Self.nodeHeader)
    for node in g.nodes {
      out += Self.row([
        node.id, node.label, node.kind, node.status.rawValue, node.date ?? "", node.year.map(String.init) ?? "",
        node.vergaderjaar ?? "", node.ministry ?? "", node.url ?? "", node.aliases.joined(separator: " "),
        node.paths.joined(separator: " "),
      ])
    }
    return Array(out.utf8)
  }

  /// The edges file.
  public func edges(_ graph: CitationGraph) -> [UInt8] {
    var out = Self.row(Self.edgeHeader)
    for (index, edge) in ExportGraph(graph).edges.enumerated() {
      out += Self.row([
        edge.source, edge.target, "Directed", edge.relation.rawValue, "e\(index)", edge.relation.rawValue,
        ExportText.decimal(edge.weight),
        edge.relation.rawValue, ExportText.origin(edge).rawValue, ExportText.evidenceSummary(edge) ?? "",
      ])
    }
    return Array(out.utf8)
  }

  /// One CSV record ending in CRLF.
  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// A field, quoted when it must be; NUL is dropped (spreadsheet readers stop at it).
  static func field(_ text: String) -> String {
    var needsQuotes = false
    var hasNUL = false
    for b in text.utf8 {
      switch b {
      case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A: needsQuotes = true
      case 0: hasNUL = true
      default: break
      }
    }
    let clean = hasNUL ? String(text.unicodeScalars.filter { $0 != "\u{0}" }.map(Character.init)) : text
    guard needsQuotes else { return clean }
    var out = "\""
    for scalar in clean.unicodeScalars {
      if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
    }
    return out + "\""
  }
}
