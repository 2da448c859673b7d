/// One surname, several people: person ids are surname slugs (`persoon:helder`), and where the
/// corpus gives one surname with different initials or first names ("C. Helder", "Lilian Helder")
/// they are kept apart by a suffix, the first initial: `persoon:helder-c`, `persoon:helder-l`.
///
/// The rule (the README states it):
/// - a mention's initial is the first letter of its initials ("C.J. Helder") or of the first name
///   the text gives before the surname ("Lilian Helder", "Inge van Dijk"); a surname alone
///   ("Minister Helder", "het lid Van der Lee") gives none;
/// - only a surname seen with two or more different initials in the corpus is split; every other
///   person keeps the bare surname id;
/// - a mention of a split surname without initials takes the initial its own document gives that
///   surname when the document gives exactly one; otherwise the one initial seen with the same
///   function (member, or minister / state secretary) in the corpus, when there is exactly one;
///   otherwise it keeps the bare id (the text does not say which person it is).
enum PersonIdentity {
  static func separate(_ input: consuming [ExtractedDocument]) -> [ExtractedDocument] {
    var out = input
    var initials: [String: Set<Character>] = [:]
    var bySide: [String: Set<Character>] = [:]
    for e in out {
      for m in e.mentions where m.kind == .persoon {
        guard let id = m.ids.first, let c = initial(m) else { continue }
        initials[id, default: []].insert(c)
        bySide[side(id, m), default: []].insert(c)
      }
    }
    let split = Set(initials.filter { $0.value.count >= 2 }.keys)
    guard !split.isEmpty else { return out }
    for d in out.indices {
      var local: [String: Set<Character>] = [:]
      for m in out[d].mentions where m.kind == .persoon {
        if let id = m.ids.first, split.contains(id), let c = initial(m) { local[id, default: []].insert(c) }
      }
      for k in out[d].mentions.indices where out[d].mentions[k].kind == .persoon {
        let m = out[d].mentions[k]
        guard let id = m.ids.first, split.contains(id) else { continue }
        var c = initial(m)
        if c == nil, let l = local[id], l.count == 1 { c = l.first }
        if c == nil, let s = bySide[side(id, m)], s.count == 1 { c = s.first }
        if let c { out[d].mentions[k].ids[0] = id + "-" + String(c).lowercased() }
      }
    }
    return out
  }

  /// "lid" or "regering": members and the government are told apart when initials are missing.
  static func side(_ id: String, _ m: Mention) -> String {
    let f = m.fields[MentionField.function]
    let member = f == nil || f == "lid" || m.fields[MentionField.party] != nil
    return id + (member ? "|lid" : "|regering")
  }

  /// The first initial the name of a mention gives, upper-case, or nil.
  static func initial(_ m: Mention) -> Character? {
    guard let name = m.fields[MentionField.name], let id = m.ids.first else { return nil }
    let words = PersonName.normalized(name).split(separator: " ")
    guard words.count >= 2, let first = words.first, let letter = first.first, letter.isUppercase else { return nil }
    if first.hasSuffix(".") && first.count <= 8 { return Character(letter.uppercased()) }
    // A first name: the id leaves it out ("Lilian Helder" -> persoon:helder).
    if PersonName.id(surname: String(name)) != id && !PersonName.tussenvoegsels.contains(first.lowercased()) {
      return Character(letter.uppercased())
    }
    return nil
  }
}
