extension ResolverState {
  /// For each document node, the questions it answers (from mentions and facts).
  mutating func collectAnswers() -> [String: [String]] {
    var result: [String: Set<String>] = [:]
    for (i, e) in docs.enumerated() {
      if let node = nodeOfDoc[i] {
        for m in e.mentions where m.kind.isDocument {
          guard Self.answersTarget(m) else { continue }
          for id in m.ids {
            let target = nodeID(id)
            if target != node { result[node, default: []].insert(target) }
          }
        }
      }
      for fact in e.document.facts {
        if case .edge(let s, .answers, let t) = fact.statement { result[nodeID(s), default: []].insert(nodeID(t)) }
      }
    }
    return result.mapValues { $0.sorted() }
  }

  mutating func edge(_ source: Int32, _ target: Int32, _ relation: Relation, _ evidence: Evidence) {
    guard source != target else { return }
    pending.add(PendingEdges.Key(source, target, relation), evidence)
  }

  mutating func edge(_ source: String, _ target: String, _ relation: Relation, _ evidence: Evidence) {
    guard source != target else { return }
    edge(nodes.number(source), nodes.number(target), relation, evidence)
  }

  /// The number of the dossier of the Kamerstuk numbered `n` (`dossier(ofKamerstuk:)`), found
  /// once per node.
  mutating func dossier(of n: Int32) -> Int32? {
    if dossiers.count <= Int(n) { dossiers += repeatElement(-2, count: nodes.ids.count - dossiers.count) }
    if dossiers[Int(n)] == -2 { dossiers[Int(n)] = Self.dossier(ofKamerstuk: nodes[n]).map { nodes.number($0) } ?? -1 }
    return dossiers[Int(n)] >= 0 ? dossiers[Int(n)] : nil
  }

  /// Turns the collected evidence into edges, each with its evidence deduplicated and sorted.
  mutating func flushEdges() {
    applyRelationPrecedence()
    graph.addNew(pending.takeEdges(ids: nodes.ids))
  }

