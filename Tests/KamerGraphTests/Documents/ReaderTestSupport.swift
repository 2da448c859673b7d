import Foundation
import Testing

@testable import KamerGraph

/// Helpers shared by the reader tests.
enum ReaderFixture {
  static func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: Repo.path(relative))))
  }

  static func read(_ relative: String) throws -> Document {
    try DocumentReader().read(path: Repo.path(relative))
  }

  /// The text a range covers.
  static func slice(_ doc: Document, _ range: ByteRange) -> String {
    let u = Array(doc.text.utf8)
    return String(decoding: u[range.start..<range.end], as: UTF8.self)
  }

  /// Every footnote and link range lies inside the text and on UTF-8 character boundaries; marks
  /// lie inside their sentences.
  static func expectRangesValid(_ doc: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    let u = Array(doc.text.utf8)
    func valid(_ r: ByteRange) -> Bool {
      guard r.start >= 0, r.start <= r.end, r.end <= u.count else { return false }
      func boundary(_ i: Int) -> Bool { i == u.count || (u[i] & 0xC0) != 0x80 }
      return boundary(r.start) && boundary(r.end)
    }
    for f in doc.footnotes {
      #expect(valid(f.mark), "mark \(f.mark) of footnote \(f.number)", sourceLocation: sourceLocation)
      #expect(valid(f.body), "body \(f.body) of footnote \(f.number)", sourceLocation: sourceLocation)
      #expect(valid(f.sentence), "sentence \(f.sentence) of footnote \(f.number)", sourceLocation: sourceLocation)
      #expect(f.sentence.start <= f.mark.start && f.mark.end <= f.sentence.end, sourceLocation: sourceLocation)
      #expect(!f.body.isEmpty, sourceLocation: sourceLocation)
    }
    for l in doc.links {
      #expect(valid(l.range), "link \(l.target) at \(l.range)", sourceLocation: sourceLocation)
    }
  }

  /// A zip archive in memory with the given entries (built with ZIPFoundation).
  static func zip(_ entries: [(String, String)]) throws -> [UInt8] {
    try zipBytes(entries.map { ($0.0, Array($0.1.utf8)) })
  }

  static func zipBytes(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("a.zip")
    let archive = try ZIPArchiveBuilder(url: url)
    for (name, data) in entries { try archive.add(name, data) }
    return Array(try Data(contentsOf: url))
  }
}
