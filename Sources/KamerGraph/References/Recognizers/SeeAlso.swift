/// "Zie ook": every document cited after it up to the end of its sentence or footnote (or of its
/// parentheses) is `see-also`, of any kind and also after ";" ("Zie ook Kamerstuk 32 761, nr. 51;
/// Aanhangsel Handelingen II 2019/20, nr. 89.").
extension Scan {
  /// Abbreviations whose full stop does not end a sentence.
  static let seeAlsoAbbreviations: Set<String> = [
    "nr", "nrs", "blz", "p", "pp", "pag", "art", "artt", "stb", "stcrt", "trb", "vgl", "resp", "jo", "jl", "bijv",
    "o.a", "e.v", "d.d", "t.a.v", "m.b.t", "i.h.b", "kst", "ah", "hand", "no",
  ]

  /// Sets `seeAlsoUntil` to the end of the sentence or footnote that "Zie ook" at `i` opens: a
  /// full stop, "?" or "!" before a space or line end (not after an abbreviation or an initial),
  /// a blank line, or a line that opens the next footnote; at most 800 bytes on.
  mutating func seeAlsoScope(_ i: Int) {
    guard let a = t.wordCI(i, "zie ook") else { return }
    // "Zie ook" opens a sentence, a footnote or a remark in parentheses ("(zie ook ...)"); a
    // "zie ook" inside a sentence ("voor de tekst zie ook Stb. 1992, 551") is a plain citation.
    var p = i
    while p > 0, t[p - 1] == 0x20 || t[p - 1] == 0x09 { p -= 1 }
    let parenthetical = p > 0 && t[p - 1] == UInt8(ascii: "(")
    guard t[i] == UInt8(ascii: "Z") || parenthetical || p == 0 || t[p - 1] == 0x0A else { return }
    let limit = min(t.count, a + 800)
    var k = a
    var end = limit
    // Parentheses inside the remark ("(zie ook Kamerstukken II 2007/08, 36 483 (R1786), nr. 398; ...)")
    // do not close it.
    var depth = 0
    scan: while k < limit {
      let c = t[k]
      switch c {
      case 0x0A:
        let n = k + 1
        if n >= t.count || t[n] == 0x0A || isDigit(t[n]) || (t[n] == 0xC2 && (t[n + 1] == 0xB9 || t[n + 1] == 0xB2 || t[n + 1] == 0xB3))
          || (t[n] == 0xE2 && t[n + 1] == 0x81)
        {
          end = k
          break scan
        }
      case UInt8(ascii: "(") where parenthetical:
        depth += 1
      case UInt8(ascii: ")") where parenthetical:
        if depth > 0 {
          depth -= 1
          break
        }
        end = k
        break scan
      case UInt8(ascii: "?"), UInt8(ascii: "!"):
        end = k
        break scan
      case UInt8(ascii: "."):
        guard k + 1 >= t.count || t[k + 1] == 0x20 || t[k + 1] == 0x0A || t[k + 1] == 0x09 else { break }
        var w = k
        while w > a, isAlpha(t[w - 1]) || t[w - 1] == UInt8(ascii: ".") { w -= 1 }
        let word = t.string(w, k).lowercased()
        if Self.seeAlsoAbbreviations.contains(word) || (k - w == 1 && isUpper(t[w])) { break }
        end = k
        break scan
      default:
        break
      }
      k += 1
    }
    seeAlsoUntil = max(seeAlsoUntil, end)
  }
}
