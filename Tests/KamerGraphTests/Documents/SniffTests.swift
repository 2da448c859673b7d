import Foundation
import Testing

@testable import KamerGraph

@Suite("Readers: format sniffing")
struct SniffTests {
  @Test(arguments: [
    ("<?xml version=\"1.0\"?>\n<!-- c --><officiele-publicatie/>", "x.xml", DocumentFormat.koopXML),
    ("\u{FEFF}<officiele-publicatie/>", "noext", .koopXML),
    ("<metadata_gegevens/>", "metadata.xml", .koopMetadata),
    ("<?xml version=\"1.0\"?><owms-metadata xmlns:dcterms=\"http://purl.org/dc/terms/\"/>", "m.xml", .koopMetadata),
    ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content><zaak xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\"/></content></entry></feed>", "f.xml", .tkOpenData),
    ("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "f.xml", .otherXML),
    ("<!DOCTYPE html>\n<html><body>x</body></html>", "page.docx", .html),
    ("<HTML><BODY>x</BODY></HTML>", "page", .html),
    ("<p>losse alinea</p>", "page.html", .html),
    ("<record><recordSchema/></record>", "r.xml", .otherXML),
    ("<Datum> is geen XML-document", "brief.txt", .plainText),
    ("Gewone tekst\nmet regels", "brief.txt", .plainText),
    ("Gewone tekst", "antwoord.md", .plainText),
    ("Gewone tekst", "README.md", .unknown),
    ("a,b\n1,2", "data.csv", .unknown),
    ("%PDF-1.7 ...", "a.pdf", .pdf),
  ])
  func sniff(content: String, path: String, format: DocumentFormat) {
    #expect(FormatSniffer.format(of: Array(content.utf8), path: path) == format)
  }

  @Test func utf16XMLIsSniffedAsXML() {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for u in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><officiele-publicatie/>".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
    #expect(FormatSniffer.format(of: bytes, path: "a.xml") == .koopXML)
  }

  @Test func zipsAreDecidedByTheirContents() throws {
    let odt = try ReaderFixture.zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>")])
    #expect(try DocumentReader().read(bytes: odt, path: "named.docx").format == .odt)
    let other = try ReaderFixture.zip([("data.csv", "a,b")])
    #expect(throws: DocumentError.unsupportedFormat(path: "x.zip", detail: "a zip archive that is neither .docx nor .odt")) {
      try DocumentReader().read(bytes: other, path: "x.zip")
    }
  }
}
