import Testing

@testable import KamerGraph

/// Actors as real documents lay them out (issue 17 "Actors", issue 18 points 3, 4, 10): each rule
/// with its real wording and a decoy that must not give it.
@Suite struct ActorLayoutTests {
  static func mentions(_ text: String) -> [Mention] {
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    return ms
  }

  static func ids(_ text: String, _ kind: ReferenceKind) -> [String] {
    mentions(text).filter { $0.kind == kind }.flatMap(\.ids)
  }

  static func role(_ text: String, _ id: String) -> String? {
    mentions(text).first { $0.ids.contains(id) }?.fields[MentionField.role]
  }

  // MARK: Names

  @Test func derKamerIsNoName() {
    let text = "Vragen gesteld door de leden der Kamer, met de daarop door de\nregering gegeven antwoorden"
    #expect(Self.ids(text, .persoon).isEmpty)
    // Decoy: a real member after "de leden" still counts.
    #expect(Self.ids("Vragen van de leden Ceder (ChristenUnie) en Dobbe (SP)", .persoon) == ["persoon:ceder", "persoon:dobbe"])
  }

  @Test func aNameWrapsAfterItsTussenvoegsel() {
    #expect(Self.ids("de aangenomen motie van het lid Van\nZanten over", .persoon) == ["persoon:van-zanten"])
    // Decoy: a capitalised word on the next line is not part of a name that ended.
    #expect(Self.ids("de motie van het lid Dobbe\nOver de motie", .persoon) == ["persoon:dobbe"])
  }

