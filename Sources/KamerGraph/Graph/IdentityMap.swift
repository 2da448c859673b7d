/// Union-find over ids: which ids name the same document.
///
/// Roots are chosen by `IdentityMap.preference`, so the node id of a group does not depend on the
/// order in which ids were joined.
struct IdentityMap {
  private var parent: [String: String] = [:]

  /// Ids of the same group, keyed by root, filled by `freeze()`.
  private(set) var members: [String: [String]] = [:]

  mutating func insert(_ id: String) {
    if parent[id] == nil { parent[id] = id }
  }

  mutating func find(_ id: String) -> String {
    insert(id)
    var root = id
    while let p = parent[root], p != root { root = p }
    var node = id
    while let p = parent[node], p != root {
      parent[node] = root
      node = p
    }
    return root
  }

  mutating func union(_ a: String, _ b: String) {
    let ra = find(a)
    let rb = find(b)
    guard ra != rb else { return }
    if IdentityMap.preference(ra) < IdentityMap.preference(rb) { parent[rb] = ra } else { parent[ra] = rb }
  }

  /// Computes the groups; call after all unions.
  mutating func freeze() {
    var groups: [String: [String]] = [:]
    for id in parent.keys.sorted() { groups[find(id), default: []].append(id) }
    members = groups
  }

  func contains(_ id: String) -> Bool { parent[id] != nil }

  /// The sort key that picks a group's node id: official publication ids first, then questions,
  /// Tweede Kamer document numbers, kenmerken; ties by the id itself.
  static func preference(_ id: String) -> (Int, String) {
    let rank: Int
    switch ReferenceKind.of(id: id) {
    case .aanhangsel?, .kamerstuk?, .handelingen?, .staatsblad?, .staatscourant?, .tractatenblad?, .koop?, .ecli?,
      .bwb?:
      rank = 0
    case .kamervragen?: rank = 1
    case .tkdocument?: rank = 2
    case .kenmerk?: rank = 3
    case .zaak?: rank = 4
    case .url?: rank = 5
    default: rank = 6
    }
    return (rank, id)
  }
}
