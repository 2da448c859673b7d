import Dispatch
import Synchronization

extension BuildPipeline {
  /// Every mention of the planned inputs with its status, handed to `emit` in order: document by
  /// document in the order of `Resolver.resolveMentions`, each document's mentions in one or more
  /// consecutive pieces (together the same mentions and statuses as the resolver's). Units are
  /// read as `build` reads them: metadata files merged into their documents.
  ///
  /// Memory stays within `mentionBudget` bytes of kept mentions (estimated at
  /// `MentionBudget.bytesPerMention` each) plus what is being read: mentions come out of the
  /// extractor in pieces and are kept while the budget lasts; a document past it keeps only what
  /// identity needs and is read and extracted again, piece by piece, when its turn to be emitted
  /// comes. A large plain-text file whose mentions are not expected to fit what is left of the
  /// budget (`MentionBudget.expectedBytes`) is read in place (`MappedPlainText`), so its text is
  /// not held either: past the budget, memory does not grow with the size of the input. (Files
  /// expected to fit are read whole: that is faster than reading them in place.) `onOutcome` gets every file that was not simply read (skipped or
  /// failed, from the plan and from reading, in path order, before anything is emitted) and any
  /// file that changed between its two reads.
  package func extractResolved(
    _ plan: InputPlan, mentionBudget: Int = MentionBudget.defaultBytes,
    onOutcome: (FileOutcome) -> Void, emit: (_ path: String, _ mentions: [Mention]) -> Void
  ) {
    extractResolved(
      plan, mentionBudget: mentionBudget, mappedMinimum: nil, onOutcome: onOutcome, emit: emit)
  }

  /// `extractResolved`, with the size from which plain-text files are mapped (tests map small
  /// files); nil maps files of `MappedPlainText.minimumSize` on whose mentions are not expected to
  /// fit what is left of the budget.
  func extractResolved(
    _ plan: InputPlan, mentionBudget: Int, mappedMinimum: Int?, pieceSize: Int = 4096,
    onOutcome: (FileOutcome) -> Void, emit: (_ path: String, _ mentions: [Mention]) -> Void
  ) {
    let units = plan.units
    /// What the first read of a unit leaves: the document (identity mentions only), its mentions
    /// in pieces when they fit the budget, and whether it was mapped.
    struct FirstRead {
      var document: ExtractedDocument?
      var outcomes: [FileOutcome]
      var pieces: [[Mention]]?
      var mapped = false
      /// The document's own date and "toenmalige" ministries, for `MinistryDating` when emitted.
      var dating = MinistryDating.Collector()
    }
    var results = [FirstRead?](repeating: nil, count: units.count)
    let reader = self.reader
    let extractor = self.extractor
    let spent = Mutex(0)
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: units.count) { i in
        // Pieces are kept while the budget lasts; once it is spent, the pieces kept so far are
        // given back and only identity mentions (role `own`) are kept.
        var pieces: [[Mention]]? = []
        var cost = 0
        var identity = StatusResolver.IdentityCollector()
        var dating = MinistryDating.Collector()
        func keep(_ piece: inout [Mention], text: some BidirectionalCollection<UInt8>) {
          identity.add(piece)
          dating.add(piece, text: text)
          guard pieces != nil else { return }
          let more = piece.count * MentionBudget.bytesPerMention
          let fits = spent.withLock { used -> Bool in
            guard used + more <= mentionBudget else {
              used -= cost
              return false
            }
            used += more
            return true
          }
          if fits {
            cost += more
            var taken: [Mention] = []
            swap(&taken, &piece)
            pieces!.append(taken)
          } else {
            pieces = nil
          }
        }
        if units[i].companions.isEmpty,
          let mapped = MappedPlainText.map(
            path: units[i].primary, limits: reader.limits,
            minimumSize: mappedMinimum
              ?? max(MappedPlainText.minimumSize, MentionBudget.textBytes(fitting: mentionBudget - spent.withLock { $0 })))
        {
          let digest = mapped.streamMentions(extractor, chunk: pieceSize) { keep(&$0, text: mapped.bytes) }
          var document = ExtractedDocument(document: mapped.document, mentions: identity.mentions)
          document.textDigest = digest
          out[i] = FirstRead(
            document: document, outcomes: [FileOutcome(path: units[i].primary, status: .read, format: .plainText)],
            pieces: pieces, mapped: true, dating: dating)
          return
        }
        let (document, outcomes) = reader.read(unit: units[i])
        guard let document else {
          out[i] = FirstRead(document: nil, outcomes: outcomes)
          return
        }
        extractor.streamMentions(in: document, chunk: pieceSize) { keep(&$0, text: document.text.utf8) }
        // The digest stands in for the text where documents are compared, and tells whether a
        // document read twice changed in between; one document whose mentions are kept needs
        // neither.
        var extracted = ExtractedDocument(document: document, mentions: identity.mentions)
          .releasingText(digest: units.count > 1 || pieces == nil)
        // Statuses need the document's ids, metadata and facts, not its footnotes, links or notes.
        extracted.document.footnotes = []
        extracted.document.links = []
        extracted.document.notes = []
        out[i] = FirstRead(document: extracted, outcomes: outcomes, pieces: pieces, dating: dating)
      }
    }
    var reported = plan.outcomes
    var documents: [ExtractedDocument] = []
    var unitOf: [Int] = []
    for (i, result) in results.enumerated() {
      reported.append(contentsOf: result!.outcomes.filter { $0.status != .read })
      if let document = results[i]!.document {
        documents.append(document)
        unitOf.append(i)
      }
    }
    for outcome in reported.sorted() { onOutcome(outcome) }
    var statuses = StatusResolver(documents)
    for k in statuses.order {
      let i = unitOf[k]
      let path = documents[k].document.path
      let dating = results[i]!.dating
      let date = documents[k].document.metadata.date
      if var pieces = results[i]!.pieces {
        results[i]!.pieces = nil
        for j in pieces.indices {
          // Taken out of the array, so that setting statuses does not copy the piece.
          var piece: [Mention] = []
          swap(&piece, &pieces[j])
          dating.apply(&piece, metadataDate: date)
          statuses.setStatuses(&piece)
          emit(path, piece)
        }
        continue
      }
      // Read again, piece by piece: the first read's mentions were not kept.
      func changed() {
        onOutcome(
          FileOutcome(
            path: units[i].primary, status: .read,
            notes: ["changed while it was read; its mentions are from the second read"]))
      }
      func emitPiece(_ piece: inout [Mention]) {
        // A file changed since its first read may name a renamed ministry the first did not.
        dating.apply(&piece, metadataDate: date, seen: false)
        statuses.setStatuses(&piece)
        emit(path, piece)
      }
      if results[i]!.mapped,
        let mapped = MappedPlainText.map(path: units[i].primary, limits: reader.limits, minimumSize: 0)
      {
        // The fingerprint comes with the pieces, so a change is told after them.
        if mapped.streamMentions(extractor, chunk: pieceSize, emit: emitPiece) != documents[k].textDigest { changed() }
        continue
      }
      guard let document = reader.read(unit: units[i]).0 else {
        onOutcome(FileOutcome(path: units[i].primary, status: .failed, reason: "could not be read a second time"))
        continue
      }
      if (document.text.isEmpty ? nil : FastDigest.of(document.text)) != documents[k].textDigest { changed() }
      extractor.streamMentions(in: document, chunk: pieceSize, emit: emitPiece)
    }
  }
}
