/// Mention statuses: the one implementation both the resolver (`Resolver.resolve`, for `build`)
/// and the streaming `extract` use. Built from every document's identity (its ids, metadata, facts
/// and `role: own` mentions), it sets the statuses of one document's mentions at a time, so a
/// caller need not hold every mention in memory.
package struct StatusResolver {
  private var identity: IdentityMap
  /// Ids claimed by more than one document, with the node ids of those documents.
  private let conflicted: [String: [String]]
  /// The node ids of the corpus documents: the nodes `buildDocumentNodes` marks resolved.
  private let documentNodes: Set<String>
  /// `isResolvedTarget` answers: the same ids are cited many times.
  private var resolvedTargets: [String: Bool] = [:]
  /// Input indices in resolver order, fact-only inputs left out: the order mentions are printed in.
  package let order: [Int]

  /// `input[i].mentions` may be cut down to the mentions with `role: own` (what identity needs)
  /// for documents whose mentions are brought back later through `setStatuses(_:)`.
  package init(_ input: [ExtractedDocument]) {
    let sorted = input.indices.sorted {
      (input[$0].document.path, input[$0].contentKey, $0) < (input[$1].document.path, input[$1].contentKey, $1)
    }
    var state = ResolverState(input: sorted.map { input[$0] })
    state.buildIdentity()
    self.init(identityOf: state, order: sorted.indices.filter { state.nodeOfDoc[$0] != nil }.map { sorted[$0] })
  }

  /// The statuses of a resolution whose identity is built (`ResolverState.buildIdentity`); keeps
  /// the identity only, not the documents.
  init(identityOf state: ResolverState, order: [Int] = []) {
    identity = state.identity
    conflicted = state.conflicted
    documentNodes = Set(state.nodeOfDoc.compactMap { $0 })
    self.order = order
  }

  /// Sets the status of every document mention in place: ambiguous when the id is claimed by
  /// several documents, resolved when every target is a document of the corpus, else external.
  /// Unresolved mentions keep their status and reason.
  package mutating func setStatuses(_ mentions: inout [Mention]) {
    // On the buffer: one uniqueness check for the array, not one per mention.
    mentions.withUnsafeMutableBufferPointer { buffer in
      for k in buffer.indices {
        guard buffer[k].kind.isDocument, buffer[k].status != .unresolved else { continue }
        // The ids are read in place (a local copy would retain and release them every time).
        if !conflicted.isEmpty,
          let claimed = buffer[k].ids.lazy.map(ResolverState.canonical).first(where: { self.conflicted[$0] != nil })
        {
          buffer[k].status = .ambiguous
          buffer[k].reason =
            "\(conflicted[claimed]!.count) documents in the corpus claim \(claimed): \(conflicted[claimed]!.joined(separator: ", "))"
        } else if !buffer[k].ids.isEmpty, allResolved(buffer[k].ids) {
          buffer[k].status = .resolved
        } else {
          buffer[k].status = .external
        }
      }
    }
  }

  private mutating func allResolved(_ ids: [String]) -> Bool {
    for id in ids where !isResolvedTarget(id) { return false }
    return true
  }

  /// True when `id` names a document of the corpus.
  private mutating func isResolvedTarget(_ id: String) -> Bool {
    if let known = resolvedTargets[id] { return known }
    let canonical = ResolverState.canonical(id)
    let resolved = documentNodes.contains(identity.contains(canonical) ? identity.find(canonical) : canonical)
    // A bounded cache: `extract` keeps one resolver for the whole run, whatever its size.
    if resolvedTargets.count >= 1 << 16 { resolvedTargets.removeAll(keepingCapacity: true) }
    resolvedTargets[id] = resolved
    return resolved
  }

  /// What identity needs of a document whose mentions come in pieces, in as little memory as
  /// possible: of the document references with role `own`, those that name an id not named
  /// before, without their text and other fields. Gives the same ids as the whole mentions
  /// (`ResolverState.ownIDs` reads only kind, ids and role, and keeps each id once, first first).
  package struct IdentityCollector: Sendable {
    package private(set) var mentions: [Mention] = []
    private var seen: Set<String> = []
    package init() {}

    package mutating func add(_ piece: [Mention]) {
      for k in piece.indices
      where piece[k].kind.isDocument && !piece[k].fields.isEmpty
        && piece[k].fields[MentionField.role] == MentionRole.own
        && piece[k].fields[MentionField.footnote] == nil
      {
        var new = false
        for id in piece[k].ids where seen.insert(id).inserted { new = true }
        guard new else { continue }
        let m = piece[k]
        mentions.append(
          Mention(
            kind: m.kind, ids: m.ids, text: "", start: m.start, end: m.end, line: m.line, column: m.column,
            fields: [MentionField.role: MentionRole.own]))
      }
    }
  }
}
