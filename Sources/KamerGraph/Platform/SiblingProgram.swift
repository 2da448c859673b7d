import Foundation

/// The programs KamerGraph installs side by side (`kamergraph`, `kamergraph-fetch`): each finds
/// the other in the folder it was started from.
package enum SiblingProgram {
  /// The path of `name` in the folder of the running program (its real path, through
  /// /proc/self/exe, so a symlink on PATH still leads to the build folder).
  package static func path(_ name: String) -> String {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
  }
}
