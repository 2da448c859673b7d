import Foundation
import GRDB

/// What `questions` lists: filters on who asked, whom, and when.
public struct QuestionOptions: Sendable {
  /// Only questions asked by a member of this party (any id, alias or name: `FVD`, `fractie:FVD`).
  public var party: String?
  /// Only questions asked by this member (`Van Houwelingen`, `persoon:van-houwelingen`).
  public var member: String?
  /// Only questions addressed to this ministry (`DEF`, `ministerie:DEF`).
  public var ministry: String?
  /// Only questions without an answer (a delay notice is not an answer).
  public var openOnly = false
  /// Only questions answered after more than this many days, or open for more than this many.
  public var lateDays: Int?
  public var since: DateBound?
  public var until: DateBound?
  /// The day open questions are counted to (`YYYY-MM-DD`); today when nil.
  public var today: String?

  public init() {}
}

/// One set of written questions with who asked, to whom, the answer and the days it took.
public struct QuestionItem: Sendable, Hashable {
  public var question: NodeSummary
  /// The members who asked, with their parties' ids (sorted).
  public var askers: [NodeSummary]
  public var parties: [String]
  /// Ministries and ministers the questions are addressed to.
  public var addressees: [NodeSummary]
  /// The documents that answer the questions.
  public var answers: [NodeSummary]
  /// Notices that the answer is postponed ("Mededeling", "uitstel"): they do not close the questions.
  public var delays: [NodeSummary]
  /// Days from the questions to their first dated answer; nil when either date is unknown.
  public var days: Int?
  /// Days open so far (to `today`), for questions without an answer and with a date.
  public var openDays: Int?
  public var isOpen: Bool { answers.isEmpty }
}

/// Per ministry: how many questions it got, answered and open, and the median days to answer.
public struct MinistrySummary: Sendable, Hashable {
  public var ministry: NodeSummary
  public var questions: Int
  public var answered: Int
  public var open: Int
  /// The median of the known answer times; nil when none is known.
  public var medianDays: Double?
}

/// The answer of `questions`: the questions (by date, then id) and one summary per ministry.
public struct QuestionsResult: Sendable, Hashable {
  public var items: [QuestionItem]
  public var ministries: [MinistrySummary]
}

extension GraphIndex {
  /// Written questions (`kamervragen` nodes) with their askers, addressees, answers, delay notices
  /// and the days the answer took, filtered by `options`; sorted by date (undated last), then id.
  public func questions(_ options: QuestionOptions = QuestionOptions()) throws(IndexError) -> QuestionsResult {
    let indexPath = path
    let window = DateWindow(since: options.since, until: options.until)
    let today = options.today ?? Self.todayISO()
    return try read { db in
      let party = try options.party.map { try Self.lookup($0, in: db, indexPath: indexPath) }
      let member = try options.member.map { try Self.lookup($0, in: db, indexPath: indexPath) }
      let ministry = try options.ministry.map { try Self.lookup($0, in: db, indexPath: indexPath) }
      let nums = try Int64.fetchAll(db, sql: "SELECT num FROM nodes WHERE kind = 'kamervragen' ORDER BY id")
      var items: [(QuestionItem, addressed: [Int64])] = []
      for num in nums {
        let question = try Self.summary(num, in: db)
        guard window.admits(question.date) else { continue }
        let askerNums = try Self.linked(num, .askedBy, outgoing: true, in: db)
        if let member, !askerNums.contains(member) { continue }
        var partyNums: Set<Int64> = []
        for a in askerNums { partyNums.formUnion(try Self.linked(a, .memberOf, outgoing: true, in: db)) }
        if let party, !partyNums.contains(party) { continue }
        let addressed = try Self.linked(num, .addressedTo, outgoing: true, in: db)
        // A question addressed to a minister counts for the minister's ministry too (sent-by of
        // the minister's letters is not known here, so only the ministries named are used).
        if let ministry, !addressed.contains(ministry) { continue }
        var answers: [NodeSummary] = []
        var delays: [NodeSummary] = []
        for a in try Self.linked(num, .answers, outgoing: false, in: db) {
          let node = try Self.summary(a, in: db)
          if Self.isDelayNotice(node.label) { delays.append(node) } else { answers.append(node) }
        }
        let answerDates = answers.compactMap { $0.date.flatMap(Self.dayNumber) }
        var item = QuestionItem(
          question: question, askers: try askerNums.map { try Self.summary($0, in: db) },
          parties: try partyNums.sorted().map { try Self.summary($0, in: db).id }.sorted(),
          addressees: try addressed.map { try Self.summary($0, in: db) }, answers: answers, delays: delays)
        if let asked = question.date.flatMap(Self.dayNumber) {
          if let first = answerDates.min() { item.days = first - asked }
          if answers.isEmpty, let now = Self.dayNumber(today) { item.openDays = now - asked }
        }
        if options.openOnly && !item.isOpen { continue }
        if let late = options.lateDays {
          guard let taken = item.days ?? item.openDays, taken > late else { continue }
        }
        items.append((item, addressed))
      }
      items.sort { a, b in
        switch (a.0.question.date, b.0.question.date) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.0.question.id < b.0.question.id
        }
      }
      // One summary per ministry the listed questions are addressed to.
      var perMinistry: [Int64: [QuestionItem]] = [:]
      for (item, addressed) in items {
        for m in addressed where try Self.summary(m, in: db).kind == "ministerie" { perMinistry[m, default: []].append(item) }
      }
      var ministries: [MinistrySummary] = []
      for (m, list) in perMinistry {
        let days = list.compactMap(\.days).sorted()
        let median: Double? =
          days.isEmpty ? nil : days.count % 2 == 1 ? Double(days[days.count / 2]) : Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
        ministries.append(
          MinistrySummary(
            ministry: try Self.summary(m, in: db), questions: list.count, answered: list.count(where: { !$0.isOpen }),
            open: list.count(where: \.isOpen), medianDays: median))
      }
      ministries.sort { $0.ministry.id < $1.ministry.id }
      return QuestionsResult(items: items.map(\.0), ministries: ministries)
    }
  }

  /// A notice that the answer is postponed, by its title: "Mededeling ..." (the Aanhangsel form)
  /// or a title speaking of "uitstel" ("Uitstel beantwoording vragen ...").
  static func isDelayNotice(_ label: String) -> Bool {
    let lower = label.lowercased()
    return lower.hasPrefix("mededeling") || lower.contains("uitstel")
  }

  /// The nodes at the other end of `num`'s `relation` edges, sorted by number.
  static func linked(_ num: Int64, _ relation: Relation, outgoing: Bool, in db: Database) throws -> [Int64] {
    let sql =
      outgoing
      ? "SELECT target FROM edges WHERE source = ? AND relation = ? ORDER BY target"
      : "SELECT source FROM edges WHERE target = ? AND relation = ? ORDER BY source"
    return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: [num, relation.rawValue])
  }

  /// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (proleptic Gregorian); nil for other shapes.
  static func dayNumber(_ iso: String) -> Int? {
    let parts = iso.split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m),
      (1...31).contains(d)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Today in UTC as `YYYY-MM-DD`.
  static func todayISO() -> String {
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    let y = Int(parts.tm_year) + 1900, m = Int(parts.tm_mon) + 1, d = Int(parts.tm_mday)
    return String(y) + "-" + (m < 10 ? "0" : "") + String(m) + "-" + (d < 10 ? "0" : "") + String(d)
  }
}
