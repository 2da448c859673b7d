/// Writes GraphML in the Gephi profile (graph-formats-and-libxml2.md §1.3): every key declared
/// first with `for` and `attr.type`; `label`, `r`/`g`/`b` and `size` for Gephi's built-in
/// properties; `weight` as a double; `edgedefault="directed"`; edge ids `e0`, `e1`, ... in edge
/// order; one edge per (source, target, relation). networkx and igraph read it losslessly.
public struct GraphMLWriter: Sendable {
  /// A declared `<key>`: its id, what it is for, its GraphML type and its `attr.name` (the id unless given).
  struct Key {
    var id: String
    var domain: String
    var type: String
    var name: String? = nil
  }

  /// The node keys, in the order they are declared and written.
  static let nodeKeys: [Key] = [
    Key(id: "label", domain: "node", type: "string"), Key(id: "kind", domain: "node", type: "string"),
    Key(id: "law", domain: "node", type: "string"), Key(id: "status", domain: "node", type: "string"), Key(id: "date", domain: "node", type: "string"),
    Key(id: "year", domain: "node", type: "int"), Key(id: "vergaderjaar", domain: "node", type: "string"),
    Key(id: "ministry", domain: "node", type: "string"), Key(id: "url", domain: "node", type: "string"),
    Key(id: "aliases", domain: "node", type: "string"), Key(id: "paths", domain: "node", type: "string"),
    Key(id: "r", domain: "node", type: "int"), Key(id: "g", domain: "node", type: "int"),
    Key(id: "b", domain: "node", type: "int"), Key(id: "size", domain: "node", type: "double"),
  ]
  /// The edge keys. `origin` is the strongest kind of evidence (metadata, xml-link, text). Gephi
  /// takes the key `edgelabel` as the edge's label (readers see it as `label`): the relation.
  static let edgeKeys: [Key] = [
    Key(id: "edgelabel", domain: "edge", type: "string", name: "label"),
    Key(id: "weight", domain: "edge", type: "double"), Key(id: "relation", domain: "edge", type: "string"),
    Key(id: "evidence", domain: "edge", type: "string"), Key(id: "origin", domain: "edge", type: "string"),
  ]

  /// What to write (clusters, legend, label limit, indentation).
  public var options: ExportOptions

  /// A writer with `options`.
  public init(options: ExportOptions = .init()) { self.options = options }

  /// The GraphML document for `graph`; `name` becomes the graph's id attribute.
  ///
  /// The header, keys and graph element go through `XMLWriter.start`/`attribute`. Nodes and edges
  /// are fixed markup (tags, keys, indentation) written with `XMLWriter.raw`, node ids as checked
  /// NMTOKENs (`XMLWriter.Tokens`), numbers and closed vocabularies (relation, status, origin) as
  /// they are, and every free-text value through `XMLWriter.text`, which libxml2 escapes. The bytes
  /// are those the element and attribute calls would give; a million edges take about 2 s of CPU
  /// (Benchmarks/README.md, "GraphML vs networkx").
  public func write(_ graph: CitationGraph, name: String = "citations") throws(ExportError) -> [UInt8] {
    try write(ExportGraph(graph), name: name)
  }

  /// `write(_:name:)` of a graph in export order.
  func write(_ g: ExportGraph, name: String) throws(ExportError) -> [UInt8] {
    let ids = try ExportText.xmlIDs(g.nodes)
    do {
      let w = try XMLWriter(indent: false, capacity: 256 + g.nodes.count * 450 + g.order.count * 400)
      try emit(g, ids: ids, name: name, into: w)
      return try w.finish()
    } catch {
      throw .xmlWriter(file: "\(name).graphml", call: error.call)
    }
  }

  /// Writes the same document as `write(_:name:)` to the file at `path`, streamed in chunks of
  /// about 1 MB (the document is never held whole in memory); returns the file's size in bytes.
  /// A file that cannot be created or written (a missing folder, a full disk) throws `.io`.
  @discardableResult
  public func write(_ graph: CitationGraph, name: String = "citations", toFile path: String) throws(ExportError)
    -> Int
  {
    try write(ExportGraph(graph), name: name, toFile: path)
  }

