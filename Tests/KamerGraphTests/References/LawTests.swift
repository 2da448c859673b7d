import Foundation
import Testing

@testable import KamerGraph

/// Laws by name: the lexicon (`Data/laws.tsv`), the general title forms and EU acts by number.
@Suite struct LawTests {
  /// The law mentions of a text as (text, id).
  func laws(_ text: String) -> [(String, String)] {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    return ms.filter { $0.kind == .bwb }.map { ($0.text, $0.ids.first ?? "") }
  }

  /// Real wording: names and abbreviations of the lexicon; the mention ends where the name ends.
  @Test(arguments: [
    ("op grond van de Wet op het financieel toezicht (Wft) is", "Wet op het financieel toezicht (Wft)", "BWBR0020368"),
    ("de eisen van het Besluit prudentiële regels Wft.", "Besluit prudentiële regels Wft", "BWBR0020420"),
    ("conform het Vuurwerkbesluit mag", "Vuurwerkbesluit", "BWBR0013360"),
    ("de Muntwet 2002 bepaalt", "Muntwet 2002", "BWBR0013064"),
    ("artikel 3 van de Algemene wet inzake rijksbelastingen", "Algemene wet inzake rijksbelastingen", "BWBR0002320"),
    ("de Algemene Wet Bestuursrecht", "Algemene Wet Bestuursrecht", "BWBR0005537"),
    ("een uitkering op grond van de Werkloosheidswet (WW)", "Werkloosheidswet (WW)", "BWBR0004045"),
    ("het recht op een WW-uitkering onder de WW", "WW", "BWBR0004045"),
    ("de Wet werk en inkomen\nnaar arbeidsvermogen", "Wet werk en inkomen\nnaar arbeidsvermogen", "BWBR0019057"),
    ("krachtens de Auteurswet en de Wet op de naburige rechten", "Auteurswet", "BWBR0001886"),
    ("de Wet maatschappelijke ondersteuning 2015 (Wmo 2015)", "Wet maatschappelijke ondersteuning 2015 (Wmo 2015)", "BWBR0035362"),
    ("verzekerd krachtens de Zvw en de Wlz", "Zvw", "BWBR0018450"),
    ("de Wet IB 2001 kent", "Wet IB 2001", "BWBR0011353"),
    ("strafbaar gesteld in artikel 285 Sr", "Sr", "BWBR0001854"),
    ("artikel 6:162 BW", "BW", "law:burgerlijk-wetboek"),
    ("de Wajong", "Wajong", "BWBR0008657"),
    ("het gebruik van de AVG", "AVG", "CELEX:32016R0679"),
  ])
  func lexiconNames(text: String, mention: String, id: String) {
    let found = laws(text)
    #expect(found.first?.0 == mention, "\(found)")
    #expect(found.first?.1 == id, "\(found)")
  }

