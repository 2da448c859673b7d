import ArgumentParser
import KamerGraph

/// `kamergraph questions`.
struct QuestionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "questions",
    abstract: "Written questions: who asked, to whom, the answer, the days it took, delay notices, which are open.",
    discussion: """
      Lists the written questions (kamervragen) in the graph by date, with one summary line per \
      ministry (questions, answered, open, median days to answer). A "Mededeling" or a notice of \
      "uitstel" answers nothing: the questions stay open. Days are counted from the date of the \
      questions to the date of the first dated answer. Exit status 1 when no questions match.
      """)

  @Option(help: "Only questions asked by a member of this party (FVD, fractie:FVD).")
  var party: String?

  @Option(help: "Only questions asked by this member (\"Van Houwelingen\", persoon:van-houwelingen).")
  var member: String?

  @Option(help: "Only questions addressed to this ministry (Defensie, DEF, ministerie:DEF).")
  var ministry: String?

  @Flag(help: "Only questions without an answer.")
  var open = false

  @Option(help: "Only questions answered after more than DAYS days, or open for more than DAYS days.")
  var late: Int?

  @OptionGroup var dates: DateOptions

  @OptionGroup var options: QueryOptions

  func validate() throws {
    if let late, late < 0 { throw ValidationError("--late must be 0 or more (days).") }
  }

  func run() throws {
    let index = options.open()
    var query = QuestionOptions()
    query.party = party
    query.member = member
    query.ministry = ministry
    query.openOnly = open
    query.lateDays = late
    (query.since, query.until) = dates.bounds()
    let result = querying { () throws(IndexError) in try index.questions(query) }
    try options.emit(
      table: result.table, json: result.json, found: !result.items.isEmpty,
      nothing: "no written questions match\(dates.phrase)")
  }
}
