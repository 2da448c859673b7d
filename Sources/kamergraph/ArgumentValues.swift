import ArgumentParser
import KamerGraph

/// The relation names, for help texts.
let relationList = Relation.allCases.map(\.rawValue).joined(separator: ", ")

/// Library values that options take by their raw names.
extension Relation: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}
