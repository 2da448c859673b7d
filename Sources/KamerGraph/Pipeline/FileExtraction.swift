import Dispatch

extension BuildPipeline {
  /// Reads and extracts each file on all cores, releasing each text as soon as its mentions are
  /// found: memory grows with the mentions, not with the texts (what `kamergraph extract` needs).
  /// The result is parallel to `paths`; a file that cannot be read gives its error and does not
  /// stop the others.
  public func extractFiles(_ paths: [String]) -> [Result<ExtractedDocument, DocumentError>] {
    var results = [Result<ExtractedDocument, DocumentError>?](repeating: nil, count: paths.count)
    let reader = self.reader
    let extractor = self.extractor
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: paths.count) { i in
        do throws(DocumentError) {
          let document = try reader.read(path: paths[i])
          let extracted = ExtractedDocument(document: document, mentions: extractor.mentions(in: document))
          out[i] = .success(extracted.releasingText())
        } catch {
          out[i] = .failure(error)
        }
      }
    }
    return results.map { $0! }
  }
}
