import KamerGraph
/// How the fetcher treats a source: who it says it is, how often it asks, how long it waits and
/// how much it accepts. The defaults are polite to the public services; tests lower the waits.
public struct Politeness: Sendable, Equatable {
  /// Sent with every request, so a source's operators can see who asks and reach the project.
  public var userAgent: String
  /// At most this many requests per second to one host (retries included).
  public var requestsPerSecond: Double
  /// Seconds without an answer before a request is given up (and retried).
  public var timeout: Double
  /// Further attempts after a 5xx, 429, timeout or broken connection.
  public var retries: Int
  /// Seconds before the first retry; doubled for each next one.
  public var backoff: Double
  /// The longest `Retry-After` that is honoured; a longer one is cut to this.
  public var maxRetryAfter: Double
  /// Answers larger than this many bytes are refused.
  public var maxBytes: Int
  /// Redirects followed for one request; more is taken for a loop.
  public var maxRedirects: Int

  public static let defaultUserAgent = "kamergraph/1.0 (citation graph of Dutch parliamentary documents; polite: few requests per second, cached)"

  public init(
    userAgent: String = Politeness.defaultUserAgent, requestsPerSecond: Double = 2, timeout: Double = 30,
    retries: Int = 3, backoff: Double = 2, maxRetryAfter: Double = 300, maxBytes: Int = 64 << 20,
    maxRedirects: Int = 5
  ) {
    self.userAgent = userAgent
    self.requestsPerSecond = requestsPerSecond
    self.timeout = timeout
    self.retries = retries
    self.backoff = backoff
    self.maxRetryAfter = maxRetryAfter
    self.maxBytes = maxBytes
    self.maxRedirects = maxRedirects
  }
}
