import ArgumentParser
import KamerGraph

/// `kamergraph unresolved`.
struct UnresolvedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unresolved",
    abstract: "Mentions that did not resolve to one document (unresolved or ambiguous), with the reason.")

  @OptionGroup var options: QueryOptions

  func run() throws {
    let index = options.open()
    let mentions = querying { () throws(IndexError) in try index.unresolved() }
    options.emit(table: unresolvedTable(mentions), json: unresolvedJSON(mentions))
  }
}
