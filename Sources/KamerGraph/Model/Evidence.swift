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

  public init(path: String, line: Int?, start: Int, end: Int, text: String, source: EvidenceSource) {
    self.path = path
    self.line = line
    self.start = start
    self.end = end
    self.text = text
    self.source = source
  }

  /// `path:line`, or `path` alone when there is no line.
  public var place: String { line.map { "\(path):\($0)" } ?? path }

  /// By (path, start, end, text, source), then line (none first): a total order, so two rows
  /// that differ only in their line (a `.metadata.xml` naming one indiener on two lines, start =
  /// end = 0) keep one order wherever evidence is sorted (issue 21: the index stream and the
  /// loader must agree on it).
  public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
    if (lhs.path, lhs.start, lhs.end, lhs.text, lhs.source) != (rhs.path, rhs.start, rhs.end, rhs.text, rhs.source) {
      return (lhs.path, lhs.start, lhs.end, lhs.text, lhs.source) < (rhs.path, rhs.start, rhs.end, rhs.text, rhs.source)
    }
    return lineLess(lhs.line, rhs.line)
  }

  /// The tie-break of `<`: no line before any line, then by line.
  static func lineLess(_ a: Int?, _ b: Int?) -> Bool {
    guard let b else { return false }
    guard let a else { return true }
    return a < b
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
