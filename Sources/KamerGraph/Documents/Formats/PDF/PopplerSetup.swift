import CPoppler

/// Poppler's one-time setup: its global parameters are created by the first document opened,
/// which is not safe from two threads at once, and its messages go to standard error.
enum PopplerSetup {
  private static let done: Bool = {
    // A minimal PDF opened once under this lazy global's lock creates poppler's globals.
    //
    // The document is never unreffed, on purpose (issue 19): poppler-glib counts live documents
    // (GlobalParamsIniter), and each time the count goes from 0 to 1 it creates poppler's
    // globals again and sets its own error callback (`_poppler_error_cb`, which formats every
    // message with g_strdup_vprintf for g_log). With this document alive the count never falls
    // to 0, so the globals are made once, here, under a lock (not again from reader threads),
    // and our silent callback below stays set. Without it a hostile page that raises millions
    // of errors spent over 10 s in poppler-glib's callback.
    let tiny = Array(PDFText.minimalPDF.utf8)
    let gbytes = tiny.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    keptAlive = poppler_document_new_from_bytes(gbytes, nil, nil)
    g_bytes_unref(gbytes)
    // After the document: opening it is what installs poppler-glib's callback.
    cpoppler_silence_errors()
    return true
  }()

  /// The setup document, alive for the whole process (see `done`).
  nonisolated(unsafe) private static var keptAlive: OpaquePointer?

  static func once() { _ = done }

  /// Whether poppler's globals exist and are set quiet (true after `once()`, whatever was read
  /// and released since): for the tests.
  static var errorsSilenced: Bool { cpoppler_errors_silenced() }
}
