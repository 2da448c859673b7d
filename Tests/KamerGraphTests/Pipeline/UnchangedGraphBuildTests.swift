import Foundation
import Testing

@testable import KamerGraph

/// A rebuild whose changed files are extracted exactly as the index has them cached stores the
/// files and stamps only: no resolving, no graph tables, no exports (issue 21).
@Suite struct UnchangedGraphBuildTests {
  typealias Setup = BuildTests.Setup

  static func append(_ text: String, to path: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  /// The cached extraction of an XML file equals its fresh one, field by field.
  @Test func theCachedExtractionOfAFileEqualsItsFreshOne() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try Build(s.request()).run()
    let index = try GraphIndex(path: s.index, access: .read)
    let xml = s.corpus + "/ah-tk-20252026-313.xml"
    let stored = try #require(try index.storedFile(path: xml))
    let fresh = try #require(try BuildPipeline().build(paths: [s.corpus]).documents.first { $0.document.path == xml })
    #expect(stored.document.text == fresh.document.text)
    #expect(stored.document.notes == fresh.document.notes)
    #expect(stored.document.metadata == fresh.document.metadata)
    #expect(stored.document.facts == fresh.document.facts)
    #expect(stored.document.footnotes == fresh.document.footnotes)
    #expect(stored.document.links == fresh.document.links)
    #expect(stored.document.ownIds == fresh.document.ownIds)
    #expect(stored.document.layout == fresh.document.layout)
    #expect(stored.document == fresh.document)
    #expect(stored.mentions == fresh.mentions)
  }

  @Test func aNewlineAfterTheXMLIsStoredWithoutResolvingAndSaysWhatAFullBuildSays() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let first = try Build(s.request()).run()
    let xml = s.corpus + "/ah-tk-20252026-313.xml"
    let stamps = try FileManager.default.contentsOfDirectory(atPath: s.out).sorted().map { FileStamp.of(s.out + "/" + $0) }
    let fingerprint = try GraphIndex(path: s.index, access: .read).graphFingerprint()
    // A copy of the index, for a build that resolves everything.
    let copy = s.root.appendingPathComponent("copy.sqlite").path
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: s.index + suffix) {
      try FileManager.default.copyItem(atPath: s.index + suffix, toPath: copy + suffix)
    }
    try Self.append("\n", to: xml)
    let plan = CorpusLoader().plan(paths: [s.corpus])
    let second = try Build(s.request()).run()
    #expect(!second.upToDate)
    let graph = try #require(second.graphs.first)
    #expect(graph.unchanged)
    #expect(graph.written == first.graphs.first?.written)
    #expect(graph.summary.hasSuffix("not written again"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: s.out).sorted().map { FileStamp.of(s.out + "/" + $0) } == stamps)
    // The index holds the new content and the same graph.
    let index = try GraphIndex(path: s.index, access: .read)
    #expect(try index.graphFingerprint() == fingerprint)
    let unit = try #require(plan.units.first { $0.primary == xml })
    let hash = try #require(BuildPipeline.contentHash(of: unit)) + BuildOptions().cacheKeySuffix
    #expect(try index.cachedFile(path: xml, contentHash: hash) != nil)
    // What a build that resolves everything finds and says about the same files.
    let full = try BuildPipeline().build(plan, index: try GraphIndex(path: copy, access: .build()))
    #expect(graph.report == full.report)
    #expect(second.reused == full.reused)
    #expect(graph.counts.values == RunSummary.Counts(full.graph).values)
    #expect(graph.conflicts == full.resolution.conflicts)
    #expect(GraphIndex.fingerprint(of: full.graph) == fingerprint)
    // Nothing changed since: up to date.
    #expect(try Build(s.request()).run().upToDate)
  }

  /// A newline at the end of a text file adds to its text only: the resolver reads texts before
  /// the mentions, so the graph is the same, unless another file is a copy of the document.
  @Test func aNewlineAfterATextIsStoredWithoutResolvingUnlessTheDocumentHasACopy() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let txt = s.corpus + "/defensie-antwoord-2025Z14549.txt"
    let docx = s.corpus + "/defensie-antwoord-2025Z14549.docx"
    // The .docx is the same document (one node, two files): the text is compared with it.
    _ = try Build(s.request()).run()
    let index = try GraphIndex(path: s.index, access: .read)
    #expect(try !index.isSoleDocument(path: txt))
    try Self.append("\n", to: txt)
    #expect(try Build(s.request()).run().graphs.first?.unchanged == true, "the graph did not change all the same")
    let plan = CorpusLoader().plan(paths: [s.corpus])
    do {
      try Self.append("\n", to: txt)
      let writer = try GraphIndex(path: s.index, access: .build())
      #expect(try BuildPipeline().buildIfGraphUnchanged(plan, index: writer) == nil)
      try writer.endBuild()
    }
    // Without the copy, the text is its document's own.
    try FileManager.default.removeItem(atPath: docx)
    _ = try Build(s.request()).run()
    #expect(try index.isSoleDocument(path: txt))
    try Self.append("\n", to: txt)
    let fingerprint = try index.graphFingerprint()
    let outcome = try Build(s.request()).run()
    #expect(outcome.graphs.first?.unchanged == true)
    #expect(try index.graphFingerprint() == fingerprint)
    // Words without a reference at the end are no different.
    try Self.append("Met vriendelijke groet.\n", to: txt)
    let words = try Build(s.request()).run()
    #expect(words.graphs.first?.unchanged == true)
    #expect(words.graphs.first?.summary.hasSuffix("not written again") == true)
    var fresh = s.request()
    fresh.indexPath = nil
    fresh.outputFolder = s.root.appendingPathComponent("fresh").path
    _ = try Build(fresh).run()
    for name in ["palantir.graphml", "palantir.dot"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: s.out + "/" + name))
          == Data(contentsOf: URL(fileURLWithPath: fresh.outputFolder + "/" + name)), "\(name)")
    }
  }

  @Test func aNewReferenceIsResolvedAsBefore() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try Build(s.request()).run()
    let txt = s.corpus + "/defensie-antwoord-2025Z14549.txt"
    let index = try GraphIndex(path: s.index, access: .read)
    let before = try index.graphFingerprint()
    try Self.append("\nZie ook Kamerstukken II 2024/25, 36600 X, nr. 7.\n", to: txt)
    let pipeline = BuildPipeline()
    let plan = CorpusLoader().plan(paths: [s.corpus])
    do {
      let writer = try GraphIndex(path: s.index, access: .build(rebuild: false, wait: BuildWait()))
      #expect(try pipeline.buildIfGraphUnchanged(plan, index: writer) == nil)
      try writer.endBuild()
    }
    let outcome = try Build(s.request()).run()
    #expect(outcome.graphs.first?.unchanged == false)
    #expect(try index.graphFingerprint() != before)
  }

  @Test func aStateWithoutCountsOrFromAnotherGraphIsNotReused() {
    let graph = BuildState.WrittenGraph(fingerprint: "f", written: [], notes: [])
    let state = BuildState(summary: "", outputStamps: [:], program: "p", graphs: ["g": graph])
    #expect(state.reusableGraphs(["g"], indexGraph: "x", program: "p") == nil)
    var counted = state
    counted.indexGraph = "x"
    #expect(counted.reusableGraphs(["g"], indexGraph: "y", program: "p") == nil)
    #expect(counted.reusableGraphs(["g"], indexGraph: nil, program: "p") == nil)
  }
}
