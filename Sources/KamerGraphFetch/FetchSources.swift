import Foundation
import KamerGraph

/// The base URLs of the official sources. Each can be set by an option or an environment
/// variable, so tests and mirrors point elsewhere; without either the public services are used.
public struct FetchSources: Sendable, Equatable {
  /// The KOOP repository: `{koop}/sru` answers CQL searches; its records name the files.
  public var koop: URL
  /// The Tweede Kamer Gegevensmagazijn OData v5 root (entity sets below it).
  public var tk: URL
  /// Rechtspraak open data: `{rechtspraak}/uitspraken/content?id=ECLI:...`.
  public var rechtspraak: URL
  /// The Tweede Kamer SyncFeed root: `{tkSync}/Feed?category=Document&skiptoken=N` (for `sync`).
  public var tkSync: URL

  public static let defaultKOOP = "https://repository.overheid.nl"
  public static let defaultTK = "https://gegevensmagazijn.tweedekamer.nl/OData/v5"
  public static let defaultRechtspraak = "https://data.rechtspraak.nl"
  public static let defaultTKSync = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0"

  /// The environment variables read by `fromEnvironment`.
  public static let koopVariable = "KAMERGRAPH_KOOP_URL"
  public static let tkVariable = "KAMERGRAPH_TK_URL"
  public static let rechtspraakVariable = "KAMERGRAPH_RECHTSPRAAK_URL"
  public static let tkSyncVariable = "KAMERGRAPH_TK_SYNC_URL"

  public init(koop: URL, tk: URL, rechtspraak: URL, tkSync: URL = URL(string: FetchSources.defaultTKSync)!) {
    self.koop = koop
    self.tk = tk
    self.rechtspraak = rechtspraak
    self.tkSync = tkSync
  }

  /// Options first, then the environment, then the public services. Throws for a value that is
  /// not an http(s) URL.
  public static func resolve(
    koop: String? = nil, tk: String? = nil, rechtspraak: String? = nil, tkSync: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(FetchError) -> FetchSources {
    func pick(_ option: String?, _ variable: String, _ fallback: String) throws(FetchError) -> URL {
      let text = option ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
      let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
      guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
        throw FetchError.badBaseURL(text)
      }
      return url
    }
    return FetchSources(
      koop: try pick(koop, koopVariable, defaultKOOP), tk: try pick(tk, tkVariable, defaultTK),
      rechtspraak: try pick(rechtspraak, rechtspraakVariable, defaultRechtspraak),
      tkSync: try pick(tkSync, tkSyncVariable, defaultTKSync))
  }

  /// The SRU search for one KOOP publication id.
  func sruURL(identifier: String) -> URL {
    let cql = "dt.identifier==\"\(identifier)\""
    return url(koop, path: "sru", query: [
      ("operation", "searchRetrieve"), ("version", "2.0"), ("query", cql), ("maximumRecords", "10"),
    ])
  }

  /// The SRU search for the publications that cite `id`: KOOP documents one full-text index,
  /// `cql.textAndIndexes` (the text and every index; it has no index of references), so the query
  /// asks for the id itself (links and metadata carry it) or for how a citation of it is written,
  /// leaving the publication itself out (`A not B`, as KOOP's CQL wants it).
  func sruCitingURL(_ id: String, maximumRecords: Int) -> URL {
    var terms = ["cql.textAndIndexes=\"\(id)\""]
    if let phrase = Self.citationPhrase(id) { terms.append("cql.textAndIndexes=\"\(phrase)\"") }
    let cql = "(\(terms.joined(separator: " or "))) not dt.identifier==\"\(id)\""
    return url(koop, path: "sru", query: [
      ("operation", "searchRetrieve"), ("version", "2.0"), ("query", cql), ("maximumRecords", String(maximumRecords)),
    ])
  }

  /// How running text cites a publication, as words for a phrase search (punctuation and the
  /// dash between the years are not words): `ah-tk-20242025-2790` -> `Aanhangsel Handelingen
  /// vergaderjaar 2024 2025 nr 2790`, `kst-36600-VII-12` -> `36600 VII nr 12`; nil for other ids.
  static func citationPhrase(_ id: String) -> String? {
    let parts = id.split(separator: "-").map(String.init)
    if parts.count == 4, parts[0] == "ah", parts[1] == "tk", parts[2].count == 8, parts[2].allSatisfy(\.isNumber) {
      return "Aanhangsel Handelingen vergaderjaar \(parts[2].prefix(4)) \(parts[2].suffix(4)) nr \(parts[3])"
    }
    if parts.count >= 3, parts[0] == "kst" {
      return (parts[1..<(parts.count - 1)] + ["nr", parts[parts.count - 1]]).joined(separator: " ")
    }
    return nil
  }

  /// An OData query such as `Zaak?$filter=...`, under the TK root.
  func odataURL(_ pathAndQuery: String) -> URL {
    let parts = pathAndQuery.split(separator: "?", maxSplits: 1).map(String.init)
    var items: [(String, String)] = []
    if parts.count == 2 {
      for pair in parts[1].split(separator: "&") {
        let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
        items.append((kv[0], kv.count == 2 ? kv[1] : ""))
      }
    }
    return url(tk, path: parts[0], query: items)
  }

  /// The file of a Tweede Kamer document.
  func tkResourceURL(documentID: String) -> URL {
    url(tk, path: "\(TKOData.Entity.document)(\(documentID))/\(TKOData.resourceSegment)", query: [])
  }

  /// A SyncFeed page of Document entities from `skiptoken` (nil: from the start of the feed).
  func syncFeedURL(skiptoken: String?) -> URL {
    url(tkSync, path: "Feed", query: [("category", TKOData.Entity.document)] + (skiptoken.map { [("skiptoken", $0)] } ?? []))
  }

  /// The open-data XML of a judgment.
  func rechtspraakURL(ecli: String) -> URL {
    url(rechtspraak, path: "uitspraken/content", query: [("id", ecli)])
  }

  private func url(_ base: URL, path: String, query: [(String, String)]) -> URL {
    var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
    let basePath = components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
    components.percentEncodedPath = basePath + "/" + path.addingPercentEncoding(withAllowedCharacters: Self.pathAllowed)!
    if !query.isEmpty {
      components.percentEncodedQuery = query.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: Self.queryAllowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: Self.queryAllowed)!)" }
        .joined(separator: "&")
    }
    return components.url!
  }

  private static let pathAllowed: CharacterSet = {
    var set = CharacterSet.urlPathAllowed
    set.remove(charactersIn: "?#")
    return set
  }()
  private static let queryAllowed: CharacterSet = {
    var set = CharacterSet.alphanumerics
    set.insert(charactersIn: "-._~$")
    return set
  }()
}
