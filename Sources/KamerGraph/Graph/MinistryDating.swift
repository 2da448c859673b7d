/// An old ministry name in a document dated on or after the rename means the successor: "samen met
/// de Minister van Veiligheid en Justitie" in an answer of May 2024 is `ministerie:JENV`, in one of
/// 2015 `ministerie:VENJ` (`Ministry.renamed`). "toenmalige" just before the name says the old
/// ministry is meant ("de toenmalige Minister van Veiligheid en Justitie"), and a document with no
/// date of its own keeps the name's own id.
///
/// The one rule for the graph's edges (`ResolverState.addMentionEdges`) and for the mentions with
/// their statuses (`Resolver.resolveMentions`, `kamergraph extract` through
/// `BuildPipeline.extractResolved`, whose pieces use `Collector`). The extractor itself keeps the
/// name's own id: it does not know the document's date while it scans.
package enum MinistryDating {
  /// A date of the document itself: an "ontvangen" date ("(ontvangen 17 mei 2024)") or a "Datum"
  /// line of a letterhead.
  package static func isOwnDate(_ m: Mention) -> Bool {
    guard m.kind == .date, let role = m.fields[MentionField.dateRole] else { return false }
    return role == "ontvangen" || role == "datum"
  }

  /// The document's own date (yyyy-mm-dd): its metadata's, else that of the first own date in
  /// its text (`isOwnDate`); nil when it has neither.
  package static func ownDate(metadata: String?, mentions: some Sequence<Mention>) -> String? {
    metadata ?? mentions.first(where: isOwnDate)?.fields[MentionField.iso]
  }

  /// True when "toenmalig" stands in the 24 bytes of `text` before `start` (any case).
  package static func namedAsFormer(_ text: some BidirectionalCollection<UInt8>, before start: Int) -> Bool {
    let count = text.count
    let upper = min(max(0, start), count)
    let lower = min(max(0, start - 24), upper)
    let from = text.index(text.startIndex, offsetBy: lower)
    let to = text.index(from, offsetBy: upper - lower)
    return String(decoding: text[from..<to], as: UTF8.self).lowercased().contains("toenmalig")
  }

  /// The ministry `id`, named where `former` tells whether "toenmalige" precedes it, means in a
  /// document dated `date`: the successor of a ministry renamed on or before that date, else `id`.
  /// `former` is asked only for a renamed ministry in a dated document.
  package static func id(_ id: String, date: String?, former: () -> Bool) -> String {
    guard let date, Ministry.renamed[id] != nil, !former() else { return id }
    return Ministry.id(id, atDate: date)
  }

  /// Whether the rule may change the mention: a ministry or a person's ministry that was renamed.
  static func namesRenamed(_ m: Mention) -> Bool {
    switch m.kind {
    case .ministerie: return m.ids.contains { Ministry.renamed[$0] != nil }
    case .persoon: return m.fields[MentionField.ministry].map { Ministry.renamed[$0] != nil } ?? false
    default: return false
    }
  }

  /// Gives each ministry mention of a document dated `date` (`ownDate`) the id it means there, and
  /// each person the ministry it means; `former` tells whether "toenmalige" precedes a mention.
  package static func apply(_ mentions: inout [Mention], date: String?, former: (Mention) -> Bool) {
    guard let date else { return }
    for k in mentions.indices where namesRenamed(mentions[k]) {
      let m = mentions[k]
      var asFormer: Bool?
      func isFormer() -> Bool {
        if asFormer == nil { asFormer = former(m) }
        return asFormer!
      }
      if m.kind == .ministerie {
        var seen = Set<String>()
        mentions[k].ids = m.ids.map { id(_: $0, date: date, former: isFormer) }.filter { seen.insert($0).inserted }
      } else if let named = m.fields[MentionField.ministry] {
        mentions[k].fields[MentionField.ministry] = id(named, date: date, former: isFormer)
      }
    }
  }

  /// What `apply` needs of a document whose mentions come in pieces while its text is at hand
  /// (`BuildPipeline.extractResolved`), for pieces set later, when the text may be gone: the first
  /// own date of the text, and where renamed ministries follow "toenmalige".
  package struct Collector: Sendable {
    /// The first own date's iso date (nil inside when it has none); nil when none was seen.
    private var firstOwnDate: String??
    /// The start offsets of mentions of renamed ministries after "toenmalige".
    private var former: Set<Int> = []
    /// Whether a mention of `add` names a renamed ministry (`namesRenamed`). Most documents name
    /// none: `apply` then leaves their pieces as they are without looking at them.
    package private(set) var namesRenamed = false
    package init() {}

    package mutating func add(_ piece: [Mention], text: some BidirectionalCollection<UInt8>) {
      // By index, without a copy of each mention; only dates, ministries and persons matter.
      for k in piece.indices {
        switch piece[k].kind {
        case .date:
          if firstOwnDate == nil, isOwnDate(piece[k]) { firstOwnDate = .some(piece[k].fields[MentionField.iso]) }
        case .ministerie, .persoon:
          if MinistryDating.namesRenamed(piece[k]) {
            namesRenamed = true
            if namedAsFormer(text, before: piece[k].start) { former.insert(piece[k].start) }
          }
        default: break
        }
      }
    }

    /// `MinistryDating.apply` for a piece of the document whose metadata date is `metadataDate`.
    /// `seen`: the piece is one of those given to `add` (the first read), so that when none of them
    /// named a renamed ministry the piece is left as it is; a piece of a second read is looked at.
    package func apply(_ piece: inout [Mention], metadataDate: String?, seen: Bool = true) {
      if seen && !namesRenamed { return }
      MinistryDating.apply(&piece, date: metadataDate ?? firstOwnDate ?? nil) { former.contains($0.start) }
    }
  }
}
