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
    guard FileManager.default.fileExists(atPath: path) else {
      fail("there is no index at \(path); run `kamergraph build` first, or pass --index FILE")
    }
    return querying { () throws(IndexError) in try GraphIndex(path: path, access: .read) }
  }

  /// Prints `table` or `json` (followed by a newline).
  func emit(table: String, json text: String) {
    if json { print(text) } else { print(table, terminator: "") }
  }

  /// Prints a listing; when it is empty, the JSON still (with its empty list) but instead of an
  /// empty table one line on stderr, and the command ends with exit 1 ("nothing found", like grep).
  func emit(table: String, json text: String, found: Bool, nothing: @autoclosure () -> String) throws {
    if json {
      print(text)
    } else if found {
      print(table, terminator: "")
    }
    if !found { throw NothingFound(json ? "" : nothing()) }
  }
}

/// `--since` / `--until`, on every query that lists documents.
struct DateOptions: ParsableArguments {
  @Option(help: "Leave out documents dated before this date (YYYY, YYYY-MM or YYYY-MM-DD).")
  var since: String?

  @Option(help: "Leave out documents dated after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
  var until: String?

  init() {}

  /// Real calendar dates, and `--since` not after `--until` (a usage error, exit 64).
  func validate() throws {
    try Check.dates(since: since, until: until)
  }

  /// The bounds; a malformed date is a usage error (exit 64).
  func bounds() -> (since: DateBound?, until: DateBound?) {
    querying { () throws(IndexError) in
      (
        try since.map { s throws(IndexError) in try DateBound(s, option: "--since") },
        try until.map { s throws(IndexError) in try DateBound(s, option: "--until") }
      )
    }
  }

  /// Words for a message: " dated 2025-01 ... 2025-12", or "" without bounds.
  var phrase: String {
    switch (since, until) {
    case (nil, nil): return ""
    case (let s?, nil): return " dated from \(s)"
    case (nil, let u?): return " dated until \(u)"
    case (let s?, let u?): return " dated \(s) to \(u)"
    }
  }
}

/// Runs a library call; an `IndexError` is printed on stderr as one error line and ends the
/// command with its exit status (`exitStatus(for:)`).
func querying<T>(_ body: () throws(IndexError) -> T) -> T {
  do {
    return try body()
  } catch {
    var message = error.description
    // An id with nothing near it still gets a way on: a search for it.
    if case .unknownID(_, let id, let suggestions) = error, suggestions.isEmpty {
      message += " Try `kamergraph search '\(id.replacingOccurrences(of: "'", with: ""))'` to find it by its words"
    }
    fail(message, code: exitStatus(for: error))
  }
}
