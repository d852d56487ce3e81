import InterlinkCore
import Foundation

/// A weighted histogram over linear or logarithmic bins that can be merged with histograms of the
/// same binning (from other shards or threads) exactly: counts add.
///
/// Bins are half-open, `[edges[i], edges[i + 1])`, as in GSL's `gsl_histogram`; a value below the
/// first edge goes to ``underflow`` and a value at or above the last edge to ``overflow``.
public struct Histogram: Sendable, Hashable, Codable {
    /// How the bin edges are spaced.
    public enum Binning: Sendable, Hashable, Codable {
        /// `count` equal-width bins over `[lower, upper)`: `edgeᵢ = lower + i (upper − lower)/count`.
        case linear(lower: Double, upper: Double, count: Int)
        /// `count` bins equally spaced in `log10` over `[lower, upper)` with `0 < lower < upper`:
        /// `edgeᵢ = lower · 10^(i·log10(upper/lower)/count)`, evaluated in log space when `upper/lower`
        /// or the power would overflow (e.g. `1e-200 ... 1e200`).
        case logarithmic(lower: Double, upper: Double, count: Int)
    }

    /// The binning this histogram was created with.
    public let binning: Binning
    /// The `count + 1` bin edges, increasing.
    public let edges: [Double]
    /// The summed weights per bin (the number of values for unit weights).
    public private(set) var counts: [Double]
    /// The summed weight of values below the first edge.
    public private(set) var underflow: Double = 0
    /// The summed weight of values at or above the last edge.
    public private(set) var overflow: Double = 0

    /// An empty histogram.
    /// - Throws: ``ParameterError`` for fewer than one bin,
    ///   non-finite bounds, `lower ≥ upper`, `lower ≤ 0` for logarithmic bins, or bins so narrow that
    ///   the edges are not finite and strictly increasing in `Double`.
    public init(binning: Binning) throws {
        switch binning {
        case let .linear(lower, upper, count):
            try Self.validate(lower: lower, upper: upper, count: count)
            edges = (0...count).map { i in
                i == count ? upper : lower + Double(i) * (upper - lower) / Double(count)
            }
        case let .logarithmic(lower, upper, count):
            try Self.validate(lower: lower, upper: upper, count: count)
            try Validate.positive(lower, at: "binning.lower")
            let ratio = Self.log10Ratio(upper, lower)
            edges = (0...count).map { i in
                if i == 0 { return lower }
                if i == count { return upper }
                let exponent = ratio * Double(i) / Double(count)
                let edge = lower * pow(10, exponent)
                return edge.isFinite ? edge : pow(10, log10(lower) + exponent)
            }
        }
        for i in edges.indices.dropLast() where !(edges[i].isFinite && edges[i] < edges[i + 1]) {
            throw ParameterError(path: "binning", value: "\(binning) (edges[\(i)] = \(edges[i]), edges[\(i + 1)] = \(edges[i + 1]))",
                allowed: "bins whose edges are finite and strictly increasing in Double (fewer or wider bins)")
        }
        self.binning = binning
        counts = [Double](repeating: 0, count: edges.count - 1)
    }

    /// `log10(a / b)` for `a ≥ b > 0`, as `log10(a) − log10(b)` when the quotient overflows.
    private static func log10Ratio(_ a: Double, _ b: Double) -> Double {
        let quotient = a / b
        return quotient.isFinite ? log10(quotient) : log10(a) - log10(b)
    }

    /// The most bins a histogram may have (guards against an accidental huge allocation).
    public static let maximumBinCount = 10_000_000

    private static func validate(lower: Double, upper: Double, count: Int) throws {
        try Validate.finite(lower, at: "binning.lower")
        try Validate.finite(upper, at: "binning.upper")
        guard lower < upper, (upper - lower).isFinite else {
            throw ParameterError(path: "binning.upper", value: "\(upper)",
                allowed: "> binning.lower = \(lower), with a finite difference")
        }
        try Validate.count(count, atLeast: 1, at: "binning.count")
        guard count <= maximumBinCount else {
            throw ParameterError(path: "binning.count", value: "\(count)", allowed: "<= \(maximumBinCount)")
        }
    }

    /// The index of the bin holding `value`, or `nil` when it falls outside `[edges.first, edges.last)`.
    public func binIndex(of value: Double) -> Int? {
        guard let first = edges.first, let last = edges.last, value >= first, value < last else { return nil }
        let n = counts.count
        var guess: Int
        switch binning {
        case let .linear(lower, upper, _):
            guess = Int((value - lower) / (upper - lower) * Double(n))
        case let .logarithmic(lower, upper, _):
            guess = Int(Self.log10Ratio(value, lower) / Self.log10Ratio(upper, lower) * Double(n))
        }
        // The arithmetic guess can be off by one at an edge; the stored edges decide.
        guess = Swift.min(Swift.max(guess, 0), n - 1)
        while guess > 0 && value < edges[guess] { guess -= 1 }
        while guess < n - 1 && value >= edges[guess + 1] { guess += 1 }
        return guess
    }

    /// Adds `value` with `weight` (default 1).
    /// - Throws: ``ParameterError`` for a NaN value or a
    ///   weight that is not finite and > 0. Infinite values go to underflow or overflow.
    public mutating func add(_ value: Double, weight: Double = 1) throws {
        guard !value.isNaN else {
            throw ParameterError(path: "value", value: "nan", allowed: "not NaN")
        }
        try Validate.positive(weight, at: "weight")
        if let index = binIndex(of: value) {
            counts[index] += weight
        } else if let first = edges.first, value < first {
            underflow += weight
        } else {
            overflow += weight
        }
    }

    /// Adds every value in `values` with unit weight.
    /// - Throws: as ``add(_:weight:)``.
    public mutating func add<Values: Sequence>(contentsOf values: Values) throws where Values.Element == Double {
        for value in values { try add(value) }
    }

    /// Adds the counts of `other`, which must have the same binning.
    /// - Throws: ``ParameterError`` when the binnings differ.
    public mutating func merge(_ other: Histogram) throws {
        guard other.binning == binning else {
            throw ParameterError(path: "other.binning", value: "\(other.binning)", allowed: "equal to \(binning)")
        }
        for i in counts.indices { counts[i] += other.counts[i] }
        underflow += other.underflow
        overflow += other.overflow
    }

    /// This histogram merged with `other`.
    /// - Throws: as ``merge(_:)``.
    public func merging(_ other: Histogram) throws -> Histogram {
        var copy = self
        try copy.merge(other)
        return copy
    }

    /// The summed weight inside the bins (excluding underflow and overflow).
    public var total: Double { counts.reduce(0, +) }

    /// The bin centres: arithmetic for linear bins, geometric (`√(aᵢ aᵢ₊₁)`) for logarithmic bins.
    public var centers: [Double] {
        counts.indices.map { i in
            switch binning {
            case .linear: return (edges[i] + edges[i + 1]) / 2
            case .logarithmic: return (edges[i] * edges[i + 1]).squareRoot()
            }
        }
    }

    /// The probability density per bin, `countᵢ / (total · widthᵢ)`, so that `Σ densityᵢ widthᵢ = 1`;
    /// all zeros for an empty histogram.
    public var density: [Double] {
        let sum = total
        guard sum > 0 else { return counts.map { _ in 0 } }
        return counts.indices.map { counts[$0] / (sum * (edges[$0 + 1] - edges[$0])) }
    }
}
