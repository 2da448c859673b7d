/// Small helpers to write JSON by hand, so that key order is fixed and output is reproducible.
public enum JSONText {
  /// `text` as a JSON string literal, with the escapes RFC 8259 requires.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// An object from ordered key/value pairs whose values are already JSON.
  public static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  /// An array of strings.
  public static func array(_ items: [String]) -> String {
    "[" + items.map(quoted).joined(separator: ",") + "]"
  }

  /// An object of string fields with keys sorted.
  public static func sortedObject(_ dict: [String: String]) -> String {
    object(dict.keys.sorted().map { ($0, quoted(dict[$0]!)) })
  }
}
