#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reference extractor: finds every reference of the catalogue (`ReferenceCatalogue`) in a
/// text and returns mentions with exact UTF-8 byte spans.
///
/// One pass over the bytes: word starts are found eight bytes at a time (`SWAR`); a 65,536-entry
/// table keyed by the first two bytes of each anchor word picks the recognizers to try there, after
/// a test of the first three to eight bytes against the anchors' prefixes turns common words away
/// (`AnchorTable.prefixLengths`); each recognizer is a hand-written bounded matcher that returns
/// its captures directly. A recognizer that matches consumes its span, so the scan is linear in
/// the input and a reference is never reported twice.
public struct Extractor: Sendable {
  /// An extractor over the built-in catalogue.
  public init() {}

  /// False only in tests: every position the two-byte table picks goes to its recognizers, so
  /// the prefix test (`AnchorTable.prefixLengths`) can be checked to change no result.
  var prefixFilter = true

  /// All mentions in `text`, sorted by (start, end, kind), each with its exact UTF-8 byte span,
  /// line and column (from 1; the column counts bytes).
  public func mentions(in text: String) -> [Mention] {
    var copy = text
    return copy.withUTF8 { buffer in mentions(bytes: buffer, footnotes: []) }
  }

  /// All mentions in a document's text. Mentions inside a footnote body get the field
  /// `footnote` (the footnote's number). Document kinds keep the status `.external` (the resolver
  /// decides resolved or ambiguous); reference-like text that gives no id is `.unresolved` with a
  /// reason.
  public func mentions(in document: Document) -> [Mention] {
    var copy = document.text
    var out = copy.withUTF8 { buffer in mentions(bytes: buffer, footnotes: document.footnotes) }
    document.layout?.mark(&out)
    return out
  }

  func mentions(bytes: UnsafeBufferPointer<UInt8>, footnotes: [Footnote]) -> [Mention] {
    var scan = Scan(t: ByteText(bytes))
    scan.prefixFilter = prefixFilter
    // Parliamentary text has a mention every few hundred bytes: room for one per 256 bytes saves
    // regrowing (pages never written are never touched, so over-reserving costs little).
    scan.out.reserveCapacity(bytes.count / 256)
    scan.run()
    // Take the array out of the scan (a copy would share the buffer and the first write below
    // would then copy every mention).
    var out: [Mention] = []
    swap(&out, &scan.out)
    Self.order(&out)
    if !footnotes.isEmpty { Self.markFootnotes(&out, FootnoteLookup(footnotes), footnotes) }
    return out
  }

  /// The mentions of `mentions(in:)`, handed to `emit` in pieces of about `chunk` mentions while
  /// the scan goes on, so a long text never holds all of its mentions at once: the pieces, put
  /// together, are exactly the array `mentions(in:)` returns.
  ///
  /// A piece ends `streamLag` bytes before the scan position: recognizers report spans that start at
  /// or after the anchor they were called at, so nothing found later can sort before it (the
  /// lag is a margin; `ExtractorStreamTests` checks the pieces against the whole). `passed` is
  /// told how far the scan has gone, so a caller can give back the pages of a mapped text
  /// behind it.
  public func streamMentions(
    in document: Document, chunk: Int = 4096, emit: (inout [Mention]) -> Void
  ) {
    var copy = document.text
    copy.withUTF8 { buffer in
      streamMentions(bytes: buffer, footnotes: document.footnotes, chunk: chunk, passed: { _ in }) { piece in
        document.layout?.mark(&piece)
        emit(&piece)
      }
    }
  }

  /// `streamMentions(in:)` on bytes (a mapped file, or a document's text).
  public func streamMentions(
    bytes: UnsafeBufferPointer<UInt8>, footnotes: [Footnote], chunk: Int = 4096,
    passed: (Int) -> Void, emit: (inout [Mention]) -> Void
  ) {
    let chunk = max(1, chunk)
    let notes = footnotes.isEmpty ? nil : FootnoteLookup(footnotes)
    var scan = Scan(t: ByteText(bytes))
    scan.prefixFilter = prefixFilter
    // As `mentions(bytes:)` does, up to one piece.
    scan.out.reserveCapacity(min(chunk, bytes.count / 256))
    func flush(_ out: inout [Mention], below boundary: Int) {
      Self.order(&out)
      var k = 0
      while k < out.count, out[k].start < boundary { k += 1 }
      guard k > 0 else { return }
      var piece: [Mention] = []
      if k == out.count {
        swap(&piece, &out)  // all of them (a small text's only piece): no copy
      } else {
        piece = Array(out[0..<k])
        out.removeFirst(k)
      }
      if let notes { Self.markFootnotes(&piece, notes, footnotes) }
      emit(&piece)
    }
    // Also every MB without many mentions, so a caller hears how far the scan has gone.
    scan.run(every: chunk, orBytes: 1 << 20) { out, position in
      let boundary = position - Self.streamLag
      flush(&out, below: boundary)
      passed(boundary)
    }
    flush(&scan.out, below: Int.max)
    passed(bytes.count)
  }

  /// How far behind the scan position a streamed piece ends (see `streamMentions`).
  static let streamLag = 4096

  /// Recognizers emit in text order, so the output is normally sorted already; check, and sort
  /// (then drop exact duplicates: same span and kind) only when it is not.
  static func order(_ out: inout [Mention]) {
    func before(_ x: Mention, _ y: Mention) -> Bool {
      if x.start != y.start { return x.start < y.start }
      if x.end != y.end { return x.end < y.end }
      return x.kind.rawValue < y.kind.rawValue
    }
    var ordered = true
    for k in out.indices.dropFirst() where !before(out[k - 1], out[k]) {
      ordered = false
      break
    }
    guard !ordered else { return }
    let order = out.indices.sorted { before(out[$0], out[$1]) || (!before(out[$1], out[$0]) && $0 < $1) }
    var unique: [Mention] = []
    unique.reserveCapacity(out.count)
    for n in order {
      let m = out[n]
      if let last = unique.last, last.start == m.start, last.end == m.end, last.kind == m.kind { continue }
      unique.append(m)
    }
    out = unique
  }

  /// Mentions inside a footnote body get the field `footnote` (the footnote's number).
  static func markFootnotes(_ out: inout [Mention], _ notes: FootnoteLookup, _ footnotes: [Footnote]) {
    for k in out.indices {
      if let note = notes.first(containing: out[k].start) {
        out[k].fields[MentionField.footnote] = footnotes[note].number
      }
    }
  }
}
