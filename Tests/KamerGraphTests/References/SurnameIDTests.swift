import Testing

@testable import KamerGraph

/// `Scan.surnameID` works on bytes for ASCII names; it must give what the String form gives:
/// initials dropped (words of at most six characters ending in "."), then `PersonName.id(surname:)`.
@Suite struct SurnameIDTests {
  static func reference(_ name: String) -> String {
    let words = name.split(separator: " ")
    let rest = words.drop { $0.hasSuffix(".") && $0.count <= 6 }
    return PersonName.id(surname: rest.isEmpty ? name : rest.joined(separator: " "))
  }

  @Test(arguments: [
    "Van Houwelingen", "P. van Houwelingen", "J.A.M. de Vries", "Six Dijkstra", "Van Nispen", "A.B.C.D.E. Smit",
    "Prof.dr. Jansen", "P.", "P. Q.", "  Van  Dijk ", "van der Staaij", "Dassen-Housen", "O'Brien", "Mr. X",
    "Kamerlid 2", "Bikker", "Sneller", "Ellian", "De Roon", "Ö. Öztürk", "Çimen", "J. Klaver", "ABCDEFG. Jones",
  ])
  func bytePathMatchesTheStringPath(name: String) {
    let scan = Scan(t: ByteText(UnsafeBufferPointer(start: nil, count: 0)))
    #expect(scan.surnameID(name) == Self.reference(name))
  }
}

/// `Scan.isNotNameWord` compares ASCII words on their bytes; it must answer as the lower-cased
/// String looked up in `Scan.notNameWords` does.
@Suite struct NotNameWordTests {
  @Test func bytesAnswerAsTheSetDoes() {
    var words: [String] = []
    for w in Scan.notNameWords {
      words += [w, w.uppercased(), w.capitalized, String(w.dropLast()), w + "s"]
    }
    words += ["Vries", "Kamerling", "Dijkstra", "Ministerie", "KAMER", "Kämer", "Staten-Generaal", "Haagse", "Uw"]
    for word in words where !word.isEmpty && word.utf8.count <= 16 {
      let bytes = Array(word.utf8)
      let answer = bytes.withUnsafeBufferPointer { b in Scan(t: ByteText(b)).isNotNameWord(0, b.count) }
      #expect(answer == Scan.notNameWords.contains(word.lowercased()), "\(word)")
    }
  }
}
