import ArgumentParser
import KamerGraph

/// The relation names, for help texts.
let relationList = Relation.allCases.map(\.rawValue).joined(separator: ", ")

/// Library values that options take by their raw names.
extension Relation: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}

/// The checks `validate()` makes, so every count option and date is refused the same way
/// (a usage error, exit 64) before the index is opened.
enum Check {
  /// A count option (`--limit`, `--depth`, ...) must be at least `minimum` (1 unless told).
  static func count(_ value: Int, _ option: String, atLeast minimum: Int = 1) throws {
    if value < minimum { throw ValidationError("\(option) must be at least \(minimum), not \(value).") }
  }

  /// `--since`/`--until`: real calendar dates (YYYY, YYYY-MM or YYYY-MM-DD), since not after until.
  static func dates(since: String?, until: String?) throws {
    var bounds: [DateBound] = []
    for (option, value) in [("--since", since), ("--until", until)] {
      guard let value else { continue }
      do {
        bounds.append(try DateBound(value, option: option))
      } catch {
        throw ValidationError(error.description)
      }
    }
    if let since, let until, bounds.count == 2,
      since.prefix(min(since.count, until.count)) > until.prefix(min(since.count, until.count))
    {
      throw ValidationError("--since \(since) is after --until \(until); no document can be in between.")
    }
  }
}
