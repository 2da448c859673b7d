import ArgumentParser
import KamerGraph

/// `kamergraph similar ID`.
struct SimilarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "similar",
    abstract: "Documents that cite the same things (coupling) or are cited together (co-citation).",
    discussion: """
      By default only the relations between documents count: cites, see-also, answers, \
      part-of-dossier. Exit status 1 when nothing is similar.
      """)

  @Argument(help: "The node id or any of its aliases.")
  var id: String

  @Option(name: .customLong("relation"), help: "Count only this relation (repeatable): \(relationList).")
  var relations: [Relation] = []

  @Option(parsing: .unconditional, help: "How many results to show.")
  var limit = 20

  @OptionGroup var dates: DateOptions

  @OptionGroup var options: QueryOptions

  func validate() throws {
    try Check.count(limit, "--limit")
  }

  func run() throws {
    let index = options.open()
    let (since, until) = dates.bounds()
    let result = querying { () throws(IndexError) in
      try index.similar(
        id, relations: relations.isEmpty ? documentRelations : Set(relations), limit: limit, since: since, until: until)
    }
    try options.emit(
      table: result.table, json: result.json, found: !result.items.isEmpty,
      nothing: "no document cites what \(result.seed.id) cites or is cited with it\(dates.phrase)")
  }
}
