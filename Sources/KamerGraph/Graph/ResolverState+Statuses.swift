extension ResolverState {
  /// Sets every document mention's status (through `StatusResolver`, as `extract` does) and keeps
  /// the mentions in the graph, document by document in resolver order.
  mutating func setMentionStatuses() {
    var statuses = StatusResolver(identityOf: self)
    var all: [DocumentMention] = []
    for i in docs.indices {
      guard let d = nodeOfDoc[i] else { continue }
      var mentions: [Mention] = []
      swap(&mentions, &docs[i].mentions)
      statuses.setStatuses(&mentions)
      swap(&mentions, &docs[i].mentions)
      for m in docs[i].mentions { all.append(DocumentMention(path: docs[i].document.path, document: d, mention: m)) }
    }
    graph.mentions = all
  }
}
