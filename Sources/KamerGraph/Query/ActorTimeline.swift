import GRDB

/// One document in an actor's timeline: what the actor did in it (asked, signed, ...).
public struct ActorEntry: Sendable, Hashable {
  public var document: NodeSummary
  /// The relation from the document to the actor, as a verb: asked, signed, co-signed, addressed,
  /// sent, answered, mentioned.
  public var role: String
  /// For a party: the member through whom the document is the party's; nil for the actor itself.
  public var via: String?
}

/// The answer of `actor`: the actor, its parties or members, its documents over time and, for the
/// written questions it asked (or, for a ministry, received), one summary per ministry.
public struct ActorResult: Sendable, Hashable {
  public var actor: NodeSummary
  /// A person's parties, or a party's members.
  public var parties: [NodeSummary]
  public var members: [NodeSummary]
  /// By date (undated last), then document id, then role.
  public var entries: [ActorEntry]
  public var ministries: [MinistrySummary]
}

extension GraphIndex {
  /// The documents linked to the actor `name` (any id, alias, or name without prefix: `Van
  /// Houwelingen`, `FVD`, `palantir`) over time; for a party also those of its members. Documents
  /// dated outside `since`...`until` are left out.
  public func actor(_ name: String, since: DateBound? = nil, until: DateBound? = nil, today: String? = nil)
    throws(IndexError) -> ActorResult
  {
    let indexPath = path
    let window = DateWindow(since: since, until: until)
    var result = try read { db -> ActorResult in
      let num = try Self.lookup(name, in: db, indexPath: indexPath)
      let actor = try Self.summary(num, in: db)
      let parties = try Self.linked(num, .memberOf, outgoing: true, in: db).map { try Self.summary($0, in: db) }
      let memberNums = try Self.linked(num, .memberOf, outgoing: false, in: db)
      var entries: [ActorEntry] = []
      for (who, via) in [(num, nil as String?)] + (try memberNums.map { ($0, try Self.summary($0, in: db).id) }) {
        let rows = try Row.fetchAll(
          db, sql: "SELECT source, relation FROM edges WHERE target = ? ORDER BY source, relation", arguments: [who])
        for row in rows {
          guard let relation = Relation(rawValue: row[1]), let role = Self.role(relation) else { continue }
          let document = try Self.summary(row[0], in: db)
          guard window.admits(document.date) else { continue }
          entries.append(ActorEntry(document: document, role: role, via: via))
        }
      }
      entries.sort { a, b in
        switch (a.document.date, b.document.date) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.document.id, a.role, a.via ?? "") < (b.document.id, b.role, b.via ?? "")
        }
      }
      return ActorResult(
        actor: actor, parties: parties, members: try memberNums.map { try Self.summary($0, in: db) }, entries: entries,
        ministries: [])
    }
    var options = QuestionOptions()
    options.since = since
    options.until = until
    options.today = today
    switch result.actor.kind {
    case "persoon": options.member = result.actor.id
    case "fractie": options.party = result.actor.id
    case "ministerie": options.ministry = result.actor.id
    default: return result
    }
    result.ministries = try questions(options).ministries
    return result
  }

  /// What an edge from a document to an actor says the actor did; nil for actor-to-actor edges.
  static func role(_ relation: Relation) -> String? {
    switch relation {
    case .askedBy: return "asked"
    case .signedBy: return "signed"
    case .coSignedBy: return "co-signed"
    case .addressedTo: return "addressed"
    case .sentBy: return "sent"
    case .answeredBy: return "answered"
    case .mentions: return "mentioned"
    case .memberOf, .answers, .cites, .seeAlso, .partOfDossier: return nil
    }
  }
}
