#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state of one pass over a text.
struct Scan {
  let t: ByteText
  var out: [Mention] = []
  /// Whether positions must pass `AnchorTable.prefixLengths` before their recognizers run.
  var prefixFilter = true
  /// True once a salutation ("Geachte ...") was seen: letterhead lines come before it.
  var seenSalutation = false
  /// Document citations that start before this offset are `see-also` ("Zie ook ...", `seeAlsoScope`).
  var seeAlsoUntil = -1
  /// Whether the document answers questions, once asked (`documentAnswers`).
  var answering: Bool?
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
    var fields = fields
    if start < seeAlsoUntil, kind.isDocument, kind != .bwb, fields[MentionField.role] == nil {
      fields[MentionField.role] = MentionRole.seeAlso
    }
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
    let prefixLengths = tables.prefixLengths
    let prefixBits = tables.prefixBits
    let thirdMasks = tables.thirdMasks
    let fourthMasks = tables.fourthMasks
    let thirdClass = tables.thirdClass
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
      let lengths = prefixLengths[key]
      if lengths != 0 && prefixFilter {
        // Fewer bytes left than the shortest anchor: nothing can match.
        let length = lengths.trailingZeroBitCount + 1
        guard i + length <= n else { return nil }
        // The third byte first (`AnchorTable.thirdMasks`): most words of a key end here.
        if thirdMasks[key] >> UInt32(thirdClass[Int(b[i + 2])]) & 1 == 0 { return nil }
        if i + 3 < n && fourthMasks[key] >> UInt32(thirdClass[Int(b[i + 3])]) & 1 == 0 { return nil }
        let folded =
          i + 8 <= n
          ? AnchorTable.foldedWord(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
          : AnchorTable.foldedPrefix(base + i, length: min(8, n - i), fold: fold)
        let h = AnchorTable.prefixHash(folded, length: length)
        if prefixBits[h >> 6] & (1 << UInt64(h & 63)) == 0 {
          // The key's longer anchors, each length once (`AnchorTable.prefixLengths`).
          var rest = lengths & (lengths &- 1)
          if rest == 0 { return nil }
          while true {
            let l = rest.trailingZeroBitCount + 1
            guard i + l <= n else { return nil }
            let h2 = AnchorTable.prefixHash(folded, length: l)
            if prefixBits[h2 >> 6] & (1 << UInt64(h2 & 63)) != 0 { break }
            rest &= rest &- 1
            if rest == 0 { return nil }
          }
        }
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
    case .documentKenmerk: return documentKenmerk(i)
    case .voteTable: return voteTable(i)
    case .spokesperson: return spokesperson(i)
    case .aanhangselHeading: return aanhangselHeading(i)
    case .ecli: return ecli(i)
    case .ecliCourt: return ecliWithoutPrefix(i)
    case .ljn: return ljn(i)
    case .bwb: return bwb(i)
    case .juriconnect: return juriconnect(i)
    case .celex: return celex(i)
    case .law: return law(i)
    case .lexicon: return lexicon(i)
    case .ministry: return ministry(i)
    case .members: return members(i)
    case .answerHeader: return answerHeader(i)
    case .programme: return programme(i)
    case .date: return date(i)
    case .answerNumberHeader: return answerNumberHeader(i)
    case .motionNumber: return motionNumber(i)
    case .eersteKamerLetter: return eersteKamerLetter(i)
    case .seeAlso:
      seeAlsoScope(i)
      return nil
    case .salutation:
      if t.word(i, "Geachte") != nil { seenSalutation = true }
      return nil
    }
  }
}
