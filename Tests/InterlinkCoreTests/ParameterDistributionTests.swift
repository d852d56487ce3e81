import Foundation
import Testing
@testable import InterlinkCore

@Suite("Normal quantile and parameter distributions")
struct ParameterDistributionTests {
    @Test("Φ⁻¹ at tabulated points (Abramowitz & Stegun Table 26.5; R qnorm)")
    func normalQuantile() throws {
        #expect(try NormalQuantile.of(0.5) == 0)
        #expect(abs(try NormalQuantile.of(0.975) - 1.959963984540054) < 1e-14)
        #expect(abs(try NormalQuantile.of(0.995) - 2.5758293035489) < 1e-12)
        #expect(abs(try NormalQuantile.of(1e-10) - -6.361340902404056) < 1e-11)
        // Φ(1) = ½ erfc(−1/√2) evaluated independently.
        #expect(abs(try NormalQuantile.of(0.5 * erfc(-1 / 2.0.squareRoot())) - 1) < 1e-14)
        for p in stride(from: 0.01, through: 0.99, by: 0.07) {
            #expect(abs(try NormalQuantile.of(p) + NormalQuantile.of(1 - p)) < 1e-13)
        }
        #expect(throws: ParameterError.self) { try NormalQuantile.of(1.5) }
        #expect(throws: ParameterError.self) { try NormalQuantile.of(.nan) }
    }

    @Test("Quantiles of each distribution by hand")
    func quantiles() throws {
        #expect(try ParameterDistribution.uniform(lower: 2, upper: 6).quantile(0.25) == 3)
        #expect(abs(try ParameterDistribution.logUniform(lower: 1, upper: 100).quantile(0.5) - 10) < 1e-12)
        #expect(abs(try ParameterDistribution.logNormal(median: 3, geometricStandardDeviation: 2).quantile(0.5) - 3) < 1e-14)
        // x = μ + σ·1.959963984540054 at u = 0.975
        #expect(abs(try ParameterDistribution.normal(mean: 1, standardDeviation: 0.1).quantile(0.975) - 1.1959963984540054) < 1e-13)
        // median·g^z at z = 1 (u = Φ(1))
        let u1 = 0.5 * erfc(-1 / 2.0.squareRoot())
        #expect(abs(try ParameterDistribution.logNormal(median: 3, geometricStandardDeviation: 2).quantile(u1) - 6) < 1e-12)
        let clamped = ParameterUncertainty.published(0.95, plusMinus: 0.1, source: "test", limits: 0...1)
        #expect(try clamped.value(at: 0.999) == 1)
    }

    @Test("Bad distributions name the parameter")
    func validation() {
        do {
            try ParameterDistribution.uniform(lower: 3, upper: 1).validate(at: "detector.efficiency")
            Issue.record("accepted upper < lower")
        } catch let error as ParameterError {
            #expect(error.path == "detector.efficiency.upper")
        } catch { Issue.record("wrong error \(error)") }
        #expect(throws: ParameterError.self) { try ParameterDistribution.logNormal(median: 1, geometricStandardDeviation: 0.5).validate(at: "x") }
        #expect(throws: ParameterError.self) { try ParameterDistribution.normal(mean: 0, standardDeviation: -1).validate(at: "x") }
    }
}
