extension ResolverState {
  /// Sets every document mention's status (through `StatusResolver`, as `extract` does), gives
  /// each old ministry name the id it means at the document's date (`MinistryDating`, as the edges
  /// do) and keeps the mentions in the graph, document by document in resolver order.
  mutating func setMentionStatuses() {
    var statuses = StatusResolver(identityOf: self)
    var all: [DocumentMention] = []
    for i in docs.indices {
      guard let d = nodeOfDoc[i] else { continue }
      let date = MinistryDating.ownDate(metadata: docs[i].document.metadata.date, mentions: docs[i].mentions)
      var mentions: [Mention] = []
      swap(&mentions, &docs[i].mentions)
      let text = docs[i].document.text.utf8
      MinistryDating.apply(&mentions, date: date) { MinistryDating.namedAsFormer(text, before: $0.start) }
      statuses.setStatuses(&mentions)
      swap(&mentions, &docs[i].mentions)
      for m in docs[i].mentions { all.append(DocumentMention(path: docs[i].document.path, document: d, mention: m)) }
    }
    graph.mentions = all
  }
}
