import Testing

@testable import KamerGraph

/// Records the calls a walker gets, in order.
private struct Recorder: XMLWalker {
  typealias Node = XMLStreamReader
  typealias Text = XMLStreamReader
  typealias Failure = any Error
  var events: [String] = []
  var stopAt: String?

  var skip: String?

  mutating func startElement(_ reader: XMLStreamReader) throws -> XMLDescent {
    if reader.localName == stopAt { throw StopHere() }
    events.append("<\(reader.localName)\(reader.attribute("n").map { " n=\($0)" } ?? "")")
    return reader.localName == skip ? .skipChildren : .children
  }
  mutating func endElement(_ reader: XMLStreamReader) throws { events.append(">") }
  mutating func text(_ reader: XMLStreamReader) throws { events.append("t:\(reader.value)") }
  mutating func whitespace(_ reader: XMLStreamReader) throws { events.append("ws") }
}

private struct StopHere: Error {}

@Suite("XML: the walker, streaming and over a tree")
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

  @Test func skippedChildrenAreNotWalkedButTheEndComes() throws {
    var walker = Recorder(skip: "noot")
    let xml = "<a><noot n=\"1\"><al>weg</al><x/></noot><al>blijft</al><noot/></a>"
    try XMLStreamReader.walk(Array(xml.utf8), file: "w.xml", with: &walker)
    #expect(walker.events == ["<a", "<noot n=1", ">", "<al", "t:blijft", ">", "<noot", ">", ">"])
  }

  @Test func theTreeDriverGivesTheSameCalls() throws {
    let xml = "<r><a><noot n=\"1\"><al>weg</al><x/></noot><al n=\"2\">Zie <nootref/>de brief<![CDATA[ (bijlage)]]></al><!-- c --></a></r>"
    let tree = try XMLTree.parse(Array(xml.utf8), file: "t.xml")
    var walker = TreeRecorder(skip: "noot")
    try #require(tree.root).walkChildren(with: &walker)
    #expect(
      walker.events == ["<a", "<noot n=1", ">", "<al n=2", "t:Zie ", "<nootref", ">", "t:de brief", "t: (bijlage)", ">", ">"])
    var whole = TreeRecorder()
    try #require(tree.root?.firstElement(named: "a")?.firstElement(named: "noot")).walk(with: &whole)
    #expect(whole.events == ["<noot n=1", "<al", "t:weg", ">", "<x", ">", ">"])
  }
}

/// The tree driver's recorder: the same events as `Recorder`.
private struct TreeRecorder: XMLWalker {
  typealias Failure = Never
  var events: [String] = []
  var skip: String?

  mutating func startElement(_ e: XMLTreeElement) -> XMLDescent {
    events.append("<\(e.name)\(e.attribute("n").map { " n=\($0)" } ?? "")")
    return e.name == skip ? .skipChildren : .children
  }
  mutating func endElement(_ e: XMLTreeElement) { events.append(">") }
  mutating func text(_ text: String) { events.append("t:\(text)") }
}
