import Foundation
import Testing

@testable import KamerGraph

/// The binary blobs the index caches documents and mentions in.
@Suite struct IndexBlobTests {
  /// A document with every field set, several of each list and every kind of fact.
  static let document = Document(
    path: "corpus/x/ah-tk-20252026-313.xml", format: .koopXML, text: "",
    ownIds: ["ah-tk-20252026-313", "2025D45253"],
    metadata: DocumentMetadata(
      title: "Antwoord op vragen — \"Palantir\"", date: "2025-10-31", type: "Aanhangsel van de Handelingen",
      sender: "Minister van Justitie", addressee: "Tweede Kamer", vergaderjaar: "2025-2026", dossier: "36600",
      number: "313", extra: ["z": "laatste", "a": "eerste", "leeg": ""]),
    footnotes: [
      Footnote(number: "1", mark: ByteRange(10, 13), body: ByteRange(400, 480), sentence: ByteRange(0, 14)),
      Footnote(number: "2a", mark: ByteRange(0, 0), body: ByteRange(481, 600), sentence: ByteRange(20, 90)),
    ],
    links: [ExplicitLink(target: "kst-36600-X-12", range: ByteRange(5, 9)), ExplicitLink(target: "https://x.nl/é", range: ByteRange(0, 0))],
    facts: [
      Fact(.sameAs("2025D45253", "ah-tk-20252026-313"), evidence: "DC.identifier"),
      Fact(.edge(source: "ah-tk-20252026-313", relation: .answers, target: "kv-tk-2025Z15452"), evidence: "vraagnummer"),
      Fact(.attribute(id: "ah-tk-20252026-313", name: "date", value: "2025-10-31"), evidence: "OVERHEIDop.datumIndiening"),
    ],
    notes: ["decoded as Windows-1252", ""])

  static let mentions = [
    Mention(
      kind: .kamerstuk, ids: ["kst-36600-X-12", "kst-36600-X-13"], text: "Kamerstukken II 2024/25, 36 600 X, nrs. 12 en 13",
      start: 100, end: 150, line: 3, column: 7, fields: ["dossier": "36600", "vergaderjaar": "2024-2025"],
      status: .resolved),
    Mention(
      kind: .aanhangsel, ids: [], text: "Aanhangsel", start: 0, end: 10, line: 1, column: 1, status: .unresolved,
      reason: "no number"),
    Mention(kind: .zaak, ids: ["kv-tk-2025Z14549"], text: "2025Z14549", start: 1 << 40, end: (1 << 40) + 10, line: -1, column: 0),
  ]

  @Test func aDocumentRoundTripsWithItsTextPutBack() throws {
    let blob = IndexBlob.encode(document: Self.document)
    #expect(blob.first == IndexBlob.magic)
    let back = try IndexBlob.decodeDocument(Data(blob), text: "de tekst")
    var expected = Self.document
    expected.text = "de tekst"
    #expect(back == expected)
  }

  @Test func mentionsRoundTripInTheirOrder() throws {
    #expect(try IndexBlob.decodeMentions(Data(IndexBlob.encode(mentions: Self.mentions))) == Self.mentions)
    #expect(try IndexBlob.decodeMentions(Data(IndexBlob.encode(mentions: []))) == [])
  }

  @Test func theEncodingIsDeterministicAndSmallerThanJSON() throws {
    #expect(IndexBlob.encode(document: Self.document) == IndexBlob.encode(document: Self.document))
    let json = try JSONEncoder().encode(Self.mentions)
    #expect(IndexBlob.encode(mentions: Self.mentions).count * 2 < json.count)
  }

  @Test func theJSONBlobsOfOlderIndexesAreStillRead() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var bare = Self.document
    bare.text = ""
    var expected = Self.document
    expected.text = "tekst"
    #expect(try IndexBlob.decodeDocument(encoder.encode(bare), text: "tekst") == expected)
    #expect(try IndexBlob.decodeMentions(encoder.encode(Self.mentions)) == Self.mentions)
  }

  @Test(arguments: [1, 2, 7, 30])
  func aTruncatedBlobIsAnError(cut: Int) {
    let blob = IndexBlob.encode(mentions: Self.mentions)
    #expect(throws: BlobError.self) { try IndexBlob.decodeMentions(Data(blob.dropLast(cut))) }
    let document = IndexBlob.encode(document: Self.document)
    #expect(throws: BlobError.self) { try IndexBlob.decodeDocument(Data(document.dropLast(cut)), text: "") }
  }

  @Test func anotherVersionOrTrailingBytesAreErrors() {
    var blob = IndexBlob.encode(mentions: Self.mentions)
    blob[1] = IndexBlob.version &+ 1
    #expect(throws: BlobError.self) { try IndexBlob.decodeMentions(Data(blob)) }
    #expect(throws: BlobError.self) { try IndexBlob.decodeMentions(Data(IndexBlob.encode(mentions: Self.mentions) + [0])) }
  }

  /// The codec writes these properties by hand: a property added to one of these types must be
  /// added to `IndexBlob` too (and `IndexBlob.version` bumped), or the cache would drop it.
  @Test(arguments: [
    ("Document", ["path", "format", "text", "ownIds", "metadata", "footnotes", "links", "facts", "notes", "layout"]),
    (
      "DocumentMetadata",
      ["title", "date", "type", "sender", "addressee", "vergaderjaar", "dossier", "number", "extra"]
    ),
    ("Footnote", ["number", "mark", "body", "sentence"]),
    ("ExplicitLink", ["target", "range"]),
    ("Fact", ["statement", "evidence", "path", "line"]),
    ("ByteRange", ["start", "end"]),
    ("Mention", ["kind", "ids", "text", "start", "end", "line", "column", "fields", "status", "reason"]),
  ])
  func everyStoredPropertyIsInTheCodec(type: String, properties: [String]) {
    let values: [String: Any] = [
      "Document": Self.document, "DocumentMetadata": Self.document.metadata, "Footnote": Self.document.footnotes[0],
      "ExplicitLink": Self.document.links[0], "Fact": Self.document.facts[0], "ByteRange": ByteRange(1, 2),
      "Mention": Self.mentions[0],
    ]
    let labels = Mirror(reflecting: values[type]!).children.compactMap(\.label)
    #expect(labels == properties, "\(type) changed: update IndexBlob.encode/decode and bump IndexBlob.version")
  }
}
