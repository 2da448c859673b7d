/// The identity of an edge.
package struct EdgeKey: Sendable, Hashable, Codable, Comparable {
  package var source: String
  package var target: String
  package var relation: Relation
  package init(source: String, target: String, relation: Relation) {
    self.source = source
    self.target = target
    self.relation = relation
  }
  package static func < (lhs: EdgeKey, rhs: EdgeKey) -> Bool {
    (lhs.source, lhs.target, lhs.relation.rawValue) < (rhs.source, rhs.target, rhs.relation.rawValue)
  }
}

/// A typed edge. There is one edge per (source, target, relation); `weight` counts its mentions.
public struct Edge: Sendable, Hashable, Codable {
  public var source: String
  public var target: String
  public var relation: Relation
  /// The evidence, sorted; `weight` is its count.
  public var evidence: [Evidence]

  public init(source: String, target: String, relation: Relation, evidence: [Evidence]) {
    self.source = source
    self.target = target
    self.relation = relation
    self.evidence = evidence
  }

  /// How many mentions support the edge. One document read from two copies (the same letter as
  /// `brief.docx` and `brief.txt`: one name, two extensions) counts once: per quoted text, the
  /// copy with the most mentions of it. Every copy keeps its evidence (each file accounts for it).
  public var weight: Int {
    guard let first = evidence.first?.path else { return 1 }
    if evidence.allSatisfy({ $0.path == first }) { return evidence.count }
    // Copies are files with one stem; when no two files share a stem every mention counts (what
    // `weightAcrossCopies` gives then), found without hashing every evidence's text.
    if !Self.filesShareAStem(evidence) { return evidence.count }
    return max(1, Self.weightAcrossCopies(evidence))
  }

  /// True when two different paths among `evidence` have the same `stem`.
  static func filesShareAStem(_ evidence: [Evidence]) -> Bool {
    var paths: [String] = []
    for ev in evidence where paths.last != ev.path { paths.append(ev.path) }
    // The evidence is sorted by path, so each path is one run; unsorted input only repeats paths.
    var stems = paths.map(stem)
    stems.sort()
    var k = 1
    while k < stems.count {
      if stems[k] == stems[k - 1] {
        // The same stem twice: two copies, unless it is one path that came in two runs.
        let same = paths.filter { stem($0) == stems[k] }
        if Set(same).count > 1 { return true }
      }
      k += 1
    }
    return false
  }

  static func weightAcrossCopies(_ evidence: [Evidence]) -> Int {
    // stem -> text -> path -> mentions
    var counts: [Substring: [String: [String: Int]]] = [:]
    for ev in evidence { counts[stem(ev.path), default: [:]][ev.text, default: [:]][ev.path, default: 0] += 1 }
    var total = 0
    for texts in counts.values {
      for perPath in texts.values { total += perPath.values.max() ?? 0 }
    }
    return total
  }

  /// The path without the extension of its file name (`a/brief.docx` -> `a/brief`).
  static func stem(_ path: String) -> Substring {
    let bytes = path.utf8
    guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return path[...] }
    if let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > dot { return path[...] }
    return path[..<dot]
  }
  /// The strongest kind of evidence (metadata before xml-link before text).
  public var origin: EvidenceSource { evidence.map(\.source).min() ?? .text }
  package var key: EdgeKey { EdgeKey(source: source, target: target, relation: relation) }
}
