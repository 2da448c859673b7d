/// Poppler's one-time setup: the library is loaded (`PopplerLibrary`), its global parameters are
/// created by the first document opened, which is not safe from two threads at once, and its
/// messages go to standard error.
enum PopplerSetup {
  private static let done: Result<PopplerLibrary, PopplerLibrary.LoadError> = PopplerLibrary.shared.map { poppler in
    // A minimal PDF opened once under this lazy global's lock creates poppler's globals.
    //
    // The document is never unreffed, on purpose (issue 19): poppler-glib counts live documents
    // (GlobalParamsIniter), and each time the count goes from 0 to 1 it creates poppler's
    // globals again and sets its own error callback (`_poppler_error_cb`, which formats every
    // message with g_strdup_vprintf for g_log). With this document alive the count never falls
    // to 0, so the globals are made once, here, under a lock (not again from reader threads),
    // and our silent callback below stays set. Without it a hostile page that raises millions
    // of errors spent over 10 s in poppler-glib's callback.
    keptAlive = poppler.document(Array(PDFText.minimalPDF.utf8), error: nil)
    // After the document: opening it is what installs poppler-glib's callback.
    poppler.silenceErrors()
    return poppler
  }

  /// The setup document, alive for the whole process (see `done`).
  nonisolated(unsafe) private static var keptAlive: OpaquePointer?

  /// poppler, loaded and set up (once per process), or why it cannot be loaded.
  static func library() -> Result<PopplerLibrary, PopplerLibrary.LoadError> { done }

  /// Whether poppler's globals exist and are set quiet (true after `library()`, whatever was read
  /// and released since): for the tests.
  static var errorsSilenced: Bool { (try? done.get())?.errorsSilenced ?? false }
}
