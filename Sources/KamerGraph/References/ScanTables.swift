/// The first-two-bytes table of the scan: a 65,536-entry array from the first two bytes at a
/// word start to a bucket of recognizers to try.
struct AnchorTable: Sendable {
  /// Bucket number + 1 per two-byte key; 0 when no anchor starts with these bytes.
  let slots: [UInt16]
  /// Per two-byte key: the lengths (3 to 8 bytes, length `l` as bit `l - 1`) on which the
  /// leading bytes of a position, after `foldTable`, must be the start of one of its anchors; 0
  /// when the key's recognizers are not checked this way. Most positions the two bytes send to a
  /// recognizer ("de", "he", "aa", "on", ...) are common words that this test turns away without
  /// a call. When a key has an anchor of three or four bytes, each of its anchors is compared on
  /// its own length (at most 8, for anchors whose spaces match runs of spaces no further than
  /// their first space): a short anchor ("VRO", "WAO") must not cut the others to its length, or
  /// "vragen" would pass as "vra" for the heading "Vragen gesteld door ..." and "Wat" as "wat" for
  /// "Waterwet". Otherwise all are compared on the shortest length, one test per position.
  let prefixLengths: [UInt8]
  /// A set of `prefixBitCount` bits: the `prefixHash` values of the anchors' folded first 3 to 8
  /// bytes (the length is part of the hash). A hash collision only lets a position through to its
  /// recognizers, which decide as before; with 65,536 bits a phrase of the generated benchmark
  /// text ("Ik kan n") collided with an anchor and went to the law recognizer 3,228 times.
  let prefixBits: [UInt64]
  /// Per two-byte key with `prefixLengths` set: the `thirdClass` values (bit per class) of the
  /// folded third bytes of its anchors. A position whose third byte's class is not in it cannot
  /// pass the prefix test without a hash collision, and the recognizers behind the test match only
  /// on an anchor: the scan turns it away with three loads instead of the fold and the hash. The
  /// case-insensitive anchors ("brief", "nota", "memo", "rapport") put keys such as "br", "no",
  /// "me" and "ra" in the table, which common words ("nog", "met", "raad") start with.
  let thirdMasks: [UInt32]
  /// The same for the fourth byte, for keys whose anchors are all compared on 4 bytes or more;
  /// all ones for the others (a position of such a key may end after three bytes).
  let fourthMasks: [UInt32]

  /// The class of a byte's `foldTable` value for `thirdMasks`: 0 for the space, 1 to 26 for the
  /// letters, 27 to 31 for the rest (shared classes only let more positions through to the hash).
  static let thirdClass: [UInt8] = foldTable.map { c in
    if c == 0x20 { return 0 }
    if c >= 0x61 && c <= 0x7A { return c - 0x60 }
    return 27 + c % 5
  }

  /// Bits of `prefixHash`; `prefixBits` holds that many bits (32 KB).
  static let prefixHashBits = 18
  static let prefixBitCount = 1 << prefixHashBits
  let buckets: [[RecognizerID]]
  /// The buckets flattened (`flat[bucketStart[b]..<bucketStart[b + 1]]`), for a retain-free scan.
  let flat: [RecognizerID]
  let bucketStart: [Int]
  let digitPrefixAllowed: [Bool]

  static let shared = AnchorTable()

  /// The two-byte keys for an anchor's first bytes (all case variants when case-insensitive).
  static func keys(_ first: [UInt8], caseInsensitive: Bool) -> [UInt16] {
    guard first.count == 2 else { return [] }
    func variants(_ c: UInt8) -> [UInt8] { caseInsensitive && isAlpha(c) ? [lower(c), upper(c)] : [c] }
    var out: [UInt16] = []
    for a in variants(first[0]) { for b in variants(first[1]) { out.append(UInt16(a) << 8 | UInt16(b)) } }
    return out
  }

