/// A mention together with the file it was found in, as the graph keeps it.
public struct DocumentMention: Sendable, Hashable, Codable {
  public var path: String
  /// The node id of the document that contains the mention.
  public var document: String
  public var mention: Mention
  public init(path: String, document: String, mention: Mention) {
    self.path = path
    self.document = document
    self.mention = mention
  }
}
