/// How large and how long the picture of a graph may get, so that drawing it never holds up a
/// build: Graphviz `dot` takes minutes on graphs of a few thousand nodes.
public struct PicturePolicy: Sendable, Hashable {
  /// Above this many nodes only the most connected part is drawn (`Picture.mostConnected`).
  public var nodeLimit: Int
  /// The Graphviz layout program (`GraphvizRenderer.engines`).
  public var engine: String
  /// Seconds the layout program may take; it is stopped after that and the picture left out.
  public var timeLimit: Double

  /// The build's defaults: `dot` on at most `defaultNodeLimit` nodes, stopped after 60 seconds.
  public init(nodeLimit: Int = PicturePolicy.defaultNodeLimit, engine: String = "dot", timeLimit: Double = 60) {
    self.nodeLimit = max(1, nodeLimit)
    self.engine = engine
    self.timeLimit = timeLimit
  }

  /// Up to this many nodes `dot` draws a kamergraph picture within a few seconds on one core
  /// (measured: 300 nodes 0.3 s of CPU, 1,000 nodes 12 s; Benchmarks/results/build-2026-12-07.md).
  public static let defaultNodeLimit = 300
}

/// The picture of a graph: its DOT drawn by Graphviz, or, when the graph is larger than the
/// policy allows, its most connected part.
public enum Picture {
  /// What `draw` made: the SVG (nil when none could be drawn) and what to tell the user.
  public struct Drawn: Sendable {
    public var svg: [UInt8]?
    public var notes: [String]
  }

  /// Draws `dot` (written by `DOTWriter`) as SVG under `policy`. Never throws: a picture that
  /// cannot be drawn (Graphviz fails or is too slow) is left out with a note saying why.
  public static func draw(dot: [UInt8], name: String, policy: PicturePolicy) -> Drawn {
    var notes: [String] = []
    var source = dot
    if let part = mostConnected(dot: dot, limit: policy.nodeLimit) {
      source = part.dot
      notes.append(
        "picture: \(name).svg shows the most connected part, \(part.kept) of \(part.total) nodes (the documents with the most story edges, with their neighbours); \(name).dot holds the whole graph"
      )
    }
    do {
      let svg = try GraphvizRenderer.render(dot: source, format: "svg", engine: policy.engine, timeLimit: policy.timeLimit)
      return Drawn(svg: svg, notes: notes)
    } catch {
      notes.append("no picture: \(error.description)")
      return Drawn(svg: nil, notes: notes)
    }
  }

