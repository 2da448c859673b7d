import KamerGraph

/// The fuzz targets of KamerGraph: one function per target that runs library code on arbitrary
/// bytes and checks its invariants.
///
/// The libFuzzer executable (`kamergraph-fuzz`, built with `-DFUZZING`) calls `check` and traps on a
/// violation; the replay tool and the regression tests call the same function on saved inputs, so a
/// reproducer found by the fuzzer fails a plain `swift test` the same way.
public enum FuzzHarness {
  /// An invariant that a target found broken on one input.
  public struct Violation: Error, CustomStringConvertible, Sendable, Equatable {
    /// The target that ran.
    public var target: String
    /// What was wrong, as a sentence.
    public var problem: String

    /// A violation of `target`'s invariants.
    public init(target: String, problem: String) {
      self.target = target
      self.problem = problem
    }

    /// A sentence naming the target and the broken invariant.
    public var description: String { "Fuzz target '\(target)': \(problem)" }
  }

  /// The names of all targets, sorted.
  public static var targets: [String] { (["extract"] + readerTargets).sorted() }

  /// Runs target `name` on `bytes` and returns the broken invariants (empty when all hold).
  /// Returns a single violation for an unknown target name.
  public static func check(_ name: String, _ bytes: [UInt8]) -> [Violation] {
    switch name {
    case "extract": return checkExtract(bytes).map { Violation(target: name, problem: $0) }
    default:
      if let problems = checkReader(name, bytes) { return problems.map { Violation(target: name, problem: $0) } }
      let known = targets.joined(separator: ", ")
      return [Violation(target: name, problem: "there is no such target (known: \(known)).")]
    }
  }

  // MARK: extract

  /// The extractor over arbitrary bytes (decoded as UTF-8 with replacement, as the readers do for
  /// invalid input): every span lies inside the text and its bytes decode to `Mention.text`,
  /// line/column point at the start, mentions come sorted by (start, end, kind), ids have the
  /// shape of their mention's kind and unresolved mentions carry no id but a reason.
  /// The same mentions must also come out of `Extractor.streamMentions`, in pieces of two.
  static func checkExtract(_ bytes: [UInt8]) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self)
    let mentions = Extractor().mentions(in: text)
    var problems = checkMentions(mentions, in: text)
    var streamed: [Mention] = []
    Extractor().streamMentions(in: Document(path: "fuzz.txt", format: .plainText, text: text), chunk: 2) {
      streamed.append(contentsOf: $0)
    }
    if streamed != mentions {
      problems.append("streamed in pieces: \(streamed.count) mentions, whole: \(mentions.count), or a different order")
    }
    return problems
  }

  /// The span and order invariants of `mentions` found in `text` (at most a few problems, so a
  /// bad input does not produce megabytes of report).
  static func checkMentions(_ mentions: [Mention], in text: String) -> [String] {
    let utf8 = Array(text.utf8)
    var problems: [String] = []
    var line = 1
    var lineStart = 0
    var pos = 0
    var previous: Mention?
    for m in mentions {
      if problems.count >= 5 { break }
      guard m.start >= 0, m.start <= m.end, m.end <= utf8.count else {
        problems.append("span \(m.start)..<\(m.end) lies outside the text of \(utf8.count) bytes.")
        continue
      }
      let slice = String(decoding: utf8[m.start..<m.end], as: UTF8.self)
      if slice != m.text {
        problems.append("span \(m.start)..<\(m.end) is \(slice.debugDescription), not \(m.text.debugDescription).")
      }
      if let p = previous, (p.start, p.end, p.kind.rawValue) > (m.start, m.end, m.kind.rawValue) {
        problems.append("mention at \(m.start)..<\(m.end) comes after one at \(p.start)..<\(p.end): not sorted.")
      }
      if let p = previous, p.start > m.start {
        // Unsorted: restart the line walk so the line check below stays meaningful.
        line = 1
        lineStart = 0
        pos = 0
      }
      while pos < m.start {
        if utf8[pos] == 0x0A {
          line += 1
          lineStart = pos + 1
        }
        pos += 1
      }
      if m.line != line || m.column != m.start - lineStart + 1 {
        problems.append(
          "mention at byte \(m.start) says line \(m.line) column \(m.column), the text says line \(line) column "
            + "\(m.start - lineStart + 1).")
      }
      if m.status == .unresolved && (!m.ids.isEmpty || m.reason == nil) {
        problems.append("unresolved mention at \(m.start) has ids \(m.ids) or no reason.")
      }
      for id in m.ids where m.kind != .url && ReferenceKind.of(id: id) != m.kind {
        problems.append("id \(id.debugDescription) of a \(m.kind.rawValue) mention has the shape of another kind.")
      }
      previous = m
    }
    return problems
  }
}
