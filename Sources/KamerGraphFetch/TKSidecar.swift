import Foundation
import KamerGraph

/// The metadata a Tweede Kamer file does not carry (its own `.docx` or `.pdf` has no date, kind,
/// askers or ministry), written from its OData record as a KOOP `metadata.xml` of style 1
/// (`<metadata_gegevens><metadata name= scheme= content=/>`), the record `build` already pairs with
/// `X.{xml,docx,pdf,...}` as `X.metadata.xml` and merges into the document (KOOPMetadataReader):
///
/// - `DC.type` (scheme `OVERHEIDop.Parlementair`): Document.Soort
/// - `DC.title`: Document.Titel, else Onderwerp (not the zaak's: the document's own title stays)
/// - `DC.creator`: for an answer, the ministry of the zaak's "Gericht aan" actor; else the Kamer
/// - `OVERHEIDop.vergaderjaar`, `OVERHEIDop.datumOntvangst` (Document.DatumOntvangst, else Datum),
///   `OVERHEIDop.datumIndiening` (Zaak.GestartOp)
/// - `OVERHEIDop.vraagnummer`: the zaak's number, for an answer ("Antwoord …"): the answers edge
/// - `OVERHEIDop.indiener`: ZaakActor Indiener/Medeindiener names (asked-by, on the questions)
/// - `OVERHEIDop.ontvanger`: ZaakActor "Gericht aan" name and function (addressed-to person, ministry)
/// - `TK.documentNummer`: kept as an attribute.
///
/// No `DC.identifier`: the merge would put the Tweede Kamer number before the ids the document's
/// text gives (its kenmerk), and the node would change its name.
enum TKSidecar {
  static func metadata(for document: TKDocumentRecord) -> [UInt8] {
    var fields: [(name: String, scheme: String, value: String)] = []
    func add(_ name: String, _ value: String?, scheme: String = "") {
      if let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { fields.append((name, scheme, value)) }
    }
    let zaak = document.zaken.first
    let soort = document.soort ?? ""
    let answer = soort.lowercased().hasPrefix("antwoord")
    let addressed = zaak?.actors.filter { $0.relatie?.lowercased() == "gericht aan" } ?? []
    add("DC.type", soort, scheme: "OVERHEIDop.Parlementair")
    add("DC.title", document.titel ?? document.onderwerp)
    let ministry = addressed.compactMap { $0.functie.flatMap(Ministry.id(forName:)) }.first
    let creator = answer ? ministry.map { Ministry.label(forAbbreviation: String($0.dropFirst("ministerie:".count))) } : nil
    add("DC.creator", creator ?? "Tweede Kamer der Staten-Generaal")
    add("OVERHEIDop.vergaderjaar", document.vergaderjaar ?? zaak?.vergaderjaar)
    if answer { add("OVERHEIDop.vraagnummer", zaak?.nummer) }
    for actor in zaak?.actors ?? [] where ["indiener", "medeindiener"].contains(actor.relatie?.lowercased() ?? "") {
      add("OVERHEIDop.indiener", actor.naam)
    }
    for actor in addressed {
      add("OVERHEIDop.ontvanger", actor.naam)
      add("OVERHEIDop.ontvanger", actor.functie)
    }
    add("OVERHEIDop.datumIndiening", day(zaak?.gestartOp), scheme: "DCTERMS.W3CDTF")
    add("OVERHEIDop.datumOntvangst", day(document.datumOntvangst ?? document.datum), scheme: "DCTERMS.W3CDTF")
    add("TK.documentNummer", document.nummer)
    var text = "<metadata_gegevens>\n"
    for f in fields {
      text += "  <metadata name=\"\(escape(f.name))\" scheme=\"\(escape(f.scheme))\" content=\"\(escape(f.value))\" />\n"
    }
    text += "</metadata_gegevens>\n"
    return Array(text.utf8)
  }

  /// `2025-10-31T00:00:00+01:00` -> `2025-10-31`.
  static func day(_ timestamp: String?) -> String? {
    guard let t = timestamp, t.count >= 10 else { return nil }
    let d = String(t.prefix(10))
    return d.split(separator: "-").count == 3 ? d : nil
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      // Characters XML 1.0 forbids are dropped.
      case _ where c.value < 0x20 && c != "\t" && c != "\n" && c != "\r": continue
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
