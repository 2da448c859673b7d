import KamerGraph

/// Inputs built from repeated anchor words that start a recognizer and never complete, or
/// complete over and over: the shapes that once made extraction quadratic. The unit tests check
/// them deterministically (`FuzzHarness.localityProblems`); `kamergraph-bench pathological` times them.
public enum PathologicalInputs {
  /// Name and repeated unit of each input; each input is one line (no newline).
  public static let all: [(name: String, unit: String)] = [
    ("Kamerstukken", "Kamerstukken II "),
    ("nr.", "nr. "),
    ("nrs. list", "36 600 X, nrs. 1 en 2 en "),
    ("ECLI prefix", "ECLI:NL:HR:"),
    ("ECLI without prefix", "NL:HR:2013:"),
    ("digits", "1 2 3 4 "),
    ("zaak numbers", "2025Z"),
    ("open quote", "\u{201C}Programma "),
    ("het lid", "Vragen van het lid "),
    ("minister", "de minister van "),
    // Complete ministry mentions on one long line: each once scanned its whole line (quadratic).
    ("ministry on one line", "de minister van Defensie en "),
    ("ministerie on one line", "Ministerie van Justitie en Veiligheid "),
    ("signature heading on one line", "DE STAATSSECRETARIS VAN DEFENSIE "),
    ("kenmerk", "Uw kenmerk: "),
    ("koop id", "kst-36600-"),
    ("Stb", "Stb. 2024, "),
    ("dates", "31 oktober "),
    ("Aanhangsel", "Aanhangsel Handelingen II "),
  ]

  /// `unit` repeated to about `bytes` bytes (at least once).
  public static func repeated(_ unit: String, bytes: Int) -> String {
    String(repeating: unit, count: max(1, bytes / unit.utf8.count))
  }
}

extension FuzzHarness {
  /// How far a recognizer may look beyond the mention it reports: more than any recognizer needs
  /// (sentence starts look back at most 300 bytes, letterhead labels a few lines).
  public static let lookAround = 4096

  /// Checks that the mentions of `prefix` and of a longer text that starts with it agree on the
  /// part of `prefix` that lies `lookAround` bytes or more before its end. A recognizer whose
  /// result depends on text further away (one that scans to the end of its line, say) breaks this;
  /// such scans are what make extraction quadratic on one long line. Returns the problems found.
  /// `mentions` is the extractor (tests pass others to see the check fail).
  public static func localityProblems(
    prefix: String, longer: String, mentions: (String) -> [Mention] = { Extractor().mentions(in: $0) }
  ) -> [String] {
    guard longer.utf8.starts(with: prefix.utf8) else { return ["the longer text does not start with the prefix"] }
    let limit = prefix.utf8.count - lookAround
    guard limit > 0 else { return ["the prefix is shorter than \(lookAround) bytes"] }
    let short = mentions(prefix).filter { $0.end <= limit }
    let long = mentions(longer).filter { $0.end <= limit }
    guard short != long else { return [] }
    let first = zip(short, long).first { $0 != $1 }
    return [
      "\(short.count) mentions end before byte \(limit) of the prefix, \(long.count) of the longer text"
        + (first.map { ": first difference at \($0.0.start) (\($0.0.text)) against \($0.1.start) (\($0.1.text))" } ?? "")
    ]
  }
}