  /// Titles in general form: the mention stops where the title ends; a title the lexicon does
  /// not hold gets a name id `law:<slug>`.
  @Test(arguments: [
    ("in strijd met het Besluit emissie-eisen stookinstallaties, zodat", "Besluit emissie-eisen stookinstallaties"),
    ("de Regeling meetmethoden emissie-eisen stookinstallaties is", "Regeling meetmethoden emissie-eisen stookinstallaties"),
    ("in de Wet inzake de luchtverontreiniging werd", "Wet inzake de luchtverontreiniging"),
    ("de Wet natuurbescherming die sinds 2017 geldt", "Wet natuurbescherming"),
    ("dat de Wet kwaliteitsregistraties zorg mede beoogt", "Wet kwaliteitsregistraties zorg"),
    ("volgens de Wet administratieve rechtspraak belastingzaken.", "Wet administratieve rechtspraak belastingzaken"),
    ("de Wet verbruiksbelastingen van brandstoffen en de", "Wet verbruiksbelastingen van brandstoffen"),
    ("onder de Wet kwaliteitsregistraties zorg 2024 vallen", "Wet kwaliteitsregistraties zorg 2024"),
    ("de Regeling aanwijzing consumentenvuurwerk (RAC) bevat", "Regeling aanwijzing consumentenvuurwerk (RAC)"),
    ("op grond van de Uitvoeringsbeschikking omzetbelasting 1968", "Uitvoeringsbeschikking omzetbelasting 1968"),
  ])
  func generalForms(text: String, mention: String) {
    let found = laws(text)
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.0 == mention, "\(found)")
    let known = LawLexicon.names.contains { String(decoding: $0.bytes, as: UTF8.self) == mention }
    #expect(found.first?.1.hasPrefix("law:") == !known, "\(found)")
  }

  @Test func nameIdIsALawWithoutURL() {
    #expect(ReferenceKind.of(id: "law:wet-natuurbescherming") == .bwb)
    #expect(OfficialSource.url(for: "law:wet-natuurbescherming") == nil)
    #expect(OfficialSource.url(for: "BWBR0020368") == "https://wetten.overheid.nl/BWBR0020368")
  }

  @Test func nameIdIsASlug() {
    #expect(Scan.lawSlug("Besluit emissie-eisen stookinstallaties") == "law:besluit-emissie-eisen-stookinstallaties")
    #expect(Scan.lawSlug("Wet op belastingen van rechtsverkeer") == "law:wet-op-belastingen-van-rechtsverkeer")
    #expect(Scan.lawSlug("Besluit prudentiële regels") == "law:besluit-prudentiele-regels")
  }

  /// EU regulations and directives by number: their CELEX ids.
  @Test(arguments: [
    ("de Verordening (EU) 2016/679 van het Europees Parlement", "Verordening (EU) 2016/679", "CELEX:32016R0679"),
    ("Richtlijn 2014/24/EU betreffende het plaatsen", "Richtlijn 2014/24/EU", "CELEX:32014L0024"),
    ("richtlijn (EU) 2019/1937 inzake", "richtlijn (EU) 2019/1937", "CELEX:32019L1937"),
    ("Verordening (EG) nr. 1907/2006 (REACH)", "Verordening (EG) nr. 1907/2006", "CELEX:32006R1907"),
    ("Verordening (EU) nr. 1305/2013", "Verordening (EU) nr. 1305/2013", "CELEX:32013R1305"),
    ("Richtlijn 95/46/EG", "Richtlijn 95/46/EG", "CELEX:31995L0046"),
    ("Uitvoeringsverordening (EU) 2019/947", "Uitvoeringsverordening (EU) 2019/947", "CELEX:32019R0947"),
  ])
  func euActs(text: String, mention: String, id: String) {
    let found = laws(text)
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.0 == mention, "\(found)")
    #expect(found.first?.1 == id, "\(found)")
  }

  /// The label of an EU act by its CELEX id is how it is cited in Dutch, and the recogniser
  /// reads that citation back as the same id (a label a user can paste into a search).
  @Test(arguments: [
    ("CELEX:32016R0679", "Verordening (EU) 2016/679"),
    ("CELEX:32006R1907", "Verordening (EG) nr. 1907/2006"),
    ("CELEX:32013R1305", "Verordening (EU) nr. 1305/2013"),
    ("CELEX:31995L0046", "Richtlijn 95/46/EG"),
    ("CELEX:32014L0024", "Richtlijn 2014/24/EU"),
    ("CELEX:32019L1937", "Richtlijn (EU) 2019/1937"),
  ])
  func euCitationOfACelexId(id: String, citation: String) {
    #expect(OfficialSource.euCitation(celex: id) == citation)
    #expect(OfficialSource.label(for: id) == citation)
    #expect(laws("zie de \(citation) over").map(\.1) == [id], "read back: \(laws("zie de \(citation) over"))")
  }

  /// A CELEX id of another sector or type (a decision, a ruling) keeps its id as label, and a
  /// law node says whether it is EU, Dutch or a treaty (the kind stays `bwb`, as ids.md defines).
  @Test func otherCelexIdsAndTheLawOfANode() {
    #expect(OfficialSource.euCitation(celex: "CELEX:32019D0001") == nil)
    #expect(OfficialSource.euCitation(celex: "CELEX:62014CJ0362") == nil)
    #expect(OfficialSource.label(for: "CELEX:62014CJ0362") == "CELEX:62014CJ0362")
    #expect(OfficialSource.euCitation(celex: "CELEX:3201XR0679") == nil)
    func law(_ id: String, kind: String = "bwb") -> String? { Node(id: id, kind: kind, label: id, status: .external).law }
    #expect(law("CELEX:32016R0679") == "EU")
    #expect(law("BWBR0032203") == "NL")
    #expect(law("law:burgerlijk-wetboek") == "NL")
    #expect(law("BWBV0001000") == "treaty")
    #expect(law("ah-tk-20242025-2790", kind: "aanhangsel") == nil)
  }

  /// Decoys: "wet", "besluit" and "regeling" as common nouns, sentence-initial "Wet"/"Besluit"
  /// before other words, titles of persons, agenda items and compounds that are no law.
  @Test(arguments: [
    "de wet die dat regelt", "een wet die in 2020 inging", "Wet en regelgeving worden herzien",
    "Besluit: de commissie stemt in met het voorstel.", "Besluit de brief voor kennisgeving aan te nemen.",
    "Besluitenlijst procedurevergadering", "Wetgevingsoverleg over de begroting", "Regeling van werkzaamheden",
    "een regeling voor de vergoeding", "de regeling van de minister", "een Besluit nemen over de aanvraag",
    "Wet is wet, zei hij.", "het Besluit van de minister is", "de Wet van 30 maart 1988",
    "de Wet waarin dit staat", "Mw. Jansen en Jan Sr. kwamen", "een WW-achtige regeling van de Europese verordening",
    "de richtlijn is 2014 ingegaan", "Verordening 2016/679", "artikel 61d, lid 2, van de Wet gegeven bevoegdheid",
    "van de Wet vervatte teruggaafregeling",
  ])
  func decoys(text: String) {
    #expect(laws(text).isEmpty, "\(text): \(laws(text))")
  }

  /// The lexicon: at least 500 laws, well-formed unique ids, a source for every law.
  @Test func lexiconData() throws {
    let names = LawLexicon.names
    let ids = Set(names.map(\.id))
    #expect(ids.count >= 500)
    for id in ids {
      let ok =
        id.wholeMatch(of: /BWB[RV]\d{7}/) != nil || id.wholeMatch(of: /CELEX:3\d{4}[RLD]\d{4}/) != nil
        || id.wholeMatch(of: /law:[a-z0-9]+(-[a-z0-9]+)*/) != nil
      #expect(ok, "\(id)")
    }
    // One id per name (as the matcher folds it).
    var byName: [String: String] = [:]
    for e in names {
      let key = String(decoding: e.bytes, as: UTF8.self).lowercased()
      if let other = byName[key] { #expect(other == e.id || e.abbreviation, "\(key): \(other) and \(e.id)") }
      byName[key] = e.id
    }
    // Every row of the table has a source, and the generated Swift holds exactly its laws.
    let tsv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../../Sources/KamerGraph/References/Data/laws.tsv")
    let lines = try String(contentsOf: tsv, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    #expect(lines.first == ["id", "name", "abbreviations", "type", "score", "source"])
    var tsvIDs: Set<String> = []
    for row in lines.dropFirst() {
      #expect(row.count == 6 && !row[5].isEmpty, "\(row)")
      tsvIDs.insert(String(row[0]))
    }
    #expect(tsvIDs == ids, "laws.tsv and LawLexicon+Data.swift differ: run Data/gen_laws.py")
  }
}
