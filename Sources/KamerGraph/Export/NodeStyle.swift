
/// How a node kind looks in every export: its colour (GraphML, GEXF, DOT) and its Graphviz shape.
/// Documents are blues, greens and oranges; actors are pinks, cyans and olives.
package enum NodeStyle {
  /// The fill colour of a node of `kind` (a `ReferenceKind` raw value); grey for unknown kinds.
  public static func color(kind: String) -> RGB {
    switch kind {
    case "kamerstuk": return RGB(31, 119, 180)
    case "dossier": return RGB(174, 199, 232)
    case "aanhangsel": return RGB(255, 127, 14)
    case "kamervragen": return RGB(255, 187, 120)
    case "handelingen": return RGB(44, 160, 44)
    case "staatsblad", "staatscourant", "tractatenblad": return RGB(152, 223, 138)
    case "koop": return RGB(140, 86, 75)
    case "ecli": return RGB(148, 103, 189)
    case "bwb": return RGB(197, 176, 213)
    case "zaak": return RGB(214, 39, 40)
    case "tkdocument": return RGB(255, 152, 150)
    case "kenmerk": return RGB(127, 127, 127)
    case "url": return RGB(199, 199, 199)
    case "ministerie": return RGB(23, 190, 207)
    case "persoon": return RGB(227, 119, 194)
    case "fractie": return RGB(188, 189, 34)
    case "organisatie": return RGB(219, 219, 141)
    case "programma": return RGB(158, 218, 229)
    default: return RGB(100, 100, 100)
    }
  }

  /// The Graphviz shape of a node of `kind`.
  public static func shape(kind: String) -> String {
    switch kind {
    case "kamerstuk", "handelingen", "koop", "tkdocument", "kenmerk", "url": return "box"
    case "dossier": return "folder"
    case "aanhangsel", "kamervragen": return "note"
    case "staatsblad", "staatscourant", "tractatenblad", "bwb": return "tab"
    case "ecli": return "component"
    case "zaak": return "cds"
    case "ministerie": return "house"
    case "persoon": return "ellipse"
    case "fractie": return "octagon"
    case "organisatie": return "hexagon"
    case "programma": return "parallelogram"
    default: return "ellipse"
    }
  }

  /// The node size Gephi shows: 10 for an isolated node, growing with the square root of the degree.
  public static func size(degree: Int) -> Double {
    10 + 5 * Double(max(0, degree)).squareRoot()
  }
}
