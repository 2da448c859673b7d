/// A stage of a build that can take long enough to be worth a progress display.
public enum BuildStage: Sendable, Hashable {
  /// Reading and extracting the input files (counted in input units).
  case reading
  /// Resolving the mentions of every document into one graph.
  case resolving
  /// Storing the changed files and the graph in the index (files, then graph rows).
  case writingIndex
  /// Writing the graph files of one format.
  case writing(GraphFormat)
  /// Drawing the picture with Graphviz.
  case drawing

  /// The stage as a person reads it: "reading", "writing the index", "writing graphml", ...
  public var name: String {
    switch self {
    case .reading: return "reading"
    case .resolving: return "resolving"
    case .writingIndex: return "writing the index"
    case .writing(let format): return "writing \(format.rawValue)"
    case .drawing: return "drawing the picture"
    }
  }
}

/// How far one stage of a build has come: `done` of `total` steps. A stage reports `done == 0`
/// when it starts and `done == total` when it ends; a stage without countable steps has total 1.
public struct BuildProgress: Sendable, Hashable {
  public var stage: BuildStage
  public var done: Int
  public var total: Int

  public init(stage: BuildStage, done: Int, total: Int) {
    self.stage = stage
    self.done = done
    self.total = total
  }
}
