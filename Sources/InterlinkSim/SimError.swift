/// Errors thrown by the Monte Carlo engine for invalid input.
public enum SimError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter lies outside its allowed range. `parameter` is the parameter's path.
    case outOfRange(parameter: String, value: Double, allowed: String)
    /// A structural parameter (count, index, matrix shape) is invalid.
    case invalid(parameter: String, reason: String)

    /// A human-readable description naming the parameter, its value and the allowed range.
    public var description: String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            return "\(parameter) = \(value) is outside the allowed range \(allowed)"
        case let .invalid(parameter, reason):
            return "\(parameter): \(reason)"
        }
    }
}

/// Validation helpers shared by the simulation inputs.
@usableFromInline
enum SimValidation {
    /// Throws unless `value` is a probability in (0, 1].
    @usableFromInline
    static func successProbability(_ value: Double, _ parameter: String) throws {
        guard value > 0, value <= 1, value.isFinite else {
            throw SimError.outOfRange(parameter: parameter, value: value, allowed: "(0, 1]")
        }
    }

    /// Throws unless `value` is a probability in [0, 1].
    @usableFromInline
    static func probability(_ value: Double, _ parameter: String) throws {
        guard value >= 0, value <= 1 else {
            throw SimError.outOfRange(parameter: parameter, value: value, allowed: "[0, 1]")
        }
    }

    /// Throws unless `value` is finite and > 0.
    @usableFromInline
    static func positive(_ value: Double, _ parameter: String) throws {
        guard value > 0, value.isFinite else {
            throw SimError.outOfRange(parameter: parameter, value: value, allowed: "(0, ∞)")
        }
    }

    /// Throws unless `value` is finite and ≥ 0.
    @usableFromInline
    static func nonNegative(_ value: Double, _ parameter: String) throws {
        guard value >= 0, value.isFinite else {
            throw SimError.outOfRange(parameter: parameter, value: value, allowed: "[0, ∞)")
        }
    }

    /// Throws unless `value` is > 0 (may be +∞).
    @usableFromInline
    static func positiveOrInfinite(_ value: Double, _ parameter: String) throws {
        guard value > 0, !value.isNaN else {
            throw SimError.outOfRange(parameter: parameter, value: value, allowed: "(0, ∞]")
        }
    }
}
