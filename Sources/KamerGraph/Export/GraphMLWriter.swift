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
    Key(id: "status", domain: "node", type: "string"), Key(id: "date", domain: "node", type: "string"),
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
  /// Elements with variable attributes go through `XMLWriter.start`/`attribute`; the fixed
  /// `<data key="...">` tags and the indentation are written as literal markup around
  /// `XMLWriter.text`, which escapes every value. That keeps libxml2's escaping and halves the
  /// calls per edge (a million edges are written in a few seconds).
  public func write(_ graph: CitationGraph, name: String = "citations") throws(ExportError) -> [UInt8] {
    let g = ExportGraph(graph)
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
  @discardableResult
  public func write(_ graph: CitationGraph, name: String = "citations", toFile path: String) throws(ExportError)
    -> Int
  {
    let g = ExportGraph(graph)
    let ids = try ExportText.xmlIDs(g.nodes)
    do {
      let w = try XMLWriter(file: path, indent: false)
      try emit(g, ids: ids, name: name, into: w)
      return try w.finishFile()
    } catch {
      throw .xmlWriter(file: path, call: error.call)
    }
  }

  /// The document's elements, written into `w`.
  private func emit(_ g: ExportGraph, ids: [String], name: String, into w: XMLWriter) throws(XMLWriterError) {
    let indent = options.indent
    func line(_ spaces: StaticString) throws(XMLWriterError) { if indent { try w.raw(spaces) } }
    try w.start("graphml")
    try w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
    for key in Self.nodeKeys + Self.edgeKeys {
      try line("\n  ")
      try w.start("key")
      try w.attribute("id", key.id)
      try w.attribute("for", key.domain)
      try w.attribute("attr.name", key.name ?? key.id)
      try w.attribute("attr.type", key.type)
      try w.end()
    }
    try line("\n  ")
    try w.start("graph")
    try w.attribute("id", ExportText.nmtoken(name))
    try w.attribute("edgedefault", "directed")
    for (n, node) in g.nodes.enumerated() {
      try line("\n    ")
      try w.start("node")
      try w.attribute("id", ids[n])
      if !node.label.isEmpty { try data(w, "<data key=\"label\">", node.label, indent) }
      if !node.kind.isEmpty { try data(w, "<data key=\"kind\">", node.kind, indent) }
      try data(w, "<data key=\"status\">", node.status.rawValue, indent)
      if let date = node.date, !date.isEmpty { try data(w, "<data key=\"date\">", date, indent) }
      if let year = node.year { try data(w, "<data key=\"year\">", String(year), indent) }
      if let v = node.vergaderjaar, !v.isEmpty { try data(w, "<data key=\"vergaderjaar\">", v, indent) }
      if let m = node.ministry, !m.isEmpty { try data(w, "<data key=\"ministry\">", m, indent) }
      if let url = node.url, !url.isEmpty { try data(w, "<data key=\"url\">", url, indent) }
      let aliases = node.aliases.joined(separator: " ")
      if !aliases.isEmpty { try data(w, "<data key=\"aliases\">", aliases, indent) }
      let paths = node.paths.joined(separator: " ")
      if !paths.isEmpty { try data(w, "<data key=\"paths\">", paths, indent) }
      let color = NodeStyle.color(kind: node.kind)
      try data(w, "<data key=\"r\">", String(color.r), indent)
      try data(w, "<data key=\"g\">", String(color.g), indent)
      try data(w, "<data key=\"b\">", String(color.b), indent)
      try data(w, "<data key=\"size\">", ExportText.oneDecimal(NodeStyle.size(degree: g.degree[n])), indent)
      try line("\n    ")
      try w.end()
    }
    try g.unsorted.withUnsafeBufferPointer { (edges) throws(XMLWriterError) in
      for (index, slot) in g.order.enumerated() {
        try line("\n    ")
        try w.start("edge")
        try w.attribute("id", "e\(index)")
        try w.attribute("source", ids[g.ends[index].source])
        try w.attribute("target", ids[g.ends[index].target])
        try data(w, "<data key=\"edgelabel\">", edges[slot].relation.rawValue, indent)
        try data(w, "<data key=\"weight\">", ExportText.decimal(edges[slot].weight), indent)
        try data(w, "<data key=\"relation\">", edges[slot].relation.rawValue, indent)
        try edges[slot].evidence.withUnsafeBufferPointer { (evidence) throws(XMLWriterError) in
          guard !evidence.isEmpty else { return }
          // "path:line: text", written in pieces so no joined string is built per edge.
          try line("\n      ")
          try w.raw("<data key=\"evidence\">")
          try w.text(evidence[0].path)
          try w.text(":\(evidence[0].line): ")
          try w.text(evidence[0].text)
          try w.raw("</data>")
        }
        try data(w, "<data key=\"origin\">", ExportText.origin(edges[slot]).rawValue, indent)
        try line("\n    ")
        try w.end()
      }
    }
    try line("\n  ")
    try w.end()
    try line("\n")
    try w.end()
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
