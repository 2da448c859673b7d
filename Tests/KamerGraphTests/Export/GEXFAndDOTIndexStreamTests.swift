import Foundation
import Testing

@testable import KamerGraph

/// `GEXFWriter.write(index:)` and `DOTWriter.write(index:)`: the documents streamed from the
/// index's tables a node and an edge at a time are the bytes of the graph loaded from the index
/// (`loadSortedGraph`) and written, and of the graph committed; tables out of commit order (and
/// DOT clusters) give the same bytes the general way.
@Suite struct GEXFAndDOTIndexStreamTests {
  /// (streamed?, bytes) of each writer from `index`, and the loaded graph's bytes.
  func gexf(_ index: GraphIndex, _ options: ExportOptions = .init()) throws -> (streamed: Bool, bytes: [UInt8], loaded: [UInt8]) {
    var out = ExportBytes(capacity: 1 << 16)
    let streamed = try GEXFWriter(options: options).write(index: index, name: "g <&>", into: &out)
    let loaded = try GEXFWriter(options: options).write(ExportGraph(try index.loadSortedGraph()), name: "g <&>")
    return (streamed, out.bytes, loaded)
  }

  func dot(_ index: GraphIndex, _ options: ExportOptions = .init()) throws -> (streamed: Bool, bytes: [UInt8], loaded: [UInt8]) {
    var out = ExportBytes(capacity: 1 << 16)
    let streamed = try DOTWriter(options: options).write(index: index, name: "g \"x\"", into: &out)
    let loaded = DOTWriter(options: options).write(ExportGraph(try index.loadSortedGraph()), name: "g \"x\"")
    return (streamed, out.bytes, loaded)
  }

  /// Option sets the stream must honour: the defaults, flat XML, no legend or edge labels, short labels.
  static let optionSets: [ExportOptions] = {
    var flat = ExportOptions()
    flat.indent = false
    var bare = ExportOptions()
    bare.legend = false
    bare.edgeLabels = false
    bare.dotLabelLimit = 8
    return [ExportOptions(), flat, bare]
  }()

  @Test func aGeneratedIndexStreamsTheLoadedGraphsBytes() throws {
    let index = try IndexFixtures.generatedIndex(documents: 200, seed: 3)
    for options in Self.optionSets {
      let g = try gexf(index, options)
      #expect(g.streamed)
      #expect(g.bytes == g.loaded)
      let d = try dot(index, options)
      #expect(d.streamed)
      #expect(d.bytes == d.loaded)
    }
  }

  /// A committed graph with mentions (written after the story edges in DOT), escapes, dates that
  /// are and are not `xsd:date`, aliases and paths, an edge without evidence: the bytes of the
  /// writers on the graph itself, also through the file sink in small chunks.
  @Test func aCommittedGraphStreamsItsOwnBytes() throws {
    let graph = ExportFixtures.streamedGraph()
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: graph)
    for options in Self.optionSets {
      let g = try gexf(index, options)
      #expect(g.streamed)
      #expect(g.bytes == g.loaded)
      #expect(g.bytes == (try GEXFWriter(options: options).write(graph, name: "g <&>")))
      let d = try dot(index, options)
      #expect(d.streamed)
      #expect(d.bytes == DOTWriter(options: options).write(ExportGraph(graph), name: "g \"x\""))
    }
    let text = String(decoding: try dot(index).bytes, as: UTF8.self)
    let cites = try #require(text.range(of: "label=\"cites\""))
    let mentions = try #require(text.range(of: "arrowsize=\"0.5\""))
    #expect(cites.lowerBound < mentions.lowerBound)

    // Through a file in 97-byte chunks, as `export` writes it.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gexfdot-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let gexfSize = try GEXFWriter().write(index: index, name: "g", toFile: folder + "/g.gexf")
    let dotSize = try DOTWriter().write(index: index, name: "g", toFile: folder + "/g.dot")
    let gexfFile = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/g.gexf")))
    let dotFile = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/g.dot")))
    #expect(gexfFile == (try GEXFWriter().write(graph, name: "g")))
    #expect(dotFile == DOTWriter().write(graph, name: "g"))
    #expect(gexfSize == gexfFile.count)
    #expect(dotSize == dotFile.count)
  }

  @Test func hostileLabelsStreamAsLoaded() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: ExportFixtures.hostileGraph())
    let g = try gexf(index)
    #expect(g.streamed)
    #expect(g.bytes == g.loaded)
    let d = try dot(index)
    #expect(d.streamed)
    #expect(d.bytes == d.loaded)
  }

  /// Evidence rows tied but for their line (issue 21): the stream runs.
  @Test func evidenceTiedButForItsLineStreams() throws {
    let index = try ExportFixtures.indexWithEvidenceTiedButForLine()
    let g = try gexf(index)
    #expect(g.streamed)
    #expect(g.bytes == g.loaded)
    let d = try dot(index)
    #expect(d.streamed)
    #expect(d.bytes == d.loaded)
  }

  @Test func tablesOutOfCommitOrderGiveTheSameBytesTheGeneralWay() throws {
    let index = try IndexFixtures.generatedIndex(documents: 200, seed: 3)
    try IndexFixtures.reverseEvidenceRows(index)
    let g = try gexf(index)
    #expect(!g.streamed)
    #expect(g.bytes == g.loaded)
    let d = try dot(index)
    #expect(!d.streamed)
    #expect(d.bytes == d.loaded)
  }

  /// DOT clusters group the nodes before any is written: the graph is loaded.
  @Test func dotClustersAreWrittenFromTheLoadedGraph() throws {
    let index = try GraphIndex(path: IndexFixtures.temporaryIndexPath())
    try index.commit(files: [], removedPaths: [], graph: IndexFixtures.palantirGraph())
    for clustering in [DOTClustering.ministry, .dossier] {
      var options = ExportOptions()
      options.clusterBy = clustering
      let d = try dot(index, options)
      #expect(!d.streamed)
      #expect(d.bytes == d.loaded)
    }
    // The ministry clusters are drawn.
    var options = ExportOptions()
    options.clusterBy = .ministry
    #expect(String(decoding: try dot(index, options).bytes, as: UTF8.self).contains("subgraph \"cluster_0\""))
  }
}
