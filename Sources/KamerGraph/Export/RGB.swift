/// A colour as three 0–255 channels, as Gephi's `r`, `g`, `b` keys want them.
package struct RGB: Sendable, Hashable {
  /// Red, 0–255.
  public var r: Int
  /// Green, 0–255.
  public var g: Int
  /// Blue, 0–255.
  public var b: Int
  /// A colour from its three channels.
  public init(_ r: Int, _ g: Int, _ b: Int) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// `#rrggbb`, for Graphviz.
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = [UInt8(ascii: "#")]
    for c in [r, g, b] {
      let v = max(0, min(255, c))
      out.append(digits[v >> 4])
      out.append(digits[v & 15])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
