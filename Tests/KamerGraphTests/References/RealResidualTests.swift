import Testing

@testable import KamerGraph

/// The last real-document misses generalised (issues 17/18 follow-up): a ministry kenmerk in
/// parentheses after a document word, a party spokesperson named with first name and particle,
/// the party table of a vote, short party names in a list. Each with its literal wording and decoys.
@Suite struct RealResidualTests {
  /// (kind, id, text) of the mentions of `text`, spans checked.
  func found(_ text: String) -> [(ReferenceKind, String, String)] {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    return ms.map { ($0.kind, $0.ids.first ?? "", $0.text) }
  }

  @Test(arguments: [
    // Real wording (an answer of BZ, 2024).
    ("Op 29 oktober is de Kamer aanvullend geïnformeerd over de BNI-koppeling middels een Kamerbrief (BZ2407724).",
     "kenmerk:BZ2407724", "BZ2407724"),
    // Other ministries' shapes (reference-formats.md §1.6).
    ("zoals gemeld in de brief van 3 maart 2024 (IENW/BSK-2024/12345)", "kenmerk:IENW_BSK-2024_12345", "IENW/BSK-2024/12345"),
    ("het rapport (BS2019006797) beschrijft", "kenmerk:BS2019006797", "BS2019006797"),
    ("in mijn brief (5178141) heb ik", "kenmerk:5178141", "5178141"),
    ("de beleidsbrief (DGB-2024/1234567) ging", "kenmerk:DGB-2024_1234567", "DGB-2024/1234567"),
  ])
  func kenmerkAfterDocumentWord(text: String, id: String, span: String) {
    let k = found(text).filter { $0.0 == .kenmerk }
    #expect(k.count == 1 && k.first?.1 == id && k.first?.2 == span, "\(k)")
  }

  @Test(arguments: [
    "het rapport (2019) was duidelijk", "de brief (AVG) en de nota (zie bijlage)", "de brief (BWBR0005537)",
    "de Kamerbrief (AA3097)", "het rapport (NEN 2767)", "de notitie (ISO27001)", "een Kamerbrief BZ240772 zonder haakjes",
    "de brief (12345678901234)",
  ])
  func noKenmerkDecoys(text: String) {
    #expect(found(text).filter { $0.0 == .kenmerk }.isEmpty, "\(found(text))")
  }

  @Test(arguments: [
    ("de toenmalige financieel woordvoerder van NSC – dhr. Tjebbe van Oostenbruggen - letterlijk", "Tjebbe van Oostenbruggen"),
    ("Beschouwingendoor de toenmalige financieel woordvoerder van NSC – dhr. Tjebbe vanOostenbruggen – letterlijk",
     "Tjebbe vanOostenbruggen"),
  ])
  func spokespersonWithFirstNameAndParticle(text: String, span: String) {
    let f = found(text)
    #expect(f.contains { $0.0 == .persoon && $0.1 == "persoon:van-oostenbruggen" && $0.2 == span }, "\(f)")
    #expect(f.contains { $0.0 == .fractie && $0.1 == "fractie:NSC" }, "\(f)")
  }

  @Test(arguments: [
    "een woordvoerder van het ministerie, dhr. Tjebbe van Oostenbruggen, zei",
    "de woordvoerder van de gemeente Jan de Vries",
  ])
  func noSpokespersonWithoutParty(text: String) {
    #expect(found(text).filter { $0.0 == .persoon }.isEmpty, "\(found(text))")
  }

