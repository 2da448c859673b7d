/// The working state of one resolution.
struct ResolverState {
  var docs: [ExtractedDocument]
  var identity = IdentityMap()
  /// Node id of each input document (parallel to `docs`); nil for fact-only inputs.
  var nodeOfDoc: [String?] = []
  var conflicts: [IdentityConflict] = []
  /// Ids claimed by more than one document, with the node ids of those documents.
  var conflicted: [String: [String]] = [:]
  var graph = CitationGraph()
  var entityLabels: [String: [String]] = [:]
  /// The nodes edges are collected between, by number.
  var nodes = NodeNumbers()
  /// `nodeNumber(_:)` answers: the same ids are cited many times.
  var nodeNumbers: [String: Int32] = [:]
  /// `dossier(of:)` answers by node number: -2 not asked yet, -1 none.
  var dossiers: [Int32] = []
  /// Evidence per edge, collected first and turned into edges once (sorting on every add is quadratic).
  var pending = PendingEdges()
  var attributes: [String: [String: String]] = [:]

  init(input: consuming [ExtractedDocument]) {
    // Sort so that the result does not depend on the input order.
    docs = input
    docs.sort { ($0.document.path, $0.contentKey) < ($1.document.path, $1.contentKey) }
  }

  static func canonical(_ id: String) -> String {
    ReferenceKind.tweedeKamerNumber(id) == .zaak ? "kv-tk-" + id : id
  }

  static func isFactOnly(_ e: ExtractedDocument) -> Bool {
    e.document.ownIds.isEmpty && !e.hasText && !e.document.facts.isEmpty
  }

  /// The ids a document says it has: its reader's ids and those of its document references with
  /// role `own` (a person or ministry is never one of a document's ids).
  static func ownIDs(_ e: ExtractedDocument) -> [String] {
    var ids = e.document.ownIds.map(canonical)
    // By index: only the kind and fields of each mention are looked at, the mention is not
    // copied; the kind, in the array itself, spares following most mentions' fields.
    for k in e.mentions.indices
    where e.mentions[k].kind.isDocument && !e.mentions[k].fields.isEmpty
      && e.mentions[k].fields[MentionField.role] == MentionRole.own
      && e.mentions[k].fields[MentionField.footnote] == nil
    {
      ids.append(contentsOf: e.mentions[k].ids.map(canonical))
    }
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
  }

  /// The `TextFindings` of document `i`: those it came with, else found in its text (once).
  mutating func findings(_ i: Int) -> TextFindings {
    if let found = docs[i].findings { return found }
    let found = TextFindings(docs[i])
    docs[i].findings = found
    return found
  }

  mutating func run() -> Resolution {
    buildIdentity()
    buildDocumentNodes()
    let questions = collectAnswers()
    pending.reserve(docs.reduce(0) { $0 + $1.mentions.count })
    for i in docs.indices {
      guard let node = nodeOfDoc[i] else { continue }
      let found = findings(i)
      addMentionEdges(docs[i], findings: found, node: node, questions: questions[node] ?? [])
      addOwnDossier(docs[i], node: node)
      addAnsweredBy(docs[i], findings: found)
    }
    addFactEdges()
    flushEdges()
    completeNodes()
    setMentionStatuses()
    return Resolution(graph: graph, conflicts: conflicts.sorted())
  }
}
