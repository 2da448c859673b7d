import CPoppler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The PDF's document information: label and date when the text gives none, the rest for `show`.
enum PDFMetadata {
  static func apply(_ doc: OpaquePointer, to document: inout Document, poppler: PopplerLibrary) {
    func string(_ get: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?) -> String? {
      guard let s = poppler.take(get(doc))?.collapsingSpaces else { return nil }
      return s.isEmpty ? nil : s
    }
    let title = string(poppler.documentGetTitle)
    let author = string(poppler.documentGetAuthor)
    let subject = string(poppler.documentGetSubject)
    let keywords = string(poppler.documentGetKeywords)
    if document.metadata.title == nil, let title, !looksLikeFileName(title) { document.metadata.title = title }
    if document.metadata.title == nil, let subject { document.metadata.title = subject }
    if let author { document.metadata.extra["pdf-author"] = author }
    if let subject { document.metadata.extra["pdf-subject"] = subject }
    if let keywords { document.metadata.extra["pdf-keywords"] = keywords }
    if let title { document.metadata.extra["pdf-title"] = title }
    let created = poppler.documentGetCreationDate(doc)
    if created > 0 {
      var t = time_t(created)
      var parts = tm()
      gmtime_r(&t, &parts)
      func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
      let iso = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
      document.metadata.extra["pdf-created"] = iso
      if document.metadata.date == nil { document.metadata.date = iso }
    }
  }

  /// Titles such as "Microsoft Word - brief.docx" or "36600-X-12.pdf" name a file, not the document.
  static func looksLikeFileName(_ title: String) -> Bool {
    let t = title.lowercased()
    return t.hasPrefix("microsoft word - ") || [".doc", ".docx", ".pdf", ".odt", ".rtf", ".dot"].contains { t.hasSuffix($0) }
  }
}
