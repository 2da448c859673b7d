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
    let indent = options.indent
    // Fixed markup in its indented and its flat form.
    func fixed(_ indented: StaticString, _ flat: StaticString) { out.append(indent ? indented : flat) }
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    out.append("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">")
    fixed("\n  <meta>\n    <creator>KamerGraph</creator>\n    <description>", "<meta><creator>KamerGraph</creator><description>")
    out.appendXMLText(name)
    fixed("</description>\n  </meta>\n  ", "</description></meta>")
    out.append("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">")
    declare(&out, "node", Self.nodeAttributes, indent)
    declare(&out, "edge", Self.edgeAttributes, indent)
    // The `start` of each node (and of the edges it cites from): its date when `xsd:date` takes it.
    let dated = g.nodes.map { node in node.date.map(ExportText.isISODate) ?? false }

    fixed("\n    <nodes count=\"", "<nodes count=\"")
    out.append(g.nodes.count)
    out.append(g.nodes.isEmpty ? "\"/>" : "\">")
    for (n, node) in g.nodes.enumerated() {
      fixed("\n      <node id=\"", "<node id=\"")
      out.appendXMLAttribute(node.id)
      let label = Self.token(node.label)
      if !label.isEmpty {
        out.append("\" label=\"")
        out.appendXMLAttribute(label)
      }
      if dated[n], let date = node.date {
        out.append("\" start=\"")
        out.appendXMLAttribute(date)
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
      fixed("\n        <viz:color r=\"", "<viz:color r=\"")
      out.append(color.r)
      out.append("\" g=\"")
      out.append(color.g)
      out.append("\" b=\"")
      out.append(color.b)
      fixed("\"/>\n        <viz:size value=\"", "\"/><viz:size value=\"")
      out.append(ExportText.oneDecimal(NodeStyle.size(degree: g.degree[n])))
      fixed("\"/>\n      </node>", "\"/></node>")
      out.flushIfFull()
    }
    if !g.nodes.isEmpty { fixed("\n    </nodes>", "</nodes>") }

    fixed("\n    <edges count=\"", "<edges count=\"")
    out.append(g.order.count)
    out.append(g.order.isEmpty ? "\"/>" : "\">")
    g.unsorted.withUnsafeBufferPointer { edges in
      for (index, slot) in g.order.enumerated() {
        let relation = edges[slot].relation.rawValue
        fixed("\n      <edge id=\"e", "<edge id=\"e")
        out.append(index)
        out.append("\" source=\"")
        out.appendXMLAttribute(edges[slot].source)
        out.append("\" target=\"")
        out.appendXMLAttribute(edges[slot].target)
        // Gephi merges parallel edges of the same kind; the relation as kind keeps them apart.
        out.append("\" kind=\"")
        out.appendXMLAttribute(relation)
        out.append("\" label=\"")
        out.appendXMLAttribute(relation)
        out.append("\" weight=\"")
        out.append(edges[slot].weight)
        out.append(".0")
        let source = g.ends[index].source
        if dated[source], let date = g.nodes[source].date {
          out.append("\" start=\"")
          out.appendXMLAttribute(date)
        }
        out.append("\">")
        var values = AttValues(indent: indent)
        values.add("relation", relation, &out)
        if let evidence = ExportText.evidenceSummary(edges[slot]) { values.add("evidence", evidence, &out) }
        values.add("origin", ExportText.origin(edges[slot]).rawValue, &out)
        values.close(&out)
        fixed("\n      </edge>", "</edge>")
        out.flushIfFull()
      }
    }
    if !g.order.isEmpty { fixed("\n    </edges>", "</edges>") }
    fixed("\n  </graph>\n</gexf>\n", "</graph></gexf>\n")
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
