/// Writes Graphviz DOT that `dot` reads without a warning, whatever the labels hold.
///
/// Node ids are generated (`n0`, `n1`, ... in id order) and the human text goes into `label` and
/// `tooltip`; every id and value is quoted and escaped (graph-formats-and-libxml2.md §2.3), so DOT
/// keywords, quotes, backslashes and newlines are harmless. Shapes and colours follow the node
/// kind, with a legend box; clusters group nodes by ministry or dossier when asked.
public struct DOTWriter: Sendable {
  public var options: ExportOptions

  public init(options: ExportOptions = .init()) { self.options = options }

  /// The DOT text for `graph`, as UTF-8 bytes.
  public func write(_ graph: CitationGraph, name: String = "citations") -> [UInt8] {
    let g = ExportGraph(graph)
    var dotID: [String: String] = [:]
    dotID.reserveCapacity(g.nodes.count)
    for (index, node) in g.nodes.enumerated() { dotID[node.id] = "n\(index)" }
    var labels: [String: String] = [:]
    for node in g.nodes { labels[node.id] = node.label.isEmpty ? node.id : node.label }

    var out = ""
    out.reserveCapacity(256 + g.nodes.count * 200 + g.edges.count * 120)
    out += "digraph \(Self.quoted(name)) {\n"
    out += "  graph [rankdir=\"LR\", overlap=\"false\", splines=\"true\", tooltip=\(Self.quoted(name))];\n"
    out += "  node [style=\"filled\", fontsize=\"10\"];\n"
    out += "  edge [fontsize=\"8\", color=\"#555555\", fontcolor=\"#555555\"];\n"

    let clusters = clusterKeys(g)
    var byCluster: [String: [Node]] = [:]
    var loose: [Node] = []
    for node in g.nodes {
      if let key = clusters[node.id] { byCluster[key, default: []].append(node) } else { loose.append(node) }
    }
    for (index, key) in byCluster.keys.sorted().enumerated() {
      out += "  subgraph \"cluster_\(index)\" {\n"
      out += "    graph [label=\(Self.quoted(Self.cut(labels[key] ?? key, options.dotLabelLimit)))"
      out += ", tooltip=\(Self.quoted(key)), style=\"rounded,dashed\", color=\"#888888\"];\n"
      for node in byCluster[key]! { out += "    " + nodeStatement(node, dotID[node.id]!, labels[node.id]!) }
      out += "  }\n"
    }
    for node in loose { out += "  " + nodeStatement(node, dotID[node.id]!, labels[node.id]!) }

    for (index, edge) in g.edges.enumerated() {
      out += "  \"n\(g.ends[index].source)\" -> \"n\(g.ends[index].target)\" ["
      if options.edgeLabels { out += "label=\(Self.quoted(edge.relation.rawValue)), " }
      var tip = "\(edge.source) \(edge.relation.rawValue) \(edge.target) (\(edge.weight)x)"
      if let evidence = ExportText.evidenceSummary(edge) { tip += "\n" + evidence }
      out += "tooltip=\(Self.quoted(Self.cut(tip, 1000))), weight=\"\(edge.weight)\""
      out += ", penwidth=\"\(ExportText.oneDecimal(1 + Double(edge.weight - 1).squareRoot()))\""
      if ExportText.origin(edge) == .metadata { out += ", style=\"dashed\"" }
      out += "];\n"
    }

    if options.legend {
      let kinds = Set(g.nodes.map(\.kind)).sorted()
      if !kinds.isEmpty {
        out += "  subgraph \"cluster_legend\" {\n"
        out += "    graph [label=\"Legend\", style=\"rounded\", color=\"#bbbbbb\", fontsize=\"10\"];\n"
        for (index, kind) in kinds.enumerated() {
          let text = kind.isEmpty ? "(unknown)" : kind
          out += "    \"legend\(index)\" [label=\(Self.quoted(text)), tooltip=\(Self.quoted(text))"
          out += ", shape=\"\(NodeStyle.shape(kind: kind))\", fillcolor=\"\(NodeStyle.color(kind: kind).hex)\"];\n"
        }
        // One rank: with rankdir LR the samples stack in a single column.
        out += "    { rank=\"same\"; " + kinds.indices.map { "\"legend\($0)\";" }.joined(separator: " ") + " }\n"
        out += "  }\n"
      }
    }
    out += "}\n"
    return Array(out.utf8)
  }

  private func nodeStatement(_ node: Node, _ id: String, _ label: String) -> String {
    var tip = node.id
    if node.label != node.id && !node.label.isEmpty { tip += "\n" + node.label }
    if let date = node.date { tip += "\n" + date }
    var s = "\"\(id)\" [label=\(Self.quoted(Self.cut(label, options.dotLabelLimit)))"
    s += ", tooltip=\(Self.quoted(Self.cut(tip, 2000)))"
    s += ", shape=\"\(NodeStyle.shape(kind: node.kind))\", fillcolor=\"\(NodeStyle.color(kind: node.kind).hex)\""
    if node.status == .external { s += ", style=\"filled,dashed\"" }
    if let url = node.url, url.hasPrefix("https://") || url.hasPrefix("http://") { s += ", URL=\(Self.quoted(url))" }
    return s + "];\n"
  }

  /// The cluster each node belongs to (a ministry or dossier node id), by `options.clusterBy`.
  private func clusterKeys(_ g: ExportGraph) -> [String: String] {
    var keys: [String: String] = [:]
    switch options.clusterBy {
    case .none:
      break
    case .ministry:
      for node in g.nodes {
        if node.kind == ReferenceKind.ministerie.rawValue {
          keys[node.id] = node.id
        } else if let m = node.ministry {
          keys[node.id] = m
        }
      }
    case .dossier:
      for node in g.nodes where node.kind == ReferenceKind.dossier.rawValue { keys[node.id] = node.id }
      // Edges come sorted, so the first part-of-dossier edge of a node decides.
      for edge in g.edges where edge.relation == .partOfDossier && keys[edge.source] == nil {
        keys[edge.source] = edge.target
      }
    }
    return keys
  }

  /// `text` as a quoted DOT string for an escString attribute: `"` and `\` escaped, a newline
  /// as `\n`, CR dropped, and characters XML 1.0 forbids dropped (Graphviz copies labels into SVG).
  public static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": continue
      default:
        if XMLWriter.isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }

  /// `text` cut to `limit` characters (grapheme clusters, so an emoji is never split), ending in
  /// "…" when cut.
  public static func cut(_ text: String, _ limit: Int) -> String {
    guard limit > 0, text.utf8.count > limit, text.count > limit else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
