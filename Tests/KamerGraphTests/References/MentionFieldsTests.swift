import Foundation
import Testing

@testable import KamerGraph

@Suite struct MentionFieldsTests {
  @Test func keepsNamesSortedWhateverTheOrderOfAssignment() {
    var a: MentionFields = ["role": "own", "label": "Onze referentie"]
    a["footnote"] = "3"
    var b = MentionFields()
    b["label"] = "Onze referentie"
    b["footnote"] = "3"
    b["role"] = "own"
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a.keys == ["footnote", "label", "role"])
    #expect(a.map(\.value) == ["3", "Onze referentie", "own"])
  }

  @Test func readsAndWritesLikeADictionary() {
    var f: MentionFields = ["a": "1", "a": "2"]
    #expect(f["a"] == "2")
    #expect(f.count == 1)
    f["a"] = nil
    #expect(f.isEmpty && f["a"] == nil)
    f["b"] = nil
    #expect(f.isEmpty)
    f["z"] = "26"
    f["m"] = "13"
    f["m"] = "thirteen"
    #expect(f.dictionary == ["z": "26", "m": "thirteen"])
    #expect(MentionFields(["y": "1", "x": "2"]).keys == ["x", "y"])
    #expect(f.description == "[\"m\": \"thirteen\", \"z\": \"26\"]")
  }

  @Test func encodesAsTheJSONObjectOfADictionary() throws {
    let f: MentionFields = ["party": "fractie:FVD", "function": "lid", "name": "Van Houwelingen"]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let ours = try encoder.encode(f)
    #expect(ours == (try encoder.encode(f.dictionary)))
    #expect(try JSONDecoder().decode(MentionFields.self, from: ours) == f)
    #expect(try JSONDecoder().decode(MentionFields.self, from: Data("{}".utf8)).isEmpty)
  }
}
