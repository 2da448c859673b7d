extension DocumentReader {
  /// Merges a KOOP metadata record into its document: the record's ids first (DC.identifier is
  /// authoritative), its metadata over the document's where present, its facts added.
  public static func merge(_ document: Document, metadata: Document) -> Document {
    var doc = document
    var ids: [String] = []
    for id in metadata.ownIds + document.ownIds where !ids.contains(id) { ids.append(id) }
    doc.ownIds = ids
    let m = metadata.metadata
    doc.metadata.title = m.title ?? doc.metadata.title
    doc.metadata.date = m.date ?? doc.metadata.date
    doc.metadata.type = m.type ?? doc.metadata.type
    doc.metadata.sender = m.sender ?? doc.metadata.sender
    doc.metadata.addressee = m.addressee ?? doc.metadata.addressee
    doc.metadata.vergaderjaar = m.vergaderjaar ?? doc.metadata.vergaderjaar
    doc.metadata.dossier = m.dossier ?? doc.metadata.dossier
    doc.metadata.number = m.number ?? doc.metadata.number
    for (k, v) in m.extra { doc.metadata.extra[k] = v }
    // Facts naming the record by its path now name the document by its first id.
    let selfID = doc.ownIds.first ?? doc.path
    for fact in metadata.facts {
      var f = fact
      // Its evidence names the metadata file, not the document it is merged into.
      if f.path == nil { f.path = metadata.path }
      if case .edge(let s, let r, let t) = fact.statement, s == metadata.path { f.statement = .edge(source: selfID, relation: r, target: t) }
      if case .attribute(let s, let n, let v) = fact.statement, s == metadata.path { f.statement = .attribute(id: selfID, name: n, value: v) }
      if !doc.facts.contains(f) { doc.facts.append(f) }
    }
    doc.notes.append("merged with \(metadata.path)")
    doc.notes.append(contentsOf: metadata.notes)
    return doc
  }

  /// Reads a unit: its primary file with its metadata files merged in. A metadata file that fails
  /// is reported and the document is still read; when the document fails, its metadata record
  /// stands on its own.
  public func read(unit: InputUnit) -> (Document?, [FileOutcome]) {
    read(unit: unit) { path throws(DocumentError) in try read(path: path) }
  }

  /// `read(unit:)` with each file read by `file` (a build hands over files it loaded already).
  func read(unit: InputUnit, file readFile: (String) throws(DocumentError) -> Document) -> (Document?, [FileOutcome]) {
    var outcomes: [FileOutcome] = []
    var metadata: [(String, Document)] = []
    for companion in unit.companions {
      do throws(DocumentError) {
        metadata.append((companion, try readFile(companion)))
      } catch {
        outcomes.append(CorpusLoader.outcome(for: error, path: companion))
      }
    }
    var document: Document
    do throws(DocumentError) {
      document = try readFile(unit.primary)
    } catch {
      outcomes.append(CorpusLoader.outcome(for: error, path: unit.primary))
      guard let (path, record) = metadata.first else { return (nil, outcomes) }
      outcomes.append(FileOutcome(path: path, status: .read, format: record.format, notes: ["its document \(unit.primary) failed"]))
      return (record, outcomes)
    }
    for (path, record) in metadata {
      document = DocumentReader.merge(document, metadata: record)
      outcomes.append(FileOutcome(path: path, status: .skipped, format: .koopMetadata, reason: "metadata merged into \(unit.primary)"))
    }
    for outcome in outcomes where outcome.status == .failed {
      document.notes.append("metadata file \(outcome.path) not merged: \(outcome.reason ?? "")")
    }
    outcomes.append(FileOutcome(path: unit.primary, status: .read, format: document.format, notes: document.notes))
    return (document, outcomes)
  }
}
