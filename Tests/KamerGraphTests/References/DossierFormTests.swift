import Testing

@testable import KamerGraph

/// Dossiers and lists of Kamerstukken (`DossierForms`): a bill's title with its dossier in
/// parentheses, a bill by its number, a Kamerstuk header's dossier line, and lists of complete
/// Kamerstukken that are not dossiers.
@Suite struct DossierFormTests {
  func refs(_ text: String) -> [(ReferenceKind, [String], String)] {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    return ms.filter { $0.kind == .dossier || $0.kind == .kamerstuk }.map { ($0.kind, $0.ids, $0.text) }
  }

  /// Real wording: each gives one dossier.
  @Test(arguments: [
    ("Wet auteurscontractenrecht (33 308)\nPlenair debat", "dossier-33308"),
    ("Wijziging van de Wet kwaliteit, klachten en geschillen zorg (36 278) is aangenomen", "dossier-36278"),
    ("bij de inwerkingtreding van de Omgevingswet (33 962) vervalt", "dossier-33962"),
    ("Begroting Defensie 2025 (36 600 X)", "dossier-36600-X"),
    ("bij de Wet van 30 maart 1988, Stb. 113 (wetsontwerp nr. 19 752) voor", "dossier-19752"),
    ("het wetsvoorstel 36 278 regelt de registraties", "dossier-36278"),
  ])
  func dossiers(text: String, id: String) {
    let found = refs(text)
    #expect(found.count == 1 && found[0].0 == .dossier && found[0].1 == [id], "\(found)")
  }

  /// Decoys: counts, amounts, phone numbers, postcodes and years in parentheses; a bill number
  /// with "nr." after it is a Kamerstuk.
  @Test(arguments: [
    "het aantal meldingen (12 345) steeg",
    "een bedrag van (€ 12 500) per jaar",
    "Bel (070 123 4567) of schrijf naar Postbus 20011 (2500 EA)",
    "de Wet werd in (2024) gewijzigd",
    "het wetsvoorstel van 2024 en het wetsvoorstel 12 34",
    "Meldingen (totaal): (33 308 euro)",
  ])
  func decoys(text: String) {
    #expect(refs(text).isEmpty, "\(refs(text))")
  }

  @Test func billNumberWithAnOndernummerIsAKamerstuk() {
    let found = refs("zie wetsvoorstel 36 278, nr. 3 over")
    #expect(found.map(\.1) == [["kst-36278-3"]], "\(found)")
  }

  /// "Kamerstuk 33043-76 en 21501-02-1855" are two Kamerstukken (it was read as two dossiers).
  @Test(arguments: [
    ("Kamerstuk 33043-76 en 21501-02-1855", ["kst-33043-76", "kst-21501-02-1855"]),
    ("Kamerstukken 30569-8, 33043-76 en 21501-02-1855.", ["kst-30569-8", "kst-33043-76", "kst-21501-02-1855"]),
    ("eerder: 21501-02-1855 en 30569-8 over", ["kst-21501-02-1855", "kst-30569-8"]),
  ])
  func listsOfCompleteKamerstukken(text: String, ids: [String]) {
    let found = refs(text)
    #expect(found.count == 1 && found[0].0 == .kamerstuk && found[0].1 == ids, "\(found)")
  }

  /// A dossier with a series before "nr." stays what it was: "36200-10 en 32761, nr. 51" is not
  /// a list of complete Kamerstukken; nor are phone numbers or ranges.
  @Test func listDecoys() {
    #expect(!refs("Kamerstuk 36200-10 en 32761, nr. 51").contains { $0.1.contains("kst-36200-10") })
    #expect(refs("bel 070-12345-6 en 070-12345-7").isEmpty)
    #expect(refs("de jaren 20000-25000 en 30000-35000").isEmpty)
  }

  /// A Kamerstuk's header gives its own id and the dossier it belongs to.
  @Test func headerGivesTheDossier() {
    let text = "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2024–2025\n\n21 501-02\n\nRaad Algemene Zaken\n\nNr. 3121\n\nMOTIE VAN HET LID CEDER\n"
    let ms = Extractor().mentions(in: text)
    let dossier = ms.first { $0.kind == .dossier }
    #expect(dossier?.ids == ["dossier-21501-02"] && dossier?.fields[MentionField.role] == MentionRole.dossier)
    #expect(ms.contains { $0.kind == .kamerstuk && $0.ids == ["kst-21501-02-3121"] })
  }
}
