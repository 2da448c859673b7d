#ifndef CPOPPLER_SHIM_H
#define CPOPPLER_SHIM_H
/* poppler-glib (Debian libpoppler-glib-dev) for Sources/KamerGraph/Documents/Formats/PDFReader.swift.
   glib, gobject and cairo headers come with it; none of them includes ICU, so the libxml2 ICU
   clash (graph-formats-and-libxml2.md §3.1) does not arise here. */
#include <poppler.h>

/* poppler core prints its parse errors ("Syntax Error (1234): ...") to standard error unless an
   error callback is set. poppler-glib does not expose `setErrorCallback` (a C++ function in
   poppler/Error.h, stable since poppler 0.2x), so it is declared here by its mangled name:
   void setErrorCallback(void (*)(ErrorCategory, Goffset, const char *)). */
extern void _Z16setErrorCallbackPFv13ErrorCategoryxPKcE(void (*)(int, long long, const char *));

static void cpoppler_ignore_error(int category, long long position, const char *message) {
  (void)category; (void)position; (void)message;
}

/* Keeps poppler's own messages off standard error: a bad PDF gets one clear per-file message
   from the reader instead. */
static inline void cpoppler_silence_errors(void) {
  _Z16setErrorCallbackPFv13ErrorCategoryxPKcE(cpoppler_ignore_error);
}

/* The GError domain of poppler's errors (a macro in poppler.h). */
static inline GQuark cpoppler_error_domain(void) { return POPPLER_ERROR; }

#endif
