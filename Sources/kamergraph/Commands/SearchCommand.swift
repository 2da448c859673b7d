import ArgumentParser
import KamerGraph

/// `kamergraph search TEXT`.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Full-text search over node labels and ids and the text of the indexed files.",
    discussion: """
      TEXT uses SQLite FTS5's syntax; accents and case are ignored:
        palantir software        both words (AND is implied)
        "gebruik van software"   the words in this order (a phrase)
        palantir OR raffinaderij either word (AND, OR, NOT in capitals)
        palantir NOT defensie    the first without the second
        (palantir OR nctv) AND politie
        NEAR(palantir politie, 5)  the words at most 5 words apart (default 10)
        softw*                   words starting with softw (a prefix)
      Quote TEXT for the shell: kamergraph search '"gebruik van software" OR palantir'. Other \
      characters separate words. At most \(GraphIndex.maximumSearchTerms) different words. Exit status 1 when nothing is found (like grep).
      """)

  @Argument(help: "The words to look for (FTS5 syntax, see above).")
  var text: [String]

  @Option(parsing: .unconditional, help: "How many results to show.")
  var limit = 20

  @OptionGroup var dates: DateOptions

  @OptionGroup var options: QueryOptions

  func validate() throws {
    try Check.count(limit, "--limit")
  }

  func run() throws {
    let index = options.open()
    let query = text.joined(separator: " ")
    let (since, until) = dates.bounds()
    let hits = querying { () throws(IndexError) in try index.search(query, limit: limit, since: since, until: until) }
    try options.emit(
      table: searchTable(hits: hits), json: searchJSON(query: query, hits: hits), found: !hits.isEmpty,
      nothing: "nothing found for \(query)\(dates.phrase)")
  }

  /// The options of `search` that take a value (a value is never one of the words).
  static let valueOptions: Set<String> = ["--limit", "--index", "--since", "--until"]

  /// `arguments` (without the program name) with the words of a `search` joined into one
  /// argument, in one pass. ArgumentParser gathers a variadic argument in time quadratic in its
  /// count (each word copies the words before it: 2,000 words took 12 s before the index was even
  /// opened); the search joins the words with spaces anyway. Other commands pass unchanged.
  static func joiningWords(_ arguments: [String]) -> [String] {
    guard arguments.first == "search", arguments.count > 3 else { return arguments }
    var out = ["search"]
    var words: [String] = []
    var wordsAt: Int?
    var i = 1
    var onlyWords = false
    while i < arguments.count {
      let a = arguments[i]
      if !onlyWords, a == "--" {
        onlyWords = true
      } else if !onlyWords, a.hasPrefix("-"), a.count > 1 {
        out.append(a)
        if valueOptions.contains(a), i + 1 < arguments.count {
          i += 1
          out.append(arguments[i])
        }
      } else {
        if wordsAt == nil { wordsAt = out.count }
        words.append(a)
      }
      i += 1
    }
    if let wordsAt {
      let joined = words.joined(separator: " ")
      // After `--` the words may start with a dash: they stay behind the marker, at the end.
      if onlyWords { out += ["--", joined] } else { out.insert(joined, at: wordsAt) }
    }
    return out
  }
}
