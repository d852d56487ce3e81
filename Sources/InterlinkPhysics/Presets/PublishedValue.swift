import InterlinkCore

/// A published number with its uncertainty and the band a model value must fall in to reproduce it.
///
/// The band is value − k·σ₋ … value + k·σ₊ with k = `tolerance`; `basis` says where σ comes from (the
/// paper's standard uncertainty, or half the last quoted digit when the paper or our secondary source
/// quotes none) and why k is what it is.
public struct PublishedValue: Codable, Sendable, Equatable {
    /// The published value.
    public let value: Double
    /// Standard uncertainty below the value (σ₋ ≥ 0).
    public let lowerUncertainty: Double
    /// Standard uncertainty above the value (σ₊ ≥ 0).
    public let upperUncertainty: Double
    /// Multiples of σ a model value may differ by and still reproduce the value.
    public let tolerance: Double
    /// Where the uncertainty comes from and why the tolerance is what it is.
    public let basis: String

    /// A value with a symmetric uncertainty σ.
    public init(_ value: Double, plusMinus sigma: Double, tolerance: Double = 1, basis: String) {
        self.init(value, minus: sigma, plus: sigma, tolerance: tolerance, basis: basis)
    }

    /// A value with an asymmetric uncertainty (+σ₊ −σ₋).
    public init(_ value: Double, minus lower: Double, plus upper: Double, tolerance: Double = 1, basis: String) {
        self.value = value
        lowerUncertainty = lower
        upperUncertainty = upper
        self.tolerance = tolerance
        self.basis = basis
    }

    /// Lowest value that reproduces the publication, value − k·σ₋.
    public var lowerBound: Double { value - tolerance * lowerUncertainty }
    /// Highest value that reproduces the publication, value + k·σ₊.
    public var upperBound: Double { value + tolerance * upperUncertainty }

    /// (x − value)/σ on the side of x (σ₊ above, σ₋ below); infinite when that σ is 0 and x ≠ value.
    public func standardScore(of x: Double) -> Double {
        let sigma = x >= value ? upperUncertainty : lowerUncertainty
        if x == value { return 0 }
        return sigma > 0 ? (x - value) / sigma : (x > value ? .infinity : -.infinity)
    }

    /// True when `x` lies in the band.
    public func isReproduced(by x: Double) -> Bool {
        x.isFinite && lowerBound <= x && x <= upperBound
    }
}
