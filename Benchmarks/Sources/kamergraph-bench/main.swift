// kamergraph-bench: times the GraphML writer alone on a generated graph, for Benchmarks/bench.py.
//
//   kamergraph-bench graphml EDGES OUT.graphml
//
// Builds `SyntheticGraph.make(edges:)` in process (untimed), then times only
// `GraphMLWriter.write(_:name:toFile:)` (the writer streaming to OUT.graphml), and prints one JSON line:
// {"nodes", "edges", "build_seconds", "write_seconds", "write_cpu_seconds", "bytes",
//  "rss_after_build_kb", "rss_peak_kb"}. Peak RSS is getrusage's ru_maxrss (kilobytes on Linux).
import Foundation
import KamerGraph
import KamerGraphHarness

#if canImport(Glibc)
  import Glibc
  let rusageSelf = RUSAGE_SELF.rawValue
#elseif canImport(Darwin)
  import Darwin
  let rusageSelf = RUSAGE_SELF
#endif

/// The process's peak resident set size so far, in kilobytes (Linux reports ru_maxrss in KB).
func peakRSSKilobytes() -> Int {
  var usage = rusage()
  getrusage(rusageSelf, &usage)
  #if canImport(Darwin)
    return Int(usage.ru_maxrss) / 1024
  #else
    return Int(usage.ru_maxrss)
  #endif
}

/// User plus system CPU seconds of this process so far.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(rusageSelf, &usage)
  func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return s(usage.ru_utime) + s(usage.ru_stime)
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("kamergraph-bench: \(message)\n".utf8))
  exit(64)
}

let usage =
  "usage: kamergraph-bench graphml EDGES OUT.graphml | kamergraph-bench extract-stages FILE [RUNS]"
  + " | kamergraph-bench pathological [RATIO]"
let args = Array(CommandLine.arguments.dropFirst())
if args.first == "extract-stages" {
  guard args.count >= 2 else { fail(usage) }
  extractStages(path: args[1], runs: args.count > 2 ? Int(args[2]) ?? 3 : 3)
  exit(0)
}
if args.first == "pathological" {
  let limit = args.count > 1 ? Double(args[1]) ?? 24 : 24
  exit(pathological(maxRatio: limit) ? 0 : 1)
}
guard args.count == 3, args[0] == "graphml" else { fail(usage) }
guard let edges = Int(args[1]), edges >= 0 else { fail("EDGES must be a number of edges, not \(args[1])") }
let out = args[2]

let clock = ContinuousClock()
let t0 = clock.now
let graph = SyntheticGraph.make(edges: edges)
let built = clock.now
let rssAfterBuild = peakRSSKilobytes()
let cpu0 = cpuSeconds()
let w0 = clock.now
let bytes: Int
do {
  bytes = try GraphMLWriter().write(graph, name: "generated", toFile: out)
} catch {
  fail("\(error)")
}
let w1 = clock.now
let cpu1 = cpuSeconds()
func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
let result: [String: Any] = [
  "nodes": graph.nodesByID.count, "edges": graph.edgesByKey.count, "build_seconds": seconds(built - t0),
  "write_seconds": seconds(w1 - w0), "write_cpu_seconds": cpu1 - cpu0, "bytes": bytes,
  "rss_after_build_kb": rssAfterBuild, "rss_peak_kb": peakRSSKilobytes(),
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))

/// CPU seconds of each stage of `kamergraph extract` on one file, best of `runs`: reading,
/// extraction, statuses and the JSON Lines text. For finding where extraction time goes.
func extractStages(path: String, runs: Int) {
  var best: [String: Double] = [:]
  var size = 0
  var count = 0
  func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let c0 = cpuSeconds()
    let r = try body()
    let c = cpuSeconds() - c0
    best[name] = min(best[name] ?? .infinity, c)
    return r
  }
  for _ in 0..<max(1, runs) {
    let document: Document
    do {
      document = try time("read") { try DocumentReader().read(path: path) }
    } catch {
      fail("\(path): \(error)")
    }
    size = document.text.utf8.count
    let mentions = time("extract") { Extractor().mentions(in: document) }
    count = mentions.count
    let extracted = time("release") { ExtractedDocument(document: document, mentions: mentions).releasingText() }
    var statuses: StatusResolver? = time("identity") { StatusResolver([extracted]) }
    var kept = mentions
    time("statuses") { statuses!.setStatuses(&kept) }
    var out: [UInt8] = []
    out.reserveCapacity(1 << 17)
    time("json") {
      for k in kept.indices {
        JSONText.appendQuoted(path, to: &out)
        JSONText.appendQuoted(kept[k].text, to: &out)
        for id in kept[k].ids { JSONText.appendQuoted(id, to: &out) }
        for (key, value) in kept[k].fields.sorted(by: { $0.key < $1.key }) {
          JSONText.appendQuoted(key, to: &out)
          JSONText.appendQuoted(value, to: &out)
        }
        JSONText.appendNumber(kept[k].start, to: &out)
        if out.count > 1 << 16 { out.removeAll(keepingCapacity: true) }
      }
    }
    time("free") {
      kept = []
      statuses = nil
    }
  }
  let mb = Double(size) / 1_000_000
  var line = "\(path): \(String(format: "%.1f", mb)) MB, \(count) mentions"
  var total = 0.0
  for name in ["read", "extract", "release", "identity", "statuses", "json", "free"] {
    let s = best[name] ?? 0
    total += s
    line += String(format: "; %@ %.3f s (%.0f MB/s)", name, s, mb / max(s, 1e-9))
  }
  line += String(format: "; total %.3f s (%.0f MB/s)", total, mb / total)
  print(line)
}

/// Times extraction of each `PathologicalInputs` input at 128 kB and at 1 MB (8 times as much),
/// best of two, and prints the ratio (linear is 8, quadratic 64); false when a ratio exceeds
/// `maxRatio`. Below 50 ms a run is cache and scheduling noise, so both times count as 50 ms at least.
/// This was the unit test `pathologicalInputIsLinear`, which failed on a loaded machine.
func pathological(maxRatio: Double) -> Bool {
  func fastest(_ text: String) -> Duration {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    for _ in 0..<2 { best = min(best, clock.measure { _ = Extractor().mentions(in: text) }) }
    return best
  }
  let floor = Duration.milliseconds(50)
  var ok = true
  for (name, unit) in PathologicalInputs.all {
    let small = fastest(PathologicalInputs.repeated(unit, bytes: 128 * 1024))
    let large = fastest(PathologicalInputs.repeated(unit, bytes: 1024 * 1024))
    let ratio = max(large, floor) / max(small, floor)
    if ratio > maxRatio { ok = false }
    let times = String(format: "128 kB %8.3f s  1 MB %8.3f s  ratio %5.1f", seconds(small), seconds(large), ratio)
    print(name.padding(toLength: 32, withPad: " ", startingAt: 0) + times + (ratio > maxRatio ? "  over \(maxRatio)" : ""))
  }
  return ok
}
