/// Identity and relation rules of the resolver, kept apart as small functions:
/// - a file named after a canonical id is that document when its text names no id of its own;
/// - two documents that each have an id of one kind the other lacks are two documents, even when
///   they share another id (an identity conflict, reported; both stay in the graph);
/// - one relation per document pair: answers > see-also > cites;
/// - "de vragen met kenmerk Z" in a footnote cites the questions, it does not answer them.
extension ResolverState {
  /// The ids a document says it has, or, when it names none, the id its file is named after.
  static func ownIDsOrPathID(_ e: ExtractedDocument) -> [String] {
    let ids = ownIDs(e)
    guard ids.isEmpty, let id = pathID(e.document.path) else { return ids }
    return [canonical(id)]
  }

  /// The canonical id a file is named after: `ah-tk-20232024-387.xml`, `2015D04817.html`,
  /// `ECLI.NL.HR.1995.AA3097.derived.txt` (dots for the colons a file name cannot hold). Nil
  /// when the name (without its extensions) is not exactly one document id.
  static func pathID(_ path: String) -> String? {
    var name = Substring(path.split(separator: "/").last ?? "")
    let extensions: Set<String> = [
      "txt", "xml", "html", "htm", "pdf", "docx", "odt", "md", "json", "derived", "repaired", "metadata",
    ]
    while let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
      name = name[..<dot]
    }
    guard !name.isEmpty, name.utf8.count <= 80 else { return nil }
    var text = String(name)
    if text.uppercased().hasPrefix("ECLI.") {
      // ECLI.NL.HR.1995.AA3097: the first four dots stand for colons.
      var parts = text.split(separator: ".", maxSplits: 4, omittingEmptySubsequences: false)
      guard parts.count == 5 else { return nil }
      parts[0] = "ECLI"
      text = parts.joined(separator: ":")
    }
    let found = Extractor().mentions(in: text)
    guard found.count == 1, let m = found.first, m.kind.isDocument, m.kind != .kenmerk, m.status != .unresolved,
      m.start == 0, m.end == text.utf8.count, m.ids.count == 1
    else { return nil }
    return m.ids[0]
  }

  /// True when each list holds an id of some kind that the other lacks (two Aanhangsel numbers,
  /// two Kamerstukken, two kenmerken): two documents, whatever else they share.
  static func distinctDocuments(_ a: [String], _ b: [String]) -> Bool {
    let setA = Set(a)
    let setB = Set(b)
    let kindsOnlyInB = Set(b.filter { !setA.contains($0) }.compactMap { ReferenceKind.of(id: $0) })
    guard !kindsOnlyInB.isEmpty else { return false }
    return a.contains { !setB.contains($0) && ReferenceKind.of(id: $0).map(kindsOnlyInB.contains) == true }
  }

  /// True when a mention says the document answers its target: role `answers` or `reply-to`,
  /// except an `answers` inside a footnote, which cites the questions.
  static func answersTarget(_ m: Mention) -> Bool {
    let role = m.fields[MentionField.role]
    if role == MentionRole.replyTo { return true }
    return role == MentionRole.answers && m.fields[MentionField.footnote] == nil
  }

  /// One relation per pair of documents: `answers` over `see-also` over `cites` (the weaker
  /// edge and its evidence are dropped).
  mutating func applyRelationPrecedence() {
    var strongest: [PairKey: Int] = [:]
    for case let key? in pending.keys {
      guard let rank = Self.precedence[Int(key.relation)] else { continue }
      let pair = PairKey(source: key.source, target: key.target)
      if let current = strongest[pair], current >= rank { continue }
      strongest[pair] = rank
    }
    for case let key? in pending.keys {
      guard let rank = Self.precedence[Int(key.relation)],
        let best = strongest[PairKey(source: key.source, target: key.target)], best > rank
      else { continue }
      pending.remove(key)
    }
  }

  /// The rank of each relation (by `Relation.position`) among those of which a pair of documents
  /// keeps one: nil for the others.
  static let precedence: [Int?] = Relation.allCases.map {
    ([.cites: 0, .seeAlso: 1, .answers: 2] as [Relation: Int])[$0]
  }

  struct PairKey: Hashable {
    var source: Int32
    var target: Int32
  }
}
