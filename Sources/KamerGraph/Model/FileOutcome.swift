/// What happened to one input file in a run.
public struct FileOutcome: Sendable, Hashable, Codable, Comparable {
  public enum Status: String, Sendable, Codable, Comparable {
    case read
    case skipped
    case failed
    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }
  }
  public var path: String
  public var status: Status
  public var format: DocumentFormat?
  /// For `skipped` and `failed`: a sentence that names the problem (and where possible the fix).
  public var reason: String?
  /// Remarks for a file that was read ("decoded as Windows-1252", "merged with X.metadata.xml").
  public var notes: [String]

  public init(
    path: String, status: Status, format: DocumentFormat? = nil, reason: String? = nil,
    notes: [String] = []
  ) {
    self.path = path
    self.status = status
    self.format = format
    self.reason = reason
    self.notes = notes
  }

  public static func < (lhs: FileOutcome, rhs: FileOutcome) -> Bool { lhs.path < rhs.path }
}
