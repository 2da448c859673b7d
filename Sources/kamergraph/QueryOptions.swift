import Foundation
import ArgumentParser
import KamerGraph

/// Options every query command shares: where the index is and how to print.
struct QueryOptions: ParsableArguments {
  @Option(name: .long, help: "The index file that `kamergraph build` wrote (default: ./kamergraph.sqlite).")
  var index: String?

  @Flag(name: .long, help: "Print JSON (a stable schema for scripts) instead of a table.")
  var json = false

  init() {}

  init(index: String?) {
    self.index = index
  }

  /// Opens the index read-only; a missing file is an error, not a new empty index.
  func open() -> GraphIndex {
    let path = IndexLocation.resolve(index)
    return querying { () throws(IndexError) in try GraphIndex(path: path, access: .read) }
  }

  /// Prints `table` or `json` (followed by a newline).
  func emit(table: String, json text: String) {
    if json { print(text) } else { print(table, terminator: "") }
  }
}

/// Runs a library call; an `IndexError` is printed on stderr as one error line and ends the
/// command with its exit status (`exitStatus(for:)`).
func querying<T>(_ body: () throws(IndexError) -> T) -> T {
  do {
    return try body()
  } catch {
    fail(error.description, code: exitStatus(for: error))
  }
}
