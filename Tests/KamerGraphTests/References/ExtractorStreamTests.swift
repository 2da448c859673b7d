import Foundation
import Testing

@testable import KamerGraph

/// `Extractor.streamMentions` hands mentions out in pieces while the scan goes on. Put together,
/// the pieces must be exactly what `mentions(in:)` returns, for any piece size: same mentions,
/// same order, same footnote fields, no duplicates across pieces.
@Suite struct ExtractorStreamTests {
  static func streamed(_ document: Document, chunk: Int) -> (mentions: [Mention], pieces: Int) {
    var all: [Mention] = []
    var pieces = 0
    Extractor().streamMentions(in: document, chunk: chunk) { piece in
      #expect(!piece.isEmpty)
      all.append(contentsOf: piece)
      pieces += 1
    }
    return (all, pieces)
  }

  static var corpusDocuments: [Document] {
    let reader = DocumentReader()
    var out: [Document] = []
    for folder in ["corpus/palantir", "corpus/constructed"] {
      let root = Repo.path(folder)
      guard let names = try? FileManager.default.subpathsOfDirectory(atPath: root) else { continue }
      for name in names.sorted() where !name.hasPrefix(".") {
        if let document = try? reader.read(path: root + "/" + name) { out.append(document) }
      }
    }
    return out
  }

  @Test func piecesOfTheExampleCorpusAreTheWholeExtraction() {
    let documents = Self.corpusDocuments
    #expect(documents.count >= 5)
    for document in documents {
      let whole = Extractor().mentions(in: document)
      for chunk in [1, 3, 64, 4096] {
        #expect(Self.streamed(document, chunk: chunk).mentions == whole, "\(document.path), pieces of \(chunk)")
      }
    }
  }

  /// The corpus texts one after the other, some 40 copies (well past the lag, so pieces really are
  /// handed out early), with their footnotes moved along.
  @Test func aLongTextComesOutInManyPiecesEqualToTheWhole() {
    var text = ""
    var footnotes: [Footnote] = []
    var copies = 0
    while text.utf8.count < 1 << 20 {
      for document in Self.corpusDocuments where !document.text.isEmpty {
        let offset = text.utf8.count
        for note in document.footnotes {
          func moved(_ r: ByteRange) -> ByteRange { ByteRange(r.start + offset, r.end + offset) }
          footnotes.append(
            Footnote(number: note.number, mark: moved(note.mark), body: moved(note.body), sentence: moved(note.sentence)))
        }
        text += document.text + "\n\n"
      }
      copies += 1
    }
    var document = Document(path: "long.txt", format: .plainText, text: text)
    document.footnotes = footnotes
    let whole = Extractor().mentions(in: document)
    #expect(whole.count > 1000)
    #expect(whole.contains { $0.fields[MentionField.footnote] != nil })
    for chunk in [1, 100, 4096] {
      let (mentions, pieces) = Self.streamed(document, chunk: chunk)
      #expect(mentions == whole, "pieces of \(chunk)")
      // Pieces come out all along (one per `chunk` mentions at most; the mentions of the last
      // few kilobytes wait for a later piece).
      #expect(pieces >= 2 && pieces >= whole.count / chunk / 20, "pieces of \(chunk): \(pieces) for \(whole.count)")
    }
  }

  @Test func randomTextsComeOutEqualInPieces() {
    var rng = RandomTextTests.SplitMix(state: 20_261_130)
    for _ in 0..<500 {
      var text = ""
      for _ in 0..<(Int(rng.next() % 400) + 1) {
        text += rng.pick(RandomTextTests.pieces)
        if rng.next() % 3 == 0 { text += rng.next() % 5 == 0 ? "\n" : " " }
      }
      let document = Document(path: "random.txt", format: .plainText, text: text)
      #expect(Self.streamed(document, chunk: 2).mentions == Extractor().mentions(in: document), "\(text.debugDescription)")
    }
  }

  @Test func anEmptyTextGivesNoPiece() {
    #expect(Self.streamed(Document(path: "e.txt", format: .plainText, text: ""), chunk: 1).pieces == 0)
  }
}
