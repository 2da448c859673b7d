#if canImport(Glibc)
  import CKamerMalloc
  import Glibc
#endif

/// Allocation tuning for `extract`, a run that writes millions of small objects (mentions,
/// their ids and fields) are written once each, so much of the cost of a fresh 4 KiB page is the
/// page fault itself. On Linux the heap is grown at once by `reserve` bytes (address space only:
/// untouched pages cost nothing) and that range is advised for 2 MiB pages (transparent huge
/// pages in `madvise` mode), much as glibc's `glibc.malloc.hugetlb=1` tunable does; blocks up to
/// 32 MiB come from the heap instead of separate mappings, and freed memory stays in the heap
/// for reuse. Where the system does not allow it nothing changes.
enum HeapTuning {
  static func preferLargePages(reserve: Int = 512 << 20) {
    #if canImport(Glibc)
      guard mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1,  // glibc's largest allowed value
        mallopt(M_TRIM_THRESHOLD, Int32.max) == 1,
        mallopt(M_TOP_PAD, Int32(reserve)) == 1,
        let before = sbrk(0), Int(bitPattern: before) != -1
      else { return }
      // Blocks from the heap until it has grown by `reserve`, then freed: the heap keeps the
      // range (no trimming), and later allocations are carved from it.
      var blocks: [UnsafeMutableRawPointer] = []
      blocks.reserveCapacity(64)
      while blocks.count < 64, let top = sbrk(0), Int(bitPattern: top) - Int(bitPattern: before) < reserve,
        let block = malloc(8 << 20)
      {
        blocks.append(block)
      }
      for block in blocks.reversed() { free(block) }
      guard let after = sbrk(0), Int(bitPattern: after) > Int(bitPattern: before) else { return }
      LargePages.advise(before, count: Int(bitPattern: after) - Int(bitPattern: before))
    #endif
  }
}
