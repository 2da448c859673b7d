import Foundation

/// Builders for the canonical ids of `ids.md` that more than one stage needs (the extractor for
/// running text, the readers for metadata and open data, the resolver for lookups).
enum CanonicalID {
  /// `kenmerk:{value}`: spaces removed, every character an XML NMTOKEN cannot hold written `_`.
  ///
  /// "IENW/BSK-2025/130201" -> `kenmerk:IENW_BSK-2025_130201`; "WJZ/ 34681182" -> `kenmerk:WJZ_34681182`.
  static func kenmerk(_ raw: String) -> String {
    // ASCII (nearly every kenmerk): on the bytes. ASCII whitespace is tab to CR and space.
    if raw.utf8.allSatisfy({ $0 < 0x80 }) {
      let prefix: StaticString = "kenmerk:"
      return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + raw.utf8.count) { out in
        var n = 0
        for k in 0..<prefix.utf8CodeUnitCount {
          out[n] = prefix.utf8Start[k]
          n += 1
        }
        for c in raw.utf8 where !(c == 0x20 || (c >= 0x09 && c <= 0x0D)) {
          let keep = isAlpha(c) || isDigit(c) || c == 0x2E || c == 0x2D || c == 0x5F || c == 0x3A
          out[n] = keep ? c : 0x5F
          n += 1
        }
        return n
      }
    }
    var out = "kenmerk:"
    for scalar in raw.unicodeScalars {
      if scalar.properties.isWhitespace { continue }
      if isNMTokenScalar(scalar) { out.unicodeScalars.append(scalar) } else { out += "_" }
    }
    return out
  }

  /// True for scalars an XML NMTOKEN may hold (letters, digits, `.`, `-`, `_`, `:`), restricted
  /// to ASCII so ids stay safe everywhere.
  static func isNMTokenScalar(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_", ":": return true
    default: return false
    }
  }

  /// A slug: lower-case ASCII letters and digits, every run of other characters one hyphen,
  /// accents folded ("Ó" -> "o", "ë" -> "e").
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in text.unicodeScalars {
      // A combining mark (a name in NFD: "s" + U+0327 for "ş") belongs to the letter before it,
      // whose accent the fold drops anyway: the slug of the NFC form.
      if isCombiningMark(scalar) { continue }
      let folded = foldAccent(scalar)
      for c in folded.unicodeScalars {
        switch c {
        case "a"..."z", "0"..."9":
          if pendingHyphen && !out.isEmpty { out += "-" }
          pendingHyphen = false
          out.unicodeScalars.append(c)
        case "A"..."Z":
          if pendingHyphen && !out.isEmpty { out += "-" }
          pendingHyphen = false
          out.unicodeScalars.append(Unicode.Scalar(c.value + 32)!)
        default:
          pendingHyphen = true
        }
      }
    }
    return out
  }

  /// Combining diacritical marks (U+0300-U+036F), the marks of decomposed (NFD) text.
  static func isCombiningMark(_ s: Unicode.Scalar) -> Bool { s.value >= 0x300 && s.value <= 0x36F }

  private static func foldAccent(_ s: Unicode.Scalar) -> String {
    if s.value < 0x80 { return String(s) }
    switch s {
    case "à", "á", "â", "ã", "ä", "å": return "a"
    case "À", "Á", "Â", "Ã", "Ä", "Å": return "A"
    case "è", "é", "ê", "ë": return "e"
    case "È", "É", "Ê", "Ë": return "E"
    case "ì", "í", "î", "ï": return "i"
    case "Ì", "Í", "Î", "Ï": return "I"
    case "ò", "ó", "ô", "õ", "ö", "ø": return "o"
    case "Ò", "Ó", "Ô", "Õ", "Ö", "Ø": return "O"
    case "ù", "ú", "û", "ü": return "u"
    case "Ù", "Ú", "Û", "Ü": return "U"
    case "ç": return "c"
    case "Ç": return "C"
    case "ñ": return "n"
    case "Ñ": return "N"
    case "ÿ", "ý": return "y"
    case "Ĳ": return "IJ"
    case "ĳ": return "ij"
    case "ß": return "ss"
    // Latin Extended-A letters in Dutch names (Yeşilgöz, Ağar, Bikker-Łukasz, ...).
    case "ā", "ă", "ą": return "a"
    case "Ā", "Ă", "Ą": return "A"
    case "ć", "ĉ", "ċ", "č": return "c"
    case "Ć", "Ĉ", "Ċ", "Č": return "C"
    case "ď", "đ": return "d"
    case "Ď", "Đ": return "D"
    case "ē", "ĕ", "ė", "ę", "ě": return "e"
    case "Ē", "Ĕ", "Ė", "Ę", "Ě": return "E"
    case "ĝ", "ğ", "ġ", "ģ": return "g"
    case "Ĝ", "Ğ", "Ġ", "Ģ": return "G"
    case "ĩ", "ī", "ĭ", "į", "ı": return "i"
    case "Ĩ", "Ī", "Ĭ", "Į", "İ": return "I"
    case "ł", "ľ", "ĺ", "ļ": return "l"
    case "Ł", "Ľ", "Ĺ", "Ļ": return "L"
    case "ń", "ň", "ņ": return "n"
    case "Ń", "Ň", "Ņ": return "N"
    case "ō", "ŏ", "ő": return "o"
    case "Ō", "Ŏ", "Ő": return "O"
    case "ŕ", "ř", "ŗ": return "r"
    case "Ŕ", "Ř", "Ŗ": return "R"
    case "ś", "ŝ", "ş", "š", "ș": return "s"
    case "Ś", "Ŝ", "Ş", "Š", "Ș": return "S"
    case "ţ", "ť", "ț": return "t"
    case "Ţ", "Ť", "Ț": return "T"
    case "ũ", "ū", "ŭ", "ů", "ű", "ų": return "u"
    case "Ũ", "Ū", "Ŭ", "Ů", "Ű", "Ų": return "U"
    case "ź", "ż", "ž": return "z"
    case "Ź", "Ż", "Ž": return "Z"
    case "œ": return "oe"
    case "Œ": return "OE"
    case "æ": return "ae"
    case "Æ": return "AE"
    default: return " "
    }
  }

  /// Normalises a vergaderjaar in any notation ("2024-2025", "2024–2025", "2024/25", "08/09",
  /// "2021/2022", "20242025") to `YYYY-YYYY`, or nil when it is not one.
  static func vergaderjaar(_ raw: String) -> String? {
    // The digits (ASCII: no other scalar is "0"..."9"), at most nine of them counted.
    var digits: [Int] = []
    digits.reserveCapacity(9)
    for c in raw.utf8 where c &- 0x30 < 10 {
      digits.append(Int(c &- 0x30))
      if digits.count > 8 { return nil }
    }
    func number(_ d: ArraySlice<Int>) -> Int { d.reduce(0) { $0 * 10 + $1 } }
    let first: Int
    let second: Int
    switch digits.count {
    case 8:
      first = number(digits[0..<4])
      second = number(digits[4..<8])
    case 6:
      first = number(digits[0..<4])
      second = (first / 100) * 100 + number(digits[4..<6]) + ((number(digits[4..<6]) < first % 100) ? 100 : 0)
    case 4:
      let a = number(digits[0..<2])
      let b = number(digits[2..<4])
      first = (a >= 50 ? 1900 : 2000) + a
      second = (b >= 50 ? 1900 : 2000) + b
    default:
      return nil
    }
    guard second == first + 1, first >= 1800, first <= 2100 else { return nil }
    // Two four-digit years: a small String, built without interpolation.
    return String(unsafeUninitializedCapacity: 9) { out in
      var a = first
      var b = second
      for k in stride(from: 3, through: 0, by: -1) {
        out[k] = UInt8(0x30 + a % 10)
        out[5 + k] = UInt8(0x30 + b % 10)
        a /= 10
        b /= 10
      }
      out[4] = 0x2D
      return 9
    }
  }
}
