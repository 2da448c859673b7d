/// Values of `MentionField.role`.
public enum MentionRole {
  /// The document's own reference ("Onze referentie", "Ons kenmerk").
  public static let own = "own"
  /// The reference of the letter being answered ("Uw kenmerk").
  public static let replyTo = "reply-to"
  /// The questions this document answers ("vragen ... met kenmerk 2025Z14549", "Kamervragen 2025Z14549").
  public static let answers = "answers"
  /// A member who asked the questions ("Vragen van het lid X (P)").
  public static let asker = "asker"
  /// The minister or ministry the questions are addressed to ("aan de minister van Defensie").
  public static let addressee = "addressee"
  /// Who answered ("Antwoord van Minister X (Justitie en Veiligheid)").
  public static let answerer = "answerer"
  /// The signatory of a letter (signature block).
  public static let signer = "signer"
  /// "mede namens de Minister van X".
  public static let coSigner = "co-signer"
  /// The ministry that sends a letter (letterhead).
  public static let sender = "sender"
  /// "Zie ook ...".
  public static let seeAlso = "see-also"
  /// The dossier the document itself belongs to (the dossier line of a Kamerstuk's header).
  public static let dossier = "dossier"
}
