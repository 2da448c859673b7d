import Foundation
import KamerGraph

/// The progress line on stderr for the stages of `build` and `export` (`ProgressDisplay`): only
/// when stderr is a terminal and not --quiet, and each stage only once it has run for a second
/// (`KAMERGRAPH_PROGRESS_AFTER` sets other seconds; the tests use it to make every stage show).
enum ProgressBar {
  /// The display for this run, or nil when nothing may be drawn.
  static func start(quiet: Bool) -> Shown? {
    guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
    let after = ProcessInfo.processInfo.environment["KAMERGRAPH_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
    return Shown(ProgressDisplay(after: max(0, after)) { text in FileHandle.standardError.write(Data(text.utf8)) })
  }

  /// A display with a timer that redraws it (so a stage without steps shows its seconds).
  final class Shown: @unchecked Sendable {  // a dispatch timer may be used from any thread
    let display: ProgressDisplay
    private let timer: any DispatchSourceTimer

    init(_ display: ProgressDisplay) {
      self.display = display
      timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
      timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
      timer.setEventHandler { display.tick() }
      timer.resume()
    }

    /// The build's progress callback.
    var build: @Sendable (BuildProgress) -> Void {
      { [display] in display.update($0.stage.name, done: $0.done, total: $0.total) }
    }

    /// Stops the timer and clears the line.
    func finish() {
      timer.cancel()
      display.finish()
    }
  }
}
