import Testing

@testable import KamerGraph

/// `PageLayout.mark`: document references in furniture lines name the document itself; a law
/// never does (ah-tk-20232024-2313 as PDF: the first body line of page 5 was taken for furniture).
@Suite struct PageLayoutTests {
  @Test func furnitureGivesOwnToPublicationsNotToLaws() {
    let text = "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel ah-tk-20232024-2313\nde Algemene wet bestuursrecht. Dit betekent"
    var mentions = Extractor().mentions(in: text)
    let layout = PageLayout(
      pages: [.init(number: 1, range: ByteRange(0, text.utf8.count))], furniture: [ByteRange(0, text.utf8.count)])
    layout.mark(&mentions)
    let law = mentions.first { $0.kind == .bwb }
    let own = mentions.first { $0.ids == ["ah-tk-20232024-2313"] }
    #expect(law?.ids == ["BWBR0005537"] && law?.fields[MentionField.role] == nil, "\(mentions)")
    #expect(own?.fields[MentionField.role] == MentionRole.own, "\(mentions)")
  }
}
