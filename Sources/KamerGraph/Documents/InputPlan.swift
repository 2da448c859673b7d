import Foundation

/// The files that make one document: a primary file and, for KOOP XML, its metadata file.
package struct InputUnit: Sendable, Hashable, Comparable {
  /// The document file (`X.xml`), or a metadata file that has no document beside it.
  package var primary: String
  /// Files read together with the primary one (`X.metadata.xml`, `X/metadata.xml`).
  package var companions: [String]

  package init(primary: String, companions: [String] = []) {
    self.primary = primary
    self.companions = companions
  }

  /// Every file of the unit, primary first.
  package var files: [String] { [primary] + companions }

  package static func < (lhs: InputUnit, rhs: InputUnit) -> Bool { lhs.primary < rhs.primary }
}

/// What to read: the units, and the files that are skipped or failed before reading (with why).
public struct InputPlan: Sendable, Hashable {
  package var units: [InputUnit]
  public var outcomes: [FileOutcome]
}
