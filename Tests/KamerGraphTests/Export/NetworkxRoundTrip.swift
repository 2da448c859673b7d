import Foundation
import Testing

@testable import KamerGraph

/// The one networkx round trip of the writer tests: a file written by a writer is read back with
/// networkx, and every node and edge attribute is compared with what the graph holds.
enum NetworkxRoundTrip {
  /// What networkx read: node id -> attributes, and the edges as sorted
  /// [source, target, relation, evidence, origin] rows.
  struct Attributes: Decodable, Equatable {
    var nodes: [String: [String: String]]
    var edges: [[String]]
  }

  /// The Python that reads the file with `read` (`nx.read_graphml`, `nx.read_gexf`) and prints its
  /// attributes as JSON; `check` is one more Python line run on the graph `g` first.
  static func reader(_ read: String, check: String? = nil) -> String {
    """
    import json, sys, networkx as nx
    g = \(read)(sys.argv[1])
    keys = ["kind", "law", "status", "date", "year", "vergaderjaar", "ministry", "url", "aliases", "paths"]
    nodes = {n: {k: str(d[k]) for k in keys if k in d} for n, d in g.nodes(data=True)}
    edges = sorted([s, t, d["relation"], d.get("evidence", ""), d["origin"]] for s, t, d in g.edges(data=True))
    \(check ?? "")
    print(json.dumps({"nodes": nodes, "edges": edges}))
    """
  }

  /// The attributes networkx reads from the file at `path`, or nil when Python or networkx is not
  /// installed (the test then checks nothing more).
  static func read(_ path: String, with read: String, check: String? = nil) throws -> Attributes? {
    guard let run = try ExternalTool.python(reader(read, check: check), modules: ["networkx"], arguments: [path]) else {
      return nil
    }
    try #require(run.status == 0, "\(run.stderr)")
    return try JSONDecoder().decode(Attributes.self, from: Data(run.stdout.utf8))
  }

  /// What the file should give back for `graph`: node ids as the writer writes them (`id`), values
  /// without the characters XML forbids.
  static func expected(_ graph: CitationGraph, id: (String) -> String) -> Attributes {
    let safe = XMLWriter.xmlSafe
    var nodes: [String: [String: String]] = [:]
    for node in graph.nodes {
      var a: [String: String] = ["kind": node.kind, "status": node.status.rawValue]
      a["law"] = node.law
      a["date"] = node.date
      a["year"] = node.year.map(String.init)
      a["vergaderjaar"] = node.vergaderjaar
      a["ministry"] = node.ministry
      a["url"] = node.url
      if !node.aliases.isEmpty { a["aliases"] = node.aliases.joined(separator: " ") }
      if !node.paths.isEmpty { a["paths"] = node.paths.joined(separator: " ") }
      nodes[id(node.id)] = a.mapValues(safe)
    }
    let edges = graph.edges.map { edge in
      [id(edge.source), id(edge.target), edge.relation.rawValue, safe(ExportText.evidenceSummary(edge) ?? ""), edge.origin.rawValue]
    }
    return Attributes(nodes: nodes, edges: edges.sorted { $0.lexicographicallyPrecedes($1) })
  }

  /// Compares what networkx read with what the graph holds.
  static func expectSame(_ seen: Attributes, _ expected: Attributes) {
    #expect(seen.edges == expected.edges)
    #expect(seen.nodes.keys.sorted() == expected.nodes.keys.sorted())
    for (id, attributes) in expected.nodes { #expect(seen.nodes[id] == attributes, "attributes of \(id)") }
  }
}
