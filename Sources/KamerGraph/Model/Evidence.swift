/// One place that supports an edge: the quoted text with its file and position.
public struct Evidence: Sendable, Hashable, Codable, Comparable {
  /// The file the evidence is in: for metadata, the file that holds it (`X.metadata.xml`).
  public var path: String
  /// Its line (from 1), or nil when it has none (a fact of a reader without a place in the file).
  public var line: Int?
  public var start: Int
  public var end: Int
  public var text: String
  public var source: EvidenceSource
  /// The twins of `path` (the same letter as `brief.docx` and `brief.txt`: one name, another
  /// extension) whose same quote this one stands for: evidence is listed once per twin group.
  public var copies: [String]

  public init(
    path: String, line: Int?, start: Int, end: Int, text: String, source: EvidenceSource, copies: [String] = []
  ) {
    self.path = path
    self.line = line
    self.start = start
    self.end = end
    self.text = text
    self.source = source
    self.copies = copies
  }

  /// `evidence` (sorted) listed once per twin group: a quote in a twin of a file already quoted
  /// with the same text is not listed again; the kept evidence (the first file in sorted order)
  /// names the twin in `copies`. Quotes one twin has more often than another stay listed.
  static func oncePerTwin(_ evidence: [Evidence]) -> [Evidence] {
    guard let first = evidence.first?.path, !evidence.allSatisfy({ $0.path == first }) else { return evidence }
    var out: [Evidence] = []
    out.reserveCapacity(evidence.count)
    // (stem, text) -> indices in `out` of the kept evidence with that quote.
    var kept: [String: [Int]] = [:]
    for ev in evidence {
      let key = String(Edge.stem(ev.path)) + "\u{0}" + ev.text
      if let k = kept[key]?.first(where: { out[$0].path != ev.path && !out[$0].copies.contains(ev.path) }) {
        out[k].copies.append(ev.path)
      } else {
        kept[key, default: []].append(out.count)
        out.append(ev)
      }
    }
    return out
  }

  /// `path:line`, or `path` alone when there is no line.
  public var place: String { line.map { "\(path):\($0)" } ?? path }

  public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
    (lhs.path, lhs.start, lhs.end, lhs.text, lhs.source) < (rhs.path, rhs.start, rhs.end, rhs.text, rhs.source)
  }
}

/// Where an edge's evidence comes from.
public enum EvidenceSource: String, Sendable, Codable, Comparable {
  /// Structured metadata (KOOP metadata.xml, Tweede Kamer open data).
  case metadata
  /// An explicit link in the markup.
  case xmlLink = "xml-link"
  /// Running text.
  case text
  public static func < (lhs: EvidenceSource, rhs: EvidenceSource) -> Bool { lhs.rawValue < rhs.rawValue }
}
