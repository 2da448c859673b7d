import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat` says about a file — size, modification and status-change times in nanoseconds,
/// inode and device — as one string. When a file's stamp is the one recorded at the last build,
/// its bytes are taken to be unchanged and are not read again (the way `git status` and `make`
/// decide). Writing a file changes its modification and status-change times, so a change of the
/// same size is still seen; `touch` changes them too, which only costs one hash.
package enum FileStamp {
  /// The stamp of `path` (symbolic links followed), or nil when it cannot be stat'ed.
  public static func of(_ path: String) -> String? {
    var st = stat()
    guard stat(FileName.systemPath(path), &st) == 0 else { return nil }
    return "\(st.st_size).\(nanoseconds(modified: st)).\(nanoseconds(changed: st)).\(st.st_ino).\(st.st_dev)"
  }

  /// The stamp of every file, joined; nil when one cannot be stat'ed. When `racyAfter` is given
  /// (nanoseconds since 1970) and a file was modified or changed at or after it, the answer is
  /// nil too: a file written in the same clock tick as it is stamped could change again without
  /// its times changing, so such a stamp must not be trusted (it is hashed next time instead).
  public static func of(_ paths: [String], racyAfter: Int64? = nil) -> String? {
    var parts: [String] = []
    parts.reserveCapacity(paths.count)
    for path in paths {
      var st = stat()
      guard stat(FileName.systemPath(path), &st) == 0 else { return nil }
      let modified = nanoseconds(modified: st)
      let changed = nanoseconds(changed: st)
      if let racyAfter, modified >= racyAfter || changed >= racyAfter { return nil }
      parts.append("\(st.st_size).\(modified).\(changed).\(st.st_ino).\(st.st_dev)")
    }
    return parts.joined(separator: "|")
  }

  /// Nanoseconds since 1970 on the system clock, minus `margin` seconds: the `racyAfter` of a
  /// build that starts now. Two seconds covers file systems that keep times to the second.
  public static func now(minus margin: Double = 2) -> Int64 {
    Int64((Date().timeIntervalSince1970 - margin) * 1_000_000_000)
  }

  private static func nanoseconds(modified st: stat) -> Int64 {
    #if canImport(Darwin)
      return Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
    #else
      return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    #endif
  }

  private static func nanoseconds(changed st: stat) -> Int64 {
    #if canImport(Darwin)
      return Int64(st.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(st.st_ctimespec.tv_nsec)
    #else
      return Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    #endif
  }
}
