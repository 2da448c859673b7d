import Dispatch
import Synchronization

extension BuildPipeline {
  /// Every mention of the planned inputs with its status, handed to `emit` one document at a
  /// time in the order of `Resolver.resolveMentions` (the same mentions and statuses). Units are
  /// read as `build` reads them: metadata files merged into their documents.
  ///
  /// Memory stays within `mentionBudget` bytes of kept mentions (estimated at
  /// `MentionBudget.bytesPerMention` each) plus the files being read: once the budget is spent,
  /// a document keeps only what identity needs and is read and extracted again when its turn to
  /// be emitted comes. `onOutcome` gets every file that was not simply read (skipped or failed,
  /// from the plan and from reading, in path order, before anything is emitted) and any file that
  /// changed between its two reads.
  public func extractResolved(
    _ plan: InputPlan, mentionBudget: Int = MentionBudget.defaultBytes,
    onOutcome: (FileOutcome) -> Void, emit: (_ path: String, _ mentions: [Mention]) -> Void
  ) {
    let units = plan.units
    var results = [(ExtractedDocument?, [FileOutcome])?](repeating: nil, count: units.count)
    var dropped = [Bool](repeating: false, count: units.count)
    let reader = self.reader
    let extractor = self.extractor
    let spent = Mutex(0)
    results.withUnsafeMutableBufferPointer { buffer in
      dropped.withUnsafeMutableBufferPointer { droppedBuffer in
        nonisolated(unsafe) let out = buffer
        nonisolated(unsafe) let drop = droppedBuffer
        DispatchQueue.concurrentPerform(iterations: units.count) { i in
          let (document, outcomes) = reader.read(unit: units[i])
          guard let document else {
            out[i] = (nil, outcomes)
            return
          }
          let mentions = extractor.mentions(in: document)
          let cost = mentions.count * MentionBudget.bytesPerMention
          let fits = spent.withLock { used -> Bool in
            guard used + cost <= mentionBudget else { return false }
            used += cost
            return true
          }
          // The digest stands in for the text where documents are compared, and tells whether a
          // document read twice changed in between; one document whose mentions are kept needs
          // neither.
          var extracted = ExtractedDocument(document: document, mentions: mentions)
            .releasingText(digest: units.count > 1 || !fits)
          // Statuses need the document's ids, metadata and facts, not its footnotes, links or notes.
          extracted.document.footnotes = []
          extracted.document.links = []
          extracted.document.notes = []
          if !fits {
            extracted.mentions = StatusResolver.identityMentions(extracted.mentions)
            drop[i] = true
          }
          out[i] = (extracted, outcomes)
        }
      }
    }
    var reported = plan.outcomes
    var documents: [ExtractedDocument] = []
    var unitOf: [Int] = []
    for (i, result) in results.enumerated() {
      let (document, outcomes) = result!
      reported.append(contentsOf: outcomes.filter { $0.status != .read })
      if let document {
        documents.append(document)
        unitOf.append(i)
      }
    }
    results = []
    for outcome in reported.sorted() { onOutcome(outcome) }
    var statuses = StatusResolver(documents)
    for k in statuses.order {
      let i = unitOf[k]
      var mentions: [Mention]
      if dropped[i] {
        // Read again: the first read's mentions were not kept.
        guard let document = reader.read(unit: units[i]).0 else {
          onOutcome(FileOutcome(path: units[i].primary, status: .failed, reason: "could not be read a second time"))
          continue
        }
        if (document.text.isEmpty ? nil : FastDigest.of(document.text)) != documents[k].textDigest {
          onOutcome(
            FileOutcome(
              path: units[i].primary, status: .read,
              notes: ["changed while it was read; its mentions are from the second read"]))
        }
        mentions = extractor.mentions(in: document)
      } else {
        mentions = []
        swap(&mentions, &documents[k].mentions)
      }
      statuses.setStatuses(&mentions)
      emit(documents[k].document.path, mentions)
    }
  }
}

/// The memory allowed for kept mentions in `BuildPipeline.extractResolved`.
public enum MentionBudget {
  /// What one mention costs in memory, roughly (its struct, ids, text and fields), measured on the
  /// benchmark text: about 430 bytes.
  public static let bytesPerMention = 512
  /// 256 MiB: about half a million mentions, or some 100 MB of parliamentary text.
  public static let defaultBytes = 256 << 20
}
