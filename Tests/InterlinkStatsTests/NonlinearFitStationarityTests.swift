import Foundation
import Testing
@testable import InterlinkStats

/// A fit that ends at the edge of a region where the model is not finite, with its least-squares
/// minimum beyond that edge, must not be reported as converged.
@Suite("Nonlinear fit: stopping at a NaN edge is not convergence")
struct NonlinearFitStationarityTests {
    /// Ten points near the line y = 2x + 1, with ±0.1 alternating offsets.
    static let x = (0..<10).map(Double.init)
    static let y = x.enumerated().map { i, x in 2 * x + 1 + (i.isMultiple(of: 2) ? 0.1 : -0.1) }

    /// The ordinary least-squares line, by the textbook closed form `b = Sxy/Sxx`, `a = ȳ − b x̄`.
    static var leastSquares: (slope: Double, intercept: Double) {
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        return (sxy / sxx, my - sxy / sxx * mx)
    }

    /// y = b x + a, not a number for slopes b > `edge`.
    static func line(edge: Double) -> FitModel {
        FitModel(
            name: "line, NaN for slope > \(edge)", parameterNames: ["slope", "intercept"],
            value: { x, p in p[0] > edge ? .nan : p[0] * x + p[1] },
            gradient: { x, p in p[0] > edge ? [.nan, .nan] : [x, 1] })
    }

    static let methods = NonlinearFitOptions.Method.allCases

    @Test("Minimum beyond the edge (slope 2, NaN above 1.5): not converged, for every method and both Jacobians",
          arguments: methods)
    func minimumBeyondEdge(method: NonlinearFitOptions.Method) throws {
        #expect(Self.leastSquares.slope > 1.9)
        for jacobian in [NonlinearFitOptions.Jacobian.analytic, .finiteDifference] {
            let fit = try NonlinearFit(
                model: Self.line(edge: 1.5), x: Self.x, y: Self.y, start: [1, 0],
                options: NonlinearFitOptions(method: method, jacobian: jacobian))
            #expect(!fit.converged, "\(method) \(jacobian): \(fit.convergence)")
            #expect(throws: StatsError.self) { try fit.requireConvergence() }
            // It did stop on the finite side of the edge, where the cost still falls towards it.
            #expect(fit.parameters[0] <= 1.5)
        }
    }

    @Test("Default options (all fallbacks) do not call the edge converged either")
    func defaultOptions() throws {
        let fit = try NonlinearFit(model: Self.line(edge: 1.5), x: Self.x, y: Self.y, start: [1, 0])
        #expect(!fit.converged, "\(fit.convergence)")
    }

    @Test("The same model with the edge beyond the minimum (NaN above 3) converges to the closed-form line")
    func minimumInsideConverges() throws {
        for jacobian in [NonlinearFitOptions.Jacobian.analytic, .finiteDifference] {
            let fit = try NonlinearFit(
                model: Self.line(edge: 3), x: Self.x, y: Self.y, start: [1, 0],
                options: NonlinearFitOptions(jacobian: jacobian))
            #expect(fit.converged, "\(jacobian): \(fit.convergence)")
            #expect(relativelyClose(fit.parameters[0], Self.leastSquares.slope, 1e-9))
            #expect(relativelyClose(fit.parameters[1], Self.leastSquares.intercept, 1e-9))
        }
    }
}
