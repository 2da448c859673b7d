/// Where the index lives when the user does not say (`--index FILE`).
public enum IndexLocation {
  /// The file name of the index.
  public static let fileName = "kamergraph.sqlite"

  /// The index path used when `--index` is not given: `kamergraph.sqlite` in the current folder.
  public static var `default`: String { fileName }

  /// `explicit` when given, otherwise `default`.
  public static func resolve(_ explicit: String?) -> String { explicit ?? `default` }
}
