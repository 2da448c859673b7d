extension ResolverState {
  mutating func setAttribute(_ id: String, _ name: String, _ value: String) {
    if attributes[id]?[name] == nil { attributes[id, default: [:]][name] = value }
  }

  mutating func noteLabel(_ id: String, _ label: String, preferred: Bool = false) {
    var text = label.trimmingQuotes
    if text.isEmpty { return }
    if preferred { text = "\u{0}" + text }  // sorts first: structured data wins
    entityLabels[id, default: []].append(text)
  }

  /// The label among candidates: structured data first, then the longest name, then the first by
  /// byte order; independent of the order the candidates came in.
  static func pickLabel(_ candidates: [String]) -> String? {
    if let preferred = candidates.filter({ $0.hasPrefix("\u{0}") }).sorted().first { return String(preferred.dropFirst()) }
    return candidates.max { a, b in
      let wa = a.split(separator: " ").count
      let wb = b.split(separator: " ").count
      return wa != wb ? wa < wb : (a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a > b)
    }
  }

  /// Creates the nodes that edges reach but no document is (external documents and actors) and
  /// applies attributes.
  mutating func completeNodes() {
    // The ends of the edges, each once (by number); the graph sorts its nodes itself.
    var isEnd = [Bool](repeating: false, count: nodes.ids.count)
    for case let key? in pending.keys {
      isEnd[Int(key.source)] = true
      isEnd[Int(key.target)] = true
    }
    for (n, id) in nodes.ids.enumerated() where isEnd[n] && graph.node(id) == nil {
      let kind = ReferenceKind.of(id: id)
      let isEntity = kind.map { !$0.isDocument } ?? false
      let label = Self.pickLabel(entityLabels[id] ?? []) ?? OfficialSource.label(for: id)
      graph.upsert(
        Node(
          id: id, kind: kind?.rawValue ?? "document",
          label: kind == .ministerie || kind == .fractie ? OfficialSource.label(for: id) : label,
          vergaderjaar: OfficialSource.vergaderjaar(for: id), status: isEntity ? .entity : .external,
          url: OfficialSource.url(for: id), aliases: aliases(of: id)))
    }
    for (id, attrs) in attributes {
      guard var node = graph.node(id) else { continue }
      if node.date == nil, let date = attrs["date"] { node.date = date }
      if node.vergaderjaar == nil, let vj = attrs["vergaderjaar"] { node.vergaderjaar = vj }
      graph.upsert(node)
    }
    // The ministry of a document: where it is sent from.
    var sentBy: [Int32: String] = [:]
    let sent = UInt8(Relation.sentBy.position)
    for case let key? in pending.keys where key.relation == sent {
      let ministry = nodes[key.target]
      if let first = sentBy[key.source], first <= ministry { continue }
      sentBy[key.source] = ministry
    }
    for (n, ministry) in sentBy {
      guard var node = graph.node(nodes[n]) else { continue }
      node.ministry = ministry
      graph.upsert(node)
    }
  }
}
