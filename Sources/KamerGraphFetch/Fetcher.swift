import Foundation
import KamerGraph

/// What `kamergraph fetch` is asked to do, apart from the ids.
public struct FetchOptions: Sendable {
  public var sources: FetchSources
  public var politeness: Politeness
  /// Follow what the fetched documents cite, up to this many steps (0: only the ids given).
  public var follow: Int
  /// Stop after this many ids have been looked up (the given ids first, then breadth first).
  public var maxDocuments: Int
  /// Answer from the cache only; what is missing is reported with the URL that would be fetched.
  public var offline: Bool
  /// Cached answers older than this are confirmed with a conditional request (If-None-Match /
  /// If-Modified-Since); newer ones are used without asking. nil: every cached answer is used.
  public var revalidateBefore: Date?
  /// While following, also search KOOP for the publications that cite each publication looked up
  /// (full text, `cql.textAndIndexes`), keeping at most this many per id (0: never search).
  public var citedBy: Int
  /// A 404 or 410 from a source is remembered in the cache; the URL is not asked again until it
  /// is this many seconds old (0: always asked again).
  public var retryMissingAfter: TimeInterval

  public init(
    sources: FetchSources, politeness: Politeness = Politeness(), follow: Int = 0, maxDocuments: Int = 100,
    offline: Bool = false, revalidateBefore: Date? = nil, citedBy: Int = 10, retryMissingAfter: TimeInterval = 7 * 86400
  ) {
    self.citedBy = citedBy
    self.retryMissingAfter = retryMissingAfter
    self.sources = sources
    self.politeness = politeness
    self.follow = follow
    self.maxDocuments = maxDocuments
    self.offline = offline
    self.revalidateBefore = revalidateBefore
  }
}

/// What became of one id.
public struct FetchItem: Sendable, Equatable {
  public enum Status: String, Sendable, Equatable {
    /// At least one file was downloaded.
    case fetched
    /// Everything came from the cache, without a download.
    case cached
    /// The source does not have it (`detail` names the URL tried).
    case notFound = "not found"
    /// The source could not be asked or answered wrongly (`detail` says why).
    case failed
    /// `--offline`, and something is not in the cache (`detail` names the URL that would be fetched).
    case offline
    /// Not looked up: `--max-documents` was reached first.
    case skipped
  }
  public var id: String
  /// 0 for an id given; n for one found n citation steps away.
  public var depth: Int
  /// The id whose document cited this one (nil for an id given).
  public var citedBy: String?
  /// Found the other way: this document cites that id (a cited-by search, `FetchOptions.citedBy`).
  public var cites: String? = nil
  public var status: Status
  /// The document files in the cache, relative to its documents/ folder, sorted.
  public var files: [String]
  public var detail: String
}

/// The outcome of a fetch run: one item per id, in the order they were looked up.
public struct FetchReport: Sendable {
  public var items: [FetchItem]
  /// HTTP requests sent (retries and conditional requests included).
  public var requests: Int
  /// Body bytes received.
  public var bytes: Int
  public var failedCount: Int { items.filter { $0.status == .failed }.count }
}

/// Counts for a progress line.
public struct FetchProgress: Sendable, Equatable {
  public var fetched = 0
  public var cached = 0
  public var queued = 0
  public var failed = 0
  public var bytes = 0
}

/// Resolves ids at the official sources, stores the documents in a `FetchCache`, and follows what
/// they cite breadth first.
///
/// - KOOP ids (`ah-tk-`, `kv-tk-`, `kst-`, `h-tk-`, `stb-`, `stcrt-`, `trb-`, `blg-`, ...): an SRU
///   search on `dt.identifier`, then the record's XML (or PDF) and its metadata.xml.
/// - zaak, Tweede Kamer document number, kenmerk: the Tweede Kamer OData (`TKOData`), then each
///   document through its KOOP id (`DocumentVersie.ExterneIdentifier`) or else its own file.
/// - ECLI: Rechtspraak open data.
///
/// Citations are read by the same `BuildPipeline` that `build` runs, over the cache's documents.
public final class Fetcher: @unchecked Sendable {
  public let cache: FetchCache
  public let options: FetchOptions
  let http: HTTPFetcher
  private var progress = FetchProgress()
  private var onProgress: ((FetchProgress) -> Void)?

