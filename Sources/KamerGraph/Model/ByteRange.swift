/// A half-open range of UTF-8 byte offsets into a document's text.
public struct ByteRange: Sendable, Hashable, Codable, Comparable {
  public var start: Int
  public var end: Int
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }
  public var isEmpty: Bool { start >= end }
  public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
  public func contains(_ other: ByteRange) -> Bool { other.start >= start && other.end <= end }
  public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}
