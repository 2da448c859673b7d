/// The run summary of `build`, for people (text) and scripts (the `--report` JSON).
public enum RunSummary {
  /// What the summary says about a graph, counted without sorting its nodes and edges.
  public struct Counts: Sendable {
    public var nodes = 0, documents = 0, external = 0, entities = 0, edges = 0, mentions = 0, unresolved = 0

    /// The counts as a list (nodes, documents, external, entities, edges, mentions, unresolved),
    /// as a build's state stores them.
    public var values: [Int] { [nodes, documents, external, entities, edges, mentions, unresolved] }

    /// Counts from `values`; nil unless there are exactly seven.
    public init?(values v: [Int]) {
      guard v.count == 7 else { return nil }
      (nodes, documents, external, entities, edges, mentions, unresolved) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6])
    }

    public init(_ g: CitationGraph) {
      nodes = g.nodesByID.count
      for node in g.nodesByID.values {
        switch node.status {
        case .resolved: documents += 1
        case .external: external += 1
        case .entity: entities += 1
        }
      }
      edges = g.edgesByKey.count
      mentions = g.mentions.count
      unresolved = g.mentions.count(where: { $0.mention.status == .unresolved || $0.mention.status == .ambiguous })
    }
  }

  /// The summary of one graph: its files (read, skipped, failed, notes), identity conflicts,
  /// counts and the files written.
  public static func text(
    name: String, report r: RunReport, conflicts: [IdentityConflict], counts n: Counts, written: [String]
  ) -> String {
    var lines = ["\(name): \(r.files.count) files: \(r.readCount) read, \(r.skippedCount) skipped, \(r.failedCount) failed"]
    for f in r.files where f.status != .read {
      lines.append("  \(f.status.rawValue) \(f.path): \(f.reason ?? "no reason given")")
    }
    for f in r.files where f.status == .read && !f.notes.isEmpty {
      lines.append("  note \(f.path): \(f.notes.joined(separator: "; "))")
    }
    for c in conflicts { lines.append("  conflict: \(c.description)") }
    lines.append(
      "  graph: \(n.nodes) nodes (\(n.documents) documents in the corpus, \(n.external) external, \(n.entities) actors and entities), \(n.edges) edges, \(n.mentions) mentions (\(n.unresolved) unresolved or ambiguous)"
    )
    if !written.isEmpty { lines.append("  wrote \(written.joined(separator: ", "))") }
    return lines.joined(separator: "\n")
  }

  /// The `--report` JSON: per graph its name, counts and every file with status, format, reason
  /// and notes, keys in a fixed order.
  public static func json(_ reports: [(String, RunReport, [IdentityConflict])]) -> String {
    let graphs = reports.map { name, r, conflicts in
      JSONText.object([
        ("name", JSONText.quoted(name)),
        ("read", String(r.readCount)), ("skipped", String(r.skippedCount)), ("failed", String(r.failedCount)),
        ("files", "[" + r.files.map { f in
          var pairs: [(String, String)] = [("path", JSONText.quoted(f.path)), ("status", JSONText.quoted(f.status.rawValue))]
          if let format = f.format { pairs.append(("format", JSONText.quoted(format.rawValue))) }
          if let reason = f.reason { pairs.append(("reason", JSONText.quoted(reason))) }
          pairs.append(("notes", JSONText.array(f.notes)))
          return JSONText.object(pairs)
        }.joined(separator: ",") + "]"),
        // Two documents that claim one id: both are kept, never merged.
        ("conflicts", "[" + conflicts.map { c in
          JSONText.object([
            ("id", JSONText.quoted(c.id)), ("paths", JSONText.array(c.paths)),
            ("description", JSONText.quoted(c.description)),
          ])
        }.joined(separator: ",") + "]"),
      ])
    }
    return "{\"graphs\":[" + graphs.joined(separator: ",") + "]}\n"
  }
}
