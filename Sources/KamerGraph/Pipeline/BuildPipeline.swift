import Dispatch
import Foundation
import Synchronization

/// Options of a build.
public struct BuildOptions: Sendable {
  /// How many files are read and extracted at once; the result is the same for any value.
  public var threads: Int
  /// Called as documents are read, with (done, total); from any thread.
  public var progress: (@Sendable (Int, Int) -> Void)?
  public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: (@Sendable (Int, Int) -> Void)? = nil) {
    self.threads = max(1, threads)
    self.progress = progress
  }
}

/// Everything a build produced: the graph, the account of every input file, and the documents
/// with their mentions.
public struct BuildResult: Sendable {
  public var resolution: Resolution
  public var report: RunReport
  public var documents: [ExtractedDocument]
  /// Files whose cached extraction was reused from the index.
  public var reused: Int
  public var graph: CitationGraph { resolution.graph }

  /// The part of this build that comes from files under `paths`, resolved on its own.
  public func restricted(to paths: [String]) -> BuildResult {
    func inside(_ file: String) -> Bool {
      paths.contains { file == $0 || file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
    let docs = documents.filter { inside($0.document.path) }
    return BuildResult(
      resolution: Resolver().resolve(docs), report: RunReport(files: report.files.filter { inside($0.path) }),
      documents: docs, reused: docs.count)
  }
}

/// The whole flow: plan the input files, read and extract each document (or reuse the index's
/// copy when its files did not change), resolve everything into one graph, and update the index.
public struct BuildPipeline: Sendable {
  public var reader: DocumentReader
  public var extractor: Extractor
  public var options: BuildOptions

  public init(reader: DocumentReader = DocumentReader(), extractor: Extractor = Extractor(), options: BuildOptions = BuildOptions()) {
    self.reader = reader
    self.extractor = extractor
    self.options = options
  }

  /// Reads `paths` (files and folders), extracts and resolves. With an index, unchanged files
  /// are not read again, removed files leave the index, and the index is updated in one transaction.
  public func build(paths: [String], index: GraphIndex? = nil) throws(IndexError) -> BuildResult {
    let plan = InputPlanner.plan(paths: paths)
    let units = plan.units
    var outcomes = plan.outcomes
    var results = [UnitResult?](repeating: nil, count: units.count)
    let reader = self.reader
    let extractor = self.extractor
    let progress = options.progress
    let done = Mutex(0)
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      let work: @Sendable (Int) -> Void = { i in
        out[i] = Self.process(units[i], reader: reader, extractor: extractor, index: index)
        if let progress { progress(done.withLock { $0 += 1; return $0 }, units.count) }
      }
      if options.threads == 1 {
        for i in units.indices { work(i) }
      } else {
        DispatchQueue.concurrentPerform(iterations: units.count, execute: work)
      }
    }
    var extracted: [ExtractedDocument] = []
    var changed: [IndexedFile] = []
    var reused = 0
    for r in results.map({ $0! }) {
      outcomes.append(contentsOf: r.outcomes)
      guard let doc = r.document else { continue }
      extracted.append(doc)
      if r.cached { reused += 1 } else if let hash = r.hash {
        changed.append(IndexedFile(path: doc.document.path, contentHash: hash, document: doc.document, mentions: doc.mentions))
      }
    }
    let resolution = Resolver().resolve(extracted)
    if let index {
      let current = Set(extracted.map(\.document.path))
      let removed = try index.indexedPaths().filter { !current.contains($0) }
      try index.commit(files: changed, removedPaths: removed, graph: resolution.graph)
    }
    var report = RunReport(files: outcomes.sorted())
    report.files.sort()
    return BuildResult(resolution: resolution, report: report, documents: extracted, reused: reused)
  }

  /// Extracts the mentions of each document in parallel; the result is in the order of `documents`.
  public func extract(_ documents: [Document]) -> [ExtractedDocument] {
    var results = [ExtractedDocument?](repeating: nil, count: documents.count)
    let extractor = self.extractor
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: documents.count) { i in
        out[i] = ExtractedDocument(document: documents[i], mentions: extractor.mentions(in: documents[i]))
      }
    }
    return results.map { $0! }
  }

  /// What happened to one unit.
  struct UnitResult: Sendable {
    var document: ExtractedDocument?
    var outcomes: [FileOutcome]
    var hash: String?
    var cached: Bool
  }

  static func process(_ unit: InputUnit, reader: DocumentReader, extractor: Extractor, index: GraphIndex?) -> UnitResult {
    // Hash every file of the unit together: a changed metadata file changes the document.
    var hash: String?
    if let index {
      var parts: [String] = []
      for file in unit.files {
        guard let data = FileManager.default.contents(atPath: file) else { break }
        parts.append(GraphIndex.contentHash(of: [UInt8](data)))
      }
      if parts.count == unit.files.count {
        let combined = parts.count == 1 ? parts[0] : GraphIndex.contentHash(of: Array(parts.joined(separator: "+").utf8))
        hash = combined
        if let cached = try? index.cachedFile(path: unit.primary, contentHash: combined) {
          let doc = ExtractedDocument(document: cached.document, mentions: cached.mentions)
          return UnitResult(
            document: doc, outcomes: outcomes(for: unit, document: cached.document, notes: ["unchanged since the last build"]),
            hash: combined, cached: true)
        }
      }
    }
    let (document, outcomes) = read(unit, reader: reader)
    guard let document else { return UnitResult(document: nil, outcomes: outcomes, hash: nil, cached: false) }
    let extracted = ExtractedDocument(document: document, mentions: extractor.mentions(in: document))
    return UnitResult(document: extracted, outcomes: outcomes, hash: hash, cached: false)
  }

  /// Reads a unit: its primary file with its metadata files merged in. A metadata file that fails
  /// is reported and the document is still read; when the document fails, its metadata record
  /// stands on its own.
  static func read(_ unit: InputUnit, reader: DocumentReader) -> (Document?, [FileOutcome]) {
    var outcomes: [FileOutcome] = []
    var metadata: [(String, Document)] = []
    for companion in unit.companions {
      do throws(DocumentError) {
        metadata.append((companion, try reader.read(path: companion)))
      } catch {
        outcomes.append(FileOutcome(path: companion, status: .failed, reason: "\(error)"))
      }
    }
    var document: Document
    do throws(DocumentError) {
      document = try reader.read(path: unit.primary)
    } catch {
      outcomes.append(FileOutcome(path: unit.primary, status: .failed, reason: "\(error)"))
      guard let (path, record) = metadata.first else { return (nil, outcomes) }
      outcomes.append(FileOutcome(path: path, status: .read, format: record.format, notes: ["its document \(unit.primary) failed"]))
      return (record, outcomes)
    }
    for (path, record) in metadata {
      document = DocumentReader.merge(document, metadata: record)
      outcomes.append(FileOutcome(path: path, status: .read, format: record.format, notes: ["merged into \(unit.primary)"]))
    }
    for outcome in outcomes where outcome.status == .failed {
      document.notes.append("metadata file \(outcome.path) not merged: \(outcome.reason ?? "")")
    }
    outcomes.append(FileOutcome(path: unit.primary, status: .read, format: document.format, notes: document.notes))
    return (document, outcomes)
  }

  static func outcomes(for unit: InputUnit, document: Document, notes: [String]) -> [FileOutcome] {
    var result = [FileOutcome(path: unit.primary, status: .read, format: document.format, notes: document.notes + notes)]
    for companion in unit.companions {
      result.append(
        FileOutcome(path: companion, status: .read, format: .koopMetadata, notes: ["merged into \(unit.primary)"]))
    }
    return result
  }
}
