import InterlinkCore
import CGSL

extension ConfidenceInterval {
    /// The Wilson score interval for a binomial proportion (Wilson, JASA 22, 209, 1927): with
    /// `p̂ = k/n` and `z = Φ⁻¹(1 − α/2)` (`gsl_cdf_ugaussian_Pinv`),
    /// `centre = (p̂ + z²/2n) / (1 + z²/n)` and
    /// `half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)`.
    ///
    /// Its coverage is close to nominal for moderate `np`, but like every non-randomised interval it
    /// oscillates with `p` because `k` is discrete, and it dips below nominal for very small `np`
    /// (Brown, Cai & DasGupta, Stat. Sci. 16, 101, 2001).
    ///
    /// - Parameters:
    ///   - successes: `k`, in `0...trials`.
    ///   - trials: `n ≥ 1`.
    ///   - level: the confidence level in (0, 1); default 0.95.
    /// - Throws: ``ParameterError`` for counts out of range or
    ///   a level outside (0, 1).
    public static func wilson(successes: Int, trials: Int, level: Double = 0.95) throws -> ConfidenceInterval {
        try validateCounts(successes: successes, trials: trials, level: level)
        let n = Double(trials), p = Double(successes) / n
        let z = GSL.call { gsl_cdf_ugaussian_Pinv(1 - (1 - level) / 2) }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return ConfidenceInterval(
            estimate: p, lower: Swift.max(0, centre - half), upper: Swift.min(1, centre + half), level: level)
    }

    /// The Clopper–Pearson "exact" interval for a binomial proportion (Clopper & Pearson,
    /// Biometrika 26, 404, 1934), from beta quantiles:
    /// `lower = B⁻¹(α/2; k, n − k + 1)` (0 when k = 0) and `upper = B⁻¹(1 − α/2; k + 1, n − k)`
    /// (1 when k = n). Its coverage is at least the nominal level for every `p`.
    ///
    /// The quantiles are found by Brent's method on the regularised incomplete beta function
    /// (`gsl_cdf_beta_P`): `gsl_cdf_beta_Pinv` fails to converge for shape parameters in the hundreds.
    ///
    /// - Throws: as ``wilson(successes:trials:level:)``.
    public static func clopperPearson(
        successes: Int, trials: Int, level: Double = 0.95
    ) throws -> ConfidenceInterval {
        try validateCounts(successes: successes, trials: trials, level: level)
        let k = Double(successes), n = Double(trials), alpha = 1 - level
        let lower = successes == 0 ? 0 : try betaQuantile(alpha / 2, k, n - k + 1)
        let upper = successes == trials ? 1 : try betaQuantile(1 - alpha / 2, k + 1, n - k)
        return ConfidenceInterval(estimate: k / n, lower: lower, upper: upper, level: level)
    }

    /// The `probability`-quantile of Beta(a, b): the root of `I_x(a, b) − probability` on [0, 1].
    private static func betaQuantile(_ probability: Double, _ a: Double, _ b: Double) throws -> Double {
        try RootFinder.brent(lower: 0, upper: 1, absoluteTolerance: 1e-300, relativeTolerance: 1e-15) { x in
            GSL.call { gsl_cdf_beta_P(x, a, b) } - probability
        }.x
    }

    private static func validateCounts(successes: Int, trials: Int, level: Double) throws {
        try Validate.count(trials, atLeast: 1, at: "trials", reason: "a proportion needs at least one trial")
        guard successes >= 0 && successes <= trials else {
            throw ParameterError(path: "successes", value: "\(successes)", allowed: "in 0...trials = 0...\(trials)")
        }
        try Validate.openUnit(level, at: "level")
    }
}
