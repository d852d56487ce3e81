import InterlinkCore
import CGSL

extension ConfidenceInterval {
    /// The Student-t interval for a mean, `x̄ ± t₍₁₋α/₂, n−1₎ · s/√n` (Student, Biometrika 6, 1, 1908),
    /// the quantile from `gsl_cdf_tdist_Pinv`.
    ///
    /// - Parameters:
    ///   - mean: the sample mean `x̄`.
    ///   - standardDeviation: the sample standard deviation `s` (with `n − 1` in the denominator).
    ///   - count: the sample size `n` (at least 2).
    ///   - level: the confidence level in (0, 1); default 0.95.
    /// - Throws: ``ParameterError`` for non-finite inputs, a
    ///   negative standard deviation, `n < 2` or a level outside (0, 1).
    public static func studentT(
        mean: Double, standardDeviation: Double, count: Int, level: Double = 0.95
    ) throws -> ConfidenceInterval {
        try Validate.finite(mean, at: "mean")
        try Validate.finite(standardDeviation, at: "standardDeviation")
        guard standardDeviation >= 0 else {
            throw ParameterError(path: "standardDeviation", value: "\(standardDeviation)", allowed: ">= 0")
        }
        try Validate.count(count, atLeast: 2, at: "count", reason: "a t interval needs n - 1 >= 1 degrees of freedom")
        try Validate.openUnit(level, at: "level")
        let t = GSL.call { gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, Double(count - 1)) }
        try Validate.finite(t, at: "t quantile (gsl_cdf_tdist_Pinv)")
        let half = t * standardDeviation / Double(count).squareRoot()
        return ConfidenceInterval(estimate: mean, lower: mean - half, upper: mean + half, level: level)
    }

    /// The Student-t interval for the mean of the sample summarised by `summary`.
    /// - Throws: as ``studentT(mean:standardDeviation:count:level:)``; fewer than 2 values throw.
    public static func studentT(_ summary: RunningSummary, level: Double = 0.95) throws -> ConfidenceInterval {
        guard let s = summary.standardDeviation else {
            throw ParameterError(path: "summary.count", value: "\(summary.count)",
                allowed: ">= 2 (a t interval needs n - 1 >= 1 degrees of freedom)")
        }
        return try studentT(mean: summary.mean, standardDeviation: s, count: summary.count, level: level)
    }

    /// The Student-t interval for the mean of `values`.
    /// - Throws: as ``studentT(mean:standardDeviation:count:level:)``, and for NaN or infinite values.
    public static func studentT(_ values: [Double], level: Double = 0.95) throws -> ConfidenceInterval {
        try studentT(RunningSummary(values), level: level)
    }
}
