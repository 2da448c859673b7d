import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The changed files of a build, handed from the threads that read them to the committing thread
/// in unit order, whatever order the units are read in (a small reorder buffer: the index's rows
/// do not depend on thread timing), and then what is known once every unit was read. The
/// committing thread alone holds each file once it is taken, and lets it go once it is written.
final class FileStream: @unchecked Sendable {  // the state is only touched under `condition`
  private let condition = NSCondition()
  /// The units given and not taken yet: their file, or nil when they have none to store.
  private var given: [Int: GraphIndex.PackedFile?] = [:]
  /// The next unit to take.
  private var next = 0
  /// How many units from `next` on are given (all of them, without a gap).
  private var ready = 0
  private let units: Int
  /// A unit this many units ahead of the next to take waits in `give`: the files read ahead of
  /// the writer stay few. The next unit never waits, so reading and writing always go on.
  private let ahead: Int
  /// The writer, once it ran out of units, is woken when this many are ready (or the last ones
  /// are): one wake-up per unit cost a context switch each (87,000 at 100k documents).
  private let batch: Int
  private var writerWaits = false
  private var readersWaiting = 0
  private var rest: (removedPaths: [String], inputs: [IndexedInput]?)?
  private var abandoned = false
  private let indexPath: String

  init(units: Int, indexPath: String, ahead: Int = 256) {
    self.units = units
    self.indexPath = indexPath
    self.ahead = max(1, ahead)
    batch = min(32, self.ahead)
  }

  /// Unit `i`'s changed file, or nil when it has none to store; called once for every unit.
  /// Blocks while `i` is too far ahead of the writer.
  func give(_ i: Int, _ file: GraphIndex.PackedFile?) {
    condition.lock()
    defer { condition.unlock() }
    while i >= next + ahead && !abandoned {
      readersWaiting += 1
      condition.wait()
      readersWaiting -= 1
    }
    given[i] = .some(file)
    while next + ready < units, given[next + ready] != nil { ready += 1 }
    if writerWaits && (ready >= batch || next + ready == units) { condition.broadcast() }
  }

  /// The next unit's file in unit order, skipping units without one; nil once every unit was
  /// taken. Blocks until that unit is given; throws when the build was abandoned.
  func take() throws(IndexError) -> GraphIndex.PackedFile? {
    condition.lock()
    defer { condition.unlock() }
    while next < units {
      if ready == 0 {
        writerWaits = true
        while (ready < batch && next + ready < units) && !abandoned { condition.wait() }
        writerWaits = false
      }
      if abandoned { throw stopped }
      let file = given.removeValue(forKey: next)!
      next += 1
      ready -= 1
      if readersWaiting > 0 { condition.broadcast() }
      if let file { return file }
    }
    return nil
  }

  /// Gives what is known once every unit was read: the paths to remove and the inputs.
  func finish(removedPaths: [String], inputs: [IndexedInput]?) {
    condition.lock()
    defer { condition.unlock() }
    rest = (removedPaths, inputs)
    condition.broadcast()
  }

  /// What `finish` gave; blocks until it was called, throws when the build was abandoned.
  func remaining() throws(IndexError) -> (removedPaths: [String], inputs: [IndexedInput]?) {
    condition.lock()
    defer { condition.unlock() }
    while rest == nil && !abandoned { condition.wait() }
    guard let rest, !abandoned else { throw stopped }
    self.rest = nil
    return rest
  }

  /// The build stopped: the commit fails (so nothing is written) and no reader waits any more.
  func abandon() {
    condition.lock()
    defer { condition.unlock() }
    abandoned = true
    given = [:]
    condition.broadcast()
  }

  private var stopped: IndexError {
    .writeFailed(path: indexPath, reason: "the build stopped before every file was read")
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

  /// Runs `body` on another thread now. It is queued before the build's readers, so it starts
  /// first; a reader that waits for it (`FileStream.give`) only waits while it is writing.
  /// (A Foundation `Thread` here corrupted the heap under the test runner's parallel tests.)
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
