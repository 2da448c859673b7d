import Synchronization
import Testing

@testable import KamerGraph

/// The progress line: what it draws, when, and that it clears itself.
@Suite struct ProgressDisplayTests {
  /// A fake clock and a sink that records what the display writes.
  final class Fake: Sendable {
    let clock = Mutex(0.0)
    let written = Mutex<[String]>([])
    func advance(_ seconds: Double) { clock.withLock { $0 += seconds } }
    var lines: [String] { written.withLock { $0 } }
    /// A display on this clock and sink: drawn after 1 s, redrawn at most every 0.1 s, bars of 10.
    var display: ProgressDisplay {
      ProgressDisplay(
        after: 1, interval: 0.1, width: 10, now: { self.clock.withLock { $0 } },
        sink: { text in self.written.withLock { $0.append(text) } })
    }
  }

  @Test func aStageIsDrawnOnlyAfterItsFirstSecond() {
    let fake = Fake()
    let display = fake.display
    display.update("reading", done: 0, total: 200)
    fake.advance(0.5)
    display.update("reading", done: 50, total: 200)
    #expect(fake.lines.isEmpty, "a stage shorter than a second never shows")
    fake.advance(0.6)
    display.update("reading", done: 100, total: 200)
    #expect(fake.lines == ["\rreading [#####-----] 100/200\u{1B}[K"])
    fake.advance(0.01)
    display.update("reading", done: 101, total: 200)
    #expect(fake.lines.count == 1, "counts redraw at most every interval")
    fake.advance(0.2)
    display.update("reading", done: 150, total: 200)
    #expect(fake.lines.last == "\rreading [#######---] 150/200\u{1B}[K")
    display.update("reading", done: 200, total: 200)
    #expect(fake.lines.last == "\r\u{1B}[K", "a finished stage leaves the line at once")
    display.finish()
    #expect(fake.lines.count == 3, "nothing left to clear")
  }

  @Test func stagesRunningTogetherShareTheLine() {
    let fake = Fake()
    let display = fake.display
    display.update("writing the index", done: 0, total: 40)
    display.update("resolving", done: 0, total: 1)
    fake.advance(2)
    display.tick()
    #expect(fake.lines == ["\rwriting the index [----------] 0/40  resolving (2 s)\u{1B}[K"])
    display.update("writing the index", done: 40, total: 40)
    #expect(fake.lines.last == "\rresolving (2 s)\u{1B}[K")
    fake.advance(1)
    display.tick()
    #expect(fake.lines.last == "\rresolving (3 s)\u{1B}[K")
    display.finish()
    #expect(fake.lines.last == "\r\u{1B}[K")
  }

  @Test func aQuickRunWritesNothing() {
    let fake = Fake()
    let display = fake.display
    display.update("writing json", done: 0, total: 1)
    fake.advance(0.3)
    display.tick()
    display.update("writing json", done: 1, total: 1)
    display.finish()
    #expect(fake.lines.isEmpty)
  }
}
