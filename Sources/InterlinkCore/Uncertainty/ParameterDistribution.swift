import Foundation

/// The distribution of an uncertain parameter, as a map from a unit-interval coordinate
/// u ∈ (0, 1) to a value (the inverse CDF), so stratified or low-discrepancy coordinates drawn
/// from a ``RandomStream`` become parameter draws.
public enum ParameterDistribution: Sendable, Hashable, Codable {
    /// Normal with mean μ and standard deviation σ: x = μ + σ·Φ⁻¹(u).
    case normal(mean: Double, standardDeviation: Double)
    /// Log-normal with median m and geometric standard deviation g > 1 (ln x ~ N(ln m, ln g)):
    /// x = m·g^Φ⁻¹(u).
    case logNormal(median: Double, geometricStandardDeviation: Double)
    /// Uniform on [lower, upper]: x = lower + u·(upper − lower).
    case uniform(lower: Double, upper: Double)
    /// Log-uniform on [lower, upper] (both > 0): x = lower·(upper/lower)^u.
    case logUniform(lower: Double, upper: Double)

    /// Checks the distribution's own parameters; errors name `path.<parameter>`.
    public func validate(at path: String) throws {
        switch self {
        case let .normal(mean, sd):
            try Validate.finite(mean, at: child(path, "mean"))
            try Validate.nonNegative(sd, at: child(path, "standardDeviation"))
        case let .logNormal(median, g):
            try Validate.positive(median, at: child(path, "median"))
            try Validate.inRange(g, 1...Double.greatestFiniteMagnitude, at: child(path, "geometricStandardDeviation"))
        case let .uniform(lower, upper):
            try Validate.finite(lower, at: child(path, "lower"))
            try Validate.inRange(upper, lower...Double.greatestFiniteMagnitude, at: child(path, "upper"))
        case let .logUniform(lower, upper):
            try Validate.positive(lower, at: child(path, "lower"))
            try Validate.inRange(upper, lower...Double.greatestFiniteMagnitude, at: child(path, "upper"))
        }
    }

    /// The value at unit coordinate `u` (the inverse CDF); u = 0.5 gives the median.
    /// - Throws: ``ParameterError`` for u outside [0, 1].
    public func quantile(_ u: Double) throws -> Double {
        switch self {
        case let .normal(mean, sd):
            return mean + sd * (try NormalQuantile.of(u, at: "u"))
        case let .logNormal(median, g):
            return median * exp(log(g) * (try NormalQuantile.of(u, at: "u")))
        case let .uniform(lower, upper):
            try Validate.efficiency(u, at: "u")
            return lower + u * (upper - lower)
        case let .logUniform(lower, upper):
            try Validate.efficiency(u, at: "u")
            return lower * exp(u * log(upper / lower))
        }
    }

    /// A short description (`normal(0.9, 0.02)`), for manifests and tables.
    public var label: String {
        let f = Validate.format
        switch self {
        case let .normal(m, s): return "normal(\(f(m)), \(f(s)))"
        case let .logNormal(m, g): return "logNormal(median \(f(m)), gsd \(f(g)))"
        case let .uniform(l, u): return "uniform(\(f(l)), \(f(u)))"
        case let .logUniform(l, u): return "logUniform(\(f(l)), \(f(u)))"
        }
    }
}

/// A parameter value's uncertainty with where it comes from: a published "±", a published range,
/// or a labelled assumption. Values without one stay exact.
public struct ParameterUncertainty: Sendable, Hashable, Codable {
    /// The distribution of the value.
    public var distribution: ParameterDistribution
    /// The citation of the published spread, or the reason for an assumed one.
    public var source: String
    /// Whether the spread is an assumption rather than a published number.
    public var isAssumption: Bool
    /// Physical limits draws are clamped to (an efficiency stays in [0, 1]); `nil` for none.
    public var limits: ClosedRange<Double>?

    /// Creates an uncertainty.
    public init(_ distribution: ParameterDistribution, source: String, isAssumption: Bool = false,
                limits: ClosedRange<Double>? = nil) {
        self.distribution = distribution
        self.source = source
        self.isAssumption = isAssumption
        self.limits = limits
    }

    /// A published "value ± uncertainty", the ± read as one standard uncertainty (GUM, JCGM 100:2008
    /// §2.3.1) of a normal distribution.
    public static func published(_ value: Double, plusMinus: Double, source: String,
                                 limits: ClosedRange<Double>? = nil) -> ParameterUncertainty {
        ParameterUncertainty(.normal(mean: value, standardDeviation: plusMinus), source: source, limits: limits)
    }

    /// A published range "lower – upper" with no stated distribution, read as uniform over it.
    public static func range(_ lower: Double, _ upper: Double, source: String,
                             isAssumption: Bool = false) -> ParameterUncertainty {
        ParameterUncertainty(.uniform(lower: lower, upper: upper), source: source, isAssumption: isAssumption)
    }

    /// A published range spanning orders of magnitude, read as log-uniform over it.
    public static func logRange(_ lower: Double, _ upper: Double, source: String,
                                isAssumption: Bool = false) -> ParameterUncertainty {
        ParameterUncertainty(.logUniform(lower: lower, upper: upper), source: source, isAssumption: isAssumption)
    }

    /// Checks the distribution; errors name `path`.
    public func validate(at path: String) throws {
        try distribution.validate(at: path)
        if let limits {
            try Validate.finite(limits.lowerBound, at: child(path, "limits.lower"))
            try Validate.finite(limits.upperBound, at: child(path, "limits.upper"))
        }
    }

    /// The value at unit coordinate `u`, clamped to `limits`.
    public func value(at u: Double) throws -> Double {
        let x = try distribution.quantile(u)
        guard let limits else { return x }
        return min(max(x, limits.lowerBound), limits.upperBound)
    }
}
