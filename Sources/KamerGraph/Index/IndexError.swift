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
  /// There is no index file at `path` (queries never create one).
  case missing(path: String)
  /// The file is not a KamerGraph index (another program's database, a text file, 0 bytes); it is
  /// never written to.
  case notAnIndex(path: String, reason: String)
  /// The index was written with a schema this version does not know (`found`: its version or
  /// migration steps; `tool`: what wrote it, when recorded).
  case newerSchema(path: String, found: String, tool: String?, supported: Int)
  /// The index has an older schema; a build migrates it.
  case olderSchema(path: String, found: Int, supported: Int)
  /// SQLite says the file is damaged.
  case damaged(path: String, reason: String)
  /// Another build holds the index's write lock (`pid`, when known) and did not finish in time.
  case locked(path: String, pid: Int32?)
  /// The first build of the index (process `pid`) has not committed a graph yet.
  case beingBuilt(path: String, pid: Int32)
  /// The index has its tables but no graph was ever committed (the first build did not finish).
  case noGraph(path: String)
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
    case .missing(let path):
      return "There is no index at \(path). Run `kamergraph build` first, or pass --index FILE."
    case .notAnIndex(let path, let reason):
      return "\(path) is not a KamerGraph index: \(reason). It was left untouched; pass --index with the "
        + "index that `kamergraph build` wrote, or a new file name."
    case .newerSchema(let path, let found, let tool, let supported):
      let by = tool.map { ", written by \($0)" } ?? ""
      return "The index \(path) has schema version \(found)\(by); this kamergraph reads schema version "
        + "\(supported). Use the kamergraph that wrote it, or replace the index with "
        + "`kamergraph build --rebuild --index \(path)`."
    case .olderSchema(let path, let found, let supported):
      return "The index \(path) has schema version \(found); this kamergraph reads schema version \(supported). "
        + "Run `kamergraph build --index \(path)` to bring it up to date."
    case .damaged(let path, let reason):
      return "The index \(path) is damaged (\(reason)). Rebuild it with `kamergraph build --rebuild --index \(path)`."
    case .locked(let path, let pid):
      let who = pid.map { "another build (pid \($0))" } ?? "another process"
      return "The index \(path) is locked by \(who). Wait for it to finish, or pass --index with another file."
    case .beingBuilt(let path, let pid):
      return "The index \(path) is being built (pid \(pid)) and holds no graph yet. Try again when the build has finished."
    case .noGraph(let path):
      return "The index \(path) holds no graph (its first build did not finish). Run `kamergraph build`."
    case .invalidArgument(let name, let value, let reason):
      return "The value \"\(value)\" of \(name) is not usable: \(reason)."
    }
  }
}
