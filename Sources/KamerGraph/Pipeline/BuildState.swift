import Foundation

/// What `kamergraph build` leaves in the index so that the next run can tell that nothing changed:
/// the summary it printed, the `FileStamp` of every file it wrote and the stamp of the program
/// that wrote them (a new `kamergraph` may resolve or export differently, so it builds again).
public struct BuildState: Sendable, Equatable {
  /// The run summary, printed again when nothing changed.
  public var summary: String
  /// Output path -> its stamp right after it was written.
  public var outputStamps: [String: String]
  /// The stamp of the program that built; empty when unknown.
  public var program: String
  /// Each graph the build wrote, by name: what a later build needs to leave its files as they
  /// are when its graph did not change (see `unchangedFiles(of:fingerprint:)`).
  public var graphs: [String: WrittenGraph]
  /// `GraphIndex.graphFingerprint()` when the state was saved: the graph in the index that the
  /// graphs above were written from (nil: unknown).
  public var indexGraph: String?

  /// The files of one graph as a build wrote them.
  public struct WrittenGraph: Sendable, Equatable {
    /// `GraphIndex.fingerprint(of:)` of the graph the files were written from.
    public var fingerprint: String
    /// The files written, in the order written.
    public var written: [String]
    /// The lines said after the graph's summary (about the picture).
    public var notes: [String]
    /// What its summary counted, and its identity conflicts (nil: not stored, by an older version).
    public var counts: RunSummary.Counts?
    public var conflicts: [IdentityConflict]?

    public init(
      fingerprint: String, written: [String], notes: [String], counts: RunSummary.Counts? = nil,
      conflicts: [IdentityConflict]? = nil
    ) {
      self.fingerprint = fingerprint
      self.written = written
      self.notes = notes
      self.counts = counts
      self.conflicts = conflicts
    }

    public static func == (a: WrittenGraph, b: WrittenGraph) -> Bool {
      a.fingerprint == b.fingerprint && a.written == b.written && a.notes == b.notes
        && a.counts?.values == b.counts?.values && a.conflicts == b.conflicts
    }
  }

  /// The state after writing `outputs` (stamped now).
  public init(
    summary: String, outputs: [String], program: String = BuildState.currentProgram, graphs: [String: WrittenGraph] = [:]
  ) {
    self.summary = summary
    outputStamps = Dictionary(outputs.map { ($0, FileStamp.of($0) ?? "") }, uniquingKeysWith: { a, _ in a })
    self.program = program
    self.graphs = graphs
  }

  /// A state as stored.
  public init(summary: String, outputStamps: [String: String], program: String, graphs: [String: WrittenGraph] = [:]) {
    self.summary = summary
    self.outputStamps = outputStamps
    self.program = program
    self.graphs = graphs
  }

  /// The files of graph `name` as the last build wrote them, when they are still exactly what it
  /// wrote (same stamps, same program) and they were written from a graph with this
  /// `fingerprint`: writing them again would give the same bytes (the exports are a function of
  /// the graph, its name and the formats, all in the state's key). Nil otherwise.
  public func unchangedFiles(of name: String, fingerprint: String, program current: String = BuildState.currentProgram)
    -> WrittenGraph?
  {
    guard let graph = graphs[name], graph.fingerprint == fingerprint, !graph.written.isEmpty, !program.isEmpty,
      program == current
    else { return nil }
    for file in graph.written {
      guard let stamp = outputStamps[file], !stamp.isEmpty, FileStamp.of(file) == stamp else { return nil }
    }
    return graph
  }

  /// The key a build's state is stored under: what it writes where (output folder, whether the
  /// picture is drawn, the mention limit, the formats) and each graph's name and inputs. A build
  /// with another key never counts as up to date. The text is kept as earlier builds stored it.
  public static func key(
    out: String, picture: Bool, maxMentions: Int, formats: [GraphFormat], units: [(name: String, paths: [String])]
  ) -> String {
    ([out, picture ? "picture" : "no-picture", "max-mentions=\(maxMentions)"] + formats.map(\.rawValue)
      + units.map { $0.name + "=" + $0.paths.joined(separator: ",") }).joined(separator: "|")
  }

  /// The stamp of the running executable, or "" when it cannot be found.
  public static var currentProgram: String {
    Bundle.main.executablePath.flatMap { FileStamp.of($0) } ?? ""
  }

  /// True when every output is still there as the build left it (same size, times and inode),
  /// and this is the program that wrote them. A deleted or rewritten output gives false.
  public func outputsUnchanged(program current: String = BuildState.currentProgram) -> Bool {
    !outputStamps.isEmpty && !program.isEmpty && program == current
      && outputStamps.allSatisfy { !$0.value.isEmpty && FileStamp.of($0.key) == $0.value }
  }

  /// The graphs named `names`, when this state holds each with its counts and conflicts and
  /// its files are still exactly as written, from the graph the index holds now
  /// (`indexGraph`): a build whose graph did not change can leave them and tell their summaries
  /// without the graph. Nil otherwise.
  public func reusableGraphs(_ names: [String], indexGraph current: String?, program: String = BuildState.currentProgram)
    -> [WrittenGraph]?
  {
    guard let current, indexGraph == current else { return nil }
    var out: [WrittenGraph] = []
    for name in names {
      guard let graph = graphs[name], graph.counts != nil, graph.conflicts != nil,
        let same = unchangedFiles(of: name, fingerprint: graph.fingerprint, program: program)
      else { return nil }
      out.append(same)
    }
    return out
  }

  /// The state stored under `key`, or nil (none, or one written by an older version).
  public static func load(_ index: GraphIndex, key: String) throws(IndexError) -> BuildState? {
    guard let text = try index.buildState(key),
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let summary = object["summary"] as? String, let stamps = object["output_stamps"] as? [String: String],
      let program = object["program"] as? String
    else { return nil }
    var graphs: [String: WrittenGraph] = [:]
    for (name, value) in object["graphs"] as? [String: Any] ?? [:] {
      guard let graph = value as? [String: Any], let fingerprint = graph["fingerprint"] as? String,
        let written = graph["written"] as? [String], let notes = graph["notes"] as? [String]
      else { continue }
      let counts = (graph["counts"] as? [Int]).flatMap { RunSummary.Counts(values: $0) }
      let conflicts = (graph["conflicts"] as? [[String]]).map { list in
        list.compactMap { $0.count >= 2 ? IdentityConflict(id: $0[0], paths: Array($0.dropFirst())) : nil }
      }
      graphs[name] = WrittenGraph(fingerprint: fingerprint, written: written, notes: notes, counts: counts, conflicts: conflicts)
    }
    var state = BuildState(summary: summary, outputStamps: stamps, program: program, graphs: graphs)
    state.indexGraph = object["index_graph"] as? String
    return state
  }

  /// Stores the state under `key`.
  public func save(_ index: GraphIndex, key: String) throws(IndexError) {
    var object: [String: Any] = ["summary": summary, "output_stamps": outputStamps, "program": program]
    if !graphs.isEmpty {
      object["graphs"] = graphs.mapValues { graph -> [String: Any] in
        var entry: [String: Any] = ["fingerprint": graph.fingerprint, "written": graph.written, "notes": graph.notes]
        if let counts = graph.counts { entry["counts"] = counts.values }
        if let conflicts = graph.conflicts { entry["conflicts"] = conflicts.map { [$0.id] + $0.paths } }
        return entry
      }
    }
    if let indexGraph { object["index_graph"] = indexGraph }
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
    try index.setBuildState(key, String(decoding: data, as: UTF8.self))
  }
}
