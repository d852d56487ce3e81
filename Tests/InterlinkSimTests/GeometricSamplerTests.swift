import InterlinkCore
import Foundation
import Testing
@testable import InterlinkSim

/// Chi-square tests of the inversion sampler against (a) the exact geometric law, bin by bin in
/// closed form, and (b) a brute-force simulation that draws every Bernoulli attempt.
@Suite("Geometric sampler")
struct GeometricSamplerTests {
    /// Bin edges 0 = e₀ < e₁ < … < e_B = ∞ chosen near the quantiles j/B of the exact law; bin j
    /// holds K ∈ (e_j, e_{j+1}] with probability (1 − p)^{e_j} − (1 − p)^{e_{j+1}}.
    static func bins(p: Double, count: Int) -> (edges: [Double], probabilities: [Double]) {
        var edges: [Double] = [0]
        for j in 1..<count {
            // Smallest k with 1 − (1 − p)^k ≥ j/B, i.e. k ≥ ln(1 − j/B)/ln(1 − p).
            let k = (log(1 - Double(j) / Double(count)) / log(1 - p)).rounded(.up)
            if k > edges.last! { edges.append(k) }
        }
        edges.append(.infinity)
        let survival = { (k: Double) -> Double in k.isInfinite ? 0 : pow(1 - p, k) }
        let probs = (0..<(edges.count - 1)).map { survival(edges[$0]) - survival(edges[$0 + 1]) }
        return (edges, probs)
    }

    static func histogram(_ draws: [Double], edges: [Double]) -> [Double] {
        var h = [Double](repeating: 0, count: edges.count - 1)
        for k in draws {
            var j = 0
            while !(k > edges[j] && k <= edges[j + 1]) { j += 1 }
            h[j] += 1
        }
        return h
    }

    /// Upper 0.1% points of the chi-square law for 1…12 degrees of freedom (standard tables).
    static let chi2Critical001: [Double] = [10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32, 26.12, 27.88, 29.59, 31.26, 32.91]

    /// Brute force: count attempts until a 64-bit word falls below p·2⁶⁴, one word per attempt. It
    /// uses its own generator (SplitMix64, Steele et al. 2014), independent of the code under test.
    static func bruteForce(p: Double, samples: Int, seed: UInt64) -> [Double] {
        let threshold = UInt64(p * 0x1p63) << 1
        var state = seed
        var out = [Double]()
        out.reserveCapacity(samples)
        for _ in 0..<samples {
            var k = 1.0
            while true {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z &>> 31
                if z < threshold { break }
                k += 1
            }
            out.append(k)
        }
        return out
    }

    @Test("inversion draws follow the exact geometric law", arguments: [0.5, 1e-2, 1e-5])
    func matchesExactLaw(p: Double) throws {
        let sampler = try GeometricSampler(successProbability: p)
        var s = RandomStream(rootSeed: 2024, pointKey: "exact-\(p)", replicate: 0)
        let n = 100_000
        let draws = (0..<n).map { _ in sampler.attempts(using: &s) }
        let (edges, probs) = Self.bins(p: p, count: 10)
        let observed = Self.histogram(draws, edges: edges)
        var chi2 = 0.0
        for (o, q) in zip(observed, probs) {
            let e = q * Double(n)
            chi2 += (o - e) * (o - e) / e
        }
        #expect(chi2 < Self.chi2Critical001[probs.count - 2])
        // Mean 1/p, standard deviation sqrt(1 − p)/p: within 4 standard errors.
        let mean = draws.reduce(0, +) / Double(n)
        #expect(abs(mean * p - 1) < 4 * (1 - p).squareRoot() / Double(n).squareRoot())
    }

