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
/// (`AnchorTable.prefixLength`); each recognizer is a hand-written bounded matcher that returns
/// its captures directly. A recognizer that matches consumes its span, so the scan is linear in
/// the input and a reference is never reported twice.
public struct Extractor: Sendable {
  /// An extractor over the built-in catalogue.
  public init() {}

  /// False only in tests: every position the two-byte table picks goes to its recognizers, so
  /// the prefix test (`AnchorTable.prefixLength`) can be checked to change no result.
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

/// Finds the first footnote (in document order of the `footnotes` array) whose body contains an
/// offset, in logarithmic time: bodies are sorted by start, and a running maximum of their ends
/// bounds the walk to the left. Footnote bodies do not overlap in practice, so one step suffices;
/// overlapping bodies still give the same answer as a linear `first(where:)`.
struct FootnoteLookup {
  /// Footnote indices sorted by body start (then index).
  private let order: [Int]
  private let starts: [Int]
  /// `maxEnd[k]` is the largest body end among `order[0...k]`.
  private let maxEnd: [Int]
  private let bodies: [ByteRange]

  init(_ footnotes: [Footnote]) {
    let ranges = footnotes.map(\.body)
    let sorted = ranges.indices.sorted { (ranges[$0].start, $0) < (ranges[$1].start, $1) }
    var running = Int.min
    bodies = ranges
    order = sorted
    starts = sorted.map { ranges[$0].start }
    maxEnd = sorted.map { running = max(running, ranges[$0].end); return running }
  }

  /// The index of the first footnote whose body contains `offset`, or nil.
  func first(containing offset: Int) -> Int? {
    // Last position whose start is <= offset.
    var low = 0
    var high = starts.count
    while low < high {
      let mid = (low + high) / 2
      if starts[mid] <= offset { low = mid + 1 } else { high = mid }
    }
    var best: Int?
    var k = low - 1
    while k >= 0, maxEnd[k] > offset {
      let index = order[k]
      if bodies[index].contains(offset), best.map({ index < $0 }) ?? true { best = index }
      k -= 1
    }
    return best
  }
}

/// The state of one pass over a text.
struct Scan {
  let t: ByteText
  var out: [Mention] = []
  /// Whether positions must pass `AnchorTable.prefixLength` before their recognizers run.
  var prefixFilter = true
  /// True once a salutation ("Geachte ...") was seen: letterhead lines come before it.
  var seenSalutation = false
  /// Line bookkeeping: `line` is the line number of byte `linePos`, whose line starts at `lineStart`.
  var line = 1
  var lineStart = 0
  var linePos = 0

  init(t: ByteText) { self.t = t }

  /// Moves the line bookkeeping to `pos` (forward in one walk; backward when a recognizer reports
  /// an earlier span) and returns its line and column.
  mutating func lineColumn(_ pos: Int) -> (Int, Int) {
    if linePos < pos, let base = t.b.baseAddress {
      // Jump from newline to newline (memchr) instead of testing every byte.
      var p = linePos
      while p < pos, let hit = memchr(base + p, 0x0A, pos - p) {
        let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        line += 1
        lineStart = k + 1
        p = k + 1
      }
      linePos = pos
    }
    while linePos > pos {
      linePos -= 1
      if t.b[linePos] == 0x0A { line -= 1 }
    }
    if lineStart > pos { lineStart = t.lineStart(pos) }
    return (line, pos - lineStart + 1)
  }

  mutating func add(
    _ kind: ReferenceKind, _ ids: [String], _ start: Int, _ end: Int, _ fields: MentionFields = [:]
  ) {
    let (l, c) = lineColumn(start)
    out.append(
      Mention(
        kind: kind, ids: ids, text: t.string(start, end), start: start, end: end, line: l, column: c, fields: fields))
  }

  mutating func addUnresolved(
    _ kind: ReferenceKind, _ start: Int, _ end: Int, reason: String, _ fields: MentionFields = [:]
  ) {
    let (l, c) = lineColumn(start)
    out.append(
      Mention(
        kind: kind, ids: [], text: t.string(start, end), start: start, end: end, line: l, column: c, fields: fields,
        status: .unresolved, reason: reason))
  }

