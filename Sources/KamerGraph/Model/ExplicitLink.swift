/// An explicit link in the markup (a KOOP `extref`, an HTML `href`).
public struct ExplicitLink: Sendable, Hashable, Codable {
  /// The target as written (`kst-36600-X-12`, a URL).
  public var target: String
  /// The anchor text in `Document.text` (may be empty).
  public var range: ByteRange
  public init(target: String, range: ByteRange) {
    self.target = target
    self.range = range
  }
}