  /// `write(_:name:toFile:)` of a graph read in order from the index (`GraphIndex.loadSortedGraph`).
  @discardableResult
  public func write(_ graph: SortedGraph, name: String = "citations", toFile path: String) throws(ExportError) -> Int {
    try write(ExportGraph(graph), name: name, toFile: path)
  }

  func write(_ g: ExportGraph, name: String, toFile path: String) throws(ExportError) -> Int {
    let ids = try ExportText.xmlIDs(g.nodes)
    do {
      let w = try XMLWriter(file: path, indent: false)
      try emit(g, ids: ids, name: name, into: w)
      return try w.finishFile()
    } catch {
      if let reason = error.fileFailure { throw .io(path: path, reason: reason) }
      throw .xmlWriter(file: path, call: error.call)
    }
  }

  /// The document's elements, written into `w`.
  private func emit(_ g: ExportGraph, ids: [String], name: String, into w: XMLWriter) throws(XMLWriterError) {
    let tokens = try XMLWriter.Tokens(ids)
    try head(name: name, into: w)
    for (n, node) in g.nodes.enumerated() {
      try self.node(node, index: n, degree: g.degree[n], tokens: tokens, into: w)
    }
    try g.unsorted.withUnsafeBufferPointer { (edges) throws(XMLWriterError) in
      try g.ends.withUnsafeBufferPointer { (ends) throws(XMLWriterError) in
        for (index, slot) in g.order.enumerated() {
          try edge(edges[slot], index: index, source: ends[index].source, target: ends[index].target, tokens: tokens, into: w)
        }
      }
    }
    try tail(into: w)
  }

  /// The root element, the key declarations and the graph's start tag.
  func head(name: String, into w: XMLWriter) throws(XMLWriterError) {
    try w.start("graphml")
    try w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
    for key in Self.nodeKeys + Self.edgeKeys {
      try line("\n  ", w)
      try w.start("key")
      try w.attribute("id", key.id)
      try w.attribute("for", key.domain)
      try w.attribute("attr.name", key.name ?? key.id)
      try w.attribute("attr.type", key.type)
      try w.end()
    }
    try line("\n  ", w)
    try w.start("graph")
    try w.attribute("id", ExportText.nmtoken(name))
    try w.attribute("edgedefault", "directed")
  }

  /// The graph's and the root's end tags.
  func tail(into w: XMLWriter) throws(XMLWriterError) {
    try line("\n  ", w)
    try w.end()
    try line("\n", w)
    try w.end()
  }

  // Nodes and edges: fixed markup (tags, keys, indentation; one `raw` call between two values),
  // node ids as NMTOKENs and numbers as digits written as they are, and every other value
  // escaped by libxml2 (`text`). The bytes are those of start/attribute/end calls.

  /// The node at `index` (its id token in `tokens`) with `degree` edges.
  func node(_ node: Node, index n: Int, degree: Int, tokens: XMLWriter.Tokens, into w: XMLWriter) throws(XMLWriterError) {
    let indent = options.indent
    try fixed("\n    <node id=\"", "<node id=\"", w)
    try w.token(n, of: tokens)
    try w.raw("\">")
    if !node.label.isEmpty { try data(w, "<data key=\"label\">", node.label, indent) }
    if !node.kind.isEmpty { try data(w, "<data key=\"kind\">", node.kind, indent) }
    if let law = node.law { try data(w, "<data key=\"law\">", law, indent) }
    try fixed("\n      <data key=\"status\">", "<data key=\"status\">", w)
    try w.raw(Self.fixedName(node.status))
    try w.raw("</data>")
    if let date = node.date, !date.isEmpty { try data(w, "<data key=\"date\">", date, indent) }
    if let year = node.year {
      try fixed("\n      <data key=\"year\">", "<data key=\"year\">", w)
      try w.integer(year)
      try w.raw("</data>")
    }
    if let v = node.vergaderjaar, !v.isEmpty { try data(w, "<data key=\"vergaderjaar\">", v, indent) }
    if let m = node.ministry, !m.isEmpty { try data(w, "<data key=\"ministry\">", m, indent) }
    if let url = node.url, !url.isEmpty { try data(w, "<data key=\"url\">", url, indent) }
    if !node.aliases.isEmpty {
      let aliases = node.aliases.joined(separator: " ")
      if !aliases.isEmpty { try data(w, "<data key=\"aliases\">", aliases, indent) }
    }
    if !node.paths.isEmpty {
      let paths = node.paths.joined(separator: " ")
      if !paths.isEmpty { try data(w, "<data key=\"paths\">", paths, indent) }
    }
    let color = NodeStyle.color(kind: node.kind)
    try fixed("\n      <data key=\"r\">", "<data key=\"r\">", w)
    try w.integer(color.r)
    try fixed("</data>\n      <data key=\"g\">", "</data><data key=\"g\">", w)
    try w.integer(color.g)
    try fixed("</data>\n      <data key=\"b\">", "</data><data key=\"b\">", w)
    try w.integer(color.b)
    try fixed("</data>\n      <data key=\"size\">", "</data><data key=\"size\">", w)
    try w.text(ExportText.oneDecimal(NodeStyle.size(degree: degree)))
    try fixed("</data>\n    </node>", "</data></node>", w)
  }

