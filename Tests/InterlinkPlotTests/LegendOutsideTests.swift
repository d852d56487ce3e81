import Foundation
import Testing
@testable import InterlinkPlot

/// Issue 15, item 6: an automatic legend covers no data — every inside position is tested against
/// everything drawn (lines, markers, bands, error bars, reference lines, text), and the legend
/// goes outside the panel when no inside position is free.
@Suite("Legend placement against all drawn data")
struct LegendOutsideTests {
    /// The laid-out panels of `figure` (measured with the figure fonts on a scratch surface).
    func plans(_ figure: Figure) throws -> [PanelPlan] {
        try LayoutProbe.plans(figure)
    }

    /// The legend box the renderer uses for `plan` (inside choice or outside placement).
    func legendBox(_ plan: PanelPlan, theme: Theme) throws -> Rect? {
        try RenderEnvironment.shared.withFonts { fonts in
            let surface = try CairoSurface.image(pixelWidth: 10, pixelHeight: 10)
            let canvas = try Canvas(surface: surface, fonts: fonts)
            defer { _ = try? surface.finish() }
            guard let layout = try LegendLayout(plan, canvas: canvas, theme: theme) else { return nil }
            if let outside = plan.outsideLegend {
                let gap = LegendLayout.outsideGap(theme)
                let w = layout.totalWidth(outside.columns), h = layout.totalHeight(outside.columns)
                return outside.side == .right
                    ? Rect(x: plan.plot.maxX + gap, y: plan.plot.minY, width: w, height: h)
                    : Rect(x: plan.plot.minX, y: plan.plot.minY - gap - h, width: w, height: h)
            }
            let samples = try Legend.allSamples(plan, canvas: canvas, theme: theme)
            let choice = Legend.choose(plan, layout: layout, samples: samples)
            #expect(choice.covered == 0, "an inside legend must cover no data")
            return Legend.rect(choice.position, width: layout.totalWidth(choice.columns),
                               height: layout.totalHeight(choice.columns), plot: plan.plot, inset: layout.inset)
        }
    }

    @Test("markers count with their size: a marker just outside the box's corner point still blocks it")
    func markersHaveSize() {
        let plot = Rect(x: 0, y: 0, width: 200, height: 150)
        let transform = PlotTransform(
            x: AxisMapping(scale: .linear, lower: 0, upper: 1), y: AxisMapping(scale: .linear, lower: 0, upper: 1), rect: plot)
        // One marker centred 4 pt left of a 60 x 30 top-right box (inset 3): the centre is outside,
        // a marker of radius 5 reaches into it.
        let x = (200 - 3 - 60 - 1.5 - 4) / 200
        let marks = [Mark.scatter(x: [x], y: [1 - 10 / 150.0], label: "m")]
        let styled = MarkStyler.style(marks, palette: .okabeIto)
        let box = Legend.rect(.topRight, width: 60, height: 30, plot: plot, inset: 3).insetBy(-1.5)
        #expect(!Legend.samples(styled, transform: transform).contains { box.contains($0.x, $0.y) })
        #expect(Legend.samples(styled, transform: transform, markerRadius: 5).contains { box.contains($0.x, $0.y) })
    }

    @Test("a horizontal reference line counts as data along its whole length")
    func referenceLines() {
        let plot = Rect(x: 0, y: 0, width: 200, height: 150)
        let transform = PlotTransform(
            x: AxisMapping(scale: .linear, lower: 0, upper: 1), y: AxisMapping(scale: .linear, lower: 0, upper: 1), rect: plot)
        let styled = MarkStyler.style([Mark.reference(.y, at: 0.95, label: "bound")], palette: .okabeIto)
        let samples = Legend.samples(styled, transform: transform)
        // y = 0.95 is 7.5 pt below the top: both top corners are blocked, the bottom ones free.
        #expect(Legend.place(width: 60, height: 30, plot: plot, inset: 3, samples: samples) == .bottomRight)
    }

    /// Three bands filling the panel, so that no inside position is free.
    func filledPanel() -> Panel {
        let x = (0...20).map { Double($0) / 20 }
        var panel = Panel(x: Axis(label: "x", limits: 0...1), y: Axis(label: "y", limits: 0...1))
        panel.add(.band(x: x, lower: x.map { _ in 0 }, upper: x.map { _ in 0.34 }, label: "low"))
        panel.add(.band(x: x, lower: x.map { _ in 0.33 }, upper: x.map { _ in 0.67 }, label: "middle"))
        panel.add(.band(x: x, lower: x.map { _ in 0.66 }, upper: x.map { _ in 1 }, label: "high"))
        return panel
    }

    @Test("a filled panel gets its legend outside on the side costing the smaller share of the plot",
          arguments: [(200.0, OutsideLegend.Side.top), (95.0, OutsideLegend.Side.right)])
    func fallsBackOutside(height: Double, side: OutsideLegend.Side) throws {
        let figure = Figure(theme: .apsDoubleColumn, panels: [filledPanel()], height: height)
        let plan = try #require(try plans(figure).first)
        let outside = try #require(plan.outsideLegend)
        #expect(outside.side == side)
        let box = try #require(try legendBox(plan, theme: figure.theme))
        if side == .right {
            #expect(box.minX >= plan.plot.maxX)
        } else {
            #expect(box.maxY <= plan.plot.minY)
        }
        #expect(box.minX >= plan.cell.minX - 1e-6 && box.maxX <= plan.cell.maxX + 1e-6)
        #expect(box.minY >= plan.cell.minY - 1e-6 && box.maxY <= plan.cell.maxY + 1e-6)
        _ = try figure.render(.pdf)
    }

    @Test("next to a colour bar the legend goes above the plot, below the cell's top")
    func aboveWithColourBar() throws {
        var panel = Panel(x: Axis(label: "x"), y: Axis(label: "y"))
        let grid = (0..<10).map { i in (0..<10).map { j in Double(i * j) } }
        panel.add(.heatmap(Heatmap(values: grid, x: 0...1, y: 0...1, colorLabel: "z")))
        panel.add(.line(x: [0, 1], y: [0, 1], label: "diagonal"))
        let figure = Figure(theme: .apsSingleColumn, panels: [panel])
        let plan = try #require(try plans(figure).first)
        let outside = try #require(plan.outsideLegend)
        #expect(outside.side == .top)
        let box = try #require(try legendBox(plan, theme: figure.theme))
        #expect(box.maxY <= plan.plot.minY)
        #expect(box.minY >= plan.cell.minY - 1e-6)
        _ = try figure.render(.pdf)
    }

    @Test("with a free corner the legend stays inside and covers nothing")
    func staysInside() throws {
        let x = (0...50).map { Double($0) / 50 }
        var panel = Panel(x: Axis(label: "x"), y: Axis(label: "y"))
        panel.add(.line(x: x, y: x, label: "rising"))
        panel.add(.errorBars(x: [0.2, 0.5, 0.8], y: [0.2, 0.5, 0.8], yError: [0.1, 0.1, 0.1], label: "points"))
        let figure = Figure(theme: .apsSingleColumn, panels: [panel])
        let plan = try #require(try plans(figure).first)
        #expect(plan.outsideLegend == nil)
        let box = try #require(try legendBox(plan, theme: figure.theme))
        #expect(plan.plot.contains(box.minX, box.minY) && plan.plot.contains(box.maxX, box.maxY))
    }
}
