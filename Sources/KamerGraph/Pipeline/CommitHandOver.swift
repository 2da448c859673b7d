import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The changed files, handed to the committing thread so that it alone holds them (and their
/// texts), and can let them go once they are written.
final class FileBatch: @unchecked Sendable {
  private var files: [IndexedFile]?
  init(_ files: [IndexedFile]) { self.files = files }
  /// The files; called once.
  func take() -> [IndexedFile] {
    defer { files = nil }
    return files ?? []
  }
}

/// Hands a resolution from the thread that resolves it to the thread that commits it.
final class HandOver: @unchecked Sendable {
  private let ready = DispatchSemaphore(value: 0)
  private var graph = CitationGraph()
  private var sums: GraphIndex.GraphSums?
  /// The resolution's conflicts; read after `wait()` returned.
  private(set) var conflicts: [IdentityConflict] = []

  private var releasing = false

  /// `releasing`: the documents were let go, so freed memory is handed back to the system once
  /// the files are written too (before the graph is stored).
  func give(_ resolution: Resolution, sums: GraphIndex.GraphSums?, releasing: Bool) {
    graph = resolution.graph
    self.sums = sums
    conflicts = resolution.conflicts
    self.releasing = releasing
    ready.signal()
  }

  /// Blocks until `give` was called.
  func wait() -> (graph: CitationGraph, sums: GraphIndex.GraphSums?) {
    ready.wait()
    if releasing { FreedMemory.release() }
    // Given away, not kept: the committing thread lets the mentions go once they are stored.
    defer { graph = CitationGraph() }
    return (graph, sums)
  }
}

/// An index commit running on a thread of its own (see `BuildPipeline.start`).
final class IndexCommit: @unchecked Sendable {  // the group and the mutex are safe to share
  private let done = DispatchGroup()
  private let failure = Mutex<IndexError?>(nil)

  /// Nothing to wait for (a build without an index).
  static let none = IndexCommit()

  private init() {}

  /// Runs `body` on another thread now.
  init(_ body: @escaping @Sendable () throws(IndexError) -> Void) {
    DispatchQueue.global().async(group: done) {
      do throws(IndexError) { try body() } catch { self.failure.withLock { $0 = error } }
    }
  }

  /// Blocks until the commit is over; throws its error, if any.
  func wait() throws(IndexError) {
    done.wait()
    if let error = failure.withLock({ $0 }) { throw error }
  }
}
