#if FUZZING
import KamerGraph

/// libFuzzer's entry point: runs the target named by KAMERGRAPH_FUZZ_TARGET on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  FuzzTargets.current(bytes)
  return 0
}
#else
import Foundation

/// Without libFuzzer: replays saved inputs (crash reproducers, seeds) through a target.
///   kamergraph-fuzz TARGET FILE...
@main
struct FuzzReplay {
  static func main() throws {
    let args = CommandLine.arguments.dropFirst()
    guard let name = args.first, let target = FuzzTargets.all[name] else {
      let names = FuzzTargets.all.keys.sorted().joined(separator: ", ")
      FileHandle.standardError.write(Data("usage: kamergraph-fuzz TARGET FILE... (targets: \(names))\n".utf8))
      exit(1)
    }
    for file in args.dropFirst() {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
      target(bytes)
      print("ok \(name) \(file)")
    }
  }
}
#endif
