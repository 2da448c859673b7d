import Foundation
import ArgumentParser
import KamerGraph

/// `kamergraph show ID`.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a node with its aliases, attributes and every edge with its evidence.",
    discussion: "ID may be any alias: 2025Z14549, kv-tk-2025Z14549, kenmerk:MINDEF20250032172, MINDEF20250032172.")

  @Argument(help: "The node id or any of its aliases.")
  var id: String

  @OptionGroup var options: QueryOptions

  func run() throws {
    let index = options.open()
    let result = querying { () throws(IndexError) in try index.show(id) }
    options.emit(table: result.table, json: result.json)
  }
}
