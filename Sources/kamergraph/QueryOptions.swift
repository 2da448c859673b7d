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

  /// Opens the index; a missing file is an error, not a new empty index.
  func open() -> GraphIndex {
    let path = IndexLocation.resolve(index)
    guard FileManager.default.fileExists(atPath: path) else {
      fail("There is no index at \(path). Run `kamergraph build` first, or pass --index FILE.")
    }
    return querying { () throws(IndexError) in try GraphIndex(path: path) }
  }

  /// Prints `table` or `json` (followed by a newline).
  func emit(table: String, json text: String) {
    if json { print(text) } else { print(table, terminator: "") }
  }
}

/// Runs a library call; an `IndexError` is printed on stderr and ends the command with exit code 1.
func querying<T>(_ body: () throws(IndexError) -> T) -> T {
  do {
    return try body()
  } catch {
    fail(error.description)
  }
}
