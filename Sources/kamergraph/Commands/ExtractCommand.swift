import ArgumentParser
import Foundation
import KamerGraph

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Print every reference found in FILEs as JSON Lines.",
    discussion: """
      One line per mention: path, kind, ids, text, start, end (UTF-8 byte offsets into the text \
      that `kamergraph text FILE` prints), line, column (from 1, in bytes), status (resolved: the \
      document is among the FILEs; external; ambiguous; unresolved, with a reason) and the parsed \
      fields. Folders are read as `build` reads them (metadata files merged into their \
      documents). Exit status 2 when a named file could not be read (the others are still \
      printed). Memory: mentions are kept until every status is known, up to --memory-budget; \
      documents past it are read and extracted a second time when printed, in pieces, so past \
      the budget memory grows only by what each document's identity needs (about 1.3 KB). Plain \
      text files of 4 MB and more whose mentions are not expected to fit the budget are read in \
      place (memory-mapped, the pages behind the reading given back), so the size of one file \
      does not add to memory either.
      """)

  @Argument(
    help: ArgumentHelp(
      "Documents to read (plain text, KOOP XML, metadata.xml, Tweede Kamer XML, .docx, .odt, HTML), or folders to read as `build` does.",
      valueName: "file-or-folder"))
  var files: [String] = []

  @Option(
    name: .customLong("files-from"),
    help: ArgumentHelp(
      "Read more paths from this file, one per line (- for standard input): for lists too long for a command line.",
      valueName: "list"))
  var filesFrom: String?

  @Option(
    name: .customLong("memory-budget"),
    help: ArgumentHelp(
      "MB of mentions kept in memory; past it, files are read a second time when printed.",
      valueName: "MB"))
  var memoryBudget: Int = MentionBudget.defaultBytes >> 20

  func validate() throws {
    guard memoryBudget >= 0 else { throw ValidationError("--memory-budget must be 0 or more (MB).") }
    guard !files.isEmpty || filesFrom != nil else { throw ValidationError("Give at least one file or folder, or --files-from.") }
  }

  func run() throws {
    HeapTuning.preferLargePages()
    var paths = files
    if let filesFrom {
      let data: Data?
      if filesFrom == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        data = FileManager.default.contents(atPath: filesFrom)
      }
      guard let data else {
        throw ValidationError("--files-from \(filesFrom): the list cannot be read; give a readable file of paths, one per line, or - for standard input.")
      }
      // One path per line (LF, CR LF or CR), split on the bytes: a list of thousands of paths
      // is not walked character by character.
      for line in data.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) where !line.isEmpty {
        paths.append(String(decoding: line, as: UTF8.self))
      }
    }
    // A file named on the command line that is not read is an error; files a folder holds that
    // are not documents (README.md, ...) are only reported.
    let named = Set(paths.filter { !isFolder($0) })
    let plan = CorpusLoader().plan(paths: paths)
    let companions = Set(plan.units.flatMap(\.companions))
    var failed = false
    // Pieces already printed, kept up to the budget: the process exits without freeing them
    // one by one (the system takes the memory back at once), which is faster than freeing them.
    var kept: [[Mention]] = []
    var keptRoom = (memoryBudget << 20) / MentionBudget.bytesPerMention
    let out = OutputBuffer(fd: STDOUT_FILENO)
    BuildPipeline().extractResolved(
      plan, mentionBudget: memoryBudget << 20,
      onOutcome: { outcome in
        switch outcome.status {
        case .failed:
          printError("kamergraph: \(outcome.path): \(outcome.reason ?? "failed")")
          failed = true
        case .skipped where companions.contains(outcome.path):
          break  // a metadata file merged into its document
        case .skipped:
          printError("kamergraph: \(outcome.path): \(outcome.reason ?? "skipped")")
          if named.contains(outcome.path) { failed = true }
        case .read:
          printError("kamergraph: \(outcome.path): \(outcome.notes.joined(separator: "; "))")
        }
      },
      emit: { path, mentions in
        let head = MentionJSON.head(path: path)
        for k in mentions.indices { MentionJSON.append(mentions[k], head: head, to: out) }
        if mentions.count <= keptRoom {
          keptRoom -= mentions.count
          kept.append(mentions)
        }
      })
    out.flush()
    withExtendedLifetime(kept) { Foundation.exit(failed ? 2 : 0) }
  }

  private func isFolder(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }
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

/// A byte buffer written to a file descriptor when full. Writers `reserve` room first; the `put`
/// methods then write without bounds checks, so a caller must reserve enough (escaping can grow a
/// string to six times its bytes).
final class OutputBuffer {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0
  /// Where full buffers go.
  private let fd: Int32

  init(capacity: Int = 1 << 18, fd: Int32) {
    self.capacity = capacity
    self.fd = fd
    storage = .allocate(capacity: capacity)
  }

  deinit { storage.deallocate() }

  /// Makes room for `n` more bytes: writes out what is buffered when needed, and grows the buffer
  /// for a line longer than it (never expected: a mention line is a few hundred bytes).
  func reserve(_ n: Int) {
    guard count + n > capacity else { return }
    flush()
    guard n > capacity else { return }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
    storage.deallocate()
    storage = larger
    capacity = n
  }

  /// Writes the buffered bytes to the file descriptor.
  func flush() {
    guard count > 0 else { return }
    var done = 0
    while done < count {
      let n = write(fd, storage + done, count - done)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }  // standard output closed: nothing more can be written
      done += n
    }
    count = 0
  }

  @inline(__always) func put(_ byte: UInt8) {
    storage[count] = byte
    count += 1
  }

  @inline(__always) func put(_ text: StaticString) {
    (storage + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
    count += text.utf8CodeUnitCount
  }

  @inline(__always) func put(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { b in
      (storage + count).update(from: b.baseAddress!, count: b.count)
      count += b.count
    }
  }

  /// `text` as a JSON string literal (RFC 8259 escapes; the same bytes as `JSONText.appendQuoted`).
  func putQuoted(_ text: String) {
    put(0x22)
    var copy = text
    copy.withUTF8 { b in
      var clean = true
      for byte in b where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        clean = false
        break
      }
      if clean {
        if let base = b.baseAddress { (storage + count).update(from: base, count: b.count) }
        count += b.count
        return
      }
      var escaped: [UInt8] = []
      JSONText.appendQuoted(text, to: &escaped)
      escaped.withUnsafeBufferPointer { e in
        // Without the quotes appendQuoted put around it.
        (storage + count).update(from: e.baseAddress! + 1, count: e.count - 2)
        count += e.count - 2
      }
    }
    put(0x22)
  }

  @inline(__always) func putNumber(_ n: Int) {
    guard n >= 0 else {
      var digits: [UInt8] = []
      JSONText.appendNumber(n, to: &digits)
      put(digits)
      return
    }
    var v = n
    var width = 1
    while v >= 10 {
      v /= 10
      width += 1
    }
    v = n
    for k in stride(from: width - 1, through: 0, by: -1) {
      storage[count + k] = 0x30 &+ UInt8(v % 10)
      v /= 10
    }
    count += width
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
