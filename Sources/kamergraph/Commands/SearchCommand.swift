import ArgumentParser
import KamerGraph

/// `kamergraph search TEXT`.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Full-text search over node labels and ids and the text of the indexed files.",
    discussion: "Every word must occur; accents and case are ignored; end a word with * to match a prefix.")

  @Argument(help: "The words to look for.")
  var text: [String]

  @Option(parsing: .unconditional, help: "How many results to show.")
  var limit = 20

  @OptionGroup var options: QueryOptions

  func validate() throws {
    try Check.count(limit, "--limit")
  }

  func run() throws {
    let index = options.open()
    let query = text.joined(separator: " ")
    let hits = querying { () throws(IndexError) in try index.search(query, limit: limit) }
    options.emit(table: searchTable(hits: hits), json: searchJSON(query: query, hits: hits))
  }
}
