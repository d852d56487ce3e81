import Foundation
import Testing
@testable import InterlinkStats

/// Coverage of 95% intervals checked by seeded simulation (20 000 trials each).
@Suite("Interval coverage by simulation")
struct CoverageTests {
    static let trials = 20_000
    static let n = 1000

    /// Binomial(n, p) probabilities by the log-gamma formula, written independently of the library.
    static func binomialPMF(n: Int, p: Double) -> [Double] {
        let logP = log(p), logQ = log1p(-p), logNFactorial = logGamma(Double(n + 1))
        return (0...n).map { (k: Int) -> Double in
            let kk = Double(k), rest = Double(n - k)
            let logChoose: Double = logNFactorial - logGamma(kk + 1) - logGamma(rest + 1)
            return exp(logChoose + kk * logP + rest * logQ)
        }
    }

    /// Draws Binomial(n, p) variates by inverting the cumulative table (binary search).
    static func binomialDraws(n: Int, p: Double, count: Int, seed: UInt64) -> [Int] {
        var cdf: [Double] = []
        var running = 0.0
        for q in binomialPMF(n: n, p: p) { running += q; cdf.append(running) }
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let u = rng.uniform() * running
            var lo = 0, hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if cdf[mid] > u { hi = mid } else { lo = mid + 1 }
            }
            return lo
        }
    }

    /// The exact coverage `Σ_k P(k) · 1[p ∈ CI(k)]` by brute force over all k.
    static func exactCoverage(p: Double, interval: (Int) throws -> ConfidenceInterval) throws -> Double {
        let pmf = binomialPMF(n: n, p: p)
        var total = 0.0
        for k in 0...n where pmf[k] > 1e-18 {
            if try interval(k).contains(p) { total += pmf[k] }
        }
        return total
    }

    static func simulatedCoverage(p: Double, seed: UInt64, interval: (Int) throws -> ConfidenceInterval) throws -> Double {
        let draws = binomialDraws(n: n, p: p, count: trials, seed: seed)
        var covered = 0
        for k in draws where try interval(k).contains(p) { covered += 1 }
        return Double(covered) / Double(trials)
    }

    @Test("Wilson 95% covers p in 94–96% of 20 000 trials for p = 0.5 and 0.05 (n = 1000)",
          arguments: [0.5, 0.05])
    func wilsonNominal(p: Double) throws {
        let wilson = { (k: Int) in try ConfidenceInterval.wilson(successes: k, trials: Self.n) }
        let simulated = try Self.simulatedCoverage(p: p, seed: 2024, interval: wilson)
        #expect(simulated >= 0.94 && simulated <= 0.96, "coverage \(simulated)")
        // The simulation agrees with the exact coverage within 4 binomial standard errors.
        let exact = try Self.exactCoverage(p: p, interval: wilson)
        #expect(abs(simulated - exact) < 4 * (exact * (1 - exact) / Double(Self.trials)).squareRoot())
    }

    @Test("p = 0.001, n = 1000: 94–96% coverage is unattainable by any non-randomised interval; Wilson gives the exact 0.920")
    func wilsonRareEvents() throws {
        let p = 0.001
        let pmf = Self.binomialPMF(n: Self.n, p: p)
        // An interval family monotone in k covers p for a contiguous run of k; no run of the
        // Binomial(1000, 0.001) probabilities sums into [0.94, 0.96] (P(k ≤ 2) = 0.920, P(k ≤ 3) = 0.981).
        var attainable = false
        for start in 0..<20 {
            var sum = 0.0
            for k in start..<20 {
                sum += pmf[k]
                if sum >= 0.94 && sum <= 0.96 { attainable = true }
            }
        }
        #expect(!attainable)
        let wilson = { (k: Int) in try ConfidenceInterval.wilson(successes: k, trials: Self.n) }
        let exact = try Self.exactCoverage(p: p, interval: wilson)
        let partial = pmf[0] + pmf[1] + pmf[2]
        #expect(abs(exact - partial) < 1e-12, "Wilson covers p = 0.001 exactly for k = 0, 1, 2")
        let simulated = try Self.simulatedCoverage(p: p, seed: 2025, interval: wilson)
        #expect(abs(simulated - exact) < 4 * (exact * (1 - exact) / Double(Self.trials)).squareRoot(),
                "simulated \(simulated) vs exact \(exact)")
    }

    @Test("Clopper–Pearson 95% never under-covers (exact and simulated)", arguments: [0.5, 0.05, 0.001])
    func clopperPearsonConservative(p: Double) throws {
        let cp = { (k: Int) in try ConfidenceInterval.clopperPearson(successes: k, trials: Self.n) }
        let exact = try Self.exactCoverage(p: p, interval: cp)
        #expect(exact >= 0.95)
        let simulated = try Self.simulatedCoverage(p: p, seed: 77, interval: cp)
        #expect(simulated >= 0.95 - 4 * (0.95 * 0.05 / Double(Self.trials)).squareRoot())
    }

    @Test("Student-t 95% interval covers a normal mean in 94–96% of 20 000 trials", arguments: [5, 30])
    func studentT(sampleSize: Int) throws {
        var rng = SplitMix64(seed: UInt64(sampleSize) &* 1_000_003)
        let trueMean = 2.5
        var covered = 0
        for _ in 0..<Self.trials {
            var summary = RunningSummary()
            for _ in 0..<sampleSize { try summary.add(trueMean + 0.7 * rng.normal()) }
            if try ConfidenceInterval.studentT(summary).contains(trueMean) { covered += 1 }
        }
        let coverage = Double(covered) / Double(Self.trials)
        #expect(coverage >= 0.94 && coverage <= 0.96, "coverage \(coverage)")
    }
}
