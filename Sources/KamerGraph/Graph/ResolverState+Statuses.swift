extension ResolverState {
  mutating func setMentionStatuses() {
    var all: [DocumentMention] = []
    for i in docs.indices {
      guard let d = nodeOfDoc[i] else { continue }
      setStatuses(ofDocument: i)
      for m in docs[i].mentions { all.append(DocumentMention(path: docs[i].document.path, document: d, mention: m)) }
    }
    graph.mentions = all
  }

  /// Sets the status of every document mention of `docs[i]` in place: ambiguous when the id is
  /// claimed by several documents, resolved when every target is a document of the corpus, else
  /// external. Unresolved mentions keep their status and reason.
  mutating func setStatuses(ofDocument i: Int) {
    var mentions: [Mention] = []
    swap(&mentions, &docs[i].mentions)
    setStatuses(&mentions)
    swap(&mentions, &docs[i].mentions)
  }

  /// As `setStatuses(ofDocument:)`, for the mentions of any document of this corpus.
  mutating func setStatuses(_ mentions: inout [Mention]) {
    // On the buffer: one uniqueness check for the array, not one per mention.
    mentions.withUnsafeMutableBufferPointer { buffer in
      for k in buffer.indices {
        guard buffer[k].kind.isDocument, buffer[k].status != .unresolved else { continue }
        // The ids are read in place (a local copy would retain and release them every time).
        if !conflicted.isEmpty,
          let claimed = buffer[k].ids.lazy.map(Self.canonical).first(where: { self.conflicted[$0] != nil })
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

  /// True when `id` names a document of the corpus (cached: the same ids are cited many times).
  mutating func isResolvedTarget(_ id: String) -> Bool {
    if let known = resolvedTargets[id] { return known }
    let resolved: Bool
    if let documentNodes {
      resolved = documentNodes.contains(nodeID(id))
    } else {
      resolved = graph.node(nodeID(id))?.status == .resolved
    }
    // A bounded cache: `extract` keeps one resolver for the whole run, whatever its size.
    if resolvedTargets.count >= 1 << 16 { resolvedTargets.removeAll(keepingCapacity: true) }
    resolvedTargets[id] = resolved
    return resolved
  }
}
