import Foundation
import Synchronization

/// One status line for a terminal that shows how far each running stage has come, such as
/// `reading [########----------------] 3400/10000  writing the index [###...] 1200/4000`.
///
/// Stages report `(name, done, total)` from any thread; a stage ends when `done >= total`. A
/// stage is drawn only once it has run for `after` seconds, so quick stages never flicker, and
/// the line is redrawn at most every `interval` seconds (and when a stage comes or goes). The
/// caller decides whether to show it at all (a terminal, not --quiet) and where the text goes
/// (`sink`); `tick` redraws the elapsed time of a stage that has no steps to count.
public final class ProgressDisplay: Sendable {
  struct Stage {
    var name: String
    var done: Int
    var total: Int
    var started: Double
  }

  struct State {
    var stages: [Stage] = []
    var drawn = ""
    var drawnAt = -Double.infinity
  }

  private let state = Mutex(State())
  private let sink: @Sendable (String) -> Void
  private let now: @Sendable () -> Double
  /// Seconds a stage runs before it is drawn.
  public let after: Double
  /// The least number of seconds between two redraws of a changed count.
  public let interval: Double
  /// Characters of each bar.
  public let width: Int

  /// A display that writes its line with `sink` (each call a whole redraw: carriage return, the
  /// line, erase to its end). `now` gives seconds on any monotonic clock.
  public init(
    after: Double = 1, interval: Double = 0.1, width: Int = 24,
    now: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
    sink: @escaping @Sendable (String) -> Void
  ) {
    self.after = after
    self.interval = interval
    self.width = max(1, width)
    self.now = now
    self.sink = sink
  }

  /// Records that the stage `name` has done `done` of `total` steps; `done >= total` ends it.
  public func update(_ name: String, done: Int, total: Int) {
    let time = now()
    state.withLock { state in
      let finished = done >= total
      if let k = state.stages.firstIndex(where: { $0.name == name }) {
        if finished {
          state.stages.remove(at: k)
        } else {
          state.stages[k].done = done
          state.stages[k].total = total
        }
      } else if !finished {
        state.stages.append(Stage(name: name, done: done, total: total, started: time))
      }
      draw(&state, at: time, force: finished)
    }
  }

  /// Redraws the line (a stage that just passed `after`, the seconds of a stage without steps).
  public func tick() {
    let time = now()
    state.withLock { draw(&$0, at: time, force: false) }
  }

  /// Clears the line if anything is drawn; stages still running are forgotten.
  public func finish() {
    state.withLock { state in
      state.stages = []
      if !state.drawn.isEmpty { sink("\r\u{1B}[K") }
      state.drawn = ""
    }
  }

  private func draw(_ state: inout State, at time: Double, force: Bool) {
    let line = Self.line(state.stages.filter { time - $0.started >= after }, at: time, width: width)
    guard line != state.drawn else { return }
    // A changed count waits for `interval`; a stage coming or going (or the line going) does not.
    let sameStages = !line.isEmpty && !state.drawn.isEmpty && Self.names(line) == Self.names(state.drawn)
    if sameStages && !force && time - state.drawnAt < interval { return }
    sink(line.isEmpty ? "\r\u{1B}[K" : "\r" + line + "\u{1B}[K")
    state.drawn = line
    state.drawnAt = time
  }

  /// The line for `stages`: each as `name [###---] done/total`, or `name (N s)` for a stage with
  /// a single step, two spaces apart.
  static func line(_ stages: [Stage], at time: Double, width: Int) -> String {
    stages.map { stage in
      guard stage.total > 1 else { return "\(stage.name) (\(Int(time - stage.started)) s)" }
      let filled = width * min(stage.done, stage.total) / stage.total
      let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      return "\(stage.name) [\(bar)] \(stage.done)/\(stage.total)"
    }.joined(separator: "  ")
  }

  /// The stage names of a drawn line (what comes before each bar), to tell a new stage from a new count.
  private static func names(_ line: String) -> [Substring] {
    line.split(separator: "  ").map { part in part.prefix(while: { $0 != "[" && $0 != "(" }) }
  }
}
