import Testing

@testable import KamerGraph

/// The example corpus (corpus/palantir): every mention and role the resolver relies on.
@Suite struct PalantirCorpusTests {
  static let letterPath = "corpus/palantir/defensie-antwoord-2025Z14549.txt"

  /// The mentions of `kind` with id `id` (and, when given, text `text`).
  static func find(_ ms: [Mention], _ kind: ReferenceKind, _ id: String, text: String? = nil) -> [Mention] {
    ms.filter { $0.kind == kind && $0.ids == [id] && (text == nil || $0.text == text) }
  }

  @Test func defenceLetterDocumentReferences() throws {
    let text = try Repo.read(Self.letterPath)
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let documentIDs = ms.filter { $0.kind.isDocument }.flatMap(\.ids).sorted()
    #expect(
      documentIDs == [
        "2025Z14549", "CELEX:32016R0679", "ah-tk-20242025-2790", "kenmerk:MINDEF20250032172", "kv-tk-2025Z14549",
      ])
    // The footnote citation, with the span of ARCHITECTURE.md's example line.
    let ah = Self.find(ms, .aanhangsel, "ah-tk-20242025-2790")
    #expect(ah.count == 1)
    #expect(ah.first?.text == "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 2790")
    #expect(ah.first.map { ($0.start, $0.end, $0.line, $0.column) } ?? (0, 0, 0, 0) == (2363, 2419, 43, 370))
    #expect(ah.first?.status == .external)
    #expect(ah.first?.fields[MentionField.vergaderjaar] == "2024-2025")

    let kenmerk = Self.find(ms, .kenmerk, "kenmerk:MINDEF20250032172")
    #expect(kenmerk.count == 1)
    #expect(kenmerk.first?.fields[MentionField.role] == MentionRole.own)
    #expect(kenmerk.first?.fields[MentionField.label] == "Onze referentie")
    #expect(kenmerk.first?.text == "MINDEF20250032172")

    let zaak = Self.find(ms, .zaak, "2025Z14549")
    #expect(zaak.count == 1)
    #expect(zaak.first?.fields[MentionField.role] == MentionRole.answers)
    let kv = Self.find(ms, .kamervragen, "kv-tk-2025Z14549", text: "Kamervragen 2025Z14549")
    #expect(kv.count == 1)
    #expect(kv.first?.fields[MentionField.role] == MentionRole.answers)

