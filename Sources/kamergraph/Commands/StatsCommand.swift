import ArgumentParser
import KamerGraph

/// `kamergraph stats`.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Counts of files, nodes by kind and status, edges by relation and mentions by status.")

  @OptionGroup var options: QueryOptions

  func run() throws {
    let index = options.open()
    let stats = querying { () throws(IndexError) in try index.stats() }
    options.emit(table: stats.table, json: stats.json)
  }
}
