/// What the build pipeline caches per input file so unchanged files are not read or extracted again.
public struct IndexedFile: Sendable, Hashable {
  public var path: String
  /// `GraphIndex.contentHash(of:)` of the file's bytes.
  public var contentHash: String
  public var document: Document
  public var mentions: [Mention]

  public init(path: String, contentHash: String, document: Document, mentions: [Mention]) {
    self.path = path
    self.contentHash = contentHash
    self.document = document
    self.mentions = mentions
  }
}
