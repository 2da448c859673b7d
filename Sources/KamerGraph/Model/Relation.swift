/// The typed edges of the citation graph. The raw value is what exports and queries show.
public enum Relation: String, CaseIterable, Sendable, Codable, Comparable {
  /// An answer -> the questions (zaak) it answers.
  case answers
  /// A document -> a document it cites (footnote or inline citation).
  case cites
  /// "Zie ook ...".
  case seeAlso = "see-also"
  /// A Kamerstuk -> its dossier.
  case partOfDossier = "part-of-dossier"
  /// Questions -> the member who asked them.
  case askedBy = "asked-by"
  /// Questions -> the minister or ministry they are addressed to.
  case addressedTo = "addressed-to"
  /// A letter -> its signatory.
  case signedBy = "signed-by"
  /// A letter -> on whose behalf it is also sent ("mede namens").
  case coSignedBy = "co-signed-by"
  /// A letter -> the ministry that sends it.
  case sentBy = "sent-by"
  /// A cited answer -> the ministry named where it is cited as having answered.
  case answeredBy = "answered-by"
  /// A person -> a party (as of the document's date).
  case memberOf = "member-of"
  /// A document -> an organisation, programme, law or ministry it names.
  case mentions

  public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Relation {
  /// The one table of relations: each case's position in `allCases` (for tables indexed by
  /// relation, and the rank `ExportGraph` packs into `packedBits` bits) and its raw value as fixed
  /// text (for writers that copy bytes). `RelationPositionTests` checks it against `allCases` and the
  /// raw values; the switch makes a new case impossible to leave out.
  @inline(__always) var entry: (position: Int, name: StaticString) {
    switch self {
    case .answers: return (0, "answers")
    case .cites: return (1, "cites")
    case .seeAlso: return (2, "see-also")
    case .partOfDossier: return (3, "part-of-dossier")
    case .askedBy: return (4, "asked-by")
    case .addressedTo: return (5, "addressed-to")
    case .signedBy: return (6, "signed-by")
    case .coSignedBy: return (7, "co-signed-by")
    case .sentBy: return (8, "sent-by")
    case .answeredBy: return (9, "answered-by")
    case .memberOf: return (10, "member-of")
    case .mentions: return (11, "mentions")
    }
  }

  /// The case's position in `allCases` (for tables indexed by relation).
  var position: Int { entry.position }

  /// The raw value as fixed text.
  var fixedName: StaticString { entry.name }

  /// How many bits `ExportGraph` packs a relation's rank into: at most 16 relations.
  static let packedBits = 4
}
