import Foundation
import Testing

@testable import KamerGraph

/// Seeded byte mutations of every corpus file: each read returns a document with valid ranges or
/// a one-line error naming the file. (The libFuzzer targets go further; this runs in every test run.)
@Suite("Readers: mutated inputs")
struct MutationTests {
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(max(bound, 1)))
    }
  }

  @Test(arguments: [
    "corpus/palantir/ah-tk-20252026-313.xml", "corpus/palantir/ah-tk-20252026-313.metadata.xml",
    "corpus/palantir/tk-syncfeed-2025Z15452.xml", "corpus/palantir/defensie-antwoord-2025Z14549.txt",
    "corpus/palantir/defensie-antwoord-2025Z14549.docx", "Tests/Fixtures/documents/ienw-brief.odt",
    "Tests/Fixtures/documents/officielebekendmakingen.html", "Tests/Fixtures/documents/kst-36600-X-12.xml",
  ])
  func mutationsNeverCrash(file: String) throws {
    let original = try ReaderFixture.bytes(file)
    var g = Generator(state: UInt64(original.count))
    let name = URL(fileURLWithPath: file).lastPathComponent
    for round in 0..<150 {
      var bytes = original
      for _ in 0..<(1 + g.next(4)) {
        switch g.next(4) {
        case 0: bytes[g.next(bytes.count)] = UInt8(g.next(256))
        case 1: bytes.insert(contentsOf: [0x3C, 0x26, 0x5D, 0x00, 0xFF][g.next(5)...], at: g.next(bytes.count))
        case 2:
          let start = g.next(bytes.count)
          bytes.removeSubrange(start..<min(bytes.count, start + g.next(64)))
        default: bytes = Array(bytes.prefix(g.next(bytes.count) + 1))
        }
        if bytes.isEmpty { bytes = [0x20] }
      }
      let path = "\(round)-\(name)"
      do {
        let doc = try DocumentReader().read(bytes: bytes, path: path)
        ReaderFixture.expectRangesValid(doc)
      } catch {
        #expect(error.description.hasPrefix(path + ": "))
        #expect(!error.description.contains("\n"))
      }
    }
  }
}
