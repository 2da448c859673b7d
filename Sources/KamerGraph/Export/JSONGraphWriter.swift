/// Writes networkx's node-link JSON, which `networkx.node_link_graph(data)` reads with its
/// defaults (networkx 3.6: `edges="edges"`, `key="key"`): a directed multigraph whose edge key is
/// the relation, so each (source, target, relation) is one edge. Keys come in a fixed order.
public struct JSONGraphWriter: Sendable {
  /// A writer; it has no options.
  public init() {}

  /// The JSON document for `graph` (one node or edge per line), `name` as the graph's name.
  public func write(_ graph: CitationGraph, name: String = "citations") -> [UInt8] {
    let g = ExportGraph(graph)
    var out = ""
    out.reserveCapacity(64 + g.nodes.count * 300 + g.edges.count * 300)
    out += "{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":\(JSONText.quoted(name))},\n\"nodes\":["
    for (index, node) in g.nodes.enumerated() {
      var pairs: [(String, String)] = [
        ("id", JSONText.quoted(node.id)), ("label", JSONText.quoted(node.label)), ("kind", JSONText.quoted(node.kind)),
        ("status", JSONText.quoted(node.status.rawValue)),
      ]
      if let date = node.date { pairs.append(("date", JSONText.quoted(date))) }
      if let year = node.year { pairs.append(("year", String(year))) }
      if let v = node.vergaderjaar { pairs.append(("vergaderjaar", JSONText.quoted(v))) }
      if let m = node.ministry { pairs.append(("ministry", JSONText.quoted(m))) }
      if let url = node.url { pairs.append(("url", JSONText.quoted(url))) }
      pairs.append(("aliases", JSONText.array(node.aliases)))
      pairs.append(("paths", JSONText.array(node.paths)))
      out += (index == 0 ? "\n" : ",\n") + JSONText.object(pairs)
    }
    out += "\n],\n\"edges\":["
    for (index, edge) in g.edges.enumerated() {
      let evidence = edge.evidence.map { e in
        JSONText.object([
          ("path", JSONText.quoted(e.path)), ("line", String(e.line)), ("start", String(e.start)),
          ("end", String(e.end)), ("text", JSONText.quoted(e.text)), ("source", JSONText.quoted(e.source.rawValue)),
        ])
      }
      let pairs: [(String, String)] = [
        ("source", JSONText.quoted(edge.source)), ("target", JSONText.quoted(edge.target)),
        ("key", JSONText.quoted(edge.relation.rawValue)), ("relation", JSONText.quoted(edge.relation.rawValue)),
        ("weight", String(edge.weight)), ("origin", JSONText.quoted(ExportText.origin(edge).rawValue)),
        ("evidence", "[" + evidence.joined(separator: ",") + "]"),
      ]
      out += (index == 0 ? "\n" : ",\n") + JSONText.object(pairs)
    }
    out += "\n]}\n"
    return Array(out.utf8)
  }
}
