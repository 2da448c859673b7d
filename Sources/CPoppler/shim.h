#ifndef CPOPPLER_SHIM_H
#define CPOPPLER_SHIM_H
/* poppler-glib for Sources/KamerGraph/Documents/Formats/PDF/, loaded with dlopen when the first PDF
   is read (PopplerLibrary.swift), never linked: poppler, cairo and the ~40 libraries they pull in
   (fontconfig, freetype, nss, X11, ...) cost every start of the program about 16 ms of dynamic
   linking (issue 21), and only `build`, `text` and `extract` read PDFs.

   So this header includes no poppler or glib header and links nothing. It declares only the types
   the reader uses, with their layouts copied from the headers of the ABIs it loads (stable since
   poppler-glib's soname 8 and glib 2.0):
     poppler-glib: poppler/glib/poppler-page.h (PopplerRectangle, PopplerColor, PopplerTextAttributes),
                   poppler/glib/poppler.h (PopplerError);
     glib:         glib/glist.h (GList), glib/gerror.h (GError).
   The functions are looked up by name (dlsym) into typed function pointers. */

#include <stdint.h>

/* glib/glist.h */
typedef struct _GList {
  void *data;
  struct _GList *next;
  struct _GList *prev;
} GList;

/* glib/gerror.h (GQuark is guint32, gint is int) */
typedef struct _GError {
  uint32_t domain;
  int code;
  char *message;
} GError;

/* poppler-page.h: a rectangle on a page, in PDF points */
typedef struct _PopplerRectangle {
  double x1;
  double y1;
  double x2;
  double y2;
} PopplerRectangle;

/* poppler-page.h */
typedef struct _PopplerColor {
  uint16_t red;
  uint16_t green;
  uint16_t blue;
} PopplerColor;

/* poppler-page.h: the attributes of the characters start_index...end_index of a page's text
   (gboolean is int) */
typedef struct _PopplerTextAttributes {
  char *font_name;
  double font_size;
  int is_underlined;
  PopplerColor color;
  int start_index;
  int end_index;
} PopplerTextAttributes;

/* poppler.h: the codes of poppler's GErrors */
typedef enum {
  CPOPPLER_ERROR_INVALID = 0,
  CPOPPLER_ERROR_ENCRYPTED = 1,
  CPOPPLER_ERROR_OPEN_FILE = 2,
  CPOPPLER_ERROR_BAD_CATALOG = 3,
  CPOPPLER_ERROR_DAMAGED = 4,
} CPopplerError;

/* poppler core reports its parse errors through error() (poppler/Error.cc): with an error callback
   set it formats every message (GooString::formatv, then a sanitising copy) and calls it; with none
   it prints to standard error, unless GlobalParams' errQuiet is set, in which case it returns at
   once, before any formatting. A hostile content stream raises millions of errors on one page
   (issue 19: 7 million on a 9 KB file), so "quiet and no callback" is the only cheap silence.
   poppler-glib does not expose these C++ functions; PopplerLibrary looks them up in libpoppler by
   their mangled names (poppler/Error.h and poppler/GlobalParams.h, stable since poppler 0.2x):
     void setErrorCallback(void (*)(ErrorCategory, Goffset, const char *));
     void GlobalParams::setErrQuiet(bool);
     bool GlobalParams::getErrQuiet();
     std::unique_ptr<GlobalParams> globalParams;   (one pointer with the default deleter) */
#define CPOPPLER_SET_ERROR_CALLBACK "_Z16setErrorCallbackPFv13ErrorCategoryxPKcE"
#define CPOPPLER_SET_ERR_QUIET "_ZN12GlobalParams11setErrQuietEb"
#define CPOPPLER_GET_ERR_QUIET "_ZN12GlobalParams11getErrQuietEv"
#define CPOPPLER_GLOBAL_PARAMS "globalParams"

#endif
