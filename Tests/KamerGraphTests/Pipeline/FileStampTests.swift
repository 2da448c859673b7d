import Foundation
import Testing

@testable import KamerGraph

/// Rebuilds that decide from `stat` (FileStamp) which files did not change, and still notice
/// every change.
@Suite struct FileStampTests {
  /// A folder with the Palantir letter (a document) and a README (skipped), and an index path.
  struct Setup {
    let root: URL
    let dir: URL
    let letter: String
    let readme: String
    let index: GraphIndex
    var pipeline: BuildPipeline

    init(trustAtOnce: Bool = true) throws {
      root = try ExternalTool.temporaryDirectory()
      dir = root.appendingPathComponent("corpus")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      letter = dir.appendingPathComponent("letter.txt").path
      readme = dir.appendingPathComponent("README.md").path
      try Data(Repo.read("corpus/palantir/defensie-antwoord-2025Z14549.txt").utf8).write(to: URL(fileURLWithPath: letter))
      try Data("# notes\n".utf8).write(to: URL(fileURLWithPath: readme))
      index = try GraphIndex(path: root.appendingPathComponent("k.sqlite").path)
      pipeline = BuildPipeline()
      // Files written by the test a moment ago would otherwise never be trusted by their stamp.
      if trustAtOnce { pipeline.options.racyMargin = 0 }
      Thread.sleep(forTimeInterval: 0.02)  // past the file system's clock tick
    }

    func build() throws -> BuildResult { try pipeline.build(paths: [dir.path], index: index) }
    func upToDate() throws -> Bool { try pipeline.isUpToDate(paths: [dir.path], index: index) }

    func modificationDate(_ path: String) throws -> Date {
      try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    func setModificationDate(_ path: String, _ date: Date) throws {
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }
  }

  @Test func aBuildRecordsEveryUnitWithItsStamp() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try s.build()
    let inputs = try s.index.inputs()
    #expect(Set(inputs.keys) == [s.letter, s.readme])
    let suffix = "@" + ExtractionVersion.current
    #expect(inputs[s.letter]?.stamp == FileStamp.of([s.letter]).map { $0 + suffix })
    #expect(inputs[s.letter]?.contentHash == BuildPipeline.contentHash(of: InputUnit(primary: s.letter)).map { $0 + suffix })
    #expect(inputs[s.readme]?.contentHash == BuildPipeline.contentHash(of: InputUnit(primary: s.readme)).map { $0 + suffix })
    #expect(try s.index.contentHashes()[s.letter] == inputs[s.letter]?.contentHash, "the files row has the same key")
    #expect(try s.index.indexedPaths() == [s.letter], "the README is skipped, not a document")
    #expect(try s.upToDate(), "a skipped file does not make every rebuild a full one")
  }

