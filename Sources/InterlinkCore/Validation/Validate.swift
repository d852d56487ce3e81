import Foundation

/// The one validator: checks of parameters read from user input, in every module.
///
/// Every configuration type calls these checks from its `validate(at:)` method, so a bad value is
/// reported with the full parameter path, the value and the allowed range. Units are part of the
/// field names (`lengthKm`, `darkCountRateHz`, `windowSeconds`, `linewidthMHz`, ...).
public enum Validate {
    /// Formats a number for an error message (shortest round-trip representation).
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return "\(Int(value))" }
        return "\(value)"
    }

    /// Rejects NaN and infinities.
    public static func finite(_ value: Double, at path: String) throws {
        guard value.isFinite else {
            throw ParameterError(kind: .notFinite, path: path,
                               message: "value \(format(value)) is not a finite number")
        }
    }

    /// Checks that `value` is finite and lies in `range` (closed). `unit` is shown in the message.
    public static func inRange(_ value: Double, _ range: ClosedRange<Double>, at path: String,
                               unit: String = "") throws {
        try finite(value, at: path)
        guard range.contains(value) else {
            let u = unit.isEmpty ? "" : " \(unit)"
            let hi = range.upperBound.isInfinite ? "inf" : format(range.upperBound)
            throw ParameterError(kind: .outOfRange, path: path,
                               message: "value \(format(value))\(u) is outside the allowed range [\(format(range.lowerBound)), \(hi)]\(u)")
        }
    }

    /// An efficiency, transmission, fidelity or probability: a number in [0, 1].
    public static func efficiency(_ value: Double, at path: String) throws {
        try inRange(value, 0...1, at: path)
    }

    /// A non-negative finite quantity (loss in dB, dB/km, length, duration, rate, noise).
    public static func nonNegative(_ value: Double, at path: String, unit: String = "") throws {
        try inRange(value, 0...Double.infinity, at: path, unit: unit)
    }

    /// A strictly positive finite quantity (wavelength, linewidth, bandwidth, time constant).
    public static func positive(_ value: Double, at path: String, unit: String = "") throws {
        try finite(value, at: path)
        guard value > 0 else {
            throw ParameterError(kind: .outOfRange, path: path,
                               message: "value \(format(value)) \(unit) is outside the allowed range (0, inf) \(unit)")
        }
    }

    /// A count (number of qubits, rounds) of at least `minimum` and at most `maximum`.
    public static func count(_ value: Int, atLeast minimum: Int, atMost maximum: Int = Int.max,
                             at path: String) throws {
        guard value >= minimum, value <= maximum else {
            let hi = maximum == Int.max ? "inf" : "\(maximum)"
            throw ParameterError(kind: .outOfRange, path: path,
                               message: "value \(value) is outside the allowed range [\(minimum), \(hi)]")
        }
    }
}

/// Joins a parent path and a child field name with a dot.
public func child(_ path: String, _ field: String) -> String {
    path.isEmpty ? field : "\(path).\(field)"
}

extension Validate {
    /// A probability in (0, 1]: a success probability per attempt (0 would never succeed).
    public static func successProbability(_ value: Double, at path: String) throws {
        try finite(value, at: path)
        guard value > 0, value <= 1 else { throw ParameterError(path: path, value: value, range: "(0, 1]") }
    }

    /// A strictly positive quantity that may be +∞ (a memory time, a cutoff that never fires).
    public static func positiveOrInfinite(_ value: Double, at path: String) throws {
        guard value > 0, !value.isNaN else { throw ParameterError(path: path, value: value, range: "(0, inf]") }
    }
}
