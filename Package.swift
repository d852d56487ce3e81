// swift-tools-version:6.0
//
// Interlink — a research-notebook toolkit for heterogeneous quantum interconnects.
// Layout and dependency direction: ../shared/DESIGN.md (Physics <- Sim <- Notebook <- Report <- CLI;
// Stats and Plot are leaves over C).

import PackageDescription

let package = Package(
    name: "Interlink",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),

        // MARK: Modules, leaves first
        .target(name: "InterlinkPhysics"),
        .target(name: "InterlinkStats", dependencies: ["CGSL"]),
        .target(name: "InterlinkPlot", dependencies: ["CCairo"]),
        .target(
            name: "InterlinkSim",
            dependencies: [
                "InterlinkPhysics",
                "InterlinkStats",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // MARK: Tests, one target per module
        .testTarget(name: "InterlinkPhysicsTests", dependencies: ["InterlinkPhysics"]),
        .testTarget(
            name: "InterlinkStatsTests",
            dependencies: ["InterlinkStats"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "InterlinkPlotTests", dependencies: ["InterlinkPlot"]),
        .testTarget(name: "InterlinkSimTests", dependencies: ["InterlinkSim"]),
    ],
    swiftLanguageModes: [.v6]
)
