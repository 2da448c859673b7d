import Foundation
import Testing
@testable import KamerGraph
@testable import KamerGraphHarness

/// Replays the fuzz seeds and every saved crash reproducer through the same `FuzzHarness` functions
/// the libFuzzer build runs. This is not a fuzz build: it only replays files, so it stays fast.
@Suite struct FuzzReplayTests {
  /// The files in `Tests/Fuzz/<kind>/<target>/`, sorted (none when the folder does not exist).
  static func files(_ kind: String, _ target: String) -> [String] {
    let dir = Repo.path("Tests/Fuzz/\(kind)/\(target)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(dir)/\($0)" }
  }

  static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// run-all.sh fuzzes one target per seed folder, so the folders and the harness must agree.
  @Test func everyTargetHasSeedsAndEverySeedFolderATarget() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Repo.path("Tests/Fuzz/seeds"))
      .filter { !$0.hasPrefix(".") }.sorted()
    #expect(folders == FuzzHarness.targets)
    for target in FuzzHarness.targets {
      #expect(Self.files("seeds", target).count >= 5, "target \(target) has at least five seeds")
    }
  }

  @Test(arguments: FuzzHarness.targets)
  func seedsKeepTheInvariants(target: String) throws {
    for file in Self.files("seeds", target) {
      let violations = FuzzHarness.check(target, try Self.bytes(file))
      #expect(violations.isEmpty, "\(file): \(violations)")
    }
  }

  /// Every reproducer the fuzzer ever saved (crash-, timeout-, oom-, minimized-) must now pass.
  @Test(arguments: FuzzHarness.targets)
  func savedReproducersNoLongerFail(target: String) throws {
    for file in Self.files("crashes", target) {
      let violations = FuzzHarness.check(target, try Self.bytes(file))
      #expect(violations.isEmpty, "\(file): \(violations)")
    }
  }

  /// Findings in another area's code that are not fixed yet (Tests/Fuzz/open/TARGET/, listed in
  /// Tests/Fuzz/README.md). Each runs in its own process (an exit test), because some trap and some
  /// hang (an alarm ends those after 5 s): each must still fail (a broken invariant, a trap or the
  /// alarm). Once one is fixed this test fails, and the file moves to Tests/Fuzz/crashes/TARGET/,
  /// where it must pass.
  @Test(arguments: FuzzHarness.targets)
  func openFindingsStillFail(target: String) async throws {
    for file in Self.files("open", target) {
      await #expect(processExitsWith: .failure, "\(file) no longer fails: move it to crashes/") {
        [target = target as String, file = file as String] in
        let bytes = try FuzzReplayTests.bytes(file)
        alarm(5)
        if !FuzzHarness.check(target, bytes).isEmpty { exit(1) }
      }
    }
  }

  /// Every target on every seed of every target (a reader fed text, the extractor fed XML):
  /// returns, with no broken invariant.
  @Test(arguments: FuzzHarness.targets)
  func everyTargetRunsOnEverySeed(target: String) throws {
    var count = 0
    for other in FuzzHarness.targets {
      for file in Self.files("seeds", other) {
        let violations = FuzzHarness.check(target, try Self.bytes(file))
        #expect(violations.isEmpty, "\(target) on \(file): \(violations)")
        count += 1
      }
    }
    #expect(count > 0)
  }

  /// Small hand-made edge inputs every target must survive.
  @Test(arguments: FuzzHarness.targets)
  func edgeInputs(target: String) {
    let inputs: [[UInt8]] = [
      [], [0], [0xFF, 0xFE], [0xFE, 0xFF, 0, 0x4B], [0xEF, 0xBB, 0xBF], Array("PK\u{3}\u{4}".utf8),
      Array("<?xml version=\"1.0\"?>".utf8), Array("<".utf8), [0xC3], [0xE2, 0x80], Array(repeating: 0x0A, count: 1000),
      Array("Kamerstukken II 2024/25, 36 600 X, nr. 12\u{0}ECLI:NL:HR:2013:BZ1983".utf8),
    ]
    for input in inputs {
      let violations = FuzzHarness.check(target, input)
      #expect(violations.isEmpty, "\(target) on \(input.prefix(16)): \(violations)")
    }
  }

  /// The `read` seeds exercise the readers, not only their error paths: most of them read into a
  /// document of the format the file is, and the damaged ones are refused with an error.
  @Test func readSeedsMostlyReadIntoDocuments() throws {
    var formats: Set<DocumentFormat> = []
    var errors = 0
    for file in Self.files("seeds", "read") {
      do {
        let doc = try DocumentReader().read(bytes: try Self.bytes(file), path: file)
        formats.insert(doc.format)
        #expect(FuzzHarness.checkDocument(doc).isEmpty, "\(file)")
      } catch {
        errors += 1
      }
    }
    let all: Set<DocumentFormat> = [.plainText, .koopXML, .koopMetadata, .tkOpenData, .docx, .odt, .html]
    #expect(formats.isSuperset(of: all), "\(formats)")
    #expect(errors >= 1 && errors <= 6, "\(errors) seeds refused")
  }

  @Test func unknownTargetIsAViolation() {
    let violations = FuzzHarness.check("no-such-target", [])
    #expect(violations.count == 1)
    #expect(violations.first?.description.contains("no-such-target") == true)
  }

  /// The checker itself must catch broken spans, order, line/column, id shapes and unresolved ids,
  /// or the fuzzer could never find anything.
  @Test func mentionCheckerCatchesEachBrokenInvariant() {
    let text = "a\nKamerstukken II 2024/25, 36 600 X, nr. 12"
    let good = Extractor().mentions(in: text)
    #expect(!good.isEmpty)
    #expect(FuzzHarness.checkMentions(good, in: text).isEmpty)
    guard var m = good.first else { return }
    m.line = 1
    m.column = 1
    let cases: [(String, [Mention])] = [
      ("outside", [Mention(kind: .kamerstuk, ids: [], text: "", start: 40, end: 400, line: 2, column: 39)]),
      ("text", [{ var x = good[0]; x.text = "other"; return x }()]),
      ("line/column", [m]),
      ("order", [good[0], Mention(kind: .ecli, ids: [], text: "a", start: 0, end: 1, line: 1, column: 1)]),
      ("id shape", [{ var x = good[0]; x.ids = ["ECLI:NL:HR:2013:BZ1983"]; return x }()]),
      ("unresolved", [{ var x = good[0]; x.status = .unresolved; x.reason = nil; return x }()]),
    ]
    for (name, mentions) in cases {
      #expect(!FuzzHarness.checkMentions(mentions, in: text).isEmpty, "checker misses a broken \(name)")
    }
  }

  /// The scripts the CI smoke run calls are there and executable.
  @Test func scriptsAreExecutable() {
    for script in ["run.sh", "run-all.sh", "minimize.sh", "make-seeds.py"] {
      #expect(FileManager.default.isExecutableFile(atPath: Repo.path("Tests/Fuzz/\(script)")), "\(script)")
    }
  }
}
