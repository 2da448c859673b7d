import Foundation

// The `--json` output of the query commands. Keys are written in a fixed order and this schema is
// stable (scripts rely on it); additions only ever add keys. Shapes:
//
//   node     {"id","kind","label","date":string|null,"status"}
//   step     {"relation","direction":"out"|"in","node":node}   "out": the edge points from the previous node to this one
//   related  {"seed":node,"reached":int,"capped":bool,"results":[{"node":node,"distance":int,"score":number,"path":[step]}]}
//   path     {"from":node,"to":node,"length":int|null,"truncated":bool,"paths":[[step]]}
//   similar  {"seed":node,"results":[{"node":node,"coupling":int,"cocitation":int,"score":int,
//             "sharedTargets":[id],"sharedSources":[id]}]}
//   show     {"node":{"id","kind","label","date","vergaderjaar","ministry","status","url","aliases":[id],"paths":[path]},
//             "edges":[{"direction":"out"|"in","relation","other":node,"weight":int,
//                       "evidence":[{"path","line","start","end","text","source","copy_of":path|null}]}]}
//             copy_of: the row comes from a copy of that file (the same name, another extension)
//   search   {"query":string,"results":[{"node":node,"field":"label"|"text","snippet":string,"rank":number}]}
//   unresolved {"mentions":[{"path","line","column","kind","text","status","reason":string|null,"ids":[id]}]}
//   stats    {"files","nodes","edges","mentions":int,"nodesByKind"|"nodesByStatus"|"edgesByRelation"|"mentionsByStatus":{name:int}}

enum JSONValue {
  static func string(_ s: String?) -> String { s.map(JSONText.quoted) ?? "null" }
  static func number(_ d: Double) -> String { String(format: "%.6f", d) }
  static func bool(_ b: Bool) -> String { b ? "true" : "false" }
  static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
  static func counts(_ items: [NamedCount]) -> String {
    JSONText.object(items.map { ($0.name, String($0.count)) })
  }
}

extension NodeSummary {
  /// The `node` object of the JSON schema.
  public var json: String {
    JSONText.object([
      ("id", JSONText.quoted(id)), ("kind", JSONText.quoted(kind)), ("label", JSONText.quoted(label)),
      ("date", JSONValue.string(date)), ("status", JSONText.quoted(status.rawValue)),
    ])
  }
}

extension PathStep {
  /// The `step` object of the JSON schema.
  public var json: String {
    JSONText.object([
      ("relation", JSONText.quoted(relation.rawValue)), ("direction", JSONText.quoted(forward ? "out" : "in")),
      ("node", node.json),
    ])
  }
}

extension RelatedResult {
  /// The `related` JSON document.
  public var json: String {
    JSONText.object([
      ("seed", seed.json), ("reached", String(reached)), ("capped", JSONValue.bool(capped)),
      (
        "results",
        JSONValue.array(
          items.map {
            JSONText.object([
              ("node", $0.node.json), ("distance", String($0.distance)), ("score", JSONValue.number($0.score)),
              ("path", JSONValue.array($0.path.map(\.json))),
            ])
          })
      ),
    ])
  }

  /// The default aligned table.
  public var table: String {
    var table = TextTable(headers: ["#", "SCORE", "HOPS", "ID", "KIND", "DATE", "LABEL", "PATH"])
    for (i, item) in items.enumerated() {
      table.rows.append([
        String(i + 1), String(format: "%.4f", item.score), String(item.distance), item.node.id, item.node.kind,
        item.node.date ?? "", item.node.label, chainText(start: nil, steps: item.path),
      ])
    }
    let note = capped ? " (capped: raise --max-nodes to reach more)" : ""
    return "Related to \(seed.id) (\(seed.kind)) \(seed.label)\n\(items.count) of \(reached) reached\(note)\n\n"
      + table.render(maxWidth: 48)
  }
}

extension PathResult {
  /// The `path` JSON document.
  public var json: String {
    JSONText.object([
      ("from", from.json), ("to", to.json), ("length", length.map(String.init) ?? "null"),
      ("truncated", JSONValue.bool(truncated)),
      ("paths", JSONValue.array(paths.map { JSONValue.array($0.map(\.json)) })),
    ])
  }

  /// One chain per line.
  public var table: String {
    guard let length else { return "No chain from \(from.id) to \(to.id) within the maximum depth.\n" }
    var out = "\(paths.count) shortest chain(s) of \(length) hop(s) from \(from.id) to \(to.id)"
    out += truncated ? " (more exist)\n" : "\n"
    for steps in paths { out += chainText(start: from.id, steps: steps) + "\n" }
    return out
  }
}

