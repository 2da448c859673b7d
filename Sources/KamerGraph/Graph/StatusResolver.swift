/// Mention statuses for a corpus whose mentions need not all be in memory: built from every
/// document's identity (its ids, metadata, facts and `role: own` mentions), it then sets the
/// statuses of one document's mentions at a time, exactly as `Resolver.resolveMentions` would.
public struct StatusResolver {
  private var state: ResolverState
  /// Input indices in resolver order, fact-only inputs left out: the order mentions are printed in.
  public let order: [Int]

  /// `input[i].mentions` may be cut down to the mentions with `role: own` (what identity needs)
  /// for documents whose mentions are brought back later through `setStatuses(_:)`.
  public init(_ input: [ExtractedDocument]) {
    let sorted = input.indices.sorted {
      (input[$0].document.path, input[$0].contentKey, $0) < (input[$1].document.path, input[$1].contentKey, $1)
    }
    var state = ResolverState(input: sorted.map { input[$0] })
    state.buildIdentity()
    state.documentNodes = Set(state.nodeOfDoc.compactMap { $0 })
    order = sorted.indices.filter { state.nodeOfDoc[$0] != nil }.map { sorted[$0] }
    // Statuses need the identity only. Keeping the mentions would share their arrays with the
    // caller's, and the caller's first status change would then copy every mention.
    for k in state.docs.indices {
      state.docs[k].mentions = []
      state.docs[k].document.text = ""
    }
    self.state = state
  }

  /// Sets the status of every mention of one input document.
  public mutating func setStatuses(_ mentions: inout [Mention]) {
    state.setStatuses(&mentions)
  }

  /// What identity needs of a document whose mentions come in pieces, in as little memory as
  /// possible: of the document references with role `own`, those that name an id not named
  /// before, without their text and other fields. Gives the same ids as the whole mentions
  /// (`ResolverState.ownIDs` reads only kind, ids and role, and keeps each id once, first first).
  public struct IdentityCollector: Sendable {
    public private(set) var mentions: [Mention] = []
    private var seen: Set<String> = []
    public init() {}

    public mutating func add(_ piece: [Mention]) {
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
