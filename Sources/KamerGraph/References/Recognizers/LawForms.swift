import Foundation

/// Law titles that are not in the lexicon, and EU acts by number.
extension Scan {
  /// Lower-case words that never belong to a law title: verbs, pronouns, adverbs and
  /// conjunctions that start what a sentence says about the law ("de Wet X die ...", "de Wet X
  /// regelt ..."). A title stops before them.
  static let lawStopWords: Set<String> = [
    "die", "dat", "dit", "deze", "wat", "welke", "waar", "is", "zijn", "was", "waren", "wordt", "worden", "werd",
    "werden", "heeft", "hebben", "had", "hadden", "kan", "kunnen", "kon", "konden", "moet", "moeten", "zal",
    "zullen", "zou", "zouden", "mag", "mogen", "wil", "willen", "blijft", "blijven", "gaat", "gaan", "geldt",
    "gelden", "biedt", "bieden", "bepaalt", "bepalen", "regelt", "regelen", "voorziet", "vereist", "verplicht",
    "stelt", "maakt", "treedt", "trad", "ook", "nog", "al", "wel", "niet", "geen", "dan", "of", "maar", "zoals",
    "waarin", "waarbij", "waarmee", "waarvan", "waardoor", "waarop", "nu", "reeds", "echter", "dus", "namelijk",
    "hier", "daar", "er", "om", "te", "als", "aan", "bij", "door", "na", "per", "uit", "sinds", "vanaf", "tijdens",
    "omdat", "wanneer", "indien", "zodat", "hetgeen", "zich", "u", "hij", "zij", "wij", "we", "ik", "een", "andere",
    "alle", "beide", "enkele", "diverse", "verschillende", "genoemde", "bedoelde", "vallen", "valt", "onder",
    "in", "met", "tot", "ter", "over", "tegen", "zonder", "binnen", "buiten", "volgens", "krachtens", "conform",
    "via", "wet", "besluit", "regeling", "artikel", "artikelen", "lid", "onderdeel", "hoofdstuk", "afdeling",
    "paragraaf", "eerste", "tweede", "derde", "vierde", "vijfde", "jo", "juncto", "respectievelijk", "c.q",
    "voorstel", "wijziging", "werking", "inwerkingtreding", "mede", "eveneens", "tevens", "daarom", "immers",
    "inmiddels", "vooral", "vooralsnog", "slechts", "alleen", "zelfs", "ondanks", "daarnaast", "bovendien",
    "hierin", "daarin", "hiermee", "daarmee", "nader", "verder", "zo", "toch", "pas", "nooit", "altijd", "vaak",
    "soms", "vanwege", "wegens", "zowel", "noch", "want", "terwijl", "totdat", "voordat", "nadat", "doordat",
    "houden", "hebben", "geven", "nemen", "maken", "zetten", "stellen", "brengen", "komen", "laten", "vervatte",
    "gestelde", "voornoemde", "vermelde", "opgenomen", "neergelegde",
  ]

  /// A word that reads as a verb form rather than a title word: a past participle ("gegeven",
  /// "gesteld", "geregelde") or an adjective made of one ("vervatte", "bedoelde"). "de Wet
  /// gegeven bevoegdheid" refers to a law named before; no title starts so.
  static func participleLike(_ w: String) -> Bool {
    if w.hasSuffix("tte") || w.hasSuffix("dde") { return true }
    guard w.hasPrefix("ge"), w.count >= 6 else { return false }
    return w.hasSuffix("en") || w.hasSuffix("d") || w.hasSuffix("t") || w.hasSuffix("de") || w.hasSuffix("te")
  }

  /// Words that join the words of a title ("Wet op de omzetbelasting", "Wet werk en inkomen
  /// naar arbeidsvermogen").
  static let lawConnectors: Set<String> = [
    "op", "van", "inzake", "tot", "ter", "voor", "betreffende", "omtrent", "en", "naar",
  ]

  /// Words before a title written with a capital in running text ("de Wet natuurbescherming",
  /// "krachtens het Besluit ...").
  static let lawLeadWords: Set<String> = [
    "de", "het", "der", "den", "van", "in", "op", "bij", "uit", "aan", "volgens", "krachtens", "onder", "zoals",
    "ingevolge", "conform", "over", "door", "via", "tot", "met", "voor", "en", "of", "nieuwe", "huidige", "oude",
    "gewijzigde", "voorgestelde", "zogenoemde", "zogenaamde", "zogeheten", "genoemde",
  ]

  /// Titles that look like laws but name other things.
  static let lawFormDecoys: Set<String> = ["Regeling van werkzaamheden"]

