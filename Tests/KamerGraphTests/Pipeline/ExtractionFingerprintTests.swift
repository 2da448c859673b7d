import Foundation
import Testing

@testable import KamerGraph

/// Keeps `ExtractionVersion.current` honest: a fingerprint of what reading and extraction give on
/// the example corpus, the reference fixtures and every catalogue example. When the output
/// changes, the version must change too (indexes built before then re-extract every file).
@Suite struct ExtractionFingerprintTests {
  /// The version and fingerprint recorded together. When this test fails after a change to a
  /// reader or recognizer: bump `ExtractionVersion.current`, then copy both values here.
  static let recorded = (version: "2026-12-07.11", fingerprint: "b525c9bd14e1dce3a3d22c111105aa3c-8121")

  static func fingerprint() throws -> String {
    var lines: [String] = []
    let extractor = Extractor()
    let reader = DocumentReader()
    let corpus = Repo.path("corpus/palantir")
    let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { !$0.hasPrefix(".") && $0 != "README.md" }
      .sorted()
    for name in files {
      let document = try reader.read(path: corpus + "/" + name)
      lines.append("D \(name) \(document.format.rawValue) \(document.ownIds) \(document.metadata.title ?? "-") \(document.footnotes.count) \(document.facts.count)")
      lines.append("T \(FastDigest.of(document.text))")
      for m in extractor.mentions(in: document) { lines.append(Self.line(m)) }
    }
    let fixture = try Repo.read("Tests/Fixtures/references/mixed-citations.txt")
    for m in extractor.mentions(in: fixture) { lines.append(Self.line(m)) }
    for spec in ReferenceCatalogue.specs {
      for example in spec.examples {
        for m in extractor.mentions(in: example.text) { lines.append(Self.line(m)) }
      }
    }
    return FastDigest.of(lines.joined(separator: "\n"))
  }

  static func line(_ m: Mention) -> String {
    let fields = m.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    return "M \(m.kind.rawValue) \(m.ids) \(m.start) \(m.end) \(m.line) \(m.column) \(m.status.rawValue) \(m.reason ?? "") \(fields) \(m.text)"
  }

  @Test func theVersionChangesWhenTheOutputDoes() throws {
    let now = try Self.fingerprint()
    #expect(
      ExtractionVersion.current == Self.recorded.version && now == Self.recorded.fingerprint,
      """
      Reading or extraction output changed (fingerprint \(now)) or the version did (\(ExtractionVersion.current)). \
      Bump ExtractionVersion.current when the output changes, then record both in ExtractionFingerprintTests.recorded.
      """)
  }
}
