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
  /// The case's position in `allCases` (for tables indexed by relation).
  var position: Int {
    switch self {
    case .answers: return 0
    case .cites: return 1
    case .seeAlso: return 2
    case .partOfDossier: return 3
    case .askedBy: return 4
    case .addressedTo: return 5
    case .signedBy: return 6
    case .coSignedBy: return 7
    case .sentBy: return 8
    case .answeredBy: return 9
    case .memberOf: return 10
    case .mentions: return 11
    }
  }
}