  mutating func addMentionEdges(_ e: ExtractedDocument, findings: TextFindings, node d: String, questions: [String]) {
    let path = e.document.path
    let dn = nodes.number(d)
    let asked = questions.isEmpty ? [dn] : questions.map { nodes.number($0) }
    // A party is `member-of` its members, not mentioned: the party of the document's askers and
    // signers ("Vragen van het lid X (CDA)", "Lilian Helder, Kamerlid PVV"), and a party in
    // parentheses after a member's name ("De heer Amhaouch (CDA):"). A party named in its own
    // words next to other members ("de SGP-leden Bisschop en Van der Staaij") is mentioned too.
    let actorRoles = Self.actorRoles
    let personParties = Set(e.mentions.compactMap { $0.kind == .persoon ? $0.fields[MentionField.party] : nil })
    let actorParties = Set(
      e.mentions.compactMap { m in
        m.kind == .persoon && m.fields[MentionField.role].map(actorRoles.contains) == true
          ? m.fields[MentionField.party] : nil
      })
    // The dossier of the document itself (a Kamerstuk): named in its text, it is `part-of-dossier`.
    let ownDossiers = Set(
      ([d] + e.mentions.filter { $0.fields[MentionField.role] == MentionRole.own }.flatMap(\.ids))
        .compactMap { Self.dossier(ofKamerstuk: $0) }.map { nodes.number($0) })
    // A court ruling is given by the court: the ministers and parties it quotes ("mede namens de
    // Staatssecretaris van Financiën", a party's pleading signed "DE STAATSSECRETARIS VAN ...") are
    // named in it, they neither send nor sign it.
    // The document's own date (metadata, else "ontvangen"/"Datum"): an old ministry name in a
    // later document means the ministry's successor, unless "toenmalige" says it is the old one
    // (`MinistryDating`, the rule `extract` follows too).
    let docDate = MinistryDating.ownDate(metadata: e.document.metadata.date, mentions: e.mentions)
    func ministry(_ id: String, _ m: Mention) -> String {
      MinistryDating.id(id, date: docDate) { findings.former.contains(m.start) }
    }
    let ruling = d.hasPrefix("ECLI:")
    let authorRoles = Self.authorRoles
    for m in e.mentions {
      let ev = Evidence(path: path, line: m.line, start: m.start, end: m.end, text: m.text, source: .text)
      var role = m.fields[MentionField.role]
      if ruling, let r = role, authorRoles.contains(r) { role = nil }
      switch m.kind {
      case .date:
        guard let iso = m.fields[MentionField.iso] else { continue }
        let dateRole = m.fields[MentionField.dateRole]
        if dateRole == "ingezonden", questions.count == 1 {
          setAttribute(questions[0], "date", iso)
        } else if dateRole == "ingezonden", questions.isEmpty, Self.isQuestions(d) {
          // The questions themselves ("(ingezonden 15 november 2024)" under their heading).
          setAttribute(d, "date", iso)
        } else if dateRole == "ontvangen" || dateRole == "datum" {
          setAttribute(d, "date", iso)
        }
      case .persoon:
        guard let person = m.ids.first else { continue }
        noteLabel(person, m.fields[MentionField.name] ?? m.text)
        let p = nodes.number(person)
        if let party = m.fields[MentionField.party] { edge(p, nodes.number(party), .memberOf, ev) }
        switch role {
        case MentionRole.asker?: for q in asked { edge(q, p, .askedBy, ev) }
        case MentionRole.addressee?: for q in asked { edge(q, p, .addressedTo, ev) }
        case MentionRole.signer?, MentionRole.answerer?:
          edge(dn, p, .signedBy, ev)
          if let id = m.fields[MentionField.ministry] { edge(dn, nodes.number(ministry(id, m)), .sentBy, ev) }
        case MentionRole.coSigner?: edge(dn, p, .coSignedBy, ev)
        default: edge(dn, p, .mentions, ev)
        }
      case .ministerie:
        for id in m.ids.map({ nodes.number(ministry($0, m)) }) {
          switch role {
          case MentionRole.sender?, MentionRole.signer?, MentionRole.answerer?: edge(dn, id, .sentBy, ev)
          case MentionRole.addressee?: for q in asked { edge(q, id, .addressedTo, ev) }
          case MentionRole.coSigner?: edge(dn, id, .coSignedBy, ev)
          default: edge(dn, id, .mentions, ev)
          }
        }
      case .fractie:
        for id in m.ids where !actorParties.contains(id) && !(personParties.contains(id) && findings.inParentheses.contains(m.start)) {
          edge(dn, nodes.number(id), .mentions, ev)
        }
      case .organisatie, .programma:
        for id in m.ids {
          noteLabel(id, m.text)
          edge(dn, nodes.number(id), .mentions, ev)
        }
      case .bwb:
        // A law named in words gives its node a readable label ("Aanbestedingswet 2012").
        let named = !m.text.hasPrefix("BWB") && !m.text.hasPrefix("CELEX") && !m.text.lowercased().hasPrefix("jci")
          && !m.text.contains("://")
        for id in m.ids {
          let law = nodeNumber(id)
          if named { noteLabel(nodes[law], m.text) }
          edge(dn, law, .mentions, ev)
        }
      default:
        guard m.kind.isDocument else { continue }
        if role == MentionRole.own {
          // A Kamerstuk belongs to its dossier, cited or not.
          for id in m.ids {
            if let dossier = Self.dossier(ofKamerstuk: id) { edge(nodeNumber(id), nodes.number(dossier), .partOfDossier, ev) }
          }
          continue
        }
        let relation: Relation
        switch role {
        case MentionRole.dossier?: relation = .partOfDossier
        case MentionRole.answers?, MentionRole.replyTo?: relation = Self.answersTarget(m) ? .answers : .cites
        case MentionRole.seeAlso?: relation = .seeAlso
        default: relation = .cites
        }
        for id in m.ids {
          let target = nodeNumber(id)
          if m.kind == .dossier, relation == .cites, ownDossiers.contains(target) {
            edge(dn, target, .partOfDossier, ev)
            continue
          }
          edge(dn, target, relation, ev)
          if let dossier = dossier(of: target) { edge(target, dossier, .partOfDossier, ev) }
        }
      }
    }
  }