  public convenience init(cache: FetchCache, options: FetchOptions) {
    self.init(cache: cache, options: options, http: HTTPFetcher(politeness: options.politeness))
  }

  init(cache: FetchCache, options: FetchOptions, http: HTTPFetcher) {
    self.cache = cache
    self.options = options
    self.http = http
  }

  /// Requests sent so far.
  public var requests: Int { http.requests }

  /// The kinds that are looked up when cited (not dossiers, laws, kenmerken or URLs).
  static let followedKinds: Set<ReferenceKind> = [
    .kamerstuk, .aanhangsel, .kamervragen, .handelingen, .staatsblad, .staatscourant, .tractatenblad, .koop, .ecli,
    .zaak, .tkdocument,
  ]

  /// Fetches `ids` (and, with `follow`, what they cite). `onProgress` is called after each id.
  public func run(ids: [String], onProgress: ((FetchProgress) -> Void)? = nil) -> FetchReport {
    self.onProgress = onProgress
    var items: [FetchItem] = []
    var seen = Set<String>()
    var level: [Step] = []
    for id in ids.map(Self.normalise) where seen.insert(id).inserted { level.append(Step(id: id)) }
    var depth = 0
    var looked = 0
    while !level.isEmpty {
      var levelFiles: [String: String] = [:]  // file -> id
      var searched: [(id: String, item: Int)] = []  // ids whose citing documents are searched for
      progress.queued = level.count
      for (offset, entry) in level.enumerated() {
        progress.queued = level.count - offset - 1
        guard looked < options.maxDocuments else {
          items.append(
            FetchItem(
              id: entry.id, depth: depth, citedBy: entry.citedBy, cites: entry.cites, status: .skipped, files: [],
              detail: "--max-documents \(options.maxDocuments) reached"))
          continue
        }
        looked += 1
        var item = lookUp(entry.id, depth: depth, citedBy: entry.citedBy)
        item.cites = entry.cites
        for file in item.files { levelFiles[file] = entry.id }
        if let kind = ReferenceKind.of(id: entry.id), Self.citedByKinds.contains(kind) { searched.append((entry.id, items.count)) }
        items.append(item)
        report(item)
      }
      // Past the cap the next level is still listed (as skipped), so the user sees what was left.
      guard depth < options.follow else { break }
      depth += 1
      level = (levelFiles.isEmpty ? [] : citations(of: levelFiles)).map { Step(id: $0.id, citedBy: $0.citedBy) }.filter { seen.insert($0.id).inserted }
      // The other direction: documents that cite what this level looked up (a paper trail whose
      // documents cite a common source and not each other, such as two answers citing one earlier).
      // Not once the cap is reached: what they found could not be looked up.
      if options.citedBy > 0 && looked < options.maxDocuments {
        for (id, index) in searched {
          let (found, note) = citing(id)
          items[index].detail += note
          level += found.filter { seen.insert($0).inserted }.map { Step(id: $0, cites: id) }
        }
      }
    }
    return FetchReport(items: items, requests: http.requests, bytes: http.bytes)
  }

  private func report(_ item: FetchItem) {
    switch item.status {
    case .fetched: progress.fetched += 1
    case .cached: progress.cached += 1
    case .failed, .notFound, .offline: progress.failed += 1
    case .skipped: break
    }
    progress.bytes = http.bytes
    onProgress?(progress)
  }

  /// One id to look up, and how it was found.
  private struct Step {
    var id: String
    var citedBy: String? = nil
    var cites: String? = nil
  }

  /// The kinds whose citing documents are searched for at KOOP (`FetchOptions.citedBy`).
  static let citedByKinds: Set<ReferenceKind> = [
    .kamerstuk, .aanhangsel, .kamervragen, .handelingen, .staatsblad, .staatscourant, .tractatenblad, .koop,
  ]

  /// The KOOP publications that cite `id`, by one SRU search (`FetchSources.sruCitingURL`), at most
  /// `citedBy` of them, with a note for the id's line: how many were found, or why the search failed.
  private func citing(_ id: String) -> (ids: [String], note: String) {
    let url = options.sources.sruCitingURL(id, maximumRecords: options.citedBy)
    var scratch = Gathered()
    do throws(FetchError) {
      let answer = try get(url, document: nil, expect: .xml, into: &scratch)
      let found = try SRURecord.parse(answer, source: url.absoluteString).map(\.identifier)
        .filter { !$0.isEmpty && $0.lowercased() != id.lowercased() }
      var unique: [String] = []
      for f in found where !unique.contains(f) { unique.append(f) }
      let kept = Array(unique.prefix(options.citedBy))
      return (kept, kept.isEmpty ? "" : "; cited by \(kept.count) found by search")
    } catch .notCached {
      return ([], "; offline: the search for documents citing it is not in the cache")
    } catch {
      return ([], "; the search for documents citing it failed: \(error.description)")
    }
  }

