import ArgumentParser
import KamerGraph

/// `kamergraph unresolved`.
struct UnresolvedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unresolved",
    abstract:
      "Mentions that did not resolve to one document (unresolved or ambiguous), with the reason, and identity conflicts (an id two documents claim) with their files."
  )

  @OptionGroup var options: QueryOptions

  func run() throws {
    let index = options.open()
    let mentions = querying { () throws(IndexError) in try index.unresolved() }
    let conflicts = querying { () throws(IndexError) in try index.identityConflicts() }
    options.emit(
      table: unresolvedTable(mentions, conflicts: conflicts), json: unresolvedJSON(mentions, conflicts: conflicts))
  }
}
