import Foundation
import Testing
@testable import InterlinkPlot

/// Issue 16, item 8 (validation Fig. 2(c)): empty histogram bins draw nothing — no outline along
/// the baseline, where it would lie on the axis spine, half clipped, as data where there is none.
@Suite("Histogram outline")
struct HistogramOutlineTests {
    @Test("no histogram colour on the spine under empty bins; the outline is there over full ones")
    func emptyBinsDrawNothing() throws {
        let red = Color(red: 1, green: 0, blue: 0)
        var panel = Panel(x: Axis(label: "x", limits: 0...6), y: Axis(label: "y", limits: 0...10), legend: .hidden)
        panel.add(.histogram(edges: [0, 1, 2, 3, 4, 5, 6], counts: [0, 0, 5, 8, 0, 0], color: red))
        let figure = Figure(theme: .apsSingleColumn, panels: [panel])
        let plan = try #require(try LayoutProbe.plans(figure).first)
        // At 72 dpi one pixel is one point.
        let image = try RasterImage(png: try figure.render(.png(dpi: 72)))
        func isStroke(_ x: Int, _ y: Int) -> Bool {
            let p = image.pixels[y * image.width + x]
            let r = Int((p >> 16) & 0xFF), g = Int((p >> 8) & 0xFF), b = Int(p & 0xFF)
            return r > 180 && g < 110 && b < 110
        }
        let t = plan.transform
        let base = Int(plan.plot.maxY.rounded())
        func strokePixels(from x0: Double, to x1: Double, rows: ClosedRange<Int>) -> Int {
            guard let a = t.px(x0), let b = t.px(x1) else { return -1 }
            var n = 0
            for x in Int(a.rounded())...Int(b.rounded()) { for y in rows where isStroke(x, y) { n += 1 } }
            return n
        }
        // Under the empty bins (away from the edges of the full ones): nothing on or near the spine.
        #expect(strokePixels(from: 0.1, to: 1.8, rows: (base - 3)...(base + 3)) == 0)
        #expect(strokePixels(from: 4.2, to: 5.9, rows: (base - 3)...(base + 3)) == 0)
        // Over the full bins the top of the outline is drawn.
        let top = Int((t.py(8) ?? 0).rounded())
        #expect(strokePixels(from: 3.1, to: 3.9, rows: (top - 1)...(top + 1)) > 0)
    }
}
