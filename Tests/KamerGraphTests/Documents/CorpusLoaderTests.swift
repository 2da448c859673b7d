import Foundation
import Testing

@testable import KamerGraph

@Suite("Readers: loading a corpus")
struct CorpusLoaderTests {
  private func write(_ text: String, _ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test func everyFileIsAccountedForAndBadFilesDoNotStopTheOthers() throws {
    let dir = try ExternalTool.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try write("Onze referentie\nA1\n", dir + "/a.txt")
    try write("<officiele-publicatie><kamerstuk><al>x</kamerstuk>", dir + "/b/broken.xml")
    try write("", dir + "/b/empty.txt")
    try write("verborgen", dir + "/.hidden.txt")
    try write("# notes", dir + "/c/readme.md")
    try write("Onze referentie\nC2\n", dir + "/c/z.txt")
    FileManager.default.createFile(atPath: dir + "/c/bin.dat", contents: Data((0..<512).map { UInt8($0 % 7) }))
    try FileManager.default.createSymbolicLink(atPath: dir + "/c/loop", withDestinationPath: dir)
    try FileManager.default.createSymbolicLink(atPath: dir + "/c/dangling.txt", withDestinationPath: dir + "/nowhere")
    let (documents, report) = CorpusLoader().load(paths: [dir, dir + "/missing.txt"])
    #expect(documents.map(\.ownIds) == [["kenmerk:A1"], ["kenmerk:C2"]])
    let summary = report.files.map { "\($0.path.replacingOccurrences(of: dir, with: "")) \($0.status.rawValue)" }
    #expect(
      summary == [
        "/a.txt read", "/b/broken.xml failed", "/b/empty.txt failed", "/c/bin.dat failed", "/c/dangling.txt failed",
        "/c/loop skipped", "/c/readme.md skipped", "/c/z.txt read", "/missing.txt failed",
      ])
    for outcome in report.files where outcome.status != .read {
      #expect(outcome.reason?.isEmpty == false)
      #expect(outcome.reason?.contains("\n") == false)
    }
    #expect(report.files.first { $0.path.hasSuffix("loop") }?.reason?.contains("symbolic link loop") == true)
    #expect(report.files.first { $0.path.hasSuffix("broken.xml") }?.reason?.contains("line 1, column") == true)
  }

  @Test func resultIsTheSameWhateverTheInputOrder() throws {
    let files = [
      "corpus/palantir/tk-syncfeed-2025Z15452.xml", "corpus/palantir/ah-tk-20252026-313.metadata.xml",
      "corpus/palantir/defensie-antwoord-2025Z14549.docx", "corpus/palantir/ah-tk-20252026-313.xml",
      "corpus/palantir/defensie-antwoord-2025Z14549.txt",
    ].map(Repo.path)
    let first = CorpusLoader().load(paths: files)
    let second = CorpusLoader().load(paths: files.reversed())
    let twice = CorpusLoader().load(paths: files + files)
    #expect(first.documents == second.documents)
    #expect(first.report == second.report)
    #expect(first.documents == twice.documents)
    #expect(first.report == twice.report)
    #expect(first.documents.count == 4)
  }

  @Test func metadataInAFolderPairsWithItsDocument() throws {
    let dir = try ExternalTool.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let xml = try Repo.read("corpus/palantir/ah-tk-20252026-313.xml")
    let meta = try Repo.read("corpus/palantir/ah-tk-20252026-313.metadata.xml")
    try write(xml, dir + "/ah-tk-20252026-313/ah-tk-20252026-313.xml")
    try write(meta, dir + "/ah-tk-20252026-313/metadata.xml")
    try write(xml, dir + "/flat/ah-tk-20252026-313.xml")
    try write(meta, dir + "/flat/ah-tk-20252026-313/metadata.xml")
    let (documents, report) = CorpusLoader().load(paths: [dir])
    #expect(documents.count == 2)
    for doc in documents {
      #expect(doc.facts.contains { $0.statement == .edge(source: "ah-tk-20252026-313", relation: .answers, target: "2025Z15452") })
      #expect(doc.metadata.extra["OVERHEIDop.indiener"] == "P. van Houwelingen")
    }
    #expect(report.files.filter { $0.status == .skipped }.count == 2)
  }

  @Test(arguments: [
    (["a.xml", "a.metadata.xml"], ["a.metadata.xml": "a.xml"]),
    (["x/metadata.xml", "x.xml"], ["x/metadata.xml": "x.xml"]),
    (["x/metadata.xml", "x/x.html"], ["x/metadata.xml": "x/x.html"]),
    (["x/metadata.xml", "x/doc.xml"], ["x/metadata.xml": "x/doc.xml"]),
    (["x/metadata.xml", "x/a.xml", "x/b.xml"], [:]),
    (["b.metadata.xml"], [:]),
  ])
  func pairing(files: [String], pairs: [String: String]) {
    #expect(CorpusLoader.pairMetadata(files) == pairs)
  }

  @Test func manySmallFilesComeBackSorted() throws {
    let dir = try ExternalTool.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let count = 500
    for i in 0..<count {
      FileManager.default.createFile(atPath: "\(dir)/f\(i).txt", contents: Data("Ons kenmerk: K\(i)\n".utf8))
    }
    let (documents, report) = CorpusLoader().load(paths: [dir])
    #expect(report.readCount == count)
    #expect(documents.count == count)
    #expect(documents.map(\.path) == documents.map(\.path).sorted())
    #expect(Set(documents.flatMap(\.ownIds)).count == count)
  }

  /// readdir's records are as long as their names, not `sizeof(dirent)`: a folder of thousands
  /// of short and long names must be listed whole (reading d_name as a 256-byte copy ran past the
  /// end of the listing buffer and crashed on the 100k benchmark corpus).
  @Test func aLargeFolderOfShortAndLongNamesIsListedWhole() throws {
    let dir = try ExternalTool.temporaryDirectory().path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var expected: [String] = []
    for i in 0..<3_000 {
      let name = "d\(i)" + String(repeating: "x", count: (i * 37) % 200) + ".txt"
      FileManager.default.createFile(atPath: "\(dir)/\(name)", contents: Data("Ons kenmerk: K\(i)\n".utf8))
      expected.append("\(dir)/\(name)")
    }
    let plan = CorpusLoader().plan(paths: [dir])
    #expect(plan.units.map(\.primary) == expected.sorted())
  }
}
