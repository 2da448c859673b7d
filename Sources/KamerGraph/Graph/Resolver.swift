/// A document with the mentions the extractor found in it: the resolver's input.
public struct ExtractedDocument: Sendable, Hashable, Codable {
  public var document: Document
  public var mentions: [Mention]
  /// Set by `releasingText()`: a digest that stands in for the released text wherever documents
  /// are compared (two files with one id are copies when their texts are equal).
  public var textDigest: String?
  public init(document: Document, mentions: [Mention]) {
    self.document = document
    self.mentions = mentions
  }

  /// The same extraction without the document text, for callers that need only the mentions and
  /// their statuses (`kamergraph extract`): memory then grows with the mentions, not the texts.
  /// Identity and statuses come out as with the text (the digest replaces it in comparisons);
  /// footnote and sentence evidence for graph edges needs the text, so do not build graphs from it.
  ///
  /// `digest: false` is for a document that will be compared with no other (the only one read):
  /// its digest is then left empty instead of computed.
  public func releasingText(digest: Bool = true) -> ExtractedDocument {
    guard textDigest == nil, !document.text.isEmpty else { return self }
    var copy = self
    copy.textDigest = digest ? FastDigest.of(document.text) : ""
    copy.document.text = ""
    return copy
  }

  /// What identifies the content: the text, or its digest once released.
  var contentKey: String { textDigest ?? document.text }
  /// True when the document had text (released or not).
  var hasText: Bool { textDigest != nil || !document.text.isEmpty }
}

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

/// Two files that claim the same id but are not the same document. Both are kept; mentions of
/// the id become ambiguous.
public struct IdentityConflict: Sendable, Hashable, Codable, Comparable {
  public var id: String
  public var paths: [String]
  public var description: String {
    "\(paths.count) documents claim the id \(id): \(paths.joined(separator: ", ")); both are kept, and citations of \(id) are marked ambiguous"
  }
  public static func < (lhs: IdentityConflict, rhs: IdentityConflict) -> Bool {
    (lhs.id, lhs.paths.joined(separator: "\n")) < (rhs.id, rhs.paths.joined(separator: "\n"))
  }
}

/// The resolver's output.
public struct Resolution: Sendable, Hashable {
  public var graph: CitationGraph
  public var conflicts: [IdentityConflict]
}

/// Turns documents and their mentions into one graph: merges the ids a document is known by into
/// one node, links mentions to nodes with typed edges, and keeps every mention with its status.
///
/// Rules (each edge needs explicit evidence):
/// - identity: a document's own ids (reader: letterhead kenmerk, KOOP id, metadata) and
///   `sameAs` facts are joined; the node id is the most official of them. A zaak number is
///   always an alias of its questions `kv-tk-{zaak}`.
/// - `answers`: mentions with role `answers`/`reply-to`, and `answers` facts.
/// - `cites`: every other document mention (footnotes and inline); laws are `mentions`.
/// - `see-also`: role `see-also`. `part-of-dossier`: from each cited Kamerstuk to its dossier.
/// - `asked-by`/`addressed-to`: roles `asker`/`addressee`, attached to the questions the document
///   answers (or to the document itself when it answers none).
/// - `signed-by` (signer, answerer), `co-signed-by` (co-signer), `sent-by` (sender, and the
///   ministry of a signer or answerer), `member-of` (a person's party given next to the name).
/// - `answered-by`: a ministry named in the sentence that carries a footnote mark, when that
///   sentence speaks of an answer ("beantwoording", "antwoord"), for each document the footnote cites.
/// - `mentions`: organisations, programmes, laws, and actors without a role.
public struct Resolver: Sendable {
  public init() {}

  public func resolve(_ input: [ExtractedDocument]) -> Resolution {
    var state = ResolverState(input: input)
    return state.run()
  }

