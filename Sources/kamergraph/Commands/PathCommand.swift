import ArgumentParser
import KamerGraph

/// `kamergraph path FROM TO`.
struct PathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path",
    abstract: "The shortest chains of references between two nodes (all of them, up to --limit).")

  @Argument(help: "Where the chain starts (any alias).")
  var from: String

  @Argument(help: "Where the chain ends (any alias).")
  var to: String

  @Option(parsing: .unconditional, help: "The longest chain to look for, in hops.")
  var maxDepth = 6

  @Option(name: .customLong("relation"), help: "Follow only this relation (repeatable): \(relationList).")
  var relations: [Relation] = []

  @Option(help: "out: follow edges only in their direction (FROM cites ... TO); both: either way.")
  var direction: Direction = .both

  @Option(parsing: .unconditional, help: "How many chains to show.")
  var limit = 10

  @OptionGroup var options: QueryOptions

  func validate() throws {
    try Check.count(maxDepth, "--max-depth")
    try Check.count(limit, "--limit")
  }

  func run() throws {
    let index = options.open()
    let result = querying { () throws(IndexError) in
      var query = PathOptions()
      query.maxDepth = maxDepth
      query.relations = relations.isEmpty ? nil : Set(relations)
      query.direction = direction
      query.limit = limit
      return try index.path(from: from, to: to, options: query)
    }
    try options.emit(
      table: result.table, json: result.json, found: !result.paths.isEmpty,
      nothing: "no chain of at most \(maxDepth) hop(s) from \(result.from.id) to \(result.to.id)")
  }
}
