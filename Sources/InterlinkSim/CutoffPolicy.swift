import InterlinkCore

/// What to do with a stored pair that has waited long for its partner.
public enum CutoffPolicy: Sendable, Hashable {
    /// Keep pairs until they are used.
    case none
    /// Discard a pair older than `seconds` and regenerate it (attempts restart at the expiry time).
    case maximumAge(seconds: Double)

    /// The maximum storage age (seconds); +∞ without a cutoff.
    @inlinable
    public var maximumAgeSeconds: Double {
        switch self {
        case .none: return .infinity
        case let .maximumAge(seconds): return seconds
        }
    }

    /// Throws unless the cutoff is positive (or absent).
    public func validate(at path: String) throws {
        if case let .maximumAge(seconds) = self {
            try Validate.positiveOrInfinite(seconds, at: path + ".maximumAge.seconds")
        }
    }
}
