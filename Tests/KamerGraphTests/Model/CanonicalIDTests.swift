import Testing
@testable import KamerGraph

@Suite struct CanonicalIDTests {
  @Test(arguments: [
    ("MINDEF20250032172", "kenmerk:MINDEF20250032172"),
    ("IENW/BSK-2025/130201", "kenmerk:IENW_BSK-2025_130201"),
    ("WJZ/ 34681182", "kenmerk:WJZ_34681182"),
    ("HO&S/860745", "kenmerk:HO_S_860745"),
    // ASCII whitespace (tab to CR, space) is dropped, other signs become "_"; non-ASCII goes
    // the scalar way (NBSP is whitespace there, "é" is no NMTOKEN letter).
    ("A\tB\nC\u{0B}D\u{0C}E\rF G", "kenmerk:ABCDEFG"), ("2025#1", "kenmerk:2025_1"), ("x:y.z_w", "kenmerk:x:y.z_w"),
    ("A\u{00A0}B", "kenmerk:AB"), ("é/1", "kenmerk:__1"),
  ])
  func kenmerk(raw: String, id: String) { #expect(CanonicalID.kenmerk(raw) == id) }

  @Test(arguments: [
    ("2024-2025", "2024-2025"), ("2024–2025", "2024-2025"), ("2024/25", "2024-2025"),
    ("08/09", "2008-2009"), ("2021/2022", "2021-2022"), ("20242025", "2024-2025"),
    ("1999/00", "1999-2000"), ("99/00", "1999-2000"), ("1850-1851", "1850-1851"), ("2100/01", "2100-2101"),
  ])
  func vergaderjaar(raw: String, normal: String) { #expect(CanonicalID.vergaderjaar(raw) == normal) }

  @Test func vergaderjaarRejectsNonConsecutiveYears() {
    #expect(CanonicalID.vergaderjaar("2024/26") == nil)
    #expect(CanonicalID.vergaderjaar("2500") == nil)
    #expect(CanonicalID.vergaderjaar("202420250") == nil, "nine digits")
    #expect(CanonicalID.vergaderjaar("2024202") == nil, "seven digits")
    #expect(CanonicalID.vergaderjaar("") == nil)
  }

  @Test(arguments: [
    ("Gijs Tuinman", "persoon:tuinman"), ("P. van Houwelingen", "persoon:van-houwelingen"),
    ("F. van Oosten", "persoon:van-oosten"), ("Pepijn van Houwelingen", "persoon:van-houwelingen"),
    ("J.A. de Vries", "persoon:de-vries"),
  ])
  func personFromFullName(name: String, id: String) { #expect(PersonName.id(fullName: name) == id) }

  @Test(arguments: [
    ("Yeşilgöz-Zegerius", "yesilgoz-zegerius"), ("Van der Lee", "van-der-lee"), ("Łukasz Čapek", "lukasz-capek"),
    ("Ağar", "agar"), ("'t Hooft", "t-hooft"), ("Ruud  Koole", "ruud-koole"),
  ])
  func slugFoldsAccents(text: String, slug: String) { #expect(CanonicalID.slug(text) == slug) }

  @Test func vergaderjaarIgnoresNonASCIIDigits() {
    #expect(CanonicalID.vergaderjaar("2024–2025 ½") == "2024-2025")
  }

  @Test func ministryLabelUsesTheCurrentName() {
    #expect(Ministry.label(forAbbreviation: "JENV") == "Ministerie van Justitie en Veiligheid")
    #expect(Ministry.label(forAbbreviation: "IENW") == "Ministerie van Infrastructuur en Waterstaat")
  }

  @Test func personFromSurname() {
    #expect(PersonName.id(surname: "Van Houwelingen") == "persoon:van-houwelingen")
    #expect(PersonName.id(surname: "Six Dijkstra") == "persoon:six-dijkstra")
  }

  @Test(arguments: [
    ("Justitie en Veiligheid", "ministerie:JENV"), ("Ministerie van Defensie", "ministerie:DEF"),
    ("de minister van Binnenlandse Zaken en Koninkrijksrelaties", "ministerie:BZK"),
    ("Economische Zaken en Klimaat", "ministerie:EZK"), ("Economische Zaken", "ministerie:EZ"),
    ("JenV", "ministerie:JENV"), ("IenW", "ministerie:IENW"),
    ("Minister voor Klimaat en Groene Groei", "ministerie:KGG"), ("minister van Justitie", "ministerie:JENV"),
    ("Medische Zorg en Sport", "ministerie:VWS"), ("staatssecretaris van Toeslagen en Douane", "ministerie:FIN"),
    // Earlier ministries keep the id of that date (ids.md): VenJ (2010-2017), VenW, IenM, VROM.
    ("Veiligheid en Justitie", "ministerie:VENJ"), ("Verkeer en Waterstaat", "ministerie:VENW"),
    ("Infrastructuur en Milieu", "ministerie:IENM"), ("VROM", "ministerie:VROM"),
    ("Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "ministerie:VROM"),
    // Ministers without portfolio under their ministry.
    ("Minister voor Langdurige Zorg en Sport", "ministerie:VWS"),
    ("Minister voor Buitenlandse Handel en Ontwikkelingshulp", "ministerie:BZ"),
    ("Minister voor Primair en Voortgezet Onderwijs", "ministerie:OCW"),
  ])
  func ministry(name: String, id: String) { #expect(Ministry.id(forName: name) == id) }

  @Test(arguments: [
    ("FvD", "fractie:FVD"), ("FVD", "fractie:FVD"), ("GroenLinks-PvdA", "fractie:GL-PVDA"),
    ("Nieuw Sociaal Contract", "fractie:NSC"), ("PvdD", "fractie:PVDD"), ("Belang van Nederland", "fractie:BVNL"),
    ("GL/PvdA", "fractie:GL-PVDA"), ("Christen-Democratisch Appèl", "fractie:CDA"),
  ])
  func party(text: String, id: String) { #expect(Party.id(for: text) == id) }

  /// The byte form the extractor uses gives what the String form gives, for every alias and
  /// for variants with other case, dots, spaces, NBSP and words that are no party.
  @Test func partyIDOnBytesAgreesWithTheStringForm() {
    var texts = Array(Party.aliases.keys)
    for alias in ["FvD", "GroenLinks-PvdA", "Nieuw Sociaal Contract", "Christen-Democratisch Appèl", "D66", "50PLUS"] {
      texts += [alias.uppercased(), alias.lowercased(), " \(alias) ", alias.replacingOccurrences(of: " ", with: "\u{00A0}")]
    }
    texts += ["F.v.D.", "P v d A", "", ".", "Kamerlid", "allen VVD", "é", "PVV.", "VVD en CDA"]
    for text in texts {
      var copy = text
      let bytes = copy.withUTF8 { Party.id(bytes: $0) }
      #expect(bytes == Party.id(for: text), "\(text.debugDescription)")
    }
  }
}

@Suite struct TweedeKamerNumberTests {
  @Test(arguments: [
    ("2025Z14549", ReferenceKind?.some(.zaak)), ("2025D31738", .tkdocument), ("2025X14549", nil), ("2025Z1454", nil),
    ("2025Z145490", nil), ("20a5Z14549", nil), ("kv-tk-2025Z14549", nil), ("2025z14549", nil), ("", nil),
  ])
  func zaakAndDocumentNumbersOnBytes(_ id: String, _ kind: ReferenceKind?) {
    #expect(ReferenceKind.tweedeKamerNumber(id) == kind)
    #expect(ReferenceKind.of(id: id) == kind || kind == nil)
    #expect(ResolverState.canonical(id) == (kind == .zaak ? "kv-tk-" + id : id))
  }
}
