import InterlinkCore

/// A two-sided confidence interval `[lower, upper]` around a point estimate at a confidence level.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The point estimate (the sample mean, the observed proportion, the statistic on the data).
    public var estimate: Double
    /// The lower bound.
    public var lower: Double
    /// The upper bound.
    public var upper: Double
    /// The confidence level `1 − α`, e.g. 0.95.
    public var level: Double

    /// An interval from its parts (no checks: use the named constructors to compute one).
    public init(estimate: Double, lower: Double, upper: Double, level: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether `value` lies in `[lower, upper]`.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// `upper − lower`.
    public var width: Double { upper - lower }
}
