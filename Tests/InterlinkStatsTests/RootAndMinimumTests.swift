import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Brent root finding and minimisation")
struct RootAndMinimumTests {
    @Test("Roots: √2, and the Dottie number cos x = x (0.7390851332151607)")
    func roots() throws {
        let sqrt2 = try RootFinder.brent(lower: 0, upper: 2) { $0 * $0 - 2 }
        #expect(abs(sqrt2.x - 2.0.squareRoot()) < 1e-12)
        #expect(sqrt2.lower <= sqrt2.x && sqrt2.x <= sqrt2.upper)
        let dottie = try RootFinder.brent(lower: 0, upper: 1) { cos($0) - $0 }
        #expect(abs(dottie.x - 0.7390851332151607) < 1e-12)
        let atEnd = try RootFinder.brent(lower: 1, upper: 3) { $0 - 1 }
        #expect(atEnd.x == 1 && atEnd.iterations == 0)
    }

    @Test("A bracket without a sign change, a throwing or NaN function: typed errors, process continues")
    func rootErrors() throws {
        #expect(throws: ParameterError.self) { try RootFinder.brent(lower: -1, upper: 1) { $0 * $0 + 1 } }
        #expect(throws: ParameterError.self) { try RootFinder.brent(lower: 1, upper: 0) { $0 } }
        struct Boom: Error {}
        #expect(throws: StatsError.self) {
            try RootFinder.brent(lower: 0, upper: 2) { x in if x > 0.5 && x < 1.5 { throw Boom() }; return x - 1 }
        }
        #expect(throws: StatsError.self) {
            try RootFinder.brent(lower: 0, upper: 2) { x in x > 0.5 && x < 1.5 ? .nan : x - 1 }
        }
        #expect(try RootFinder.brent(lower: 0, upper: 4) { $0 - 3 }.x == 3)
    }

    @Test("Minima: (x − 2)² + 1 at 2, cos x on [2, 4.5] at π, with and without a guess")
    func minima() throws {
        let parabola = try Minimizer.brent(lower: -5, upper: 10) { ($0 - 2) * ($0 - 2) + 1 }
        #expect(abs(parabola.x - 2) < 1e-6)
        #expect(abs(parabola.value - 1) < 1e-14)
        let cosine = try Minimizer.brent(lower: 2, upper: 4.5, guess: 3) { cos($0) }
        #expect(abs(cosine.x - Double.pi) < 1e-6)
        #expect(abs(cosine.value + 1) < 1e-14)
    }

    @Test("A minimum at the boundary or a bad guess is rejected")
    func minimumErrors() {
        #expect(throws: ParameterError.self) { try Minimizer.brent(lower: 0, upper: 1) { $0 } }
        #expect(throws: ParameterError.self) { try Minimizer.brent(lower: 0, upper: 1, guess: 2) { $0 * $0 } }
        #expect(throws: ParameterError.self) { try Minimizer.brent(lower: -1, upper: 1, relativeTolerance: 0) { $0 * $0 } }
        // A tolerance below √ε cannot be met: reported as non-convergence, never as a minimum.
        #expect(throws: StatsError.self) { try Minimizer.brent(lower: 2, upper: 4.5, relativeTolerance: 1e-13) { cos($0) } }
    }
}
