/// Writes Graphviz DOT that `dot` reads without a warning, whatever the labels hold.
///
/// Node ids are generated (`n0`, `n1`, ... in id order) and the human text goes into `label` and
/// `tooltip`; every id and value is quoted and escaped (graph-formats-and-libxml2.md §2.3), so DOT
/// keywords, quotes, backslashes and newlines are harmless. Shapes and colours follow the node
/// kind; a document's label starts with its kind and number, so two documents with the same title
/// stay apart. The story edges (answers, cites, asked-by, ...) come first, dark and labelled with
/// their relation; `mentions` edges come last, thin, grey and unlabelled. A legend box explains
/// every mark (kinds, the dashed border of nodes outside the corpus, edge colours, widths and
/// dashes); clusters group nodes by ministry or dossier when asked.
package struct DOTWriter: Sendable {
  /// What to write (clusters, legend, label limit, indentation).
  public var options: ExportOptions

  /// A writer with `options`.
  public init(options: ExportOptions = .init()) { self.options = options }

  /// The DOT text for `graph`, as UTF-8 bytes.
  public func write(_ graph: CitationGraph, name: String = "citations") -> [UInt8] {
    write(ExportGraph(graph), name: name)
  }

  /// `write(_:name:)` of a graph in export order.
  func write(_ g: ExportGraph, name: String) -> [UInt8] {
    var out = ExportBytes(capacity: 256 + g.nodes.count * 200 + g.order.count * 160)
    write(g, name: name, into: &out)
    return out.bytes
  }

  /// `write(_:name:)` into `out`, a statement at a time (a file sink flushes between them).
  func write(_ g: ExportGraph, name: String, into out: inout ExportBytes) {
    // Labels by node index; clusters look theirs up by node id.
    let labels = g.nodes.map { Self.label(for: $0, limit: options.dotLabelLimit) }

    head(name: name, into: &out)

    let clusters = clusterKeys(g)
    var byCluster: [String: [Int]] = [:]
    var loose: [Int] = []
    var position: [String: Int] = [:]
    if !clusters.isEmpty {
      position.reserveCapacity(g.nodes.count)
      for (index, node) in g.nodes.enumerated() { position[node.id] = index }
    }
    for (index, node) in g.nodes.enumerated() {
      if let key = clusters[node.id] { byCluster[key, default: []].append(index) } else { loose.append(index) }
    }
    for (number, key) in byCluster.keys.sorted().enumerated() {
      out.append("  subgraph \"cluster_\(number)\" {\n")
      out.append("    graph [label=\(Self.quoted(position[key].map { labels[$0] } ?? Self.cut(key, options.dotLabelLimit)))")
      out.append(", tooltip=\(Self.quoted(key)), style=\"rounded,dashed\", color=\"#888888\"];\n")
      for index in byCluster[key]! {
        out.append("    ")
        node(g.nodes[index], index: index, label: labels[index], into: &out)
        out.flushIfFull()
      }
      out.append("  }\n")
    }
    for index in loose {
      out.append("  ")
      node(g.nodes[index], index: index, label: labels[index], into: &out)
      out.flushIfFull()
    }

    g.unsorted.withUnsafeBufferPointer { edges in
      // Story edges first (Graphviz lays out and draws in statement order), mentions last.
      for pass in 0..<2 {
        for (index, slot) in g.order.enumerated() where (edges[slot].relation == .mentions) == (pass == 1) {
          edge(edges[slot], source: g.ends[index].source, target: g.ends[index].target, into: &out)
        }
      }
    }
    legend(kinds: Set(g.nodes.map(\.kind)), into: &out)
    out.append("}\n")
  }

  /// The graph's opening line and its defaults.
  func head(name: String, into out: inout ExportBytes) {
    out.append("digraph \(Self.quoted(name)) {\n")
    out.append("  graph [rankdir=\"LR\", overlap=\"false\", splines=\"true\", tooltip=\(Self.quoted(name))];\n")
    out.append("  node [style=\"filled\", fontsize=\"10\"];\n")
    out.append("  edge [fontsize=\"8\", color=\"#555555\", fontcolor=\"#555555\"];\n")
  }

  /// The statement of one edge whose ends are the nodes at `source` and `target` (ids `nN`).
  func edge(_ edge: Edge, source: Int, target: Int, into out: inout ExportBytes) {
    let story = edge.relation != .mentions
    out.append("  \"n")
    out.append(source)
    out.append("\" -> \"n")
    out.append(target)
    out.append("\" [")
    if options.edgeLabels && story {
      out.append("label=\"")
      out.append(edge.relation.rawValue)
      out.append("\", ")
    }
    let weight = edge.weight
    out.append("tooltip=")
    Self.appendTip(edge, weight: weight, into: &out)
    out.append(", weight=\"")
    out.append(weight)
    out.append("\", penwidth=\"")
    out.appendOneDecimal(Self.penwidth(weight: weight, story: story))
    if !story {
      out.append("\", color=\"")
      out.append(Self.mentionColor)
      out.append("\", arrowsize=\"0.5")
    }
    out.append(ExportText.origin(edge) == .metadata ? "\", style=\"dashed\"];\n" : "\"];\n")
    out.flushIfFull()
  }

  /// The quoted tooltip of an edge seen `weight` times: "source relation target (Nx)", then
  /// its first evidence ("path:line: text") on a second line, cut to 1000 characters. Written in
  /// pieces when it is not cut (no string is built per edge; the same bytes).
  static func appendTip(_ edge: Edge, weight: Int, into out: inout ExportBytes) {
    let relation = edge.relation.rawValue
    let first = edge.evidence.first
    var length = edge.source.utf8.count + relation.utf8.count + edge.target.utf8.count + decimalLength(weight) + 6
    if let first {
      length += first.path.utf8.count + first.text.utf8.count + 3
      if let line = first.line { length += 1 + decimalLength(line) }
    }
    guard length <= tipLimit else {
      var tip = "\(edge.source) \(relation) \(edge.target) (\(weight)x)"
      if let first { tip += "\n\(first.place): \(first.text)" }
      out.appendDOTQuoted(cut(tip, tipLimit))
      return
    }
    out.append("\"")
    out.appendDOTEscaped(edge.source)
    out.append(" ")
    out.append(relation)
    out.append(" ")
    out.appendDOTEscaped(edge.target)
    out.append(" (")
    out.append(weight)
    out.append("x)")
    if let first {
      out.append("\\n")
      out.appendEvidenceSummary(first, .dot)
    }
    out.append("\"")
  }

  /// The characters an edge's tooltip is cut to.
  static let tipLimit = 1000

  /// The number of bytes `value` takes in decimal.
  static func decimalLength(_ value: Int) -> Int {
    var length = value < 0 ? 2 : 1
    var rest = value.magnitude
    while rest >= 10 {
      rest /= 10
      length += 1
    }
    return length
  }

  /// The legend box (when `options.legend`) for nodes of `kinds`.
  func legend(kinds: Set<String>, into out: inout ExportBytes) {
    if options.legend {
      let kinds = kinds.sorted()
      if !kinds.isEmpty {
        out.append("  subgraph \"cluster_legend\" {\n")
        out.append("    graph [label=\"Legend\", style=\"rounded\", color=\"#bbbbbb\", fontsize=\"10\"];\n")
        for (index, kind) in kinds.enumerated() {
          let text = kind.isEmpty ? "(unknown)" : kind
          out.append("    \"legend\(index)\" [label=\(Self.quoted(text)), tooltip=\(Self.quoted(text))")
          out.append(", shape=\"\(NodeStyle.shape(kind: kind))\", fillcolor=\"\(NodeStyle.color(kind: kind).hex)\"];\n")
        }
        // One rank: with rankdir LR the samples stack in a single column.
        out.append("    { rank=\"same\"; " + kinds.indices.map { "\"legend\($0)\";" }.joined(separator: " ") + " }\n")
        // The other marks: a node outside the corpus, and one sample edge per kind of line.
        out.append("    \"legend-external\" [label=\"dashed border: not in the corpus\", tooltip=\"cited, but not one of the documents read\", shape=\"box\", style=\"filled,dashed\", fillcolor=\"#ffffff\"];\n")
        for (index, mark) in Self.edgeMarks.enumerated() {
          out.append("    \"legend-edge\(index)a\" [label=\"\", shape=\"point\", width=\"0.05\"];\n")
          out.append("    \"legend-edge\(index)b\" [label=\"\", shape=\"point\", width=\"0.05\"];\n")
          out.append("    \"legend-edge\(index)a\" -> \"legend-edge\(index)b\" [label=\(Self.quoted(mark.text)), tooltip=\(Self.quoted(mark.text)), \(mark.style)];\n")
        }
        out.append("  }\n")
      }
    }
  }

  /// The grey of `mentions` edges.
  static let mentionColor = "#bbbbbb"

  /// The width of an edge seen `weight` times: story edges from 1.5, mentions from 0.5, both
  /// growing with the square root of the weight.
  static func penwidth(weight: Int, story: Bool) -> Double {
    (story ? 1.5 : 0.5) + Double(max(0, weight - 1)).squareRoot()
  }

  /// The legend's sample edges: what each kind of line means, and its DOT attributes.
  static let edgeMarks: [(text: String, style: String)] = [
    ("story: answers, cites, asked-by, signed-by, ... (named on the line)", "penwidth=\"1.5\""),
    ("wider: found more often (width grows with the count)", "penwidth=\"4.5\""),
    ("dashed: from the document's metadata, not its text", "penwidth=\"1.5\", style=\"dashed\""),
    ("thin grey: mentions (a law, organisation or actor named)", "penwidth=\"0.5\", color=\"\(mentionColor)\", arrowsize=\"0.5\""),
  ]

  /// The label drawn for `node`: its label (or id), cut to `limit`; a document whose label does
  /// not carry its number (whole, or as "nr. N") gets a first line with its kind and number
  /// ("aanhangsel 20252026-313"), so documents with the same title stay apart. Laws, dossiers
  /// and addresses keep their label: it is their name; an EU act named by its title gets its
  /// number as the first line.
  public static func label(for node: Node, limit: Int) -> String {
    let text = cut(node.label.isEmpty ? node.id : node.label, limit)
    // An EU act known by its name gets its number too ("Verordening (EU) 2016/679"), so it is not
    // taken for a Dutch law (ids.md gives both the kind bwb).
    if node.law == "EU", let citation = OfficialSource.euCitation(celex: node.id), !node.label.isEmpty,
      node.label != citation
    {
      return citation + "\n" + text
    }
    guard let kind = ReferenceKind(rawValue: node.kind), kind.isDocument, kind != .bwb, kind != .url, kind != .dossier,
      node.label != node.id, !node.label.isEmpty
    else { return text }
    let number = Self.number(of: node.id)
    // A label that names the number already ("Aanhangsel Handelingen II 2024/25, nr. 2790") is kept.
    let last = number.split(separator: "-").last.map(String.init) ?? number
    guard !number.isEmpty, !Self.contains(node.label, number), !Self.contains(node.label, "nr. " + last) else {
      return text
    }
    return "\(kind.rawValue) \(number)\n" + text
  }

  /// Whether `text` contains `part` as Foundation's `contains` finds it: bytes compared when both
  /// are ASCII (where its Unicode equivalence cannot differ, bar the ";", "`" and "K" it also
  /// finds as U+037E, U+1FEF, U+212A, which are not ASCII), Foundation otherwise.
  static func contains(_ text: String, _ part: String) -> Bool {
    var text = text
    var part = part
    let found = text.withUTF8 { t -> Bool? in
      part.withUTF8 { p -> Bool? in
        for b in t where b >= 0x80 { return nil }
        for b in p where b >= 0x80 { return nil }
        guard !p.isEmpty else { return nil }
        guard t.count >= p.count else { return false }
        let first = p[0]
        for start in 0...(t.count - p.count) where t[start] == first {
          var k = 1
          while k < p.count && t[start + k] == p[k] { k += 1 }
          if k == p.count { return true }
        }
        return false
      }
    }
    return found ?? text.contains(part)
  }

  /// The number part of a canonical id: after its first ":" (`kenmerk:MINDEF2025...`), or without
  /// the leading lower-case prefixes of a dashed id (`ah-tk-20252026-313` -> `20252026-313`).
  static func number(of id: String) -> String {
    if let colon = id.firstIndex(of: ":") { return String(id[id.index(after: colon)...]) }
    var parts = id.split(separator: "-", omittingEmptySubsequences: false)
    while parts.count > 1, let first = parts.first, first.allSatisfy({ $0.isLetter && $0.isLowercase }) {
      parts.removeFirst()
    }
    return parts.joined(separator: "-")
  }

  /// The statement of `node`, the node at `index` (id `nN`), drawn with `label`.
  func node(_ node: Node, index: Int, label: String, into out: inout ExportBytes) {
    out.append("\"n")
    out.append(index)
    out.append("\" [label=")
    out.appendDOTQuoted(label)
    out.append(", tooltip=")
    // The id, then the label (when it differs) and the date, a line each, cut to 2000 characters.
    let hasLabel = node.label != node.id && !node.label.isEmpty
    var length = node.id.utf8.count
    if hasLabel { length += 1 + node.label.utf8.count }
    if let date = node.date { length += 1 + date.utf8.count }
    if length <= Self.nodeTipLimit {
      out.append("\"")
      out.appendDOTEscaped(node.id)
      if hasLabel {
        out.append("\\n")
        out.appendDOTEscaped(node.label)
      }
      if let date = node.date {
        out.append("\\n")
        out.appendDOTEscaped(date)
      }
      out.append("\"")
    } else {
      var tip = node.id
      if hasLabel { tip += "\n" + node.label }
      if let date = node.date { tip += "\n" + date }
      out.appendDOTQuoted(Self.cut(tip, Self.nodeTipLimit))
    }
    out.append(", shape=\"")
    out.append(NodeStyle.shape(kind: node.kind))
    out.append("\", fillcolor=\"")
    out.append(NodeStyle.color(kind: node.kind).hex)
    out.append("\"")
    if node.status == .external { out.append(", style=\"filled,dashed\"") }
    if let url = node.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
      out.append(", URL=")
      out.appendDOTQuoted(url)
    }
    out.append("];\n")
  }

  /// The characters a node's tooltip is cut to.
  static let nodeTipLimit = 2000

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
    var out = ExportBytes(capacity: text.utf8.count + 2)
    out.appendDOTQuoted(text)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// `text` cut to `limit` characters (grapheme clusters, so an emoji is never split), ending in
  /// "…" when cut.
  public static func cut(_ text: String, _ limit: Int) -> String {
    guard limit > 0, text.utf8.count > limit, text.count > limit else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
