import Foundation
import Testing

@testable import KamerGraph
@testable import KamerGraphFetch

extension FetchNetworkTests {
  /// `kamergraph fetch` run as a user runs it, against the sources played on 127.0.0.1.
  @Suite struct FetchCommandTests {
    func arguments(_ mirror: SourceMirror, cache: URL) -> [String] {
      [
        "--cache", cache.path, "--rate", "100", "--timeout", "5", "--koop-url", mirror.sources.koop.absoluteString,
        "--tk-url", mirror.sources.tk.absoluteString, "--rechtspraak-url", mirror.sources.rechtspraak.absoluteString,
      ]
    }

    @Test func fetchAddsTheDocumentsToTheIndexAndWritesTheGraph() throws {
      guard let exe = QueryCommandLineTests.binary() else { return }
      let mirror = try SourceMirror()
      let dir = try ExternalTool.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let index = dir.appendingPathComponent("index.sqlite").path
      let run = try #require(
        try ExternalTool.run(
          "env", ["-C", dir.path, exe, "fetch", "2025Z15452"] + arguments(mirror, cache: dir.appendingPathComponent("cache")) + ["--index", index]))
      #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
      #expect(run.stdout.contains("2025Z15452  fetched   (depth 0) ah-tk-20252026-313.metadata.xml ah-tk-20252026-313.xml"))
      #expect(run.stdout.contains("fetch: 1 ids: 1 fetched; 4 requests"))
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache/graphs/fetched.graphml").path))
      // The index now answers queries about the fetched answer.
      let show = try #require(try ExternalTool.run("env", [exe, "show", "ah-tk-20252026-313", "--index", index]))
      #expect(show.status == 0, "\(show.stderr)")
      #expect(show.stdout.contains("ah-tk-20252026-313"))
      // An id the sources do not have: exit status 2, with the URL tried.
      let missing = try #require(
        try ExternalTool.run("env", ["-C", dir.path, exe, "fetch", "kst-36600-X-12", "--no-build"] + arguments(mirror, cache: dir.appendingPathComponent("cache"))))
      #expect(missing.status == 2)
      #expect(missing.stdout.contains("kst-36600-X-12  not found"))
      #expect(missing.stdout.contains("/koop/sru?"))
    }

    @Test func aRunKilledMidDownloadLeavesNothingHalfWrittenAndTheNextContinues() throws {
      guard let exe = QueryCommandLineTests.binary() else { return }
      let counter = Counter()
      let mirror = try SourceMirror { request in
        guard request.target.hasSuffix("/xml/ah-tk-20252026-313.xml"), counter.next() == 1 else { return nil }
        // The first download stalls half-way: the test kills the process then.
        var reply = LoopbackServer.Reply.ok(SourceMirror.corpus("ah-tk-20252026-313.xml"), type: "application/xml")
        reply.stallAfter = 1000
        reply.stall = 20
        return reply
      }
      let dir = try ExternalTool.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let cache = dir.appendingPathComponent("cache")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: exe)
      process.arguments = ["fetch", "ah-tk-20252026-313", "--no-build"] + arguments(mirror, cache: cache)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Wait (up to 30 s) until the download has started, give it a moment to receive the first bytes, then kill.
      for _ in 0..<300 where mirror.server.count("/koop/frbr/") == 0 { Thread.sleep(forTimeInterval: 0.1) }
      Thread.sleep(forTimeInterval: 0.5)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(mirror.server.count("/koop/frbr/") == 1)
      let documents = cache.appendingPathComponent("documents").path
      #expect(try FileManager.default.contentsOfDirectory(atPath: documents).isEmpty)
      // The second run asks only for what is missing: the SRU answer is already cached.
      let run = try #require(try ExternalTool.run("env", [exe, "fetch", "ah-tk-20252026-313", "--no-build"] + arguments(mirror, cache: cache)))
      #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
      #expect(mirror.server.count("/koop/sru") == 1)
      #expect(mirror.server.count("/koop/frbr/officielepublicaties/ah-tk/20252026/ah-tk-20252026-313/1/xml/") == 2)
      let xml = try Data(contentsOf: cache.appendingPathComponent("documents/ah-tk-20252026-313.xml"))
      #expect([UInt8](xml) == SourceMirror.corpus("ah-tk-20252026-313.xml"))
      #expect(try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("tmp").path).isEmpty)
    }
  }
}