    @Test("inversion draws match a brute-force per-attempt simulation (two-sample chi-square)",
          arguments: [(0.5, 20_000), (1e-2, 5_000), (1e-5, 200)])
    func matchesBruteForce(p: Double, bruteSamples: Int) throws {
        let sampler = try GeometricSampler(successProbability: p)
        var s = RandomStream(rootSeed: 77, pointKey: "brute-\(p)", replicate: 0)
        let brute = Self.bruteForce(p: p, samples: bruteSamples, seed: 0x5EED)
        let nFast = 50_000
        let fast = (0..<nFast).map { _ in sampler.attempts(using: &s) }
        let (edges, _) = Self.bins(p: p, count: 5)
        let ob = Self.histogram(brute, edges: edges)
        let of = Self.histogram(fast, edges: edges)
        // Two-sample statistic for unequal sizes (Press et al., Numerical Recipes §14.3):
        // Σ (√(N₂/N₁)·R − √(N₁/N₂)·S)² / (R + S), with B − 1 degrees of freedom.
        let n1 = Double(bruteSamples), n2 = Double(nFast)
        let k1 = (n2 / n1).squareRoot(), k2 = (n1 / n2).squareRoot()
        var chi2 = 0.0
        for (r, q) in zip(ob, of) where r + q > 0 {
            chi2 += (k1 * r - k2 * q) * (k1 * r - k2 * q) / (r + q)
        }
        #expect(chi2 < Self.chi2Critical001[ob.count - 2])
    }

    @Test("p = 1 always gives exactly one attempt")
    func certainSuccess() throws {
        let sampler = try GeometricSampler(successProbability: 1)
        var s = RandomStream(rootSeed: 1, pointKey: "one", replicate: 0)
        for _ in 0..<1000 { #expect(sampler.attempts(using: &s) == 1) }
    }

    @Test("p → 0 stays finite and scales like 1/p; p = 0, negative, > 1 and NaN throw")
    func tinyAndInvalid() throws {
        let sampler = try GeometricSampler(successProbability: 1e-300)
        var s = RandomStream(rootSeed: 1, pointKey: "tiny", replicate: 0)
        let k = sampler.attempts(using: &s)
        #expect(k.isFinite && k >= 1 && k < 40e300)
        #expect(sampler.attemptCount(using: &s) == UInt64.max)
        for bad in [0.0, -0.1, 1.5, Double.nan] {
            #expect(throws: ParameterError.self) { try GeometricSampler(successProbability: bad) }
        }
    }

    @Test("multiplexed success 1 − (1 − p)^M is accurate for tiny p; bad inputs name their parameter")
    func multiplexed() throws {
        // Hand values: M = 2, p = 0.5 → 0.75; M = 10, p = 1e-12 → ≈ 10e-12 − 45e-24 (binomial);
        // M = 4, p = 0.1 → 1 − 0.9⁴.
        #expect(abs(try GeometricSampler(perEmitterProbability: 0.5, emitters: 2).successProbability - 0.75) < 1e-15)
        let tiny = try GeometricSampler(perEmitterProbability: 1e-12, emitters: 10).successProbability
        #expect(abs(tiny - (10e-12 - 45e-24)) < 1e-26)
        #expect(try GeometricSampler(perEmitterProbability: 1, emitters: 3).successProbability == 1)
        let sampler = try GeometricSampler(perEmitterProbability: 0.1, emitters: 4)
        #expect(abs(sampler.successProbability - (1 - 0.9 * 0.9 * 0.9 * 0.9)) < 1e-15)
        #expect(throws: ParameterError(invalid: "emitters", reason: "must be ≥ 1, got 0")) {
            try GeometricSampler(perEmitterProbability: 0.1, emitters: 0)
        }
        for bad in [1.5, -0.25] {
            #expect {
                try GeometricSampler(perEmitterProbability: bad, emitters: 2)
            } throws: { error in
                (error as? ParameterError)?.path == "perEmitterProbability"
            }
        }
    }

    @Test("exponential variates have mean 1/rate")
    func exponential() {
        var s = RandomStream(rootSeed: 3, pointKey: "exp", replicate: 0)
        let n = 100_000
        var sum = 0.0
        for _ in 0..<n { sum += s.nextExponential(rate: 4) }
        // mean 0.25, standard deviation 0.25 → standard error 7.9e-4.
        #expect(abs(sum / Double(n) - 0.25) < 4 * 0.25 / Double(n).squareRoot())
    }
}