  @Test func gluedTussenvoegselIsParted() {
    #expect(Self.ids("Vragen van het lid Inge vanDijk (CDA) aan de Staatssecretaris", .persoon) == ["persoon:van-dijk"])
    #expect(Self.ids("Vragen van de leden lid Inge van Dijk (CDA), Vijlbrief (D66)", .persoon)
      == ["persoon:van-dijk", "persoon:vijlbrief"])
    // Decoy: "Vandenberg" is one surname.
    #expect(Self.ids("het lid Vandenberg (VVD)", .persoon) == ["persoon:vandenberg"])
  }

  @Test func doubleNameWithASpacedDash() {
    #expect(Self.ids("Antwoord van minister Faber - Van de Klashorst (Asiel en Migratie)", .persoon)
      == ["persoon:faber-van-de-klashorst"])
    #expect(Self.ids("Mededeling van Minister Faber – van de Klashorst (Asiel en Migratie)", .persoon)
      == ["persoon:faber-van-de-klashorst"])
    // Decoy: a dash before a lower-case word ends the name.
    #expect(Self.ids("Antwoord van Minister Keijzer - zie bijlage", .persoon) == ["persoon:keijzer"])
  }

  @Test func decomposedAccentsAreComposed() {
    let nfd = "De Minister van Justitie en Veiligheid,\nD. Yes\u{0327}ilgo\u{0308}z-Zegerius"
    let m = Self.mentions(nfd).first { $0.kind == .persoon }
    #expect(m?.ids == ["persoon:yesilgoz-zegerius"])
    #expect(m?.fields[MentionField.name] == "D. Yeşilgöz-Zegerius")
    #expect(PersonName.id(surname: "Yes\u{0327}ilgo\u{0308}z") == PersonName.id(surname: "Yeşilgöz"))
  }

  @Test func partyIsNoName() {
    // "Lilian Helder, Kamerlid PVV": the party after the function, the member before it.
    let text = "Indiener\nLilian Helder, Kamerlid PVV\nVoortouwcommissie"
    let ms = Self.mentions(text)
    #expect(ms.filter { $0.kind == .persoon }.flatMap(\.ids) == ["persoon:helder"])
    #expect(ms.first { $0.kind == .persoon }?.fields[MentionField.party] == "fractie:PVV")
    #expect(ms.first { $0.kind == .persoon }?.fields[MentionField.role] == MentionRole.signer)
    // Decoy: a menu item "Kamerleden" followed by another menu item.
    #expect(Self.ids("Kamerleden\nWie zit waar?\nPetitie", .persoon).isEmpty)
  }

  @Test func surnameOfAFullName() {
    #expect(PersonName.surname(ofFullName: "H.G.J. Bruins Slot") == "Bruins Slot")
    #expect(PersonName.surname(ofFullName: "M.H.M. Faber-van de Klashorst") == "Faber-van de Klashorst")
    #expect(PersonName.surname(ofFullName: "Inge van Dijk") == "van Dijk")
    // A signature line that starts with the tussenvoegsel is all surname.
    #expect(PersonName.surname(ofFullName: "Van Oosten") == "Van Oosten")
    #expect(PersonName.surname(ofFullName: "De Jonge") == "De Jonge")
    #expect(PersonName.surname(ofFullName: "Hugo de Jonge") == "de Jonge")
    let signed = Extractor().mentions(in: "De Minister van Justitie en Veiligheid,\nVan Oosten\n")
    #expect(signed.filter { $0.kind == .persoon }.flatMap(\.ids) == ["persoon:van-oosten"])
    #expect(PersonName.surname(ofFullName: "Gijs Tuinman") == "Tuinman")
    #expect(PersonName.surname(ofFullName: "Gräper-van Koolwijk") == "Gräper-van Koolwijk")
    #expect(PersonName.surname(ofFullName: "Faber - Van de Klashorst") == "Faber - Van de Klashorst")
  }

  // MARK: Members and askers

  @Test func beidenLikeAllen() {
    let text = "Vragen van de leden Bushoff en Patijn(beiden GroenLinks-PvdA) aan de\nMinisters van Sociale Zaken"
    let people = Self.mentions(text).filter { $0.kind == .persoon }
    #expect(people.flatMap(\.ids) == ["persoon:bushoff", "persoon:patijn"])
    #expect(people.allSatisfy { $0.fields[MentionField.party] == "fractie:GL-PVDA" })
    #expect(people.allSatisfy { $0.fields[MentionField.role] == MentionRole.asker })
    // Decoy: a party name that is not one gives no party.
    let other = Self.mentions("de leden Bushoff en Patijn (beiden Kamerlid)").filter { $0.kind == .persoon }
    #expect(other.allSatisfy { $0.fields[MentionField.party] == nil })
  }

  @Test func askerWhateverTheWordOrder() {
    let text = "Op 6 november jl. hebben de leden Gabriëls en Bromet (beiden GroenLinks-PvdA) schriftelijke vragen gesteld aan de minister van Landbouw, Visserij, Voedselzekerheid en Natuur en de staatssecretaris van Infrastructuur en Waterstaat over de berichten."
    #expect(Self.role(text, "persoon:bromet") == MentionRole.asker)
    #expect(Self.role(text, "ministerie:LVVN") == MentionRole.addressee)
    #expect(Self.role(text, "ministerie:IENW") == MentionRole.addressee)
    #expect(Self.role("Het lid Omtzigt (NSC) heeft vragen gesteld over de toeslagen.", "persoon:omtzigt") == MentionRole.asker)
    // Decoy: a motion of a member is no question.
    #expect(Self.role("De motie van het lid Omtzigt (NSC) is aangenomen.", "persoon:omtzigt") == nil)
  }

  @Test func questionsWithTheirOwnNumberAreCited() {
    let text = "zoals aangeven in de beantwoording van de vragen van de SGP-leden Bisschop en\nVan der Staaij (2022D22285) en GroenLinks-leden Westerveld en Bouchallikh\n(2022Z10723), niets"
    let people = Self.mentions(text).filter { $0.kind == .persoon }
    #expect(people.flatMap(\.ids) == ["persoon:bisschop", "persoon:van-der-staaij", "persoon:westerveld", "persoon:bouchallikh"])
    #expect(people.map { $0.fields[MentionField.party] } == ["fractie:SGP", "fractie:SGP", "fractie:GL", "fractie:GL"])
    #expect(people.allSatisfy { $0.fields[MentionField.role] == nil })
    // Decoy: "eerste lid" is no member.
    #expect(Self.ids("artikel 4, eerste lid, van de Muntwet 2002", .persoon).isEmpty)
  }

  @Test func formerMember() {
    let m = Self.mentions("de motie van het voormalig lid Verkuijlen (VVD)").first { $0.kind == .persoon }
    #expect(m?.ids == ["persoon:verkuijlen"])
    #expect(m?.fields[MentionField.party] == "fractie:VVD")
  }

  // MARK: Ministries

  @Test func ministersVanXEnVanY() {
    let text = "Vragen van het lid Erkens (VVD) aan de Ministers voor Klimaat en Energie en\nvan Economische Zaken en Klimaat over het artikel"
    let ms = Self.mentions(text).filter { $0.kind == .ministerie }
    #expect(ms.flatMap(\.ids) == ["ministerie:EZK", "ministerie:EZK"])
    #expect(ms.allSatisfy { $0.fields[MentionField.role] == MentionRole.addressee })
    let two = "aan de Ministers van\nBuitenlandse Zaken en voor Buitenlandse Handel en\nOntwikkelingssamenwerking over"
    #expect(Self.ids(two, .ministerie) == ["ministerie:BZ", "ministerie:BZ"])
    let lb = "aan de Ministers van Asiel en Migratie en van Volksgezondheid, Welzijn en Sportover zorg"
    #expect(Self.ids(lb, .ministerie) == ["ministerie:JENV", "ministerie:VWS"])
    // Decoy: "en van" followed by no ministry.
    #expect(Self.ids("de Minister van Financiën en van de Belastingdienst", .ministerie) == ["ministerie:FIN"])
  }

  @Test func addresseeInAWrappedHeading() {
    let text = "Vragen gesteld door de leden der Kamer, met de daarop door de\nregering gegeven antwoorden\n575\nVragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken\nover het bezoek"
    #expect(Self.role(text, "ministerie:BZ") == MentionRole.addressee)
    // Decoy: a minister named after "over" is the subject, not the addressee.
    let decoy = "Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken over de brief van de Minister van Defensie"
    #expect(Self.role(decoy, "ministerie:DEF") == nil)
  }

  @Test func ministersWithoutPortfolioAndEarlierMinistries() {
    #expect(Self.ids("de Minister voor Langdurige Zorg en Sport", .ministerie) == ["ministerie:VWS"])
    #expect(Self.ids("de Minister voor Buitenlandse Handel en Ontwikkelingshulp", .ministerie) == ["ministerie:BZ"])
    #expect(Self.ids("de Minister voor Primair en Voortgezet Onderwijs", .ministerie) == ["ministerie:OCW"])
    #expect(Self.ids("De Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", .ministerie)
      == ["ministerie:VROM"])
    #expect(Self.ids("de Minister van VROM", .ministerie) == ["ministerie:VROM"])
    #expect(Self.ids("de Minister van Infrastructuur en Milieu", .ministerie) == ["ministerie:IENM"])
    // "voor" and "van" differ: De Jonge (2022) was a BZK minister, the VRO ministry came in 2024.
    #expect(Self.ids("de Minister voor Volkshuisvesting en Ruimtelijke Ordening", .ministerie) == ["ministerie:BZK"])
    #expect(Self.ids("de Minister van Volkshuisvesting en Ruimtelijke Ordening", .ministerie) == ["ministerie:VRO"])
    // Decoy: a committee is no ministry.
    #expect(Self.ids("de vaste commissie voor Langdurige Zorg", .ministerie).isEmpty)
  }

  @Test func ministerPresident() {
    let text = "Vragen van het lid Klaver (GroenLinks) aan de Minister-President over de formatie"
    #expect(Self.role(text, "ministerie:AZ") == MentionRole.addressee)
    // Decoy: the minister-president in running text names no ministry.
    #expect(Self.ids("Dat hebben de minister-president en de minister van Financiën ook gezegd.", .ministerie)
      == ["ministerie:FIN"])
  }

  @Test func coSignerOverALineBreak() {
    let text = "Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede\nnamens de Minister van Justitie en Veiligheid (ontvangen 17 mei 2024)."
    #expect(Self.role(text, "ministerie:JENV") == MentionRole.coSigner)
    // Decoy: "namens" alone is no co-signature.
    #expect(Self.role("Ik spreek namens de Minister van Justitie en Veiligheid.", "ministerie:JENV") == nil)
  }

  // MARK: Answerers and signers

  @Test func severalAnswerersAndAPortfolio() {
    let text = "Antwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher\n(Buitenlandse Handel en Ontwikkelingssamenwerking) (ontvangen 28 juni\n2024)."
    let people = Self.mentions(text).filter { $0.kind == .persoon }
    #expect(people.flatMap(\.ids) == ["persoon:bruins-slot", "persoon:schreinemacher"])
    #expect(people.allSatisfy { $0.fields[MentionField.role] == MentionRole.answerer && $0.fields[MentionField.ministry] == "ministerie:BZ" })
    let portfolio = "Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en\nBelastingdienst), mede namens"
    #expect(Self.mentions(portfolio).first { $0.kind == .persoon }?.fields[MentionField.ministry] == "ministerie:FIN")
    // Decoy: "Antwoord van de minister van Defensie" names no person.
    #expect(Self.ids("Antwoord van de minister van Defensie (ontvangen 1 mei 2024)", .persoon).isEmpty)
  }

  @Test func signerAfterBlankLines() {
    let text = "Hoogachtend,\n\nDe Minister van Justitie en Veiligheid,\n\n\n\nF.M. Weerwind\n"
    #expect(Self.role(text, "persoon:weerwind") == MentionRole.signer)
    #expect(Self.mentions(text).first { $0.kind == .persoon }?.fields[MentionField.ministry] == "ministerie:JENV")
    let upper = "DE STAATSSECRETARIS VAN FINANCIËN\n\n\nM.L.A. van Rij"
    #expect(Self.role(upper, "persoon:van-rij") == MentionRole.signer)
    // Decoy: a letterhead line after the function is no name.
    #expect(Self.ids("De Minister van Financiën\n\nAan de Voorzitter van de Tweede Kamer", .persoon).isEmpty)
  }

  @Test func signersOfAStaatsbladDecree() {
    let text = "Wassenaar,\n9 maart 2018\nWillem-Alexander\nDe Staatssecretaris van Financiën, M. Snel\nUitgegeven de zevenentwintigste maart 2018\nDe Minister van Justitie en Veiligheid, F.B.J. Grapperhaus"
    #expect(Self.role(text, "persoon:snel") == MentionRole.signer)
    #expect(Self.role(text, "ministerie:FIN") == MentionRole.signer)
    // The minister under "Uitgegeven" publishes the Staatsblad: a mention, no signer.
    #expect(Self.ids(text, .persoon).contains("persoon:grapperhaus"))
    #expect(Self.role(text, "persoon:grapperhaus") == nil)
  }

  @Test func ministerWithInitialsInAList() {
    let text = "minister van Buitenlandse Zaken, S.A. Blok - 15 maart 2018"
    #expect(Self.ids(text, .persoon) == ["persoon:blok"])
    // Decoy: a comma and a lower-case word.
    #expect(Self.ids("minister van Buitenlandse Zaken, die hierover schreef", .persoon).isEmpty)
  }

  @Test func functionBeforeASurname() {
    #expect(Self.ids("Staatssecretaris Blokhuis over anorexiazorg: «Het is code zwart»", .persoon) == ["persoon:blokhuis"])
    // Decoy: a portfolio after the function is no person.
    #expect(Self.ids("de Staatssecretaris Jeugd, Preventie en Sport", .persoon).isEmpty)
  }

  // MARK: Handelingen and motions

  @Test func speakersInHandelingen() {
    let text = "De heer\nWörsdörfer  (\nVVD\n):\nDank u wel, voorzitter.\nStaatssecretaris\nKeijzer :\nDank u wel.\nDe heer Van der Lee (GroenLinks):\nIk heb één motie.\nMinister Wiebes:\nDank u."
    let people = Self.mentions(text).filter { $0.kind == .persoon }
    #expect(people.flatMap(\.ids) == ["persoon:worsdorfer", "persoon:keijzer", "persoon:van-der-lee", "persoon:wiebes"])
    #expect(people.map { $0.fields[MentionField.party] } == ["fractie:VVD", nil, "fractie:GL", nil])
    // Decoy: the chair is no person, and "de heer X" in a sentence is no speaker line.
    #expect(Self.ids("De voorzitter:\nHet woord is aan de heer Jansen, directeur.", .persoon).isEmpty)
  }

  @Test func motionNamedAfterItsMovers() {
    #expect(Self.ids("de motie-Laçin/Beckerman over", .persoon) == ["persoon:lacin", "persoon:beckerman"])
    #expect(Self.ids("De motie-Wassenberg (28286, nr. 950)", .persoon) == ["persoon:wassenberg"])
    // Decoy: "motie-indiener" is no name.
    #expect(Self.ids("de motie-indiener", .persoon).isEmpty)
  }

  @Test func moversUnderAMotion() {
    let text = "verzoekt de regering de lasten te verlagen,\n\nen gaat over tot de orde van de dag.\n\nRikkers-Oosterkamp\nBikker\n\nkst-36278-32"
    let people = Self.mentions(text).filter { $0.kind == .persoon }
    #expect(people.flatMap(\.ids) == ["persoon:rikkers-oosterkamp", "persoon:bikker"])
    #expect(people.allSatisfy { $0.fields[MentionField.role] == MentionRole.signer })
    // Decoy: the chair's line after the motion in Handelingen.
    #expect(Self.ids("en gaat over tot de orde van de dag.\nDe\nvoorzitter :\nDeze motie", .persoon).isEmpty)
  }
}