  /// Scans the whole text. With `every`, `flush` is called whenever `out` has grown by that
  /// many mentions since the last call, and with `orBytes` whenever the scan has gone that far,
  /// with the position the scan resumes at: every mention found later starts at or after it.
  mutating func run(
    every chunk: Int = Int.max, orBytes span: Int = Int.max, flush: (inout [Mention], Int) -> Void = { _, _ in }
  ) {
    var flushAt = chunk
    var flushFrom = span
    let n = t.count
    guard n > 0, let base = t.b.baseAddress else { return }
    let b = t.b
    let tables = ScanTables.shared
    let slots = tables.slots
    let prefixLength = tables.prefixLength
    let prefixBits = tables.prefixBits
    let fold = tables.fold
    let flat = tables.flat
    let bucketStart = tables.bucketStart
    let digitOK = tables.digitPrefixAllowed
    /// Tries the recognizers of the anchor at `i` (a byte not preceded by an ASCII letter);
    /// returns where scanning resumes when one matched.
    func attempt(_ i: Int) -> Int? {
      let key = Int(b[i]) << 8 | Int(i + 1 < n ? b[i + 1] : 0)
      let slot = Int(slots[key])
      if slot == 0 { return nil }
      let length = Int(prefixLength[key])
      if length != 0 && prefixFilter {
        // Fewer bytes left than the shortest anchor: nothing can match.
        guard i + length <= n else { return nil }
        let h = AnchorTable.prefixHash(AnchorTable.foldedPrefix(base + i, length: length, fold: fold), length: length)
        if prefixBits[h >> 6] & (1 << UInt64(h & 63)) == 0 { return nil }
      }
      let bucket = slot - 1
      if i > 0 {
        let p = b[i - 1]
        if isDigit(p) {
          if !digitOK[bucket] { return nil }
        } else if p >= 0x80 && !t.atWordStart(i) {
          return nil
        }
      }
      for r in bucketStart[bucket]..<bucketStart[bucket + 1] {
        if let e = dispatch(flat[r], i) { return max(i + 1, e) }
      }
      return nil
    }
    // Eight bytes at a time: the lanes not preceded by an ASCII letter (where an anchor may start)
    // come out of a few word operations, without a branch per byte; no anchor starts with a space,
    // so spaces are left out too.
    var i = 0
    var carry: UInt64 = 0  // 0x80 when the byte before `i` is an ASCII letter
    blocks: while i + 8 <= n {
      if i >= flushFrom {
        flush(&out, i)
        flushAt = out.count + min(chunk, Int.max - out.count)
        flushFrom = i + span
      }
      let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let alpha = SWAR.asciiLetters(x)
      var lanes = ~(alpha << 8 | carry) & SWAR.notSpace(x) & SWAR.high
      while lanes != 0 {
        let at = i + lanes.trailingZeroBitCount >> 3
        lanes &= lanes &- 1
        if let resume = attempt(at) {
          i = resume
          if out.count >= flushAt {
            flush(&out, i)
            flushAt = out.count + min(chunk, Int.max - out.count)
            flushFrom = i + min(span, Int.max - i)
          }
          carry = i > 0 && b[i - 1] < 0x80 && isAlpha(b[i - 1]) ? 0x80 : 0
          continue blocks
        }
      }
      carry = alpha >> 56
      i += 8
    }
    while i < n {
      if i > 0 {
        let p = b[i - 1]
        if p < 0x80 && isAlpha(p) {
          i += 1
          continue
        }
      }
      i = attempt(i) ?? i + 1
      if out.count >= flushAt || i >= flushFrom {
        flush(&out, i)
        flushAt = out.count + min(chunk, Int.max - out.count)
        flushFrom = i + min(span, Int.max - i)
      }
    }
  }

  /// Runs one recognizer at `i`; returns where scanning resumes when it matched.
  mutating func dispatch(_ r: RecognizerID, _ i: Int) -> Int? {
    switch r {
    case .kamerstuk: return kamerstuk(i)
    case .tkKamerstuk: return tkKamerstuk(i)
    case .bareKamerstuk: return bareKamerstuk(i)
    case .aanhangsel: return aanhangsel(i)
    case .handelingen: return handelingen(i)
    case .kamervragen: return kamervragen(i)
    case .dossier: return dossier(i)
    case .gazette: return gazette(i)
    case .koopID: return koopID(i)
    case .tkNumber: return tkNumber(i)
    case .kenmerkLabel: return kenmerkLabel(i)
    case .kenmerkFormat: return kenmerkFormat(i)
    case .ecli: return ecli(i)
    case .ecliCourt: return ecliWithoutPrefix(i)
    case .ljn: return ljn(i)
    case .bwb: return bwb(i)
    case .juriconnect: return juriconnect(i)
    case .celex: return celex(i)
    case .lexicon: return lexicon(i)
    case .ministry: return ministry(i)
    case .members: return members(i)
    case .answerHeader: return answerHeader(i)
    case .programme: return programme(i)
    case .date: return date(i)
    case .salutation:
      if t.word(i, "Geachte") != nil { seenSalutation = true }
      return nil
    }
  }
}
