import Foundation
import Testing

@testable import KamerGraph

/// The same inputs give byte-identical outputs whatever the input order, thread count or run.
@Suite struct ReproducibilityTests {
  func allFormats(_ graph: CitationGraph) throws -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    for format in GraphFormat.allCases {
      for file in try GraphExporter.files(for: graph, name: "palantir", format: format) { out[file.fileName] = file.contents }
    }
    return out
  }

  @Test func exportsAreIdenticalAcrossOrderThreadsAndRuns() throws {
    let folder = Repo.path("corpus/palantir")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
    let reference = try allFormats(try BuildPipeline(options: BuildOptions(threads: 1)).build(paths: [folder]).graph)
    #expect(reference.count == 6)
    for (threads, paths) in [(4, files.reversed()), (2, Array(files)), (8, [folder]), (1, files.shuffled())] {
      let graph = try BuildPipeline(options: BuildOptions(threads: threads)).build(paths: Array(paths)).graph
      let again = try allFormats(graph)
      for (name, bytes) in reference {
        #expect(again[name] == bytes, "\(name) differs with \(threads) threads")
      }
    }
  }
}
