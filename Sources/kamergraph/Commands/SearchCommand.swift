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
      characters separate words. Exit status 1 when nothing is found (like grep).
      """)

  @Argument(help: "The words to look for (FTS5 syntax, see above).")
  var text: [String]

  @Option(help: "How many results to show.")
  var limit = 20

  @OptionGroup var dates: DateOptions

  @OptionGroup var options: QueryOptions

  func run() throws {
    let index = options.open()
    let query = text.joined(separator: " ")
    let (since, until) = dates.bounds()
    let hits = querying { () throws(IndexError) in try index.search(query, limit: limit, since: since, until: until) }
    try options.emit(
      table: searchTable(hits: hits), json: searchJSON(query: query, hits: hits), found: !hits.isEmpty,
      nothing: "nothing found for \(query)\(dates.phrase)")
  }
}
