import Foundation
import Testing
@testable import KamerGraph

@Suite struct CorpusPlanTests {
  /// Makes a folder with `files` (relative path -> content) and returns its path.
  func folder(_ files: [String: String]) throws -> String {
    let dir = try ExternalTool.temporaryDirectory()
    for (name, content) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: url)
    }
    return dir.path
  }

  @Test func pairsMetadataWithDocumentsAndAccountsForEveryFile() throws {
    let dir = try folder([
      "a.txt": "x", "ah-1.xml": "<x/>", "ah-1.metadata.xml": "<m/>", "kst-2.xml": "<x/>", "kst-2/metadata.xml": "<m/>",
      "lonely.metadata.xml": "<m/>", "README.md": "#", ".hidden": "h", "sub/b.docx": "d",
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let plan = CorpusLoader().plan(paths: [dir])
    let rel = { (p: String) in String(p.dropFirst(dir.count + 1)) }
    #expect(plan.units.map { rel($0.primary) } == ["README.md", "a.txt", "ah-1.xml", "kst-2.xml", "lonely.metadata.xml", "sub/b.docx"])
    #expect(plan.units.first { rel($0.primary) == "ah-1.xml" }?.companions.map(rel) == ["ah-1.metadata.xml"])
    #expect(plan.units.first { rel($0.primary) == "kst-2.xml" }?.companions.map(rel) == ["kst-2/metadata.xml"])
    // README.md is planned, and skipped when read (not a supported document format).
    let report = CorpusLoader().load(paths: [dir]).report
    #expect(report.files.first { rel($0.path) == "README.md" }?.status == .skipped)
    // "<m/>" is no KOOP metadata: reported with its reason, not silently merged.
    #expect(report.files.first { rel($0.path) == "ah-1.metadata.xml" }?.reason?.contains("not supported") == true)
    #expect(report.files.count == 8)
  }

  @Test func pairsRelativePathsToo() throws {
    let dir = try folder(["c/ah-1.xml": "<x/>", "c/ah-1.metadata.xml": "<m/>"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let previous = FileManager.default.currentDirectoryPath
    // Relative paths as a user types them; the planner must not make them absolute.
    #expect(CorpusLoader.pairMetadata(["c/ah-1.metadata.xml", "c/ah-1.xml"]) == ["c/ah-1.metadata.xml": "c/ah-1.xml"])
    #expect(CorpusLoader.pairMetadata(["x.metadata.xml", "x.xml"]) == ["x.metadata.xml": "x.xml"])
    #expect(FileManager.default.currentDirectoryPath == previous)
  }

  @Test func symlinkLoopIsReadOnceAndReported() throws {
    let dir = try folder(["sub/a.txt": "x"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createSymbolicLink(atPath: dir + "/sub/loop", withDestinationPath: dir)
    try FileManager.default.createSymbolicLink(atPath: dir + "/gone.txt", withDestinationPath: dir + "/nothing-here")
    let plan = CorpusLoader().plan(paths: [dir])
    #expect(plan.units.map(\.primary) == [dir + "/gone.txt", dir + "/sub/a.txt"])
    let report = CorpusLoader().load(paths: [dir]).report
    let byPath = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0) })
    #expect(byPath[dir + "/sub/loop"]?.status == .skipped)
    #expect(byPath[dir + "/sub/loop"]?.reason?.contains("loop") == true)
    #expect(byPath[dir + "/gone.txt"]?.status == .failed)
  }

  @Test func missingPathFailsWithAReason() {
    let plan = CorpusLoader().plan(paths: ["/nonexistent/kamergraph/x.txt"])
    #expect(plan.units.isEmpty)
    #expect(plan.outcomes.first?.reason == "does not exist")
  }

  @Test func orderOfPathsDoesNotMatter() throws {
    let dir = try folder(["b.txt": "b", "a.txt": "a", "c/d.txt": "d"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let one = CorpusLoader().plan(paths: [dir + "/c", dir + "/b.txt", dir + "/a.txt"])
    let two = CorpusLoader().plan(paths: [dir + "/a.txt", dir + "/c", dir + "/b.txt"])
    #expect(one == two)
  }
}
