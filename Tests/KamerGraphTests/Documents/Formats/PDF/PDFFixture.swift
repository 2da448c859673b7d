import Foundation
import Testing

@testable import KamerGraph

/// The PDF fixtures of `Tests/Fixtures/pdf/` (written by its `make-pdfs.py`), for the PDF test suites.
enum PDFFixture {
  static let dir = "Tests/Fixtures/pdf/"

  static func read(_ name: String, limits: PDFReader.Limits = .init()) throws -> Document {
    let path = Repo.path(dir + name)
    return try PDFReader.read(bytes: try ReaderFixture.bytes(dir + name), path: path, limits: limits)
  }

  /// The reader's error on a fixture, or nil when it reads.
  static func error(_ name: String, limits: PDFReader.Limits = .init()) -> DocumentError? {
    do {
      _ = try read(name, limits: limits)
      return nil
    } catch let error as DocumentError {
      return error
    } catch {
      return nil
    }
  }

  static func lines(_ doc: Document) -> [String] {
    doc.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }
}
