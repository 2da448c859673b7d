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
    var found = scan.out
    found.sort { ($0.start, $0.end, $0.kind.rawValue) < ($1.start, $1.end, $1.kind.rawValue) }
    // Drop exact duplicates (same span and kind), keeping the first.
    var unique: [Found] = []
    unique.reserveCapacity(found.count)
    for f in found {
      if let last = unique.last, last.start == f.start, last.end == f.end, last.kind == f.kind { continue }
      unique.append(f)
    }
    // Lines and columns in one forward walk.
    var result: [Mention] = []
    result.reserveCapacity(unique.count)
    var line = 1
    var lineStart = 0
    var pos = 0
    for f in unique {
      while pos < f.start {
        if bytes[pos] == 0x0A {
          line += 1
          lineStart = pos + 1
        }
        pos += 1
      }
      var fields = f.fields
      if let note = footnotes.first(where: { $0.body.contains(f.start) }) { fields["footnote"] = note.number }
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
            if !table.digitPrefixAllowed[bucket] {
              i += 1
              continue
            }
          } else if p >= 0x80 && !t.atWordStart(i) {
            i += 1
            continue
          }
        }
        var next = i + 1
        for r in table.buckets[bucket] {
          if let e = dispatch(r, i) {
            next = max(next, e)
            break
          }
        }
        i = next
      }
    }
  }

  /// Runs one recognizer at `i`; returns where scanning resumes when it matched.
  mutating func dispatch(_ r: RecognizerID, _ i: Int) -> Int? {
    switch r {
    case .kamerstuk: return kamerstuk(i)
    case .tkKamerstuk: return tkKamerstuk(i)
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
