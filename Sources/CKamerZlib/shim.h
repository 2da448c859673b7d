#ifndef CKAMERZLIB_SHIM_H
#define CKAMERZLIB_SHIM_H
#include <zlib.h>
#endif
