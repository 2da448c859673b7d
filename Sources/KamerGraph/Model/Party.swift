import Foundation

/// Parliamentary parties: `fractie:{ABBR}` from the forms they appear in.
enum Party {
  /// Written form (compared case-insensitively, spaces and dots ignored) -> id abbreviation.
  static let aliases: [String: String] = {
    let table: [(String, [String])] = [
      ("FVD", ["FVD", "FvD", "Forum voor Democratie"]),
      ("GL-PVDA", ["GL-PvdA", "GroenLinks-PvdA", "GL/PvdA", "GroenLinks/PvdA", "GLPvdA"]),
      ("GL", ["GL", "GroenLinks"]),
      ("PVDA", ["PvdA", "Partij van de Arbeid"]),
      ("PVV", ["PVV", "Partij voor de Vrijheid"]),
      ("VVD", ["VVD", "Volkspartij voor Vrijheid en Democratie"]),
      ("NSC", ["NSC", "Nieuw Sociaal Contract"]),
      ("D66", ["D66", "Democraten 66"]),
      ("BBB", ["BBB", "BoerBurgerBeweging"]),
      ("CDA", ["CDA", "Christen-Democratisch Appèl", "Christen Democratisch Appel"]),
      ("SP", ["SP", "Socialistische Partij"]),
      ("DENK", ["DENK"]),
      ("PVDD", ["PvdD", "Partij voor de Dieren"]),
      ("CU", ["CU", "ChristenUnie"]),
      ("SGP", ["SGP", "Staatkundig Gereformeerde Partij"]),
      ("VOLT", ["Volt"]),
      ("JA21", ["JA21"]),
      ("50PLUS", ["50PLUS", "50Plus"]),
      ("BIJ1", ["BIJ1"]),
      ("LPF", ["LPF", "Lijst Pim Fortuyn"]),
      ("BVNL", ["BVNL", "Belang van Nederland"]),
    ]
    var map: [String: String] = [:]
    for (abbr, forms) in table { for form in forms { map[key(form)] = abbr } }
    return map
  }()

  static func key(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "." && $0 != "\u{00A0}" }.map(Character.init))
  }

  /// The id for a party as written ("FvD", "GroenLinks-PvdA"), or nil when it is not a known party.
  static func id(for text: String) -> String? {
    aliases[key(text)].map { "fractie:" + $0 }
  }

  /// `id(for:)` of UTF-8 bytes, without building the String for ASCII text (the key is folded on
  /// the bytes; other text goes the String way).
  static func id(bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.contains(where: { $0 >= 0x80 }) { return id(for: String(decoding: bytes, as: UTF8.self)) }
    // Short keys are small Strings: no allocation.
    let key = String(unsafeUninitializedCapacity: bytes.count) { out in
      var n = 0
      for c in bytes where c != 0x20 && c != 0x2E {
        out[n] = c &- 65 < 26 ? c | 0x20 : c
        n += 1
      }
      return n
    }
    return ids[key]
  }

  /// `fractie:` ids by alias key, built once.
  static let ids: [String: String] = aliases.mapValues { "fractie:" + $0 }
}
