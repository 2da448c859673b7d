#ifndef CPOPPLER_SHIM_H
#define CPOPPLER_SHIM_H
/* poppler-glib (Debian libpoppler-glib-dev) for Sources/KamerGraph/Documents/Formats/PDFReader.swift.
   glib, gobject and cairo headers come with it; none of them includes ICU, so the libxml2 ICU
   clash (graph-formats-and-libxml2.md §3.1) does not arise here. */
#include <poppler.h>

/* poppler core reports its parse errors through error() (poppler/Error.cc): with an error callback
   set it formats every message (GooString::formatv, then a sanitising copy) and calls it; with none
   it prints to standard error, unless GlobalParams' errQuiet is set, in which case it returns at
   once, before any formatting. A hostile content stream raises millions of errors on one page
   (issue 19: 7 million on a 9 KB file), so "quiet and no callback" is the only cheap silence.
   poppler-glib does not expose these C++ functions; they are declared here by their mangled names
   (poppler/Error.h and poppler/GlobalParams.h, stable since poppler 0.2x):
     void setErrorCallback(void (*)(ErrorCategory, Goffset, const char *));
     void GlobalParams::setErrQuiet(bool);
     std::unique_ptr<GlobalParams> globalParams;   (one pointer with the default deleter) */
extern void _Z16setErrorCallbackPFv13ErrorCategoryxPKcE(void (*)(int, long long, const char *));
extern void _ZN12GlobalParams11setErrQuietEb(void *self, _Bool quiet);
extern _Bool _ZN12GlobalParams11getErrQuietEv(void *self);
extern void *globalParams;

static void cpoppler_ignore_error(int category, long long position, const char *message) {
  (void)category; (void)position; (void)message;
}

/* Keeps poppler's own messages off standard error (a bad PDF gets one clear per-file message from
   the reader instead) at the least cost. Call it after poppler's globals exist (a document is
   open), and keep that document open: poppler-glib sets its own callback whenever it creates them. */
static inline void cpoppler_silence_errors(void) {
  if (globalParams != 0) {
    _ZN12GlobalParams11setErrQuietEb(globalParams, 1);
    _Z16setErrorCallbackPFv13ErrorCategoryxPKcE(0);
  } else {
    _Z16setErrorCallbackPFv13ErrorCategoryxPKcE(cpoppler_ignore_error);
  }
}

/* Whether poppler's globals exist and are quiet: true from PopplerSetup on, for the whole process. */
static inline _Bool cpoppler_errors_silenced(void) {
  return globalParams != 0 && _ZN12GlobalParams11getErrQuietEv(globalParams);
}

/* The GError domain of poppler's errors (a macro in poppler.h). */
static inline GQuark cpoppler_error_domain(void) { return POPPLER_ERROR; }

#endif
