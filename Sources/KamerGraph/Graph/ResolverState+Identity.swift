extension ResolverState {
  // MARK: - Identity

  mutating func buildIdentity() {
    // Claims: id -> the documents that say they are it. Same id, same format, different text:
    // two different documents (a conflict), not two copies of one.
    var claims: [String: [Int]] = [:]
    var excluded: [Int: Set<String>] = [:]
    let own = docs.map { Self.isFactOnly($0) ? [] : Self.ownIDsOrPathID($0) }
    for (i, e) in docs.enumerated() where !Self.isFactOnly(e) {
      for id in own[i] {
        if let other = claims[id]?.first(where: {
          (docs[$0].document.format == e.document.format && docs[$0].contentKey != e.contentKey)
            || Self.distinctDocuments(own[$0], own[i])
        }) {
          excluded[i, default: []].insert(id)
          conflicts.append(IdentityConflict(id: id, paths: [docs[other].document.path, e.document.path]))
        } else {
          claims[id, default: []].append(i)
        }
      }
    }
    var localIDs: [[String]] = []
    for (i, e) in docs.enumerated() {
      let ids = own[i].filter { !(excluded[i]?.contains($0) ?? false) }
      localIDs.append(ids)
      for id in ids { identity.insert(id) }
      for pair in zip(ids, ids.dropFirst()) { identity.union(pair.0, pair.1) }
      for fact in e.document.facts {
        if case .sameAs(let a, let b) = fact.statement { identity.union(Self.canonical(a), Self.canonical(b)) }
      }
    }
    identity.freeze()
    var conflictCount: [String: Int] = [:]
    for (i, e) in docs.enumerated() {
      if Self.isFactOnly(e) {
        nodeOfDoc.append(nil)
        continue
      }
      if let first = localIDs[i].first {
        nodeOfDoc.append(nodeID(first))
      } else if let claimed = excluded[i]?.sorted().first {
        let n = (conflictCount[claimed] ?? 1) + 1
        conflictCount[claimed] = n
        let base = nodeID(claimed)
        let id = "\(base)_\(n)"
        conflicted[claimed, default: [base]].append(id)
        nodeOfDoc.append(id)
      } else {
        nodeOfDoc.append("file:" + CanonicalID.slug(e.document.path))
      }
    }
  }

  /// The node id an id resolves to.
  mutating func nodeID(_ raw: String) -> String {
    let id = Self.canonical(raw)
    guard identity.contains(id) else { return id }
    return identity.find(id)
  }

  /// The number of the node an id resolves to (`nodeID`), remembered per id: call it only once
  /// the identity is built.
  mutating func nodeNumber(_ raw: String) -> Int32 {
    if let n = nodeNumbers[raw] { return n }
    let n = nodes.number(nodeID(raw))
    nodeNumbers[raw] = n
    return n
  }

  // MARK: - Nodes

  mutating func buildDocumentNodes() {
    var byNode: [String: [Int]] = [:]
    for (i, n) in nodeOfDoc.enumerated() { if let n { byNode[n, default: []].append(i) } }
    for (node, indices) in byNode {
      let ds = indices.map { docs[$0].document }
      let kind = ReferenceKind.of(id: node)?.rawValue ?? "document"
      let title = ds.compactMap { $0.metadata.title?.trimmedOrNil }.first
      graph.upsert(
        Node(
          id: node, kind: kind, label: title ?? OfficialSource.label(for: node),
          date: ds.compactMap(\.metadata.date).first,
          vergaderjaar: ds.compactMap(\.metadata.vergaderjaar).first ?? OfficialSource.vergaderjaar(for: node),
          status: .resolved, url: OfficialSource.url(for: node),
          aliases: aliases(of: node), paths: ds.map(\.path).sorted()))
    }
  }

  func aliases(of node: String) -> [String] {
    var set = Set(identity.members[node] ?? [])
    set.remove(node)
    for id in Array(set) + [node] where id.hasPrefix("kv-tk-") {
      let zaak = String(id.dropFirst("kv-tk-".count))
      if ReferenceKind.of(id: zaak) == .zaak { set.insert(zaak) }
    }
    return set.sorted()
  }
}
