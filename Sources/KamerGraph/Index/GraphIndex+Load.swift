import Foundation
import GRDB

extension GraphIndex {
  /// An evidence line as stored: 0 (no line) is nil.
  static func evidenceLine(_ stored: Int) -> Int? { stored > 0 ? stored : nil }

  /// The stored graph, exactly as last committed (nodes, aliases, paths, edges with evidence,
  /// mentions in their committed order). An index that was never committed gives an empty graph.
  public func loadGraph() throws(IndexError) -> CitationGraph {
    let indexPath = path
    return try read { db in
      var aliases: [Int64: [String]] = [:]
      let names = try Row.fetchCursor(db, sql: "SELECT node, name FROM names WHERE is_alias = 1")
      while let row = try names.next() { aliases[row[0], default: []].append(row[1]) }
      var paths: [Int64: [String]] = [:]
      let pathRows = try Row.fetchCursor(db, sql: "SELECT node, path FROM node_paths")
      while let row = try pathRows.next() { paths[row[0], default: []].append(row[1]) }

      var ids: [Int64: String] = [:]
      var nodes: [Node] = []
      let nodeRows = try Row.fetchCursor(
        db, sql: "SELECT num, id, kind, label, date, vergaderjaar, ministry, status, url FROM nodes ORDER BY num")
      while let row = try nodeRows.next() {
        let num: Int64 = row[0]
        ids[num] = row[1]
        guard let status = NodeStatus(rawValue: row[7]) else {
          throw IndexError.corruptRow(path: indexPath, file: row[1], reason: "unknown node status \(row[7] as String)")
        }
        nodes.append(
          Node(
            id: row[1], kind: row[2], label: row[3], date: row[4], vergaderjaar: row[5], ministry: row[6],
            status: status, url: row[8], aliases: (aliases[num] ?? []).sorted(), paths: (paths[num] ?? []).sorted()))
      }

      var evidence: [Int64: [Evidence]] = [:]
      let evidenceRows = try Row.fetchCursor(
        db, sql: "SELECT edge, path, line, start, \"end\", text, source FROM evidence")
      while let row = try evidenceRows.next() {
        let source = EvidenceSource(rawValue: row[6]) ?? .text
        evidence[row[0], default: []].append(
          Evidence(path: row[1], line: Self.evidenceLine(row[2]), start: row[3], end: row[4], text: row[5], source: source))
      }
      var edges: [Edge] = []
      let edgeRows = try Row.fetchCursor(db, sql: "SELECT num, source, target, relation FROM edges ORDER BY num")
      while let row = try edgeRows.next() {
        guard let relation = Relation(rawValue: row[3]), let source = ids[row[1]], let target = ids[row[2]] else {
          throw IndexError.corruptRow(path: indexPath, file: "edges", reason: "edge \(row[0] as Int64) is damaged")
        }
        edges.append(Edge(source: source, target: target, relation: relation, evidence: evidence[row[0]] ?? []))
      }
      var graph = CitationGraph(nodes: nodes, edges: edges)

      graph.mentions = try Self.loadMentions(db, indexPath: indexPath)
      return graph
    }
  }
}
