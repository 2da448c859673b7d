/// Reads KOOP `officiele-publicatie` XML (kamervragen/aanhangsel, kamerstuk, handelingen,
/// staatsblad, staatscourant) with the streaming reader: block elements become lines, `noot`
/// bodies go after the main text with their marks kept, every `extref` becomes an `ExplicitLink`.
package enum KOOPXMLReader {
  /// Elements that run inside a line; every other element is a block (its own line).
  static let inline: Set<String> = [
    "naam", "achternaam", "voornaam", "voorletters", "tussenvoegsel", "kamervraagonderwerp", "datum", "nadruk",
    "extref", "intref", "sup", "sub", "inf", "afkorting", "functie", "organisatie", "noot", "nr", "label", "lidnr",
    "li.nr", "unl", "term", "nootref", "noot.nr", "titel-kort", "huisnummer", "postcode",
  ]

  package static func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    var walk = KOOPWalk(path: path, capacity: bytes.count)
    do {
      try XMLStreamReader.walk(bytes, file: path, with: &walk)
    } catch let error as DocumentError {
      throw error
    } catch let error as XMLError {
      throw .xml(error)
    } catch {
      throw .invalidContent(path: path, reason: "could not be read: \(error)")
    }
    var doc = walk.assemble()
    if let record = walk.externRecord, let id = KOOPIds.idFromURL(record) { doc.ownIds.append(id) }
    doc.metadata = walk.metadata(ownIds: &doc.ownIds)
    var seen: Set<String> = []
    doc.ownIds = doc.ownIds.filter { seen.insert($0).inserted }
    return doc
  }
}

/// A footnote as it is read: its number, its body apart from the main text, where its mark is.
private struct KOOPNote {
  var number = ""
  var body = TextBuilder()
  var mark: Int
  var links: [ExplicitLink] = []
}

/// An `extref` not closed yet.
private struct KOOPOpenLink {
  var target: String
  var start: Int
  var inNote: Bool
}

/// The text of an element kept as a metadata field (`fields[key]`) when the element closes.
private struct KOOPCapture {
  var key: String
  var depth: Int
  var text = ""
}

/// What an element means to the reader, decided once per distinct name.
private struct KOOPElement {
  enum Role { case plain, meta, noot, nootNr, extref, tekstregel, capture, omschrijving, titel, datum }

  let name: String
  let inline: Bool
  let role: Role
  init(_ name: String) {
    self.name = name
    inline = KOOPXMLReader.inline.contains(name)
    switch name {
    case "meta": role = .meta
    case "noot": role = .noot
    case "noot.nr": role = .nootNr
    case "extref": role = .extref
    case "tekstregel": role = .tekstregel
    case "kamervraagnummer", "dossiernr", "ondernummer", "intitule", "toevoeging", "dossiernummer": role = .capture
    case "kamervraagomschrijving": role = .omschrijving
    case "titel": role = .titel
    case "datum": role = .datum
    default: role = .plain
    }
  }
}

/// The walk over one KOOP document: the main text and the notes as they are read, the open
/// links and captures, and the fields the metadata is made of.
private struct KOOPWalk: XMLWalker {
  typealias Node = XMLStreamReader
  typealias Text = XMLStreamReader
  typealias Failure = any Error
  let path: String
  var main: TextBuilder
  var notes: [KOOPNote] = []
  var currentNote: KOOPNote?
  var noteDepth = 0
  var noteNumberDepth = 0
  var mainLinks: [ExplicitLink] = []
  var openLinks: [KOOPOpenLink] = []
  var captures: [KOOPCapture] = []
  var fields: [String: String] = [:]
  var depth = 0
  var bodyName = ""
  var externRecord: String?
  var answerDate: String?
  var firstDate: String?
  var omschrijvingType: String?
  var stack: [Int] = []
  var table = XMLNameTable()
  var infos: [KOOPElement] = []

  init(path: String, capacity: Int) {
    self.path = path
    main = TextBuilder(capacity: capacity)
  }

