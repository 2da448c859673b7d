import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Where the time of a build went, for `build --verbose`: the wall-clock seconds of each stage in
/// the order the stages started (a stage on the index's own thread runs beside the others), and
/// the process's CPU time and peak memory when the build ended. Not part of any output file.
public struct BuildTimings: Sendable, Equatable {
  /// One stage and its wall-clock seconds.
  public struct Stage: Sendable, Equatable {
    public var name: String
    public var seconds: Double
    /// CPU seconds the whole process used meanwhile (all threads, so also what ran beside it):
    /// on a loaded machine a better measure of the work than the wall-clock seconds.
    public var cpuSeconds: Double
    /// The process's peak resident memory when the stage ended: the stage that raises it is the
    /// one that set the peak.
    public var peakBytes: Int
    /// True for a stage on the index's thread, which runs while the stages beside it run.
    public var beside: Bool
  }

  public var stages: [Stage] = []
  /// Wall-clock seconds from the start of the build to its end.
  public var wall: Double = 0
  /// CPU seconds of the whole process so far (user and system), and its peak resident memory.
  public var userSeconds: Double = 0
  public var systemSeconds: Double = 0
  public var peakBytes: Int = 0

  public init() {}

  /// The stage of the index's whole commit, on its own thread: always listed by `--verbose`, even
  /// when shorter than the shortest stage shown, so that a reader sees the index was written.
  public static let indexCommit = "index commit (beside)"
}

/// Measures the stages of one build; stages may be measured from several threads.
final class StageClock: Sendable {
  private let start = ContinuousClock.now
  private let stages = Mutex<[BuildTimings.Stage]>([])

  /// `body`, its wall-clock time recorded as stage `name`.
  func measure<T, E: Error>(_ name: String, beside: Bool = false, _ body: () throws(E) -> T) throws(E) -> T {
    let begin = ContinuousClock.now
    let cpu = Self.cpu()
    defer { record(name, seconds: Self.seconds(ContinuousClock.now - begin), cpu: Self.cpu() - cpu, beside: beside) }
    return try body()
  }

  /// Records a stage measured by the caller (`since`: `ContinuousClock.now` and `StageClock.cpu()`
  /// when it began).
  func record(_ name: String, since: (ContinuousClock.Instant, Double), beside: Bool = false) {
    record(name, seconds: Self.seconds(ContinuousClock.now - since.0), cpu: Self.cpu() - since.1, beside: beside)
  }

  private func record(_ name: String, seconds: Double, cpu: Double, beside: Bool) {
    stages.withLock {
      $0.append(
        BuildTimings.Stage(name: name, seconds: seconds, cpuSeconds: cpu, peakBytes: Self.peak(), beside: beside))
    }
  }

  /// The start of a stage for `record(_:since:)`.
  static func now() -> (ContinuousClock.Instant, Double) { (ContinuousClock.now, cpu()) }

  /// The peak resident memory of the process so far, in bytes.
  static func peak() -> Int {
    #if canImport(Glibc)
      var usage = rusage()
      guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
      return usage.ru_maxrss * 1024  // kilobytes on Linux
    #else
      return 0
    #endif
  }

  /// CPU seconds (user and system) of the process so far.
  static func cpu() -> Double {
    #if canImport(Glibc)
      var usage = rusage()
      guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
      return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    #else
      return 0
    #endif
  }

  /// The stages so far, with the process's CPU time and peak memory now.
  func timings() -> BuildTimings {
    var t = BuildTimings()
    t.stages = stages.withLock { $0 }
    t.wall = Self.seconds(ContinuousClock.now - start)
    #if canImport(Glibc)
      var usage = rusage()
      if getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 {
        t.userSeconds = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        t.systemSeconds = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        t.peakBytes = usage.ru_maxrss * 1024  // kilobytes on Linux
      }
    #endif
    return t
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }
}
