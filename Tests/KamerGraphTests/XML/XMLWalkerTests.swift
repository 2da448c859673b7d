import Testing

@testable import KamerGraph

/// Records the calls a walker gets, in order.
private struct Recorder: XMLWalker {
  var events: [String] = []
  var stopAt: String?

  mutating func startElement(_ reader: XMLStreamReader) throws {
    if reader.localName == stopAt { throw StopHere() }
    events.append("<\(reader.localName)\(reader.attribute("n").map { " n=\($0)" } ?? "")")
  }
  mutating func endElement(_ reader: XMLStreamReader) throws { events.append(">") }
  mutating func text(_ reader: XMLStreamReader) throws { events.append("t:\(reader.value)") }
  mutating func whitespace(_ reader: XMLStreamReader) throws { events.append("ws") }
}

private struct StopHere: Error {}

@Suite("XML: the streaming walker")
struct XMLWalkerTests {
  @Test func everyNodeInOrderAndEmptyElementsClose() throws {
    // A KOOP-like fragment: an empty element (<nootref/>) is a start and an end, text and CDATA
    // are text, whitespace between blocks is whitespace.
    let xml = "<kamerstuk><al n=\"1\">Zie <nootref/>de brief<![CDATA[ (bijlage)]]></al>\n<al>Tweede</al></kamerstuk>"
    var walker = Recorder()
    try XMLStreamReader.walk(Array(xml.utf8), file: "w.xml", with: &walker)
    #expect(
      walker.events == [
        "<kamerstuk", "<al n=1", "t:Zie ", "<nootref", ">", "t:de brief", "t: (bijlage)", ">", "ws", "<al", "t:Tweede", ">", ">",
      ])
  }

  @Test func walkerErrorsAndXMLErrorsStopTheWalk() throws {
    var walker = Recorder(stopAt: "stop")
    #expect(throws: StopHere.self) {
      try XMLStreamReader.walk(Array("<a><stop/><b/></a>".utf8), file: "w.xml", with: &walker)
    }
    #expect(walker.events == ["<a"])
    var decoy = Recorder()
    #expect(throws: XMLError.self) { try XMLStreamReader.walk(Array("<a><b></a>".utf8), file: "bad.xml", with: &decoy) }
  }
}