  /// `7 days`, `1 day`, `2.5 days`.
  static func days(_ seconds: TimeInterval) -> String {
    let d = seconds / 86400
    let text = d == d.rounded() ? String(Int(d)) : String(format: "%.2g", d)
    return "\(text) day\(d == 1 ? "" : "s")"
  }

  /// `ECLI:nl:hr:...` upper-case; a kenmerk keeps its case; others as given, trimmed.
  static func normalise(_ id: String) -> String {
    let trimmed = id.trimmingCharacters(in: .whitespaces)
    if trimmed.uppercased().hasPrefix("ECLI:") { return trimmed.uppercased() }
    return trimmed
  }

  /// The ids the documents of `files` cite, in id order, with the citing id. Only these files are
  /// read (a document and its metadata.xml are both among them, and are paired as `build` pairs them).
  func citations(of files: [String: String]) -> [(id: String, citedBy: String?)] {
    var options = BuildOptions()
    options.threads = 1
    let paths = files.keys.sorted().map { cache.documents.appendingPathComponent($0).path }
    let result = try? BuildPipeline(options: options).build(paths: paths, index: nil)
    guard let graph = result?.graph else { return [] }
    var sources: [String: String] = [:]  // node id -> the id looked up
    for node in graph.nodes {
      for path in node.paths {
        if let by = files[URL(fileURLWithPath: path).lastPathComponent] { sources[node.id] = by }
      }
    }
    var out: [String: String] = [:]
    for edge in graph.edges {
      guard let by = sources[edge.source], edge.target != edge.source, let kind = ReferenceKind.of(id: edge.target),
        Self.followedKinds.contains(kind)
      else { continue }
      if out[edge.target] == nil || by < out[edge.target]! { out[edge.target] = by }
    }
    return out.keys.sorted().map { ($0, out[$0]) }
  }

  // MARK: - One id

  /// Whether something was downloaded, and the files.
  private struct Gathered {
    var files: [String] = []
    /// The URLs whose answers are `files`.
    var urls: [String] = []
    var downloaded = false
  }

  private func lookUp(_ id: String, depth: Int, citedBy: String?) -> FetchItem {
    var gathered = Gathered()
    func item(_ status: FetchItem.Status, _ detail: String) -> FetchItem {
      FetchItem(id: id, depth: depth, citedBy: citedBy, status: status, files: gathered.files.sorted(), detail: detail)
    }
    do throws(FetchError) {
      guard let kind = ReferenceKind.of(id: id) else {
        throw FetchError.unsupported(id: id, message: "not an id that can be fetched (a zaak, kenmerk:..., a KOOP id or an ECLI)")
      }
      let detail: String
      switch kind {
      case .kamerstuk, .aanhangsel, .kamervragen, .handelingen, .staatsblad, .staatscourant, .tractatenblad, .koop:
        detail = try koop(id, into: &gathered)
      case .zaak:
        detail = try tk(TKOData.zaakQuery(nummer: id), for: id, into: &gathered)
      case .tkdocument:
        detail = try tk(TKOData.documentQuery(nummer: id), for: id, into: &gathered)
      case .kenmerk:
        detail = try tk(TKOData.kenmerkQuery(String(id.dropFirst("kenmerk:".count))), for: id, into: &gathered)
      case .ecli:
        let url = options.sources.rechtspraakURL(ecli: id)
        let name = id.replacingOccurrences(of: ":", with: "_") + ".xml"
        _ = try get(url, document: name, expect: .xml, into: &gathered)
        detail = url.absoluteString
      default:
        throw FetchError.unsupported(id: id, message: "a \(kind.rawValue) is not looked up at a source")
      }
      return item(gathered.downloaded ? .fetched : .cached, detail)
    } catch .notFound(let url, let status) {
      return item(.notFound, "\(url) (HTTP \(status))")
    } catch .rememberedMissing(let url, let status, let at) {
      let again = options.offline ? "" : "; asked again \(Self.days(options.retryMissingAfter)) after that (--retry-missing-after)"
      return item(.notFound, "\(url) (HTTP \(status) at \(at), remembered\(again))")
    } catch .notCached(let url) {
      return item(.offline, "would fetch \(url)")
    } catch {
      return item(.failed, error.description)
    }
  }

