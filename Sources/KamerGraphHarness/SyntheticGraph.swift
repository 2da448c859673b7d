import KamerGraph

/// A deterministic citation graph of any size, for the GraphML benchmark and the exporter tests.
///
/// Every node and edge is a pure arithmetic function of its index, so `Benchmarks/peers.py`
/// (`generated_graph`) builds the same graph in networkx: the same node ids, labels, attributes,
/// edges, relations, weights and evidence. Keep the two in step (a test compares them).
///
/// Nodes: `max(16, ceil(edges / 8))`; node `k` has the kind `kinds[k % 10]` (Kamerstukken,
/// Aanhangsels, Kamervragen, Handelingen, persons, ministries, organisations) with an id of that
/// kind's shape that ends in `k`. Documents with `(k / 10)` even are resolved (date, ministry, file
/// path), the others external; actors are entities. Labels hold non-ASCII text, `&` and `<`.
///
/// Edges: edge `i` goes from node `i / 8` to another node under the relation `relations[(i + i / 8) % 8]`;
/// a source's eight edges have eight relations and seven targets (the eighth runs parallel to the
/// first), so every (source, target, relation) is unique and there are exactly `edges` edges.
/// Edge `i` has `1 + i % 3` pieces of evidence (its weight).
public enum SyntheticGraph {
  /// The node kinds, by `k % 10`.
  static let kinds = [
    "kamerstuk", "kamerstuk", "kamerstuk", "aanhangsel", "aanhangsel", "kamervragen", "handelingen", "persoon",
    "ministerie", "organisatie",
  ]
  /// The relations of a source's eight edges, rotated by the source index.
  static let relations: [Relation] = [
    .cites, .mentions, .answers, .seeAlso, .partOfDossier, .askedBy, .sentBy, .signedBy,
  ]
  /// The evidence sources, by `(i + e) % 3`.
  static let sources: [EvidenceSource] = [.text, .metadata, .xmlLink]

  /// The number of nodes of the graph with `edges` edges.
  public static func nodeCount(edges: Int) -> Int { max(16, (max(0, edges) + 7) / 8) }

  /// The graph with `edges` edges (and `nodeCount(edges:)` nodes).
  public static func make(edges: Int) -> CitationGraph {
    let n = nodeCount(edges: edges)
    let nodes = (0..<n).map(node)
    var graph = CitationGraph(nodes: nodes, edges: [])
    let ids = nodes.map(\.id)
    let paths = ids.map { "corpus/\($0).xml" }
    for i in 0..<max(0, edges) {
      let (s, t, relation) = ends(i, nodes: n)
      var evidence: [Evidence] = []
      for e in 0..<(1 + i % 3) {
        let start = 100 * (i % 8 + 1) + 10 * e
        let text = "Kamerstukken II 2024/25, 36600, nr. \(t)"
        evidence.append(
          Evidence(
            path: paths[s], line: 10 + 7 * (i % 8) + e, start: start, end: start + text.utf8.count, text: text,
            source: sources[(i + e) % 3]))
      }
      graph.add(Edge(source: ids[s], target: ids[t], relation: relation, evidence: evidence))
    }
    return graph
  }

  /// Node `k`.
  static func node(_ k: Int) -> Node {
    let kind = kinds[k % 10]
    let resolved = (k / 10) % 2 == 0
    let id: String
    let label: String
    switch kind {
    case "kamerstuk":
      id = "kst-\(36000 + k % 900)-\(k)"
      label = "Brief regering over “defensie-inkoop” & <Palantir>, nr. \(k)"
    case "aanhangsel":
      id = "ah-tk-20242025-\(k)"
      label = "Antwoord op vragen van het lid Jansen-\(k) over de aanbesteding (Ministerie van Defensie)"
    case "kamervragen":
      id = "kv-tk-2025Z\(k)"
      label = "Vragen over het contract met ‘Palantir’ \(k)"
    case "handelingen":
      id = "h-tk-20242025-\(k % 100 + 1)-\(k)"
      label = "Handelingen II 2024/25, nr. \(k % 100 + 1), item \(k)"
    case "persoon":
      id = "persoon:jansen-\(k)"
      label = "J. Jansen-\(k)"
    case "ministerie":
      id = "ministerie:M\(k)"
      label = "Ministerie nr. \(k)"
    default:
      id = "organisatie:stichting-\(k)"
      label = "Stichting Één & Ander \(k)"
    }
    guard k % 10 < 7 else { return Node(id: id, kind: kind, label: label, status: .entity) }
    if !resolved {
      return Node(
        id: id, kind: kind, label: label, vergaderjaar: "2024-2025", status: .external,
        url: "https://zoek.officielebekendmakingen.nl/\(id).html")
    }
    let month = 1 + k % 12
    let day = 1 + k % 28
    return Node(
      id: id, kind: kind, label: label, date: "2024-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)",
      vergaderjaar: "2024-2025", ministry: "ministerie:DEF", status: .resolved,
      url: "https://zoek.officielebekendmakingen.nl/\(id).html",
      aliases: kind == "aanhangsel" ? ["kenmerk:BS2025-\(k)"] : [], paths: ["corpus/\(id).xml"])
  }

  /// The source and target node indices and the relation of edge `i` in a graph of `n` nodes.
  static func ends(_ i: Int, nodes n: Int) -> (source: Int, target: Int, relation: Relation) {
    let s = i / 8
    let j = i % 8
    let step = (n - 1) / 8
    let h = (s &* 2_654_435_761) % (n - 1)
    let u = j == 7 ? 0 : j  // the last edge runs parallel to the first, under another relation
    let t = (s + 1 + (h + u * step) % (n - 1)) % n
    return (s, t, relations[(j + s) % 8])
  }
}
