import CPoppler

/// Poppler's one-time setup: its global parameters are created by the first document opened,
/// which is not safe from two threads at once, and its messages go to standard error.
enum PopplerSetup {
  private static let done: Bool = {
    cpoppler_silence_errors()
    // A minimal PDF opened once under this lazy global's lock creates poppler's globals.
    let tiny = Array(PDFText.minimalPDF.utf8)
    let gbytes = tiny.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    if let doc = poppler_document_new_from_bytes(gbytes, nil, nil) { g_object_unref(UnsafeMutableRawPointer(doc)) }
    g_bytes_unref(gbytes)
    return true
  }()

  static func once() { _ = done }
}