  /// A line break in the text being written (the open note's or the main text).
  private mutating func blockBreak() {
    if currentNote != nil { currentNote!.body.blockBreak() } else { main.blockBreak() }
  }

  mutating func startElement(_ reader: XMLStreamReader) throws -> XMLDescent {
    let id = reader.localNameID(in: &table)
    while infos.count <= id { infos.append(KOOPElement(table.names[infos.count])) }
    let info = infos[id]
    let name = info.name
    depth += 1
    stack.append(id)
    if depth == 1 {
      guard name == "officiele-publicatie" else {
        throw DocumentError.invalidContent(
          path: path, reason: "is XML with root element <\(name)>, not a KOOP <officiele-publicatie>")
      }
    } else if depth == 2, name != "metadata", name != "kop", bodyName.isEmpty {
      bodyName = name
    }
    if !info.inline { blockBreak() }
    switch info.role {
    case .plain:
      break
    case .meta:
      if reader.attribute("name") == "OVERHEIDop.externMetadataRecord" { externRecord = reader.attribute("content") }
    case .noot:
      if currentNote == nil {
        currentNote = KOOPNote(mark: main.count)
        noteDepth = depth
      }
    case .nootNr:
      if noteNumberDepth == 0 { noteNumberDepth = depth }
    case .extref:
      let target = reader.attribute("doc") ?? reader.attribute("href") ?? ""
      if currentNote != nil {
        currentNote!.body.flushPendingSpace()
        openLinks.append(KOOPOpenLink(target: target, start: currentNote!.body.count, inNote: true))
      } else {
        main.flushPendingSpace()
        openLinks.append(KOOPOpenLink(target: target, start: main.count, inNote: false))
      }
    case .tekstregel:
      if reader.attribute("inhoud") == "vergaderjaar" { captures.append(KOOPCapture(key: "vergaderjaar", depth: depth)) }
    case .capture:
      captures.append(KOOPCapture(key: name, depth: depth))
    case .omschrijving:
      omschrijvingType = reader.attribute("type")
      captures.append(KOOPCapture(key: "omschrijving-\(omschrijvingType ?? "")", depth: depth))
    case .titel:
      let parent = stack.count >= 2 ? infos[stack[stack.count - 2]].name : ""
      if !(parent == "kop" && stack.count == 3) { captures.append(KOOPCapture(key: "titel", depth: depth)) }
    case .datum:
      if let iso = reader.attribute("isodatum") {
        if firstDate == nil { firstDate = iso }
        if omschrijvingType == "antwoord", answerDate == nil { answerDate = iso }
      }
    }
    return .children
  }

  mutating func endElement(_ reader: XMLStreamReader) {
    guard let id = stack.last else { return }
    let info = infos[id]
    // Close the captures and links that end here.
    while let last = captures.last, last.depth == depth {
      captures.removeLast()
      if fields[last.key] == nil { fields[last.key] = last.text.collapsingSpaces }
    }
    if info.role == .nootNr, depth == noteNumberDepth { noteNumberDepth = 0 }
    if info.role == .extref, let link = openLinks.popLast() {
      if link.inNote, currentNote != nil {
        currentNote!.links.append(ExplicitLink(target: link.target, range: ByteRange(link.start, currentNote!.body.count)))
      } else {
        mainLinks.append(ExplicitLink(target: link.target, range: ByteRange(link.start, main.count)))
      }
    }
    if info.role == .noot, depth == noteDepth, let note = currentNote {
      notes.append(note)
      currentNote = nil
    } else if !info.inline {
      blockBreak()
    }
    if info.role == .omschrijving { omschrijvingType = nil }
    stack.removeLast()
    depth -= 1
  }

  mutating func text(_ reader: XMLStreamReader) {
    if !captures.isEmpty {
      let value = reader.value
      for k in captures.indices { captures[k].text += value }
    }
    if noteNumberDepth > 0 {
      if currentNote != nil { currentNote!.number += reader.value.trimmingSpaces }
    } else if currentNote != nil {
      reader.withValueBytes { currentNote!.body.appendMarkupText(bytes: $0) }
    } else {
      reader.withValueBytes { main.appendMarkupText(bytes: $0) }
    }
  }

