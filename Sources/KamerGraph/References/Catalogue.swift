/// The recognizers, in the order they are tried when several share an anchor.
enum RecognizerID: UInt8, CaseIterable, Sendable {
  case aanhangsel, kamerstuk, tkKamerstuk, handelingen, kamervragen, dossier, gazette, koopID, ecli, ecliCourt, ljn
  case bwb, juriconnect, celex, kenmerkLabel, kenmerkFormat, tkNumber, bareKamerstuk, answerHeader, members, ministry
  case law, lexicon, programme, date, salutation, answerNumberHeader, motionNumber, eersteKamerLetter, seeAlso
  case documentKenmerk, voteTable, spokesperson, aanhangselHeading
}

/// One literal example of a recognizer and the ids it must yield (ids of the recognizer's kinds,
/// as a multiset, in order of appearance).
struct CatalogueExample: Sendable, Hashable {
  /// The input text.
  let text: String
  /// The ids it must yield (of the recognizer's kinds), in any order.
  let ids: [String]
  init(_ text: String, _ ids: [String]) {
    self.text = text
    self.ids = ids
  }
}

/// A recognizer as data: the anchor words that start it, the kinds it reports and its examples.
struct RecognizerSpec: Sendable {
  /// A short name ("kamerstuk", "ecli", ...).
  let name: String
  /// The kinds this recognizer reports.
  let kinds: [ReferenceKind]
  /// Literal anchors (the scan keys on their first two bytes); "#" stands for any digit.
  let anchors: [String]
  /// Anchors are matched case-insensitively.
  let caseInsensitive: Bool
  /// The anchor may follow a digit directly ("1Kamerstukken": a footnote number glued on).
  let afterDigit: Bool
  /// Literal inputs with the ids they must give; a test checks every one.
  let examples: [CatalogueExample]
  let id: RecognizerID
}

/// The catalogue of reference recognizers, each with the example strings a test checks.
enum ReferenceCatalogue {
  /// Every recognizer with its anchors and examples.
  static var recognizers: [RecognizerSpec] { specs }

