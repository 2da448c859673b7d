/// Public bodies and the other organisations the extractor knows, each with one canonical id.
///
/// The id rule (README, "Organisations"): `organisatie:` + the abbreviation exactly as the body
/// writes it when the body is usually called by it in Dutch government text (`AIVD`, `UWV`,
/// `iCOV`, `KMar`, `NZa`), otherwise the slug of its full name (lower case, words joined by
/// hyphens: `belastingdienst`, `autoriteit-persoonsgegevens`, `raad-van-state`). Every other
/// spelling (the full name of an abbreviated body, the abbreviation of a body named in full,
/// older names) is an alias of that one id. Ids once issued stay.
///
/// Each entry names where its names and abbreviation are written (the body's own site or the
/// government's list of organisations).
struct Organisation: Sendable {
  /// The part after `organisatie:`.
  let id: String
  /// Every spelling that names the body in running text, exact case.
  let names: [String]
  /// Where the names and the abbreviation come from.
  let source: String

  init(_ id: String, _ names: [String], source: String) {
    self.id = id
    self.names = names
    self.source = source
  }
}

enum Organisations {
  static let all: [Organisation] = [
    // Security, police, justice.
    Organisation(
      "AIVD", ["AIVD", "Algemene Inlichtingen- en Veiligheidsdienst"], source: "aivd.nl"),
    Organisation(
      "MIVD", ["MIVD", "Militaire Inlichtingen- en Veiligheidsdienst"], source: "defensie.nl/organisatie/mivd"),
    Organisation(
      "CTIVD", ["CTIVD", "Commissie van Toezicht op de Inlichtingen- en Veiligheidsdiensten"], source: "ctivd.nl"),
    Organisation(
      "NCTV", ["NCTV", "Nationaal Coördinator Terrorismebestrijding en Veiligheid"], source: "nctv.nl"),
    Organisation("NCSC", ["NCSC", "Nationaal Cyber Security Centrum"], source: "ncsc.nl"),
    Organisation(
      "OM", ["OM", "Openbaar Ministerie"], source: "om.nl"),
    Organisation("politie", ["politie", "Politie", "Nationale Politie"], source: "politie.nl"),
    Organisation(
      "KMar", ["KMar", "Kmar", "Koninklijke Marechaussee"], source: "defensie.nl/organisatie/marechaussee"),
    Organisation("FIOD", ["FIOD", "Fiscale Inlichtingen- en Opsporingsdienst"], source: "fiod.nl"),
    Organisation(
      "iCOV", ["iCOV", "Infobox Crimineel en Onverklaarbaar Vermogen"], source: "icov.nl"),
    Organisation(
      "RIEC", ["RIEC", "RIEC's", "Regionaal Informatie- en Expertise Centrum"], source: "riec.nl"),
    Organisation("LIEC", ["LIEC", "Landelijk Informatie- en Expertise Centrum"], source: "riec.nl"),
    Organisation("IND", ["IND", "Immigratie- en Naturalisatiedienst"], source: "ind.nl"),
    Organisation("COA", ["COA", "Centraal Orgaan opvang asielzoekers"], source: "coa.nl"),
    Organisation("DJI", ["DJI", "Dienst Justitiële Inrichtingen"], source: "dji.nl"),
    Organisation("NFI", ["NFI", "Nederlands Forensisch Instituut"], source: "forensischinstituut.nl"),
    Organisation("CJIB", ["CJIB", "Centraal Justitieel Incassobureau"], source: "cjib.nl"),
    Organisation("rijksrecherche", ["Rijksrecherche"], source: "rijksrecherche.nl"),
    Organisation(
      "raad-voor-de-kinderbescherming", ["Raad voor de Kinderbescherming"], source: "kinderbescherming.nl"),
    Organisation("raad-voor-de-rechtspraak", ["Raad voor de rechtspraak"], source: "rechtspraak.nl"),
    Organisation("hoge-raad", ["Hoge Raad", "Hoge Raad der Nederlanden"], source: "hogeraad.nl"),
    Organisation("WODC", ["WODC"], source: "wodc.nl"),
    // Oversight, advice and the High Councils of State.
    Organisation(
      "autoriteit-persoonsgegevens", ["Autoriteit Persoonsgegevens", "AP"], source: "autoriteitpersoonsgegevens.nl"),
    Organisation("algemene-rekenkamer", ["Algemene Rekenkamer"], source: "rekenkamer.nl"),
    Organisation("raad-van-state", ["Raad van State", "RvS"], source: "raadvanstate.nl"),
    Organisation("nationale-ombudsman", ["Nationale ombudsman", "Nationale Ombudsman"], source: "nationaleombudsman.nl"),
    Organisation("kiesraad", ["Kiesraad"], source: "kiesraad.nl"),
    Organisation("OVV", ["OVV", "Onderzoeksraad voor Veiligheid"], source: "onderzoeksraad.nl"),
    Organisation(
      "college-voor-de-rechten-van-de-mens", ["College voor de Rechten van de Mens"], source: "mensenrechten.nl"),
    Organisation("ACM", ["ACM", "Autoriteit Consument en Markt"], source: "acm.nl"),
    Organisation("AFM", ["AFM", "Autoriteit Financiële Markten"], source: "afm.nl"),
    Organisation("DNB", ["DNB", "De Nederlandsche Bank"], source: "dnb.nl"),
    Organisation("NZa", ["NZa", "Nederlandse Zorgautoriteit"], source: "nza.nl"),
    Organisation("kansspelautoriteit", ["Kansspelautoriteit"], source: "kansspelautoriteit.nl"),
    // The inspecties.
    Organisation("IGJ", ["IGJ", "Inspectie Gezondheidszorg en Jeugd"], source: "igj.nl"),
    Organisation("ILT", ["ILT", "Inspectie Leefomgeving en Transport"], source: "ilent.nl"),
    Organisation(
      "inspectie-justitie-en-veiligheid", ["Inspectie Justitie en Veiligheid", "Inspectie JenV"],
      source: "inspectie-jenv.nl"),
    Organisation(
      "inspectie-van-het-onderwijs", ["Inspectie van het Onderwijs", "Onderwijsinspectie"],
      source: "onderwijsinspectie.nl"),
    Organisation(
      "nederlandse-arbeidsinspectie", ["Nederlandse Arbeidsinspectie", "Arbeidsinspectie"], source: "nlarbeidsinspectie.nl"),
    Organisation("SodM", ["SodM", "Staatstoezicht op de Mijnen"], source: "sodm.nl"),
    // Agencies that carry out policy.
    Organisation("belastingdienst", ["Belastingdienst"], source: "belastingdienst.nl"),
    Organisation("dienst-toeslagen", ["Dienst Toeslagen", "Belastingdienst/Toeslagen"], source: "toeslagen.nl"),
    Organisation("UWV", ["UWV", "Uitvoeringsinstituut Werknemersverzekeringen"], source: "uwv.nl"),
    Organisation("SVB", ["SVB", "Sociale Verzekeringsbank"], source: "svb.nl"),
    Organisation("DUO", ["DUO", "Dienst Uitvoering Onderwijs"], source: "duo.nl"),
    Organisation("CBS", ["CBS", "Centraal Bureau voor de Statistiek"], source: "cbs.nl"),
    Organisation("CPB", ["CPB", "Centraal Planbureau"], source: "cpb.nl"),
    Organisation("SCP", ["SCP", "Sociaal en Cultureel Planbureau"], source: "scp.nl"),
    Organisation("PBL", ["PBL", "Planbureau voor de Leefomgeving"], source: "pbl.nl"),
    Organisation("RIVM", ["RIVM", "Rijksinstituut voor Volksgezondheid en Milieu"], source: "rivm.nl"),
    Organisation("NVWA", ["NVWA", "Nederlandse Voedsel- en Warenautoriteit"], source: "nvwa.nl"),
    Organisation("RVO", ["RVO", "Rijksdienst voor Ondernemend Nederland"], source: "rvo.nl"),
    Organisation("RDW", ["RDW", "Rijksdienst voor het Wegverkeer"], source: "rdw.nl"),
    Organisation("CBR", ["CBR", "Centraal Bureau Rijvaardigheidsbewijzen"], source: "cbr.nl"),
    Organisation("rijkswaterstaat", ["Rijkswaterstaat"], source: "rijkswaterstaat.nl"),
    Organisation("KNMI", ["KNMI", "Koninklijk Nederlands Meteorologisch Instituut"], source: "knmi.nl"),
    Organisation("kadaster", ["Kadaster"], source: "kadaster.nl"),
    Organisation("logius", ["Logius"], source: "logius.nl"),
    Organisation("RvIG", ["RvIG", "Rijksdienst voor Identiteitsgegevens"], source: "rvig.nl"),
    Organisation("CIBG", ["CIBG"], source: "cibg.nl"),
    Organisation("GGD", ["GGD", "GGD's", "GGD'en"], source: "ggdghor.nl"),
    // International bodies and others already known.
    Organisation("NAVO", ["NAVO", "NATO"], source: "nato.int"),
    Organisation("europol", ["Europol"], source: "europol.europa.eu"),
    Organisation("interpol", ["Interpol"], source: "interpol.int"),
    Organisation("eurojust", ["Eurojust"], source: "eurojust.europa.eu"),
    Organisation("palantir", ["Palantir"], source: "palantir.com (a supplier named in the example corpus)"),
  ]

