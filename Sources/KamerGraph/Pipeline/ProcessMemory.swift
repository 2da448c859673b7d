/// The memory profiles a command can ask for; the OS knobs behind them stay in `Platform/`.
public enum ProcessMemory {
  /// For a run that writes millions of small objects once each (`extract`): the heap grown at
  /// once and advised for large pages, freed memory kept for reuse (`HeapTuning`).
  public static func preferLargePagesForManySmallObjects() {
    HeapTuning.preferLargePages()
  }

  /// Hands the memory freed so far back to the system (`FreedMemory`), before a phase that
  /// allocates large buffers.
  public static func releaseFreed() {
    FreedMemory.release()
  }
}
