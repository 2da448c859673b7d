import Foundation
import KamerGraph

/// One page of the Tweede Kamer SyncFeed (`{SyncFeed}/Feed?category=Document&skiptoken=N`): an
/// Atom feed of changed entities, 250 a page, each entry with its own `next` link (the skiptoken
/// after it) and the page with one for the next page (reference-formats.md §2.3; the layout of
/// corpus/palantir/tk-syncfeed-2025Z15452.xml).
struct SyncFeedPage: Sendable, Equatable {
  /// What the fetcher needs of one entry.
  struct Entry: Sendable, Equatable {
    /// The entity's GUID (the `id` attribute of its content element, else the entry title).
    var guid: String
    /// `Document`, `Zaak`, ... (the entry's category term, else the content element's name).
    var category: String
    /// Atom `updated` (UTC).
    var updated: Date?
    /// `tk:verwijderd="true"`: the entity was deleted.
    var deleted: Bool
    /// A Document's number (`documentNummer`) and the GUIDs of its zaken (`zaak ref=`).
    var nummer: String?
    var zaken: [String]
    /// The skiptoken of the entry's own `next` link: where a feed read after this entry continues.
    var next: String?
  }

  var entries: [Entry]
  /// The skiptoken of the page's `next` link; nil on the last page.
  var next: String?

  static let atom = "http://www.w3.org/2005/Atom"

  /// Reads a feed page. Throws for an answer that is not XML or not an Atom feed.
  static func parse(_ bytes: [UInt8], source: String) throws(FetchError) -> SyncFeedPage {
    try ContentCheck.xml(bytes, url: source)
    let tree: XMLTree
    do { tree = try XMLTree.parse(bytes, file: source) } catch {
      throw .unexpectedContent(url: source, message: "the SyncFeed page is not well-formed XML: \(error)")
    }
    guard let root = tree.root, root.name == "feed", root.namespace == atom else {
      throw .unexpectedContent(url: source, message: "the answer is XML but not an Atom feed (a SyncFeed page)")
    }
    var walk = FeedWalk()
    root.walkChildren(with: &walk)
    return walk.page
  }

  /// The `skiptoken` query value of a feed URL.
  static func skiptoken(of href: String) -> String? {
    URLComponents(string: href)?.queryItems?.first { $0.name.lowercased() == "skiptoken" }?.value
  }

  /// `2025-10-31T14:20:11.407Z`, with or without fractional seconds.
  static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}

/// The walk over a SyncFeed page: the page's `next` link and its entries (Atom elements under the
/// feed); of an entry its title, `updated`, category, `next` link and, in its `content`, the first
/// element, the entity (GUID, deleted, and the fields `documentNummer` and `zaak ref=`).
private struct FeedWalk: XMLWalker {
  typealias Failure = Never
  /// What an open element is to the walk.
  enum Open { case entry, content, entity, other }

  var page = SyncFeedPage(entries: [], next: nil)
  var open: [Open] = []
  /// The entry being read and its title (its GUID when the entity has no `id`).
  var entry = SyncFeedPage.Entry(guid: "", category: "", updated: nil, deleted: false, nummer: nil, zaken: [], next: nil)
  var title = ""
  /// The open `content` has had no element yet: the next one is the entity.
  var awaitingEntity = false

  mutating func startElement(_ e: XMLTreeElement) -> XMLDescent {
    let opened = start(e)
    open.append(opened)
    return opened == .other ? .skipChildren : .children
  }

  /// What `e` is; reads the elements that are read whole.
  private mutating func start(_ e: XMLTreeElement) -> Open {
    switch open.last {
    case nil:  // a child of the feed
      guard e.namespace == SyncFeedPage.atom else { return .other }
      switch e.name {
      case "link" where e.attribute("rel") == "next": page.next = e.attribute("href").flatMap(SyncFeedPage.skiptoken(of:))
      case "entry":
        entry = SyncFeedPage.Entry(guid: "", category: "", updated: nil, deleted: false, nummer: nil, zaken: [], next: nil)
        title = ""
        return .entry
      default: break
      }
    case .entry:
      switch e.name {
      case "title": title = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
      case "updated": entry.updated = SyncFeedPage.date(e.text.trimmingCharacters(in: .whitespacesAndNewlines))
      case "category": entry.category = e.attribute("term") ?? entry.category
      case "link" where e.attribute("rel") == "next": entry.next = e.attribute("href").flatMap(SyncFeedPage.skiptoken(of:))
      case "content":
        awaitingEntity = true
        return .content
      default: break
      }
    case .content:
      guard awaitingEntity else { break }
      awaitingEntity = false
      if entry.category.isEmpty { entry.category = e.name.prefix(1).uppercased() + e.name.dropFirst() }
      entry.guid = e.attribute("id") ?? ""
      entry.deleted = e.attribute("verwijderd") == "true"
      return .entity
    case .entity:
      switch e.name {
      case "documentNummer": entry.nummer = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
      case "zaak": if let ref = e.attribute("ref") { entry.zaken.append(ref) }
      default: break
      }
    case .other:
      break
    }
    return .other
  }

  mutating func endElement(_ e: XMLTreeElement) {
    guard open.popLast() == .entry else { return }
    if entry.guid.isEmpty { entry.guid = title }
    page.entries.append(entry)
  }

  mutating func text(_ text: String) {}
}
