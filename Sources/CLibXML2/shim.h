#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <stdint.h>
/* Debian's libxml2 includes the system ICU's <unicode/ucnv.h>, which clashes with the ICU that
   Swift 6.3's Foundation ships ("'UErrorCode' has different definitions in different modules").
   libxml2 only needs these two names from it, so we skip the header and declare them. */
#ifndef UCNV_H
#define UCNV_H
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#endif
