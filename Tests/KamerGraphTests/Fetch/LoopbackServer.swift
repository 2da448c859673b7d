import Foundation
@testable import KamerGraphFetch

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the fetch tests: one thread per connection, one
/// request per connection (`Connection: close`). Each answer comes from `handler`, which can also
/// ask for the faults a real source shows: a delay before the answer, a body cut off before its
/// Content-Length. It logs every request, so tests count what reached the network.
final class LoopbackServer: @unchecked Sendable {
  struct Request: Sendable {
    var method: String
    /// Path and query as sent (`/sru?operation=...`).
    var target: String
    /// Header names lower-case.
    var headers: [String: String]
    /// The target with its query percent-decoded (for matching in handlers).
    var decodedTarget: String { target.removingPercentEncoding ?? target }
  }

  struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// Seconds to wait before answering.
    var delay: Double = 0
    /// Sent as Content-Length instead of the body's length (then the connection closes): a truncated body.
    var declaredLength: Int?
    /// Send this many bytes of the answer, then wait `stall` seconds before the rest (a download
    /// in progress, for kill tests).
    var stallAfter: Int?
    var stall: Double = 0

    static func ok(_ body: [UInt8], type: String, headers: [(String, String)] = []) -> Reply {
      Reply(status: 200, headers: [("Content-Type", type)] + headers, body: body)
    }
    static func status(_ code: Int, _ headers: [(String, String)] = []) -> Reply {
      Reply(status: code, headers: headers + [("Content-Type", "text/plain")], body: Array("status \(code)\n".utf8))
    }
  }

  let port: UInt16
  var base: String { "http://127.0.0.1:\(port)" }
  private let listener: Int32
  private let handler: @Sendable (Request, LoopbackServer) -> Reply
  private let lock = NSLock()
  private var requests: [Request] = []

  init(handler: @escaping @Sendable (Request, LoopbackServer) -> Reply) throws {
    self.handler = handler
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    listener = fd
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  /// Every request so far.
  var log: [Request] { lock.withLock { requests } }

  /// Requests whose target starts with `prefix`.
  func count(_ prefix: String) -> Int { log.filter { $0.target.hasPrefix(prefix) }.count }

  private var stopped = false

  /// Closes the listening socket, once (a second close could close a descriptor reused since).
  func stop() {
    let first: Bool = lock.withLock {
      defer { stopped = true }
      return !stopped
    }
    guard first else { return }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func acceptLoop() {
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR && !lock.withLock({ stopped }) { continue }
        return
      }
      if lock.withLock({ stopped }) {
        close(client)
        return
      }
      let thread = Thread { [self] in serve(client) }
      thread.start()
    }
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !buffer.containsHeaderEnd {
      let n = recv(client, &chunk, chunk.count, 0)
      if n <= 0 { return }
      buffer += chunk[0..<n]
      if buffer.count > 65536 { return }
    }
    let head = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
    var lines = head.components(separatedBy: "\r\n")
    let start = lines.removeFirst().split(separator: " ").map(String.init)
    guard start.count >= 2 else { return }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let request = Request(method: start[0], target: start[1], headers: headers)
    lock.withLock { requests.append(request) }
    let reply = handler(request, self)
    if reply.delay > 0 { Thread.sleep(forTimeInterval: reply.delay) }
    var text = "HTTP/1.1 \(reply.status) \(Self.reason(reply.status))\r\n"
    for (name, value) in reply.headers { text += "\(name): \(value)\r\n" }
    text += "Content-Length: \(reply.declaredLength ?? reply.body.count)\r\nConnection: close\r\n\r\n"
    let bytes = Array(text.utf8) + reply.body
    var sent = 0
    var stalled = false
    while sent < bytes.count {
      let end = !stalled && reply.stallAfter != nil ? min(bytes.count, text.utf8.count + reply.stallAfter!) : bytes.count
      if sent == end {
        stalled = true
        Thread.sleep(forTimeInterval: reply.stall)
        continue
      }
      let n = bytes[sent..<end].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n <= 0 { return }
      sent += n
    }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 302: return "Found"
    case 304: return "Not Modified"
    case 404: return "Not Found"
    case 410: return "Gone"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 503: return "Service Unavailable"
    default: return "Status"
    }
  }
}

extension Array where Element == UInt8 {
  fileprivate var containsHeaderEnd: Bool {
    guard count >= 4 else { return false }
    for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 { return true }
    return false
  }
}
