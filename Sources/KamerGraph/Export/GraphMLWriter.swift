/// Writes GraphML in the Gephi profile (graph-formats-and-libxml2.md §1.3): every key declared
/// first with `for` and `attr.type`; `label`, `r`/`g`/`b` and `size` for Gephi's built-in
/// properties; `weight` as a double; `edgedefault="directed"`; edge ids `e0`, `e1`, ... in edge
/// order; one edge per (source, target, relation). networkx and igraph read it losslessly.
public struct GraphMLWriter: Sendable {
  /// A declared `<key>`: its id (also its `attr.name`), what it is for and its GraphML type.
  struct Key {
    var id: String
    var domain: String
    var type: String
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
  /// The edge keys. `origin` is the strongest kind of evidence (metadata, xml-link, text).
  static let edgeKeys: [Key] = [
    Key(id: "weight", domain: "edge", type: "double"), Key(id: "relation", domain: "edge", type: "string"),
    Key(id: "evidence", domain: "edge", type: "string"), Key(id: "origin", domain: "edge", type: "string"),
  ]

  public var options: ExportOptions

  public init(options: ExportOptions = .init()) { self.options = options }

  /// The GraphML document for `graph`; `name` becomes the graph's id attribute.
  public func write(_ graph: CitationGraph, name: String = "citations") throws(ExportError) -> [UInt8] {
    let g = ExportGraph(graph)
    let ids = try ExportText.xmlIDs(g.nodes)
    do {
      let w = try XMLWriter(indent: options.indent, capacity: 256 + g.nodes.count * 400 + g.edges.count * 300)
      try w.start("graphml")
      try w.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
      for key in Self.nodeKeys + Self.edgeKeys {
        try w.start("key")
        try w.attribute("id", key.id)
        try w.attribute("for", key.domain)
        try w.attribute("attr.name", key.id)
        try w.attribute("attr.type", key.type)
        try w.end()
      }
      try w.start("graph")
      try w.attribute("id", ExportText.nmtoken(name))
      try w.attribute("edgedefault", "directed")
      for (n, node) in g.nodes.enumerated() {
        try w.start("node")
        try w.attribute("id", ids[n])
        try data(w, "label", node.label)
        try data(w, "kind", node.kind)
        try data(w, "status", node.status.rawValue)
        if let date = node.date { try data(w, "date", date) }
        if let year = node.year { try data(w, "year", String(year)) }
        if let v = node.vergaderjaar { try data(w, "vergaderjaar", v) }
        if let m = node.ministry { try data(w, "ministry", m) }
        if let url = node.url { try data(w, "url", url) }
        if !node.aliases.isEmpty { try data(w, "aliases", node.aliases.joined(separator: " ")) }
        if !node.paths.isEmpty { try data(w, "paths", node.paths.joined(separator: " ")) }
        let color = NodeStyle.color(kind: node.kind)
        try data(w, "r", String(color.r))
        try data(w, "g", String(color.g))
        try data(w, "b", String(color.b))
        try data(w, "size", ExportText.oneDecimal(NodeStyle.size(degree: g.degree[n])))
        try w.end()
      }
      try g.unsorted.withUnsafeBufferPointer { (edges) throws(XMLWriterError) in
        for (index, slot) in g.order.enumerated() {
          try w.start("edge")
          try w.attribute("id", "e\(index)")
          try w.attribute("source", ids[g.ends[index].source])
          try w.attribute("target", ids[g.ends[index].target])
          try data(w, "weight", ExportText.decimal(edges[slot].weight))
          try data(w, "relation", edges[slot].relation.rawValue)
          if let first = edges[slot].evidence.first {
            // "path:line: text", written in pieces so no joined string is built per edge.
            try w.start("data")
            try w.attribute("key", "evidence")
            try w.text(first.path)
            try w.text(":\(first.line): ")
            try w.text(first.text)
            try w.end()
          }
          try data(w, "origin", ExportText.origin(edges[slot]).rawValue)
          try w.end()
        }
      }
      try w.end()
      try w.end()
      return try w.finish()
    } catch {
      throw .xmlWriter(file: "\(name).graphml", call: error.call)
    }
  }

  /// Writes `<data key=...>value</data>`; an empty value is left out (readers would see "None").
  private func data(_ w: XMLWriter, _ key: String, _ value: String) throws(XMLWriterError) {
    if value.isEmpty { return }
    try w.start("data")
    try w.attribute("key", key)
    try w.text(value)
    try w.end()
  }
}
