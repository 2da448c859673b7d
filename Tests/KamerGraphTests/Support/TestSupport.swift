import Foundation
import Testing

/// Paths in the repository, found from this file's location so tests run from any folder.
enum Repo {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // KamerGraphTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repo

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static func read(_ relative: String) throws -> String {
    try String(contentsOfFile: path(relative), encoding: .utf8)
  }
}

/// True when running in CI (`CI=true`): a missing external validator is then a failure.
let runningInCI = ProcessInfo.processInfo.environment["CI"] == "true"

/// The result of running an external program.
struct ToolRun {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs external validators (xmllint, dot, python3 with networkx/igraph).
enum ExternalTool {
  /// The full path of `name` on PATH, or nil.
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs `name` with `arguments`. Returns nil when the tool is missing outside CI (and records
  /// why); in CI a missing tool is a test failure.
  static func run(
    _ name: String, _ arguments: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ToolRun? {
    guard let exe = find(name) else {
      if runningInCI {
        Issue.record("\(name) is not installed; .ci/run must install it", sourceLocation: sourceLocation)
      } else {
        print("note: \(name) is not installed here; skipping this validation (CI installs it)")
      }
      return nil
    }
    // Output goes to temporary files, so a large output can never block the child on a full pipe.
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("stdout")
    let errURL = dir.appendingPathComponent("stderr")
    let inURL = dir.appendingPathComponent("stdin")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    FileManager.default.createFile(atPath: inURL.path, contents: Data((stdin ?? "").utf8))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: exe)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    try process.run()
    process.waitUntilExit()
    return ToolRun(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
  }

  /// Runs a Python snippet with `python3`, after checking that `modules` import. Returns nil
  /// (noted, or a failure in CI) when python3 or a module is missing.
  static func python(
    _ code: String, modules: [String], arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ToolRun? {
    let probe = modules.map { "import \($0)" }.joined(separator: "; ")
    guard let check = try run("python3", ["-c", probe], sourceLocation: sourceLocation) else { return nil }
    if check.status != 0 {
      if runningInCI {
        Issue.record("python modules \(modules) are missing; .ci/run must pip install them", sourceLocation: sourceLocation)
      } else {
        print("note: python modules \(modules) are missing here; skipping this validation (CI installs them)")
      }
      return nil
    }
    return try run("python3", ["-c", code] + arguments, sourceLocation: sourceLocation)
  }

  /// A fresh temporary folder.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kamergraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
