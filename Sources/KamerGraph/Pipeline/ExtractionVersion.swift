/// The version of what reading and extraction produce. An index keeps each file's document and
/// mentions and reuses them while the file is unchanged; when this version differs from the one
/// the index was built with, every file is read and extracted again, so an upgraded KamerGraph
/// never serves mentions its predecessor found.
///
/// Bump it whenever readers or recognizers change their output. `ExtractionFingerprintTests`
/// fails when the output on the corpus, the fixtures and the catalogue examples changes while the
/// version stays the same.
public enum ExtractionVersion {
  public static let current = "2026-12-07.11"
}
