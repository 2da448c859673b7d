import Foundation
import Testing

@testable import KamerGraph

/// `GraphMLWriter.write(index:name:toFile:)`: the document streamed from the index's tables a node
/// and an edge at a time is the file of the graph loaded from the index (`loadSortedGraph`) and
/// of the graph committed; tables out of commit order, and ids that become one XML id, give what
/// the general way gives.
@Suite struct GraphMLIndexStreamTests {
  /// A fresh folder for the files of one test.
  static func folder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graphml-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// (streamed?, the streamed file's bytes, its size as returned, the loaded graph's file bytes).
  func graphml(_ index: GraphIndex, _ options: ExportOptions = .init(), in folder: String) throws
    -> (streamed: Bool, bytes: [UInt8], size: Int, loaded: [UInt8])
  {
    let writer = GraphMLWriter(options: options)
    let (size, streamed) = try writer.writeFile(index: index, name: "g <&>", toFile: folder + "/s.graphml")
    try writer.write(index.loadSortedGraph(), name: "g <&>", toFile: folder + "/l.graphml")
    func bytes(_ file: String) throws -> [UInt8] { try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + file))) }
    return (streamed, try bytes("/s.graphml"), size, try bytes("/l.graphml"))
  }

  static let optionSets: [ExportOptions] = {
    var flat = ExportOptions()
    flat.indent = false
    return [ExportOptions(), flat]
  }()

  @Test func aGeneratedIndexStreamsTheLoadedGraphsBytes() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let index = try IndexFixtures.generatedIndex(documents: 200, seed: 3)
    for options in Self.optionSets {
      let g = try graphml(index, options, in: folder)
      #expect(g.streamed)
      #expect(g.bytes == g.loaded)
      #expect(g.size == g.bytes.count)
      #expect(g.bytes.count > 10_000)
    }
  }

  /// `ExportFixtures.streamedGraph()` (escapes, aliases and paths, an edge without evidence and
  /// one without a line): the bytes of the writer on the committed graph itself.
  @Test func aCommittedGraphStreamsItsOwnBytes() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let graph = ExportFixtures.streamedGraph()
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    for options in Self.optionSets {
      let g = try graphml(index, options, in: folder)
      #expect(g.streamed)
      #expect(g.bytes == (try GraphMLWriter(options: options).write(graph, name: "g <&>")))
    }
  }

  @Test func hostileLabelsStreamAsLoaded() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: ExportFixtures.hostileGraph())
    let g = try graphml(index, in: folder)
    #expect(g.streamed)
    #expect(g.bytes == g.loaded)
  }

  @Test func tablesOutOfCommitOrderGiveTheSameBytesTheGeneralWay() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let index = try IndexFixtures.generatedIndex(documents: 200, seed: 3)
    try IndexFixtures.reverseEvidenceRows(index)
    let g = try graphml(index, in: folder)
    #expect(!g.streamed)
    #expect(g.bytes == g.loaded)
    #expect(g.size == g.bytes.count)
  }

  /// Two ids that become the same XML id: the error the loaded graph gives, and no file.
  @Test func idsThatBecomeOneXMLIDAreTheLoadedGraphsError() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let graph = CitationGraph(
      nodes: [
        Node(id: "a b", kind: "kenmerk", label: "A", status: .external),
        Node(id: "a_x0020_b", kind: "kenmerk", label: "B", status: .external),
      ],
      edges: [])
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    let path = folder + "/g.graphml"
    #expect(throws: ExportError.conflictingNodeID("a b", "a_x0020_b")) {
      try GraphMLWriter().write(index: index, name: "g", toFile: path)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
