import Dispatch
import Foundation
import Synchronization
import Testing
@testable import KamerGraph
@testable import KamerGraphHarness

/// Reproducibility and pathological inputs for the extractor: the same bytes give identical
/// mentions on every run and on any number of threads, and inputs built from repeated anchor words
/// cost time linear in their size.
@Suite struct ExtractorRobustnessTests {
  /// The extract seeds (citations table rows, ECLI samples, the Defence letter) as texts.
  static func seedTexts() throws -> [String] {
    try FuzzReplayTests.files("seeds", "extract").map { String(decoding: try FuzzReplayTests.bytes($0), as: UTF8.self) }
  }

  @Test func sameBytesSameMentionsAcrossRuns() throws {
    let texts = try Self.seedTexts()
    #expect(texts.count >= 100)
    let first = texts.map { Extractor().mentions(in: $0) }
    #expect(first.contains { !$0.isEmpty })
    for _ in 0..<3 {
      #expect(texts.map { Extractor().mentions(in: $0) } == first)
    }
    // One text holding all seeds: the same mentions, shifted by each seed's offset.
    let joined = texts.joined(separator: "\n\n")
    #expect(Extractor().mentions(in: joined) == Extractor().mentions(in: joined))
  }

  /// 1 thread against `DispatchQueue.concurrentPerform` over every seed, several rounds.
  @Test func sameMentionsOnOneAndManyThreads() throws {
    let texts = try Self.seedTexts()
    let serial = texts.map { Extractor().mentions(in: $0) }
    let extractor = Extractor()
    for _ in 0..<3 {
      let results = Mutex<[Int: [Mention]]>([:])
      DispatchQueue.concurrentPerform(iterations: texts.count) { i in
        let mentions = extractor.mentions(in: texts[i])
        results.withLock { $0[i] = mentions }
      }
      let parallel = results.withLock { dict in texts.indices.map { dict[$0] ?? [] } }
      #expect(parallel == serial)
    }
  }

  /// The pathological inputs: repeated anchor words that start a recognizer and never complete,
  /// or complete over and over. Each is one line (no newline) of `size` bytes.
  static let pathological: [(name: String, unit: String)] = [
    ("Kamerstukken", "Kamerstukken II "),
    ("nr.", "nr. "),
    ("nrs. list", "36 600 X, nrs. 1 en 2 en "),
    ("ECLI prefix", "ECLI:NL:HR:"),
    ("ECLI without prefix", "NL:HR:2013:"),
    ("digits", "1 2 3 4 "),
    ("zaak numbers", "2025Z"),
    ("open quote", "\u{201C}Programma "),
    ("het lid", "Vragen van het lid "),
    ("minister", "de minister van "),
    // Complete ministry mentions on one long line: each once scanned its whole line (quadratic).
    ("ministry on one line", "de minister van Defensie en "),
    ("ministerie on one line", "Ministerie van Justitie en Veiligheid "),
    ("signature heading on one line", "DE STAATSSECRETARIS VAN DEFENSIE "),
    ("kenmerk", "Uw kenmerk: "),
    ("koop id", "kst-36600-"),
    ("Stb", "Stb. 2024, "),
    ("dates", "31 oktober "),
    ("Aanhangsel", "Aanhangsel Handelingen II "),
  ]

  static func repeated(_ unit: String, bytes: Int) -> String {
    String(repeating: unit, count: max(1, bytes / unit.utf8.count))
  }

  /// The shorter of two timings of extracting from `text`, and the mentions.
  static func fastest(_ text: String) -> (Duration, [Mention]) {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    var mentions: [Mention] = []
    for _ in 0..<2 {
      let elapsed = clock.measure { mentions = Extractor().mentions(in: text) }
      best = min(best, elapsed)
    }
    return (best, mentions)
  }

  /// Each pathological input at 128 kB and at 1 MB (8 times as much) keeps the span invariants,
  /// and the larger takes at most 24 times as long (linear is 8, quadratic would be 64). Relative
  /// timing only: nothing depends on how fast this machine is.
  @Test(arguments: pathological.map(\.name))
  func pathologicalInputIsLinear(name: String) throws {
    let unit = try #require(Self.pathological.first { $0.name == name }).unit
    let small = Self.repeated(unit, bytes: 128 * 1024)
    let large = Self.repeated(unit, bytes: 1024 * 1024)
    let (smallTime, smallMentions) = Self.fastest(small)
    let (largeTime, largeMentions) = Self.fastest(large)
    #expect(FuzzHarness.checkMentions(smallMentions, in: small).isEmpty)
    #expect(FuzzHarness.checkMentions(largeMentions, in: large).isEmpty)
    // Below 50 ms (inputs the scan skips over) the ratio is cache, allocation and scheduling noise.
    let floor = Duration.milliseconds(50)
    let ratio = max(largeTime, floor) / max(smallTime, floor)
    print("pathological \(name): 128 kB \(smallTime), 1 MB \(largeTime), ratio \(ratio), "
      + "mentions \(largeMentions.count)")
    #expect(ratio <= 24, "\(name): 8x the input took \(ratio)x the time")
  }
}
