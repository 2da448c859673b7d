import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Hands freed heap memory back to the system (glibc's `malloc_trim`, looked up at run time as
/// Swift's Glibc module does not declare it); glibc keeps it otherwise, and a large build's peak
/// memory would then count documents long gone. Does nothing on other systems.
enum FreedMemory {
  /// Returns what can be returned now.
  static func release() {
    #if canImport(Glibc)
      typealias Trim = @convention(c) (Int) -> Int32
      if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
    #endif
  }
}
