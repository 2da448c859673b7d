import Foundation
import Testing

@testable import KamerGraph

@Suite("XML: the libxml2 wrapper")
struct LibXMLTests {
  @Test func domWalker() throws {
    let xml = """
      <r xmlns="urn:a" xmlns:b="urn:b"><b:x id="1" b:k="v">tekst<y/>meer</b:x><![CDATA[cdata]]></r>
      """
    let tree = try XMLTree.parse(Array(xml.utf8), file: "t.xml")
    let root = try #require(tree.root)
    #expect(root.name == "r")
    #expect(root.namespace == "urn:a")
    let x = try #require(root.elements.first)
    #expect(x.name == "x" && x.namespace == "urn:b" && x.prefix == "b")
    #expect(x.attribute("id") == "1")
    #expect(x.attributes.map { "\($0.name)|\($0.namespace ?? "")|\($0.value)" } == ["id||1", "k|urn:b|v"])
    #expect(x.text == "tekstmeer")
    #expect(root.text == "tekstmeercdata")
    #expect(root.descendants(named: "y").count == 1)
    #expect(x.line == 1)
  }

  @Test func streamingReader() throws {
    let xml = "<a><b k=\"v\">t</b>\n<c/></a>"
    var events: [String] = []
    try XMLStreamReader.read(Array(xml.utf8), file: "s.xml") { r in
      while try r.next() {
        switch r.kind {
        case .element: events.append("<\(r.localName)\(r.attribute("k").map { " k=\($0)" } ?? "")\(r.isEmptyElement ? "/" : "")>")
        case .endElement: events.append("</\(r.localName)>")
        case .text: events.append(r.value)
        case .whitespace: events.append("_")
        case .other: break
        }
      }
    }
    #expect(events == ["<a>", "<b k=v>", "t", "</b>", "_", "<c/>", "</a>"])
  }

  @Test func streamingReaderReportsLineAndColumn() {
    let xml = "<a>\n<b>\n</a>"
    do {
      try XMLStreamReader.read(Array(xml.utf8), file: "bad.xml") { r in while try r.next() {} }
      Issue.record("no error")
    } catch let e as XMLError {
      #expect(e.file == "bad.xml")
      #expect(e.line == 3)
      #expect(e.column > 0)
      #expect(e.description.hasPrefix("bad.xml:3:"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func optionsAlwaysAddNoNetAndCannotExpressUnsafeFlags() {
    // Every bit pattern maps to safe libxml2 flags only.
    let unsafe: Int32 = 2 /* NOENT */ | 4 /* DTDLOAD */ | 16 /* DTDVALID */ | 1024 /* XINCLUDE */ | 524_288 /* HUGE */
    for raw in UInt8.min...UInt8.max {
      let flags = ParseOptions(rawValue: raw).xmlFlags
      #expect(flags & unsafe == 0)
      #expect(flags & 2048 != 0)  // NONET
      #expect(flags & 32 != 0 && flags & 64 != 0)  // NOERROR, NOWARNING
    }
  }

  @Test func htmlParserRecovers() throws {
    let tree = try XMLTree.parseHTML(Array("<p>een <b>twee<p>drie".utf8), file: "h.html")
    #expect(tree.root?.name == "html")
    #expect(tree.root?.text == "een tweedrie")
  }

  @Test func concurrentParsingIsSafe() async throws {
    let xml = Array(try ReaderFixture.bytes("corpus/palantir/ah-tk-20252026-313.xml"))
    try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<16 {
        group.addTask {
          let doc = try DocumentReader().read(bytes: xml, path: "a.xml")
          return doc.footnotes.count
        }
      }
      for try await count in group { #expect(count == 2) }
    }
  }
}
