/// Where the pages of a paged document (PDF) lie in its text, and which lines are page furniture
/// (running headers and footers, the KOOP publication footer): what `extract` needs to tell a user
/// the page of a mention and to take the document's own ids from its footers.
package struct PageLayout: Sendable, Hashable, Codable {
  /// One page: its text range (after the form feed that separates it from the page before).
  package struct Page: Sendable, Hashable, Codable {
    /// The physical page number, from 1.
    package var number: Int
    /// The page label the PDF gives the page ("iii", "A-3"), when it differs from `number`.
    package var label: String?
    package var range: ByteRange
    package init(number: Int, label: String? = nil, range: ByteRange) {
      self.number = number
      self.label = label
      self.range = range
    }
  }

  /// The pages in text order; ranges do not overlap.
  package var pages: [Page]
  /// Running headers and footers kept in the text (each once, where it first appears) and the
  /// publication footer of a first page: document references in them name the document itself.
  package var furniture: [ByteRange]

  package init(pages: [Page] = [], furniture: [ByteRange] = []) {
    self.pages = pages
    self.furniture = furniture
  }

  /// The page whose range holds `offset` (the last page that starts at or before it).
  package func page(at offset: Int) -> Page? {
    var low = 0
    var high = pages.count
    while low < high {
      let mid = (low + high) / 2
      if pages[mid].range.start <= offset { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? pages[low - 1] : nil
  }

  /// Whether `offset` lies in a furniture line.
  package func isFurniture(_ offset: Int) -> Bool {
    var low = 0
    var high = furniture.count
    while low < high {
      let mid = (low + high) / 2
      if furniture[mid].start <= offset { low = mid + 1 } else { high = mid }
    }
    return low > 0 && furniture[low - 1].contains(offset)
  }

  /// Adds the page fields to mentions (`pdf-page`, and `page-label` when the page has one) and
  /// gives document references (not laws) in furniture lines the role `own`: a footer such as
  /// "kst-36600-X-12" or "Tweede Kamer, vergaderjaar 2024–2025, 36 600 X, nr. 12" names the
  /// document that carries it.
  package func mark(_ mentions: inout [Mention]) {
    for k in mentions.indices {
      if let page = page(at: mentions[k].start) {
        mentions[k].fields[MentionField.pdfPage] = String(page.number)
        if let label = page.label { mentions[k].fields[MentionField.pageLabel] = label }
      }
      // A law is never the identity of the document that names it, whatever line it stands on
      // (a body line at a page top taken for furniture: "de Algemene Wet Bestuursrecht. Dit ...").
      if mentions[k].kind.isDocument, mentions[k].kind != .bwb, mentions[k].fields[MentionField.role] == nil,
        isFurniture(mentions[k].start)
      {
        mentions[k].fields[MentionField.role] = MentionRole.own
      }
    }
  }
}

extension MentionField {
  /// The page of a paged document (PDF) the mention is on, from 1.
  package static let pdfPage = "pdf-page"
  /// The PDF's own label of that page, when it has one that differs from the page number.
  package static let pageLabel = "page-label"
}