    let avg = Self.find(ms, .bwb, "CELEX:32016R0679")
    #expect(avg.map(\.text) == ["Algemene verordening gegevensbescherming (AVG)"])
  }

  @Test func defenceLetterActorsAndRoles() throws {
    let text = try Repo.read(Self.letterPath)
    let ms = Extractor().mentions(in: text)
    let def = Self.find(ms, .ministerie, "ministerie:DEF")
    #expect(def.first { $0.text == "Ministerie van Defensie" }?.fields[MentionField.role] == MentionRole.sender)
    #expect(def.first { $0.text == "Minister van Defensie" }?.fields[MentionField.role] == MentionRole.coSigner)
    #expect(def.first { $0.text == "minister van Defensie" }?.fields[MentionField.role] == MentionRole.addressee)
    #expect(def.first { $0.text == "STAATSSECRETARIS VAN DEFENSIE" }?.fields[MentionField.role] == MentionRole.signer)
    #expect(def.count == 4)
    let jenv = Self.find(ms, .ministerie, "ministerie:JENV", text: "minister van Justitie en Veiligheid")
    #expect(jenv.count == 1)
    #expect(jenv.first?.fields[MentionField.role] == nil)

    let asker = Self.find(ms, .persoon, "persoon:van-houwelingen")
    #expect(asker.count == 2)
    for m in asker {
      #expect(m.fields[MentionField.role] == MentionRole.asker)
      #expect(m.fields[MentionField.function] == "lid")
      #expect(m.fields[MentionField.party] == "fractie:FVD")
      #expect(m.text == "Van Houwelingen")
    }
    #expect(Self.find(ms, .fractie, "fractie:FVD", text: "FvD").count == 2)

    let signer = Self.find(ms, .persoon, "persoon:tuinman")
    #expect(signer.count == 1)
    #expect(signer.first?.text == "Gijs Tuinman")
    #expect(signer.first?.fields[MentionField.role] == MentionRole.signer)
    #expect(signer.first?.fields[MentionField.function] == "staatssecretaris")
    #expect(signer.first?.fields[MentionField.ministry] == "ministerie:DEF")
    #expect(signer.first?.fields[MentionField.name] == "Gijs Tuinman")

    let dates = ms.filter { $0.kind == .date }
    #expect(dates.count == 2)
    for d in dates {
      #expect(d.fields[MentionField.iso] == "2025-07-11")
      #expect(d.fields[MentionField.dateRole] == "ingezonden")
    }

    for org in ["NAVO", "RIEC", "LIEC", "iCOV"] {
      #expect(!Self.find(ms, .organisatie, "organisatie:" + org, text: org).isEmpty, "\(org)")
    }
    #expect(Self.find(ms, .organisatie, "organisatie:palantir").count == 10)
    // "Raffinaderij" four times in straight quotes, once in “curly” quotes.
    #expect(Self.find(ms, .programma, "programma:raffinaderij", text: "Raffinaderij").count == 5)
  }

  @Test func defenceLetterDecoys() throws {
    let text = try Repo.read(Self.letterPath)
    let ms = Extractor().mentions(in: text)
    for decoy in ["20701", "2500 ES", "Plein 4", "MPC 58", "www.defensie.nl"] {
      #expect(!ms.contains { $0.text.contains(decoy) }, "\(decoy) gave a mention")
    }
  }

  /// As a Document with its footnote, the footnote citation carries the footnote number.
  @Test func defenceLetterAsDocumentMarksTheFootnote() throws {
    let text = try Repo.read(Self.letterPath)
    let bytes = Array(text.utf8)
    let open = Array("[2:  ".utf8)
    guard let at = (0..<(bytes.count - open.count)).first(where: { Array(bytes[$0..<($0 + open.count)]) == open }),
      let close = bytes[at...].firstIndex(of: UInt8(ascii: "]"))
    else {
      Issue.record("footnote 2 not found in the letter")
      return
    }
    let note = Footnote(
      number: "2", mark: ByteRange(at, at), body: ByteRange(at + open.count, close), sentence: ByteRange(0, 0))
    let doc = Document(path: Self.letterPath, format: .plainText, text: text, footnotes: [note])
    let ms = Extractor().mentions(in: doc)
    checkSpans(text, ms)
    let ah = Self.find(ms, .aanhangsel, "ah-tk-20242025-2790")
    #expect(ah.first?.fields["footnote"] == "2")
    #expect(ms.filter { $0.fields["footnote"] != nil }.count == 1)
    #expect(ms.map(\.ids) == Extractor().mentions(in: text).map(\.ids))
  }

  /// The header sentences of ah-tk-20252026-313.xml, as the KOOP reader gives them (text content).
  @Test func koopAnswerHeaderSentences() {
    let text = """
      Vragen van het lid Van Houwelingen (FVD) aan de Minister van Justitie en Veiligheid over Palantir \
      (ingezonden 27 augustus 2025).
      Antwoord van Minister Van Oosten (Justitie en Veiligheid) (ontvangen 31 oktober 2025). Zie ook \
      Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 14.
      """
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let asker = Self.find(ms, .persoon, "persoon:van-houwelingen")
    #expect(asker.count == 1)
    #expect(asker.first?.fields[MentionField.role] == MentionRole.asker)
    #expect(asker.first?.fields[MentionField.party] == "fractie:FVD")
    #expect(Self.find(ms, .fractie, "fractie:FVD", text: "FVD").count == 1)
    let addressee = Self.find(ms, .ministerie, "ministerie:JENV", text: "Minister van Justitie en Veiligheid")
    #expect(addressee.first?.fields[MentionField.role] == MentionRole.addressee)
    let answerer = Self.find(ms, .persoon, "persoon:van-oosten")
    #expect(answerer.count == 1)
    #expect(answerer.first?.text == "Van Oosten")
    #expect(answerer.first?.fields[MentionField.role] == MentionRole.answerer)
    #expect(answerer.first?.fields[MentionField.function] == "minister")
    #expect(answerer.first?.fields[MentionField.ministry] == "ministerie:JENV")
    let dates = ms.filter { $0.kind == .date }.map {
      ($0.fields[MentionField.iso] ?? "", $0.fields[MentionField.dateRole] ?? "")
    }
    #expect(dates.map(\.0) == ["2025-08-27", "2025-10-31"])
    #expect(dates.map(\.1) == ["ingezonden", "ontvangen"])
    let seeAlso = Self.find(ms, .aanhangsel, "ah-tk-20252026-14")
    #expect(seeAlso.first?.fields[MentionField.role] == MentionRole.seeAlso)
    #expect(seeAlso.first?.text == "Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 14")
  }

  /// The other sentences of ah-tk-20252026-313.xml.
  @Test func koopAnswerBodySentences() {
    let text = """
      Zoals eerder aan uw Kamer is gemeld, zet de politie de software van Palantir alleen in binnen de \
      analyseomgeving die bekendstaat als de «Raffinaderij». Kunt u bevestigen dat de NCTV evenmin toegang heeft \
      tot Palantir-software? Bij de aanschaf in 2018 is een beroep gedaan op de uitzondering van artikel 2.23, \
      eerste lid, onderdeel e, van de Aanbestedingswet 2012.
      """
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    #expect(Self.find(ms, .programma, "programma:raffinaderij", text: "Raffinaderij").count == 1)
    #expect(Self.find(ms, .organisatie, "organisatie:NCTV", text: "NCTV").count == 1)
    #expect(Self.find(ms, .organisatie, "organisatie:politie", text: "politie").count == 1)
    #expect(Self.find(ms, .organisatie, "organisatie:palantir").count == 2)
    let law = Self.find(ms, .bwb, "BWBR0032203", text: "Aanbestedingswet 2012")
    #expect(law.count == 1)
    #expect(law.first?.fields["article"] == "2.23")
    #expect(!ms.contains { $0.kind == .date || $0.kind == .zaak }, "a bare year is no reference")
  }

  /// The whole KOOP XML with its tags replaced by spaces: the document references it holds.
  @Test func koopAnswerXMLTextContent() throws {
    let xml = try Repo.read("corpus/palantir/ah-tk-20252026-313.xml")
    var text = ""
    var inTag = false
    for ch in xml {
      if ch == "<" {
        inTag = true
        text.append(" ")
        continue
      }
      if ch == ">" {
        inTag = false
        continue
      }
      if !inTag { text.append(ch) }
    }
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let ids = ms.filter { $0.kind.isDocument }.flatMap(\.ids).sorted()
    #expect(ids == ["BWBR0032203", "ah-tk-20242025-2790", "ah-tk-20242025-2790", "ah-tk-20252026-14"])
    #expect(Self.find(ms, .persoon, "persoon:van-oosten").first?.fields[MentionField.role] == MentionRole.answerer)
    #expect(Self.find(ms, .persoon, "persoon:van-houwelingen").first?.fields[MentionField.role] == MentionRole.asker)
    #expect(Self.find(ms, .ministerie, "ministerie:JENV").first?.fields[MentionField.role] == MentionRole.addressee)
  }

  /// Members in lists, "(allen P)", and an answerer with "mede namens".
  @Test func memberListsAndCoSigners() {
    let text = """
      Vragen van de leden Omtzigt (CDA), Gesthuizen (SP) en Schouw (D66) aan de Minister van Financiën en de \
      Staatssecretaris van Sociale Zaken en Werkgelegenheid over iets (ingezonden 17 februari 2015).
      Vragen van de leden Bromet, Van der Lee en Thijssen (allen GroenLinks) aan de minister van Landbouw, Natuur en \
      Voedselkwaliteit.
      Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede namens de Minister voor Klimaat en \
      Groene Groei (ontvangen 14 juli 2022).
      """
    let ms = Extractor().mentions(in: text)
    checkSpans(text, ms)
    let people = ms.filter { $0.kind == .persoon }
    #expect(
      people.map { $0.ids[0] } == [
        "persoon:omtzigt", "persoon:gesthuizen", "persoon:schouw", "persoon:bromet", "persoon:van-der-lee",
        "persoon:thijssen", "persoon:heijnen",
      ])
    #expect(
      people.map { $0.fields[MentionField.party] ?? "-" } == [
        "fractie:CDA", "fractie:SP", "fractie:D66", "fractie:GL", "fractie:GL", "fractie:GL", "-",
      ])
    #expect(people.prefix(6).allSatisfy { $0.fields[MentionField.role] == MentionRole.asker })
    #expect(people.last?.fields[MentionField.role] == MentionRole.answerer)
    #expect(people.last?.fields[MentionField.function] == "staatssecretaris")
    #expect(people.last?.fields[MentionField.ministry] == "ministerie:IENW")
    let ministries = ms.filter { $0.kind == .ministerie }.map { ($0.ids[0], $0.fields[MentionField.role] ?? "-") }
    #expect(
      ministries.map(\.0) == [
        "ministerie:FIN", "ministerie:SZW", "ministerie:LNV", "ministerie:IENW", "ministerie:KGG",
      ])
    #expect(ministries.map(\.1) == ["addressee", "addressee", "addressee", "-", "co-signer"])
  }
}