  /// The table of tweedekamer.nl's stemmingsuitslag (2015D04817) as its text reads.
  @Test func voteTable() {
    let text = """
      Besluit: Verworpen.
      Stemmingsoort: Met handopsteken
      Fractie Zetels voor tegen Details
      VVD 41\u{A0} \u{A0} \u{A0}
      CU 5      
      GL 4      
      GrKÖ 2      
      PvdD 2      
      Van Vliet 1    
      Niet deelgenomen
      Klein 1      
      50PLUS 1    
      Niet deelgenomen
      Behandeling
      Klein 1
      CU 5
      """
    let f = found(text)
    let ids = f.filter { $0.0 == .fractie || $0.0 == .persoon }.map(\.1)
    #expect(
      ids == ["fractie:VVD", "fractie:CU", "fractie:GL", "fractie:PVDD", "persoon:van-vliet", "persoon:klein", "fractie:50PLUS"],
      "\(f)")
  }

  /// Blank lines are not rows, but the walk after the header is capped: a row after a long run of
  /// empty lines is no longer part of the table (the walk used to go on to the last line).
  @Test(arguments: [1, Scan.voteTableLineLimit + 1, 100_000])
  func voteTableWalkIsCapped(blankLines: Int) {
    let text = "Fractie Zetels voor tegen Details\nVVD 41\n" + String(repeating: "\n", count: blankLines) + "Van Vliet 1\n"
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let ids = ms.filter { $0.kind == .fractie || $0.kind == .persoon }.map { $0.ids.first ?? "" }
    let expected = blankLines < Scan.voteTableLineLimit ? ["fractie:VVD", "persoon:van-vliet"] : ["fractie:VVD"]
    #expect(ids == expected, "\(ids)")
  }

  @Test(arguments: ["Fractie VVD 41\nCU 5\nKlein 1", "CU 5\nGL 4\nVan Vliet 1", "Fractie Zetels\nTotaal 150\nGrBvK 2"])
  func noVoteTableDecoys(text: String) {
    let ids = found(text).filter { $0.0 == .persoon || ($0.0 == .fractie && $0.1 != "fractie:VVD") }
    #expect(ids.isEmpty, "\(ids)")
  }

  @Test func shortPartyInList() {
    let f = found("In de e-mailprocedure hebben de volgende fracties met het voorstel ingestemd:\nSP, GL en groep Kuzu/Öztürk.")
    #expect(f.filter { $0.0 == .fractie }.map(\.1) == ["fractie:SP", "fractie:GL"], "\(f)")
    #expect(found("een GL-fles en koper (CU) en statiegeld op GL en blik").filter { $0.0 == .fractie }.isEmpty)
  }

  /// "c.s." between a member and the party, the chamber after the party in the parentheses.
  @Test func memberWithCoMoversAndChamber() {
    let ms = Extractor().mentions(
      in: "Wat is de voortgang ten aanzien van de aangenomen motie van het lid VanMeenen c.s. (D66, Eerste Kamer), die verzoekt")
    let p = ms.first { $0.kind == .persoon }
    #expect(p?.ids == ["persoon:van-meenen"] && p?.fields[MentionField.party] == "fractie:D66", "\(ms)")
    #expect(ms.first { $0.kind == .fractie }?.text == "D66")
    // Decoys: something else after the comma; "c.s." without a party.
    let other = Extractor().mentions(in: "de motie van het lid Jansen (D66, zie bijlage) en het lid Smit c.s. over")
    #expect(other.allSatisfy { $0.fields[MentionField.party] == nil }, "\(other)")
  }

  /// The former citeertitel of the Wet milieubeheer (a 1995 ruling): the longer title wins over
  /// "Wet algemene bepalingen" (BWBR0001833), which still stands for itself.
  @Test func formerLawTitle() {
    let old = found("als bedoeld in artikel 61i, lid 1, van de Wet algemene bepalingen milieuhygiëne. 1.2. Het Hoofd")
    #expect(old.filter { $0.0 == .bwb }.map(\.1) == ["BWBR0003245"], "\(old)")
    let wrapped = found("van  de Wet  algemene bepalingen milieuhygiëne (hierna: de Wet) over")
    #expect(wrapped.filter { $0.0 == .bwb }.map(\.1) == ["BWBR0003245"], "\(wrapped)")
    let other = found("artikel 9 van de Wet algemene bepalingen, dat")
    #expect(other.filter { $0.0 == .bwb }.map(\.1) == ["BWBR0001833"], "\(other)")
  }
}
