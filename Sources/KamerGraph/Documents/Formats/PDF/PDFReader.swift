import CPoppler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads PDF documents with poppler (its GLib interface, Debian's `libpoppler-glib8`, loaded on the
/// first PDF by `PopplerLibrary`): the text of every page in poppler's reading order, lines rebuilt
/// from the position of each character, pages separated by a form feed (as `pdftotext` does).
///
/// On top of poppler's text:
/// - page furniture: lines repeated in the top or bottom margin of most pages (running headers and
///   footers) are kept once, where they first appear; page numbers in the margins are dropped; the
///   kept lines and a first page's publication footer (the KOOP "ah-tk-… ISSN … ’s-Gravenhage")
///   are `PageLayout.furniture`, so their references become the document's own ids;
/// - words hyphenated across lines are joined ("Staats-" + "courant"), real hyphens kept
///   ("Noord-" + "Holland", "zee-" + "egel", "aanloop-" + "en"), ligatures and soft hyphens
///   normalised;
/// - footnotes: small-type notes at the foot of a page starting with a number are attached to the
///   raised mark of that number in the running text (the mark is taken out of the text, as the
///   KOOP reader does);
/// - the PDF's Title, Author, Subject, Keywords and CreationDate fill the label and date when
///   the text (letterhead) gives none.
///
/// Bad PDFs fail alone with one clear message: encrypted, damaged, without a text layer, or past
/// the limits (pages, inflated stream bytes, text bytes, seconds). JavaScript and embedded files
/// are never run or read.
package enum PDFReader {
  /// Limits against hostile or oversized PDFs (the file size is `ReaderLimits.maxFileSize`).
  package struct Limits: Sendable {
    /// The most pages read.
    package var maxPages = 10_000
    /// The most bytes all Flate streams of the file may inflate to (a PDF bomb is a small file
    /// whose streams inflate to gigabytes).
    package var maxInflated = 1 << 30
    /// The most UTF-8 bytes of text.
    package var maxText = 128 << 20
    /// The most seconds spent on one file (checked between pages).
    package var maxSeconds = 60.0

    package init() {}
  }

  package static func read(bytes: [UInt8], path: String, limits: Limits = Limits()) throws(DocumentError) -> Document {
    try read(bytes: bytes, path: path, limits: limits, library: PopplerSetup.library())
  }

  /// `read` with the poppler it is given (`PopplerSetup.library()`, or a failed load in the tests):
  /// without poppler a PDF fails with the file's name and how to install the library.
  static func read(
    bytes: [UInt8], path: String, limits: Limits, library: Result<PopplerLibrary, PopplerLibrary.LoadError>
  ) throws(DocumentError) -> Document {
    let started = monotonicSeconds()
    guard bytes.count >= 8, bytes.starts(with: Array("%PDF-".utf8)) else {
      throw .invalidContent(path: path, reason: "is not a PDF (no %PDF- header)")
    }
    if let inflated = FlateBudget.exceeds(bytes, limit: limits.maxInflated) {
      throw .invalidContent(
        path: path,
        reason: "is a PDF whose compressed streams inflate to more than \(inflated) bytes (limit \(limits.maxInflated)): a PDF bomb, not read")
    }
    let poppler: PopplerLibrary
    switch library {
    case .success(let loaded): poppler = loaded
    case .failure(let error): throw .unreadable(path: path, reason: error.description)
    }
    var gerror: UnsafeMutablePointer<GError>?
    guard let doc = poppler.document(bytes, error: &gerror) else {
      let code = gerror?.pointee.code ?? -1
      let message = gerror.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
      if gerror != nil { poppler.errorFree(gerror) }
      if code == Int32(CPOPPLER_ERROR_ENCRYPTED.rawValue) {
        throw .invalidContent(path: path, reason: "is an encrypted PDF that needs a password: it cannot be read")
      }
      let tail = bytes.suffix(1024)
      let truncated = TextScan.find(Array("%%EOF".utf8), in: Array(tail)) == nil
      throw .invalidContent(
        path: path,
        reason: truncated
          ? "is a truncated PDF (no %%EOF at its end) that cannot be read (\(message))"
          : "is a damaged PDF that cannot be read (\(message))")
    }
    defer { poppler.objectUnref(UnsafeMutableRawPointer(doc)) }
    let pageCount = Int(poppler.documentGetNPages(doc))
    guard pageCount > 0 else { throw .invalidContent(path: path, reason: "is a PDF without pages") }
    guard pageCount <= limits.maxPages else {
      throw .invalidContent(path: path, reason: "is a PDF of \(pageCount) pages, more than the limit of \(limits.maxPages): not read")
    }
    var notes: [String] = []
    var pages: [PDFPage] = []
    pages.reserveCapacity(pageCount)
    var textBytes = 0
    for index in 0..<pageCount {
      guard let page = poppler.documentGetPage(doc, Int32(index)) else {
        notes.append("page \(index + 1) could not be read")
        pages.append(PDFPage(number: index + 1, label: nil, width: 1, height: 1, lines: []))
        continue
      }
      let read = PDFPage.read(page, number: index + 1, poppler: poppler)
      poppler.objectUnref(UnsafeMutableRawPointer(page))
      textBytes += read.lines.reduce(0) { $0 + $1.byteCount }
      guard textBytes <= limits.maxText else {
        throw .invalidContent(path: path, reason: "is a PDF with more than \(limits.maxText) bytes of text (stopped at page \(index + 1)): not read")
      }
      pages.append(read)
      if monotonicSeconds() - started > limits.maxSeconds {
        throw .invalidContent(
          path: path,
          reason: "is a PDF that took more than \(Int(limits.maxSeconds)) seconds to read (stopped at page \(index + 1) of \(pageCount)): not read")
      }
    }
    let visible = pages.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.visibleCount } }
    guard visible > 0 else {
      throw .invalidContent(
        path: path, reason: "is a PDF of \(pageCount) page\(pageCount == 1 ? "" : "s") without a text layer: it needs OCR first")
    }
    let empty = pages.filter { $0.lines.allSatisfy { $0.visibleCount == 0 } }.map(\.number)
    if !empty.isEmpty {
      notes.append("page\(empty.count == 1 ? "" : "s") \(PDFText.list(empty)) without text (scanned images need OCR)")
    }
    if poppler.documentHasJavascript(doc) != 0 { notes.append("has JavaScript (ignored)") }
    let attachments = Int(poppler.documentGetNAttachments(doc))
    if attachments > 0 { notes.append("has \(attachments) embedded file\(attachments == 1 ? "" : "s") (not read)") }

    var assembled = PDFText.assemble(pages)
    var document = Document(path: path, format: .pdf, text: String(decoding: assembled.bytes, as: UTF8.self), notes: notes)
    document.footnotes = assembled.footnotes
    document.layout = assembled.layout
    assembled.bytes = []
    Letterhead.apply(to: &document)
    PDFMetadata.apply(doc, to: &document, poppler: poppler)
    return document
  }

  static func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}
