import Testing

@testable import KamerGraph

@Suite struct CatalogueTests {
  /// Every example of every recognizer yields exactly its ids (the ids of the recognizer's kinds).
  @Test func everyExampleYieldsItsIds() {
    let extractor = Extractor()
    var checked = 0
    for spec in ReferenceCatalogue.recognizers {
      for example in spec.examples {
        let mentions = extractor.mentions(in: example.text)
        checkSpans(example.text, mentions)
        let ids = mentions.filter { spec.kinds.contains($0.kind) }.flatMap(\.ids)
        #expect(ids.sorted() == example.ids.sorted(), "\(spec.name): \(example.text.debugDescription) gave \(ids)")
        checked += 1
      }
    }
    #expect(checked >= 80)
  }

  /// Every recognizer that reports references has examples, and every anchor is at least two bytes
  /// (the scan keys on two bytes; the straight double quote is keyed on quote + capital instead).
  @Test func catalogueIsComplete() {
    for spec in ReferenceCatalogue.recognizers where !spec.kinds.isEmpty {
      #expect(!spec.examples.isEmpty, "\(spec.name) has no examples")
    }
    for spec in ReferenceCatalogue.recognizers {
      for anchor in spec.anchors where anchor != "#" && anchor != "\"" {
        #expect(anchor.utf8.count >= 2, "\(spec.name): \(anchor)")
      }
    }
  }
}
