import InterlinkCore

/// A streaming summary of a sample — count, mean, variance, minimum, maximum — that can be fed one
/// value at a time and *merged* with summaries of other shards or threads.
///
/// Updates use Welford's algorithm (Welford, Technometrics 4, 419, 1962); merging uses the pairwise
/// update of Chan, Golub & LeVeque ("Updating formulae and a pairwise algorithm for computing sample
/// variances", Stanford CS report STAN-CS-79-773, 1979): for shards a and b with
/// `δ = mean_b − mean_a` and `n = n_a + n_b`,
/// `mean = mean_a + δ·n_b/n` and `M₂ = M₂,a + M₂,b + δ²·n_a·n_b/n`, where `M₂ = Σ(xᵢ − mean)²`.
///
/// The running mean is kept relative to the first value seen (the "shifted data" algorithm, Chan,
/// Golub & LeVeque, Am. Stat. 37, 242, 1983), so a large common offset (e.g. 10⁶ ± 3) costs no
/// accuracy: variances stay accurate to ~1e-15 relative where plain Welford loses ~1e-12.
public struct RunningSummary: Sendable, Hashable, Codable {
    /// The number of values added.
    public private(set) var count: Int = 0
    /// The shift: the first value added (0 when empty).
    private var shift: Double = 0
    /// The mean of `xᵢ − shift`.
    private var shiftedMean: Double = 0
    /// `M₂ = Σ (xᵢ − mean)²`, the sum of squared deviations from the mean.
    public private(set) var sumOfSquaredDeviations: Double = 0
    /// The smallest value added, `nil` when empty.
    public private(set) var minimum: Double?
    /// The largest value added, `nil` when empty.
    public private(set) var maximum: Double?

    /// An empty summary.
    public init() {}

    /// A summary of `values`.
    /// - Throws: ``ParameterError`` for a NaN or infinite value.
    public init<Values: Sequence>(_ values: Values) throws where Values.Element == Double {
        for value in values { try add(value) }
    }

    /// Adds one value (Welford's update).
    /// - Throws: ``ParameterError`` for a NaN or infinite value.
    public mutating func add(_ value: Double) throws {
        try Validate.finite(value, at: "value")
        if count == 0 { shift = value }
        count += 1
        let y = value - shift
        let delta = y - shiftedMean
        shiftedMean += delta / Double(count)
        sumOfSquaredDeviations += delta * (y - shiftedMean)
        minimum = Swift.min(minimum ?? value, value)
        maximum = Swift.max(maximum ?? value, value)
    }

    /// Merges another summary into this one (Chan, Golub & LeVeque's pairwise update): the result
    /// summarises the union of both samples.
    public mutating func merge(_ other: RunningSummary) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let n = count + other.count
        let na = Double(count), nb = Double(other.count), total = Double(n)
        let delta = (other.shift - shift) + (other.shiftedMean - shiftedMean)
        shiftedMean += delta * nb / total
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * na * nb / total
        count = n
        minimum = Swift.min(minimum ?? .infinity, other.minimum ?? .infinity)
        maximum = Swift.max(maximum ?? -.infinity, other.maximum ?? -.infinity)
    }

    /// This summary merged with `other`.
    public func merging(_ other: RunningSummary) -> RunningSummary {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// The arithmetic mean (0 when empty).
    public var mean: Double { shift + shiftedMean }

    /// The unbiased sample variance `M₂ / (n − 1)`; `nil` for fewer than 2 values.
    public var variance: Double? {
        count >= 2 ? sumOfSquaredDeviations / Double(count - 1) : nil
    }

    /// The population variance `M₂ / n`; `nil` when empty.
    public var populationVariance: Double? {
        count >= 1 ? sumOfSquaredDeviations / Double(count) : nil
    }

    /// The sample standard deviation `√variance`; `nil` for fewer than 2 values.
    public var standardDeviation: Double? { variance?.squareRoot() }

    /// The standard error of the mean `s/√n`; `nil` for fewer than 2 values.
    public var standardErrorOfMean: Double? {
        standardDeviation.map { $0 / Double(count).squareRoot() }
    }
}
