import Collections

extension CitationGraph {
  /// The ego network of `center`: every node within `depth` edges of it (either direction), and
  /// the edges between those nodes. Mentions are kept for the documents in it.
  public func egoNetwork(around center: String, depth: Int) -> CitationGraph {
    guard node(center) != nil else { return CitationGraph() }
    var neighbours: [String: Set<String>] = [:]
    for key in edgesByKey.keys {
      neighbours[key.source, default: []].insert(key.target)
      neighbours[key.target, default: []].insert(key.source)
    }
    var distance: [String: Int] = [center: 0]
    var queue: Deque<String> = [center]
    while let id = queue.popFirst() {
      let d = distance[id]!
      guard d < depth else { continue }
      for next in (neighbours[id] ?? []).sorted() where distance[next] == nil {
        distance[next] = d + 1
        queue.append(next)
      }
    }
    var ego = CitationGraph(
      nodes: distance.keys.compactMap { node($0) },
      edges: edgesByKey.values.filter { distance[$0.source] != nil && distance[$0.target] != nil })
    ego.mentions = mentions.filter { distance[$0.document] != nil }
    return ego
  }
}
