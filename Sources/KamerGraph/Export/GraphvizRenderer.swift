import Dispatch
import Foundation

/// Draws DOT text as SVG or PNG with the Graphviz `dot` program, when it is installed.
public enum GraphvizRenderer {
  /// The output formats `render` accepts.
  public static let formats = ["svg", "png", "pdf"]

  /// The Graphviz layout programs `render` can use: `dot` (layered, the default), `sfdp`
  /// (force-directed, multilevel) and the other Graphviz layouts.
  public static let engines = ["dot", "sfdp", "neato", "fdp", "twopi", "circo"]

  /// The full path of `dot` on PATH, or nil.
  public static func dotExecutable(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
    executable("dot", path: path)
  }

  /// The full path of the Graphviz program `engine` on PATH, or nil.
  public static func executable(_ engine: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
    for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(dir)/\(engine)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs `dot -Tsvg` or `dot -Tpng` on `dot` and returns the picture. Throws `.graphvizMissing`
  /// (whose description says how to install Graphviz) when `dot` is not on PATH.
  /// With `engine` another Graphviz layout program draws it (`sfdp`, `neato`, ...); with
  /// `timeLimit` (seconds) the program is stopped after that long and `.graphvizTimedOut` thrown.
  public static func render(
    dot: [UInt8], format: String, engine: String = "dot", timeLimit: Double? = nil
  ) throws(ExportError) -> [UInt8] {
    guard formats.contains(format) else { throw .unsupportedRenderFormat(format) }
    guard engines.contains(engine) else { throw .unsupportedEngine(engine) }
    guard let exe = executable(engine) else { throw .graphvizMissing }
    // Files rather than pipes, so a large picture can never block `dot` on a full pipe.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kamergraph-render-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("graph.dot")
    let output = dir.appendingPathComponent("graph.\(format)")
    let errors = dir.appendingPathComponent("stderr")
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try Data(dot).write(to: input)
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    } catch {
      throw .io(path: dir.path, reason: "\(error)")
    }
    let process = Process()
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    process.executableURL = URL(fileURLWithPath: exe)
    process.arguments = ["-T\(format)", input.path, "-o", output.path]
    do {
      process.standardError = try FileHandle(forWritingTo: errors)
      process.standardOutput = FileHandle.nullDevice
      try process.run()
    } catch {
      throw .io(path: exe, reason: "\(error)")
    }
    if let timeLimit {
      if finished.wait(timeout: .now() + timeLimit) == .timedOut {
        process.terminate()
        process.waitUntilExit()
        throw .graphvizTimedOut(engine: engine, seconds: timeLimit)
      }
    }
    process.waitUntilExit()
    let message = ((try? String(contentsOf: errors, encoding: .utf8)) ?? "").trimmingCharacters(
      in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0 else {
      throw .graphvizFailed(status: process.terminationStatus, message: message.isEmpty ? "no message" : message)
    }
    do {
      return [UInt8](try Data(contentsOf: output))
    } catch {
      throw .io(path: output.path, reason: "\(error)")
    }
  }
}
