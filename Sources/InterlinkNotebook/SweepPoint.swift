import InterlinkCore

/// One expanded sweep point, identified independently of the code that computes it.
public struct SweepPoint: Sendable, Hashable {
    /// Position in sweep order (0-based).
    public let index: Int
    /// The point's parameters as canonical JSON.
    public let parameters: JSONValue
    /// Stable key: SHA-256 hex of `"interlink-point\n" + identifier + "\n" + version + "\n" +`
    /// the canonical JSON of the parameters. It seeds the point's random stream, so it does not
    /// include the code fingerprint (an edited comment must not reshuffle Monte Carlo draws);
    /// the cache key adds the fingerprint.
    public let key: String

    /// Computes the key.
    init(index: Int, parameters: JSONValue, study: StudyIdentifier, version: Int) {
        self.index = index
        self.parameters = parameters
        self.key = SHA256.hex(of: "interlink-point\n\(study.rawValue)\n\(version)\n\(parameters.canonicalText)")
    }
}
