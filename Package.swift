// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "KamerGraph",
  products: [
    .library(name: "KamerGraph", targets: ["KamerGraph"]),
    .executable(name: "kamergraph", targets: ["kamergraph"]),
    // `kamergraph fetch` runs it: the HTTP client (FoundationNetworking, libcurl and its ~25
    // libraries) stays out of the main program, whose every start would otherwise pay for loading them.
    .executable(name: "kamergraph-fetch", targets: ["kamergraph-fetch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // libxml2 through a shim header that hides the system ICU (see docs: the Swift 6.3 ICU clash).
    .systemLibrary(
      name: "CLibXML2",
      path: "Sources/CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // zlib, to inflate zip entries with a loop that stops when the input runs out.
    .systemLibrary(
      name: "CKamerZlib",
      path: "Sources/CKamerZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // poppler (its GLib interface) for PDF documents: Sources/KamerGraph/Documents/Formats/PDF/.
    // Not linked: the reader loads libpoppler-glib with dlopen on the first PDF (PopplerLibrary), so
    // the ~40 libraries poppler pulls in are not mapped by every start of the program (issue 21).
    // The header declares the few types it uses; running on PDFs needs libpoppler-glib8 (apt) or
    // poppler (brew), building needs nothing.
    .systemLibrary(
      name: "CPoppler",
      path: "Sources/CPoppler"
    ),
    // glibc's mallopt for the heap tuning of `extract` (Sources/KamerGraph/Platform/HeapTuning.swift).
    .systemLibrary(name: "CKamerMalloc", path: "Sources/CKamerMalloc"),
    .target(
      name: "KamerGraph",
      dependencies: [
        "CLibXML2",
        "CKamerZlib",
        "CKamerMalloc",
        "CPoppler",
        .product(name: "Collections", package: "swift-collections"),
        .product(name: "Algorithms", package: "swift-algorithms"),
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C API (the same library GRDB links), for exporters that read columns in place.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      // The law table and its scripts (compiled into References/Recognizers/LawLexicon+Data.swift).
      exclude: ["References/Data"]
    ),
    .executableTarget(
      name: "kamergraph",
      dependencies: [
        "KamerGraph",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // The Swift runtime and Foundation linked in (Linux): 14 fewer shared libraries to map and
      // bind at every start (issue 21: `kamergraph --version` 21 -> 11 ms CPU). The Foundation
      // archives are named because the modules were compiled against the shared ones, whose
      // autolink entries do not list their static dependencies.
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib",
            "-Xlinker", "--start-group",
            "-Xlinker", "-lFoundation", "-Xlinker", "-lFoundationEssentials",
            "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-lCoreFoundation",
            "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationICU",
            "-Xlinker", "--end-group",
          ], .when(platforms: [.linux]))
      ]
    ),
    // Fetching from the official sources (Sources/KamerGraphFetch): its own module so that only
    // kamergraph-fetch links URLSession's FoundationNetworking.
    .target(
      name: "KamerGraphFetch",
      dependencies: ["KamerGraph"]
    ),
    .executableTarget(
      name: "kamergraph-fetch",
      dependencies: [
        "KamerGraph",
        "KamerGraphFetch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Not a product: the fuzz harness (the regression tests run it too) and the synthetic graph the
    // GraphML benchmark writes, kept out of the shipped library. It reaches the readers through
    // `package` access.
    .target(
      name: "KamerGraphHarness",
      dependencies: ["KamerGraph"]
    ),
    // libFuzzer targets (extractor and readers). Fuzzing build:
    //   swift build -c release --sanitize=fuzzer -Xswiftc -DFUZZING --product kamergraph-fuzz
    // Without FUZZING it is a replay tool that runs saved inputs through the same code.
    .executableTarget(
      name: "kamergraph-fuzz",
      dependencies: ["KamerGraphHarness"],
      path: "Sources/KamerGraphFuzz",
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ),
    // The GraphML writer timed alone on a generated graph, for Benchmarks/bench.py (not installed).
    .executableTarget(
      name: "kamergraph-bench",
      dependencies: ["KamerGraph", "KamerGraphHarness"],
      path: "Benchmarks/Sources/kamergraph-bench"
    ),
    .testTarget(
      name: "KamerGraphTests",
      // ZIPFoundation writes the zip files the reader tests feed in. The library reads zips itself:
      // ZIPFoundation's reading crashed or hung on damaged archives (Tests/Fuzz/README.md, F2-F4).
      dependencies: [
        "KamerGraph", "KamerGraphHarness", "KamerGraphFetch", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
  ]
)
