/// A document with the mentions the extractor found in it: the resolver's input.
package struct ExtractedDocument: Sendable, Hashable, Codable {
  package var document: Document
  package var mentions: [Mention]
  /// Set by `releasingText()`: a digest that stands in for the released text wherever documents
  /// are compared (two files with one id are copies when their texts are equal).
  package var textDigest: String?
  package init(document: Document, mentions: [Mention]) {
    self.document = document
    self.mentions = mentions
  }

  /// The same extraction without the document text, for callers that need only the mentions and
  /// their statuses (`kamergraph extract`): memory then grows with the mentions, not the texts.
  /// Identity and statuses come out as with the text (the digest replaces it in comparisons);
  /// footnote and sentence evidence for graph edges needs the text, so do not build graphs from it.
  ///
  /// `digest: false` is for a document that will be compared with no other (the only one read):
  /// its digest is then left empty instead of computed.
  package func releasingText(digest: Bool = true) -> ExtractedDocument {
    guard textDigest == nil, !document.text.isEmpty else { return self }
    var copy = self
    copy.textDigest = digest ? FastDigest.of(document.text) : ""
    copy.document.text = ""
    return copy
  }

  /// What identifies the content: the text, or its digest once released.
  var contentKey: String { textDigest ?? document.text }
  /// True when the document had text (released or not).
  var hasText: Bool { textDigest != nil || !document.text.isEmpty }
}
