/// How a `GraphIndex` is opened.
public enum IndexAccess: Sendable, Equatable {
  /// Queries: read-only, never creates, migrates or switches the file's journal mode; answers
  /// from the last committed state while a build writes.
  case read
  /// Creates the index or migrates an older schema (in one `BEGIN IMMEDIATE` transaction); each
  /// write is its own transaction.
  case write
  /// A build: as `.write`, and the write lock is held from opening until `commit` or `endBuild`,
  /// so two builds of one index run one after the other and never leave it mixed. `rebuild`
  /// replaces the tables of an index of another schema version (never a file that is not an
  /// index). While another build holds the lock, `wait.announce` is called once with that
  /// build's process id (when it is known) and the build waits up to `wait.limit`.
  case build(rebuild: Bool = false, wait: BuildWait = BuildWait())

  public static func == (a: IndexAccess, b: IndexAccess) -> Bool {
    switch (a, b) {
    case (.read, .read), (.write, .write): return true
    case (.build(let x, _), .build(let y, _)): return x == y
    default: return false
    }
  }
}

/// What a build does while another build holds the index's write lock.
public struct BuildWait: Sendable {
  /// How long to wait for the other build before giving up with `IndexError.locked`.
  public var limit: Duration
  /// Called once when the build starts waiting, with the other build's process id (nil: unknown).
  public var announce: @Sendable (Int32?) -> Void

  public init(limit: Duration = .seconds(3600), announce: @escaping @Sendable (Int32?) -> Void = { _ in }) {
    self.limit = limit
    self.announce = announce
  }
}