  /// The part of a kamergraph DOT text (as `DOTWriter` writes it) worth drawing when it has more
  /// than `limit` nodes; nil when it has at most `limit`. Documents are taken in order of their
  /// story edges (every relation but `mentions`; all edges break ties), each with its neighbours
  /// along story edges, until `limit` nodes are in; the edges between them, the legend and the
  /// clusters that keep a node stay, with a graph label saying what is shown.
  public static func mostConnected(dot: [UInt8], limit: Int) -> (dot: [UInt8], kept: Int, total: Int)? {
    let lines = dot.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    // Node statements: `"nK" [label=..., tooltip="ID\n..."`; edges: `"nA" -> "nB" [..., tooltip="S REL T ..."`.
    var nodeIDs: [Int: String] = [:]
    var edges: [(source: Int, target: Int, story: Bool, line: Int)] = []
    var nodeLine: [Int: Int] = [:]
    for (k, line) in lines.enumerated() {
      guard let statement = DOTStatement(line) else { continue }
      switch statement {
      case .node(let n, let id):
        nodeIDs[n] = id
        nodeLine[n] = k
      case .edge(let a, let b, let relation):
        edges.append((a, b, relation != Relation.mentions.rawValue, k))
      }
    }
    let total = nodeIDs.count
    guard total > limit else { return nil }
    var story: [Int: Int] = [:]
    var all: [Int: Int] = [:]
    var neighbours: [Int: [Int]] = [:]
    for e in edges {
      all[e.source, default: 0] += 1
      all[e.target, default: 0] += 1
      guard e.story else { continue }
      story[e.source, default: 0] += 1
      story[e.target, default: 0] += 1
      neighbours[e.source, default: []].append(e.target)
      neighbours[e.target, default: []].append(e.source)
    }
    func rank(_ a: Int, _ b: Int) -> Bool {
      (story[a] ?? 0, all[a] ?? 0, -a) > (story[b] ?? 0, all[b] ?? 0, -b)
    }
    let documents = nodeIDs.keys.filter { ReferenceKind.of(id: nodeIDs[$0]!)?.isDocument == true }.sorted(by: rank)
    let others = nodeIDs.keys.filter { ReferenceKind.of(id: nodeIDs[$0]!)?.isDocument != true }.sorted(by: rank)
    var kept = Set<Int>()
    for n in documents + others {
      guard kept.count < limit else { break }
      kept.insert(n)
      for m in Set(neighbours[n] ?? []).sorted(by: rank) {
        guard kept.count < limit else { break }
        kept.insert(m)
      }
    }
    var dropped = Set<Int>()
    for (n, k) in nodeLine where !kept.contains(n) { dropped.insert(k) }
    for e in edges where !kept.contains(e.source) || !kept.contains(e.target) { dropped.insert(e.line) }
    // Clusters left without a node go too (Graphviz would draw them as empty boxes).
    var out: [UInt8] = []
    out.reserveCapacity(dot.count)
    var cluster: [UInt8]? = nil
    var clusterHasNode = false
    for (k, line) in lines.enumerated() {
      if k == lines.count - 1 && line.isEmpty { break }
      let text = Array(line)
      if dropped.contains(k) { continue }
      if cluster == nil, text.starts(with: Array("  subgraph \"cluster_".utf8)),
        !text.starts(with: Array("  subgraph \"cluster_legend\"".utf8))
      {
        cluster = text + [0x0A]
        clusterHasNode = false
        continue
      }
      if cluster != nil {
        cluster! += text + [0x0A]
        if text.starts(with: Array("    \"n".utf8)) { clusterHasNode = true }
        if text == Array("  }".utf8) {
          if clusterHasNode { out += cluster! }
          cluster = nil
        }
        continue
      }
      out += text + [0x0A]
      if k == 0 {
        let label = "the most connected part: \(kept.count) of \(total) nodes"
        out += Array("  graph [label=\(DOTWriter.quoted(label)), labelloc=\"t\"];\n".utf8)
      }
    }
    return (out, kept.count, total)
  }

  /// One statement of a kamergraph DOT text, recognised by its shape.
  enum DOTStatement {
    case node(Int, id: String)
    case edge(Int, Int, relation: String)

    init?(_ line: ArraySlice<UInt8>) {
      var rest = line.drop { $0 == 0x20 }
      func number() -> Int? {
        guard rest.starts(with: [0x22, 0x6E]) else { return nil }  // "n
        rest = rest.dropFirst(2)
        let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, rest.dropFirst(digits.count).first == 0x22 else { return nil }
        rest = rest.dropFirst(digits.count + 1)
        return Int(String(decoding: digits, as: UTF8.self))
      }
      guard let a = number() else { return nil }
      // The tooltip's text up to its first escaped newline or closing quote.
      func tooltip() -> String? {
        let key = Array("tooltip=\"".utf8)
        guard let at = rest.firstRange(of: key) else { return nil }
        var text: [UInt8] = []
        var i = at.upperBound
        while i < rest.endIndex {
          let c = rest[i]
          if c == 0x22 { break }
          if c == 0x5C {  // backslash: \n ends the first line, anything else is an escaped byte
            let next = i + 1 < rest.endIndex ? rest[i + 1] : 0
            if next == 0x6E { break }
            text.append(next)
            i += 2
            continue
          }
          text.append(c)
          i += 1
        }
        return String(decoding: text, as: UTF8.self)
      }
      if rest.starts(with: Array(" -> ".utf8)) {
        rest = rest.dropFirst(4)
        guard let b = number(), let tip = tooltip() else { return nil }
        // "SOURCE RELATION TARGET (Nx)": ids hold no spaces.
        let words = tip.split(separator: " ")
        self = .edge(a, b, relation: words.count > 1 ? String(words[1]) : "")
        return
      }
      guard rest.starts(with: Array(" [".utf8)), let id = tooltip() else { return nil }
      self = .node(a, id: id)
    }
  }
}
