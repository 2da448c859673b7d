/// One place that supports an edge: the quoted text with its file and position.
public struct Evidence: Sendable, Hashable, Codable, Comparable {
  public var path: String
  public var line: Int
  public var start: Int
  public var end: Int
  public var text: String
  public var source: EvidenceSource

  public init(path: String, line: Int, start: Int, end: Int, text: String, source: EvidenceSource) {
    self.path = path
    self.line = line
    self.start = start
    self.end = end
    self.text = text
    self.source = source
  }

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
