import Foundation
import Testing

@testable import KamerGraph

/// Organisations (`Organisations`): one id per body, by full name and abbreviation; two-letter
/// abbreviations only in running text.
@Suite struct OrganisationTests {
  /// The organisation mentions of a text as (text, id).
  func organisations(_ text: String) -> [(String, String)] {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    return ms.filter { $0.kind == .organisatie }.map { ($0.text, $0.ids.first ?? "") }
  }

  /// Real wording: full name and abbreviation meet on one id.
  @Test(arguments: [
    ("een onderzoek van de Autoriteit Persoonsgegevens naar", "Autoriteit Persoonsgegevens", "organisatie:autoriteit-persoonsgegevens"),
    ("De AP heeft daarop een boete opgelegd.", "AP", "organisatie:autoriteit-persoonsgegevens"),
    ("medewerkers van de Koninklijke Marechaussee op Schiphol", "Koninklijke Marechaussee", "organisatie:KMar"),
    ("de KMar voert het grenstoezicht uit", "KMar", "organisatie:KMar"),
    ("Het Openbaar Ministerie heeft besloten", "Openbaar Ministerie", "organisatie:OM"),
    ("dat het OM niet tot vervolging overgaat", "OM", "organisatie:OM"),
    ("volgens het Uitvoeringsinstituut Werknemersverzekeringen", "Uitvoeringsinstituut Werknemersverzekeringen", "organisatie:UWV"),
    ("een uitkering van het UWV", "UWV", "organisatie:UWV"),
    ("de studiefinanciering door DUO", "DUO", "organisatie:DUO"),
    ("cijfers van het Centraal Bureau voor de Statistiek", "Centraal Bureau voor de Statistiek", "organisatie:CBS"),
    ("de Inspectie Justitie en Veiligheid onderzoekt", "Inspectie Justitie en Veiligheid", "organisatie:inspectie-justitie-en-veiligheid"),
    ("de Inspectie Gezondheidszorg en Jeugd (IGJ)", "Inspectie Gezondheidszorg en Jeugd", "organisatie:IGJ"),
    ("de Nederlandse Voedsel- en Warenautoriteit controleert", "Nederlandse Voedsel- en Warenautoriteit", "organisatie:NVWA"),
    ("asielzoekers in de opvang van het COA", "COA", "organisatie:COA"),
    ("het advies van de Afdeling advisering van de Raad van State", "Raad van State", "organisatie:raad-van-state"),
    ("een rapport van de Algemene Rekenkamer", "Algemene Rekenkamer", "organisatie:algemene-rekenkamer"),
    ("het RIVM adviseert", "RIVM", "organisatie:RIVM"),
    ("door de Nederlandse Zorgautoriteit (NZa)", "Nederlandse Zorgautoriteit", "organisatie:NZa"),
  ])
  func namesAndAbbreviations(text: String, mention: String, id: String) {
    let found = organisations(text)
    #expect(found.first?.0 == mention, "\(found)")
    #expect(found.first?.1 == id, "\(found)")
  }

  /// "(AP)" after the full name is the same body.
  @Test func abbreviationAfterTheName() {
    let found = organisations("De Autoriteit Persoonsgegevens (AP) en de Koninklijke Marechaussee (KMar).")
    #expect(Set(found.map(\.1)) == ["organisatie:autoriteit-persoonsgegevens", "organisatie:KMar"], "\(found)")
    #expect(found.count == 4, "\(found)")
  }

  /// Decoys: two capitals in a heading in capitals, in initials, glued to numbers, inside words.
  @Test(arguments: [
    "OM DE HOEK",
    "WAAROM HET NIET LUKT",
    "De heer A.P. de Vries schreef",
    "zie bijlage AP-12 en formulier OM-3",
    "APPEL EN PEER",
    "de rommel om de hoek",
    "het CBSB-register en de UWVX-code",
  ])
  func decoys(text: String) {
    #expect(organisations(text).isEmpty, "\(organisations(text))")
  }

  /// "de OM-zaak" is the OM: a lower-case word after the hyphen.
  @Test func abbreviationInACompound() {
    #expect(organisations("in de OM-zaak tegen de verdachte").map(\.1) == ["organisatie:OM"])
  }

  /// One id per body, every id an NMTOKEN with the kind's prefix, every entry with its source,
  /// and no spelling that names two bodies.
  @Test func lexiconIsConsistent() {
    var owner: [String: String] = [:]
    var ids = Set<String>()
    for o in Organisations.all {
      #expect(ids.insert(o.id).inserted, "\(o.id) twice")
      #expect(!o.source.isEmpty && !o.names.isEmpty)
      let id = "organisatie:" + o.id
      #expect(ReferenceKind.of(id: id) == .organisatie)
      #expect(id.allSatisfy { $0.isLetter || $0.isNumber || "-_.:".contains($0) }, "\(id)")
      // The rule: an abbreviation as written, or the slug of the full name.
      #expect(o.names.contains(o.id) || o.id == o.id.lowercased(), "\(o.id)")
      for name in o.names {
        #expect(owner[name] == nil, "\(name) names \(owner[name] ?? "") and \(o.id)")
        owner[name] = o.id
      }
    }
  }
}
