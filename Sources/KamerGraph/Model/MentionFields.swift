/// The parsed fields of a mention: a handful of name/value pairs kept sorted by name.
///
/// A mention has at most a few fields, so a small sorted array beats a dictionary: no hashing,
/// one allocation, and iteration is already in the order every output wants (JSON, CSV, index).
/// It reads and writes like `[String: String]` (subscript, literal) and encodes as a JSON object.
public struct MentionFields: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
  public typealias Element = (key: String, value: String)
  private var pairs: [Element]

  public init() { pairs = [] }

  /// Later values win for a name given twice, as in a dictionary built by assignment.
  public init(dictionaryLiteral elements: (String, String)...) {
    pairs = []
    // Exactly the room the literal needs: a field added later costs a copy, but memory (one
    // array per mention) counts for more.
    pairs.reserveCapacity(elements.count)
    for (key, value) in elements { self[key] = value }
  }

  public init(_ dictionary: [String: String]) {
    pairs = dictionary.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { pairs.count }
  public subscript(position: Int) -> Element { pairs[position] }

  public subscript(key: String) -> String? {
    get {
      for pair in pairs where pair.key == key { return pair.value }
      return nil
    }
    set {
      var k = 0
      while k < pairs.count, pairs[k].key < key { k += 1 }
      let present = k < pairs.count && pairs[k].key == key
      switch (present, newValue) {
      case (true, let value?): pairs[k].value = value
      case (true, nil): pairs.remove(at: k)
      case (false, let value?): pairs.insert((key: key, value: value), at: k)
      case (false, nil): break
      }
    }
  }

  /// The names, sorted.
  public var keys: [String] { pairs.map(\.key) }

  /// As a dictionary.
  public var dictionary: [String: String] {
    Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) })
  }

  public static func == (lhs: MentionFields, rhs: MentionFields) -> Bool {
    lhs.pairs.count == rhs.pairs.count
      && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pairs.count)
    for pair in pairs {
      hasher.combine(pair.key)
      hasher.combine(pair.value)
    }
  }
}

extension MentionFields: Codable {
  /// Encoded as a JSON object, the same as `[String: String]`.
  public init(from decoder: Decoder) throws {
    self.init(try [String: String](from: decoder))
  }

  public func encode(to encoder: Encoder) throws {
    try dictionary.encode(to: encoder)
  }
}

extension MentionFields: CustomStringConvertible {
  public var description: String {
    pairs.isEmpty ? "[:]" : "[" + pairs.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ") + "]"
  }
}
