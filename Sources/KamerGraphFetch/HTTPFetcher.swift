import Dispatch
import Foundation
import KamerGraph

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP answer: status, headers (names lower-case) and body.
struct HTTPAnswer: Sendable {
  var status: Int
  var headers: [String: String]
  var body: [UInt8]
  /// The URL that answered (after redirects).
  var url: URL
}

/// GET requests through URLSession (FoundationNetworking on Linux), made polite: a User-Agent,
/// a minimum interval per host, retries with doubling backoff on 5xx and timeouts, `Retry-After`
/// on 429/503, a per-request timeout, a size cap and a redirect limit. Requests are made one at a
/// time; every attempt is counted (`requests`), so tests can tell cache hits from downloads.
final class HTTPFetcher: @unchecked Sendable {
  let politeness: Politeness
  /// Waits this many seconds (tests record the waits instead of sleeping).
  private let sleep: @Sendable (Double) -> Void
  private let clock: @Sendable () -> Double
  private let lock = NSLock()
  private var lastStart: [String: Double] = [:]
  private var attempts = 0
  private var received = 0

  init(
    politeness: Politeness, sleep: @escaping @Sendable (Double) -> Void = { if $0 > 0 { Thread.sleep(forTimeInterval: $0) } },
    clock: @escaping @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }
  ) {
    self.politeness = politeness
    self.sleep = sleep
    self.clock = clock
  }

  /// Requests sent so far (each retry counts).
  var requests: Int { lock.withLock { attempts } }
  /// Body bytes received so far.
  var bytes: Int { lock.withLock { received } }

  /// GETs `url` with `headers`; returns a 2xx or 304 answer, or throws after the retries.
  func get(_ url: URL, headers: [String: String] = [:]) throws(FetchError) -> HTTPAnswer {
    var attempt = 0
    while true {
      let failure: FetchError
      var wait = politeness.backoff * pow(2, Double(attempt))
      do throws(FetchError) {
        let answer = try once(url, headers: headers)
        switch answer.status {
        case 200..<300, 304:
          return answer
        case 404, 410:
          throw FetchError.notFound(url: url.absoluteString, status: answer.status)
        case 300..<400:
          throw FetchError.tooManyRedirects(url: url.absoluteString)
        case 429, 503:
          if let after = answer.headers["retry-after"].flatMap({ Self.retryAfter($0, now: Date()) }) {
            wait = min(after, politeness.maxRetryAfter)
          }
          failure = .status(url: url.absoluteString, status: answer.status)
        default:
          failure = .status(url: url.absoluteString, status: answer.status)
        }
      } catch {
        failure = error
      }
      guard failure.isTransient, attempt < politeness.retries else { throw failure }
      attempt += 1
      sleep(wait)
    }
  }

  /// The seconds a `Retry-After` value asks for: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
  static func retryAfter(_ value: String, now: Date) -> Double? {
    let text = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Double(text), seconds >= 0 { return seconds }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { return nil }
    return max(0, date.timeIntervalSince(now))
  }

  /// Waits until the host may be asked again, then notes the start of a request.
  private func pace(_ host: String) {
    let interval = politeness.requestsPerSecond > 0 ? 1 / politeness.requestsPerSecond : 0
    let wait: Double = lock.withLock {
      let now = clock()
      let next = (lastStart[host] ?? -Double.infinity) + interval
      let start = max(now, next)
      lastStart[host] = start
      attempts += 1
      return start - now
    }
    if wait > 0 { sleep(wait) }
  }

  /// One request in flight per process: FoundationNetworking on Linux shares one libcurl driver
  /// between sessions, and concurrent sessions that time out or cancel were seen to crash it
  /// (an index out of range in `_NativeProtocol.failWith`). Fetching is sequential anyway.
  private static let inFlight = NSLock()

  /// URLSession on Linux arms its timeout in whole seconds (`Int(timeoutInterval)`), so less than
  /// one second would time out at once.
  var effectiveTimeout: Double { max(1, politeness.timeout) }

  /// One attempt, no retries.
  private func once(_ url: URL, headers: [String: String]) throws(FetchError) -> HTTPAnswer {
    pace(url.host ?? "")
    Self.inFlight.lock()
    defer { Self.inFlight.unlock() }
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: effectiveTimeout)
    request.setValue(politeness.userAgent, forHTTPHeaderField: "User-Agent")
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = effectiveTimeout
    configuration.timeoutIntervalForResource = effectiveTimeout * 4
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    let collector = Collector(limit: politeness.maxBytes, maxRedirects: politeness.maxRedirects)
    let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
    session.dataTask(with: request).resume()
    collector.done.wait()
    session.finishTasksAndInvalidate()
    let state = collector.result()
    lock.withLock { received += state.body.count }
    let text = url.absoluteString
    if state.tooLarge { throw .tooLarge(url: text, limit: politeness.maxBytes) }
    if state.tooManyRedirects { throw .tooManyRedirects(url: text) }
    if let error = state.error {
      if let urlError = error as? URLError {
        switch urlError.code {
        case .timedOut: throw .timedOut(url: text)
        case .httpTooManyRedirects, .redirectToNonExistentLocation: throw .tooManyRedirects(url: text)
        default: break
        }
      }
      throw .transport(url: text, message: "the connection failed: \(error.localizedDescription)")
    }
    guard let response = state.response else { throw .transport(url: text, message: "no answer") }
    var headers: [String: String] = [:]
    for (key, value) in response.allHeaderFields {
      if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
    }
    // A body shorter than its Content-Length was cut off (the connection closed early).
    if response.statusCode == 200, let declared = headers["content-length"].flatMap(Int.init),
      headers["content-encoding"] == nil, declared != state.body.count
    {
      throw .transport(url: text, message: "the body was cut off (\(state.body.count) of \(declared) bytes)")
    }
    return HTTPAnswer(status: response.statusCode, headers: headers, body: state.body, url: response.url ?? url)
  }
}

/// Gathers one task's answer, stopping at the size cap and the redirect limit.
private final class Collector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  struct State {
    var body: [UInt8] = []
    var response: HTTPURLResponse?
    var error: (any Error)?
    var redirects = 0
    var tooLarge = false
    var tooManyRedirects = false
  }
  let limit: Int
  let maxRedirects: Int
  let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var state = State()

  init(limit: Int, maxRedirects: Int) {
    self.limit = limit
    self.maxRedirects = maxRedirects
  }

  func result() -> State { lock.withLock { state } }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    let tooLarge = response.expectedContentLength > Int64(limit)
    lock.withLock {
      state.response = response as? HTTPURLResponse
      if tooLarge { state.tooLarge = true }
    }
    completionHandler(tooLarge ? .cancel : .allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let over: Bool = lock.withLock {
      if state.tooLarge { return true }
      if state.body.count + data.count > limit {
        state.tooLarge = true
        return true
      }
      state.body.append(contentsOf: data)
      return false
    }
    if over { dataTask.cancel() }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    let allowed: Bool = lock.withLock {
      state.redirects += 1
      if state.redirects > maxRedirects { state.tooManyRedirects = true }
      return !state.tooManyRedirects
    }
    completionHandler(allowed ? request : nil)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    lock.withLock {
      state.error = error
      if state.response == nil { state.response = task.response as? HTTPURLResponse }
    }
    done.signal()
  }
}
