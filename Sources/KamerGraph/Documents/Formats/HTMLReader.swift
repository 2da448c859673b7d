/// Reads HTML pages (officielebekendmakingen.nl and others) with libxml2's HTML parser: the text
/// of the body without script and style, `<a href>` links, the title and DC metadata.
package enum HTMLReader {
  static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "iframe", "object", "svg"]
  static let blocks: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "section", "article", "header",
    "footer", "nav", "blockquote", "pre", "dd", "dt", "dl", "hr", "form", "main", "aside", "figure", "figcaption",
    "caption", "address", "body", "thead", "tbody", "tfoot", "fieldset", "legend", "details", "summary",
  ]

  /// Site chrome, not content: navigation, menus, the page footer, search boxes, share buttons,
  /// cookie banners and pop-ups of sites such as tweedekamer.nl and officielebekendmakingen.nl.
  /// Their links and labels ("Omgevingswet", "Fractie PVV", "Naar een Grondwet") would otherwise
  /// become mentions of every page. Recognised by element (`nav`, and `footer`/`aside` outside an
  /// article), by ARIA role, and by whole words of `id`/`class` (so "paper-header" stays). A
  /// "header" is not chrome by itself: tweedekamer.nl puts the paper's number and indiener in it.
  static func isSiteChrome(_ e: XMLTreeElement, name: String) -> Bool {
    if name == "nav" || name == "form" { return true }
    if let role = e.attribute("role")?.lowercased(), chromeRoles.contains(role) { return true }
    for attribute in ["id", "class"] {
      guard let value = e.attribute(attribute)?.lowercased() else { continue }
      for word in value.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        if chromeWords.contains(String(word)) { return true }
        if chromePrefixes.contains(where: { word.hasPrefix($0) }) { return true }
      }
    }
    return false
  }

  static let chromeRoles: Set<String> = ["navigation", "banner", "contentinfo", "search", "dialog", "menu", "menubar"]
  /// Whole `id`/`class` words that mark site chrome.
  static let chromeWords: Set<String> = [
    "footer", "navigation", "nav", "menu", "breadcrumb", "breadcrumbs", "breadcrumb-container", "sitemap",
    "skiplinks", "skip-links", "skiplink", "cookie", "cookiebar", "cookie-banner", "social-media-links",
    "social-media-popup", "share", "tools", "search-box-container", "searchbox", "site-header", "site-footer",
    "page-footer", "logo", "colorbox", "cboxoverlay", "sidebar",
  ]
  /// `id`/`class` word prefixes that mark site chrome ("nav-main", "nav-sub", "menu-item", "cbox...").
  static let chromePrefixes: [String] = ["nav-", "nav_", "menu-", "menu_", "cbox", "cookie", "skip-", "drop-down-menu"]

  package static func read(bytes: [UInt8], path: String) throws(DocumentError) -> Document {
    let tree: XMLTree
    do { tree = try XMLTree.parseHTML(bytes, file: path) } catch { throw .xml(error) }
    guard let root = tree.root else { throw .invalidContent(path: path, reason: "is HTML without any element") }
    var metas: [(String, String)] = []
    var title: String?
    if let head = root.firstElement(named: "head") {
      for e in head.descendants(named: "meta") {
        if let name = e.attribute("name") ?? e.attribute("property"), let content = e.attribute("content") {
          metas.append((name, content.trimmingSpaces))
        }
      }
      title = head.firstElement(named: "title")?.text.collapsingSpaces
    }
    var walk = HTMLWalk()
    (root.firstElement(named: "body") ?? root).walkChildren(with: &walk)
    let links = walk.links
    var bytesOut = walk.text.bytes
    while let last = bytesOut.last, TextScan.isSpace(last) { bytesOut.removeLast() }
    let clamped = links.map {
      ExplicitLink(target: $0.target, range: ByteRange(min($0.range.start, bytesOut.count), min($0.range.end, bytesOut.count)))
    }
    var doc = Document(path: path, format: .html, text: String(decoding: bytesOut, as: UTF8.self), links: clamped)
    func meta(_ name: String) -> String? { metas.first { $0.0.lowercased() == name.lowercased() }?.1 }
    if let id = meta("DC.identifier") ?? meta("dcterms.identifier"), !id.isEmpty { doc.ownIds.append(id) }
    doc.metadata.title = meta("DC.title") ?? meta("dcterms.title") ?? ((title?.isEmpty ?? true) ? nil : title)
    doc.metadata.date = (meta("DCTERMS.issued") ?? meta("DCTERMS.available") ?? meta("OVERHEIDop.datumOntvangst"))
      .flatMap { DutchDate.iso($0) }
    doc.metadata.type = meta("DC.type")
    paperHeader(body: root.firstElement(named: "body") ?? root, into: &doc)
    for (name, value) in metas where name.hasPrefix("OVERHEID") || name.hasPrefix("DC") {
      if doc.metadata.extra[name] == nil { doc.metadata.extra[name] = value }
    }
    return doc
  }

  /// The facts box of a tweedekamer.nl Kamerstuk page (`<dl>`: "Nummer" 33308-13, "Indiener"
  /// Lilian Helder, Kamerlid PVV): the number in the site's dossier-number notation is the page's
  /// own Kamerstuk id, the indiener signs it and is a member of the party named after "Kamerlid".
  static func paperHeader(body: XMLTreeElement, into doc: inout Document) {
    for list in body.descendants(named: "dl") {
      var term: String?
      for item in list.elements {
        if item.name == "dt" {
          term = item.text.collapsingSpaces.lowercased()
          continue
        }
        guard item.name == "dd", let t = term else { continue }
        let value = item.text.collapsingSpaces
        if t == "nummer", let id = tweedeKamerNumber(value), !doc.ownIds.contains(id) {
          doc.ownIds.append(id)
        } else if t == "publicatiedatum" || t == "datum", doc.metadata.date == nil, let iso = DutchDate.iso(value) {
          doc.metadata.date = iso
        } else if t == "indiener" || t == "indieners" {
          let selfID = doc.ownIds.first ?? doc.path
          for person in value.components(separatedBy: ";") {
            let parts = person.components(separatedBy: ",")
            let name = parts[0].trimmingSpaces
            guard !name.isEmpty, name.first?.isUppercase == true else { continue }
            let id = PersonName.id(fullName: name)
            doc.facts.append(Fact(.edge(source: selfID, relation: .signedBy, target: id), evidence: "Indiener " + value))
            doc.facts.append(Fact(.attribute(id: id, name: "label", value: name), evidence: "Indiener " + value))
            if parts.count > 1, let r = parts[1].range(of: "Kamerlid "), let party = Party.id(for: parts[1][r.upperBound...].trimmingSpaces) {
              doc.facts.append(Fact(.edge(source: id, relation: .memberOf, target: party), evidence: "Indiener " + value))
            }
          }
        }
        term = nil
      }
    }
  }

  /// `kst-33308-13` for the tweedekamer.nl notation "33308-13" (and "21501-02-1855", "36600-X-12").
  static func tweedeKamerNumber(_ s: String) -> String? {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts.count <= 3, parts[0].count == 5, parts[0].allSatisfy(\.isASCII),
      parts[0].allSatisfy(\.isNumber), let last = parts.last, !last.isEmpty, last.count <= 5,
      last.allSatisfy({ $0.isASCII && $0.isNumber }),
      parts.dropFirst().dropLast().allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) } })
    else { return nil }
    return "kst-" + parts.joined(separator: "-")
  }
}

