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

/// Hands a graph from the thread that resolves it to the thread that commits it.
final class HandOver: @unchecked Sendable {
  private let ready = DispatchSemaphore(value: 0)
  private var graph = CitationGraph()

  private var releasing = false

  /// `releasing`: the documents were let go, so freed memory is handed back to the system once
  /// the files are written too (before the graph is stored).
  func give(_ graph: CitationGraph, releasing: Bool) {
    self.graph = graph
    self.releasing = releasing
    ready.signal()
  }

  /// Blocks until `give` was called.
  func wait() -> CitationGraph {
    ready.wait()
    if releasing { FreedMemory.release() }
    return graph
  }
}
