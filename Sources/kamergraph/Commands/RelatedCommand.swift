import ArgumentParser
import KamerGraph

/// `kamergraph related ID`.
struct RelatedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "related",
    abstract: "Documents and actors around a node, ranked, each with the chain that connects it.",
    discussion: """
      The seed has score 1. Going out one hop at a time, each edge from a node u passes \
      score(u) x (1 + log2(weight)) x 0.5 / spread(u) to the node it reaches, where weight is the \
      number of mentions behind the edge and spread(u) is 1 for the seed and log2(1 + degree(u)) \
      otherwise (hubs such as ministries pass little to each neighbour). A node reached over \
      several edges (shared citations) adds them up. Ties are broken by id. Exit status 1 when \
      nothing is reached.
      """)

  @Argument(help: "The node id or any of its aliases.")
  var id: String

  @Option(parsing: .unconditional, help: "How many hops from the node (1 = direct neighbours).")
  var depth = 2

  @Option(name: .customLong("relation"), help: "Follow only this relation (repeatable): \(relationList).")
  var relations: [Relation] = []

  @Option(help: "Follow edges leaving the node (out), arriving (in) or both.")
  var direction: Direction = .both

  @Option(parsing: .unconditional, help: "How many results to show.")
  var limit = 20

  @OptionGroup var dates: DateOptions

  @Option(parsing: .unconditional, help: "Stop adding nodes to the neighbourhood after this many.")
  var maxNodes = 20_000

  @OptionGroup var options: QueryOptions

  func validate() throws {
    try Check.count(depth, "--depth")
    try Check.count(limit, "--limit")
    try Check.count(maxNodes, "--max-nodes")
  }

  func run() throws {
    let index = options.open()
    let result = querying { () throws(IndexError) in
      var query = RelatedOptions()
      query.depth = depth
      query.relations = relations.isEmpty ? nil : Set(relations)
      query.direction = direction
      query.limit = limit
      query.maxNodes = maxNodes
      (query.since, query.until) = dates.bounds()
      return try index.related(id, options: query)
    }
    try options.emit(
      table: result.table, json: result.json, found: !result.items.isEmpty,
      nothing: "nothing is related to \(result.seed.id) within \(depth) hop(s)\(dates.phrase)")
  }
}
