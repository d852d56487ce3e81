import Foundation
import Testing
@testable import InterlinkStats

/// NIST StRD nonlinear regression: certified parameters, their standard deviations and the residual
/// sum of squares, from both NIST starting points.
@Suite("NIST StRD nonlinear least squares")
struct NISTNonlinearTests {
    static let datasets = ["Misra1a", "Chwirut2", "Thurber", "DanWood", "Eckerle4", "Rat43", "BoxBOD", "MGH09"]

    /// The smallest number of agreeing significant digits over parameters, standard deviations and RSS.
    static func worstDigits(_ fit: NonlinearFit, _ data: NISTDataset) -> Double {
        let parameters = zip(fit.parameters, data.parameters).map { agreeingDigits($0, $1.value) }
        let deviations = zip(fit.standardErrors, data.parameters).map { agreeingDigits($0, $1.standardDeviation) }
        let rss = data.residualSumOfSquares.map { agreeingDigits(fit.chiSquared, $0) } ?? -.infinity
        return (parameters + deviations + [rss]).min() ?? -.infinity
    }

    static func fit(_ name: String, start: Int, options: NonlinearFitOptions) throws -> (NonlinearFit, NISTDataset) {
        let data = try NISTDataset.load(name)
        let model = try #require(NISTModels.model(for: name))
        let fit = try NonlinearFit(
            model: model, x: data.x, y: data.y, start: data.parameters.map { $0.starts[start] },
            options: options)
        return (fit, data)
    }

    @Test("The parser reads every file's certified block and data", arguments: datasets)
    func parses(name: String) throws {
        let data = try NISTDataset.load(name)
        let expected = ["Misra1a": (2, 14), "Chwirut2": (3, 54), "Thurber": (7, 37), "DanWood": (2, 6),
                        "Eckerle4": (3, 35), "Rat43": (4, 15), "BoxBOD": (2, 6), "MGH09": (4, 11)]
        #expect(data.parameters.count == expected[name]?.0)
        #expect(data.x.count == expected[name]?.1)
        #expect(data.parameters.allSatisfy { $0.starts.count == 2 })
        #expect(data.residualSumOfSquares != nil)
    }

    @Test("Analytic Jacobian, default options: converged and >= 6 digits from both starts", arguments: datasets)
    func analytic(name: String) throws {
        for start in 0..<2 {
            let (fit, data) = try Self.fit(name, start: start, options: NonlinearFitOptions(jacobian: .analytic))
            #expect(fit.converged, "\(name) start \(start + 1): \(fit.convergence)")
            #expect(Self.worstDigits(fit, data) >= 6, "\(name) start \(start + 1)")
            #expect(fit.degreesOfFreedom == data.x.count - data.parameters.count)
        }
    }

    @Test("Finite-difference Jacobian, default options: converged and >= 6 digits from both starts",
          arguments: datasets)
    func finiteDifference(name: String) throws {
        for start in 0..<2 {
            let (fit, data) = try Self.fit(name, start: start, options: NonlinearFitOptions(jacobian: .finiteDifference))
            #expect(fit.converged, "\(name) start \(start + 1): \(fit.convergence)")
            #expect(fit.convergence.jacobianEvaluations == 0)
            #expect(Self.worstDigits(fit, data) >= 6, "\(name) start \(start + 1)")
        }
    }

    @Test("No method ever calls a wrong answer converged", arguments: datasets)
    func neverWrongWhenConverged(name: String) throws {
        for method in NonlinearFitOptions.Method.allCases {
            for jacobian in [NonlinearFitOptions.Jacobian.analytic, .finiteDifference] {
                for start in 0..<2 {
                    let (fit, data) = try Self.fit(name, start: start, options: .init(method: method, jacobian: jacobian))
                    if fit.converged {
                        #expect(Self.worstDigits(fit, data) >= 6, "\(name) \(method) \(jacobian) start \(start + 1)")
                    }
                }
            }
        }
    }

    @Test("Levenberg–Marquardt alone from BoxBOD start 1 runs off to the b2 → ∞ plateau and says so")
    func boxBODPlateauReported() throws {
        let (fit, data) = try Self.fit("BoxBOD", start: 0, options: .init(method: .levenbergMarquardt))
        #expect(!fit.converged)
        #expect(fit.convergence.reason == .illConditioned)
        #expect(Self.worstDigits(fit, data) < 6)
        #expect(throws: StatsError.self) { try fit.requireConvergence(modelName: "BoxBOD") }
        // With the default fallback to double dogleg the certified answer is reached.
        let (fallback, _) = try Self.fit("BoxBOD", start: 0, options: NonlinearFitOptions())
        #expect(fallback.converged && fallback.convergence.method == .doubleDogleg)
    }

    @Test("Too few iterations are reported as maximumIterations, not as converged")
    func iterationLimit() throws {
        var options = NonlinearFitOptions(method: .levenbergMarquardt)
        options.maxIterations = 3
        let (fit, _) = try Self.fit("MGH09", start: 0, options: options)
        #expect(!fit.converged)
        #expect(fit.convergence.reason == .maximumIterations)
    }
}