  init() {
    var keysByRecognizer: [(RecognizerID, Bool, [UInt16])] = []
    let digits = (UInt8(ascii: "0")...UInt8(ascii: "9"))
    for spec in ReferenceCatalogue.specs {
      var keys: [UInt16] = []
      for anchor in spec.anchors {
        if anchor == "#" {
          for d in digits {
            for second in Array(digits) + [0x20, 0xC2] { keys.append(UInt16(d) << 8 | UInt16(second)) }
          }
        } else {
          keys += AnchorTable.keys(Array(anchor.utf8.prefix(2)), caseInsensitive: spec.caseInsensitive)
        }
      }
      if spec.id == .lexicon { keys += Lexicon.byPrefix.keys.sorted() }
      if spec.id == .law { keys += LawLexicon.keys }
      if spec.id == .programme {
        // A straight double quote is an anchor only before a capital.
        keys = keys.filter { $0 >> 8 != 0x22 }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { keys.append(0x22 << 8 | UInt16(c)) }
      }
      keysByRecognizer.append((spec.id, spec.afterDigit, keys))
    }
    var slots = [UInt16](repeating: 0, count: 65536)
    var buckets: [[RecognizerID]] = []
    var digitOK: [Bool] = []
    // Group: per key, the recognizers in catalogue order, as a bit set over `keysByRecognizer`
    // (a flat array: the law lexicon alone brings over a thousand keys).
    precondition(keysByRecognizer.count <= 64, "more recognizers than bits")
    var perKey = [UInt64](repeating: 0, count: 65536)
    var afterDigit = [Bool](repeating: false, count: 65536)
    for (n, (_, digit, keys)) in keysByRecognizer.enumerated() {
      for k in keys {
        perKey[Int(k)] |= 1 << UInt64(n)
        if digit { afterDigit[Int(k)] = true }
      }
    }
    var bucketOf: [UInt64: Int] = [:]
    for k in 0..<65536 where perKey[k] != 0 {
      let signature = perKey[k]
      let d = afterDigit[k]
      if let b = bucketOf[signature], digitOK[b] == d {
        slots[k] = UInt16(b + 1)
      } else {
        var list: [RecognizerID] = []
        var rest = signature
        while rest != 0 {
          list.append(keysByRecognizer[rest.trailingZeroBitCount].0)
          rest &= rest &- 1
        }
        buckets.append(list)
        digitOK.append(d)
        bucketOf[signature] = buckets.count - 1
        slots[k] = UInt16(buckets.count)
      }
    }
    // The scan leaves out positions holding a space (`Scan.run`): no anchor may start with one.
    precondition((0..<256).allSatisfy { slots[0x20 << 8 | $0] == 0 }, "an anchor starts with a space")
    self.slots = slots
    (prefixLengths, prefixBits, thirdMasks, fourthMasks) = Self.prefixFilter(slots: slots, buckets: buckets)
    self.buckets = buckets
    self.flat = buckets.flatMap { $0 }
    var starts = [0]
    for bucket in buckets { starts.append(starts[starts.count - 1] + bucket.count) }
    self.bucketStart = starts
    self.digitPrefixAllowed = digitOK
  }

  /// Recognizers that match only where the text starts with one of their anchors (compared after
  /// `foldByte`): checked in their code, where each begins with `word`, `wordCI` or `litCI` of
  /// its anchors (the lexicon with its entries, whose spaces match any run of spaces).
  static let exactAnchors: Set<RecognizerID> = [
    .members, .ministry, .lexicon, .law, .kenmerkLabel, .koopID, .kamerstuk, .kamervragen, .dossier, .answerHeader,
    .salutation, .aanhangsel, .handelingen, .gazette, .seeAlso, .documentKenmerk, .voteTable,
    .spokesperson, .aanhangselHeading, .motionNumber, .eersteKamerLetter,
  ]

  /// Case folded away, and every byte that may begin a space or line break (tab, LF, CR, NBSP's
  /// C2, the E2 of thin spaces) read as a space: what the prefix test compares. To keep the fold
  /// a few word operations (`foldedWord`), every control byte and every byte from 0x80 up reads as
  /// a space: coarser than needed, which only lets a few more positions through to the
  /// recognizers (no anchor holds a control byte; anchors are folded the same way).
  static let foldTable: [UInt8] = (0...255).map { c in
    let b = UInt8(c)
    if b < 0x21 || b >= 0x80 { return 0x20 }
    return lower(b)
  }

  /// Eight bytes (little-endian) folded as `foldTable` folds each, without a table.
  @inline(__always) static func foldedWord(_ x: UInt64) -> UInt64 {
    let low = x & SWAR.low7
    // Lanes below 0x21 or from 0x80 up; lanes A-Z. A lane's low seven bits plus at most 0x5F
    // carry into no other lane.
    let space = (x | ~(low &+ SWAR.repeating(0x5F))) & SWAR.high
    let upper = (low &+ SWAR.repeating(0x80 - 0x41)) & ~(low &+ SWAR.repeating(0x80 - 0x5B)) & ~x & SWAR.high
    let lowered = x | upper >> 2
    return lowered & ~((space >> 7) &* 0xFF) | space >> 2
  }

  /// The hash of a folded prefix of `length` bytes (3 to 8), packed little-endian into `x`
  /// (bytes past `length` are ignored).
  @inline(__always) static func prefixHash(_ x: UInt64, length: Int) -> Int {
    let kept = length == 8 ? x : x & ((1 << UInt64(8 * length)) &- 1)
    return Int(
      truncatingIfNeeded: ((kept ^ UInt64(length) << 60) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - prefixHashBits))
  }

  /// The first `length` bytes at `p`, folded, packed little-endian.
  @inline(__always) static func foldedPrefix(
    _ p: UnsafePointer<UInt8>, length: Int, fold: UnsafeBufferPointer<UInt8>
  ) -> UInt64 {
    var x: UInt64 = 0
    for k in 0..<length { x |= UInt64(fold[Int(p[k])]) << UInt64(8 * k) }
    return x
  }

