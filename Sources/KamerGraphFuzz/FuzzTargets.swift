import KamerGraphHarness

/// The fuzz targets by name. The libFuzzer entry point and the replay tool both dispatch to
/// `FuzzHarness` in the library, which the regression tests call too.
enum FuzzTargets {
  /// Runs `target` on `bytes`; on a broken invariant prints it and traps, so libFuzzer saves the
  /// input as a crash.
  static func run(_ target: String, _ bytes: [UInt8]) {
    let violations = FuzzHarness.check(target, bytes)
    if let first = violations.first {
      for v in violations { print(v) }
      fatalError(first.description)
    }
  }
}

#if FUZZING
import Foundation

extension FuzzTargets {
  /// The target chosen by KAMERGRAPH_FUZZ_TARGET (default `extract`), checked once.
  static let current: String = {
    let name = ProcessInfo.processInfo.environment["KAMERGRAPH_FUZZ_TARGET"] ?? "extract"
    guard FuzzHarness.targets.contains(name) else {
      fatalError("unknown fuzz target \(name) (known: \(FuzzHarness.targets.joined(separator: ", ")))")
    }
    return name
  }()
}
#endif
