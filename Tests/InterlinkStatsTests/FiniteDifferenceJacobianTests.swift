import Foundation
import Testing
@testable import InterlinkStats

/// The central-difference Jacobian with the step `ε^(1/3)·|pⱼ|` against the analytic one and against
/// NIST's certified values, on every NIST StRD dataset the tests ship.
@Suite("Finite-difference Jacobian: central-difference step")
struct FiniteDifferenceJacobianTests {
    @Test("The step is ε^(1/3) ≈ 6.06e-6 (balances O(h²) truncation against O(ε/h) rounding)")
    func step() {
        // ε = 2⁻⁵², so ε^(1/3) = 2^(−52/3) ≈ 6.0554544524e-6.
        #expect(relativelyClose(NonlinearFitOptions.centralDifferenceStep, pow(2, -52.0 / 3), 1e-15))
    }

    @Test("Standard errors from finite differences agree with the analytic ones to >= 7 digits, both starts",
          arguments: NISTNonlinearTests.datasets)
    func agreesWithAnalytic(name: String) throws {
        for start in 0..<2 {
            let (analytic, _) = try NISTNonlinearTests.fit(name, start: start, options: NonlinearFitOptions(jacobian: .analytic))
            let (fd, data) = try NISTNonlinearTests.fit(name, start: start, options: NonlinearFitOptions(jacobian: .finiteDifference))
            #expect(analytic.converged && fd.converged, "\(name) start \(start + 1)")
            let digits = zip(fd.standardErrors, analytic.standardErrors).map { agreeingDigits($0, $1) }.min() ?? 0
            #expect(digits >= 7, "\(name) start \(start + 1): \(digits) digits")
            #expect(NISTNonlinearTests.worstDigits(fd, data) >= 6, "\(name) start \(start + 1)")
        }
    }

    @Test("Norris (linear StRD) fitted as a nonlinear model with the finite-difference Jacobian: certified values to >= 6 digits from two starts")
    func norris() throws {
        let data = try NISTDataset.load("Norris")
        let line = FitModel(name: "line", parameterNames: ["B0", "B1"], value: { x, p in p[0] + p[1] * x })
        for start in [[0.0, 0.0], [100.0, -3.0]] {
            let fit = try NonlinearFit(
                model: line, x: data.x, y: data.y, start: start, options: NonlinearFitOptions(jacobian: .finiteDifference))
            #expect(fit.converged, "start \(start): \(fit.convergence)")
            #expect(NISTNonlinearTests.worstDigits(fit, data) >= 6, "start \(start)")
        }
    }
}
