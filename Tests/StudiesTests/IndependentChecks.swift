import Foundation
import Interlink

/// Independent re-derivations the requirement tests check the studies against: a plain bisection
/// (not the GSL Brent solver the studies use) and the hashing yield written out.
enum IndependentChecks {
    /// Bisection on log10 x (60 halvings) for where a monotone metric crosses `target`; the metric
    /// grows with x when `increasing`.
    static func bisect(_ range: ClosedRange<Double>, increasing: Bool, target: Double, _ metric: (Double) throws -> Double) rethrows -> Double {
        var low = log10(range.lowerBound), high = log10(range.upperBound)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if (try metric(pow(10, middle)) >= target) == increasing { high = middle } else { low = middle }
        }
        return pow(10, (low + high) / 2)
    }

    /// Hashing yield 1 − H(λ), floored at 0 (Bennett et al., PRA 54, 3824 (1996)).
    static func yield(_ s: BellDiagonalState) -> Double {
        max(0, 1 + s.weights.filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) })
    }
}