  /// Only the mentions with their statuses (identity, no edges). `StatusResolver` gives the same
  /// statuses one document at a time (what `kamergraph extract` uses).
  public func resolveMentions(_ input: [ExtractedDocument]) -> [DocumentMention] {
    var state = ResolverState(input: input)
    state.buildIdentity()
    state.buildDocumentNodes()
    state.setMentionStatuses()
    return state.graph.mentions
  }
}

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
  /// Evidence per edge, collected first and turned into edges once (sorting on every add is quadratic).
  var pending: [EdgeKey: [Evidence]] = [:]
  var attributes: [String: [String: String]] = [:]
  /// `isResolvedTarget` answers, filled once the document nodes exist.
  var resolvedTargets: [String: Bool] = [:]
  /// The node ids of the corpus documents, when statuses are wanted without building the nodes
  /// (`StatusResolver`): exactly the nodes `buildDocumentNodes` marks resolved.
  var documentNodes: Set<String>?

  init(input: [ExtractedDocument]) {
    // Sort so that the result does not depend on the input order.
    docs = input.sorted { ($0.document.path, $0.contentKey) < ($1.document.path, $1.contentKey) }
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

  mutating func run() -> Resolution {
    buildIdentity()
    buildDocumentNodes()
    let questions = collectAnswers()
    for (i, e) in docs.enumerated() {
      guard let node = nodeOfDoc[i] else { continue }
      addMentionEdges(e, node: node, questions: questions[node] ?? [])
      addAnsweredBy(e)
    }
    addFactEdges()
    flushEdges()
    completeNodes()
    setMentionStatuses()
    return Resolution(graph: graph, conflicts: conflicts.sorted())
  }

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

  // MARK: - Edges

  /// For each document node, the questions it answers (from mentions and facts).
  mutating func collectAnswers() -> [String: [String]] {
    var result: [String: Set<String>] = [:]
    for (i, e) in docs.enumerated() {
      if let node = nodeOfDoc[i] {
        for m in e.mentions where m.kind.isDocument {
          guard Self.answersTarget(m) else { continue }
          for id in m.ids {
            let target = nodeID(id)
            if target != node { result[node, default: []].insert(target) }
          }
        }
      }
      for fact in e.document.facts {
        if case .edge(let s, .answers, let t) = fact.statement { result[nodeID(s), default: []].insert(nodeID(t)) }
      }
    }
    return result.mapValues { $0.sorted() }
  }

  mutating func edge(_ source: String, _ target: String, _ relation: Relation, _ evidence: Evidence) {
    guard source != target else { return }
    pending[EdgeKey(source: source, target: target, relation: relation), default: []].append(evidence)
  }

  /// Turns the collected evidence into edges, each with its evidence deduplicated and sorted.
  mutating func flushEdges() {
    applyRelationPrecedence()
    for (key, evidence) in pending {
      graph.add(Edge(source: key.source, target: key.target, relation: key.relation, evidence: evidence))
    }
    pending = [:]
  }

  mutating func addMentionEdges(_ e: ExtractedDocument, node d: String, questions: [String]) {
    let path = e.document.path
    let asked = questions.isEmpty ? [d] : questions
    let personParties = Set(e.mentions.compactMap { $0.kind == .persoon ? $0.fields[MentionField.party] : nil })
    for m in e.mentions {
      let ev = Evidence(path: path, line: m.line, start: m.start, end: m.end, text: m.text, source: .text)
      let role = m.fields[MentionField.role]
      switch m.kind {
      case .date:
        guard let iso = m.fields[MentionField.iso] else { continue }
        let dateRole = m.fields[MentionField.dateRole]
        if dateRole == "ingezonden", questions.count == 1 {
          setAttribute(questions[0], "date", iso)
        } else if dateRole == "ontvangen" || dateRole == "datum" {
          setAttribute(d, "date", iso)
        }
      case .persoon:
        guard let p = m.ids.first else { continue }
        noteLabel(p, m.fields[MentionField.name] ?? m.text)
        if let party = m.fields[MentionField.party] { edge(p, party, .memberOf, ev) }
        switch role {
        case MentionRole.asker?: for q in asked { edge(q, p, .askedBy, ev) }
        case MentionRole.addressee?: for q in asked { edge(q, p, .addressedTo, ev) }
        case MentionRole.signer?, MentionRole.answerer?:
          edge(d, p, .signedBy, ev)
          if let ministry = m.fields[MentionField.ministry] { edge(d, ministry, .sentBy, ev) }
        case MentionRole.coSigner?: edge(d, p, .coSignedBy, ev)
        default: edge(d, p, .mentions, ev)
        }
      case .ministerie:
        for id in m.ids {
          switch role {
          case MentionRole.sender?, MentionRole.signer?, MentionRole.answerer?: edge(d, id, .sentBy, ev)
          case MentionRole.addressee?: for q in asked { edge(q, id, .addressedTo, ev) }
          case MentionRole.coSigner?: edge(d, id, .coSignedBy, ev)
          default: edge(d, id, .mentions, ev)
          }
        }
      case .fractie:
        for id in m.ids where !personParties.contains(id) { edge(d, id, .mentions, ev) }
      case .organisatie, .programma:
        for id in m.ids {
          noteLabel(id, m.text)
          edge(d, id, .mentions, ev)
        }
      case .bwb:
        // A law named in words gives its node a readable label ("Aanbestedingswet 2012").
        let named = !m.text.hasPrefix("BWB") && !m.text.hasPrefix("CELEX") && !m.text.lowercased().hasPrefix("jci")
          && !m.text.contains("://")
        for id in m.ids {
          if named { noteLabel(nodeID(id), m.text) }
          edge(d, nodeID(id), .mentions, ev)
        }
      default:
        guard m.kind.isDocument, role != MentionRole.own else { continue }
        let relation: Relation
        switch role {
        case MentionRole.answers?, MentionRole.replyTo?: relation = Self.answersTarget(m) ? .answers : .cites
        case MentionRole.seeAlso?: relation = .seeAlso
        default: relation = .cites
        }
        for id in m.ids {
          let target = nodeID(id)
          edge(d, target, relation, ev)
          if let dossier = Self.dossier(ofKamerstuk: target) { edge(target, dossier, .partOfDossier, ev) }
        }
      }
    }
  }

  /// `dossier-36600-X` for `kst-36600-X-12`; nil for legacy ids whose parts are not certain.
  static func dossier(ofKamerstuk id: String) -> String? {
    guard id.hasPrefix("kst-") else { return nil }
    let parts = id.dropFirst(4).split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0].count == 5, parts[0].allSatisfy(\.isNumber),
      parts.allSatisfy({ !$0.isEmpty }),
      !parts.last!.hasPrefix("h"), !parts.last!.hasPrefix("n"), parts.count <= 3
    else { return nil }
    return "dossier-" + parts.dropLast().joined(separator: "-")
  }

  /// `answered-by`: a cited answer -> the ministry named as having answered, in the sentence that
  /// carries the footnote mark.
  mutating func addAnsweredBy(_ e: ExtractedDocument) {
    guard !e.document.footnotes.isEmpty else { return }
    // Mentions by start offset, to find those inside a range by binary search (a document can
    // have thousands of footnotes and mentions).
    let mentions = e.mentions.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    func within(_ r: ByteRange) -> [Mention] {
      var lo = 0
      var hi = mentions.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if mentions[mid].start < r.start { lo = mid + 1 } else { hi = mid }
      }
      var out: [Mention] = []
      var i = lo
      while i < mentions.count, mentions[i].start < r.end {
        if mentions[i].end <= r.end { out.append(mentions[i]) }
        i += 1
      }
      return out
    }
    let utf8 = e.document.text.utf8
    for note in e.document.footnotes {
      let ministries = within(note.sentence).filter { $0.kind == .ministerie }
      guard !ministries.isEmpty else { continue }
      let s = max(0, note.sentence.start)
      let t = min(utf8.count, note.sentence.end)
      guard s < t else { continue }
      let sentence = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: s)..<utf8.index(utf8.startIndex, offsetBy: t)], as: UTF8.self).lowercased()
      guard sentence.contains("beantwoord") || sentence.contains("antwoord") else { continue }
      let cited = within(note.body).filter { $0.kind.isDocument && $0.kind != .bwb }
      for c in cited {
        for id in c.ids {
          let target = nodeID(id)
          for m in ministries {
            let ev = Evidence(
              path: e.document.path, line: m.line, start: m.start, end: m.end, text: m.text, source: .text)
            for ministry in m.ids { edge(target, ministry, .answeredBy, ev) }
          }
        }
      }
    }
  }

  mutating func addFactEdges() {
    for e in docs {
      for fact in e.document.facts {
        let ev = Evidence(path: e.document.path, line: 0, start: 0, end: 0, text: fact.evidence, source: .metadata)
        switch fact.statement {
        case .edge(let s, let relation, let t):
          edge(nodeID(s), nodeID(t), relation, ev)
        case .attribute(let id, let name, let value):
          if name == "label" { noteLabel(nodeID(id), value, preferred: true) } else { setAttribute(nodeID(id), name, value) }
        case .sameAs:
          break
        }
      }
    }
  }

  // MARK: - Attributes and labels

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
    var ids = Set<String>()
    for key in graph.edgesByKey.keys {
      ids.insert(key.source)
      ids.insert(key.target)
    }
    for id in ids.sorted() where graph.node(id) == nil {
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
    var sentBy: [String: [String]] = [:]
    for key in graph.edgesByKey.keys where key.relation == .sentBy { sentBy[key.source, default: []].append(key.target) }
    for (id, ministries) in sentBy {
      guard var node = graph.node(id) else { continue }
      node.ministry = ministries.sorted().first
      graph.upsert(node)
    }
  }

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

extension String {
  var trimmedOrNil: String? {
    let t = trimmingWhitespace
    return t.isEmpty ? nil : t
  }

  var trimmingWhitespace: String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }

  /// The text without surrounding whitespace and quote marks ("“Raffinaderij”" -> "Raffinaderij").
  var trimmingQuotes: String {
    let quotes: Set<Character> = ["\"", "'", "‘", "’", "“", "”", "«", "»", "„"]
    var s = Substring(trimmingWhitespace)
    while let c = s.first, quotes.contains(c) || c.isWhitespace { s.removeFirst() }
    while let c = s.last, quotes.contains(c) || c.isWhitespace { s.removeLast() }
    return String(s)
  }
}
