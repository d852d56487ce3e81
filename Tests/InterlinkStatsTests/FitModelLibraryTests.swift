import Foundation
import Testing
@testable import InterlinkStats

@Suite("Model library")
struct FitModelLibraryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var model: FitModel
        var truth: [Double]
        var start: [Double]
        var x: [Double]
        var sigma: Double
        var testDescription: String { model.name }
    }

    static let cases: [Case] = [
        Case(model: .exponentialDecay, truth: [0.4, 2.5, 0.55], start: [0.3, 1.5, 0.5],
             x: stride(from: 0.0, to: 12, by: 0.2).map { $0 }, sigma: 0.005),
        Case(model: .attenuation, truth: [0.9, 0.2], start: [1, 0.3],
             x: stride(from: 0.0, through: 50, by: 2.5).map { $0 }, sigma: 0.003),
        Case(model: .powerLaw, truth: [2, -0.5], start: [1, -1],
             x: stride(from: 0.1, through: 10, by: 0.3).map { $0 }, sigma: 0.01),
        Case(model: .lorentzian, truth: [1.5, 0.3, 0.8, 0.1], start: [1, 0.1, 1, 0],
             x: stride(from: -4.0, through: 4, by: 0.1).map { $0 }, sigma: 0.01),
    ]

    @Test("Analytic gradients match central finite differences", arguments: cases)
    func gradients(c: Case) throws {
        let gradient = try #require(c.model.gradient)
        for x in c.x.prefix(12) {
            let g = try gradient(x, c.truth)
            for j in c.truth.indices {
                let h = 1e-6 * max(abs(c.truth[j]), 1)
                var up = c.truth, down = c.truth
                up[j] += h
                down[j] -= h
                let numeric = (try c.model.value(x, up) - c.model.value(x, down)) / (2 * h)
                #expect(abs(g[j] - numeric) <= 1e-6 * max(1, abs(numeric)), "\(c.model.name) ∂/∂\(c.model.parameterNames[j]) at x = \(x)")
            }
        }
    }

    @Test("Fits of seeded synthetic data recover the true parameters within 4 standard errors", arguments: cases)
    func recovery(c: Case) throws {
        var rng = SplitMix64(seed: 31)
        let y = try c.x.map { try c.model.value($0, c.truth) + c.sigma * rng.normal() }
        let weights = c.x.map { _ in 1 / (c.sigma * c.sigma) }
        let fit = try NonlinearFit(model: c.model, x: c.x, y: y, weights: weights, start: c.start)
        #expect(fit.converged)
        for j in c.truth.indices {
            #expect(abs(fit.parameters[j] - c.truth[j]) < 4 * fit.standardErrors[j], "\(c.model.parameterNames[j])")
        }
        // With the true σ as weights, χ²/dof is near 1 (χ² with ν dof has sd √(2/ν) in this ratio).
        let nu = Double(fit.degreesOfFreedom)
        #expect(abs(fit.reducedChiSquared - 1) < 4 * (2 / nu).squareRoot())
        // The finite-difference Jacobian reaches the same answer.
        let fd = try NonlinearFit(model: c.model, x: c.x, y: y, weights: weights, start: c.start,
                                  options: .init(jacobian: .finiteDifference))
        for j in c.truth.indices { #expect(relativelyClose(fd.parameters[j], fit.parameters[j], 1e-6)) }
    }

    @Test("Closed-form values: 0.2 dB/km over 10 km transmits 10^(−0.2); a Lorentzian is at half height at x₀ ± Γ/2")
    func closedForms() throws {
        #expect(abs(try FitModel.attenuation.value(10, [1, 0.2]) - 0.6309573444801932) < 1e-15)
        let p = [2.0, 1.0, 0.5, 0.25]
        #expect(abs(try FitModel.lorentzian.value(1.25, p) - (1 + 0.25)) < 1e-15)
        #expect(abs(try FitModel.lorentzian.value(1.0, p) - 2.25) < 1e-15)
        #expect(abs(try FitModel.exponentialDecay.value(3, [1, 3, 0.5]) - (exp(-1) + 0.5)) < 1e-15)
        #expect(abs(try FitModel.powerLaw.value(4, [3, 0.5]) - 6) < 1e-15)
    }
}
