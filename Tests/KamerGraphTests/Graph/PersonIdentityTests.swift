import Testing

@testable import KamerGraph

/// One surname, different people: `PersonIdentity` splits a surname only where the corpus gives it
/// with different initials or first names.
@Suite struct PersonIdentityTests {
  static func extracted(_ path: String, _ text: String) -> ExtractedDocument {
    let doc = Document(path: path, format: .plainText, text: text)
    return ExtractedDocument(document: doc, mentions: Extractor().mentions(in: doc))
  }

  static func persons(_ docs: [ExtractedDocument]) -> [String] {
    Resolver().resolve(docs).graph.nodes.map(\.id).filter { $0.hasPrefix("persoon:") }
  }

  @Test func differentInitialsAreDifferentPeople() {
    let minister = Self.extracted(
      "a.txt", "Antwoord van Minister Helder (Langdurige Zorg en Sport).\n\nDe Minister voor Langdurige Zorg en Sport,\n\n\nC. Helder\n")
    let member = Self.extracted("b.txt", "Indiener\nLilian Helder, Kamerlid PVV\n")
    #expect(Self.persons([minister, member]) == ["persoon:helder-c", "persoon:helder-l"])
    // The answerer "Minister Helder" takes the initial her own document gives.
    let graph = Resolver().resolve([minister, member]).graph
    #expect(graph.edges.contains { $0.relation == .signedBy && $0.target == "persoon:helder-c" })
    #expect(!graph.edges.contains { $0.target == "persoon:helder" })
  }

  @Test func oneInitialOrNoneKeepsTheSurnameID() {
    // Decoy: the same person named with and without initials stays one node.
    let a = Self.extracted("a.txt", "De Minister van Buitenlandse Zaken,\n\n\nH.G.J. Bruins Slot\n")
    let b = Self.extracted("b.txt", "Antwoord van Minister Bruins Slot (Buitenlandse Zaken).")
    #expect(Self.persons([a, b]) == ["persoon:bruins-slot"])
  }

  @Test func aBareMentionTakesTheInitialOfItsFunction() {
    let a = Self.extracted("a.txt", "De Minister van Justitie en Veiligheid,\n\n\nF. de Jong\n")
    let b = Self.extracted("b.txt", "Vragen van het lid Pieter de Jong (VVD) aan de Minister van Financiën")
    let c = Self.extracted("c.txt", "Minister De Jong:\nDank u wel.")
    #expect(Self.persons([a, b, c]) == ["persoon:de-jong-f", "persoon:de-jong-p"])
  }
}