  mutating func whitespace(_ reader: XMLStreamReader) {
    if currentNote != nil { currentNote!.body.noteSpace() } else { main.noteSpace() }
    if !captures.isEmpty { for k in captures.indices { captures[k].text += " " } }
  }

  /// The document's text: the main text, then each note body on its own line, with the
  /// footnotes and links.
  mutating func assemble() -> Document {
    var bytes = main.takeBytes()
    while let last = bytes.last, TextScan.isSpace(last) { bytes.removeLast() }
    // Marks and links at the very end may sit in whitespace that was trimmed.
    let mainCount = bytes.count
    var footnotes: [Footnote] = []
    var links = mainLinks.map { link in
      ExplicitLink(target: link.target, range: ByteRange(min(link.range.start, bytes.count), min(link.range.end, bytes.count)))
    }
    var markedNotes: [(KOOPNote, Int, ByteRange)] = []
    for note in notes {
      bytes.append(0x0A)
      let offset = bytes.count
      var body = note.body.bytes
      while let last = body.last, TextScan.isSpace(last) { body.removeLast() }
      bytes.append(contentsOf: body)
      let mark = min(note.mark, mainCount)
      markedNotes.append((note, mark, ByteRange(offset, offset + body.count)))
      for link in note.links {
        links.append(
          ExplicitLink(
            target: link.target,
            range: ByteRange(offset + min(link.range.start, body.count), offset + min(link.range.end, body.count))))
      }
    }
    for (note, mark, body) in markedNotes {
      let markRange = ByteRange(mark, mark)
      footnotes.append(
        Footnote(
          number: note.number, mark: markRange, body: TextScan.trimmed(body, in: bytes),
          sentence: TextScan.sentence(around: markRange, in: bytes)))
    }
    var doc = Document(path: path, format: .koopXML, text: String(decoding: bytes, as: UTF8.self))
    doc.footnotes = footnotes
    doc.links = links
    return doc
  }

  /// Type, number, dossier, title and date from the captured fields by kind of publication; the
  /// document's own id (aanhangsel, kamerstuk) is added to `ownIds`.
  func metadata(ownIds: inout [String]) -> DocumentMetadata {
    var meta = DocumentMetadata()
    switch bodyName {
    case "kamervragen":
      if let vj = fields["vergaderjaar"].flatMap(CanonicalID.vergaderjaar) { meta.vergaderjaar = vj }
      if let nr = fields["kamervraagnummer"]?.trimmingSpaces, !nr.isEmpty {
        meta.number = nr
        meta.type = "Aanhangsel van de Handelingen"
        if let vj = meta.vergaderjaar { ownIds.append("ah-tk-" + vj.filter { $0 != "-" } + "-" + nr) }
      } else {
        meta.type = "Kamervragen"
      }
      meta.title = fields["omschrijving-vraag"] ?? fields["omschrijving-"]
      if let answer = fields["omschrijving-antwoord"] { meta.extra["antwoord"] = answer }
    case "kamerstuk":
      meta.type = "Kamerstuk"
      let dossier = KOOPIds.dossier(fields["dossiernr"] ?? fields["dossiernummer"] ?? "", toevoeging: fields["toevoeging"])
      if !dossier.isEmpty { meta.dossier = dossier }
      if let nr = fields["ondernummer"]?.filter({ !$0.isWhitespace }), !nr.isEmpty {
        meta.number = nr
        if !dossier.isEmpty { ownIds.append("kst-\(dossier)-\(nr)") }
      }
      meta.title = fields["titel"]
    default:
      meta.type = bodyName.isEmpty ? nil : bodyName
      meta.title = fields["intitule"] ?? fields["titel"]
    }
    meta.date = answerDate ?? firstDate
    return meta
  }
}
