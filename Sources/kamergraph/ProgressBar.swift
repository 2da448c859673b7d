import Foundation
import Synchronization

/// A one-line progress bar on stderr, shown only when stderr is a terminal (see `run`).
enum ProgressBar {
  private static let shown = Mutex((last: -1, drawn: false))

  @Sendable static func update(done: Int, total: Int) {
    guard total >= 200 else { return }  // small builds finish before a bar helps
    let percent = done * 100 / max(1, total)
    let draw = shown.withLock { state -> Bool in
      guard percent != state.last else { return false }
      state = (percent, true)
      return true
    }
    guard draw else { return }
    let width = 30
    let filled = width * done / max(1, total)
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\rreading [\(bar)] \(done)/\(total) files".utf8))
  }

  static func finish() {
    if shown.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
