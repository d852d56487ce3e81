// swift-tools-version:6.0
//
// Interlink — a research-notebook toolkit for heterogeneous quantum interconnects.
// Layout and dependency direction: ../shared/DESIGN.md (Physics <- Sim <- Notebook <- Report <- CLI;
// Stats and Plot are leaves over C).

import PackageDescription

let package = Package(
    name: "Interlink",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Interlink", targets: ["Interlink"]),
        .executable(name: "interlink", targets: ["InterlinkCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
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

        // MARK: Modules, leaves first
        .target(name: "InterlinkPhysics"),
        .target(name: "InterlinkStats", dependencies: ["CGSL"]),
        .target(name: "InterlinkPlot", dependencies: ["CCairo"]),
        .target(
            name: "InterlinkSim",
            dependencies: [
                "InterlinkPhysics", "InterlinkStats",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "InterlinkNotebook",
            dependencies: [
                "InterlinkPhysics", "InterlinkSim", "InterlinkStats", "InterlinkPlot",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            plugins: ["SourceFingerprintPlugin"]
        ),
        .target(
            name: "InterlinkReport",
            dependencies: [
                "InterlinkNotebook", "InterlinkPlot", "InterlinkStats",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "Interlink",
            dependencies: [
                "InterlinkPhysics", "InterlinkSim", "InterlinkStats", "InterlinkPlot",
                "InterlinkNotebook", "InterlinkReport",
            ]
        ),

        // MARK: Studies and the command-line tool
        .target(name: "Studies", dependencies: ["Interlink"], path: "studies", plugins: ["SourceFingerprintPlugin"]),
        .executableTarget(
            name: "InterlinkCLI",
            dependencies: [
                "Interlink", "Studies",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/interlink"
        ),

        // MARK: Build-time source fingerprint (the code fingerprint describes the code that runs)
        .executableTarget(name: "SourceFingerprintTool"),
        .plugin(name: "SourceFingerprintPlugin", capability: .buildTool(), dependencies: ["SourceFingerprintTool"]),

        // MARK: Tests, one target per module
        .testTarget(name: "InterlinkPhysicsTests", dependencies: ["InterlinkPhysics"]),
        .testTarget(
            name: "InterlinkStatsTests",
            dependencies: ["InterlinkStats"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "InterlinkPlotTests", dependencies: ["InterlinkPlot"], exclude: ["Golden"]),
        .testTarget(name: "InterlinkSimTests", dependencies: ["InterlinkSim"]),
        .testTarget(name: "InterlinkNotebookTests", dependencies: ["InterlinkNotebook", "InterlinkSim"]),
        .testTarget(name: "InterlinkReportTests", dependencies: ["InterlinkReport"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "Interlink"]),
        .testTarget(name: "InterlinkCLITests", dependencies: ["InterlinkCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