  /// The lower-case ASCII word ending right before `i` (spaces between), within the line.
  func lowercaseWordBefore(_ i: Int) -> String? {
    var p = i
    while p > 0 && t.spaceLength(p - 1) == 1 { p -= 1 }
    guard p < i else { return nil }
    var s = p
    while s > 0 && s > p - 16 && (isAlpha(t[s - 1]) || t[s - 1] >= 0x80) { s -= 1 }
    guard s < p, t.atWordStart(s) else { return nil }
    return t.string(s, p).lowercased()
  }

  /// The end of the word at `i`: letters (also non-ASCII), digits, inner hyphens and apostrophes.
  func titleWordEnd(_ i: Int) -> Int {
    var j = i
    while j < t.count {
      let c = t[j]
      if isAlnum(c) || c >= 0x80 && t.spaceLength(j) == 0 && !(c == 0xE2 && t[j + 1] == 0x80) {
        j += 1
      } else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "'")) && j > i && isWordByte(t[j + 1]) {
        j += 1
      } else if c == UInt8(ascii: "-") && j > i && t[j + 1] == 0x20 {
        j += 1  // "inlichtingen- en veiligheidsdiensten"
        break
      } else {
        break
      }
    }
    return j
  }

  /// A law title not in the lexicon: "het Besluit emissie-eisen stookinstallaties", "de Wet
  /// inzake de luchtverontreiniging", "de Wet natuurbescherming (Wnb)". The title word ("Wet",
  /// "Besluit", "Regeling", ...) must stand with its capital after an article or preposition;
  /// lower-case title words follow (joined by "op", "van", "en", ...; an article only right after
  /// the first joining word), at most five of them, ending at punctuation, a line break, a
  /// capitalised word or a word of `lawStopWords`, optionally with a year or a capitalised
  /// abbreviation ("BES", "Wft") and "(Abbr)". The id is a name id `law:<slug>`.
  mutating func lawForm(_ i: Int) -> Int? {
    // The title word, compared on the bytes (most calls come from words that only share its start).
    let head: Int?
    switch t[i] {
    case UInt8(ascii: "W"): head = t.word(i, "Wet")
    case UInt8(ascii: "B"): head = t.word(i, "Besluit")
    case UInt8(ascii: "R"): head = t.word(i, "Regeling") ?? t.word(i, "Rijkswet")
    case UInt8(ascii: "U"):
      head = t.word(i, "Uitvoeringsbesluit") ?? t.word(i, "Uitvoeringsregeling") ?? t.word(i, "Uitvoeringsbeschikking")
    case UInt8(ascii: "I"): head = t.word(i, "Invoeringswet")
    case UInt8(ascii: "A"): head = t.word(i, "Aanpassingswet")
    case UInt8(ascii: "O"): head = t.word(i, "Overgangswet")
    default: head = nil
    }
    guard let a = head, t[a] == 0x20 else { return nil }
    // The capital in running text: after an article or preposition, or an opening parenthesis.
    let p = i > 0 ? t[i - 1] : 0
    if p == UInt8(ascii: "(") || p == UInt8(ascii: "\"") {
    } else if let w = lowercaseWordBefore(i), Scan.lawLeadWords.contains(w) {
    } else {
      return nil
    }
    var j = a
    var end = a
    var content = 0
    var connectorAfterHead = false
    var pending = false  // a connector or article waits for a content word
    var tokens = 0
    while tokens < 14 {
      let s = t.skipSpaces(j, newlines: false, limit: 3)
      guard s > j, s < t.count else { break }
      let c = t[s]
      let e = titleWordEnd(s)
      guard e > s else { break }
      tokens += 1
      if isDigit(c) {
        // A year closes the title ("Wet X 2017").
        if content > 0 && !pending && e - s == 4 && (t.lit(s, "19") != nil || t.lit(s, "20") != nil)
          && t.atWordEnd(e)
        {
          end = e
        }
        break
      }
      if isUpper(c) {
        // "Besluit prudentiële regels Wft", "Wet ... BES": an abbreviation closes the title.
        var capitals = 0
        for k in s..<e where isUpper(t[k]) { capitals += 1 }
        let known = longestLawName(s).map { $0.end == e && LawLexicon.names[$0.entry].abbreviation } ?? false
        if content > 0 && !pending && (capitals >= 2 || known) && e - s <= 8 { end = e }
        break
      }
      guard isLower(c) || c >= 0x80 else { break }
      let word = t.string(s, e)
      if Scan.lawConnectors.contains(word) {
        // No title starts "Wet en", "Besluit van de minister": "en", "naar" and "van" join title words.
        if pending || content == 0 && (word == "en" || word == "naar" || word == "van") { break }
        if content == 0 { connectorAfterHead = true }
        pending = true
      } else if word == "de" || word == "het" || word == "der" || word == "den" {
        guard pending && connectorAfterHead && content == 0 else { break }
      } else if Scan.lawStopWords.contains(word) || content == 0 && Scan.participleLike(word) {
        break
      } else {
        content += 1
        pending = false
        end = e
        if t[e] == UInt8(ascii: "-") && t[e - 1] == UInt8(ascii: "-") { break }
      }
      j = e
    }
    guard content > 0, content <= 5 else { return nil }
    while end > a && t[end - 1] == UInt8(ascii: "-") { end -= 1 }
    let title = t.string(i, end)
    guard !Scan.lawFormDecoys.contains(title) else { return nil }
    let stop = lawAbbreviationAfter(end, id: nil) ?? end
    var fields: MentionFields = [:]
    if let article = articleBefore(i) { fields[MentionField.article] = article }
    add(.bwb, [Scan.lawSlug(title)], i, stop, fields)
    return stop
  }

  /// `law:` and the title in lower case, accents dropped, every run of other characters one "-".
  static func lawSlug(_ title: String) -> String {
    let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out = "law:"
    var dash = false
    for u in folded.unicodeScalars {
      if u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(Character(u))) {
        if dash && out.count > 4 { out.append("-") }
        dash = false
        out.unicodeScalars.append(u)
      } else {
        dash = true
      }
    }
    return out
  }

  // MARK: EU acts

  /// "Verordening (EU) 2016/679", "Verordening (EG) nr. 1907/2006", "richtlijn 2014/24/EU",
  /// "Richtlijn (EU) 2019/1937", "Richtlijn 95/46/EG", "Uitvoeringsverordening (EU) 2019/947",
  /// "Gedelegeerde Verordening (EU) 2019/980": the CELEX id `3{year}{R|L}{number, four digits}`.
  /// Since 2015 both kinds write year/number; older regulations number/year after "nr.", older
  /// directives year/number.
  mutating func euAct(_ i: Int) -> Int? {
    let c = lower(t[i])
    guard c == UInt8(ascii: "v") || c == UInt8(ascii: "r") || c == UInt8(ascii: "u") || c == UInt8(ascii: "g") else {
      return nil
    }
    var a = i
    if let g = t.litCI(i, "gedelegeerde ") { a = g }
    guard let kw = t.litCI(a, "verordening") ?? t.litCI(a, "richtlijn") ?? t.litCI(a, "uitvoeringsverordening"),
      t[kw] == 0x20
    else { return nil }
    let directive = lower(t[a]) == UInt8(ascii: "r")
    var j = t.skipSpaces(kw, newlines: false, limit: 2)
    var bracket = false
    if t[j] == UInt8(ascii: "("), let close = closing(j + 1, limit: 14) {
      let inner = t.string(j + 1, close)
      guard inner == "EU" || inner == "EG" || inner == "EEG" || inner == "EU, Euratom" || inner == "EGKS" else {
        return nil
      }
      bracket = true
      j = t.skipSpaces(close + 1, newlines: false, limit: 2)
    }
    var numbered = false
    if let n = t.lit(j, "nr.") ?? t.lit(j, "Nr.") {
      numbered = true
      j = t.skipSpaces(n, newlines: false, limit: 2)
    }
    guard let ae = t.digits(j, min: 1, max: 5), t[ae] == UInt8(ascii: "/"),
      let be = t.digits(ae + 1, min: 1, max: 5)
    else { return nil }
    let first = t.int(j, ae)
    let second = t.int(ae + 1, be)
    var end = be
    var suffix = false
    if t[be] == UInt8(ascii: "/") {
      var k = be + 1
      while isUpper(t[k]) && k - be <= 4 { k += 1 }
      let s = t.string(be + 1, k)
      if s == "EU" || s == "EG" || s == "EEG" || s == "EGKS" {
        end = k
        suffix = true
      }
    }
    guard t.atWordEnd(end), bracket || suffix || numbered else { return nil }
    var year: Int
    var number: Int
    func fullYear(_ y: Int, digits: Int) -> Int? {
      if digits == 4 { return (1950...2099).contains(y) ? y : nil }
      if digits == 2 { return y >= 50 ? 1900 + y : 2000 + y }
      return nil
    }
    if numbered {
      guard let y = fullYear(second, digits: be - ae - 1) else { return nil }
      (year, number) = (y, first)
    } else if let y = fullYear(first, digits: ae - j) {
      (year, number) = (y, second)
    } else if let y = fullYear(second, digits: be - ae - 1), !directive {
      (year, number) = (y, first)
    } else {
      return nil
    }
    let padded = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    let id = "CELEX:3\(year)\(directive ? "L" : "R")\(padded)"
    add(.bwb, [id], i, end, ["celex": String(id.dropFirst(6))])
    return end
  }
}
