import Foundation
import Testing
@testable import InterlinkStats

/// Roots and minima at exactly 0 with the default `absoluteTolerance: 0` (GSL's interval tests take
/// `min(|a|, |b|) = 0` for a bracket around 0, so a purely relative test can never pass there).
@Suite("Brent roots and minima at exactly 0")
struct BracketAtZeroTests {
    @Test("f(x) = x on [-1, 2] and sin x on [-1, 0.5]: the root 0, within relativeTolerance · max(|lower|, |upper|)")
    func rootAtZero() throws {
        let line = try RootFinder.brent(lower: -1, upper: 2) { $0 }
        #expect(abs(line.x) <= 1e-12 * 2)
        #expect(line.lower <= 0 && 0 <= line.upper)
        let sine = try RootFinder.brent(lower: -1, upper: 0.5) { sin($0) }
        #expect(abs(sine.x) <= 1e-12)
        #expect(sine.lower <= 0 && 0 <= sine.upper)
    }

    @Test("x² on [-1, 1] and 1 − cos x on [-2, 3]: the minimum 0, within relativeTolerance · max(|lower|, |upper|)")
    func minimumAtZero() throws {
        let parabola = try Minimizer.brent(lower: -1, upper: 1) { $0 * $0 }
        #expect(abs(parabola.x) <= 1e-7)
        #expect(parabola.value <= 1e-14)
        let cosine = try Minimizer.brent(lower: -2, upper: 3) { 1 - cos($0) }
        #expect(abs(cosine.x) <= 3e-7)
    }

    @Test("A root near, but not at, 0 keeps its relative accuracy: x − 10⁻⁹ on [-1, 2]")
    func rootNearZeroStaysRelative() throws {
        let root = try RootFinder.brent(lower: -1, upper: 2) { $0 - 1e-9 }
        #expect(abs(root.x - 1e-9) <= 1e-9 * 1e-11)
    }

    @Test("An explicit absolute tolerance is used as given, also around 0")
    func explicitAbsoluteTolerance() throws {
        let root = try RootFinder.brent(lower: -1, upper: 2, absoluteTolerance: 1e-3, relativeTolerance: 0) { $0 + 1e-6 }
        #expect(root.upper - root.lower < 1e-3)
        #expect(abs(root.x + 1e-6) <= 1e-3)
    }
}
