import InterlinkCore
import CGSL

/// A straight-line least-squares fit `y = intercept + slope · x`, with the parameter covariance
/// matrix, over GSL's `gsl_fit_linear` (ordinary) and `gsl_fit_wlinear` (weighted).
///
/// The covariance follows GSL's conventions (GSL Reference Manual, §"Linear regression"):
/// - ordinary fit: the covariance is scaled by the residual variance `s² = χ² / (n − 2)`, i.e. the
///   data's scatter estimates the unknown noise level (as the NIST StRD certified values assume);
/// - weighted fit, with `weights[i] = 1/σᵢ²`: the covariance is `(XᵀWX)⁻¹`, i.e. the σᵢ are taken as
///   known absolute uncertainties and are not rescaled by the scatter.
public struct LinearFit: Sendable, Hashable, Codable {
    /// The fitted intercept (the value of the line at `x = 0`).
    public var intercept: Double
    /// The fitted slope.
    public var slope: Double
    /// The 2×2 parameter covariance `[[c00, c01], [c01, c11]]`, in the order (intercept, slope).
    public var covariance: [[Double]]
    /// The weighted sum of squared residuals `Σ wᵢ (yᵢ − intercept − slope·xᵢ)²` (all `wᵢ = 1` for an
    /// ordinary fit).
    public var chiSquared: Double
    /// The residual degrees of freedom, `n − 2`.
    public var degreesOfFreedom: Int

    /// The standard error of the intercept, `√c00`.
    public var interceptStandardError: Double { (covariance[0][0]).squareRoot() }
    /// The standard error of the slope, `√c11`.
    public var slopeStandardError: Double { (covariance[1][1]).squareRoot() }

    /// Fits a straight line by ordinary (`weights == nil`, `gsl_fit_linear`) or weighted
    /// (`gsl_fit_wlinear`, `weights[i] = 1/σᵢ²`) least squares.
    ///
    /// - Throws: ``ParameterError`` when `x` and `y` (and
    ///   `weights`) differ in length, there are fewer than 2 points (fewer than 3 for an ordinary fit,
    ///   whose covariance needs `n − 2 ≥ 1` degrees of freedom to estimate the scatter), any value is
    ///   NaN or infinite, any weight is not finite and > 0, or all `x` are equal;
    ///   ``StatsError/gsl(function:status:reason:)`` if GSL reports a failure.
    public init(x: [Double], y: [Double], weights: [Double]? = nil) throws {
        try Validate.sameCount(x.count, "x.count", y.count, at: "y.count")
        try Validate.count(x.count, atLeast: 2, at: "x.count", reason: "a line has 2 parameters")
        if weights == nil {
            try Validate.count(
                x.count, atLeast: 3, at: "x.count",
                reason: "an ordinary fit estimates the scatter from n - 2 degrees of freedom")
        }
        try Validate.finite(x, at: "x")
        try Validate.finite(y, at: "y")
        if let weights {
            try Validate.sameCount(x.count, "x.count", weights.count, at: "weights.count")
            try Validate.positive(weights, at: "weights")
        }
        if let first = x.first, x.allSatisfy({ $0 == first }) {
            throw ParameterError(path: "x", value: "all \(first)", allowed: "at least two distinct values")
        }

        var c0 = 0.0, c1 = 0.0, cov00 = 0.0, cov01 = 0.0, cov11 = 0.0, chi2 = 0.0
        let n = x.count
        if let weights {
            try GSL.check("gsl_fit_wlinear") {
                gsl_fit_wlinear(x, 1, weights, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chi2)
            }
        } else {
            try GSL.check("gsl_fit_linear") {
                gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chi2)
            }
        }
        for (name, value) in [("intercept", c0), ("slope", c1), ("covariance", cov00 + cov01 + cov11)]
        where !value.isFinite {
            throw ParameterError(path: "x, y", value: "\(name) = \(value)",
                allowed: "data giving a finite fit (check the scale of x and the weights)")
        }
        intercept = c0
        slope = c1
        covariance = [[cov00, cov01], [cov01, cov11]]
        chiSquared = chi2
        degreesOfFreedom = n - 2
    }

    /// The fitted line at `x`, `intercept + slope · x`.
    public func value(at x: Double) -> Double { intercept + slope * x }
}
