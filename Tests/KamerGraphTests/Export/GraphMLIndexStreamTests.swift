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

  /// Escapes, aliases and paths, a law, an edge without evidence and one without a line: the
  /// bytes of the writer on the committed graph itself.
  @Test func aCommittedGraphStreamsItsOwnBytes() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let graph = CitationGraph(
      nodes: [
        Node(
          id: "ah-tk-1", kind: "aanhangsel", label: "Antwoord, \"één\"\n<b>", date: "2025-03-04", ministry: "Financiën",
          status: .resolved, url: "https://example.org/a?b=1&c=2", aliases: ["alpha", "zeta", "Ångström"],
          paths: ["a.txt", "b/é.xml"]),
        Node(id: "CELEX:32016R0679", kind: "bwb", label: "AVG", date: "2025-02-30", status: .external),
        Node(id: "kst-1", kind: "kamerstuk", label: "Brief", date: "2024", status: .external, aliases: ["a,b"]),
      ],
      edges: [
        Edge(source: "ah-tk-1", target: "CELEX:32016R0679", relation: .mentions, evidence: [
          Evidence(path: "b/brief.docx", line: 3, start: 1, end: 4, text: "AVG, \"x\" & <y>", source: .text),
          Evidence(path: "b/brief.txt", line: 3, start: 1, end: 4, text: "AVG, \"x\" & <y>", source: .text),
        ]),
        Edge(source: "ah-tk-1", target: "kst-1", relation: .cites, evidence: [
          Evidence(path: "b/é.metadata.xml", line: nil, start: 0, end: 0, text: "kst-1", source: .metadata)
        ]),
        Edge(source: "kst-1", target: "ah-tk-1", relation: .seeAlso, evidence: []),
      ])
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
