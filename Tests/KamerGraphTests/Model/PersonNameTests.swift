import Testing

@testable import KamerGraph

/// `PersonName.id(fullName:)` works on bytes for names of printable ASCII
/// (`asciiFullNameID`); it must give what the String form (`surname(ofFullName:)`, then
/// `id(surname:)`) gives.
@Suite struct PersonNameTests {
  static func reference(_ name: String) -> String { PersonName.id(surname: PersonName.surname(ofFullName: name)) }

  static func bytePath(_ name: String) -> String? {
    var copy = name
    return copy.withUTF8 { PersonName.asciiFullNameID($0) }
  }

  @Test(arguments: [
    "Gijs Tuinman", "P. van Houwelingen", "F.M. Weerwind", "H.G.J. Bruins Slot", "M.H.M. Faber-van de Klashorst",
    "Hanke Bruins Slot", "Inge van Dijk", "Faber - Van de Klashorst", "Van Oosten", "De Jonge", "J.A. de Vries",
    "Mark Rutte", "Rutte", "D. Yesilgoz-Zegerius", "Gräper-van Koolwijk", "Graper-van Koolwijk", "R.W. Knops",
    "Mr. drs. J.A. van der Staaij", "A. ten Broeke", "K.H. Ollongren", "E.  van  Engelshoven ", "  ", "", "P.",
    "P. Q.", "ABCDEFGHI. Jones", "Jan-Peter van 't Hek", "Jan van't Hek", "W. d' Ancona", "Kees van der Staaij -",
    "Jansen -", "- Jansen", "A - B - van C", "O'Brien", "J. O'Brien-de Wit", "VAN DER LEE", "Anne-Marie DU Bois",
    "Mr. X", "Jan\tJansen", "Hanke\u{00A0}Bruins Slot", "Ö. Öztürk",
  ])
  func bytePathMatchesTheStringPath(name: String) {
    #expect(PersonName.id(fullName: name) == Self.reference(name))
    if let fast = Self.bytePath(name) { #expect(fast == Self.reference(name)) }
  }

  @Test func bytePathTakesOnlyPrintableASCII() {
    #expect(Self.bytePath("Gijs Tuinman") == "persoon:tuinman")
    #expect(Self.bytePath("Ö. Öztürk") == nil)
    #expect(Self.bytePath("Jan\tJansen") == nil)
  }

  /// Names built from initials, first names, tussenvoegsels, dashes and surnames in every order.
  @Test func randomNamesGiveTheSameIDs() {
    var rng = RandomTextTests.SplitMix(state: 20_261_207)
    let pieces = [
      "P.", "J.A.M.", "Prof.dr.", "Gijs", "Hanke", "Inge", "van", "Van", "de", "der", "den", "'t", "ter", "te", "von",
      "la", "du", "d'", "van't", "vd", "Bruins", "Slot", "Faber", "Faber-van", "Klashorst", "-", "Dijk", "vanDijk",
      "O'Brien", "Jan-Peter", "X.", "ABCDEFGH.", "ABCDEFGHI.", "Mr.",
    ]
    for _ in 0..<3000 {
      var words: [String] = []
      for _ in 0..<(Int(rng.next() % 5) + 1) { words.append(rng.pick(pieces)) }
      let name = words.joined(separator: rng.next() % 4 == 0 ? "  " : " ")
      #expect(Self.bytePath(name) == Self.reference(name), "\(name.debugDescription)")
    }
  }

  static func writtenReference(_ name: String) -> String { PersonName.id(surname: PersonName.surname(ofWrittenName: name)) }

  static func writtenBytePath(_ name: String) -> String? {
    var copy = name
    return copy.withUTF8 { PersonName.asciiWrittenNameID($0) }
  }

  @Test(arguments: [
    "Van der Lee", "Inge van Dijk", "Inge vanDijk", "VanMeenen", "derLinden", "P. van Houwelingen", "Six Dijkstra",
    "Bruins Slot", "Van Nispen", "J.A.M. de Vries", "Anne-Marie van Dijk", "Kees- van Dijk", "Jan De Vries",
    "Jan de", "de Vries", "Jan Piet van der Staaij", "Jan piet van Dijk", "vanDIJK", "Vandenberg", "VandenBerg",
    "  Van  der  Lee ", "", "P.", "ABCDEFG. van Dijk", "Öztürk van Dijk", "Jan van 't Hek",
  ])
  func writtenBytePathMatchesTheStringPath(name: String) {
    if let fast = Self.writtenBytePath(name) { #expect(fast == Self.writtenReference(name)) }
    let scan = Scan(t: ByteText(UnsafeBufferPointer(start: nil, count: 0)))
    #expect(scan.surnameID(name) == Self.writtenReference(name))
  }

  @Test func randomWrittenNamesGiveTheSameIDs() {
    var rng = RandomTextTests.SplitMix(state: 20_261_208)
    let pieces = [
      "P.", "J.A.M.", "Inge", "Jan-Peter", "van", "Van", "de", "der", "den", "'t", "ter", "vanDijk", "VanMeenen",
      "vanderLee", "VandenBerg", "derLinden", "Dijk", "Bruins", "Slot", "Kees-", "ABCDEFG.", "vd", "d'", "la",
    ]
    for _ in 0..<3000 {
      var words: [String] = []
      for _ in 0..<(Int(rng.next() % 5) + 1) { words.append(rng.pick(pieces)) }
      let name = words.joined(separator: rng.next() % 4 == 0 ? "  " : " ")
      #expect(Self.writtenBytePath(name) == Self.writtenReference(name), "\(name.debugDescription)")
    }
  }
}
