import Testing

@testable import KamerGraph

/// Seeded random texts built from anchor words, numbers, punctuation and multi-byte characters:
/// the extractor must keep the span contract, cut no character in half, and stay deterministic.
@Suite struct RandomTextTests {
  /// SplitMix64: a small deterministic generator, so a failure can be replayed.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ list: [T]) -> T { list[Int(next() % UInt64(list.count))] }
  }

  static let pieces = [
    "Kamerstukken", "Kamerstuk", "II", "I", "TK", "EK", "2024/25", "2008-2009", "1985/- 86", "36 600", "31.700",
    "21 501-32", "X", "XVI", "IIB", "(R 1669)", "nr.", "nrs.", "en", "1–3", "520", "E", "AA", "p.", "blz.",
    "Aanhangsel", "Handelingen", "vergaderjaar", "item", "Stb.", "Stcrt.", "Trb.", "2001", "580", "ECLI", "ECLl",
    ":", ";", "NL", "HR", "2005", "AR5213", "EU", "C", "BWBR0005252", "jci1.3:c:", "CELEX", "32016R0679", "kst-",
    "ah-tk-", "blg-", "2025Z14549", "2025D45253", "Onze referentie", "Uw kenmerk", "kenmerk", "MINDEF", "IENW/",
    "het lid", "de leden", "Van Houwelingen", "(FvD)", "(allen", ")", "Antwoord van", "Minister", "minister van",
    "Ministerie van Defensie", "DE STAATSSECRETARIS VAN DEFENSIE", "Justitie en Veiligheid", "mede namens de",
    "Vragen van", "aan de", "\"", "“", "”", "«", "»", "‘", "’", "Raffinaderij", "Palantir", "NAVO", "politie",
    "11 juli 2025", "ingezonden", "AVG", "Aanbestedingswet 2012", "artikel 2.23", "van de", "LJN", "AB1234", "é",
    "ë", "Ş", "\u{00A0}", "\u{2009}", "–", "—", "€", "😀", ",", ".", "-", "/", "(", "\n", "\r\n", " ", "  ", "0", "7",
    "99999", "Geachte", "dossier", "Regeling", "van 1 maart 2024, nr.", "5178141", "Zie ook", "NL:", "RVS:",
  ]

  @Test func randomTextsKeepTheSpanContract() {
    var rng = SplitMix(state: 20_251_129)
    let extractor = Extractor()
    var total = 0
    for _ in 0..<3000 {
      var text = ""
      let n = Int(rng.next() % 40) + 1
      for _ in 0..<n {
        text += rng.pick(Self.pieces)
        if rng.next() % 3 == 0 { text += " " }
      }
      let ms = extractor.mentions(in: text)
      total += ms.count
      checkSpans(text, ms)
      let bytes = Array(text.utf8)
      for m in ms {
        let cutsStart = m.start < bytes.count && (bytes[m.start] & 0xC0) == 0x80
        let cutsEnd = m.end < bytes.count && (bytes[m.end] & 0xC0) == 0x80
        #expect(
          !cutsStart && !cutsEnd, "\(m.kind) span \(m.start)..<\(m.end) cuts a character in \(text.debugDescription)")
      }
      #expect(extractor.mentions(in: text) == ms)
    }
    #expect(total > 3000)
  }
}
