import KamerGraph

/// The fuzz targets by name. The libFuzzer entry point and the replay tool both dispatch here;
/// the target is chosen with the environment variable `KAMERGRAPH_FUZZ_TARGET`.
enum FuzzTargets {
  static let all: [String: @Sendable ([UInt8]) -> Void] = [
    "extract": { bytes in
      let text = String(decoding: bytes, as: UTF8.self)
      let mentions = Extractor().mentions(in: text)
      let utf8 = Array(text.utf8)
      for m in mentions {
        precondition(m.start >= 0 && m.start <= m.end && m.end <= utf8.count, "span out of range")
        precondition(String(decoding: utf8[m.start..<m.end], as: UTF8.self) == m.text, "span does not match text")
      }
    }
  ]
}

#if FUZZING
import Foundation

extension FuzzTargets {
  /// The target chosen by KAMERGRAPH_FUZZ_TARGET (default `extract`), looked up once.
  static let current: @Sendable ([UInt8]) -> Void = {
    let name = ProcessInfo.processInfo.environment["KAMERGRAPH_FUZZ_TARGET"] ?? "extract"
    guard let target = all[name] else { fatalError("unknown fuzz target \(name)") }
    return target
  }()
}
#endif