extension SimilarResult {
  /// The `similar` JSON document.
  public var json: String {
    JSONText.object([
      ("seed", seed.json),
      (
        "results",
        JSONValue.array(
          items.map {
            JSONText.object([
              ("node", $0.node.json), ("coupling", String($0.coupling)), ("cocitation", String($0.cocitation)),
              ("score", String($0.score)), ("sharedTargets", JSONText.array($0.sharedTargets)),
              ("sharedSources", JSONText.array($0.sharedSources)),
            ])
          })
      ),
    ])
  }

  /// The default aligned table.
  public var table: String {
    var table = TextTable(headers: ["#", "COUPLING", "CO-CITED", "ID", "KIND", "DATE", "LABEL", "SHARED"])
    for (i, item) in items.enumerated() {
      table.rows.append([
        String(i + 1), String(item.coupling), String(item.cocitation), item.node.id, item.node.kind,
        item.node.date ?? "", item.node.label, (item.sharedTargets + item.sharedSources).joined(separator: " "),
      ])
    }
    return "Similar to \(seed.id) (\(seed.kind)) \(seed.label)\n\n" + table.render(maxWidth: 48)
  }
}

extension ShowResult {
  /// The `show` JSON document.
  public var json: String {
    let n = node
    let nodeJSON = JSONText.object([
      ("id", JSONText.quoted(n.id)), ("kind", JSONText.quoted(n.kind)), ("label", JSONText.quoted(n.label)),
      ("date", JSONValue.string(n.date)), ("vergaderjaar", JSONValue.string(n.vergaderjaar)),
      ("ministry", JSONValue.string(n.ministry)), ("status", JSONText.quoted(n.status.rawValue)),
      ("url", JSONValue.string(n.url)), ("aliases", JSONText.array(n.aliases)), ("paths", JSONText.array(n.paths)),
    ])
    let edgesJSON = edges.map { e in
      JSONText.object([
        ("direction", JSONText.quoted(e.outgoing ? "out" : "in")), ("relation", JSONText.quoted(e.relation.rawValue)),
        ("other", e.other.json), ("weight", String(e.weight)),
        (
          "evidence",
          JSONValue.array(
            zip(e.evidence, EvidenceCopies.copyOf(e.evidence)).map { ev, copyOf in
              JSONText.object([
                ("path", JSONText.quoted(ev.path)), ("line", ev.line.map { String($0) } ?? "null"),
                ("start", String(ev.start)), ("end", String(ev.end)), ("text", JSONText.quoted(ev.text)),
                ("source", JSONText.quoted(ev.source.rawValue)), ("copy_of", JSONValue.string(copyOf)),
              ])
            })
        ),
      ])
    }
    return JSONText.object([("node", nodeJSON), ("edges", JSONValue.array(edgesJSON))])
  }

  /// The node's attributes, then one block per edge with its evidence lines.
  public var table: String {
    let n = node
    var attributes = TextTable(headers: ["FIELD", "VALUE"])
    let pairs: [(String, String?)] = [
      ("id", n.id), ("kind", n.kind), ("label", n.label), ("date", n.date), ("vergaderjaar", n.vergaderjaar),
      ("ministry", n.ministry), ("status", n.status.rawValue), ("url", n.url),
      ("aliases", n.aliases.isEmpty ? nil : n.aliases.joined(separator: " ")),
      ("files", n.paths.isEmpty ? nil : n.paths.joined(separator: " ")),
    ]
    for (key, value) in pairs { if let value { attributes.rows.append([key, value]) } }
    var out = attributes.render(maxWidth: 100) + "\n"
    var table = TextTable(headers: ["EDGE", "WEIGHT", "OTHER", "LABEL"])
    var evidenceLines: [String] = []
    for e in edges {
      let arrow = e.outgoing ? "-\(e.relation.rawValue)->" : "<-\(e.relation.rawValue)-"
      table.rows.append([arrow, String(e.weight), e.other.id, e.other.label])
      for (ev, copyOf) in zip(e.evidence, EvidenceCopies.copyOf(e.evidence)) {
        let copy = copyOf.map { " (copy of \($0))" } ?? ""
        evidenceLines.append("  \(arrow) \(e.other.id)  \(ev.place) [\(ev.source.rawValue)] \"\(ev.text)\"\(copy)")
      }
    }
    out += "\(edges.count) edge(s)\n" + table.render()
    if !evidenceLines.isEmpty { out += "\nEvidence\n" + evidenceLines.joined(separator: "\n") + "\n" }
    return out
  }
}

