import CPoppler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// poppler-glib's functions, loaded with `dlopen` when the first PDF is read instead of linked:
/// poppler, cairo and what they pull in are about 40 of the program's shared libraries, and mapping
/// and relocating them cost every start (a `related` query too) about 16 ms (issue 21).
///
/// The library is opened once per process (`shared`); glib's functions come from the same handle
/// (poppler-glib depends on glib, and `dlsym` on a handle searches its dependencies too), and so
/// do libpoppler's C++ error switches (`CPoppler/shim.h`).
struct PopplerLibrary: @unchecked Sendable {
  // poppler-glib
  let documentNewFromBytes:
    @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<GError>?>?) ->
      OpaquePointer?
  let documentGetNPages: @convention(c) (OpaquePointer?) -> Int32
  let documentGetPage: @convention(c) (OpaquePointer?, Int32) -> OpaquePointer?
  let documentHasJavascript: @convention(c) (OpaquePointer?) -> Int32
  let documentGetNAttachments: @convention(c) (OpaquePointer?) -> UInt32
  let documentGetTitle: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
  let documentGetAuthor: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
  let documentGetSubject: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
  let documentGetKeywords: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
  let documentGetCreationDate: @convention(c) (OpaquePointer?) -> time_t
  let pageGetSize: @convention(c) (OpaquePointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> Void
  let pageGetLabel: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
  let pageGetText: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
  let pageGetTextLayout:
    @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<PopplerRectangle>?>?, UnsafeMutablePointer<UInt32>?)
      -> Int32
  let pageGetTextAttributes: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<GList>?
  let pageFreeTextAttributes: @convention(c) (UnsafeMutablePointer<GList>?) -> Void
  // glib and gobject
  let bytesNew: @convention(c) (UnsafeRawPointer?, Int) -> OpaquePointer?
  let bytesUnref: @convention(c) (OpaquePointer?) -> Void
  let objectUnref: @convention(c) (UnsafeMutableRawPointer?) -> Void
  let errorFree: @convention(c) (UnsafeMutablePointer<GError>?) -> Void
  let gFree: @convention(c) (UnsafeMutableRawPointer?) -> Void
  // libpoppler (C++): see CPoppler/shim.h
  let setErrorCallback: @convention(c) ((@convention(c) (Int32, Int64, UnsafePointer<CChar>?) -> Void)?) -> Void
  let setErrQuiet: @convention(c) (UnsafeMutableRawPointer?, Bool) -> Void
  let getErrQuiet: @convention(c) (UnsafeMutableRawPointer?) -> Bool
  /// The address of libpoppler's `globalParams` (a `std::unique_ptr`: one pointer, null until a
  /// document creates poppler's globals).
  let globalParams: UnsafeMutablePointer<UnsafeMutableRawPointer?>

  /// Why poppler could not be loaded: the library is missing, or lacks a function this reader uses.
  struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The library names tried, in order.
    var names: [String]
    /// The loader's message (`dlerror`) for the last name tried, or the missing symbol.
    var detail: String

    var description: String {
      "the PDF library poppler-glib could not be loaded (\(detail)); install it (Debian/Ubuntu: apt install "
        + "libpoppler-glib8, or libpoppler-glib8t64 on Ubuntu 24.04; macOS: brew install poppler) to read PDF files"
    }
  }

  /// The names tried by `shared`: the soname KamerGraph is built and tested against first, then
  /// the unversioned development link, then the macOS (Homebrew) names.
  static let defaultNames = [
    "libpoppler-glib.so.8", "libpoppler-glib.so",
    "libpoppler-glib.8.dylib", "/opt/homebrew/lib/libpoppler-glib.8.dylib", "/usr/local/lib/libpoppler-glib.8.dylib",
  ]

  /// poppler for this process, loaded on first use (under Swift's lazy-global lock, so reader
  /// threads never load it twice), or why it cannot be.
  static let shared: Result<PopplerLibrary, LoadError> = load(names: defaultNames)

  /// Opens the first of `names` that loads and looks up every function. The handle is never
  /// closed: the functions stay valid for the whole process.
  static func load(names: [String]) -> Result<PopplerLibrary, LoadError> {
    var detail = "no library name given"
    for name in names {
      if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
        do {
          return .success(try PopplerLibrary(handle: handle))
        } catch {
          dlclose(handle)
          return .failure(LoadError(names: names, detail: "\(name) has no function \(error.symbol)"))
        }
      }
      detail = dlerror().map { String(cString: $0) } ?? "\(name) cannot be opened"
    }
    return .failure(LoadError(names: names, detail: detail))
  }

  private struct Missing: Error {
    var symbol: String
  }

  private init(handle: UnsafeMutableRawPointer) throws(Missing) {
    func find<T>(_ symbol: String) throws(Missing) -> T {
      guard let address = dlsym(handle, symbol) else { throw Missing(symbol: symbol) }
      return unsafeBitCast(address, to: T.self)
    }
    documentNewFromBytes = try find("poppler_document_new_from_bytes")
    documentGetNPages = try find("poppler_document_get_n_pages")
    documentGetPage = try find("poppler_document_get_page")
    documentHasJavascript = try find("poppler_document_has_javascript")
    documentGetNAttachments = try find("poppler_document_get_n_attachments")
    documentGetTitle = try find("poppler_document_get_title")
    documentGetAuthor = try find("poppler_document_get_author")
    documentGetSubject = try find("poppler_document_get_subject")
    documentGetKeywords = try find("poppler_document_get_keywords")
    documentGetCreationDate = try find("poppler_document_get_creation_date")
    pageGetSize = try find("poppler_page_get_size")
    pageGetLabel = try find("poppler_page_get_label")
    pageGetText = try find("poppler_page_get_text")
    pageGetTextLayout = try find("poppler_page_get_text_layout")
    pageGetTextAttributes = try find("poppler_page_get_text_attributes")
    pageFreeTextAttributes = try find("poppler_page_free_text_attributes")
    bytesNew = try find("g_bytes_new")
    bytesUnref = try find("g_bytes_unref")
    objectUnref = try find("g_object_unref")
    errorFree = try find("g_error_free")
    gFree = try find("g_free")
    setErrorCallback = try find(CPOPPLER_SET_ERROR_CALLBACK)
    setErrQuiet = try find(CPOPPLER_SET_ERR_QUIET)
    getErrQuiet = try find(CPOPPLER_GET_ERR_QUIET)
    globalParams = try find(CPOPPLER_GLOBAL_PARAMS)
  }

  /// A new document over a copy of `bytes` (nil with `error` set when poppler refuses it).
  func document(_ bytes: [UInt8], error: UnsafeMutablePointer<UnsafeMutablePointer<GError>?>?) -> OpaquePointer? {
    let gbytes = bytes.withUnsafeBytes { bytesNew($0.baseAddress, $0.count) }
    defer { bytesUnref(gbytes) }
    return documentNewFromBytes(gbytes, nil, error)
  }

  /// A string poppler allocated, as a Swift string, freed.
  func take(_ raw: UnsafeMutablePointer<CChar>?) -> String? {
    guard let raw else { return nil }
    defer { gFree(raw) }
    return String(cString: raw)
  }

  /// Keeps poppler's own messages off standard error (a bad PDF gets one clear per-file message
  /// from the reader instead) at the least cost. Call it after poppler's globals exist (a document
  /// is open), and keep that document open: poppler-glib sets its own callback whenever it
  /// creates them.
  func silenceErrors() {
    if let params = globalParams.pointee {
      setErrQuiet(params, true)
      setErrorCallback(nil)
    } else {
      setErrorCallback { _, _, _ in }
    }
  }

  /// Whether poppler's globals exist and are quiet.
  var errorsSilenced: Bool {
    guard let params = globalParams.pointee else { return false }
    return getErrQuiet(params)
  }
}
