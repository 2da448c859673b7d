/// Everything that can go wrong with the SQLite index and the queries asked of it.
public enum IndexError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The index file could not be opened, created or migrated; check the path and its permissions.
  case cannotOpen(path: String, reason: String)
  /// Reading from the index failed; the file may be damaged: rebuild it with `kamergraph build`.
  case readFailed(path: String, reason: String)
  /// Writing to the index failed; the previous contents are kept (the write was one transaction).
  case writeFailed(path: String, reason: String)
  /// The graph handed to `commit` has an edge or mention whose node is missing; fix the resolver.
  case inconsistentGraph(path: String, reason: String)
  /// A cached file row could not be decoded; rebuild the index.
  case corruptRow(path: String, file: String, reason: String)
  /// The id given on the command line names no node; `suggestions` are the nearest known ids.
  case unknownID(path: String, id: String, suggestions: [String])
  /// A query argument is out of range or malformed (a bad date, a depth below 1).
  case invalidArgument(name: String, value: String, reason: String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "Cannot open the index \(path): \(reason)."
    case .readFailed(let path, let reason):
      return "Cannot read the index \(path): \(reason). Rebuild it with `kamergraph build`."
    case .writeFailed(let path, let reason):
      return "Cannot write the index \(path): \(reason). The previous index is kept."
    case .inconsistentGraph(let path, let reason):
      return "The graph to store in \(path) is inconsistent: \(reason). Nothing was written."
    case .corruptRow(let path, let file, let reason):
      return "The index \(path) holds a damaged entry for \(file): \(reason). Rebuild the index."
    case .unknownID(let path, let id, let suggestions):
      let hint = suggestions.isEmpty ? "" : " Did you mean: " + suggestions.joined(separator: ", ") + "?"
      return "The index \(path) has no node or alias \"\(id)\".\(hint)"
    case .invalidArgument(let name, let value, let reason):
      return "The value \"\(value)\" of \(name) is not usable: \(reason)."
    }
  }
}
