#if canImport(Glibc)
  import Glibc
#endif

/// Transparent huge pages on Linux: memory that is about to be written asks to be backed by
/// 2 MiB pages (in the kernel's `madvise` mode), so a large buffer takes a few page faults instead
/// of thousands. Only whole 2 MiB pages inside the range are advised; elsewhere nothing happens.
enum LargePages {
  static let size = 2 << 20

  /// Advises the whole 2 MiB pages inside `[start, start + count)`.
  static func advise(_ start: UnsafeMutableRawPointer, count: Int) {
    #if os(Linux)
      let from = (Int(bitPattern: start) + size - 1) & ~(size - 1)
      let to = (Int(bitPattern: start) + count) & ~(size - 1)
      guard to > from, let pointer = UnsafeMutableRawPointer(bitPattern: from) else { return }
      _ = madvise(pointer, to - from, Int32(MADV_HUGEPAGE))
    #endif
  }
}
