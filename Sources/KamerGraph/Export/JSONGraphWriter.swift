/// Writes networkx's node-link JSON, which `networkx.node_link_graph(data)` reads with its
/// defaults (networkx 3.6: `edges="edges"`, `key="key"`): a directed multigraph whose edge key is
/// the relation, so each (source, target, relation) is one edge. Keys come in a fixed order, and
/// strings carry the escapes of `JSONText.quoted`.
public struct JSONGraphWriter: Sendable {
  /// A writer; it has no options.
  public init() {}

  /// The JSON document for `graph` (one node or edge per line), `name` as the graph's name.
  public func write(_ graph: CitationGraph, name: String = "citations") -> [UInt8] {
    write(ExportGraph(graph), name: name)
  }

  /// `write(_:name:)` of a graph in export order.
  func write(_ g: ExportGraph, name: String) -> [UInt8] {
    var out = ExportBytes(capacity: 64 + g.nodes.count * 300 + g.order.count * 300)
    write(g, name: name, into: &out)
    return out.bytes
  }

  /// `write(_:name:)` into `out`, a record at a time (a file sink flushes between records).
  func write(_ g: ExportGraph, name: String, into out: inout ExportBytes) {
    out.append("{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":")
    out.appendJSONQuoted(name)
    out.append("},\n\"nodes\":[")
    for (index, node) in g.nodes.enumerated() {
      out.append(index == 0 ? "\n{\"id\":" : ",\n{\"id\":")
      out.appendJSONQuoted(node.id)
      out.append(",\"label\":")
      out.appendJSONQuoted(node.label)
      out.append(",\"kind\":")
      out.appendJSONQuoted(node.kind)
      if let law = node.law {
        out.append(",\"law\":")
        out.appendJSONQuoted(law)
      }
      out.append(",\"status\":")
      out.appendJSONQuoted(node.status.rawValue)
      if let date = node.date {
        out.append(",\"date\":")
        out.appendJSONQuoted(date)
      }
      if let year = node.year {
        out.append(",\"year\":")
        out.append(year)
      }
      if let v = node.vergaderjaar {
        out.append(",\"vergaderjaar\":")
        out.appendJSONQuoted(v)
      }
      if let m = node.ministry {
        out.append(",\"ministry\":")
        out.appendJSONQuoted(m)
      }
      if let url = node.url {
        out.append(",\"url\":")
        out.appendJSONQuoted(url)
      }
      out.append(",\"aliases\":")
      array(&out, node.aliases)
      out.append(",\"paths\":")
      array(&out, node.paths)
      out.append("}")
      out.flushIfFull()
    }
    out.append("\n],\n\"edges\":[")
    g.unsorted.withUnsafeBufferPointer { edges in
      for (index, slot) in g.order.enumerated() {
        out.append(index == 0 ? "\n{\"source\":" : ",\n{\"source\":")
        out.appendJSONQuoted(edges[slot].source)
        out.append(",\"target\":")
        out.appendJSONQuoted(edges[slot].target)
        out.append(",\"key\":")
        out.appendJSONQuoted(edges[slot].relation.rawValue)
        out.append(",\"relation\":")
        out.appendJSONQuoted(edges[slot].relation.rawValue)
        out.append(",\"weight\":")
        out.append(edges[slot].weight)
        out.append(",\"origin\":")
        out.appendJSONQuoted(ExportText.origin(edges[slot]).rawValue)
        out.append(",\"evidence\":[")
        let copies = EvidenceCopies.copyOf(edges[slot].evidence)
        for (i, e) in edges[slot].evidence.enumerated() {
          out.append(i == 0 ? "{\"path\":" : ",{\"path\":")
          out.appendJSONQuoted(e.path)
          // No "line" when the evidence has none (metadata without a known element line).
          if let line = e.line {
            out.append(",\"line\":")
            out.append(line)
          }
          out.append(",\"start\":")
          out.append(e.start)
          out.append(",\"end\":")
          out.append(e.end)
          out.append(",\"text\":")
          out.appendJSONQuoted(e.text)
          out.append(",\"source\":")
          out.appendJSONQuoted(e.source.rawValue)
          // Only on a row from a copy (brief.txt beside brief.docx): the file it copies.
          if let original = copies[i] {
            out.append(",\"copy_of\":")
            out.appendJSONQuoted(original)
          }
          out.append("}")
        }
        out.append("]}")
        out.flushIfFull()
      }
    }
    out.append("\n]}\n")
  }

  private func array(_ out: inout ExportBytes, _ items: [String]) {
    out.append("[")
    for (i, item) in items.enumerated() {
      if i > 0 { out.append(",") }
      out.appendJSONQuoted(item)
    }
    out.append("]")
  }
}
