#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads plain-text letters: decoding, docx-export footnote markers and letterhead fields.
package enum PlainTextReader {
  package static func read(bytes: [UInt8], path: String) -> Document {
    let decoded = TextDecoding.decode(bytes)
    return read(text: decoded.text, path: path, notes: decoded.notes)
  }

  /// A document from decoded text (also what `DocumentReader` reads straight into a String):
  /// footnotes found on the text's own UTF-8 bytes (no copy), then the letterhead.
  static func read(text: String, path: String, notes: [String] = []) -> Document {
    var doc = Document(path: path, format: .plainText, text: text, notes: notes)
    var copy = text
    doc.footnotes = copy.withUTF8 { footnoteMarkers(in: $0) }
    Letterhead.apply(to: &doc)
    return doc
  }

  /// The footnotes of a Word export: `[footnoteRef:2]` is the mark and `[2:  ...]` holds the body.
  /// `done(a, b)` is told of stretches of the text that will not be read again (`MappedPlainText`
  /// gives their pages back): everything before the mark search, the gap searched between a mark
  /// and its body, and, while sentences are found, everything before the current mark.
  static func footnoteMarkers(
    in bytes: UnsafeBufferPointer<UInt8>, done: (_ from: Int, _ to: Int) -> Void = { _, _ in }
  ) -> [Footnote] {
    let open = Array("[footnoteRef:".utf8)
    /// How far around the current position text is kept (sentences and marks look back a little).
    let margin = 1 << 16
    var found: [(number: [UInt8], mark: ByteRange, body: ByteRange)] = []
    var from = 0
    while let start = TextScan.find(open, in: bytes, from: from) {
      done(0, start - margin)
      var i = start + open.count
      let numberStart = i
      while i < bytes.count, bytes[i] != 0x5D, bytes[i] != 0x0A, i - numberStart < 16 { i += 1 }
      guard i < bytes.count, bytes[i] == 0x5D, i > numberStart else {
        from = start + 1
        continue
      }
      let number = Array(bytes[numberStart..<i])
      let mark = ByteRange(start, i + 1)
      from = i + 1
      guard let body = footnoteBody(number: number, in: bytes, after: mark.end) else {
        done(mark.end + margin, bytes.count)  // searched to the end in vain
        continue
      }
      done(mark.end + margin, body.start - margin)
      found.append((number, mark, body))
    }
    let markEnd = TextScan.markEnds(found.map(\.mark))
    return found.map { note in
      done(0, note.mark.start - margin)
      return Footnote(
        number: String(decoding: note.number, as: UTF8.self), mark: note.mark, body: note.body,
        sentence: TextScan.sentence(around: note.mark, in: bytes, markEnd: markEnd))
    }
  }

  /// The range inside `[N:  body]` (after "N:" and spaces, up to the matching "]").
  private static func footnoteBody(number: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, after: Int) -> ByteRange? {
    let open = [0x5B] + number + [0x3A]
    guard let start = TextScan.find(open, in: bytes, from: after) else { return nil }
    var i = start + open.count
    var depth = 1
    let bodyStart = i
    while i < bytes.count {
      if bytes[i] == 0x5B { depth += 1 }
      if bytes[i] == 0x5D {
        depth -= 1
        if depth == 0 { break }
      }
      i += 1
    }
    guard depth == 0 else { return nil }
    return TextScan.trimmed(ByteRange(bodyStart, i), in: bytes)
  }
}

/// Letterhead fields of a Dutch ministry letter ("Onze referentie", "Datum", "Betreft",
/// "Uw kenmerk"), read from the first lines of any letter-like text (.txt, .docx, .odt).
enum Letterhead {
  enum Field { case kenmerk, uwKenmerk, title, date, other }

  static let labels: [(String, Field)] = [
    ("Onze referentie", .kenmerk), ("Ons kenmerk", .kenmerk), ("Onze kenmerk", .kenmerk), ("Kenmerk", .kenmerk),
    ("Uw kenmerk", .uwKenmerk), ("Uw referentie", .uwKenmerk), ("Betreft", .title), ("Datum", .date),
    ("Bijlage(n)", .other), ("Bijlagen", .other), ("Bijlage", .other), ("Contactpersoon", .other),
    ("Inlichtingen", .other), ("Aan", .other), ("Van", .other), ("Kopie aan", .other),
  ]

  /// How many lines from the top are searched.
  static let headLines = 120

