import Foundation

import InterlinkCore

/// The deterministic generator of the property tests and brute-force checks: InterlinkCore's
/// SplitMix64, with the draws the tests use.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// Uniform in [0, 1).
    mutating func uniform() -> Double { unitInterval() }

    /// Uniform in [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * uniform()
    }

    /// Log-uniform in [a, b), a > 0.
    mutating func logUniform(_ a: Double, _ b: Double) -> Double {
        exp(uniform(log(a), log(b)))
    }

    /// Number of Bernoulli(p) trials up to and including the first success (simulated trial by trial).
    mutating func attemptsUntilSuccess(_ p: Double) -> Int {
        var k = 1
        while uniform() >= p { k += 1 }
        return k
    }
}

/// |a − b| ≤ tol·max(1, |b|).
func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool {
    abs(a - b) <= tol * max(1, abs(b))
}

/// |a − b| ≤ tol·|b| (relative).
func relClose(_ a: Double, _ b: Double, _ tol: Double) -> Bool {
    abs(a - b) <= tol * abs(b)
}