  /// A document node that is a Kamerstuk (by its id from metadata, a footer or its file name) and
  /// has no `part-of-dossier` from its text gets one with the metadata as evidence.
  mutating func addOwnDossier(_ e: ExtractedDocument, node d: String) {
    guard let dossier = Self.dossier(ofKamerstuk: d),
      !pending.contains(PendingEdges.Key(nodes.number(d), nodes.number(dossier), .partOfDossier))
    else { return }
    edge(
      d, dossier, .partOfDossier,
      Evidence(path: e.document.path, line: nil, start: 0, end: 0, text: d, source: .metadata))
  }

  /// The roles of a document's actors, whose party is `member-of` them rather than mentioned.
  static let actorRoles: Set<String> = [
    MentionRole.asker, MentionRole.signer, MentionRole.answerer, MentionRole.coSigner, MentionRole.sender,
  ]
  /// The roles of a document's authors, which a court ruling does not have.
  static let authorRoles: Set<String> = [MentionRole.sender, MentionRole.signer, MentionRole.answerer, MentionRole.coSigner]

  /// True for the node of written questions (`kv-tk-…`, or a bare zaak number).
  static func isQuestions(_ node: String) -> Bool {
    node.hasPrefix("kv-tk-") || ReferenceKind.tweedeKamerNumber(node) == .zaak
  }

  /// `dossier-36600-X` for `kst-36600-X-12`; nil for legacy ids whose parts are not certain.
  static func dossier(ofKamerstuk id: String) -> String? {
    guard id.hasPrefix("kst-") else { return nil }
    let parts = id.dropFirst(4).split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0].count == 5, parts[0].allSatisfy(\.isNumber),
      parts.allSatisfy({ !$0.isEmpty }),
      !parts.last!.hasPrefix("h"), !parts.last!.hasPrefix("n"), parts.count <= 3
    else { return nil }
    return "dossier-" + parts.dropLast().joined(separator: "-")
  }

  /// `answered-by`: a cited answer -> the ministry named as having answered, in the sentence that
  /// carries the footnote mark (the footnotes `TextFindings.answerNotes` found).
  mutating func addAnsweredBy(_ e: ExtractedDocument, findings: TextFindings) {
    guard !findings.answerNotes.isEmpty else { return }
    // Mentions by start offset, to find those inside a range by binary search (a document can
    // have thousands of footnotes and mentions).
    let mentions = e.mentions.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    func within(_ r: ByteRange) -> [Mention] {
      var lo = 0
      var hi = mentions.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if mentions[mid].start < r.start { lo = mid + 1 } else { hi = mid }
      }
      var out: [Mention] = []
      var i = lo
      while i < mentions.count, mentions[i].start < r.end {
        if mentions[i].end <= r.end { out.append(mentions[i]) }
        i += 1
      }
      return out
    }
    for n in findings.answerNotes {
      let note = e.document.footnotes[n]
      let ministries = within(note.sentence).filter { $0.kind == .ministerie }
      let cited = within(note.body).filter { $0.kind.isDocument && $0.kind != .bwb }
      for c in cited {
        for id in c.ids {
          let target = nodeNumber(id)
          for m in ministries {
            let ev = Evidence(
              path: e.document.path, line: m.line, start: m.start, end: m.end, text: m.text, source: .text)
            for ministry in m.ids { edge(target, nodes.number(ministry), .answeredBy, ev) }
          }
        }
      }
    }
  }

  mutating func addFactEdges() {
    for e in docs {
      for fact in e.document.facts {
        // The file and line the fact was read from (a merged `.metadata.xml`), else the document.
        let ev = Evidence(
          path: fact.path ?? e.document.path, line: fact.line, start: 0, end: 0, text: fact.evidence, source: .metadata)
        switch fact.statement {
        case .edge(let s, let relation, let t):
          edge(nodeNumber(s), nodeNumber(t), relation, ev)
        case .attribute(let id, let name, let value):
          if name == "label" { noteLabel(nodeID(id), value, preferred: true) } else { setAttribute(nodeID(id), name, value) }
        case .sameAs:
          break
        }
      }
    }
  }
}
