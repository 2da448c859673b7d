import Foundation
import Testing

@testable import KamerGraph

/// A large plain-text file read in place must give what the ordinary read gives: the same
/// document (but for the text it does not hold), the fingerprint of that text, and the same
/// mentions; anything the ordinary read would not take as it is on disk is left to it.
@Suite struct MappedPlainTextTests {
  /// The example letters one after the other until `bytes` long, with a letterhead on top and
  /// Word-export footnotes (marks, then bodies further on).
  static func longLetter(bytes: Int) -> String {
    var text = "Onze referentie\nMINDEF20250032172\nDatum\n11 juli 2025\nBetreft\nPalantir\n\nGeachte voorzitter,\n\n"
    var n = 1
    let corpus = ExtractorStreamTests.corpusDocuments.map(\.text).filter { !$0.contains("[footnoteRef:") }
    while text.utf8.count < bytes {
      for piece in corpus {
        text += piece + " Zie ook[footnoteRef:\(n)] de eerdere brief.\n\n[\(n):  Kamerstukken II 2024/25, 36 600 X, nr. \(n).]\n\n"
        n += 1
      }
    }
    return text
  }

  static func write(_ bytes: [UInt8], name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  @Test func aLargeLetterGivesTheOrdinaryDocumentAndMentions() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try Self.write(Array(Self.longLetter(bytes: 300_000).utf8), name: "long.txt", in: dir)
    let ordinary = try DocumentReader().read(path: path)
    let mapped = try #require(MappedPlainText.map(path: path, limits: ReaderLimits(), minimumSize: 0))
    var expected = ordinary
    expected.text = ""
    #expect(mapped.document == expected)
    #expect(!mapped.document.footnotes.isEmpty && !mapped.document.ownIds.isEmpty)
    #expect(mapped.bytes.count == ordinary.text.utf8.count)
    let whole = Extractor().mentions(in: ordinary)
    #expect(whole.contains { $0.fields[MentionField.footnote] != nil })
    for chunk in [1, 4096] {
      var streamed: [Mention] = []
      let digest = mapped.streamMentions(Extractor(), chunk: chunk) { streamed.append(contentsOf: $0) }
      #expect(streamed == whole, "pieces of \(chunk)")
      #expect(digest == FastDigest.of(ordinary.text))
    }
  }

  @Test func whatTheOrdinaryReadChangesIsLeftToIt() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = Array(Self.longLetter(bytes: 100_000).utf8)
    func mapped(_ bytes: [UInt8], _ name: String) throws -> Bool {
      MappedPlainText.map(path: try Self.write(bytes, name: name, in: dir), limits: ReaderLimits(), minimumSize: 0) != nil
    }
    #expect(try mapped(text, "plain.txt"))
    #expect(try !mapped([0xEF, 0xBB, 0xBF] + text, "bom.txt"))
    #expect(try !mapped(text + [0xE9] + text, "latin1.txt"))
    #expect(try !mapped(text + [0] + text, "nul.txt"))
    #expect(try !mapped(text + Array("\u{FFFD}".utf8), "replacement.txt"))
    #expect(try !mapped(text, "notes.md"))
    #expect(try !mapped(Array(text.prefix(1000)), "small.txt"), "below 64 KiB the ordinary read takes another path")
    #expect(try !mapped(Array("<?xml version=\"1.0\"?><officiele-publicatie/>".utf8) + text, "koop.txt"))
    #expect(MappedPlainText.map(path: dir.appendingPathComponent("missing.txt").path, limits: ReaderLimits()) == nil)
    #expect(MappedPlainText.map(path: dir.appendingPathComponent("plain.txt").path, limits: ReaderLimits()) == nil,
      "below MappedPlainText.minimumSize by default")
    let limits = ReaderLimits(maxFileSize: 1000)
    #expect(MappedPlainText.map(path: dir.appendingPathComponent("plain.txt").path, limits: limits, minimumSize: 0) == nil)
  }
}