  /// A KOOP publication: the SRU record, then its XML (or PDF) and its metadata.xml.
  private func koop(_ id: String, into gathered: inout Gathered) throws(FetchError) -> String {
    let search = options.sources.sruURL(identifier: id)
    let answer = try get(search, document: nil, expect: .xml, into: &gathered)
    let records = try SRURecord.parse(answer, source: search.absoluteString)
    guard let record = records.first(where: { $0.identifier.lowercased() == id.lowercased() }) ?? records.first else {
      throw FetchError.notFound(url: search.absoluteString, status: 200)
    }
    let name = record.identifier.isEmpty ? id : record.identifier
    let main: (String, String, Expectation)
    if let xml = record.items["xml"] {
      main = (xml, name + ".xml", .xml)
    } else if let pdf = record.items["pdf"] {
      main = (pdf, name + ".pdf", .any)
    } else if let url = record.url {
      main = (url, name + "." + (URL(string: url)?.pathExtension.lowercased() ?? "xml"), .any)
    } else {
      throw FetchError.notFound(url: search.absoluteString, status: 200)
    }
    guard let mainURL = URL(string: main.0) else { throw FetchError.unexpectedContent(url: search.absoluteString, message: "the record's URL \(main.0) is not a URL") }
    _ = try get(mainURL, document: main.1, expect: main.2, into: &gathered)
    if let metadata = record.items["metadata"].flatMap(URL.init(string:)) {
      do throws(FetchError) {
        _ = try get(metadata, document: name + ".metadata.xml", expect: .xml, into: &gathered)
      } catch .notFound {
        // The document without its metadata record is still the document.
      } catch .rememberedMissing {
        // Likewise, when an earlier run found it missing.
      }
    }
    return mainURL.absoluteString
  }

  /// A Tweede Kamer OData query; each document through its KOOP id, or else its own file.
  private func tk(_ query: String, for id: String, into gathered: inout Gathered) throws(FetchError) -> String {
    let url = options.sources.odataURL(query)
    let answer = try get(url, document: nil, expect: .json, into: &gathered)
    let (matches, documents) = try TKDocumentRecord.parse(answer, source: url.absoluteString)
    guard matches > 0 else { throw FetchError.notFound(url: url.absoluteString, status: 200) }
    var firstError: FetchError?
    for document in documents {
      do throws(FetchError) {
        var own = Gathered()
        defer {
          gathered.files += own.files
          gathered.urls += own.urls
          gathered.downloaded = gathered.downloaded || own.downloaded
        }
        try tkDocument(document, into: &own)
        if !options.offline {
          try cache.saveTK(
            TKCachedDocument(
              guid: document.id, nummer: document.nummer, zaken: document.zaken.map(\.id).sorted(), files: Array(Set(own.files)).sorted(),
              urls: Array(Set(own.urls)).sorted()))
        }
      } catch .notCached(let url) {
        throw FetchError.notCached(url: url)
      } catch {
        if firstError == nil { firstError = error }
      }
    }
    if let firstError, gathered.files.isEmpty { throw firstError }
    return url.absoluteString
  }

  /// One Tweede Kamer document: through its KOOP id when KOOP has it, else its own file.
  private func tkDocument(_ document: TKDocumentRecord, into gathered: inout Gathered) throws(FetchError) {
    if let external = document.externeIdentifier, let kind = ReferenceKind.of(id: external), Self.followedKinds.contains(kind),
      kind != .zaak, kind != .tkdocument
    {
      do throws(FetchError) {
        _ = try koop(external, into: &gathered)
        return
      } catch .notFound {
        // Not (yet) at KOOP: the Tweede Kamer's own file below.
      } catch .rememberedMissing {
        // Not at KOOP when last asked: likewise.
      }
    }
    let resource = options.sources.tkResourceURL(documentID: document.id)
    let ext = Self.fileExtension(document.extensie)
    _ = try get(resource, document: document.nummer + "." + ext, expect: ext == "xml" ? .xml : .any, into: &gathered)
    // Its own file carries none of the OData metadata: a sidecar that build merges (TKSidecar).
    let name = document.nummer + ".metadata.xml"
    let sidecar = TKSidecar.metadata(for: document)
    let target = cache.documents.appendingPathComponent(name)
    if FileManager.default.contents(atPath: target.path).map([UInt8].init) != sidecar { try cache.write(sidecar, to: target) }
    gathered.files.append(name)
  }

