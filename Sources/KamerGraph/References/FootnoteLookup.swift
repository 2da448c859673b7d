#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the first footnote (in document order of the `footnotes` array) whose body contains an
/// offset, in logarithmic time: bodies are sorted by start, and a running maximum of their ends
/// bounds the walk to the left. Footnote bodies do not overlap in practice, so one step suffices;
/// overlapping bodies still give the same answer as a linear `first(where:)`.
struct FootnoteLookup {
  /// Footnote indices sorted by body start (then index).
  private let order: [Int]
  private let starts: [Int]
  /// `maxEnd[k]` is the largest body end among `order[0...k]`.
  private let maxEnd: [Int]
  private let bodies: [ByteRange]

  init(_ footnotes: [Footnote]) {
    let ranges = footnotes.map(\.body)
    let sorted = ranges.indices.sorted { (ranges[$0].start, $0) < (ranges[$1].start, $1) }
    var running = Int.min
    bodies = ranges
    order = sorted
    starts = sorted.map { ranges[$0].start }
    maxEnd = sorted.map { running = max(running, ranges[$0].end); return running }
  }

  /// The index of the first footnote whose body contains `offset`, or nil.
  func first(containing offset: Int) -> Int? {
    // Last position whose start is <= offset.
    var low = 0
    var high = starts.count
    while low < high {
      let mid = (low + high) / 2
      if starts[mid] <= offset { low = mid + 1 } else { high = mid }
    }
    var best: Int?
    var k = low - 1
    while k >= 0, maxEnd[k] > offset {
      let index = order[k]
      if bodies[index].contains(offset), best.map({ index < $0 }) ?? true { best = index }
      k -= 1
    }
    return best
  }
}
