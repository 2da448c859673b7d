/// Mentions as JSON Lines (the `extract` output, ARCHITECTURE.md) written to a file descriptor
/// through one buffer: one line per mention, keys in a fixed order.
public final class MentionLines {
  private let out: OutputBuffer

  /// Lines go to `fd` (standard output for `extract`) whenever the buffer is full, and on `flush`.
  public init(fd: Int32) { out = OutputBuffer(fd: fd) }

  /// Writes one line per mention of the file at `path`.
  public func write(path: String, mentions: [Mention]) {
    let head = MentionJSON.head(path: path)
    for k in mentions.indices { MentionJSON.append(mentions[k], head: head, to: out) }
  }

  /// Writes out what is buffered.
  public func flush() { out.flush() }
}

/// The JSON Lines form of a mention (ARCHITECTURE.md), written on UTF-8 bytes.
enum MentionJSON {
  /// What every line of one document starts with: `{"path":"...","kind":`.
  static func head(path: String) -> [UInt8] {
    var head = Array("{\"path\":".utf8)
    JSONText.appendQuoted(path, to: &head)
    head.append(contentsOf: ",\"kind\":".utf8)
    return head
  }

  /// Writes one line: room for the longest form (every byte of every string escaped) is made
  /// once, then the bytes go in without further checks.
  static func append(_ m: Mention, head: [UInt8], to out: OutputBuffer) {
    var strings = m.kind.rawValue.utf8.count + m.text.utf8.count + m.status.rawValue.utf8.count
      + (m.reason?.utf8.count ?? 0)
    for id in m.ids { strings += id.utf8.count + 3 }
    for field in m.fields { strings += field.key.utf8.count + field.value.utf8.count + 6 }
    out.reserve(head.count + 200 + 6 * strings)
    out.put(head)
    out.putQuoted(m.kind.rawValue)
    out.put(",\"ids\":[")
    for (i, id) in m.ids.enumerated() {
      if i > 0 { out.put(0x2C) }
      out.putQuoted(id)
    }
    out.put("],\"text\":")
    out.putQuoted(m.text)
    out.put(",\"start\":")
    out.putNumber(m.start)
    out.put(",\"end\":")
    out.putNumber(m.end)
    out.put(",\"line\":")
    out.putNumber(m.line)
    out.put(",\"column\":")
    out.putNumber(m.column)
    out.put(",\"status\":")
    out.putQuoted(m.status.rawValue)
    if let reason = m.reason {
      out.put(",\"reason\":")
      out.putQuoted(reason)
    }
    if !m.fields.isEmpty {
      out.put(",\"fields\":{")
      for (i, field) in m.fields.enumerated() {  // sorted by name
        if i > 0 { out.put(0x2C) }
        out.putQuoted(field.key)
        out.put(0x3A)
        out.putQuoted(field.value)
      }
      out.put(0x7D)
    }
    out.put("}\n")
  }
}
