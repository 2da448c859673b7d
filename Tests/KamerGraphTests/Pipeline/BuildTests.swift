import Foundation
import Testing

@testable import KamerGraph

/// The build façade: one call from a request to the written graph files, the index and the
/// up-to-date check.
@Suite struct BuildTests {
  /// A temporary folder with the Palantir corpus copied into `corpus/`.
  struct Setup {
    let root: URL
    let corpus: String
    let out: String
    let index: String

    init() throws {
      root = try ExternalTool.temporaryDirectory()
      corpus = root.appendingPathComponent("corpus").path
      try FileManager.default.copyItem(atPath: Repo.path("corpus/palantir"), toPath: corpus)
      out = root.appendingPathComponent("out").path
      index = root.appendingPathComponent("k.sqlite").path
    }

    func request(formats: [GraphFormat] = [.graphml, .dot], picture: Bool = false) -> BuildRequest {
      BuildRequest(
        graphs: [GraphTarget(name: "palantir", paths: [corpus])], outputFolder: out, formats: formats, indexPath: index,
        picture: picture)
    }
  }

  @Test func writesEveryFormatAsTheExporterDoesAndThenIsUpToDate() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let first = try Build(s.request()).run()
    #expect(!first.upToDate)
    let graph = try #require(first.graphs.first)
    #expect(graph.written == [s.out + "/palantir.graphml", s.out + "/palantir.dot"])
    #expect(graph.summary.hasPrefix("palantir: "))
    #expect(first.failedCount == 0)
    #expect(first.readCount == graph.report.readCount)
    // The same bytes as the exporter gives for the graph the pipeline resolves.
    let resolved = try BuildPipeline().build(paths: [s.corpus]).graph
    for format in [GraphFormat.graphml, .dot] {
      let expected = try #require(try GraphExporter.files(for: resolved, name: "palantir", format: format).first)
      let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: s.out + "/" + expected.fileName)))
      #expect(written == expected.contents, "\(expected.fileName)")
    }
    let second = try Build(s.request()).run()
    #expect(second.upToDate)
    #expect(second.graphs.isEmpty)
    #expect(second.summary == first.summary)
    // A request that must account for every file runs anyway, reusing the index.
    var always = s.request()
    always.alwaysRun = true
    let third = try Build(always).run()
    #expect(!third.upToDate)
    #expect(third.reused == third.readCount)
  }

  /// The stages of a build are timed (for --verbose), those of the index's thread among them, and
  /// the index is stored when `run` returns although it is written beside the graph files.
  @Test func timesItsStagesAndHasStoredTheIndexWhenItReturns() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let outcome = try Build(s.request()).run()
    let names = outcome.timings.stages.map(\.name)
    for stage in [
      "reading and extracting", "resolving", "index: files", "index: graph", "writing graphml", "writing dot",
      "waiting for the index", "saving the build state",
    ] {
      #expect(names.contains(stage), "\(stage) in \(names)")
    }
    #expect(outcome.timings.stages.filter(\.beside).map(\.name).allSatisfy { $0.hasPrefix("index") })
    #expect(outcome.timings.stages.allSatisfy { $0.seconds >= 0 && $0.seconds <= outcome.timings.wall })
    #expect(outcome.timings.peakBytes > 0 && outcome.timings.userSeconds > 0)
    // The index holds the graph the files were written from.
    let stored = try GraphIndex(path: s.index).loadGraph()
    let resolved = try BuildPipeline().build(paths: [s.corpus]).graph
    #expect(stored.nodes == resolved.nodes)
    #expect(stored.edges == resolved.edges)
  }

  /// The formats are written beside each other on several threads: the files, and the order the
  /// outcome names them in, are those of a build on one thread.
  @Test func formatsWrittenBesideEachOtherAreTheFilesOfOneThread() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    var one = s.request(formats: GraphFormat.allCases)
    one.indexPath = nil
    one.options.threads = 1
    one.outputFolder = s.out + "-1"
    var many = one
    many.options.threads = 4
    many.outputFolder = s.out + "-4"
    let serial = try Build(one).run()
    let beside = try Build(many).run()
    let names = ["graphml", "dot", "gexf", "json", "nodes.csv", "edges.csv"].map { "palantir." + $0 }
    #expect(try #require(serial.graphs.first).written == names.map { one.outputFolder + "/" + $0 })
    #expect(try #require(beside.graphs.first).written == names.map { many.outputFolder + "/" + $0 })
    let a = try Self.contents(of: one.outputFolder)
    #expect(a.count == names.count)
    #expect(a == (try Self.contents(of: many.outputFolder)))
    #expect(beside.timings.stages.contains { $0.name == "writing 5 formats, 4 at a time" })
    #expect(!serial.timings.stages.contains { $0.name.hasSuffix("at a time") })
    for format in ["graphml", "dot", "gexf", "json", "csv"] {
      #expect(beside.timings.stages.contains { $0.name == "writing " + format })
    }
  }

  /// A file that cannot be written fails the build, naming it, whichever thread wrote it.
  @Test func aFormatThatCannotBeWrittenIsNamed() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    var request = s.request(formats: GraphFormat.allCases)
    request.indexPath = nil
    // A folder where the DOT file should go.
    try FileManager.default.createDirectory(atPath: s.out + "/palantir.dot", withIntermediateDirectories: true)
    for threads in [1, 4] {
      request.options.threads = threads
      #expect {
        try Build(request).run()
      } throws: { error in
        guard case .output(let path, _) = error as? BuildError else { return false }
        return path == s.out + "/palantir.dot"
      }
    }
  }

  /// A request that carries its plan is built from it: the folders are not walked again (a unit
  /// left out of the plan is not read, though its file is in the folder).
  @Test func aPlannedRequestIsBuiltFromItsPlan() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let full = CorpusLoader().plan(paths: [s.corpus])
    var planned = full
    planned.units.removeAll { $0.primary.hasSuffix(".txt") }
    #expect(planned.units.count == full.units.count - 1)
    var request = s.request()
    request.indexPath = nil
    let walked = try Build(request).run().readCount
    request.plan = planned
    let outcome = try Build(request).run()
    let files = try #require(outcome.graphs.first).report.files.map(\.path)
    #expect(!files.contains { $0.hasSuffix(".txt") })
    #expect(outcome.readCount == walked - 1)
  }

  /// The bytes of every file in `folder`, by file name.
  static func contents(of folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return out
  }

  /// A rebuild whose graph is the one the last build wrote leaves the graph files as they are
  /// (they are what the exporters would write again); any other rebuild writes them, and the
  /// files are always those of a build from nothing.
  @Test func filesOfAnUnchangedGraphAreLeftAndOthersWritten() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    let formats = GraphFormat.allCases
    func fresh() throws -> [String: Data] {
      var request = s.request(formats: formats)
      request.indexPath = nil
      request.outputFolder = s.root.appendingPathComponent("fresh").path
      try? FileManager.default.removeItem(atPath: request.outputFolder)
      _ = try Build(request).run()
      return try Self.contents(of: request.outputFolder)
    }
    let first = try Build(s.request(formats: formats)).run()
    #expect(first.graphs.first?.unchanged == false)
    let txt = s.corpus + "/defensie-antwoord-2025Z14549.txt"
    let handle = try #require(FileHandle(forWritingAtPath: txt))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\n".utf8))
    try handle.close()
    let stamps = try FileManager.default.contentsOfDirectory(atPath: s.out).sorted().map { FileStamp.of(s.out + "/" + $0) }
    // A trailing newline changes the file, not the graph.
    let second = try Build(s.request(formats: formats)).run()
    #expect(!second.upToDate)
    let graph = try #require(second.graphs.first)
    #expect(graph.unchanged)
    #expect(graph.written == first.graphs.first?.written)
    #expect(graph.summary.hasSuffix("not written again"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: s.out).sorted().map { FileStamp.of(s.out + "/" + $0) } == stamps)
    #expect(try Self.contents(of: s.out) == (try fresh()))
    // A new reference changes the graph: every file is written again.
    let more = try #require(FileHandle(forWritingAtPath: txt))
    try more.seekToEnd()
    try more.write(contentsOf: Data("Zie ook Kamerstukken II 2024/25, 36600 X, nr. 7.\n".utf8))
    try more.close()
    let third = try Build(s.request(formats: formats)).run()
    #expect(third.graphs.first?.unchanged == false)
    #expect(try Self.contents(of: s.out) == (try fresh()))
    // An output changed by hand is written again, though the graph did not change.
    try Data("changed".utf8).write(to: URL(fileURLWithPath: s.out + "/palantir.json"))
    let again = try #require(FileHandle(forWritingAtPath: txt))
    try again.seekToEnd()
    try again.write(contentsOf: Data("\n".utf8))
    try again.close()
    let fourth = try Build(s.request(formats: formats)).run()
    #expect(fourth.graphs.first?.unchanged == false)
    #expect(try Self.contents(of: s.out) == (try fresh()))
  }

  @Test func anotherFormatIsNotUpToDate() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    _ = try Build(s.request()).run()
    let csv = try Build(s.request(formats: [.csv])).run()
    #expect(!csv.upToDate)
    #expect(csv.graphs.first?.written == [s.out + "/palantir.nodes.csv", s.out + "/palantir.edges.csv"])
  }

  @Test func anIndexThatCannotBeOpenedIsNamedAsSuch() throws {
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    var request = s.request()
    request.indexPath = s.root.appendingPathComponent("missing/folder/k.sqlite").path
    #expect(throws: BuildError.self) { try Build(request).run() }
    do {
      _ = try Build(request).run()
    } catch {
      guard case .indexUnavailable(let path, _) = error else {
        Issue.record("expected indexUnavailable, got \(error)")
        return
      }
      #expect(path == request.indexPath)
    }
  }

  @Test func corpusFoldersAreTheGraphsAndAMissingCorpusIsSaid() throws {
    let root = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let corpus = root.appendingPathComponent("corpus").path
    #expect(throws: BuildError.noCorpus(corpus)) { try GraphTarget.corpusFolders(in: corpus) }
    try FileManager.default.createDirectory(atPath: corpus + "/.hidden", withIntermediateDirectories: true)
    #expect(throws: BuildError.emptyCorpus(corpus)) { try GraphTarget.corpusFolders(in: corpus) }
    try FileManager.default.createDirectory(atPath: corpus + "/b", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: corpus + "/a", withIntermediateDirectories: true)
    #expect(
      try GraphTarget.corpusFolders(in: corpus) == [
        GraphTarget(name: "a", paths: [corpus + "/a"]), GraphTarget(name: "b", paths: [corpus + "/b"]),
      ])
    #expect(GraphTarget.of(paths: ["x/letter.txt", "y"]).name == "letter")
    #expect(GraphTarget.of(paths: ["x/letter.txt"], name: "mine").name == "mine")
  }

  /// With Graphviz installed, a graph over the node limit is drawn as its most connected part
  /// and the summary says so; under it, the whole graph is drawn.
  @Test func thePictureOfALargeGraphIsItsMostConnectedPart() throws {
    guard GraphvizRenderer.dotExecutable() != nil else { return }
    let s = try Setup()
    defer { try? FileManager.default.removeItem(at: s.root) }
    var request = s.request(formats: [.dot], picture: true)
    request.picturePolicy.nodeLimit = 8
    let small = try #require(try Build(request).run().graphs.first)
    #expect(small.written.contains(s.out + "/palantir.svg"))
    #expect(small.notes.contains { $0.contains("most connected part, 8 of") }, "\(small.notes)")
    let svg = try String(contentsOfFile: s.out + "/palantir.svg", encoding: .utf8)
    #expect(svg.contains("the most connected part: 8 of"))
    request.picturePolicy.nodeLimit = 10_000
    request.alwaysRun = true
    let whole = try #require(try Build(request).run().graphs.first)
    #expect(!whole.notes.contains { $0.contains("most connected part") })
    #expect(!(try String(contentsOfFile: s.out + "/palantir.svg", encoding: .utf8)).contains("most connected part"))
  }
}
