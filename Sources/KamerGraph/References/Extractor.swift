/// The reference extractor: finds every reference of the catalogue (`ReferenceCatalogue`) in a
/// text and returns mentions with exact UTF-8 byte spans.
///
/// One pass over the bytes: a 65,536-entry table keyed by the first two bytes of each anchor word
/// picks the recognizers to try at a word start; each recognizer is a hand-written bounded matcher
/// that returns its captures directly. A recognizer that matches consumes its span, so the scan is
/// linear in the input and a reference is never reported twice.
public struct Extractor: Sendable {
  /// An extractor over the built-in catalogue.
  public init() {}

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
    return copy.withUTF8 { buffer in mentions(bytes: buffer, footnotes: document.footnotes) }
  }

  func mentions(bytes: UnsafeBufferPointer<UInt8>, footnotes: [Footnote]) -> [Mention] {
    var scan = Scan(t: ByteText(bytes))
    scan.run()
    let found = scan.out
    // The scan emits nearly in order; sort an index (cheap to swap) by (start, end, kind).
    var order = Array(found.indices)
    func before(_ a: Int, _ b: Int) -> Bool {
      let x = found[a]
      let y = found[b]
      if x.start != y.start { return x.start < y.start }
      if x.end != y.end { return x.end < y.end }
      if x.kind != y.kind { return x.kind.rawValue < y.kind.rawValue }
      return a < b
    }
    var sorted = true
    for k in order.indices.dropFirst() where !before(order[k - 1], order[k]) {
      sorted = false
      break
    }
    if !sorted { order.sort(by: before) }
    var result: [Mention] = []
    result.reserveCapacity(found.count)
    var line = 1
    var lineStart = 0
    var pos = 0
    var previous: Int?
    for n in order {
      let f = found[n]
      // Drop exact duplicates (same span and kind), keeping the first.
      if let p = previous, found[p].start == f.start, found[p].end == f.end, found[p].kind == f.kind { continue }
      previous = n
      // Lines and columns in one forward walk.
      while pos < f.start {
        if bytes[pos] == 0x0A {
          line += 1
          lineStart = pos + 1
        }
        pos += 1
      }
      var fields = f.fields
      if !footnotes.isEmpty, let note = footnotes.first(where: { $0.body.contains(f.start) }) {
        fields["footnote"] = note.number
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]), as: UTF8.self)
      result.append(
        Mention(
          kind: f.kind, ids: f.ids, text: text, start: f.start, end: f.end, line: line,
          column: f.start - lineStart + 1, fields: fields, status: f.status, reason: f.reason))
    }
    return result
  }
}

/// A mention before lines, columns and text are filled in.
struct Found {
  var kind: ReferenceKind
  var ids: [String]
  var start: Int
  var end: Int
  var fields: [String: String] = [:]
  var status: MentionStatus = .external
  var reason: String? = nil
}

/// The state of one pass over a text.
struct Scan {
  let t: ByteText
  var out: [Found] = []
  /// True once a salutation ("Geachte ...") was seen: letterhead lines come before it.
  var seenSalutation = false

  init(t: ByteText) { self.t = t }

  mutating func add(
    _ kind: ReferenceKind, _ ids: [String], _ start: Int, _ end: Int, _ fields: [String: String] = [:]
  ) {
    out.append(Found(kind: kind, ids: ids, start: start, end: end, fields: fields))
  }

  mutating func addUnresolved(_ kind: ReferenceKind, _ start: Int, _ end: Int, reason: String, _ fields: [String: String] = [:]) {
    out.append(Found(kind: kind, ids: [], start: start, end: end, fields: fields, status: .unresolved, reason: reason))
  }

  mutating func run() {
    let table = AnchorTable.shared
    let n = t.count
    guard n > 0 else { return }
    let b = t.b
    table.slots.withUnsafeBufferPointer { slots in
      table.flat.withUnsafeBufferPointer { flat in
        table.bucketStart.withUnsafeBufferPointer { bucketStart in
          table.digitPrefixAllowed.withUnsafeBufferPointer { digitOK in
            var i = 0
            while i < n {
              if i > 0 {
                let p = b[i - 1]
                // Inside a word nothing can start: the common case, decided on one byte.
                if p < 0x80 && isAlpha(p) {
                  i += 1
                  continue
                }
              }
              let key = Int(b[i]) << 8 | Int(i + 1 < n ? b[i + 1] : 0)
              let slot = Int(slots[key])
              if slot == 0 {
                i += 1
                continue
              }
              let bucket = slot - 1
              if i > 0 {
                let p = b[i - 1]
                if isDigit(p) {
                  if !digitOK[bucket] {
                    i += 1
                    continue
                  }
                } else if p >= 0x80 && !t.atWordStart(i) {
                  i += 1
                  continue
                }
              }
              var next = i + 1
              for r in bucketStart[bucket]..<bucketStart[bucket + 1] {
                if let e = dispatch(flat[r], i) {
                  next = max(next, e)
                  break
                }
              }
              i = next
            }
          }
        }
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