  /// The anchors of a recognizer as bytes, and whether their spaces match runs of spaces.
  static func anchorBytes(_ id: RecognizerID) -> [(bytes: [UInt8], flexible: Bool)] {
    if id == .lexicon { return Lexicon.entries.map { ($0.bytes, $0.caseInsensitive) } }
    if id == .law { return LawLexicon.anchors.map { ($0.bytes, $0.flexible) } }
    let spec = ReferenceCatalogue.specs.first { $0.id == id }!
    return spec.anchors.map { (Array($0.utf8), false) }
  }

  static func prefixFilter(slots: [UInt16], buckets: [[RecognizerID]]) -> ([UInt8], [UInt64], [UInt32], [UInt32]) {
    var lengths = [UInt8](repeating: 0, count: 65536)
    var masks = [UInt32](repeating: 0, count: 65536)
    var fourth = [UInt32](repeating: 0, count: 65536)
    var bits = [UInt64](repeating: 0, count: prefixBitCount / 64)
    let fold = foldTable
    // Per recognizer, its anchors grouped by their first two bytes folded (the law lexicon has
    // thousands: comparing every anchor with every key would cost more than a scan).
    var anchorsOf: [RecognizerID: [UInt16: [(bytes: [UInt8], flexible: Bool)]]] = [:]
    for key in slots.indices where slots[key] != 0 {
      let bucket = buckets[Int(slots[key]) - 1]
      guard bucket.allSatisfy({ exactAnchors.contains($0) }) else { continue }
      let k0 = fold[key >> 8]
      let k1 = fold[key & 0xFF]
      var anchors: [(bytes: [UInt8], flexible: Bool)] = []
      for id in bucket {
        if anchorsOf[id] == nil {
          var groups: [UInt16: [(bytes: [UInt8], flexible: Bool)]] = [:]
          for a in anchorBytes(id) where a.bytes.count >= 2 {
            groups[UInt16(fold[Int(a.bytes[0])]) << 8 | UInt16(fold[Int(a.bytes[1])]), default: []].append(a)
          }
          anchorsOf[id] = groups
        }
        anchors += anchorsOf[id]![UInt16(k0) << 8 | UInt16(k1)] ?? []
      }
      guard !anchors.isEmpty else { continue }
      // Up to eight bytes, and for anchors whose spaces match runs of spaces, no further than
      // their first space (a longer run would shift the bytes after it).
      let own = anchors.map { a -> Int in
        var n = min(8, a.bytes.count)
        if a.flexible, let space = a.bytes.firstIndex(of: 0x20) { n = min(n, space + 1) }
        return n
      }
      let shortest = own.min()!
      guard shortest >= 3 else { continue }
      for (a, n) in zip(anchors, own) {
        // From five bytes on the shortest length turns most words away by itself: every anchor is
        // compared on it, one test per position. Below that each anchor keeps its own length.
        let l = shortest >= 5 ? shortest : n
        lengths[key] |= 1 << UInt8(l - 1)
        let x = a.bytes.prefix(l).withUnsafeBufferPointer { p in
          fold.withUnsafeBufferPointer { foldedPrefix(p.baseAddress!, length: l, fold: $0) }
        }
        let h = prefixHash(x, length: l)
        bits[h >> 6] |= 1 << UInt64(h & 63)
        // Every length compared is at least 3: the third byte is always part of the test.
        masks[key] |= 1 << UInt32(thirdClass[Int(a.bytes[2])])
        fourth[key] |= l >= 4 ? 1 << UInt32(thirdClass[Int(a.bytes[3])]) : ~0
      }
    }
    return (lengths, bits, masks, fourth)
  }
}

/// The anchor table as buffers that live as long as the process (built once, never changed or
/// freed), so that the scan reads them directly instead of inside nested `withUnsafeBufferPointer`
/// closures.
final class ScanTables: @unchecked Sendable {
  let slots: UnsafeBufferPointer<UInt16>
  let prefixLengths: UnsafeBufferPointer<UInt8>
  let prefixBits: UnsafeBufferPointer<UInt64>
  let thirdMasks: UnsafeBufferPointer<UInt32>
  let fourthMasks: UnsafeBufferPointer<UInt32>
  let thirdClass: UnsafeBufferPointer<UInt8>
  let fold: UnsafeBufferPointer<UInt8>
  let flat: UnsafeBufferPointer<RecognizerID>
  let bucketStart: UnsafeBufferPointer<Int>
  let digitPrefixAllowed: UnsafeBufferPointer<Bool>

  static let shared = ScanTables(AnchorTable.shared)

  private init(_ table: AnchorTable) {
    func permanent<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: Swift.max(1, array.count))
      _ = buffer.initialize(from: array)
      return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
    }
    slots = permanent(table.slots)
    prefixLengths = permanent(table.prefixLengths)
    prefixBits = permanent(table.prefixBits)
    thirdMasks = permanent(table.thirdMasks)
    fourthMasks = permanent(table.fourthMasks)
    thirdClass = permanent(AnchorTable.thirdClass)
    fold = permanent(AnchorTable.foldTable)
    flat = permanent(table.flat)
    bucketStart = permanent(table.bucketStart)
    digitPrefixAllowed = permanent(table.digitPrefixAllowed)
  }
}
