import Foundation
import Testing
@testable import InterlinkPlot

/// Marching squares against analytic fields.
@Suite("Contours")
struct ContourTests {
    static func grid(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
    }

    @Test("A linear field's crossings lie exactly on x + y = c")
    func linearFieldIsExact() {
        // Linear interpolation along an edge is exact for a linear field.
        let x = Self.grid(0, 1, 11)
        let y = Self.grid(0, 2, 21)
        let z = y.map { yv in x.map { xv in xv + yv } }
        let lines = MarchingSquares.contour(x: x, y: y, z: z, level: 1.23)
        #expect(lines.count == 1)
        let points = lines.flatMap { $0 }
        #expect(points.count > 10)
        for p in points { #expect(abs(p.x + p.y - 1.23) < 1e-12) }
        // The line crosses the whole grid from the left edge to the right edge:
        // endpoints at (0, 1.23) and (1, 0.23).
        let ends = [lines[0].first, lines[0].last].compactMap { $0 }.sorted { $0.x < $1.x }
        #expect(abs(ends[0].x - 0) < 1e-12 && abs(ends[0].y - 1.23) < 1e-12)
        #expect(abs(ends[1].x - 1) < 1e-12 && abs(ends[1].y - 0.23) < 1e-12)
    }

    @Test("The unit circle of x² + y² is one closed loop within the interpolation error")
    func circle() {
        let h = 0.05
        let x = Self.grid(-2, 2, 81)
        let y = Self.grid(-2, 2, 81)
        let z = y.map { yv in x.map { xv in xv * xv + yv * yv } }
        let lines = MarchingSquares.contour(x: x, y: y, z: z, level: 1)
        #expect(lines.count == 1)
        let loop = lines[0]
        // Closed: the chain returns to its first crossing.
        #expect(loop.first == loop.last)
        // Linear interpolation of r² along an edge of length h errs by at most h²/4 in r² (the
        // quadratic's deviation from its chord), i.e. ≤ h²/8 in r near r = 1.
        for p in loop { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 1) <= h * h / 8 + 1e-12) }
        // The grid has nodes at (0, ±1), which lie on the circle: found exactly.
        #expect(loop.contains { abs($0.x) < 1e-12 && abs(abs($0.y) - 1) < 1e-12 })
        // Closed polygon length ≈ 2π (inscribed chords are slightly shorter).
        let length = zip(loop, loop.dropFirst()).reduce(0.0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
        #expect(abs(length - 2 * Double.pi) < 0.01)
    }

    @Test("A saddle cell yields two separate segments and NaN cells are skipped")
    func saddleAndNaN() {
        let x = [0.0, 1.0]
        let y = [0.0, 1.0]
        // Corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0: saddle, mean 0.5 ≥ 0.4 → corners 0 and 2 join.
        let z = [[1.0, 0.0], [0.0, 1.0]]
        let lines = MarchingSquares.contour(x: x, y: y, z: z, level: 0.4)
        #expect(lines.count == 2)
        for line in lines { #expect(line.count == 2) }
        let nan = MarchingSquares.contour(x: x, y: y, z: [[1.0, .nan], [0.0, 1.0]], level: 0.4)
        #expect(nan.isEmpty)
    }
}
