import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Nonlinear fit behaviour")
struct NonlinearFitTests {
    static let line = FitModel(
        name: "line", parameterNames: ["intercept", "slope"],
        value: { x, p in p[0] + p[1] * x }, gradient: { x, _ in [1, x] })

    @Test("Weighted straight line: parameters exact, covariance (XᵀWX)⁻¹ by hand, not rescaled")
    func weightedLine() throws {
        let x = [0.0, 1, 2, 3], y = x.map { 2 + 3 * $0 }
        let w = [4.0, 1, 1, 0.25]
        let fit = try NonlinearFit(model: Self.line, x: x, y: y, weights: w, start: [0, 0])
        #expect(fit.converged)
        #expect(abs(fit.parameters[0] - 2) < 1e-10 && abs(fit.parameters[1] - 3) < 1e-10)
        // XᵀWX = [[6.25, 3.75], [3.75, 7.25]], det 31.25 (as in the LinearFit test).
        #expect(abs(fit.covariance[0][0] - 7.25 / 31.25) < 1e-12)
        #expect(abs(fit.covariance[0][1] + 3.75 / 31.25) < 1e-12)
        #expect(abs(fit.covariance[1][1] - 6.25 / 31.25) < 1e-12)
        #expect(fit.degreesOfFreedom == 2)
    }

    @Test("Covariance scaling: residual-variance scaling multiplies (XᵀWX)⁻¹ by χ²/(n − p)")
    func covarianceScaling() throws {
        // Residuals of y = (1, 2, 2, 4) about the weighted best line are not zero, so χ² > 0.
        let x = [0.0, 1, 2, 3], y = [1.0, 2, 2, 4], w = [1.0, 2, 2, 1]
        var options = NonlinearFitOptions()
        let absolute = try NonlinearFit(model: Self.line, x: x, y: y, weights: w, start: [0, 0], options: options)
        options.covarianceScaling = .residualVariance
        let scaled = try NonlinearFit(model: Self.line, x: x, y: y, weights: w, start: [0, 0], options: options)
        // Hand: Σw = 6, Σwx = 0 + 2 + 4 + 3 = 9, Σwx² = 0 + 2 + 8 + 9 = 19, det = 6·19 − 81 = 33.
        #expect(abs(absolute.covariance[1][1] - 6.0 / 33) < 1e-12)
        #expect(abs(absolute.covariance[0][0] - 19.0 / 33) < 1e-12)
        // Hand: Σwy = 13, Σwxy = 24 → slope 27/33, intercept 31/33; residuals (2, 8, −19, 20)/33 give
        // χ² = (1·4 + 2·64 + 2·361 + 1·400)/33² = 1254/1089 = 38/33.
        #expect(abs(absolute.parameters[1] - 27.0 / 33) < 1e-12)
        #expect(abs(absolute.chiSquared - 38.0 / 33) < 1e-12)
        let factor = 38.0 / 33 / 2
        #expect(abs(scaled.covariance[1][1] - factor * 6 / 33) < 1e-12)
        #expect(abs(scaled.covariance[0][1] + factor * 9 / 33) < 1e-12)
    }

    @Test("Unweighted straight line agrees with gsl_fit_linear on Norris")
    func agreesWithLinearFit() throws {
        let data = try NISTDataset.load("Norris")
        let linear = try LinearFit(x: data.x, y: data.y)
        let fit = try NonlinearFit(model: Self.line, x: data.x, y: data.y, start: [1, 1])
        #expect(fit.converged)
        #expect(agreeingDigits(fit.parameters[1], linear.slope) >= 9)
        #expect(agreeingDigits(fit.standardErrors[0], linear.interceptStandardError) >= 8)
        #expect(agreeingDigits(fit.chiSquared, linear.chiSquared) >= 9)
    }

    @Test("A throwing model surfaces as evaluationFailed through the C callback; the process continues")
    func throwingModel() throws {
        struct Overflow: Error {}
        // The data need b = 3, so the solver must evaluate the model beyond b = 2.5, where it throws.
        let model = FitModel(name: "fragile", parameterNames: ["a", "b"], value: { x, p in
            if p[1] > 2.5 { throw Overflow() }
            return p[0] * exp(p[1] * x)
        })
        let x = [0.0, 0.5, 1, 1.5, 2], y = x.map { exp(3 * $0) }
        do {
            _ = try NonlinearFit(model: model, x: x, y: y, start: [1, 1])
            Issue.record("expected the model's error")
        } catch let StatsError.evaluationFailed(function, message) {
            #expect(function.contains("fragile"))
            #expect(message.contains("Overflow"))
        }
        let ok = try NonlinearFit(model: Self.line, x: [0, 1, 2], y: [1, 2, 3], start: [0, 0])
        #expect(ok.converged)
    }

    @Test("Invalid calls throw before reaching GSL")
    func invalid() {
        let x = [0.0, 1, 2], y = [0.0, 1, 2]
        #expect(throws: ParameterError.self) { try NonlinearFit(model: Self.line, x: [0, 1], y: [0, 1], start: [0, 0]) }
        #expect(throws: ParameterError.self) { try NonlinearFit(model: Self.line, x: x, y: y, start: [0]) }
        #expect(throws: ParameterError.self) { try NonlinearFit(model: Self.line, x: x, y: [0, .nan, 1], start: [0, 0]) }
        #expect(throws: ParameterError.self) { try NonlinearFit(model: Self.line, x: x, y: y, weights: [1, 0, 1], start: [0, 0]) }
        let noGradient = FitModel(name: "g", parameterNames: ["a"], value: { _, p in p[0] })
        #expect(throws: ParameterError.self) {
            try NonlinearFit(model: noGradient, x: x, y: y, start: [1], options: .init(jacobian: .analytic))
        }
        let log = FitModel(name: "log", parameterNames: ["a"], value: { x, p in Foundation.log(p[0] * x) })
        #expect(throws: StatsError.self) { try NonlinearFit(model: log, x: [1, 2, 3], y: [0, 1, 2], start: [-1]) }
        var options = NonlinearFitOptions()
        options.methods = []
        #expect(throws: ParameterError.self) { try NonlinearFit(model: Self.line, x: x, y: y, start: [0, 0], options: options) }
    }

    @Test("Codable round trip of a fit with its convergence report")
    func codable() throws {
        let fit = try NonlinearFit(model: Self.line, x: [0, 1, 2, 3], y: [1, 3.1, 4.9, 7.2], start: [0, 0])
        let decoded = try JSONDecoder().decode(NonlinearFit.self, from: JSONEncoder().encode(fit))
        #expect(decoded == fit)
    }
}
