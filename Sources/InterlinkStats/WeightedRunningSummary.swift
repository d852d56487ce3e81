import InterlinkCore

/// A streaming, mergeable summary of a weighted sample: total weight, weighted mean and weighted
/// variance, plus the minimum and maximum value.
///
/// Updates follow West's weighted incremental algorithm (West, "Updating mean and variance estimates:
/// an improved method", Commun. ACM 22, 532, 1979): with `W' = W + w`, `δ = x − mean`,
/// `mean' = mean + δ·w/W'` and `S' = S + w·δ·(x − mean')`. Merging is the weighted form of Chan et
/// al.'s pairwise update: `mean = mean_a + δ·W_b/W` and `S = S_a + S_b + δ²·W_a·W_b/W`,
/// where `S = Σ wᵢ (xᵢ − mean)²`. As in ``RunningSummary`` the mean is kept relative to the first
/// value, so a large common offset costs no accuracy.
public struct WeightedRunningSummary: Sendable, Hashable, Codable {
    /// The number of values added.
    public private(set) var count: Int = 0
    /// `W = Σ wᵢ`.
    public private(set) var totalWeight: Double = 0
    /// `Σ wᵢ²`, for the effective sample size and the reliability-weight variance.
    public private(set) var sumOfSquaredWeights: Double = 0
    /// The shift: the first value added (0 when empty).
    private var shift: Double = 0
    /// The weighted mean of `xᵢ − shift`.
    private var shiftedMean: Double = 0
    /// `S = Σ wᵢ (xᵢ − mean)²`.
    public private(set) var weightedSumOfSquaredDeviations: Double = 0
    /// The smallest value added, `nil` when empty.
    public private(set) var minimum: Double?
    /// The largest value added, `nil` when empty.
    public private(set) var maximum: Double?

    /// An empty summary.
    public init() {}

    /// Adds `value` with weight `weight` (West's update).
    /// - Throws: ``ParameterError`` for a non-finite value
    ///   or a weight that is not finite and > 0.
    public mutating func add(_ value: Double, weight: Double) throws {
        try Validate.finite(value, at: "value")
        try Validate.positive(weight, at: "weight")
        if count == 0 { shift = value }
        count += 1
        totalWeight += weight
        sumOfSquaredWeights += weight * weight
        let y = value - shift
        let delta = y - shiftedMean
        shiftedMean += delta * weight / totalWeight
        weightedSumOfSquaredDeviations += weight * delta * (y - shiftedMean)
        minimum = Swift.min(minimum ?? value, value)
        maximum = Swift.max(maximum ?? value, value)
    }

    /// Merges another weighted summary into this one.
    public mutating func merge(_ other: WeightedRunningSummary) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let wa = totalWeight, wb = other.totalWeight, w = wa + wb
        let delta = (other.shift - shift) + (other.shiftedMean - shiftedMean)
        shiftedMean += delta * wb / w
        weightedSumOfSquaredDeviations += other.weightedSumOfSquaredDeviations + delta * delta * wa * wb / w
        totalWeight = w
        sumOfSquaredWeights += other.sumOfSquaredWeights
        count += other.count
        minimum = Swift.min(minimum ?? .infinity, other.minimum ?? .infinity)
        maximum = Swift.max(maximum ?? -.infinity, other.maximum ?? -.infinity)
    }

    /// This summary merged with `other`.
    public func merging(_ other: WeightedRunningSummary) -> WeightedRunningSummary {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// The weighted mean `Σ wᵢxᵢ / W` (0 when empty).
    public var mean: Double { shift + shiftedMean }

    /// The weighted population variance `S / W`; `nil` when empty.
    public var populationVariance: Double? {
        count >= 1 ? weightedSumOfSquaredDeviations / totalWeight : nil
    }

    /// Kish's effective sample size `W² / Σwᵢ²` (Kish, Survey Sampling, 1965).
    public var effectiveSampleSize: Double {
        sumOfSquaredWeights > 0 ? totalWeight * totalWeight / sumOfSquaredWeights : 0
    }

    /// The unbiased variance for *reliability* weights, `S / (W − Σwᵢ²/W)` (equal weights give the
    /// usual `M₂/(n − 1)`); `nil` for fewer than 2 values.
    public var variance: Double? {
        guard count >= 2 else { return nil }
        let denominator = totalWeight - sumOfSquaredWeights / totalWeight
        return denominator > 0 ? weightedSumOfSquaredDeviations / denominator : nil
    }

    /// The unbiased variance for *frequency* weights (integer repeat counts), `S / (W − 1)`;
    /// `nil` unless `W > 1`.
    public var frequencyVariance: Double? {
        totalWeight > 1 ? weightedSumOfSquaredDeviations / (totalWeight - 1) : nil
    }
}
