/// Turns documents and their mentions into one graph: merges the ids a document is known by into
/// one node, links mentions to nodes with typed edges, and keeps every mention with its status.
///
/// Rules (each edge needs explicit evidence):
/// - identity: a document's own ids (reader: letterhead kenmerk, KOOP id, metadata) and
///   `sameAs` facts are joined; the node id is the most official of them. A zaak number is
///   always an alias of its questions `kv-tk-{zaak}`.
/// - `answers`: mentions with role `answers`/`reply-to`, and `answers` facts.
/// - `cites`: every other document mention (footnotes and inline); laws are `mentions`.
/// - `see-also`: role `see-also`. `part-of-dossier`: from each Kamerstuk, cited or in the corpus
///   (its own id, its header's dossier line), to its dossier.
/// - `asked-by`/`addressed-to`: roles `asker`/`addressee`, attached to the questions the document
///   answers (or to the document itself when it answers none).
/// - `signed-by` (signer, answerer), `co-signed-by` (co-signer), `sent-by` (sender, and the
///   ministry of a signer or answerer), `member-of` (a person's party given next to the name).
/// - `answered-by`: a ministry named in the sentence that carries a footnote mark, when that
///   sentence speaks of an answer ("beantwoording", "antwoord"), for each document the footnote cites.
/// - `mentions`: organisations, programmes, laws, and actors without a role.
struct Resolver: Sendable {
  init() {}

  /// The resolution of `input`. Handed over (`consume`), the documents' mentions become the
  /// graph's without a copy.
  func resolve(_ input: consuming [ExtractedDocument]) -> Resolution {
    // Persons with one surname and different initials get apart first (`PersonIdentity`).
    var state = ResolverState(input: PersonIdentity.separate(input))
    return state.run()
  }

  /// Only the mentions with their statuses (identity, no edges): the statuses of `StatusResolver`,
  /// which `resolve` and `kamergraph extract` use too.
  func resolveMentions(_ input: [ExtractedDocument]) -> [DocumentMention] {
    var state = ResolverState(input: input)
    state.buildIdentity()
    state.setMentionStatuses()
    return state.graph.mentions
  }
}
