import InterlinkCore
import CGSL

/// Sample quantiles by linear interpolation between order statistics (Hyndman & Fan's type 7, the
/// default of R and NumPy), over `gsl_stats_quantile_from_sorted_data`: for sorted data
/// `x₀ ≤ … ≤ x₍ₙ₋₁₎` and probability `p`, with `h = (n − 1)p`,
/// `Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋)` (Hyndman & Fan, Am. Stat. 50, 361, 1996).
public enum Quantile {
    /// The `p`-quantile of `values` (which need not be sorted).
    /// - Throws: ``ParameterError`` for empty or non-finite
    ///   data or `p` outside [0, 1].
    public static func of(_ values: [Double], probability p: Double) throws -> Double {
        try of(values, probabilities: [p])[0]
    }

    /// The quantiles of `values` at each probability in `probabilities`, sorting once.
    /// - Throws: as ``of(_:probability:)``.
    public static func of(_ values: [Double], probabilities: [Double]) throws -> [Double] {
        try Validate.count(values.count, atLeast: 1, at: "values.count")
        try Validate.finite(values, at: "values")
        for (i, p) in probabilities.enumerated() { try Validate.efficiency(p, at: "probabilities[\(i)]") }
        let sorted = values.sorted()
        return fromSorted(sorted, probabilities: probabilities)
    }

    /// The median (the 0.5-quantile).
    public static func median(_ values: [Double]) throws -> Double {
        try of(values, probability: 0.5)
    }

    /// Quantiles of already sorted, finite, non-empty data (checked by the callers).
    static func fromSorted(_ sorted: [Double], probabilities: [Double]) -> [Double] {
        probabilities.map { p in
            GSL.call { gsl_stats_quantile_from_sorted_data(sorted, 1, sorted.count, p) }
        }
    }
}
