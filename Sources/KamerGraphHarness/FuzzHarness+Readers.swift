import KamerGraph

/// The reader targets: each reader on arbitrary bytes must return a `Document` whose footnote and
/// link ranges lie inside its text (and whose mentions keep the extractor's invariants), or throw
/// a `DocumentError` whose description names the file. It must never trap or hang.
extension FuzzHarness {
  /// The path the reader targets give their input (errors must name it).
  static let fuzzPath = "fuzz/input"

  /// The reader targets and what they run.
  static let readerTargets: [String] = ["read", "read-html", "read-pdf", "read-text", "read-xml", "read-zip"]

  /// Runs reader target `name`; nil for a name that is not a reader target.
  static func checkReader(_ name: String, _ bytes: [UInt8]) -> [String]? {
    switch name {
    case "read":
      return outcome(path: fuzzPath) { () throws(DocumentError) in
        try DocumentReader().read(bytes: bytes, path: fuzzPath)
      }
    case "read-xml":
      let path = fuzzPath + ".xml"
      return outcome(path: path) { () throws(DocumentError) in try KOOPXMLReader.read(bytes: bytes, path: path) }
        + outcome(path: path) { () throws(DocumentError) in try KOOPMetadataReader.read(bytes: bytes, path: path) }
        + outcome(path: path) { () throws(DocumentError) in try TKOpenDataReader.read(bytes: bytes, path: path) }
        + outcome(path: path) { () throws(DocumentError) in try RechtspraakReader.read(bytes: bytes, path: path) }
    case "read-html":
      let path = fuzzPath + ".html"
      return outcome(path: path) { () throws(DocumentError) in try HTMLReader.read(bytes: bytes, path: path) }
    case "read-pdf":
      let path = fuzzPath + ".pdf"
      return outcome(path: path) { () throws(DocumentError) in try PDFReader.read(bytes: bytes, path: path, limits: fuzzPDFLimits) }
    case "read-text":
      let path = fuzzPath + ".txt"
      return outcome(path: path) { () throws(DocumentError) in PlainTextReader.read(bytes: bytes, path: path) }
    case "read-zip":
      let path = fuzzPath + ".docx"
      let zip: SafeZip
      do throws(DocumentError) {
        zip = try SafeZip(bytes: bytes, path: path, limits: ReaderLimits())
      } catch {
        return checkError(error, path: path)
      }
      return outcome(path: path) { () throws(DocumentError) in try DocxReader.read(zip: zip, path: path) }
        + outcome(path: path) { () throws(DocumentError) in try ODTReader.read(zip: zip, path: path) }
    default:
      return nil
    }
  }

  /// The invariants of one read: a document that keeps them, or an error that names the file.
  static func outcome(path: String, _ read: () throws(DocumentError) -> Document) -> [String] {
    do throws(DocumentError) {
      return checkDocument(try read())
    } catch {
      return checkError(error, path: path)
    }
  }

  /// A reader's error is one sentence that names the file.
  static func checkError(_ error: DocumentError, path: String) -> [String] {
    let text = error.description
    if text.isEmpty { return ["an error has an empty description."] }
    if !text.contains(path) { return ["the error \(text.debugDescription) does not name the file \(path)."] }
    return []
  }

  /// Every footnote mark, body and sentence and every link range lies inside the text (start <=
  /// end); the extractor's mentions of the document keep their invariants.
  public static func checkDocument(_ document: Document) -> [String] {
    let count = document.text.utf8.count
    var problems: [String] = []
    func inside(_ range: ByteRange, _ what: String) {
      if range.start < 0 || range.start > range.end || range.end > count {
        problems.append("\(what) \(range.start)..<\(range.end) lies outside the text of \(count) bytes.")
      }
    }
    for note in document.footnotes.prefix(10_000) {
      inside(note.mark, "the mark of footnote \(note.number.debugDescription)")
      inside(note.body, "the body of footnote \(note.number.debugDescription)")
      inside(note.sentence, "the sentence of footnote \(note.number.debugDescription)")
    }
    for link in document.links.prefix(10_000) {
      inside(link.range, "the anchor of link \(link.target.debugDescription)")
    }
    if let layout = document.layout { problems += checkLayout(layout, count: count) }
    if problems.count > 5 { problems = Array(problems.prefix(5)) }
    if problems.isEmpty {
      problems += checkMentions(Extractor().mentions(in: document), in: document.text)
    }
    return problems
  }
}
