#ifndef CKAMERMALLOC_SHIM_H
#define CKAMERMALLOC_SHIM_H
// glibc's malloc tuning (mallopt and its M_* parameters), for HeapTuning (Sources/KamerGraph/Platform).
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