  /// `.docx`, `docx`, nil -> `docx`, ..., `pdf` for nothing known.
  static func fileExtension(_ extensie: String?) -> String {
    let e = (extensie ?? "").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    let known: Set<String> = ["pdf", "docx", "doc", "odt", "xml", "html", "txt"]
    return known.contains(e) ? e : "pdf"
  }

  // MARK: - Cache and network

  enum Expectation { case xml, json, any }

  /// The body of `url`: from the cache when it is there (confirmed with a conditional request
  /// when older than `revalidateBefore`), else downloaded, checked and stored.
  private func get(_ url: URL, document: String?, expect: Expectation, into gathered: inout Gathered) throws(FetchError) -> [UInt8] {
    if let entry = cache.entry(for: url) {
      let (record, body) = (entry.provenance, entry.body)
      let stale = options.revalidateBefore.map { limit in
        (FetchCache.date(record.checkedAt ?? record.fetchedAt) ?? .distantPast) < limit
      } ?? false
      if !stale || options.offline {
        note(record, document: document, into: &gathered)
        return body
      }
      var headers: [String: String] = [:]
      if let etag = record.etag { headers["If-None-Match"] = etag }
      if let modified = record.lastModified { headers["If-Modified-Since"] = modified }
      let answer = try fromSource(url, headers: headers)
      if answer.status == 304 {
        try cache.confirm(record, for: url)
        note(record, document: document, into: &gathered)
        return body
      }
      return try keep(answer, from: url, document: document, expect: expect, into: &gathered)
    }
    // A 404/410 remembered (`FetchCache.missing`): not asked again within the period, and
    // reported as such offline.
    if let missing = cache.missing(for: url) {
      let age = Date().timeIntervalSince(FetchCache.date(missing.at) ?? .distantPast)
      if options.offline || age < options.retryMissingAfter {
        throw .rememberedMissing(url: url.absoluteString, status: missing.status, at: missing.at)
      }
    }
    if options.offline { throw .notCached(url: url.absoluteString) }
    let answer = try fromSource(url, headers: [:])
    guard answer.status != 304 else { throw .unexpectedContent(url: url.absoluteString, message: "304 Not Modified to an unconditional request") }
    return try keep(answer, from: url, document: document, expect: expect, into: &gathered)
  }

  /// A request to the source; a 404 or 410 is remembered in the cache with its time.
  private func fromSource(_ url: URL, headers: [String: String]) throws(FetchError) -> HTTPAnswer {
    do throws(FetchError) {
      return try http.get(url, headers: headers)
    } catch .notFound(let u, let status) {
      try cache.recordMissing(url, status: status)
      throw .notFound(url: u, status: status)
    }
  }

  private func note(_ record: Provenance, document: String?, into gathered: inout Gathered) {
    guard document != nil else { return }
    gathered.files.append(URL(fileURLWithPath: record.file).lastPathComponent)
    gathered.urls.append(record.url)
  }

  private func keep(_ answer: HTTPAnswer, from url: URL, document: String?, expect: Expectation, into gathered: inout Gathered) throws(FetchError) -> [UInt8] {
    switch expect {
    case .xml: try ContentCheck.xml(answer.body, url: url.absoluteString)
    case .json:
      if (try? JSONSerialization.jsonObject(with: Data(answer.body))) == nil {
        let start = String(decoding: answer.body.prefix(40), as: UTF8.self)
        throw .unexpectedContent(url: url.absoluteString, message: "expected JSON, got \(start.debugDescription)")
      }
    case .any:
      if answer.body.isEmpty { throw .unexpectedContent(url: url.absoluteString, message: "the answer is empty") }
    }
    let record = try cache.store(answer.body, from: url, headers: answer.headers, documentName: document)
    gathered.downloaded = true
    note(record, document: document, into: &gathered)
    return answer.body
  }
}
