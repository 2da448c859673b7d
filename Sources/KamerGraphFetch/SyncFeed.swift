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
    var page = SyncFeedPage(entries: [], next: nil)
    for element in root.elements where element.namespace == atom {
      switch element.name {
      case "link" where element.attribute("rel") == "next":
        page.next = element.attribute("href").flatMap(skiptoken(of:))
      case "entry":
        page.entries.append(entry(element))
      default:
        break
      }
    }
    return page
  }

  private static func entry(_ e: XMLTreeElement) -> Entry {
    var out = Entry(guid: "", category: "", updated: nil, deleted: false, nummer: nil, zaken: [], next: nil)
    var title = ""
    for child in e.elements {
      switch child.name {
      case "title": title = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
      case "updated": out.updated = date(child.text.trimmingCharacters(in: .whitespacesAndNewlines))
      case "category": out.category = child.attribute("term") ?? out.category
      case "link" where child.attribute("rel") == "next": out.next = child.attribute("href").flatMap(skiptoken(of:))
      case "content":
        guard let entity = child.elements.first else { continue }
        if out.category.isEmpty { out.category = entity.name.prefix(1).uppercased() + entity.name.dropFirst() }
        out.guid = entity.attribute("id") ?? ""
        out.deleted = entity.attribute("verwijderd") == "true"
        for field in entity.elements {
          switch field.name {
          case "documentNummer": out.nummer = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
          case "zaak": if let ref = field.attribute("ref") { out.zaken.append(ref) }
          default: break
          }
        }
      default:
        break
      }
    }
    if out.guid.isEmpty { out.guid = title }
    return out
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