  /// Abbreviations of two letters ("AP", "OM") count only where the context makes them safe: see
  /// `Scan.shortAbbreviationFits`.
  static func needsContext(_ name: String) -> Bool { name.utf8.count <= 2 }
}

extension Scan {
  /// Whether a two-letter abbreviation between `i` and `e` stands in running text: its line has a
  /// lower-case letter near it (a heading in capitals such as "OM DE HOEK" has none), and no
  /// digit, hyphen or full stop joins it to a neighbour ("A.P.", "OM-3" are something else, while
  /// "OM-zaak" is the OM).
  func shortAbbreviationFits(_ i: Int, _ e: Int) -> Bool {
    if i > 0 {
      let p = t[i - 1]
      if isDigit(p) || p == UInt8(ascii: ".") || p == UInt8(ascii: "-") || p == UInt8(ascii: "/") { return false }
    }
    if e < t.count {
      let n = t[e]
      if n == UInt8(ascii: ".") && e + 1 < t.count && isAlnum(t[e + 1]) { return false }
      if (n == UInt8(ascii: "-") || n == UInt8(ascii: "/")) && e + 1 < t.count && !isLower(t[e + 1]) { return false }
    }
    var k = i - 1
    let from = max(0, i - 40)
    while k >= from && t[k] != 0x0A {
      if isLower(t[k]) { return true }
      k -= 1
    }
    k = e
    let to = min(t.count, e + 40)
    while k < to && t[k] != 0x0A {
      if isLower(t[k]) { return true }
      k += 1
    }
    return false
  }
}
