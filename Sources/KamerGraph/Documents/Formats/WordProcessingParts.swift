import Foundation

/// A footnote collected while walking a word-processing document: its number, mark position and
/// body text.
struct PendingNote {
  var number: String
  var mark: Int
  var body: [UInt8]
}

/// Assembles main text plus notes (each on its own line after the main text) into a Document.
func assemble(
  main: TextBuilder, notes: [PendingNote], links: [ExplicitLink], path: String, format: DocumentFormat
) -> Document {
  // The paragraphs stay exactly as joined; each note body follows on its own line.
  var bytes = main.bytes
  var placed: [(PendingNote, ByteRange)] = []
  for note in notes {
    bytes.append(0x0A)
    let start = bytes.count
    bytes.append(contentsOf: note.body)
    placed.append((note, ByteRange(start, bytes.count)))
  }
  var footnotes: [Footnote] = []
  for (note, body) in placed {
    let mark = ByteRange(min(note.mark, main.count), min(note.mark, main.count))
    footnotes.append(
      Footnote(
        number: note.number, mark: mark, body: TextScan.trimmed(body, in: bytes),
        sentence: TextScan.sentence(around: mark, in: bytes)))
  }
  let clamped = links.map {
    ExplicitLink(target: $0.target, range: ByteRange(min($0.range.start, bytes.count), min($0.range.end, bytes.count)))
  }
  return Document(
    path: path, format: format, text: String(decoding: bytes, as: UTF8.self), footnotes: footnotes, links: clamped)
}

func parsePart(_ bytes: [UInt8], _ path: String, _ part: String) throws(DocumentError) -> XMLTree {
  do {
    return try XMLTree.parse(bytes, file: path)
  } catch {
    // The error names the file; the message says which part of the archive is broken.
    throw .xml(XMLError(file: path, line: error.line, column: error.column, message: "in \(part): \(error.message)"))
  }
}
