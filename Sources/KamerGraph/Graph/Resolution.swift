/// Two files that claim the same id but are not the same document. Both are kept; mentions of
/// the id become ambiguous.
public struct IdentityConflict: Sendable, Hashable, Codable, Comparable {
  public var id: String
  public var paths: [String]
  public var description: String {
    "\(paths.count) documents claim the id \(id): \(paths.joined(separator: ", ")); both are kept, and citations of \(id) are marked ambiguous"
  }
  public static func < (lhs: IdentityConflict, rhs: IdentityConflict) -> Bool {
    (lhs.id, lhs.paths.joined(separator: "\n")) < (rhs.id, rhs.paths.joined(separator: "\n"))
  }
}

/// The resolver's output.
package struct Resolution: Sendable, Hashable {
  package var graph: CitationGraph
  package var conflicts: [IdentityConflict]
}
