// swift-tools-version:6.0
//
// A researcher's own notebook: two studies in their own package, depending on Interlink (here by
// path; from another repository, `.package(url: "https://…/Interlink.git", from: "0.3.0")`).
// `swift run notebook run --all` writes output/; `swift run notebook verify` regenerates and compares.

import PackageDescription

let package = Package(
    name: "ExampleNotebook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "notebook", targets: ["ExampleNotebook"]),
    ],
    dependencies: [
        .package(name: "Interlink", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ExampleNotebook",
            dependencies: [.product(name: "InterlinkCommandLine", package: "Interlink")],
            // Embeds the hashes of this target's sources: the cache and the manifests follow edits.
            plugins: [.plugin(name: "SourceFingerprintPlugin", package: "Interlink")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