  /// Matches a line against the labels: the field and the value on the same line (may be empty).
  static func match(_ line: String) -> (Field, String)? {
    let t = line.trimmingSpaces
    // Labels are short: compare a lower-cased head of the line once, not the whole line per label.
    let head = String(t.prefix(20)).lowercased()
    for (label, field) in labels {
      guard head.hasPrefix(label.lowercased()) else { continue }
      let rest = t.dropFirst(label.count)
      if rest.isEmpty { return (field, "") }
      let sep = rest.first!
      // Prose such as "Datum van ..." is no label: free-text fields need ":" or a tab.
      let allowsSpace = field == .kenmerk || field == .uwKenmerk
      // "Betreft Beantwoording Kamervragen ...": a subject line set with spaces, when a capital
      // starts the subject ("Betreft dit ..." is prose).
      let spacedSubject = field == .title && sep == " " && isSpacedSubject(rest.dropFirst())
      guard sep == ":" || sep == "\t" || (allowsSpace && sep == " ") || spacedSubject else { continue }
      var value = String(rest.dropFirst()).trimmingSpaces
      if value.hasPrefix(":") { value = String(value.dropFirst()).trimmingSpaces }
      // A bare "Kenmerk" is a label only with one value after it ("Kenmerk 2024-0000123456",
      // "Kenmerk: WJZ/ 34681182"); "Kenmerk 2024Z00081, d.d. 6 maart 2024" opens a footnote.
      if label == "Kenmerk", value.contains(where: { $0 == "," }) || value.split(separator: " ").count > 2
        || (value.split(separator: " ").count == 2 && !value.contains("/ "))
      {
        continue
      }
      return (field, value)
    }
    return nil
  }

  /// A subject after "Betreft" and spaces: starts with a capital, not a sentence (no full stop
  /// at the end), at most 200 characters.
  static func isSpacedSubject(_ rest: Substring) -> Bool {
    let value = rest.drop { $0 == " " }
    guard let first = value.first, first.isUppercase, value.count <= 200 else { return false }
    return value.last != "."
  }

  /// The labels as lower-case ASCII bytes, for `mayMatch`.
  static let labelBytes: [[UInt8]] = labels.map { Array($0.0.lowercased().utf8) }

  /// A test on bytes that only says no when `match` would: the line (after ASCII spaces) does
  /// not start with any label, compared as ASCII without case. Anything non-ASCII where a label
  /// would be goes to `match`, which decides on Characters.
  static func mayMatch(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < line.count, line[i] == 0x20 || (line[i] >= 0x09 && line[i] <= 0x0D) { i += 1 }
    guard i < line.count else { return false }
    if line[i] >= 0x80 { return true }
    for label in labelBytes where line.count - i >= label.count {
      var k = 0
      while k < label.count {
        let b = line[i + k]
        if b >= 0x80 { return true }
        if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != label[k] { break }
        k += 1
      }
      if k == label.count { return true }
    }
    return false
  }

  /// Fills ownIds (kenmerk), title, date and `uw-kenmerk` from the letterhead, first occurrence wins.
  static func apply(to doc: inout Document) {
    var text = doc.text
    text.withUTF8 { apply(to: &doc, bytes: $0) }
  }

  /// `apply(to:)` on the UTF-8 bytes of the document's text (a mapped file whose `Document`
  /// holds no text): only the first lines are read.
  static func apply(to doc: inout Document, bytes: UnsafeBufferPointer<UInt8>) {
    // The first lines as byte ranges, each with the byte test of `mayMatch`: most lines are
    // running text and never become Strings.
    let lines: [(start: Int, end: Int, may: Bool)] = {
      var out: [(start: Int, end: Int, may: Bool)] = []
      guard let base = bytes.baseAddress else { return out }
      var start = 0
      while out.count < headLines, start < bytes.count {
        let end = memchr(base + start, 0x0A, bytes.count - start).map {
          base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
        } ?? bytes.count
        out.append((start, end, mayMatch(UnsafeBufferPointer(rebasing: bytes[start..<end]))))
        start = end == bytes.count ? end : end + 1
      }
      return out
    }()
    // "\n" is ASCII, so each line of valid UTF-8 is valid UTF-8 on its own.
    func line(_ k: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[lines[k].start..<lines[k].end]), as: UTF8.self)
    }
    func labelled(_ k: Int) -> (Field, String)? { lines[k].may ? match(line(k)) : nil }
    var seen: Set<String> = []
    for index in lines.indices {
      // A letterhead label line is short; long lines are running text.
      guard lines[index].end - lines[index].start <= 300, let (field, sameLine) = labelled(index), field != .other
      else { continue }
      var value = sameLine
      if value.isEmpty {
        // The value is on the next non-empty line, unless that line is another label.
        var k = index + 1
        while k < lines.count, k <= index + 2, line(k).trimmingSpaces.isEmpty { k += 1 }
        if k < lines.count, k <= index + 2, labelled(k) == nil { value = line(k).trimmingSpaces }
      }
      guard !value.isEmpty else { continue }
      let key = "\(field)"
      guard !seen.contains(key) else { continue }
      seen.insert(key)
      switch field {
      case .kenmerk:
        let id = CanonicalID.kenmerk(value)
        if !doc.ownIds.contains(id) { doc.ownIds.append(id) }
        doc.metadata.extra["onze-referentie"] = value
      case .uwKenmerk:
        doc.metadata.extra["uw-kenmerk"] = value
      case .title:
        if doc.metadata.title == nil { doc.metadata.title = value }
      case .date:
        if doc.metadata.date == nil, let iso = DutchDate.iso(value) { doc.metadata.date = iso }
      case .other:
        break
      }
    }
  }
}
