/// The account of every input file of a run: read, skipped (why) or failed (why).
public struct RunReport: Sendable, Hashable, Codable {
  public var files: [FileOutcome]
  public init(files: [FileOutcome] = []) { self.files = files }

  public var readCount: Int { files.count { $0.status == .read } }
  public var skippedCount: Int { files.count { $0.status == .skipped } }
  public var failedCount: Int { files.count { $0.status == .failed } }

  public mutating func merge(_ other: RunReport) {
    files = (files + other.files).sorted()
  }
}
