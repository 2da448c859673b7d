import ArgumentParser
import KamerGraph

/// `kamergraph similar ID`.
struct SimilarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "similar",
    abstract: "Documents that cite the same things (coupling) or are cited together (co-citation).",
    discussion: "By default only the relations between documents count: cites, see-also, answers, part-of-dossier.")

  @Argument(help: "The node id or any of its aliases.")
  var id: String

  @Option(name: .customLong("relation"), help: "Count only this relation (repeatable): \(relationList).")
  var relations: [Relation] = []

  @Option(parsing: .unconditional, help: "How many results to show.")
  var limit = 20

  @OptionGroup var options: QueryOptions

  func validate() throws {
    try Check.count(limit, "--limit")
  }

  func run() throws {
    let index = options.open()
    let result = querying { () throws(IndexError) in
      try index.similar(id, relations: relations.isEmpty ? documentRelations : Set(relations), limit: limit)
    }
    options.emit(table: result.table, json: result.json)
  }
}
