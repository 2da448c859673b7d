/// A document with the mentions the extractor found in it: the resolver's input.
package struct ExtractedDocument: Sendable, Hashable, Codable {
  package var document: Document
  package var mentions: [Mention]
  /// Set by `releasingText()`: a digest that stands in for the released text wherever documents
  /// are compared (two files with one id are copies when their texts are equal).
  package var textDigest: String?
  /// What the resolver needs of the text (`TextFindings`), found before the text was released;
  /// nil when not found yet (the resolver then finds it in the text).
  package var findings: TextFindings?
  package init(document: Document, mentions: [Mention]) {
    self.document = document
    self.mentions = mentions
  }

  /// The same extraction without the document text, for callers that need only the mentions and
  /// their statuses (`kamergraph extract`): memory then grows with the mentions, not the texts.
  /// Identity and statuses come out as with the text (the digest replaces it in comparisons);
  /// footnote and sentence evidence for graph edges needs the text (or its `findings`), so build
  /// graphs from `resolvableWithoutText()` instead.
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

  /// The same extraction with its `TextFindings` and without its text: the resolver gives the
  /// graph it gives with the text, and memory grows with the mentions, not the texts (a build's
  /// read workers hand these over, `BuildPipeline.process`).
  package func resolvableWithoutText() -> ExtractedDocument {
    var copy = self
    if copy.findings == nil { copy.findings = TextFindings(self) }
    return copy.releasingText()
  }

  /// What identifies the content: the text, or its digest once released.
  var contentKey: String { textDigest ?? document.text }
  /// True when the document had text (released or not).
  var hasText: Bool { textDigest != nil || !document.text.isEmpty }
}
