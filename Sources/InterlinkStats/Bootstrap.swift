import InterlinkCore
import CGSL

/// Nonparametric bootstrap of a statistic with a caller-supplied, seeded random number generator
/// (so the same seed gives the same intervals), with percentile and BCa intervals.
///
/// - Percentile interval: the `α/2` and `1 − α/2` quantiles of the bootstrap replicates (Efron &
///   Tibshirani, *An Introduction to the Bootstrap*, 1993, §13.3).
/// - BCa interval (Efron, JASA 82, 171, 1987; Efron & Tibshirani 1993, §14.3): the replicate
///   quantiles at `α₁ = Φ(ẑ₀ + (ẑ₀ + z_{α/2}) / (1 − â(ẑ₀ + z_{α/2})))` and
///   `α₂ = Φ(ẑ₀ + (ẑ₀ + z_{1−α/2}) / (1 − â(ẑ₀ + z_{1−α/2})))`, with bias correction
///   `ẑ₀ = Φ⁻¹(#{θ*_b < θ̂}/B)` (ties counted one half) and jackknife acceleration
///   `â = Σ(θ̄₍.₎ − θ₍ᵢ₎)³ / (6 [Σ(θ̄₍.₎ − θ₍ᵢ₎)²]^{3/2})`.
///
/// Quantiles are type 7 (``Quantile``); `Φ` and `Φ⁻¹` are `gsl_cdf_ugaussian_P` and
/// `gsl_cdf_ugaussian_Pinv`.
public struct Bootstrap: Sendable, Hashable, Codable {
    /// The statistic on the original data, `θ̂`.
    public var estimate: Double
    /// The bootstrap replicates `θ*_b`, sorted ascending.
    public var replicates: [Double]
    /// The bias correction `ẑ₀`.
    public var biasCorrection: Double
    /// The jackknife acceleration `â` (0 when every leave-one-out statistic is equal).
    public var acceleration: Double

    /// The most resamples accepted (guards against an accidental huge allocation).
    public static let maximumResamples = 10_000_000

    /// Resamples `data` `resamples` times with replacement, drawing indices from `stream`, and
    /// evaluates `statistic` on each resample and on every leave-one-out subsample.
    ///
    /// - Parameters:
    ///   - data: the sample (at least 2 finite values).
    ///   - resamples: the number of bootstrap resamples `B` (at least 100; 2000 or more for BCa).
    ///   - stream: the project's seeded stream; it supplies `B · n` uniform indices
    ///     (`RandomStream.nextIndex(below:)`, Lemire's unbiased method, an algorithm fixed by this
    ///     project rather than by the standard library), so the same seed and data give the same
    ///     replicates on every platform and Swift release.
    ///   - statistic: the statistic, e.g. the mean or the median.
    /// - Throws: ``ParameterError`` for bad data or counts,
    ///   a non-finite statistic, or an estimate outside the range of all replicates (no BCa possible);
    ///   ``StatsError/evaluationFailed(function:message:)`` when `statistic` throws.
    public init(
        _ data: [Double], resamples: Int = 2000, using stream: inout RandomStream,
        statistic: ([Double]) throws -> Double
    ) throws {
        try Validate.count(data.count, atLeast: 2, at: "data.count")
        try Validate.finite(data, at: "data")
        try Validate.count(resamples, atLeast: 100, at: "resamples")
        guard resamples <= Self.maximumResamples else {
            throw ParameterError(path: "resamples", value: "\(resamples)", allowed: "<= \(Self.maximumResamples)")
        }
        func evaluate(_ sample: [Double], _ what: String) throws -> Double {
            let value: Double
            do { value = try statistic(sample) } catch {
                throw StatsError.evaluationFailed(function: "statistic (\(what))", message: "\(error)")
            }
            try Validate.finite(value, at: "statistic(\(what))")
            return value
        }
        let n = data.count
        let estimate = try evaluate(data, "data")
        var replicates = [Double]()
        replicates.reserveCapacity(resamples)
        var sample = [Double](repeating: 0, count: n)
        for b in 0..<resamples {
            for i in 0..<n { sample[i] = data[stream.nextIndex(below: n)] }
            replicates.append(try evaluate(sample, "resample \(b)"))
        }
        replicates.sort()

        let below = replicates.filter { $0 < estimate }.count
        let equal = replicates.filter { $0 == estimate }.count
        let fraction = (Double(below) + 0.5 * Double(equal)) / Double(resamples)
        guard fraction > 0 && fraction < 1 else {
            throw ParameterError(path: "statistic", value: "estimate \(estimate) outside all \(resamples) replicates",
                allowed: "a statistic whose bootstrap distribution brackets its estimate (BCa bias correction)")
        }
        let z0 = GSL.call { gsl_cdf_ugaussian_Pinv(fraction) }

        var jackknife = [Double]()
        jackknife.reserveCapacity(n)
        for i in 0..<n {
            var leaveOneOut = data
            leaveOneOut.remove(at: i)
            jackknife.append(try evaluate(leaveOneOut, "jackknife \(i)"))
        }
        let jackMean = jackknife.reduce(0, +) / Double(n)
        var sum2 = 0.0, sum3 = 0.0
        for value in jackknife {
            let d = jackMean - value
            sum2 += d * d
            sum3 += d * d * d
        }
        let acceleration = sum2 > 0 ? sum3 / (6 * sum2 * sum2.squareRoot()) : 0

        self.estimate = estimate
        self.replicates = replicates
        self.biasCorrection = z0
        self.acceleration = acceleration
    }

    /// The percentile interval at `level`.
    /// - Throws: ``ParameterError`` for a level outside (0, 1).
    public func percentileInterval(level: Double = 0.95) throws -> ConfidenceInterval {
        try Validate.openUnit(level, at: "level")
        let alpha = 1 - level
        let bounds = Quantile.fromSorted(replicates, probabilities: [alpha / 2, 1 - alpha / 2])
        return ConfidenceInterval(estimate: estimate, lower: bounds[0], upper: bounds[1], level: level)
    }

    /// The bias-corrected and accelerated (BCa) interval at `level`.
    /// - Throws: ``ParameterError`` for a level outside (0, 1)
    ///   or an acceleration so large that the adjusted levels are undefined.
    public func bcaInterval(level: Double = 0.95) throws -> ConfidenceInterval {
        try Validate.openUnit(level, at: "level")
        let alpha = 1 - level
        func adjusted(_ tail: Double) throws -> Double {
            let z = GSL.call { gsl_cdf_ugaussian_Pinv(tail) }
            let denominator = 1 - acceleration * (biasCorrection + z)
            guard denominator > 0 else {
                throw ParameterError(path: "acceleration", value: "\(acceleration)",
                    allowed: "small enough that 1 - a (z0 + z) > 0 at level \(level)")
            }
            return GSL.call { gsl_cdf_ugaussian_P(biasCorrection + (biasCorrection + z) / denominator) }
        }
        let levels = [try adjusted(alpha / 2), try adjusted(1 - alpha / 2)]
        let bounds = Quantile.fromSorted(replicates, probabilities: levels)
        return ConfidenceInterval(estimate: estimate, lower: bounds[0], upper: bounds[1], level: level)
    }
}
