#if FUZZING
import KamerGraphHarness

/// libFuzzer's entry point: runs the target named by KAMERGRAPH_FUZZ_TARGET on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  FuzzTargets.run(FuzzTargets.current, bytes)
  return 0
}
#else
import Foundation
import KamerGraphHarness

/// Without libFuzzer: replays saved inputs (crash reproducers, seeds) through a target.
///   kamergraph-fuzz TARGET FILE...     (a FILE that is a folder replays every file in it)
///   kamergraph-fuzz --list             (prints the target names)
@main
struct FuzzReplay {
  static func main() throws {
    let args = Array(CommandLine.arguments.dropFirst())
    if args == ["--list"] {
      for name in FuzzHarness.targets { print(name) }
      return
    }
    guard let name = args.first, FuzzHarness.targets.contains(name) else {
      let names = FuzzHarness.targets.joined(separator: ", ")
      FileHandle.standardError.write(Data("usage: kamergraph-fuzz TARGET FILE... | --list (targets: \(names))\n".utf8))
      exit(1)
    }
    var failed = 0
    for file in try expand(args.dropFirst()) {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
      let violations = FuzzHarness.check(name, bytes)
      if violations.isEmpty {
        print("ok \(name) \(file)")
      } else {
        failed += 1
        for v in violations { print("FAIL \(file): \(v)") }
      }
    }
    if failed > 0 { exit(2) }
  }

  /// Files as given, with folders replaced by their files (sorted, not recursive).
  static func expand(_ paths: ArraySlice<String>) throws -> [String] {
    var files: [String] = []
    for path in paths {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
        for entry in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where !entry.hasPrefix(".") {
          files.append((path as NSString).appendingPathComponent(entry))
        }
      } else {
        files.append(path)
      }
    }
    return files
  }
}
#endif