/// The walk over an HTML body: blocks on their own lines, text with its spaces collapsed (kept
/// inside `pre`), table cells apart, `<a href>` links; script, style and site chrome left out.
private struct HTMLWalk: XMLWalker {
  typealias Failure = Never
  /// What an open element does when it closes.
  struct Open {
    var block = false
    var cell = false
    var pre = false
    var link: (target: String, start: Int)? = nil
  }

  var text = TextBuilder()
  var links: [ExplicitLink] = []
  var open: [Open] = []
  /// How many open elements are `pre`.
  var preDepth = 0

  mutating func startElement(_ e: XMLTreeElement) -> XMLDescent {
    let name = e.name.lowercased()
    if HTMLReader.skipped.contains(name) || HTMLReader.isSiteChrome(e, name: name) {
      open.append(Open())
      return .skipChildren
    }
    if name == "br" {
      text.appendLiteral(0x0A)
      open.append(Open())
      return .skipChildren
    }
    var element = Open(block: HTMLReader.blocks.contains(name), cell: name == "td" || name == "th", pre: name == "pre")
    if element.cell { text.noteSpace() }
    if element.block { text.blockBreak() }
    if name == "a", let href = e.attribute("href") {
      text.flushPendingSpace()
      element.link = (href, text.count)
    }
    if element.pre { preDepth += 1 }
    open.append(element)
    return .children
  }

  mutating func endElement(_ e: XMLTreeElement) {
    guard let element = open.popLast() else { return }
    if element.pre { preDepth -= 1 }
    if let link = element.link { links.append(ExplicitLink(target: link.target, range: ByteRange(link.start, text.count))) }
    if element.block { text.blockBreak() }
    if element.cell { text.noteSpace() }
  }

  mutating func text(_ text: String) {
    if preDepth > 0 { self.text.appendRaw(text) } else { self.text.appendMarkupText(text, collapseAll: true) }
  }
}
