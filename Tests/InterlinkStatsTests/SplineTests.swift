import Foundation
import Testing
import InterlinkCore
@testable import InterlinkStats

@Suite("Spline interpolation")
struct SplineTests {
    @Test("Natural cubic spline through (0,0), (1,1), (2,0): hand value 0.6875 at x = 0.5")
    func naturalCubic() throws {
        // Natural spline: M₀ = M₂ = 0 and 4M₁ = 6((0 − 1) − (1 − 0)) → M₁ = −3; on [0, 1]
        // S(x) = M₁x³/6 + (1 − M₁/6)x, so S(0.5) = −3·0.125/6 + 1.5·0.5 = 0.6875 and S'(0.5) = 1.125.
        let s = try Spline(x: [0, 1, 2], y: [0, 1, 0], kind: .cubic)
        #expect(abs(try s.value(at: 0.5) - 0.6875) < 1e-14)
        #expect(abs(try s.derivative(at: 0.5) - 1.125) < 1e-14)
        #expect(try s.values(at: [0, 1, 2]) == [0, 1, 0])
    }

    @Test("Steffen never overshoots monotone data; the natural cubic does")
    func steffenMonotone() throws {
        let x = [0.0, 1, 2, 3, 4, 5], y = [0.0, 0, 0, 1, 1, 1]
        let grid = stride(from: 0.0, through: 5.0, by: 0.01).map { $0 }
        let steffen = try Spline(x: x, y: y, kind: .steffen).values(at: grid)
        #expect(steffen.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(zip(steffen, steffen.dropFirst()).allSatisfy { $0 <= $1 + 1e-15 })
        let cubic = try Spline(x: x, y: y, kind: .cubic).values(at: grid)
        #expect(cubic.contains { $0 < -1e-3 || $0 > 1 + 1e-3 })
    }

    @Test("Contour crossings: sin sampled on [0, 2π] crosses 0.5 near π/6 and 5π/6")
    func crossings() throws {
        let x = stride(from: 0.0, through: 2 * Double.pi, by: Double.pi / 16).map { $0 }
        let s = try Spline(x: x, y: x.map(sin), kind: .cubic)
        let roots = try s.crossings(of: 0.5)
        #expect(roots.count == 2)
        #expect(abs(roots[0] - Double.pi / 6) < 1e-4)
        #expect(abs(roots[1] - 5 * Double.pi / 6) < 1e-4)
        let linear = try Spline(x: [0, 1, 2], y: [0, 2, 4], kind: .linear)
        #expect(abs(try linear.crossings(of: 3)[0] - 1.5) < 1e-12)
    }

    @Test("Bad knots and out-of-domain points throw")
    func invalid() throws {
        #expect(throws: ParameterError.self) { try Spline(x: [0, 1], y: [0, 1], kind: .cubic) }
        #expect(throws: ParameterError.self) { try Spline(x: [0, 2, 1], y: [0, 1, 2]) }
        #expect(throws: ParameterError.self) { try Spline(x: [0, 1, 2], y: [0, .nan, 2]) }
        let s = try Spline(x: [0, 1, 2], y: [0, 1, 4])
        #expect(throws: ParameterError.self) { try s.value(at: 2.5) }
    }
}