  /// Edge `e<index>` from the node at `source` to the node at `target` (token indices).
  func edge(
    _ edge: Edge, index: Int, source: Int, target: Int, tokens: XMLWriter.Tokens, into w: XMLWriter
  ) throws(XMLWriterError) {
    // Fields read in place, ends as token indices (no id strings).
    let relation = edge.relation.fixedName
    try fixed("\n    <edge id=\"e", "<edge id=\"e", w)
    try w.integer(index)
    try w.raw("\" source=\"")
    try w.token(source, of: tokens)
    try w.raw("\" target=\"")
    try w.token(target, of: tokens)
    try fixed("\">\n      <data key=\"edgelabel\">", "\"><data key=\"edgelabel\">", w)
    try w.raw(relation)
    try fixed("</data>\n      <data key=\"weight\">", "</data><data key=\"weight\">", w)
    let weight = edge.weight
    try edge.evidence.withUnsafeBufferPointer { (evidence) throws(XMLWriterError) in
      try w.integer(weight)
      try fixed(".0</data>\n      <data key=\"relation\">", ".0</data><data key=\"relation\">", w)
      try w.raw(relation)
      var origin = EvidenceSource.text  // Edge.origin: the least source, text when there is none
      if !evidence.isEmpty {
        // "path:line: text" ("path: text" without a line), in pieces: no joined string per edge.
        try fixed("</data>\n      <data key=\"evidence\">", "</data><data key=\"evidence\">", w)
        try w.text(evidence[0].path)
        if let line = evidence[0].line {
          try w.raw(":")
          try w.integer(line)
        }
        try w.raw(": ")
        try w.text(evidence[0].text)
        origin = evidence[0].source
        for k in 1..<evidence.count where evidence[k].source < origin { origin = evidence[k].source }
      }
      try fixed("</data>\n      <data key=\"origin\">", "</data><data key=\"origin\">", w)
      try w.raw(Self.fixedName(origin))
    }
    try fixed("</data>\n    </edge>", "</data></edge>", w)
  }

  /// `indented` or `flat` markup, as `options.indent` asks.
  @inline(__always)
  private func fixed(_ indented: StaticString, _ flat: StaticString, _ w: XMLWriter) throws(XMLWriterError) {
    try w.raw(options.indent ? indented : flat)
  }

  /// Line-break markup, written only when indenting.
  private func line(_ spaces: StaticString, _ w: XMLWriter) throws(XMLWriterError) {
    if options.indent { try w.raw(spaces) }
  }

  /// The evidence source's raw value as fixed text.
  static func fixedName(_ source: EvidenceSource) -> StaticString {
    switch source {
    case .metadata: return "metadata"
    case .xmlLink: return "xml-link"
    case .text: return "text"
    }
  }

  /// The node status's raw value as fixed text.
  static func fixedName(_ status: NodeStatus) -> StaticString {
    switch status {
    case .resolved: return "resolved"
    case .external: return "external"
    case .entity: return "entity"
    }
  }

  /// Writes `<data key=...>value</data>` on its own line: `tag` is the literal start tag, and the
  /// value is escaped by libxml2.
  private func data(_ w: XMLWriter, _ tag: StaticString, _ value: String, _ indent: Bool) throws(XMLWriterError) {
    if indent { try w.raw("\n      ") }
    try w.raw(tag)
    try w.text(value)
    try w.raw("</data>")
  }
}
