import Foundation
import Testing
@testable import InterlinkPlot

/// Issue 16, item 8 (transduction-frontier map): a field sampled on a coarse grid can be drawn with
/// its colour interpolated between the cell centres instead of as visible cells.
@Suite("Smooth heatmap shading")
struct HeatmapShadingTests {
    /// Fractions of a 2 × 3 grid (`rows` × `columns`): row 0 is 0, 0.5, 1; row 1 is 1, 1, 1; `nil` where missing.
    func field(missing: (Int, Int)? = nil) -> (Int, Int) -> Double? {
        let values = [[0.0, 0.5, 1.0], [1.0, 1.0, 1.0]]
        return { column, row in
            if let m = missing, m == (column, row) { return nil }
            return values[row][column]
        }
    }

    @Test("bilinear between the four surrounding centres, clamped at the edges (hand-computed values)")
    func bilinear() {
        let f = field()
        // At a centre: the value itself.
        #expect(FigureRenderer.bilinear(column: 1, columns: 3, row: 0, rows: 2, f) == 0.5)
        // A quarter of the way from centre (0,0) to (1,0): 0 + 0.25 × 0.5.
        #expect(abs(FigureRenderer.bilinear(column: 0.25, columns: 3, row: 0, rows: 2, f)! - 0.125) < 1e-12)
        // Middle of the square (0,0)-(1,1): mean of 0, 0.5, 1, 1.
        #expect(abs(FigureRenderer.bilinear(column: 0.5, columns: 3, row: 0.5, rows: 2, f)! - 0.625) < 1e-12)
        // Beyond the first centre (the outer half cell): clamped to it.
        #expect(FigureRenderer.bilinear(column: -0.4, columns: 3, row: -0.4, rows: 2, f) == 0)
        #expect(FigureRenderer.bilinear(column: 2.4, columns: 3, row: 1.4, rows: 2, f) == 1)
    }

    @Test("next to a missing value the nearest cell's value, or nothing when that one is missing")
    func missing() {
        let f = field(missing: (1, 0))
        #expect(FigureRenderer.bilinear(column: 0.3, columns: 3, row: 0.2, rows: 2, f) == 0)
        #expect(FigureRenderer.bilinear(column: 0.9, columns: 3, row: 0.2, rows: 2, f) == nil)
    }

    @Test("a smooth heatmap renders a gradient where the cells would be flat")
    func renders() throws {
        func strip(_ shading: HeatmapShading) throws -> Set<UInt32> {
            var panel = Panel(x: Axis(label: "x", limits: 0...2), y: Axis(label: "y", limits: 0...1), legend: .hidden)
            panel.add(.heatmap(Heatmap(values: [[0, 1]], x: 0...2, y: 0...1, colorLimits: 0...1, shading: shading)))
            let figure = Figure(theme: .apsSingleColumn, panels: [panel])
            let plan = try #require(try LayoutProbe.plans(figure).first)
            let image = try RasterImage(png: try figure.render(.png(dpi: 72)))
            let y = Int(plan.plot.midY)
            // Between the two cell centres (x = 0.5 and 1.5 in data, a quarter and three quarters across).
            let x0 = Int(plan.plot.minX + plan.plot.width * 0.3), x1 = Int(plan.plot.minX + plan.plot.width * 0.7)
            return Set((x0...x1).map { image.pixels[y * image.width + $0] })
        }
        #expect(try strip(.cells).count <= 3)
        #expect(try strip(.smooth).count > 10)
    }
}
