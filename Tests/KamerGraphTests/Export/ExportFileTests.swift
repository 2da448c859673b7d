import Foundation
import GRDB
import Testing

@testable import KamerGraph

/// Exports written to files in chunks (issue 21): the same bytes as the documents built in memory,
/// whatever the chunk size, for every format, from a graph and from the index's streams (also when
/// a stream gives up half way and the file is written again from the start).
@Suite struct ExportFileTests {
  func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kamergraph-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func contents(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

  @Test(arguments: GraphFormat.allCases)
  func everyFormatWritesTheBytesOfTheDocumentInMemory(format: GraphFormat) throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let graph = GeneratedGraph.make(documents: 300, seed: 5)
    var options = ExportOptions()
    options.csvByteOrderMark = true
    let expected = try GraphExporter.files(for: graph, name: "g", format: format, options: options)
    // A chunk of 97 bytes: the files are written in hundreds of pieces; 1 MB: in one.
    for chunk in [97, 1 << 20] {
      let written = try GraphExporter.write(
        ExportGraph(graph), name: "g", format: format, options: options, chunk: chunk
      ) { dir.appendingPathComponent("\(chunk)-" + $0).path }
      #expect(written.map(\.path) == expected.map { dir.appendingPathComponent("\(chunk)-" + $0.fileName).path })
      for (file, memory) in zip(written, expected) {
        #expect(file.size == memory.contents.count)
        #expect(try contents(file.path) == memory.contents, "\(file.path)")
      }
    }
    #expect(expected.allSatisfy { $0.contents.count > 97 * 20 })
  }

  @Test func theIndexStreamsWriteTheirBytesInChunksAndAgainAfterGivingUp() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let index = try IndexFixtures.generatedIndex(documents: 300, seed: 3)
    for giveUp in [false, true] {
      // Evidence rows last edge first: the stream gives up at the first edge, after the nodes
      // (hundreds of chunks) are in the file.
      if giveUp { try IndexFixtures.reverseEvidenceRows(index) }
      let json = JSONGraphWriter().write(ExportGraph(try index.loadSortedGraph()), name: "g")
      let path = dir.appendingPathComponent("g-\(giveUp).json").path
      let file = try ExportFile(path: path)
      var out = ExportBytes(file: file, chunk: 97)
      #expect(try JSONGraphWriter().write(index: index, name: "g", into: &out) == !giveUp)
      out.flush()
      #expect(try file.close() == json.count)
      #expect(try contents(path) == json)

      let g = ExportGraph(try index.loadSortedGraph())
      let bom = GraphExporter.byteOrderMark
      let nodes = bom + CSVGraphWriter().nodes(g)
      let edges = bom + CSVGraphWriter().edges(g)
      let nodesFile = try ExportFile(path: dir.appendingPathComponent("n-\(giveUp).csv").path)
      let edgesFile = try ExportFile(path: dir.appendingPathComponent("e-\(giveUp).csv").path)
      var n = ExportBytes(file: nodesFile, chunk: 97)
      var e = ExportBytes(file: edgesFile, chunk: 97)
      #expect(try CSVGraphWriter().write(index: index, nodes: &n, edges: &e, byteOrderMark: true) == !giveUp)
      n.flush()
      e.flush()
      #expect(try nodesFile.close() == nodes.count)
      #expect(try edgesFile.close() == edges.count)
      #expect(try contents(nodesFile.path) == nodes)
      #expect(try contents(edgesFile.path) == edges)

      // The public calls, with their 1 MB chunks.
      let jsonPath = dir.appendingPathComponent("p-\(giveUp).json").path
      #expect(try JSONGraphWriter().write(index: index, name: "g", toFile: jsonPath) == json.count)
      #expect(try contents(jsonPath) == json)
      let np = dir.appendingPathComponent("p-\(giveUp).nodes.csv").path
      let ep = dir.appendingPathComponent("p-\(giveUp).edges.csv").path
      let sizes = try CSVGraphWriter().write(index: index, nodesFile: np, edgesFile: ep, byteOrderMark: true)
      #expect(sizes.nodes == nodes.count && sizes.edges == edges.count)
      #expect(try contents(np) == nodes && contents(ep) == edges)
    }
  }

  @Test func aFileThatCannotBeWrittenIsAnErrorNamingIt() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = dir.appendingPathComponent("missing/g.dot").path
    #expect(throws: ExportError.io(path: missing, reason: "No such file or directory")) {
      try GraphExporter.write(ExportFixtures.palantir(), name: "g", format: .dot) { _ in missing }
    }
    let index = try IndexFixtures.palantirIndex()
    #expect(throws: ExportError.io(path: missing, reason: "No such file or directory")) {
      try JSONGraphWriter().write(index: index, name: "g", toFile: missing)
    }
    // A full device: the write fails, and `close` says so (the writers do not throw per record).
    if FileManager.default.fileExists(atPath: "/dev/full") {
      #expect(throws: ExportError.io(path: "/dev/full", reason: "No space left on device")) {
        try GraphExporter.write(GeneratedGraph.make(documents: 50, seed: 1), name: "g", format: .json) { _ in "/dev/full" }
      }
    }
  }
}
