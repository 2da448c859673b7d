// The `questions` and `actor` outputs (table and `--json`). JSON shapes (keys in this order):
//
//   questions {"questions":[{"question":node,"askedBy":[node],"parties":[id],"addressedTo":[node],
//              "answers":[node],"delays":[node],"days":int|null,"openDays":int|null,"open":bool}],
//              "ministries":[ministry]}
//   ministry  {"ministry":node,"questions":int,"answered":int,"open":int,"medianDays":number|null}
//   actor     {"actor":node,"parties":[node],"members":[node],
//              "documents":[{"role","via":id|null,"document":node}],"ministries":[ministry]}

extension MinistrySummary {
  /// The `ministry` object.
  public var json: String {
    JSONText.object([
      ("ministry", ministry.json), ("questions", String(questions)), ("answered", String(answered)),
      ("open", String(open)), ("medianDays", medianDays.map(Self.days) ?? "null"),
    ])
  }

  /// A median as written: whole days, or one decimal for a half.
  static func days(_ d: Double) -> String {
    d == d.rounded() ? String(Int(d)) : String(Int(d)) + ".5"
  }

  /// The one line per ministry: "ministerie:DEF  3 questions, 2 answered, 1 open, median 21 days to answer".
  public var line: String {
    "\(ministry.id)  \(questions) question(s), \(answered) answered, \(open) open, "
      + (medianDays.map { "median \(Self.days($0)) days to answer" } ?? "no dated answer")
  }
}

/// The ministry lines under a listing ("" when there are none).
func ministryLines(_ ministries: [MinistrySummary]) -> String {
  ministries.isEmpty ? "" : "\nPer ministry\n" + ministries.map { "  " + $0.line + "\n" }.joined()
}

extension QuestionsResult {
  /// The `questions` JSON document.
  public var json: String {
    JSONText.object([
      (
        "questions",
        JSONValue.array(
          items.map { q in
            JSONText.object([
              ("question", q.question.json), ("askedBy", JSONValue.array(q.askers.map(\.json))),
              ("parties", JSONText.array(q.parties)), ("addressedTo", JSONValue.array(q.addressees.map(\.json))),
              ("answers", JSONValue.array(q.answers.map(\.json))), ("delays", JSONValue.array(q.delays.map(\.json))),
              ("days", q.days.map(String.init) ?? "null"), ("openDays", q.openDays.map(String.init) ?? "null"),
              ("open", JSONValue.bool(q.isOpen)),
            ])
          })
      ),
      ("ministries", JSONValue.array(ministries.map(\.json))),
    ])
  }

  /// The default table: one row per set of questions, then one line per ministry.
  public var table: String {
    var table = TextTable(headers: ["DATE", "QUESTIONS", "ASKED BY", "TO", "ANSWER", "DAYS", "STATUS"])
    for q in items {
      let parties = q.parties.map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? $0 }
      let askers = q.askers.map(\.label).joined(separator: ", ") + (parties.isEmpty ? "" : " (" + parties.joined(separator: ", ") + ")")
      let to = q.addressees.map { $0.id.hasPrefix("ministerie:") ? String($0.id.dropFirst("ministerie:".count)) : $0.label }
      var status = q.isOpen ? "open" + (q.openDays.map { " \($0) days" } ?? "") : "answered"
      if !q.delays.isEmpty { status += ", \(q.delays.count) delay notice(s)" }
      table.rows.append([
        q.question.date ?? "", q.question.id, askers, to.joined(separator: ", "), q.answers.map(\.id).joined(separator: ", "),
        q.days.map(String.init) ?? "", status,
      ])
    }
    let open = items.count(where: \.isOpen)
    return "\(items.count) set(s) of written questions, \(open) open\n\n" + table.render(maxWidth: 40) + ministryLines(ministries)
  }
}

extension ActorResult {
  /// The `actor` JSON document.
  public var json: String {
    JSONText.object([
      ("actor", actor.json), ("parties", JSONValue.array(parties.map(\.json))),
      ("members", JSONValue.array(members.map(\.json))),
      (
        "documents",
        JSONValue.array(
          entries.map {
            JSONText.object([("role", JSONText.quoted($0.role)), ("via", JSONValue.string($0.via)), ("document", $0.document.json)])
          })
      ),
      ("ministries", JSONValue.array(ministries.map(\.json))),
    ])
  }

  /// The default table: who, then the documents over time, then one line per ministry.
  public var table: String {
    var head = "\(actor.id) (\(actor.kind)) \(actor.label)\n"
    if !parties.isEmpty { head += "member of " + parties.map(\.id).joined(separator: ", ") + "\n" }
    if !members.isEmpty { head += "members: " + members.map(\.id).joined(separator: ", ") + "\n" }
    var table = TextTable(headers: ["DATE", "ROLE", "DOCUMENT", "KIND", "LABEL"] + (members.isEmpty ? [] : ["VIA"]))
    for e in entries {
      table.rows.append(
        [e.document.date ?? "", e.role, e.document.id, e.document.kind, e.document.label] + (members.isEmpty ? [] : [e.via ?? ""]))
    }
    return head + "\(entries.count) document link(s)\n\n" + table.render(maxWidth: 60) + ministryLines(ministries)
  }
}
