/// Which evidence rows of an edge come from a copy of another file.
///
/// One letter is often kept twice, as `brief.docx` and `brief.txt` (one name, two extensions).
/// `Edge.weight` counts such copies once; the evidence keeps a row per file, because every file
/// accounts for what it supports (the real-documents scorer credits edges to a file by its
/// evidence). So that a reader does not take the rows of a copy for more support, each row from
/// a copy names the file it copies: the first file, in sorted order, of the same name that also
/// supports the edge (`brief.txt` -> `brief.docx`). `X.metadata.xml` is not a copy of `X.xml`: its
/// name differs (`X.metadata`).
public enum EvidenceCopies {
  /// For each row of `evidence`, the file it is a copy of, or nil for a row of the first file
  /// (or of a file without copies among this evidence). Same length and order as `evidence`.
  public static func copyOf(_ evidence: [Evidence]) -> [String?] {
    guard let firstPath = evidence.first?.path, evidence.contains(where: { $0.path != firstPath }) else {
      return Array(repeating: nil, count: evidence.count)
    }
    var first: [Substring: String] = [:]
    for ev in evidence {
      let stem = Edge.stem(ev.path)
      if let known = first[stem], known <= ev.path { continue }
      first[stem] = ev.path
    }
    return evidence.map { ev in
      let original = first[Edge.stem(ev.path)]!
      return original == ev.path ? nil : original
    }
  }
}
