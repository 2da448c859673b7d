/// A footnote: its mark in the running text and its body, both as ranges of `Document.text`.
public struct Footnote: Sendable, Hashable, Codable {
  /// The footnote number or label as written ("2").
  public var number: String
  /// The mark in the running text (`[footnoteRef:2]`, or an empty range where a mark was removed).
  public var mark: ByteRange
  /// The footnote text.
  public var body: ByteRange
  /// The sentence that carries the mark: what the footnote is cited for.
  public var sentence: ByteRange

  public init(number: String, mark: ByteRange, body: ByteRange, sentence: ByteRange) {
    self.number = number
    self.mark = mark
    self.body = body
    self.sentence = sentence
  }
}
