extension ResolverState {
  /// Sets every document mention's status (through `StatusResolver`, as `extract` does), gives
  /// each old ministry name the id it means at the document's date (`MinistryDating`, as the edges
  /// do) and keeps the mentions in the graph, document by document in resolver order.
  mutating func setMentionStatuses() {
    var statuses = StatusResolver(identityOf: self)
    var all: [DocumentMention] = []
    all.reserveCapacity(docs.indices.reduce(0) { nodeOfDoc[$1] == nil ? $0 : $0 + docs[$1].mentions.count })
    for i in docs.indices {
      guard let d = nodeOfDoc[i] else { continue }
      let date = MinistryDating.ownDate(metadata: docs[i].document.metadata.date, mentions: docs[i].mentions)
      let former = findings(i).former
      var mentions: [Mention] = []
      swap(&mentions, &docs[i].mentions)
      MinistryDating.apply(&mentions, date: date) { former.contains($0.start) }
      statuses.setStatuses(&mentions)
      // The mentions go to the graph: the document keeps none (this is the resolution's last step).
      for m in mentions { all.append(DocumentMention(path: docs[i].document.path, document: d, mention: m)) }
    }
    graph.mentions = all
  }
}
