import Foundation
import ZIPFoundation

/// Builds zip files for tests with ZIPFoundation.
struct ZIPArchiveBuilder {
  let archive: Archive

  init(url: URL) throws { archive = try Archive(url: url, accessMode: .create) }

  func add(_ name: String, _ data: [UInt8], compressed: Bool = true) throws {
    try archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count),
      compressionMethod: compressed ? .deflate : .none,
      provider: { position, size in Data(data[Int(position)..<Int(position) + size]) })
  }
}
