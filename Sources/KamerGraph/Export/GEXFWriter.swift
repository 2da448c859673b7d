/// Writes GEXF 1.3, Gephi's native format, with `mode="dynamic"` and `timeformat="date"`: every
/// node with a date gets it as `start`, and every edge the date of its citing document, so
/// Gephi's timeline plays the story in order. Attributes are those of the GraphML export;
/// colour and size go in `viz:color` and `viz:size`. Valid against gephi/gexf `specs/1.3/gexf.rng`.
public struct GEXFWriter: Sendable {
  /// Node attribute columns (id = title) and their GEXF types.
  static let nodeAttributes: [(String, String)] = [
    ("kind", "string"), ("status", "string"), ("date", "string"), ("year", "integer"),
    ("vergaderjaar", "string"), ("ministry", "string"), ("url", "string"), ("aliases", "string"),
    ("paths", "string"),
  ]
  /// Edge attribute columns.
  static let edgeAttributes: [(String, String)] = [
    ("relation", "string"), ("evidence", "string"), ("origin", "string"),
  ]

  public var options: ExportOptions

  public init(options: ExportOptions = .init()) { self.options = options }

  /// The GEXF document for `graph`; `name` goes into `<meta><description>`.
  public func write(_ graph: CitationGraph, name: String = "citations") throws(ExportError) -> [UInt8] {
    let g = ExportGraph(graph)
    var dates: [String: String] = [:]
    for node in g.nodes {
      if let date = node.date, ExportText.isISODate(date) { dates[node.id] = date }
    }
    do {
      let w = try XMLWriter(indent: options.indent, capacity: 256 + g.nodes.count * 500 + g.edges.count * 300)
      try w.start("gexf")
      try w.attribute("xmlns", "http://gexf.net/1.3")
      try w.attribute("xmlns:viz", "http://gexf.net/1.3/viz")
      try w.attribute("version", "1.3")
      try w.start("meta")
      try w.element("creator", text: "KamerGraph")
      try w.element("description", text: name)
      try w.end()
      try w.start("graph")
      try w.attribute("mode", "dynamic")
      try w.attribute("defaultedgetype", "directed")
      try w.attribute("timeformat", "date")
      try declare(w, "node", Self.nodeAttributes)
      try declare(w, "edge", Self.edgeAttributes)

      try w.start("nodes")
      try w.attribute("count", String(g.nodes.count))
      for (n, node) in g.nodes.enumerated() {
        try w.start("node")
        try w.attribute("id", node.id)
        let label = Self.token(node.label)
        if !label.isEmpty { try w.attribute("label", label) }
        if let start = dates[node.id] { try w.attribute("start", start) }
        var values: [(String, String)] = [("kind", node.kind), ("status", node.status.rawValue)]
        if let date = node.date { values.append(("date", date)) }
        if let year = node.year { values.append(("year", String(year))) }
        if let v = node.vergaderjaar { values.append(("vergaderjaar", v)) }
        if let m = node.ministry { values.append(("ministry", m)) }
        if let url = node.url { values.append(("url", url)) }
        if !node.aliases.isEmpty { values.append(("aliases", node.aliases.joined(separator: " "))) }
        if !node.paths.isEmpty { values.append(("paths", node.paths.joined(separator: " "))) }
        try attvalues(w, values)
        let color = NodeStyle.color(kind: node.kind)
        try w.start(prefix: "viz", "color")
        try w.attribute("r", String(color.r))
        try w.attribute("g", String(color.g))
        try w.attribute("b", String(color.b))
        try w.end()
        try w.start(prefix: "viz", "size")
        try w.attribute("value", ExportText.oneDecimal(NodeStyle.size(degree: g.degree[n])))
        try w.end()
        try w.end()
      }
      try w.end()

      try w.start("edges")
      try w.attribute("count", String(g.edges.count))
      for (index, edge) in g.edges.enumerated() {
        try w.start("edge")
        try w.attribute("id", "e\(index)")
        try w.attribute("source", edge.source)
        try w.attribute("target", edge.target)
        // Gephi merges parallel edges of the same kind; the relation as kind keeps them apart.
        try w.attribute("kind", edge.relation.rawValue)
        try w.attribute("label", edge.relation.rawValue)
        try w.attribute("weight", ExportText.decimal(edge.weight))
        if let start = dates[edge.source] { try w.attribute("start", start) }
        var values: [(String, String)] = [("relation", edge.relation.rawValue)]
        if let evidence = ExportText.evidenceSummary(edge) { values.append(("evidence", evidence)) }
        values.append(("origin", ExportText.origin(edge).rawValue))
        try attvalues(w, values)
        try w.end()
      }
      try w.end()
      try w.end()
      try w.end()
      return try w.finish()
    } catch {
      throw .xmlWriter(file: "\(name).gexf", call: error.call)
    }
  }

  private func declare(_ w: XMLWriter, _ cls: String, _ attributes: [(String, String)]) throws(XMLWriterError) {
    try w.start("attributes")
    try w.attribute("class", cls)
    try w.attribute("mode", "static")
    for (id, type) in attributes {
      try w.start("attribute")
      try w.attribute("id", id)
      try w.attribute("title", id)
      try w.attribute("type", type)
      try w.end()
    }
    try w.end()
  }

  private func attvalues(_ w: XMLWriter, _ values: [(String, String)]) throws(XMLWriterError) {
    try w.start("attvalues")
    for (key, value) in values where !value.isEmpty {
      try w.start("attvalue")
      try w.attribute("for", key)
      try w.attribute("value", value)
      try w.end()
    }
    try w.end()
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
