import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Linear least squares")
struct LinearFitTests {
    @Test("GSL version is the linked 2.x library")
    func version() {
        #expect(GSL.version.hasPrefix("2."))
    }

    @Test("Norris: NIST certified parameters, standard deviations and RSS to >= 9 digits")
    func norris() throws {
        let data = try NISTDataset.load("Norris")
        #expect(data.x.count == 36)
        let fit = try LinearFit(x: data.x, y: data.y)
        let b0 = data.parameters[0], b1 = data.parameters[1]
        #expect(agreeingDigits(fit.intercept, b0.value) >= 9)
        #expect(agreeingDigits(fit.slope, b1.value) >= 9)
        #expect(agreeingDigits(fit.interceptStandardError, b0.standardDeviation) >= 9)
        #expect(agreeingDigits(fit.slopeStandardError, b1.standardDeviation) >= 9)
        let rss = try #require(data.residualSumOfSquares)
        #expect(agreeingDigits(fit.chiSquared, rss) >= 9)
        #expect(fit.degreesOfFreedom == 34)
    }

    @Test("A known slope is recovered from noisy synthetic data within its standard error budget")
    func recoversSlope() throws {
        var rng = SplitMix64(seed: 42)
        let x = (0..<200).map { Double($0) / 10 }
        let y = x.map { 1.5 - 0.75 * $0 + 0.2 * rng.normal() }
        let fit = try LinearFit(x: x, y: y)
        // Hand expectation of the slope's standard error: σ / √Σ(x−x̄)², with σ = 0.2 and
        // Σ(x−x̄)² = n(n²−1)/12 · h² for n = 200 equally spaced points with step h = 0.1.
        let sxx = 200.0 * (200 * 200 - 1) / 12 * 0.01
        let expectedSE = 0.2 / sxx.squareRoot()
        #expect(relativelyClose(fit.slopeStandardError, expectedSE, 0.15))
        #expect(abs(fit.slope + 0.75) < 3 * fit.slopeStandardError)
        #expect(abs(fit.intercept - 1.5) < 3 * fit.interceptStandardError)
        #expect(fit.degreesOfFreedom == 198)
    }

    @Test("Weighted fit: exact line, covariance equals (XᵀWX)⁻¹ computed by hand")
    func weighted() throws {
        let x = [0.0, 1, 2, 3]
        let y = x.map { 2 + 3 * $0 }
        let sigma = [0.5, 1, 1, 2.0]
        let w = sigma.map { 1 / ($0 * $0) }
        let fit = try LinearFit(x: x, y: y, weights: w)
        #expect(abs(fit.intercept - 2) < 1e-12)
        #expect(abs(fit.slope - 3) < 1e-12)
        #expect(abs(fit.chiSquared) < 1e-20)
        // XᵀWX = [[Σw, Σwx], [Σwx, Σwx²]] with w = (4, 1, 1, 0.25):
        // Σw = 6.25, Σwx = 0 + 1 + 2 + 0.75 = 3.75, Σwx² = 0 + 1 + 4 + 2.25 = 7.25,
        // det = 6.25·7.25 − 3.75² = 31.25; inverse = [[7.25, −3.75], [−3.75, 6.25]] / 31.25.
        #expect(abs(fit.covariance[0][0] - 7.25 / 31.25) < 1e-14)
        #expect(abs(fit.covariance[0][1] + 3.75 / 31.25) < 1e-14)
        #expect(abs(fit.covariance[1][1] - 6.25 / 31.25) < 1e-14)
        #expect(abs(fit.value(at: 10) - 32) < 1e-12)
    }

    @Test("Codable round trip preserves the fit")
    func codable() throws {
        let fit = try LinearFit(x: [0, 1, 2, 4], y: [1, 3, 4, 9])
        let decoded = try JSONDecoder().decode(LinearFit.self, from: JSONEncoder().encode(fit))
        #expect(decoded == fit)
    }
}

@Suite("Linear fit input validation")
struct LinearFitValidationTests {
    private func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    @Test("A fit with one point throws and the process continues")
    func onePoint() throws {
        #expect(throws: ParameterError.self) { try LinearFit(x: [1], y: [2]) }
        let text = message { _ = try LinearFit(x: [1], y: [2]) }
        #expect(text?.contains("x.count") == true)
        // Still alive: a valid fit right after the failure works.
        #expect(try LinearFit(x: [0, 1, 2], y: [0, 1, 2]).slope == 1)
    }

    @Test("NaN and infinity are rejected, naming the argument and index")
    func nonFinite() {
        #expect(message { _ = try LinearFit(x: [0, 1, .nan], y: [0, 1, 2]) }?.contains("x[2]") == true)
        #expect(message { _ = try LinearFit(x: [0, 1, 2], y: [0, .infinity, 2]) }?.contains("y[1]") == true)
    }

    @Test("Non-positive or NaN weights are rejected")
    func badWeights() {
        let x = [0.0, 1, 2], y = [0.0, 1, 2]
        #expect(message { _ = try LinearFit(x: x, y: y, weights: [1, 0, 1]) }?.contains("weights[1]") == true)
        #expect(message { _ = try LinearFit(x: x, y: y, weights: [1, 1, -2]) }?.contains("weights[2]") == true)
        #expect(message { _ = try LinearFit(x: x, y: y, weights: [.nan, 1, 1]) }?.contains("weights[0]") == true)
    }

    @Test("Mismatched lengths and constant x are rejected")
    func shapes() {
        #expect(message { _ = try LinearFit(x: [0, 1, 2], y: [0, 1]) }?.contains("y.count") == true)
        #expect(message { _ = try LinearFit(x: [0, 1], y: [0, 1], weights: [1]) }?.contains("weights.count") == true)
        #expect(message { _ = try LinearFit(x: [1, 1, 1], y: [0, 1, 2]) }?.contains("distinct") == true)
    }
}