/// The `search` JSON document for `hits` found for `query`.
public func searchJSON(query: String, hits: [SearchHit]) -> String {
  JSONText.object([
    ("query", JSONText.quoted(query)),
    (
      "results",
      JSONValue.array(
        hits.map {
          JSONText.object([
            ("node", $0.node.json), ("field", JSONText.quoted($0.field)), ("snippet", JSONText.quoted($0.snippet)),
            ("rank", JSONValue.number($0.rank)),
          ])
        })
    ),
  ])
}

/// The default `search` table.
public func searchTable(hits: [SearchHit]) -> String {
  var table = TextTable(headers: ["#", "ID", "KIND", "FIELD", "LABEL", "MATCH"])
  for (i, hit) in hits.enumerated() {
    table.rows.append([String(i + 1), hit.node.id, hit.node.kind, hit.field, hit.node.label, hit.snippet])
  }
  return table.render(maxWidth: 48)
}

/// The `unresolved` JSON document.
public func unresolvedJSON(_ mentions: [UnresolvedMention], conflicts: [IdentityConflict] = []) -> String {
  JSONText.object([
    (
      "mentions",
      JSONValue.array(
        mentions.map {
          JSONText.object([
            ("path", JSONText.quoted($0.path)), ("line", String($0.line)), ("column", String($0.column)),
            ("kind", JSONText.quoted($0.kind)), ("text", JSONText.quoted($0.text)),
            ("status", JSONText.quoted($0.status.rawValue)), ("reason", JSONValue.string($0.reason)),
            ("ids", JSONText.array($0.ids)),
          ])
        })
    ),
    (
      "conflicts",
      JSONValue.array(conflicts.map { JSONText.object([("id", JSONText.quoted($0.id)), ("paths", JSONText.array($0.paths))]) })
    ),
  ])
}

/// The default `unresolved` table.
public func unresolvedTable(_ mentions: [UnresolvedMention], conflicts: [IdentityConflict] = []) -> String {
  var out = ""
  if mentions.isEmpty {
    out = "Every mention resolved to a document, an external id or an actor.\n"
  } else {
    var table = TextTable(headers: ["FILE:LINE:COL", "STATUS", "KIND", "TEXT", "REASON"])
    for m in mentions {
      let reason = m.reason ?? (m.ids.isEmpty ? "" : "candidates: " + m.ids.joined(separator: " "))
      table.rows.append(["\(m.path):\(m.line):\(m.column)", m.status.rawValue, m.kind, m.text, reason])
    }
    out = "\(mentions.count) mention(s) unresolved or ambiguous\n\n" + table.render(maxWidth: 80)
  }
  guard !conflicts.isEmpty else { return out }
  // Identity conflicts: one id claimed by several documents, each kept as its own node.
  var table = TextTable(headers: ["ID", "FILES"])
  for c in conflicts { table.rows.append([c.id, c.paths.joined(separator: ", ")]) }
  return out + "\n\(conflicts.count) identity conflict(s): an id two or more documents claim (each stays its own node)\n\n"
    + table.render(maxWidth: 80)
}

extension IndexStats {
  /// The `stats` JSON document.
  public var json: String {
    JSONText.object([
      ("files", String(files)), ("nodes", String(nodes)), ("edges", String(edges)), ("mentions", String(mentions)),
      ("nodesByKind", JSONValue.counts(nodesByKind)), ("nodesByStatus", JSONValue.counts(nodesByStatus)),
      ("edgesByRelation", JSONValue.counts(edgesByRelation)), ("mentionsByStatus", JSONValue.counts(mentionsByStatus)),
    ])
  }

  /// The default table: totals, then each group.
  public var table: String {
    var table = TextTable(headers: ["GROUP", "NAME", "COUNT"])
    table.rows += [["total", "files", String(files)], ["total", "nodes", String(nodes)]]
    table.rows += [["total", "edges", String(edges)], ["total", "mentions", String(mentions)]]
    for (group, items) in [
      ("node kind", nodesByKind), ("node status", nodesByStatus), ("edge relation", edgesByRelation),
      ("mention status", mentionsByStatus),
    ] {
      table.rows += items.map { [group, $0.name, String($0.count)] }
    }
    return table.render()
  }
}
