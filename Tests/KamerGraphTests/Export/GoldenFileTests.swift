import Foundation
import Testing

@testable import KamerGraph

/// The Palantir-shaped graph in every format, compared byte for byte with Tests/Fixtures/export/.
/// The fixtures were checked by the real clients (see the other suites); run with
/// `KAMERGRAPH_UPDATE_GOLDEN=1` to rewrite them after a deliberate change, and review the diff.
@Suite struct GoldenFileTests {
  static let update = ProcessInfo.processInfo.environment["KAMERGRAPH_UPDATE_GOLDEN"] == "1"

  @Test(arguments: GraphFormat.allCases)
  func palantirMatchesTheFixture(format: GraphFormat) throws {
    var options = ExportOptions()
    options.clusterBy = .dossier
    for file in try GraphExporter.files(
      for: ExportFixtures.palantir(), name: "palantir", format: format, options: options)
    {
      let path = Repo.path("Tests/Fixtures/export/\(file.fileName)")
      if Self.update { try Data(file.contents).write(to: URL(fileURLWithPath: path)) }
      let fixture = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(file.contents == fixture, "\(file.fileName) differs from its fixture")
    }
  }
}
