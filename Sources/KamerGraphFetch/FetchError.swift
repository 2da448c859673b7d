import KamerGraph
/// What can go wrong while fetching one document or one answer from a source. Each case says
/// what the user can do; the per-id summary prints `description`.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A base URL from an option or the environment is not an http(s) URL: give one such as https://repository.overheid.nl.
  case badBaseURL(String)
  /// The source answered 404 or 410: the id is not (or no longer) published there.
  case notFound(url: String, status: Int)
  /// A 404 or 410 the cache remembers (at `at`): not asked again within --retry-missing-after.
  case rememberedMissing(url: String, status: Int, at: String)
  /// The source answered with another error status after all retries: try again later.
  case status(url: String, status: Int)
  /// No answer within the per-request timeout, after all retries: try again later or raise --timeout.
  case timedOut(url: String)
  /// The connection failed or broke off (a truncated body): try again later.
  case transport(url: String, message: String)
  /// The answer is larger than the size cap: raise --max-bytes if the document is expected to be that large.
  case tooLarge(url: String, limit: Int)
  /// More redirects than allowed (a loop): the source is misconfigured; report it to its maintainer.
  case tooManyRedirects(url: String)
  /// The answer is not what was asked for (an HTML error page where XML was expected, JSON that does not parse).
  case unexpectedContent(url: String, message: String)
  /// `--offline` and the answer is not in the cache: run without --offline to fetch it.
  case notCached(url: String)
  /// The cache folder cannot be written: check its permissions and free space.
  case cache(path: String, message: String)
  /// The id names nothing that can be fetched (a person, a law, a kenmerk no source knows).
  case unsupported(id: String, message: String)

  public var description: String {
    switch self {
    case .badBaseURL(let text): return "'\(text)' is not an http(s) URL"
    case .notFound(let url, let status): return "not found at the source (HTTP \(status), \(url))"
    case .rememberedMissing(let url, let status, let at): return "not found at the source (HTTP \(status) at \(at), remembered; \(url))"
    case .status(let url, let status): return "HTTP \(status) from \(url) (after retries)"
    case .timedOut(let url): return "no answer within the timeout from \(url) (after retries)"
    case .transport(let url, let message): return "\(message) (\(url))"
    case .tooLarge(let url, let limit): return "the answer from \(url) is larger than the cap of \(limit) bytes"
    case .tooManyRedirects(let url): return "too many redirects from \(url) (a redirect loop?)"
    case .unexpectedContent(let url, let message): return "\(message) (\(url))"
    case .notCached(let url): return "offline and not in the cache: would fetch \(url)"
    case .cache(let path, let message): return "cache \(path): \(message)"
    case .unsupported(let id, let message): return "\(id): \(message)"
    }
  }

  /// True when a later attempt may succeed (5xx, timeouts, broken connections).
  var isTransient: Bool {
    switch self {
    case .status(_, let status): return status >= 500 || status == 429
    case .timedOut, .transport: return true
    default: return false
    }
  }
}
