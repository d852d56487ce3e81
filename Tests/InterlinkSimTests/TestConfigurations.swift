import InterlinkCore
import Foundation
import InterlinkPhysics
@testable import InterlinkSim

/// Helpers that draw random valid configurations for the agreement tests.
enum TestConfigurations {
    /// Log-uniform draw in [lower, upper].
    static func logUniform(_ lower: Double, _ upper: Double, _ s: inout RandomStream) -> Double {
        exp(log(lower) + (log(upper) - log(lower)) * s.nextUniform())
    }

    /// A random Bell-diagonal state with fidelity in [0.5, 1).
    static func state(_ s: inout RandomStream) throws -> BellDiagonalState {
        let f = 0.5 + 0.5 * s.nextUniform()
        let e = (0..<3).map { _ in s.nextUniform() }
        let sum = e.reduce(0, +)
        return try BellDiagonalState(
            lambdaI: f, lambdaX: (1 - f) * e[0] / sum, lambdaY: (1 - f) * e[1] / sum, lambdaZ: (1 - f) * e[2] / sum)
    }
}
