/// Writes GEXF 1.3, Gephi's native format, with `mode="dynamic"` and `timeformat="date"`: every
/// node with a date gets it as `start`, and every edge the date of its citing document, so
/// Gephi's timeline plays the story in order. Attributes are those of the GraphML export;
/// colour and size go in `viz:color` and `viz:size`. Valid against gephi/gexf `specs/1.3/gexf.rng`.
package struct GEXFWriter: Sendable {
  /// Node attribute columns (id = title) and their GEXF types.
  static let nodeAttributes: [(String, String)] = [
    ("kind", "string"), ("law", "string"), ("status", "string"), ("date", "string"), ("year", "integer"),
    ("vergaderjaar", "string"), ("ministry", "string"), ("url", "string"), ("aliases", "string"),
    ("paths", "string"),
  ]
  /// Edge attribute columns.
  static let edgeAttributes: [(String, String)] = [
    ("relation", "string"), ("evidence", "string"), ("origin", "string"),
  ]

  /// What to write (clusters, legend, label limit, indentation).
  public var options: ExportOptions

  /// A writer with `options`.
  public init(options: ExportOptions = .init()) { self.options = options }

  /// The GEXF document for `graph`; `name` goes into `<meta><description>`.
  ///
  /// Written on the byte sink (`ExportBytes`), with the bytes libxml2's `xmlTextWriter` gave:
  /// its indentation (two spaces a level, one element a line) or none, `<x/>` for an empty
  /// element, attribute values escaped by `appendXMLAttribute` and text by `appendXMLText`.
  public func write(_ graph: CitationGraph, name: String = "citations") throws(ExportError) -> [UInt8] {
    try write(ExportGraph(graph), name: name)
  }

  /// `write(_:name:)` of a graph in export order.
  func write(_ g: ExportGraph, name: String) throws(ExportError) -> [UInt8] {
    var out = ExportBytes(capacity: 1024 + g.nodes.count * 500 + g.order.count * 400)
    try write(g, name: name, into: &out)
    return out.bytes
  }

  /// `write(_:name:)` into `out`, a node or edge at a time (a file sink flushes between them).
  func write(_ g: ExportGraph, name: String, into out: inout ExportBytes) throws(ExportError) {
    head(name: name, nodeCount: g.nodes.count, into: &out)
    // The `start` of each node (and of the edges it cites from): its date when `xsd:date` takes it.
    let starts = g.nodes.map(Self.start)
    for (n, node) in g.nodes.enumerated() {
      self.node(node, start: starts[n], degree: g.degree[n], into: &out)
    }
    middle(nodeCount: g.nodes.count, edgeCount: g.order.count, into: &out)
    g.unsorted.withUnsafeBufferPointer { edges in
      for (index, slot) in g.order.enumerated() {
        edge(edges[slot], index: index, start: starts[g.ends[index].source], into: &out)
      }
    }
    tail(edgeCount: g.order.count, into: &out)
  }

  /// A node's `start`: its date when `xsd:date` takes it (the edges it cites from take it too).
  static func start(_ node: Node) -> String? {
    guard let date = node.date, ExportText.isISODate(date) else { return nil }
    return date
  }

  /// Fixed markup in its indented and its flat form.
  private func fixed(_ out: inout ExportBytes, _ indented: StaticString, _ flat: StaticString) {
    out.append(options.indent ? indented : flat)
  }

  /// Everything before the first node: the header, the attribute declarations, `<nodes count=..>`.
  func head(name: String, nodeCount: Int, into out: inout ExportBytes) {
    let indent = options.indent
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    out.append("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">")
    fixed(&out, "\n  <meta>\n    <creator>KamerGraph</creator>\n    <description>", "<meta><creator>KamerGraph</creator><description>")
    out.appendXMLText(name)
    fixed(&out, "</description>\n  </meta>\n  ", "</description></meta>")
    out.append("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">")
    declare(&out, "node", Self.nodeAttributes, indent)
    declare(&out, "edge", Self.edgeAttributes, indent)
    fixed(&out, "\n    <nodes count=\"", "<nodes count=\"")
    out.append(nodeCount)
    out.append(nodeCount == 0 ? "\"/>" : "\">")
  }

  /// One `<node>` element; `start` as `GEXFWriter.start(node)`, `degree` its edges in and out.
  func node(_ node: Node, start: String?, degree: Int, into out: inout ExportBytes) {
    let indent = options.indent
    fixed(&out, "\n      <node id=\"", "<node id=\"")
    out.appendXMLAttribute(node.id)
    let label = Self.token(node.label)
    if !label.isEmpty {
      out.append("\" label=\"")
      out.appendXMLAttribute(label)
    }
    if let start {
      out.append("\" start=\"")
      out.appendXMLAttribute(start)
    }
    out.append("\">")
    var values = AttValues(indent: indent)
    values.add("kind", node.kind, &out)
    if let law = node.law { values.add("law", law, &out) }
    values.add("status", node.status.rawValue, &out)
    if let date = node.date { values.add("date", date, &out) }
    if let year = node.year { values.add("year", String(year), &out) }
    if let v = node.vergaderjaar { values.add("vergaderjaar", v, &out) }
    if let m = node.ministry { values.add("ministry", m, &out) }
    if let url = node.url { values.add("url", url, &out) }
    if !node.aliases.isEmpty { values.add("aliases", node.aliases.joined(separator: " "), &out) }
    if !node.paths.isEmpty { values.add("paths", node.paths.joined(separator: " "), &out) }
    values.close(&out)
    let color = NodeStyle.color(kind: node.kind)
    fixed(&out, "\n        <viz:color r=\"", "<viz:color r=\"")
    out.append(color.r)
    out.append("\" g=\"")
    out.append(color.g)
    out.append("\" b=\"")
    out.append(color.b)
    fixed(&out, "\"/>\n        <viz:size value=\"", "\"/><viz:size value=\"")
    out.append(ExportText.oneDecimal(NodeStyle.size(degree: degree)))
    fixed(&out, "\"/>\n      </node>", "\"/></node>")
    out.flushIfFull()
  }

  /// Between the last node and the first edge: `</nodes>` and `<edges count=..>`.
  func middle(nodeCount: Int, edgeCount: Int, into out: inout ExportBytes) {
    if nodeCount > 0 { fixed(&out, "\n    </nodes>", "</nodes>") }
    fixed(&out, "\n    <edges count=\"", "<edges count=\"")
    out.append(edgeCount)
    out.append(edgeCount == 0 ? "\"/>" : "\">")
  }

  /// Edge number `index` (in sorted order); `start` that of its source node.
  func edge(_ edge: Edge, index: Int, start: String?, into out: inout ExportBytes) {
    let relation = edge.relation.rawValue
    fixed(&out, "\n      <edge id=\"e", "<edge id=\"e")
    out.append(index)
    out.append("\" source=\"")
    out.appendXMLAttribute(edge.source)
    out.append("\" target=\"")
    out.appendXMLAttribute(edge.target)
    // Gephi merges parallel edges of the same kind; the relation as kind keeps them apart.
    out.append("\" kind=\"")
    out.appendXMLAttribute(relation)
    out.append("\" label=\"")
    out.appendXMLAttribute(relation)
    out.append("\" weight=\"")
    out.append(edge.weight)
    out.append(".0")
    if let start {
      out.append("\" start=\"")
      out.appendXMLAttribute(start)
    }
    out.append("\">")
    var values = AttValues(indent: options.indent)
    values.add("relation", relation, &out)
    if let first = edge.evidence.first { values.add(evidence: first, &out) }
    values.add("origin", ExportText.origin(edge).rawValue, &out)
    values.close(&out)
    fixed(&out, "\n      </edge>", "</edge>")
    out.flushIfFull()
  }

  /// After the last edge.
  func tail(edgeCount: Int, into out: inout ExportBytes) {
    if edgeCount > 0 { fixed(&out, "\n    </edges>", "</edges>") }
    fixed(&out, "\n  </graph>\n</gexf>\n", "</graph></gexf>\n")
  }

  /// Writes an `<attributes>` declaration at its place in the document.
  private func declare(_ out: inout ExportBytes, _ cls: StaticString, _ attributes: [(String, String)], _ indent: Bool) {
    out.append(indent ? "\n    <attributes class=\"" : "<attributes class=\"")
    out.append(cls)
    out.append("\" mode=\"static\">")
    for (id, type) in attributes {
      out.append(indent ? "\n      <attribute id=\"" : "<attribute id=\"")
      out.appendXMLAttribute(id)
      out.append("\" title=\"")
      out.appendXMLAttribute(id)
      out.append("\" type=\"")
      out.appendXMLAttribute(type)
      out.append("\"/>")
    }
    out.append(indent ? "\n    </attributes>" : "</attributes>")
  }

  /// The `<attvalues>` of a node or edge, opened before its first value: values that are empty
  /// are left out, and with none the element is written empty (`<attvalues/>`).
  private struct AttValues {
    let indent: Bool
    var opened = false

    init(indent: Bool) { self.indent = indent }

    mutating func add(_ key: StaticString, _ value: String, _ out: inout ExportBytes) {
      guard !value.isEmpty else { return }
      if !opened {
        out.append(indent ? "\n        <attvalues>" : "<attvalues>")
        opened = true
      }
      out.append(indent ? "\n          <attvalue for=\"" : "<attvalue for=\"")
      out.append(key)
      out.append("\" value=\"")
      out.appendXMLAttribute(value)
      out.append("\"/>")
    }

    /// The `evidence` value of an edge whose first evidence is `first`: `ExportText.evidenceSummary`
    /// ("path:line: text"), escaped in pieces (no string built per edge; the same bytes).
    mutating func add(evidence first: Evidence, _ out: inout ExportBytes) {
      if !opened {
        out.append(indent ? "\n        <attvalues>" : "<attvalues>")
        opened = true
      }
      out.append(indent ? "\n          <attvalue for=\"evidence\" value=\"" : "<attvalue for=\"evidence\" value=\"")
      out.appendEvidenceSummary(first, .xmlAttribute)
      out.append("\"/>")
    }

    func close(_ out: inout ExportBytes) {
      if opened {
        out.append(indent ? "\n        </attvalues>" : "</attvalues>")
      } else {
        out.append(indent ? "\n        <attvalues/>" : "<attvalues/>")
      }
    }
  }

  /// `text` as an `xsd:token` (the type of GEXF's `label`): without characters XML forbids, runs
  /// of tabs, newlines, carriage returns and spaces turned into one space, and no space at either end.
  public static func token(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in XMLWriter.xmlSafe(text).unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
      }
    }
    return String(out)
  }
}
