import InterlinkCore

/// Where a study's outputs came from; written as `manifest.json`. Holds nothing that differs
/// between two identical runs (no wall-clock time, host name or path).
public struct Provenance: Sendable, Hashable {
    /// Git state of the inputs.
    public let git: GitState
    /// `basis:sha256` of the code that computed the points.
    public let codeFingerprint: String
    /// The sweep description.
    public let sweep: String
    /// The engine description.
    public let engine: String
    /// The root seed in effect.
    public let rootSeed: UInt64
    /// Number of sweep points.
    public let pointCount: Int
    /// The study's base parameters (canonical JSON), which every point starts from.
    public let baseParameters: JSONValue

    /// Versions of the toolkit, the Swift compiler and the C libraries.
    public var versions: [String: String] { ToolchainVersions.all }
}
