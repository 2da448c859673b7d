#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large plain-text file read in place: mapped into memory and walked window by window, with
/// the pages behind each window given back, so that reading and extracting it take the same
/// memory for 10 MB as for 200 MB (`BuildPipeline.extractResolved` uses it for files whose
/// mentions are not expected to fit its budget).
///
/// Only a file that `DocumentReader` reads as it is on disk qualifies (`DocumentReader.plainUTF8`:
/// a `.txt` of at least 64 KiB without BOM that sniffs as plain text, well-formed UTF-8 with no
/// NUL and no U+FFFD), so the document, its footnotes, letterhead ids and mentions are exactly
/// those of the ordinary read. Anything else gives nil and is read the ordinary way.
///
/// The map is read only and private. As with any memory map (ripgrep's, for one), a file cut
/// shorter by another program while it is being read ends the process (SIGBUS); a file changed in
/// place between the two reads of `extract` is noticed by its fingerprint.
final class MappedPlainText: @unchecked Sendable {
  /// The document without its text (`text` is empty): footnotes, ids and metadata as
  /// `PlainTextReader` gives them.
  let document: Document
  /// The text's bytes (valid while this object lives).
  let bytes: UnsafeBufferPointer<UInt8>
  private let base: UnsafeMutableRawPointer
  /// Pages below this offset were given back in the current walk.
  private var released = 0

  /// The stretch walked between two page releases.
  static let window = 4 << 20
  /// How far behind the extraction pages are kept: recognizers look back a few KB at most
  /// (`ByteText.lineScanLimit`); a page given back too early is only read again from the file cache.
  static let keptBehind = 1 << 20
  /// The smallest file mapped: smaller files are cheap to read whole (and `DocumentReader` reads
  /// them through a different path below `directTextMinimum`).
  static let minimumSize = 4 << 20

  private init(document: Document, base: UnsafeMutableRawPointer, count: Int) {
    self.document = document
    self.base = base
    bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
  }

  deinit { munmap(base, bytes.count) }

  /// Maps `path` when it qualifies (see the type) and is at least `minimumSize` bytes (never less
  /// than `DocumentReader.directTextMinimum`); nil for anything else, including any error, which
  /// the ordinary read then reports.
  static func map(path: String, limits: ReaderLimits, minimumSize: Int = MappedPlainText.minimumSize)
    -> MappedPlainText?
  {
    guard FormatSniffer.plainTextExtensions.contains(FormatSniffer.ext(path)) else { return nil }
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(st.st_size)
    guard size >= max(minimumSize, DocumentReader.directTextMinimum), size <= limits.maxFileSize else { return nil }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    // The size of the file that was opened (the path may have been replaced since stat).
    guard fstat(fd, &st) == 0, Int(st.st_size) == size,
      let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != UnsafeMutableRawPointer(bitPattern: -1)
    else { return nil }
    let bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
    func refuse() -> MappedPlainText? {
      munmap(mapped, size)
      return nil
    }
    // The tests of `DocumentReader.plainUTF8` on the first 64 KiB.
    let head = Array(bytes.prefix(DocumentReader.directTextMinimum))
    guard !head.starts(with: [0xEF, 0xBB, 0xBF]), TextDecoding.utf16Order(head) == nil,
      case .format(.plainText) = FormatSniffer.sniff(head, path: path)
    else { return refuse() }
    // One walk, a window at a time: the UTF-8 test, and whether any footnote mark is there; the
    // pages of each window are given back after it.
    let page = Int(getpagesize())
    let mark = Array("[footnoteRef:".utf8)
    var hasFootnoteMarks = false
    var offset = 0
    var next = 0  // where the UTF-8 test goes on (a character may cross a window's end)
    while offset < size {
      let end = min(size, offset + window)
      guard let checked = PlainUTF8.check(bytes, from: next, to: end) else { return refuse() }
      next = checked
      if !hasFootnoteMarks {
        // From a little before the window, for a mark that crosses its start.
        hasFootnoteMarks = TextScan.find(mark, in: bytes, from: max(0, offset - mark.count), to: end) != nil
      }
      offset = end
      _ = madvise(mapped, offset & ~(page - 1), Int32(MADV_DONTNEED))
    }
    var document = Document(path: path, format: .plainText, text: "")
    // Marks and bodies are searched over the whole map only when there is a mark at all.
    if hasFootnoteMarks {
      var below = 0
      document.footnotes = PlainTextReader.footnoteMarkers(in: bytes) { from, to in
        // Whole pages only, and a window at a time below the position.
        if from == 0 {
          if to < below { below = 0 }  // a new walk from the start (the sentences after the marks)
          guard to - below >= window else { return }
          _ = madvise(mapped + below, (to & ~(page - 1)) - below, Int32(MADV_DONTNEED))
          below = to & ~(page - 1)
        } else if to - from >= window {
          let a = (from + page - 1) & ~(page - 1)
          _ = madvise(mapped + a, (to & ~(page - 1)) - a, Int32(MADV_DONTNEED))
        }
      }
      _ = madvise(mapped, size, Int32(MADV_DONTNEED))
    }
    // The first lines only (a text without line breaks is read to its end, and given back after).
    Letterhead.apply(to: &document, bytes: bytes)
    _ = madvise(mapped, size, Int32(MADV_DONTNEED))
    return MappedPlainText(document: document, base: mapped, count: size)
  }

  /// Every mention of the text, in pieces (`Extractor.streamMentions`), with the pages behind
  /// the extraction given back as it goes. Returns the text's `FastDigest` (as
  /// `ExtractedDocument.releasingText` computes it), taken on the way while the bytes are at hand.
  @discardableResult
  func streamMentions(_ extractor: Extractor, chunk: Int = 4096, emit: (inout [Mention]) -> Void) -> String {
    released = 0
    var digest = FastDigest.Stream()
    var digested = 0
    extractor.streamMentions(
      bytes: bytes, footnotes: document.footnotes, chunk: chunk,
      passed: { position in
        let upTo = min(max(position, 0), self.bytes.count) & ~7
        if upTo > digested {
          digested += digest.add(words: UnsafeBufferPointer(rebasing: self.bytes[digested..<upTo]))
        }
        self.release(below: digested - Self.keptBehind)
      }, emit: emit)
    digested += digest.add(words: UnsafeBufferPointer(rebasing: bytes[digested...]))
    _ = madvise(base, bytes.count, Int32(MADV_DONTNEED))
    released = 0
    return digest.finish(tail: UnsafeBufferPointer(rebasing: bytes[digested...]))
  }

  /// Gives back the whole pages below `offset` that are not given back yet, a window at a time.
  private func release(below offset: Int) {
    let page = Int(getpagesize())
    let end = min(offset, bytes.count) & ~(page - 1)
    guard end - released >= Self.window else { return }
    _ = madvise(base + released, end - released, Int32(MADV_DONTNEED))
    released = end
  }
}
