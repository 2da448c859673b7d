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

  /// Each pathological input (`PathologicalInputs`) at 128 kB and at 1 MB keeps the span
  /// invariants, and the mentions of the 1 MB input over its first 124 kB are those of the 128 kB
  /// input: no recognizer's result depends on text more than `FuzzHarness.lookAround` bytes away,
  /// which is what kept extraction linear on these inputs (a scan to the end of the line made it
  /// quadratic). Deterministic: the timing is measured by `kamergraph-bench pathological`.
  @Test(arguments: PathologicalInputs.all.map(\.name))
  func pathologicalInputIsLocal(name: String) throws {
    let unit = try #require(PathologicalInputs.all.first { $0.name == name }).unit
    let small = PathologicalInputs.repeated(unit, bytes: 128 * 1024)
    let large = PathologicalInputs.repeated(unit, bytes: 1024 * 1024)
    #expect(FuzzHarness.checkMentions(Extractor().mentions(in: small), in: small).isEmpty)
    #expect(FuzzHarness.checkMentions(Extractor().mentions(in: large), in: large).isEmpty)
    #expect(FuzzHarness.localityProblems(prefix: small, longer: large) == [], "\(name)")
  }

  /// The locality check passes on real citations cut anywhere and fails on an extractor whose
  /// first mention depends on the end of the text.
  @Test func localityCheckSeesFarDependence() {
    let citation = "Kamerstukken II 2024/25, 36 600 X, nr. 12. "
    let prefix = PathologicalInputs.repeated(citation, bytes: 8192)
    let longer = prefix + "Stb. 2024, 12. " + citation
    #expect(FuzzHarness.localityProblems(prefix: prefix, longer: longer) == [])
    #expect(FuzzHarness.localityProblems(prefix: "x" + prefix, longer: longer) != [], "not a prefix")
    // Its first mention's id names the length of the whole text: a scan to the end.
    let farSighted: (String) -> [Mention] = { text in
      [Mention(kind: .zaak, ids: ["\(text.utf8.count)"], text: "K", start: 0, end: 1, line: 1, column: 1)]
    }
    #expect(FuzzHarness.localityProblems(prefix: prefix, longer: longer, mentions: farSighted).count == 1)
  }
}