  static let specs: [RecognizerSpec] = [
    RecognizerSpec(
      name: "aanhangsel", kinds: [.aanhangsel], anchors: ["Aanhangsel"], caseInsensitive: false, afterDigit: true,
      examples: [
        .init("Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790.", ["ah-tk-20242025-2790"]),
        .init(
          "Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nrs. 1016 en 1044",
          [
            "ah-tk-20242025-1016", "ah-tk-20242025-1044",
          ]),
        .init("Aanhangsel Handelingen II 2019/20, nr. 89", ["ah-tk-20192020-89"]),
        .init("Aanhangsel Handelingen TK, 2007/08, nr. 1835, blz 33", ["ah-tk-20072008-1835"]),
        .init("Aanhangsel Handelingen EK 2008/09, nr. 14", ["ah-ek-20082009-14"]),
      ], id: .aanhangsel),
    RecognizerSpec(
      name: "kamerstuk", kinds: [.kamerstuk, .dossier], anchors: ["Kamerstuk"], caseInsensitive: true,
      afterDigit: true,
      examples: [
        .init("Kamerstukken II 2024/25, 36 600 X, nr. 12", ["kst-36600-X-12"]),
        .init("Kamerstukken II 2019/20, 35 300-XV, nr. 28", ["kst-35300-XV-28"]),
        .init("Kamerstukken I 2021/22, 35 925, nr. E", ["kst-35925-E"]),
        .init("Kamerstukken I 2003/04, 27 484 (R 1669), nr. 289", ["kst-27484-289"]),
        .init("Kamerstukken II 2019/20, 29 754, nrs. 520 en 548", ["kst-29754-520", "kst-29754-548"]),
        .init("Kamerstukken II 2008/09, 31 700, nrs. 1–3", ["kst-31700-1", "kst-31700-2", "kst-31700-3"]),
        .init("(Kamerstukken 36 200 X en 32 761, nr. 51)", ["kst-36200-X-51", "kst-32761-51"]),
        .init("Kamerstuk 21 501-32, nr. 1703", ["kst-21501-32-1703"]),
        .init("(Kamerstuk 32802, nr. 137)", ["kst-32802-137"]),
        .init("Kamerstukken II, 2008/09, 31700.VIII, 32", ["kst-31700-VIII-32"]),
        .init("Kamerstuk TK 31.700XII, 6", ["kst-31700-XII-6"]),
        .init("Kamerstukken 11, 1997/1998, 25 672 nr.3 pag.4", ["kst-25672-3"]),
        .init("Kamerstuk I 31145 AA", ["kst-31145-AA"]),
        .init("Kamerstukken II 2020/21, 35570 en verder", ["dossier-35570"]),
        .init("Kamerstukken II 2005/06, 30 316, nr. 4, p. 12 en 13, en nr. 6", ["kst-30316-4", "kst-30316-6"]),
        .init("Kamerstukken II 1992/1993, 22", []),
      ], id: .kamerstuk),
    RecognizerSpec(
      name: "kamerstuk-tk", kinds: [.kamerstuk], anchors: ["TK", "EK"], caseInsensitive: false, afterDigit: false,
      examples: [
        .init("TK 2008-2009, 31473, nummer 25, bladzijde 5 - 6", ["kst-31473-25"]),
        .init("de TK heeft 150 leden", []),
      ], id: .tkKamerstuk),
    RecognizerSpec(
      name: "handelingen", kinds: [.handelingen], anchors: ["Handelingen"], caseInsensitive: false,
      afterDigit: true,
      examples: [
        .init("Handelingen II 2012-2013, nr. 71, item 15, blz 53-69", ["h-tk-20122013-71-15"]),
        .init("Handelingen EK 2001-2002, nr. 10, blz. 525", ["h-ek-20012002-10"]),
        .init("Handelingen Tweede Kamer 2007-08, nr. 49, p. 3623", ["h-tk-20072008-49"]),
        .init("Handelingen II, vergaderjaar 2008-2009, 31 386, nr. 43, pag. 3795", ["h-tk-20082009-43"]),
      ], id: .handelingen),
    RecognizerSpec(
      name: "kamervragen", kinds: [.kamervragen], anchors: ["Kamervragen"], caseInsensitive: true, afterDigit: false,
      examples: [.init("Kamervragen 2025Z14549", ["kv-tk-2025Z14549"])], id: .kamervragen),
    RecognizerSpec(
      name: "dossier", kinds: [.dossier], anchors: ["dossier", "wetsontwerp", "wetsvoorstel"], caseInsensitive: true,
      afterDigit: false,
      examples: [
        .init("dossier 36 600 X", ["dossier-36600-X"]), .init("het dossier is dik", []),
        .init("(wetsontwerp nr. 19 752)", ["dossier-19752"]), .init("het wetsvoorstel 36 278 regelt", ["dossier-36278"]),
        .init("wetsvoorstel 36 278, nr. 3", []), .init("het wetsvoorstel van 2024", []),
      ], id: .dossier),
    RecognizerSpec(
      name: "gazette", kinds: [.staatsblad, .staatscourant, .tractatenblad],
      anchors: ["Stb", "Staatsblad", "Stcrt", "Staatscourant", "Trb", "Tractatenblad"], caseInsensitive: false,
      afterDigit: false,
      examples: [
        .init("Stb. 2001, 580", ["stb-2001-580"]), .init("Staatsblad 2008, 267", ["stb-2008-267"]),
        .init("Stcrt. 2024, 33625", ["stcrt-2024-33625"]), .init("Staatscourant 2024, 20296", ["stcrt-2024-20296"]),
        .init("asdf Trb. 1966, 91 asdf", ["trb-1966-91"]), .init("(Stb. 186)", []), .init("asdf Stb. 2005 asdf", []),
      ], id: .gazette),
    RecognizerSpec(
      name: "koop-id",
      kinds: [
        .kamerstuk, .aanhangsel, .kamervragen, .handelingen, .staatsblad, .staatscourant,
        .tractatenblad, .koop,
      ],
      anchors: [
        "kst-", "ah-", "kv-", "h-", "blg-", "stcrt-", "stb-", "trb-", "gmb-", "prb-", "wsb-", "bgr-", "nds-",
        "ag-",
      ],
      caseInsensitive: true, afterDigit: false,
      examples: [
        .init("zoek.officielebekendmakingen.nl/kst-36600-X-12.html", ["kst-36600-X-12"]),
        .init("zoek.officielebekendmakingen.nl/blg-929493", ["blg-929493"]),
        .init(
          "identifiers like 'stcrt-2009-9231' and 'ah-tk-20082009-2945' in text",
          [
            "stcrt-2009-9231", "ah-tk-20082009-2945",
          ]),
        .init("kv-tk-2010Z06025", ["kv-tk-2010Z06025"]), .init("h-tk-20082009-7140-7144", ["h-tk-20082009-7140-7144"]),
        .init("een kst-lijst", []),
      ], id: .koopID),
    RecognizerSpec(
      name: "ecli", kinds: [.ecli], anchors: ["ECLI", "ECL", "ECI", "ECU", "ELCI"], caseInsensitive: true,
      afterDigit: false,
      examples: [
        .init("ECLI:NL:HR:2005:AR5213", ["ECLI:NL:HR:2005:AR5213"]),
        .init("(ECLI:EU:C:2011:787).", ["ECLI:EU:C:2011:787"]),
        .init("ECLI: NL:HR:2010:392", ["ECLI:NL:HR:2010:392"]),
        .init("ECLI:Nl:Hr:2010:28", ["ECLI:NL:HR:2010:28"]),
        .init("ECLl:NL:RVS:2020:581,", ["ECLI:NL:RVS:2020:581"]),
        .init("ECLI:SI:VSRS:2014:VIII.IPS.90.2014", ["ECLI:SI:VSRS:2014:VIII.IPS.90.2014"]),
        .init("ECLI:EU:C:1984:ab3254", []),
      ], id: .ecli),
    RecognizerSpec(
      name: "ecli-without-prefix", kinds: [.ecli], anchors: ["NL:", "HR", "PHR", "RVS", "CRVB", "CBB", "GH", "RB"],
      caseInsensitive: true, afterDigit: false,
      examples: [
        .init("NL:RvS:1984:AH0317", ["ECLI:NL:RVS:1984:AH0317"]), .init("RVS:1984:AH0317", ["ECLI:NL:RVS:1984:AH0317"]),
      ], id: .ecliCourt),
    RecognizerSpec(
      name: "ljn", kinds: [.ecli], anchors: ["LJN", "LJ", "ELRO"], caseInsensitive: true, afterDigit: false,
      examples: [
        .init("LJN AB1234", []), .init("ELRO-nummer AA 9162", []), .init("LJ-nr. AJ4938", []),
        .init("de LJ-zaak", []),
      ], id: .ljn),
    RecognizerSpec(
      name: "bwb", kinds: [.bwb], anchors: ["BWB"], caseInsensitive: false, afterDigit: false,
      examples: [
        .init("BWBR0005252", ["BWBR0005252"]),
        .init("https://wetten.overheid.nl/BWBR0005252/2016-10-01", ["BWBR0005252"]),
        .init("BWB://1.0:c:BWBR0008903&a=1&a=2", ["BWBR0008903"]),
      ], id: .bwb),
    RecognizerSpec(
      name: "juriconnect", kinds: [.bwb], anchors: ["jci"], caseInsensitive: true, afterDigit: false,
      examples: [.init("jci1.31:c:BWBR0012345&g=2005-01-01&artikel=3.1", ["BWBR0012345"])], id: .juriconnect),
    RecognizerSpec(
      name: "celex", kinds: [.bwb], anchors: ["CELEX"], caseInsensitive: true, afterDigit: false,
      examples: [.init("CELEX:32016R0679", ["CELEX:32016R0679"]), .init("celex 32022R2065", ["CELEX:32022R2065"])],
      id: .celex),
    RecognizerSpec(
      name: "kenmerk-label", kinds: [.kenmerk, .zaak, .tkdocument],
      anchors: ["Onze referentie", "Ons kenmerk", "Uw kenmerk", "Uw referentie", "kenmerk"], caseInsensitive: true,
      afterDigit: false,
      examples: [
        .init("Onze referentie\nMINDEF20250032172", ["kenmerk:MINDEF20250032172"]),
        .init("Ons kenmerk IENW/BSK-2025/130201", ["kenmerk:IENW_BSK-2025_130201"]),
        .init("Ons kenmerk: WJZ/ 34681182.", ["kenmerk:WJZ_34681182"]),
        .init("Uw kenmerk 2025Z14549", ["2025Z14549"]),
        .init("Deze vragen werden ingezonden op 11 juli 2025 met kenmerk 2025Z14549.", ["2025Z14549"]),
        .init("brief d.d. 11 maart 2010 (kenmerk 2010D12723)", ["2010D12723"]),
        .init("kenmerk van de brief", []),
      ], id: .kenmerkLabel),
    RecognizerSpec(
      name: "kenmerk-format", kinds: [.kenmerk], anchors: ["MINDEF", "BS20", "COVZ", "IENW/", "WJZ/", "#"],
      caseInsensitive: false, afterDigit: false,
      examples: [
        .init("MINDEF20250032172", ["kenmerk:MINDEF20250032172"]), .init("BS2018011757", ["kenmerk:BS2018011757"]),
        .init("nr. 2024-0000129720", ["kenmerk:2024-0000129720"]),
        .init("3964007-1070580-Z", ["kenmerk:3964007-1070580-Z"]),
        .init("Postbus 20701 2500 ES Den Haag, tel. 070-3188188", []), .init("WJZ/ 34681182", ["kenmerk:WJZ_34681182"]),
      ], id: .kenmerkFormat),
    RecognizerSpec(
      name: "document-kenmerk", kinds: [.kenmerk],
      anchors: ["Kamerbrief", "brief", "beleidsbrief", "verzamelbrief", "rapport", "nota", "notitie", "memo", "beslisnota"],
      caseInsensitive: true, afterDigit: false,
      examples: [
        .init(
          "Op 29 oktober is de Kamer aanvullend geïnformeerd over de BNI-koppeling middels een Kamerbrief (BZ2407724).",
          ["kenmerk:BZ2407724"]),
        .init("in de brief van 3 maart 2024 (DGB-2024/123456)", ["kenmerk:DGB-2024_123456"]),
        .init("zie de brief (5178141) hierover", ["kenmerk:5178141"]),
        .init("de brief (MINDEF20250032172)", ["kenmerk:MINDEF20250032172"]),
        // Decoys: a year, an abbreviation, a law id, a norm, a page count, a short LJN.
        .init("het rapport (2019) en de nota (AVG)", []), .init("de brief (BWBR0005537)", []),
        .init("het rapport (NEN 2767) en de notitie (ISO27001)", []), .init("de brief (12 pagina's)", []),
        .init("de Kamerbrief (zie bijlage 2) en het rapport (AA3097)", []),
      ], id: .documentKenmerk),
    RecognizerSpec(
      name: "vote-table", kinds: [.fractie, .persoon], anchors: ["Fractie"], caseInsensitive: false,
      afterDigit: false,
      examples: [
        .init(
          "Fractie Zetels voor tegen Details\nVVD 41      \nCU 5      \nGL 4      \nGrKÖ 2      \nVan Vliet 1    \nNiet deelgenomen\nKlein 1      \n50PLUS 1    \nBehandeling\nGL 4",
          ["fractie:VVD", "fractie:CU", "fractie:GL", "persoon:van-vliet", "persoon:klein", "fractie:50PLUS"]),
        // Decoys: no header, a total row, a row that is a number only.
        .init("Fractie CU 5\nGL 4", []), .init("Fractie Zetels\nTotaal 150\nCU 5\n2024 3", ["fractie:CU"]),
      ], id: .voteTable),
    RecognizerSpec(
      name: "spokesperson", kinds: [.fractie, .persoon], anchors: ["woordvoerder", "woordvoerster"],
      caseInsensitive: true, afterDigit: false,
      examples: [
        .init(
          "door de toenmalige financieel woordvoerder van NSC – dhr. Tjebbe van Oostenbruggen - letterlijk gezegd",
          ["fractie:NSC", "persoon:van-oostenbruggen"]),
        .init(
          "Beschouwingendoor de toenmalige financieel woordvoerder van NSC – dhr. Tjebbe vanOostenbruggen – letterlijk",
          ["fractie:NSC", "persoon:van-oostenbruggen"]),
        .init("de VVD-woordvoerder Mark Jansen zei", ["fractie:VVD", "persoon:jansen"]),
        // Decoys: a ministry's spokesperson is a civil servant; a party's spokesperson unnamed.
        .init("een woordvoerder van het ministerie, dhr. Jansen, zei", []),
        .init("de woordvoerder van de VVD zei", ["fractie:VVD"]),
      ], id: .spokesperson),
    RecognizerSpec(
      name: "tk-number", kinds: [.zaak, .tkdocument], anchors: ["#"], caseInsensitive: false, afterDigit: false,
      examples: [
        .init("zaak 2025Z14549 en document 2025D45253", ["2025Z14549", "2025D45253"]),
        .init("in 2025 werd EUR 2500 betaald", []),
      ], id: .tkNumber),
    RecognizerSpec(
      name: "kamerstuk-numbers", kinds: [.kamerstuk], anchors: ["#"], caseInsensitive: false, afterDigit: false,
      examples: [
        .init("motie-Beckerman c.s. (32820, nr. 258, vergaderjaar 2017-2018)", ["kst-32820-258"]),
        .init("zie 36 600 X, nr. 12 en 21 501-32, nr. 1703", ["kst-36600-X-12", "kst-21501-32-1703"]),
        .init("arrest van 30 november 1977, nr. 18 586", []), .init("Postbus 20701, 2500 ES", []),
        .init(
          "de moties 35570-XIV-46; 21501-32-1188; 33400-VI-110",
          [
            "kst-35570-XIV-46", "kst-21501-32-1188", "kst-33400-VI-110",
          ]),
        .init("36600 IV-70", []), .init("op 2024-03-12", []), .init("tel. 12345-67-890-1", []),
      ], id: .bareKamerstuk),
    RecognizerSpec(
      name: "answer-header", kinds: [.persoon, .ministerie], anchors: ["Antwoord", "Mededeling"],
      caseInsensitive: false,
      afterDigit: false,
      examples: [
        .init(
          "Antwoord van Minister Van Oosten (Justitie en Veiligheid) (ontvangen 31 oktober 2025).",
          [
            "ministerie:JENV", "persoon:van-oosten",
          ])
      ], id: .answerHeader),
    RecognizerSpec(
      name: "members", kinds: [.persoon, .fractie],
      anchors: [
        "het lid", "de leden", "het Kamerlid", "de Kamerleden", "Kamerlid", "Kamerleden", "leden", "lid", "De heer",
        "Mevrouw", "motie-", "moties-", "amendement-", "en gaat over tot de orde van de dag",
      ],
      caseInsensitive: true, afterDigit: false,
      examples: [
        .init("Vragen van het lid Van Houwelingen (FvD)", ["persoon:van-houwelingen", "fractie:FVD"]),
        .init(
          "Vragen van de leden Omtzigt (CDA), Gesthuizen (SP) en Schouw (D66)",
          [
            "persoon:omtzigt", "persoon:gesthuizen", "persoon:schouw", "fractie:CDA", "fractie:SP", "fractie:D66",
          ]),
        .init("de leden Bromet en Thijssen (allen GroenLinks)", ["persoon:bromet", "persoon:thijssen", "fractie:GL"]),
      ], id: .members),
    RecognizerSpec(
      name: "ministry", kinds: [.ministerie, .persoon],
      anchors: ["ministerie", "minister", "ministers", "staatssecretaris", "staatssecretarissen"],
      caseInsensitive: true, afterDigit: false,
      examples: [
        .init("Ministerie van Defensie", ["ministerie:DEF"]),
        .init("de minister van Justitie en Veiligheid", ["ministerie:JENV"]),
        .init("de staatssecretaris van Financiën", ["ministerie:FIN"]),
        .init("mede namens de Minister voor Klimaat en Groene\nGroei", ["ministerie:KGG"]),
        .init("DE STAATSSECRETARIS VAN DEFENSIE\nGijs Tuinman", ["ministerie:DEF", "persoon:tuinman"]),
        .init("DE MINISTER-PRESIDENT VAN ALGEMENE ZAKEN\nDick Schoof", ["ministerie:AZ", "persoon:schoof"]),
      ], id: .ministry),
    RecognizerSpec(
      name: "law", kinds: [.bwb], anchors: [], caseInsensitive: false, afterDigit: false,
      examples: [
        .init("Wet op het financieel toezicht (Wft)", ["BWBR0020368"]),
        .init("op grond van de Wft en de Awb", ["BWBR0020368", "BWBR0005537"]),
        .init("de Algemene wet inzake rijksbelastingen", ["BWBR0002320"]),
        .init("het Vuurwerkbesluit is gewijzigd", ["BWBR0013360"]),
        .init("artikel 310 Sr", ["BWBR0001854"]),
        .init("het Besluit emissie-eisen stookinstallaties", ["law:besluit-emissie-eisen-stookinstallaties"]),
        .init("de Wet natuurbescherming die in 2017", ["law:wet-natuurbescherming"]),
        .init("Verordening (EU) 2016/679", ["CELEX:32016R0679"]),
        .init("richtlijn 2014/24/EU", ["CELEX:32014L0024"]),
        .init("Verordening (EG) nr. 1907/2006", ["CELEX:32006R1907"]),
        .init("de wet die dat regelt", []), .init("Besluit: de commissie stemt in", []),
        .init("Regeling van werkzaamheden", []), .init("Besluitenlijst procedurevergadering", []),
      ], id: .law),
    RecognizerSpec(
      name: "lexicon", kinds: [.organisatie, .fractie, .ministerie, .bwb], anchors: [], caseInsensitive: false,
      afterDigit: false,
      examples: [
        .init(
          "NAVO, RIEC, LIEC, iCOV en de NCTV",
          [
            "organisatie:NAVO", "organisatie:RIEC", "organisatie:LIEC", "organisatie:iCOV", "organisatie:NCTV",
          ]),
        .init("de Palantir-software en de politie", ["organisatie:palantir", "organisatie:politie"]),
        .init("de Algemene verordening gegevensbescherming (AVG)", ["CELEX:32016R0679"]),
        .init("artikel 2.23, eerste lid, onderdeel e, van de Aanbestedingswet 2012", ["BWBR0032203"]),
        .init("een Woo-verzoek op grond van de Woo", ["BWBR0045754", "BWBR0045754"]),
        .init("de VVD en GroenLinks-PvdA", ["fractie:VVD", "fractie:GL-PVDA"]),
        // "GL" and "CU" only in a list of parties; decoys: a glass label, a copper symbol.
        .init("In de e-mailprocedure hebben de volgende fracties met het voorstel ingestemd:\nSP, GL en groep Kuzu/Öztürk.",
          ["fractie:SP", "fractie:GL"]),
        .init("de VVD, CU en SGP", ["fractie:VVD", "fractie:CU", "fractie:SGP"]),
        .init("statiegeld op GL en koper (CU) in de bak", []),
        .init("de politiek", []),
      ], id: .lexicon),
    RecognizerSpec(
      name: "programme", kinds: [.programma], anchors: ["\"", "“", "«", "‘"], caseInsensitive: false,
      afterDigit: false,
      examples: [
        .init("buiten de \"Raffinaderij\"", ["programma:raffinaderij"]),
        .init("het programma “Raffinaderij”", ["programma:raffinaderij"]),
        .init("bekendstaat als de «Raffinaderij».", ["programma:raffinaderij"]),
        .init("over ‘Palantir’", []), .init("zei: \"Dat klopt\"", []),
      ], id: .programme),
    RecognizerSpec(
      name: "date", kinds: [.date, .kenmerk], anchors: ["#"], caseInsensitive: false, afterDigit: false,
      examples: [
        .init(
          "Regeling van de Minister van Justitie en Veiligheid van 1 maart 2024, nr. 5178141",
          [
            "kenmerk:5178141"
          ]),
        .init("arresten van de Hoge Raad van 30 november 1977, nr. 18 586", []),
      ], id: .date),
    RecognizerSpec(
      name: "ah-header", kinds: [.aanhangsel], anchors: ["AH"], caseInsensitive: false, afterDigit: false,
      examples: [
        .init(
          "AH 604\n2024Z18294\nAntwoord van minister Van Weel (Justitie en Veiligheid) (ontvangen 20 november 2024)",
          ["ah-tk-20242025-604"]),
        .init("AH 615\n2024Z17538\nMededeling van staatssecretaris Rummenie (ontvangen 12 september 2024)", [
          "ah-tk-20232024-615"
        ]),
        .init("De AH 604 route", []),
      ], id: .answerNumberHeader),
    RecognizerSpec(
      name: "aanhangsel-heading", kinds: [.aanhangsel], anchors: ["Vragen gesteld door de leden der Kamer"],
      caseInsensitive: true, afterDigit: false,
      examples: [
        .init(
          "# 2\n\n#### Vergaderjaar 2023–2024 Aanhangsel van de Handelingen\n\n**Vragen gesteld door de leden der Kamer, met de daarop door de**\n**regering gegeven antwoorden**\n\n### 387\n\nVragen van het lid Boswijk (CDA)",
          ["ah-tk-20232024-387"]),
        .init(
          "Vergaderjaar 2023–2024\nVragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n615\nVragen van",
          ["ah-tk-20232024-615"]),
        // Decoys: no vergaderjaar; a number inside a sentence; a year.
        .init("Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n387\n", []),
        .init(
          "Vergaderjaar 2023–2024\nVragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\nIn 387 gevallen",
          []),
      ], id: .aanhangselHeading),
    RecognizerSpec(
      name: "motion-number", kinds: [.kamerstuk], anchors: ["Zij krijgt", "Hij krijgt"], caseInsensitive: true,
      afterDigit: false,
      examples: [
        .init("Zij krijgt nr. 199 (31311).", ["kst-31311-199"]),
        .init("Zij krijgt nr. 726 , was nr. 719 ( 21501-08 ).", ["kst-21501-08-726"]),
        .init("Zij krijgt nr. 5 stemmen", []),
      ], id: .motionNumber),
    RecognizerSpec(
      name: "eerste-kamer-letter", kinds: [.kamerstuk], anchors: ["Eerste Kamer"], caseInsensitive: false,
      afterDigit: true,
      examples: [
        .init("5Eerste Kamer, 36 373, H", ["kst-36373-H"]),
        .init("Eerste Kamer 2019/20, 35 300, E.", ["kst-35300-E"]),
        .init("de Eerste Kamer, 75 leden, A", []),
      ], id: .eersteKamerLetter),
    RecognizerSpec(
      name: "salutation", kinds: [], anchors: ["Geachte"], caseInsensitive: false, afterDigit: false, examples: [],
      id: .salutation),
    // "Zie ook": marks the document citations up to the end of its sentence or footnote `see-also`.
    RecognizerSpec(
      name: "see-also", kinds: [], anchors: ["Zie ook", "zie ook"], caseInsensitive: false, afterDigit: false,
      examples: [], id: .seeAlso),
  ]
}