  @Test func aTouchedFileIsHashedOnceAndGivesTheSameGraph() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let first = try s.build()
    let before = try s.index.inputs()[s.letter]?.stamp
    try s.setModificationDate(s.letter, Date(timeIntervalSinceNow: -3600))
    #expect(FileStamp.of([s.letter]) != before)
    #expect(try s.upToDate(), "same content: nothing to rebuild")
    #expect(
      try s.index.inputs()[s.letter]?.stamp == FileStamp.of([s.letter]).map { $0 + "@" + ExtractionVersion.current },
      "the new stamp is recorded")
    let second = try s.build()
    #expect(second.reused == 1)
    #expect(second.graph == first.graph)
  }

  @Test func aChangeOfTheSameSizeIsSeenEvenWithTheOldModificationTime() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let first = try s.build()
    #expect(first.graph.node("ah-tk-20242025-2790") != nil)
    let original = try s.modificationDate(s.letter)
    let text = try String(contentsOfFile: s.letter, encoding: .utf8)
    let changed = text.replacingOccurrences(of: "nr. 2790", with: "nr. 2791")
    #expect(changed != text && changed.utf8.count == text.utf8.count)
    try Data(changed.utf8).write(to: URL(fileURLWithPath: s.letter))
    try s.setModificationDate(s.letter, original)
    #expect(try s.upToDate() == false)
    let second = try s.build()
    #expect(second.reused == 0)
    #expect(second.graph.node("ah-tk-20242025-2791") != nil)
    #expect(second.graph.node("ah-tk-20242025-2790") == nil)
  }

  @Test func aFileWrittenMomentsBeforeTheBuildIsNotTrustedByItsStamp() throws {
    let s = try Setup(trustAtOnce: false)
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try s.build()
    #expect(try s.index.inputs()[s.letter]?.stamp == "", "written within the last two seconds")
    #expect(try s.upToDate(), "hashed instead, and unchanged")
    #expect(try s.index.inputs()[s.letter]?.stamp == "", "still too recent to be trusted")
  }

  @Test func newRemovedAndChangedSkippedFilesAreSeen() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try s.build()
    let extra = s.dir.appendingPathComponent("extra.txt")
    try Data("Zie Kamerstukken II 2024/25, 36 600 X, nr. 12.".utf8).write(to: extra)
    #expect(try s.upToDate() == false, "a new file")
    try FileManager.default.removeItem(at: extra)
    #expect(try s.upToDate())
    try Data("# other notes\n".utf8).write(to: URL(fileURLWithPath: s.readme))
    #expect(try s.upToDate() == false, "a skipped file changed: it is read again to know")
    _ = try s.build()
    try FileManager.default.removeItem(atPath: s.readme)
    #expect(try s.upToDate() == false, "a removed file")
  }

  @Test func aChangedMetadataFileChangesItsDocumentsUnit() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let xml = s.dir.appendingPathComponent("ah-tk-20252026-313.xml").path
    let metadata = s.dir.appendingPathComponent("ah-tk-20252026-313.metadata.xml").path
    for (from, to) in [("ah-tk-20252026-313.xml", xml), ("ah-tk-20252026-313.metadata.xml", metadata)] {
      try FileManager.default.copyItem(atPath: Repo.path("corpus/palantir/" + from), toPath: to)
    }
    Thread.sleep(forTimeInterval: 0.02)
    let first = try s.build()
    #expect(first.report.files.contains { $0.path == metadata && $0.status == .skipped }, "merged into the XML's unit")
    let inputs = try s.index.inputs()
    #expect(inputs[metadata] == nil)
    #expect(inputs[xml]?.stamp == FileStamp.of([xml, metadata]).map { $0 + "@" + ExtractionVersion.current }, "the unit's stamp covers both files")
    #expect(try s.upToDate())
    // The metadata file rewritten with the same bytes: hashed, unchanged.
    try Data(contentsOf: URL(fileURLWithPath: metadata)).write(to: URL(fileURLWithPath: metadata))
    #expect(try s.upToDate())
    // One byte of it changed, same size: the unit changed.
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: metadata)))
    let at = try #require(bytes.lastIndex(of: UInt8(ascii: "5")))
    bytes[at] = UInt8(ascii: "6")
    try Data(bytes).write(to: URL(fileURLWithPath: metadata))
    #expect(try s.upToDate() == false)
    let second = try s.build()
    #expect(second.reused == 1, "the letter is reused; the answer with its metadata is read again")
  }

  @Test func aFailedFileIsNeverTakenAsUnchanged() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    try Data().write(to: s.dir.appendingPathComponent("empty.txt"))
    Thread.sleep(forTimeInterval: 0.02)
    let result = try s.build()
    #expect(result.report.failedCount == 1)
    #expect(try s.index.inputs()[s.dir.appendingPathComponent("empty.txt").path] == nil)
    #expect(try s.upToDate() == false, "a failed file is read again by every build")
  }

  @Test func theRecordedInputsDoNotDependOnTheThreadCount() throws {
    var s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try s.build()
    let many = try s.index.inputs()
    s.pipeline.options.threads = 1
    try s.index.commit(files: [], removedPaths: [], graph: CitationGraph())  // forget them
    _ = try s.build()
    #expect(try s.index.inputs() == many)
  }

  @Test func aCommitThatDoesNotNameItsInputsForgetsThem() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let result = try s.build()
    try s.index.commit(files: [], removedPaths: [], graph: result.graph)
    #expect(try s.index.inputs().isEmpty)
    #expect(try s.upToDate() == false)
  }

  @Test func anotherMentionLimitDoesNotReuseTheCachedExtraction() throws {
    var s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let full = try s.build()
    let count = try #require(full.documents.first?.mentions.count)
    #expect(count > 5)
    s.pipeline.options.maxMentionsPerDocument = 5
    #expect(try s.upToDate() == false)
    let limited = try s.build()
    #expect(limited.reused == 0)
    #expect(limited.documents.first?.mentions.count == 5)
    s.pipeline.options.maxMentionsPerDocument = 1_000_000
    let again = try s.build()
    #expect(again.reused == 0)
    #expect(again.documents.first?.mentions.count == count)
  }

  @Test func anotherExtractionVersionReadsEveryFileAgain() throws {
    var s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let first = try s.build()
    #expect(try s.build().reused == 1)
    s.pipeline.options.extractionVersion = ExtractionVersion.current + "-next"
    #expect(try s.upToDate() == false, "cached extractions of an older version are not served")
    let upgraded = try s.build()
    #expect(upgraded.reused == 0)
    #expect(upgraded.graph == first.graph)
    #expect(try s.upToDate())
    #expect(try s.build().reused == 1)
  }

  @Test func buildStateSeesDeletedAndRewrittenOutputsAndAnotherProgram() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.graphml").path
    let b = dir.appendingPathComponent("b.json").path
    try Data("<graphml/>".utf8).write(to: URL(fileURLWithPath: a))
    try Data("{}".utf8).write(to: URL(fileURLWithPath: b))
    let index = try GraphIndex(path: dir.appendingPathComponent("k.sqlite").path)
    let state = BuildState(summary: "x: 1 files", outputs: [a, b], program: "program-1")
    try state.save(index, key: "k")
    let loaded = try #require(try BuildState.load(index, key: "k"))
    #expect(loaded == state)
    #expect(try BuildState.load(index, key: "other") == nil)
    #expect(loaded.outputsUnchanged(program: "program-1"))
    #expect(!loaded.outputsUnchanged(program: "program-2"), "a new kamergraph builds again")
    Thread.sleep(forTimeInterval: 0.02)
    try Data("<graphml/>".utf8).write(to: URL(fileURLWithPath: a))  // same bytes, written again
    #expect(!loaded.outputsUnchanged(program: "program-1"))
    try FileManager.default.removeItem(atPath: b)
    #expect(!BuildState(summary: "", outputs: [a, b], program: "p").outputsUnchanged(program: "p"), "b is gone")
  }
}
