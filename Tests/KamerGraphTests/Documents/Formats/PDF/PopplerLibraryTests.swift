import Testing

@testable import KamerGraph

/// poppler loaded with dlopen on the first PDF (`PopplerLibrary`, issue 21): found where it is
/// installed; when it is missing or is not poppler, a PDF fails alone with one line naming the
/// file and the library, and the files around it still read.
@Suite("Readers: PDF library loading")
struct PopplerLibraryTests {
  static let missing = "libkamergraph-no-such-poppler.so.8"

  @Test func theInstalledLibraryLoadsWithEveryFunction() throws {
    let poppler = try PopplerLibrary.shared.get()
    // A document made and read through the looked-up functions.
    let doc = try #require(poppler.document(Array(PDFText.minimalPDF.utf8), error: nil))
    #expect(poppler.documentGetNPages(doc) == 1)
    poppler.objectUnref(UnsafeMutableRawPointer(doc))
  }

  @Test func aMissingLibraryIsNamedWithHowToInstallIt() throws {
    let result = PopplerLibrary.load(names: [Self.missing])
    let error = try #require(result.failure)
    #expect(error.names == [Self.missing])
    #expect(error.detail.contains(Self.missing), "dlerror names the file it could not open: \(error.detail)")
    #expect(error.description.contains("poppler-glib could not be loaded"))
    #expect(error.description.contains("apt install libpoppler-glib8"))
    // The later names are tried when the first is missing.
    #expect(PopplerLibrary.load(names: [Self.missing] + PopplerLibrary.defaultNames).failure == nil)
    #expect(PopplerLibrary.load(names: []).failure?.detail == "no library name given")
  }

  #if os(Linux)
    @Test func aLibraryThatIsNotPopplerNamesTheMissingFunction() throws {
      // zlib loads (every KamerGraph build has it) but has none of poppler's functions.
      let error = try #require(PopplerLibrary.load(names: ["libz.so.1"]).failure)
      #expect(error.detail == "libz.so.1 has no function poppler_document_new_from_bytes")
    }
  #endif

  @Test func withoutPopplerAPDFFailsWithOneLineNamingTheFile() throws {
    let name = "letter.pdf"
    let path = Repo.path(PDFFixture.dir + name)
    let failed = PopplerLibrary.load(names: [Self.missing])
    #expect(failed.failure != nil)
    let bytes = try ReaderFixture.bytes(PDFFixture.dir + name)
    do {
      _ = try PDFReader.read(bytes: bytes, path: path, limits: .init(), library: failed)
      Issue.record("read without poppler")
    } catch {
      #expect(error.path == path)
      #expect(error.description.hasPrefix(path + ": cannot be read: the PDF library poppler-glib could not be loaded ("))
      #expect(error.description.contains(Self.missing))
      #expect(!error.description.contains("\n"), "one line")
    }
    // What is not a PDF is still refused for what it is, before poppler is needed.
    do {
      _ = try PDFReader.read(bytes: Array("plain text, not a PDF".utf8), path: path, limits: .init(), library: failed)
      Issue.record("read a file without a PDF header")
    } catch {
      #expect(error.reason == "is not a PDF (no %PDF- header)")
    }
    // The same file reads with the installed library.
    #expect(try PDFReader.read(bytes: bytes, path: path).text.contains("Geachte voorzitter"))
  }
}

extension Result {
  /// The error of a failure, nil for a success.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
