import Foundation
import Testing

@testable import KamerGraph

/// Every bad input gets a one-line error that names the file and the reason, and never stops the
/// other files of a run.
@Suite("Readers: bad input")
struct BadInputTests {
  private func error(_ bytes: [UInt8], path: String, limits: ReaderLimits = .init()) -> DocumentError? {
    do {
      _ = try DocumentReader(limits: limits).read(bytes: bytes, path: path)
      return nil
    } catch {
      return error
    }
  }

  private func expectOneLine(_ e: DocumentError?, path: String, contains words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let e else {
      Issue.record("no error for \(path)", sourceLocation: sourceLocation)
      return
    }
    let text = e.description
    #expect(text.hasPrefix(path + ":"), "\(text)", sourceLocation: sourceLocation)
    #expect(!text.contains("\n"), "\(text)", sourceLocation: sourceLocation)
    for w in words { #expect(text.contains(w), "\(text) should mention \(w)", sourceLocation: sourceLocation) }
  }

  @Test func externalEntityIsNeverLoaded() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let secret = dir.appendingPathComponent("secret.txt")
    try "TOPSECRET".write(to: secret, atomically: true, encoding: .utf8)
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE officiele-publicatie [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
      <officiele-publicatie><kamerstuk><al>&xxe;</al></kamerstuk></officiele-publicatie>
      """
    let e = error(Array(xml.utf8), path: "xxe.xml")
    expectOneLine(e, path: "xxe.xml", contains: ["entities"])
    #expect(!(e?.description.contains("TOPSECRET") ?? true))
    // The same through the DOM in UTF-16, which the byte pre-scan cannot see: libxml2 never
    // loads the entity, and the parsed DTD is refused.
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(throws: XMLError.self) { try XMLTree.parse(utf16, file: "xxe16.xml") }
    let metadata = xml.replacingOccurrences(of: "officiele-publicatie", with: "metadata_gegevens")
    expectOneLine(error(Array(metadata.utf8), path: "xxe-meta.xml"), path: "xxe-meta.xml", contains: ["entities"])
  }

  @Test func anInternalDTDLongerThanTheSniffedPrefixIsStillRefusedAsXMLWithEntities() {
    // 100 KB of entity declarations: the root element lies past the 64 KiB the sniffer looks at.
    let declarations = (0..<2_000).map { "<!ENTITY e\($0) \"Kamerstukken II 2024/25, 36600 X, nr. \($0)\">" }.joined()
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie [\(declarations)]>\n"
      + "<officiele-publicatie><al>&e1;</al></officiele-publicatie>"
    #expect(xml.utf8.count > 1 << 16)
    expectOneLine(error(Array(xml.utf8), path: "dtd.xml"), path: "dtd.xml", contains: ["entities"])
    // The decoy: a long text that only mentions a DOCTYPE is still text.
    #expect(FormatSniffer.format(of: Array(("Zie de <!DOCTYPE> van het stuk. " + String(repeating: "tekst ", count: 20_000)).utf8), path: "n.txt") == .plainText)
  }

  @Test(arguments: [
    "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">",
    "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">",
  ])
  func entitiesInUTF16AreRefusedByTheStreamingReaderToo(declaration: String) {
    // UTF-16 hides the declaration from the byte pre-scan; the streaming reader refuses the DTD
    // node before any reference is reached.
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE officiele-publicatie [\(declaration)]>"
      + "<officiele-publicatie><kamerstuk><al>&xxe;&c;</al></kamerstuk></officiele-publicatie>"
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let e = error(utf16, path: "entities16.xml")
    expectOneLine(e, path: "entities16.xml", contains: ["entities"])
    #expect(!(e?.description.contains("root:") ?? true))
  }

  @Test func entityBombIsNeverExpanded() {
    var decl = "<!ENTITY lol0 \"lol\">"
    for i in 1...9 {
      decl += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
    }
    let xml = "<?xml version=\"1.0\"?><!DOCTYPE officiele-publicatie [\(decl)]><officiele-publicatie>&lol9;</officiele-publicatie>"
    // Refused as a whole (the declarations are seen before any expansion), not expanded and cut.
    let e = error(Array(xml.utf8), path: "bomb.xml")
    expectOneLine(e, path: "bomb.xml", contains: ["entities"])
  }

  @Test func malformedXMLHasLineAndColumn() {
    let xml = "<officiele-publicatie>\n  <kamerstuk><al>open</kamerstuk>\n</officiele-publicatie>"
    let e = error(Array(xml.utf8), path: "broken.xml")
    expectOneLine(e, path: "broken.xml", contains: ["line 2, column", "XML"])
    guard case .xml(let x) = e else {
      Issue.record("expected an XML error, got \(String(describing: e))")
      return
    }
    #expect(x.line == 2)
    #expect(x.column > 0)
  }

  @Test func zipWithHugeUncompressedSize() throws {
    let bytes = try ReaderFixture.zipBytes([("word/document.xml", [UInt8](repeating: 0x20, count: 200_000))])
    let e = error(bytes, path: "bomb.docx", limits: ReaderLimits(maxZipUncompressed: 100_000))
    expectOneLine(e, path: "bomb.docx", contains: ["100000 bytes uncompressed"])
    // A single entry that inflates past its own limit is stopped while extracting.
    let e2 = error(bytes, path: "bomb2.docx", limits: ReaderLimits(maxZipEntrySize: 50_000))
    expectOneLine(e2, path: "bomb2.docx", contains: ["inflates beyond the size limit"])
  }

  @Test func zipWithTooManyEntries() throws {
    let bytes = try ReaderFixture.zip((0..<20).map { ("f\($0).xml", "<a/>") })
    expectOneLine(error(bytes, path: "many.docx", limits: ReaderLimits(maxZipEntries: 10)), path: "many.docx", contains: ["more than 10 entries"])
  }

  @Test(arguments: ["../evil.xml", "word/../../evil.xml", "/etc/evil.xml"])
  func zipWithEscapingEntryNames(name: String) throws {
    let bytes = try ReaderFixture.zip([("word/document.xml", "<w:document/>"), (name, "x")])
    expectOneLine(error(bytes, path: "slip.docx"), path: "slip.docx", contains: ["outside the archive"])
  }

  @Test func truncatedZip() throws {
    let full = try ReaderFixture.bytes("corpus/palantir/defensie-antwoord-2025Z14549.docx")
    let e = error(Array(full.prefix(full.count / 2)), path: "truncated.docx")
    expectOneLine(e, path: "truncated.docx", contains: ["zip", "truncated or damaged"])
  }

  @Test func docxWithoutDocumentXML() throws {
    let bytes = try ReaderFixture.zip([("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>")])
    expectOneLine(error(bytes, path: "empty.docx"), path: "empty.docx", contains: ["without word/document.xml"])
  }

  @Test func binaryJunk() {
    var state: UInt64 = 42
    let junk = (0..<4096).map { _ -> UInt8 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
    expectOneLine(error(junk, path: "junk.bin"), path: "junk.bin", contains: ["binary data"])
  }

  @Test func emptyFile() {
    expectOneLine(error([], path: "empty.txt"), path: "empty.txt", contains: ["is empty"])
  }

  @Test func unreadableFiles() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("dangling.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.appendingPathComponent("gone").path)
    let folder = dir.appendingPathComponent("folder.txt").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (path, reason) in [(link, "symbolic link to a missing file"), (folder, "is a folder"), (dir.path + "/missing.txt", "does not exist")] {
      do {
        _ = try DocumentReader().read(path: path)
        Issue.record("no error for \(path)")
      } catch {
        expectOneLine(error, path: path, contains: ["cannot be read", reason])
      }
    }
  }

  @Test func fileLargerThanTheLimit() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("big.txt").path
    try String(repeating: "a", count: 2000).write(toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try DocumentReader(limits: ReaderLimits(maxFileSize: 1000)).read(path: path)
      Issue.record("no error")
    } catch {
      expectOneLine(error, path: path, contains: ["2000 bytes", "limit of 1000"])
    }
  }

  @Test func wrongEncodingDeclaration() {
    // Declared UTF-8, written in Latin-1: libxml2 stops at the first bad byte.
    var latin1 = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<officiele-publicatie><al>caf".utf8)
    latin1 += [0xE9] + Array("</al></officiele-publicatie>".utf8)
    let e = error(latin1, path: "latin1.xml")
    expectOneLine(e, path: "latin1.xml", contains: ["line 2, column"])
    // An encoding libxml2 does not know.
    let bogus = Array("<?xml version=\"1.0\" encoding=\"X-BOGUS-42\"?>\n<officiele-publicatie/>".utf8)
    expectOneLine(error(bogus, path: "bogus.xml"), path: "bogus.xml", contains: ["XML"])
  }

  @Test func docxThatIsReallyHTML() throws {
    let html = "<!DOCTYPE html><html><head><title>Geen Word</title></head><body><p>Hallo <a href=\"x.html\">wereld</a></p></body></html>"
    let doc = try DocumentReader().read(bytes: Array(html.utf8), path: "brief.docx")
    #expect(doc.format == .html)
    #expect(doc.text == "Hallo wereld")
    #expect(doc.metadata.title == "Geen Word")
    #expect(doc.notes.contains { $0.contains("named .docx but the content is html") })
  }

  @Test func koopXMLWhoseMetadataIsMalformed() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let xml = dir.appendingPathComponent("ah-tk-20252026-313.xml")
    try FileManager.default.copyItem(atPath: Repo.path("corpus/palantir/ah-tk-20252026-313.xml"), toPath: xml.path)
    let meta = dir.appendingPathComponent("ah-tk-20252026-313.metadata.xml").path
    try "<metadata_gegevens><metadata name=\"DC.identifier\" content=\"x\">".write(toFile: meta, atomically: true, encoding: .utf8)
    let (documents, report) = CorpusLoader().load(paths: [dir.path])
    #expect(documents.count == 1)
    #expect(documents.first?.ownIds == ["ah-tk-20252026-313"])
    #expect(documents.first?.notes.contains { $0.contains("not merged") } == true)
    let outcome = try #require(report.files.first { $0.path == meta })
    #expect(outcome.status == .failed)
    #expect(outcome.reason?.contains("is not usable XML (line 1, column") == true)
    #expect(report.readCount == 1 && report.failedCount == 1)
  }

  @Test func koopXMLWithoutItsMetadataStillReads() throws {
    let dir = try ExternalTool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let xml = dir.appendingPathComponent("ah-tk-20252026-313.xml").path
    try FileManager.default.copyItem(atPath: Repo.path("corpus/palantir/ah-tk-20252026-313.xml"), toPath: xml)
    let (documents, report) = CorpusLoader().load(paths: [xml])
    #expect(documents.map(\.ownIds) == [["ah-tk-20252026-313"]])
    #expect(report.files == [FileOutcome(path: xml, status: .read, format: .koopXML)])
  }
}

@Suite("Readers: bad parts inside archives")
struct BadArchivePartTests {
  @Test func malformedDocumentXMLNamesTheFileAndThePart() throws {
    let bytes = try ReaderFixture.zip([("word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body>\n<w:p></w:body>")])
    do {
      _ = try DocumentReader().read(bytes: bytes, path: "kapot.docx")
      Issue.record("no error")
    } catch {
      #expect(error.description.hasPrefix("kapot.docx: is not usable XML (line 2, column"))
      #expect(error.description.contains("in word/document.xml:"))
    }
  }
}
