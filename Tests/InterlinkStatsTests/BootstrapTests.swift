import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Bootstrap intervals")
struct BootstrapTests {
    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    @Test("The same seed gives the same bootstrap; another seed gives other replicates")
    func deterministic() throws {
        var source = SplitMix64(seed: 1)
        let data = (0..<40).map { _ in source.normal() }
        var a = RandomStream(key: 99, replicate: 0), b = RandomStream(key: 99, replicate: 0), c = RandomStream(key: 100, replicate: 0)
        let first = try Bootstrap(data, resamples: 500, using: &a, statistic: Self.mean)
        let second = try Bootstrap(data, resamples: 500, using: &b, statistic: Self.mean)
        let other = try Bootstrap(data, resamples: 500, using: &c, statistic: Self.mean)
        #expect(first == second)
        #expect(first.replicates != other.replicates)
        #expect(first.replicates == first.replicates.sorted())
    }

    @Test("Jackknife acceleration of the mean equals Σ(x − x̄)³ / (6 [Σ(x − x̄)²]^{3/2})")
    func accelerationOfMean() throws {
        // For the mean, θ̄₍.₎ − θ₍ᵢ₎ = (xᵢ − x̄)/(n − 1); the (n − 1) factors cancel in the ratio.
        let data = [0.3, 1.2, 0.1, 4.0, 0.7, 2.2, 0.05, 0.9]
        let m = Self.mean(data)
        let s2 = data.reduce(0) { $0 + pow($1 - m, 2) }
        let s3 = data.reduce(0) { $0 + pow($1 - m, 3) }
        var rng = RandomStream(key: 5, replicate: 0)
        let boot = try Bootstrap(data, resamples: 200, using: &rng, statistic: Self.mean)
        #expect(abs(boot.acceleration - s3 / (6 * pow(s2, 1.5))) < 1e-12)
        #expect(boot.estimate == m)
    }

    @Test("Normal data: percentile and BCa intervals for the mean agree with the t interval")
    func normalMean() throws {
        var source = SplitMix64(seed: 3)
        let data = (0..<60).map { _ in 10 + 2 * source.normal() }
        var rng = RandomStream(key: 4, replicate: 0)
        let boot = try Bootstrap(data, resamples: 4000, using: &rng, statistic: Self.mean)
        let t = try ConfidenceInterval.studentT(data)
        for interval in [try boot.percentileInterval(), try boot.bcaInterval()] {
            // The bootstrap uses the plug-in (1/n) variance, so it is ~1–3% narrower than t.
            #expect(abs(interval.lower - t.lower) < 0.1 * t.width)
            #expect(abs(interval.upper - t.upper) < 0.1 * t.width)
        }
    }

    @Test("Exponential data: positive acceleration and bias correction shift BCa right of the percentile interval")
    func skewedMean() throws {
        var source = SplitMix64(seed: 8)
        let data = (0..<30).map { _ in -log(1 - source.uniform()) * 3 }
        var rng = RandomStream(key: 9, replicate: 0)
        let boot = try Bootstrap(data, resamples: 4000, using: &rng, statistic: Self.mean)
        let percentile = try boot.percentileInterval()
        let bca = try boot.bcaInterval()
        // Right-skewed data: the jackknife skewness, hence â, is positive and BCa moves both ends up.
        #expect(boot.acceleration > 0)
        #expect(bca.lower > percentile.lower && bca.upper > percentile.upper)
        #expect(bca.contains(boot.estimate))
    }

    @Test("BCa levels and bounds recomputed independently from the replicates, ẑ₀ and â")
    func bcaFormula() throws {
        var source = SplitMix64(seed: 21)
        let data = (0..<25).map { _ in exp(source.normal()) }
        var rng = RandomStream(key: 22, replicate: 0)
        let boot = try Bootstrap(data, resamples: 3000, using: &rng, statistic: Self.mean)
        // ẑ₀: Φ(ẑ₀) is the fraction of replicates below the estimate (ties count one half),
        // with Φ(z) = erfc(−z/√2)/2.
        let below = Double(boot.replicates.filter { $0 < boot.estimate }.count)
        let ties = Double(boot.replicates.filter { $0 == boot.estimate }.count)
        let phi = { (z: Double) in erfc(-z / 2.0.squareRoot()) / 2 }
        #expect(abs(phi(boot.biasCorrection) - (below + ties / 2) / 3000) < 1e-12)
        // α₁,₂ = Φ(ẑ₀ + (ẑ₀ + z)/(1 − â(ẑ₀ + z))) with z = ∓1.959963984540054, then type-7 quantiles.
        func quantile(_ p: Double) -> Double {
            let h = Double(boot.replicates.count - 1) * p
            let i = Int(h.rounded(.down))
            return boot.replicates[i] + (h - Double(i)) * (boot.replicates[min(i + 1, boot.replicates.count - 1)] - boot.replicates[i])
        }
        let z0 = boot.biasCorrection, a = boot.acceleration
        let levels = [-1.959963984540054, 1.959963984540054].map { z in phi(z0 + (z0 + z) / (1 - a * (z0 + z))) }
        let bca = try boot.bcaInterval()
        #expect(abs(bca.lower - quantile(levels[0])) < 1e-9)
        #expect(abs(bca.upper - quantile(levels[1])) < 1e-9)
        let percentile = try boot.percentileInterval()
        #expect(abs(percentile.lower - quantile(0.025)) < 1e-12)
        #expect(abs(percentile.upper - quantile(0.975)) < 1e-12)
    }

    @Test("Constant data give a zero-width interval; bad input throws and the process continues")
    func edges() throws {
        var rng = RandomStream(key: 1, replicate: 0)
        let flat = try Bootstrap([2, 2, 2, 2], resamples: 100, using: &rng, statistic: Self.mean)
        #expect(try flat.bcaInterval() == ConfidenceInterval(estimate: 2, lower: 2, upper: 2, level: 0.95))
        #expect(throws: ParameterError.self) { try Bootstrap([1], resamples: 100, using: &rng, statistic: Self.mean) }
        #expect(throws: ParameterError.self) { try Bootstrap([1, 2], resamples: 10, using: &rng, statistic: Self.mean) }
        struct Boom: Error {}
        #expect(throws: StatsError.self) {
            try Bootstrap([1, 2, 3], resamples: 100, using: &rng) { _ in throw Boom() }
        }
        #expect(throws: ParameterError.self) { try flat.percentileInterval(level: 1.2) }
    }
}
