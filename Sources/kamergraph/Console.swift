import ArgumentParser
import Foundation

/// The exit codes every command follows (the README's table):
/// 0 done; 1 nothing found (like grep); 2 some input files could not be read (the graph of the
/// others is written); 3 runtime failure (index locked or damaged, output not writable, nothing to
/// read); 64 usage error (bad option or argument, the only case that prints the usage).
enum ExitStatus {
  static let done: Int32 = 0
  static let nothingFound: Int32 = 1
  static let someInputsFailed: Int32 = 2
  static let runtime: Int32 = 3
  static let usage: Int32 = 64
}

/// How much the commands say besides their results: `--quiet` leaves only results and errors,
/// `--verbose` adds every skipped file and note. Set once, from the command line, before `run`.
enum Verbosity: Int, Comparable, Sendable {
  case quiet, normal, verbose

  static func < (a: Verbosity, b: Verbosity) -> Bool { a.rawValue < b.rawValue }

  nonisolated(unsafe) static var current: Verbosity = .normal
}

/// `--quiet` and `--verbose`, for the commands that say more than their results.
struct ConsoleOptions: ParsableArguments {
  @Flag(name: [.short, .long], help: "Print only results and errors (no summary, no \"wrote\" lines).")
  var quiet = false

  @Flag(name: [.short, .long], help: "Also list every skipped file and every note.")
  var verbose = false

  func validate() throws {
    if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together; choose one.") }
    Verbosity.current = quiet ? .quiet : verbose ? .verbose : .normal
  }
}

/// A runtime failure: one sentence naming the file and the fix, printed as
/// `kamergraph: error: <message>` on stderr (never with the usage), exit `code`.
struct RuntimeError: Error, CustomStringConvertible {
  var message: String
  var code: Int32 = ExitStatus.runtime

  init(_ message: String, code: Int32 = ExitStatus.runtime) {
    self.message = message
    self.code = code
  }

  var description: String { message }
}

/// "Nothing found" (exit 1): the message goes to stderr as a plain line, as grep says nothing.
struct NothingFound: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// The one line every error is printed as: `kamergraph: error: <sentence>`; the sentence ends with
/// exactly one full stop (library messages that already end in one keep it).
func errorLine(_ message: String) -> String {
  var text = oneStyle(message.trimmingCharacters(in: .whitespacesAndNewlines))
  while text.hasSuffix("..") { text.removeLast() }
  if let last = text.last, !".?!)\"`".contains(last) { text += "." }
  return "kamergraph: error: " + text
}

/// The words that open a sentence of the library's messages (`IndexError`: "The index X has no
/// node or alias "y". Did you mean: z?").
private let sentenceOpeners = [
  "The ", "There ", "Cannot ", "Rebuild ", "Run ", "Use ", "Wait ", "Try ", "Did you mean", "It was ", "Nothing ",
]

/// A library message in the command line's one style, the fix after a semicolon, lower case
/// after "error:": "the index X has no node or alias "y"; did you mean: z?". Only a full stop
/// before one of `sentenceOpeners` ends a sentence, so "nr. 2790" or a path stays as it is.
func oneStyle(_ message: String) -> String {
  func lowered(_ opener: String) -> String { opener.prefix(1).lowercased() + opener.dropFirst() }
  var text = message
  if let opener = sentenceOpeners.first(where: { text.hasPrefix($0) }) {
    text = lowered(opener) + text.dropFirst(opener.count)
  }
  for opener in sentenceOpeners {
    text = text.replacingOccurrences(of: ". " + opener, with: "; " + lowered(opener))
  }
  return text
}

/// Writes a message and a line break to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Says `message` on stderr unless `--quiet` (progress and "wrote" lines: stdout keeps results).
func say(_ message: String) {
  if Verbosity.current > .quiet { printError("kamergraph: " + message) }
}

/// Prints the error line on stderr and exits with `code` (a runtime failure unless told).
func fail(_ message: String, code: Int32 = ExitStatus.runtime) -> Never {
  printError(errorLine(message))
  Foundation.exit(code)
}

/// The folder part of `path`, as NSString's `deletingLastPathComponent` gives it (`a/b` -> `a`,
/// `b` -> ``, `/b` -> `/`), on the string itself: that method stops the program with "Illegal
/// instruction" on a one-character path in swift-corelibs-foundation (`build y`, `export
/// --output q` crashed).
func parentPath(_ path: String) -> String {
  var p = Substring(path)
  while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
  guard let slash = p.lastIndex(of: "/") else { return "" }
  if slash == p.startIndex { return "/" }
  var parent = p[..<slash]
  while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
  return String(parent)
}

/// The last part of `path` (`a/b/` -> `b`).
func lastPathComponent(_ path: String) -> String {
  var p = Substring(path)
  while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
  guard let slash = p.lastIndex(of: "/"), p.count > 1 else { return String(p) }
  return String(p[p.index(after: slash)...])
}

/// "PATH does not exist, CONSEQUENCE; did you mean P?", with the nearest name in its folder.
func missingPathMessage(_ path: String, _ consequence: String) -> String {
  let parent = parentPath(path)
  let folder = parent.isEmpty ? "." : parent
  let base = lastPathComponent(path)
  let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
  let near = nearestCommand(to: base, among: entries.map { $0.lowercased() }).flatMap { lower in
    entries.first { $0.lowercased() == lower }
  }
  let suggestion = near.map { "did you mean \(joinPath(parent, $0))?" } ?? "check the path"
  return "\(path) does not exist, \(consequence); \(suggestion)"
}

/// `name` in `folder` (`""` is the current folder).
func joinPath(_ folder: String, _ name: String) -> String {
  folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

/// An error from Foundation (a file that cannot be written, a folder that is a file) as one
/// sentence naming `path`, without the NSCocoaErrorDomain text.
func fileProblem(_ error: Error, path: String, doing action: String) -> String {
  var isDir: ObjCBool = false
  let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
  let parent = parentPath(path)
  var parentIsDir: ObjCBool = false
  let parentExists = parent.isEmpty || FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDir)
  if !parentExists {
    return "cannot \(action) \(path): the folder \(parent) does not exist; create it or choose another path"
  }
  if !parent.isEmpty && !parentIsDir.boolValue {
    return "cannot \(action) \(path): \(parent) is a file, not a folder; choose another path"
  }
  if exists && isDir.boolValue && action.hasPrefix("write") {
    return "cannot \(action) \(path): it is a folder; give a file name"
  }
  let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
  let reason = posix.map { String(cString: strerror(Int32($0.code))).lowercased() } ?? "permission denied or disk full"
  return "cannot \(action) \(path): \(reason); check the path and its permissions"
}

/// Subcommand names, for the did-you-mean of a mistyped one.
func nearestCommand(to word: String, among names: [String]) -> String? {
  // Optimal string alignment: a swap of two neighbours ("bulid") counts as one edit.
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }
  let w = Array(word.lowercased())
  let scored = names.map { ($0, distance(w, Array($0))) }.filter { $0.1 <= max(1, min(2, w.count / 3)) }
  if let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) { return best.0 }
  return names.first { $0.hasPrefix(word.lowercased()) && word.count >= 3 }
}
