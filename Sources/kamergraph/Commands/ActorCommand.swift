import ArgumentParser
import KamerGraph

/// `kamergraph actor NAME`.
struct ActorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actor",
    abstract: "A person's, party's or ministry's documents over time: questions asked, letters signed, mentions.",
    discussion: """
      NAME is an id or a name without its prefix: "Van Houwelingen", FVD, DEF, palantir. A party \
      lists its members' documents too. For a person or party, one line per ministry their written \
      questions went to (questions, answered, open, median days to answer); for a ministry, the \
      questions it received. Exit status 1 when the actor has no documents.
      """)

  @Argument(help: "The actor: id or name.")
  var name: String

  @OptionGroup var dates: DateOptions

  @OptionGroup var options: QueryOptions

  func run() throws {
    let index = options.open()
    let (since, until) = dates.bounds()
    let result = querying { () throws(IndexError) in try index.actor(name, since: since, until: until) }
    try options.emit(
      table: result.table, json: result.json, found: !result.entries.isEmpty,
      nothing: "\(result.actor.id) is linked to no document\(dates.phrase)")
  }
}
