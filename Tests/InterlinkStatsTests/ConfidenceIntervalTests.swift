import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Confidence intervals")
struct ConfidenceIntervalTests {
    @Test("Student-t interval with the tabulated quantile t(0.975, 4) = 2.776445")
    func studentT() throws {
        // Data 1…5: mean 3, s² = 10/4 = 2.5; half-width = 2.776445105 · √2.5 / √5.
        let ci = try ConfidenceInterval.studentT([1, 2, 3, 4, 5])
        let half = 2.776445105197793 * (2.5).squareRoot() / (5.0).squareRoot()
        #expect(abs(ci.lower - (3 - half)) < 1e-9)
        #expect(abs(ci.upper - (3 + half)) < 1e-9)
        #expect(ci.estimate == 3 && ci.level == 0.95)
    }

    @Test("Wilson interval by hand for 7 successes in 20 trials")
    func wilson() throws {
        let z = 1.959963984540054, n = 20.0, p = 7.0 / 20
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        let ci = try ConfidenceInterval.wilson(successes: 7, trials: 20)
        #expect(abs(ci.lower - (centre - half)) < 1e-12)
        #expect(abs(ci.upper - (centre + half)) < 1e-12)
        // Published value (Newcombe, Stat. Med. 17, 857, 1998, Table I, 81/263 → 0.2553–0.3662).
        let newcombe = try ConfidenceInterval.wilson(successes: 81, trials: 263)
        #expect(abs(newcombe.lower - 0.2553) < 5e-5 && abs(newcombe.upper - 0.3662) < 5e-5)
    }

    @Test("Clopper–Pearson: closed forms at k = 0 and k = n; tail probabilities equal α/2 in between")
    func clopperPearson() throws {
        // k = 0: upper = 1 − (α/2)^(1/n); k = n: lower = (α/2)^(1/n).
        let zero = try ConfidenceInterval.clopperPearson(successes: 0, trials: 10)
        #expect(zero.lower == 0 && abs(zero.upper - (1 - pow(0.025, 0.1))) < 1e-10)
        let all = try ConfidenceInterval.clopperPearson(successes: 10, trials: 10)
        #expect(all.upper == 1 && abs(all.lower - pow(0.025, 0.1)) < 1e-10)
        // k = 7, n = 20: P(X ≥ 7 | lower) = 0.025 and P(X ≤ 7 | upper) = 0.025, summed by brute force.
        let ci = try ConfidenceInterval.clopperPearson(successes: 7, trials: 20)
        func pmf(_ k: Int, _ p: Double) -> Double {
            exp(lgamma(21) - lgamma(Double(k) + 1) - lgamma(Double(20 - k) + 1)) * pow(p, Double(k)) * pow(1 - p, Double(20 - k))
        }
        let upperTail = (7...20).reduce(0) { $0 + pmf($1, ci.lower) }
        let lowerTail = (0...7).reduce(0) { $0 + pmf($1, ci.upper) }
        #expect(abs(upperTail - 0.025) < 1e-9)
        #expect(abs(lowerTail - 0.025) < 1e-9)
        // 81/263 → 0.2527–0.3676 (Newcombe 1998, Table I, "exact" method; the same bounds come out of
        // bisection on the brute-force binomial tails: 0.252737, 0.367622).
        let newcombe = try ConfidenceInterval.clopperPearson(successes: 81, trials: 263)
        #expect(abs(newcombe.lower - 0.252737) < 1e-6 && abs(newcombe.upper - 0.367622) < 1e-6)
    }

    @Test("Invalid arguments throw, naming the argument")
    func invalid() {
        #expect(throws: ParameterError.self) { try ConfidenceInterval.wilson(successes: 5, trials: 3) }
        #expect(throws: ParameterError.self) { try ConfidenceInterval.wilson(successes: 0, trials: 0) }
        #expect(throws: ParameterError.self) { try ConfidenceInterval.clopperPearson(successes: 1, trials: 3, level: 1) }
        #expect(throws: ParameterError.self) { try ConfidenceInterval.studentT([1]) }
        #expect(throws: ParameterError.self) { try ConfidenceInterval.studentT(mean: 0, standardDeviation: -1, count: 4) }
        do {
            _ = try ConfidenceInterval.wilson(successes: -1, trials: 3)
        } catch {
            #expect("\(error)".contains("successes"))
        }
    }
}
