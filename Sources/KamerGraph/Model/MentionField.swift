/// Names of mention fields that the resolver reads. Recognizers may add others.
public enum MentionField {
  /// How the mention stands to the document that contains it; values in `MentionRole`.
  public static let role = "role"
  /// The label that introduced a kenmerk ("Onze referentie", "Uw kenmerk", ...).
  public static let label = "label"
  /// A person's function: `lid`, `minister`, `staatssecretaris`.
  public static let function = "function"
  /// A person's party id (`fractie:FVD`) when the text gives it next to the name.
  public static let party = "party"
  /// A person's ministry id (`ministerie:JENV`) when the text gives it next to the name.
  public static let ministry = "ministry"
  /// The display name ("Gijs Tuinman", "Van Houwelingen").
  public static let name = "name"
  /// An ISO date (`2025-07-11`) for `date` mentions, or the date tied to a role ("ingezonden").
  public static let iso = "iso"
  /// What a date is: `ingezonden`, `ontvangen`, `datum`.
  public static let dateRole = "date-role"
  public static let vergaderjaar = "vergaderjaar"
  public static let page = "page"
  /// The chamber of a parliamentary citation: `II`, `I` or `VV`.
  public static let kamer = "kamer"
  /// The dossier(s) of a Kamerstuk citation as `36600-X`, space-separated when several.
  public static let dossier = "dossier"
  /// The article of a law citation ("2.23"), from "artikel 2.23 ... van de Aanbestedingswet 2012".
  public static let article = "article"
  /// The footnote number, for mentions inside a footnote body (`Extractor.mentions(in: Document)`).
  public static let footnote = "footnote"
  /// How an ECLI was repaired (`ocr`, `spacing`, `case`, `order`, `no-country`, `no-prefix`);
  /// absent for a well-formed ECLI.
  public static let variant = "variant"
}
