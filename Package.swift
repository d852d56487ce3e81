// swift-tools-version:6.0
//
// Interlink — a research-notebook toolkit for heterogeneous quantum interconnects.
// Layout and dependency direction: ARCHITECTURE.md.

import PackageDescription

let package = Package(
    name: "Interlink",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Interlink", targets: ["Interlink"]),
        // A user's package: `main.swift` hands its catalogue to `InterlinkTool` (the whole CLI).
        .library(name: "InterlinkCommandLine", targets: ["InterlinkCommandLine"]),
        // A user's study target applies it, so the code fingerprint covers their study files.
        .plugin(name: "SourceFingerprintPlugin", targets: ["SourceFingerprintPlugin"]),
        .executable(name: "interlink", targets: ["InterlinkCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Pinned: it renders the Markdown reports that `verify` compares byte for byte.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // `make docs`: the DocC catalogue of the library (Sources/Interlink/Interlink.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: C libraries (system-library targets, reached only through one wrapping layer each)
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CCairo",
            // Written by scripts/bootstrap from `pkg-config pangocairo pangoft2 fontconfig` minus
            // `-pthread`, which SwiftPM would otherwise warn about on every build.
            pkgConfig: "interlink-pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CMETIS",
            // Debian's libmetis-dev ships no .pc file; the modulemap links "metis" and the header is
            // /usr/include/metis.h, on the default search paths.
            providers: [.apt(["libmetis-dev"])]
        ),

        // MARK: Modules, leaves first (ARCHITECTURE.md lists what each may import)
        .target(name: "InterlinkCore"),
        .target(name: "InterlinkPhysics", dependencies: ["InterlinkCore"]),
        .target(name: "InterlinkStats", dependencies: ["CGSL", "InterlinkCore"]),
        .target(name: "InterlinkPlot", dependencies: ["CCairo", "InterlinkCore"]),
        .target(name: "InterlinkEval", dependencies: ["InterlinkCore", "InterlinkPhysics", "InterlinkArchitecture"]),
        .target(name: "InterlinkCircuits", dependencies: ["InterlinkCore"]),
        .target(name: "InterlinkPartition", dependencies: ["CMETIS", "InterlinkCore", "InterlinkCircuits"]),
        .target(
            name: "InterlinkSim",
            dependencies: [
                "InterlinkCore", "InterlinkPhysics", "InterlinkStats",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "InterlinkArchitecture",
            dependencies: [
                "InterlinkCore", "InterlinkPhysics", "InterlinkCircuits", "InterlinkPartition", "InterlinkStats",
                "InterlinkSim",
            ]
        ),
        .target(
            name: "InterlinkNotebook",
            dependencies: [
                "InterlinkCore", "InterlinkStats", "InterlinkPlot",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            plugins: ["SourceFingerprintPlugin"]
        ),
        .target(name: "InterlinkCluster", dependencies: ["InterlinkCore", "InterlinkNotebook"]),
        .target(
            name: "InterlinkReport",
            dependencies: [
                "InterlinkCore", "InterlinkNotebook", "InterlinkPlot", "InterlinkStats",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The default report templates (`report`, `partials/…`); a project's templates/ overrides them.
            resources: [.copy("Resources/templates")]
        ),
        .target(
            name: "Interlink",
            dependencies: [
                "InterlinkCore", "InterlinkPhysics", "InterlinkEval", "InterlinkSim", "InterlinkStats",
                "InterlinkPlot", "InterlinkNotebook", "InterlinkCluster", "InterlinkReport",
                "InterlinkCircuits", "InterlinkPartition", "InterlinkArchitecture",
            ]
        ),

        // MARK: Outside the library: figure gallery, benchmark scenarios, studies, the CLI
        .target(name: "InterlinkGallery", dependencies: ["InterlinkCore", "InterlinkPlot"]),
        .target(
            name: "InterlinkBenchmarks",
            dependencies: ["InterlinkCore", "InterlinkPhysics", "InterlinkSim", "InterlinkArchitecture", "InterlinkCircuits"],
            path: "Benchmarks/InterlinkBenchmarks"
        ),
        .target(name: "Studies", dependencies: ["Interlink"], path: "studies", plugins: ["SourceFingerprintPlugin"]),
        // The whole command line over any catalogue (a user's package links this).
        .target(
            name: "InterlinkCommandLine",
            dependencies: [
                "Interlink", "InterlinkGallery", "InterlinkBenchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "InterlinkCLI", dependencies: ["InterlinkCommandLine", "Studies"]),

        // MARK: Build-time source fingerprint (the code fingerprint describes the code that runs)
        .executableTarget(name: "SourceFingerprintTool"),
        .plugin(name: "SourceFingerprintPlugin", capability: .buildTool(), dependencies: ["SourceFingerprintTool"]),

        // MARK: Tests, one target per module (+ shared notebook fixtures)
        .target(
            name: "InterlinkTestSupport",
            dependencies: ["InterlinkNotebook", "InterlinkReport"],
            path: "Tests/InterlinkTestSupport"
        ),
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "InterlinkCoreTests", dependencies: ["InterlinkCore"]),
        .testTarget(name: "InterlinkPhysicsTests", dependencies: ["InterlinkPhysics"]),
        .testTarget(name: "InterlinkEvalTests", dependencies: ["InterlinkEval", "InterlinkPhysics"]),
        .testTarget(
            name: "InterlinkStatsTests",
            dependencies: ["InterlinkStats", "InterlinkCore"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "InterlinkPlotTests", dependencies: ["InterlinkPlot", "InterlinkCore"]),
        .testTarget(name: "InterlinkGalleryTests", dependencies: ["InterlinkGallery", "InterlinkPlot", "InterlinkCore"], exclude: ["Golden"]),
        .testTarget(
            name: "InterlinkCircuitsTests",
            dependencies: ["InterlinkCircuits", "InterlinkCore"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "InterlinkPartitionTests", dependencies: ["InterlinkPartition", "InterlinkCircuits", "InterlinkCore"]),
        .testTarget(name: "InterlinkSimTests", dependencies: ["InterlinkSim", "InterlinkCore"]),
        .testTarget(
            name: "InterlinkArchitectureTests",
            dependencies: ["InterlinkArchitecture", "InterlinkCircuits", "InterlinkPhysics", "InterlinkCore"]
        ),
        .testTarget(name: "InterlinkBenchmarksTests", dependencies: ["InterlinkBenchmarks"]),
        .testTarget(
            name: "InterlinkNotebookTests",
            dependencies: ["InterlinkNotebook", "InterlinkCluster", "InterlinkReport", "InterlinkTestSupport", "InterlinkCore"]
        ),
        .testTarget(name: "InterlinkReportTests", dependencies: ["InterlinkReport", "InterlinkTestSupport", "InterlinkCore"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "Interlink", "InterlinkTestSupport"]),
        .testTarget(name: "InterlinkCLITests", dependencies: ["InterlinkCLI", "InterlinkCommandLine", "InterlinkEval"]),
    ],
    swiftLanguageModes: [.v6]
)
