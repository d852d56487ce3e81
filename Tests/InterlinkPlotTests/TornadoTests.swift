import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPlot

@Suite("Tornado mark")
struct TornadoTests {
    func bars() throws -> TornadoBars {
        // swings: a 1, b 5, c 3 → order b, c, a
        try TornadoBars(labels: ["a", "b", "c"], low: [9.5, 8, 11], high: [10.5, 13, 8], baseline: 10,
                        lowLabel: "at low", highLabel: "at high")
    }

    @Test("Bars sort by swing, widest on top, each from the baseline")
    func geometry() throws {
        let t = try bars()
        #expect(t.labels == ["b", "c", "a"])
        #expect(t.row(0) == 2 && t.row(2) == 0)
        #expect(t.ticks.map(\.label) == ["b", "c", "a"])
        let rects = t.rects()
        // b: low 8 → [8, 10], high 13 → [10, 13], centred on row 2 with half-thickness 0.35
        #expect(rects[0].0 == 8 && rects[0].1 == 10 && rects[0].4 == 0)
        #expect(rects[1].0 == 10 && rects[1].1 == 13 && rects[1].4 == 1)
        #expect(abs(rects[0].2 - 1.65) < 1e-12 && abs(rects[0].3 - 2.35) < 1e-12)
        let mark = Mark.tornado(t)
        let x = try #require(mark.extent(along: .x, scale: .linear))
        #expect(x.0 == 8 && x.1 == 13)
    }

    @Test("Two legend swatches, renders in every format, bad input named")
    func renders() throws {
        let panel = Panel.tornado(try bars(), xLabel: "distance (km)")
        let styled = MarkStyler.style(panel.marks, palette: Theme.apsSingleColumn.palette)
        #expect(Legend.entries(styled, theme: .apsSingleColumn).map(\.label) == ["at low", "at high"])
        #expect(styled[0].seriesColors.count == 2 && styled[0].seriesColors[0] != styled[0].seriesColors[1])
        let figure = Figure(panels: [panel])
        for format in [OutputFormat.pdf, .svg, .png(dpi: 72)] { #expect(try figure.render(format).count > 100) }
        #expect(throws: ParameterError.self) { try TornadoBars(labels: ["a"], low: [1, 2], high: [1], baseline: 0) }
        #expect(throws: ParameterError.self) { try TornadoBars(labels: ["a"], low: [.nan], high: [1], baseline: 0) }
    }
}
