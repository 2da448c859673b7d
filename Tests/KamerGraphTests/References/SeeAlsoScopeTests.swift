import Testing

@testable import KamerGraph

/// "Zie ook" (`SeeAlso.swift`, issue 18 point 5): every document cited up to the end of its
/// sentence, footnote or parentheses is `see-also`, of any kind and after ";".
@Suite struct SeeAlsoScopeTests {
  /// (ids, role) of the document mentions of a text.
  func roles(_ text: String) -> [(String, String?)] {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    return ms.filter { $0.kind.isDocument && $0.kind != .bwb }.map { ($0.ids.joined(separator: " "), $0.fields[MentionField.role]) }
  }

  @Test func everyCitationUpToTheEndOfTheSentence() {
    let found = roles(
      "Dit is besproken. Zie ook Kamerstuk 32 761, nr. 51; Aanhangsel Handelingen II 2019/20, nr. 89 en de vragen 2024Z01234. Verder Kamerstuk 36 600 X, nr. 12.")
    #expect(found.map(\.0) == ["kst-32761-51", "ah-tk-20192020-89", "2024Z01234", "kst-36600-X-12"], "\(found)")
    #expect(found.map(\.1) == ["see-also", "see-also", "see-also", nil], "\(found)")
  }

  /// A footnote ends at its line when the next footnote follows.
  @Test func aFootnoteEndsAtTheNextFootnote() {
    let found = roles("Tekst.¹\n\n¹ Zie ook Stb. 2001, 580 en ECLI:NL:HR:2005:AR5213\n² Kamerstukken II 2019/20, 35 300, nr. 3.\n")
    #expect(found.map(\.1) == ["see-also", "see-also", nil], "\(found)")
  }

  /// In parentheses the scope ends at ")".
  @Test func inParenthesesUpToTheClosingParenthesis() {
    let found = roles("het besluit (zie ook Kamerstuk 32 761, nr. 51) en Kamerstuk 36 600 X, nr. 12 zijn gewijzigd.")
    #expect(found.map(\.1) == ["see-also", nil], "\(found)")
  }

  /// Decoys: "zie ook" inside a sentence is a plain citation; "Zie" alone points nowhere; the
  /// full stop of "nr." does not end the scope, that of a sentence does.
  @Test func decoys() {
    #expect(roles("Wetten van 2 juli 1992, voor de tekst zie ook Stb. 1992, 551.").map(\.1) == [nil])
    #expect(roles("Zie Kamerstuk 32 761, nr. 51.").map(\.1) == [nil])
    #expect(roles("Zie ook hierboven. Kamerstuk 32 761, nr. 51 volgt.").map(\.1) == [nil])
  }

  /// The role survives into the graph as the `see-also` relation (and not also `cites`).
  @Test func theGraphHasSeeAlsoNotCites() {
    let doc = Document(path: "brief.txt", format: .plainText, text: "Geachte Voorzitter,\n\nZie ook Kamerstuk 32 761, nr. 51; Stb. 2001, 580.\n")
    let g = Resolver().resolve([ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))]).graph
    let keys = g.edgesByKey.keys.filter { $0.target == "kst-32761-51" || $0.target == "stb-2001-580" }
    #expect(Set(keys.map(\.relation)) == [.seeAlso], "\(keys)")
  }
}
