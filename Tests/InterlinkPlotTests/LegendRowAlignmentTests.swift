import Foundation
import Testing
@testable import InterlinkPlot

/// Issue 16, item 8 (link-budget Fig. 2(c)): a legend moved above one panel lowers the frames of its
/// whole row, so a neighbour whose legend fitted inside the taller plot may no longer have a free
/// position; the layout checks again after every such move, and no inside legend covers data.
@Suite("Legend placement after row alignment")
struct LegendRowAlignmentTests {
    /// The laid-out panels of `figure` (measured with the figure fonts on a scratch surface).
    func plans(_ figure: Figure) throws -> [PanelPlan] {
        try LayoutProbe.plans(figure)
    }

    /// Samples covered by the inside legend of `plan` at its chosen position (0 when outside).
    func covered(_ plan: PanelPlan, theme: Theme) throws -> Int {
        guard plan.outsideLegend == nil else { return 0 }
        return try LayoutProbe.withCanvas { canvas in
            guard let layout = try LegendLayout(plan, canvas: canvas, theme: theme) else { return 0 }
            let samples = try Legend.allSamples(plan, canvas: canvas, theme: theme)
            return Legend.choose(plan, layout: layout, samples: samples).covered
        }
    }

    /// Bands filling a panel, with `entries` legend entries, so its legend must go outside (above).
    func filledPanel(entries: Int) -> Panel {
        let x = (0...20).map { Double($0) / 20 }
        var panel = Panel(x: Axis(label: "x", limits: 0...1), y: Axis(label: "y", limits: 0...1))
        for k in 0..<entries {
            let lo = Double(k) / Double(entries), hi = Double(k + 1) / Double(entries)
            panel.add(.band(x: x, lower: x.map { _ in lo - 0.01 }, upper: x.map { _ in hi + 0.01 }, label: "band \(k)"))
        }
        return panel
    }

    /// A panel whose only free room is a band of `gap` (fraction of the height) under the top frame
    /// and over the bottom one: horizontal reference lines at `gap` and `1 − gap` and a line across.
    func bandedPanel(gap: Double) -> Panel {
        var panel = Panel(x: Axis(label: "x", limits: 0...1), y: Axis(label: "y", limits: 0...1))
        panel.add(.reference(.y, at: 1 - gap))
        panel.add(.reference(.y, at: gap))
        panel.add(.line(x: [0, 1], y: [0.5, 0.5], label: "level"))
        return panel
    }

    @Test("a neighbour's legend moved above the row: the panel whose free band shrank moves its legend too",
          arguments: [3, 8])
    func recheckAfterAlignment(entries: Int) throws {
        let theme = Theme.apsDoubleColumn
        let empty = Panel(x: Axis(label: "x", limits: 0...1), y: Axis(label: "y", limits: 0...1))
        // Alone in its row, the banded panel's legend fits inside, under the top frame.
        let alone = try plans(Figure(theme: theme, panels: [empty, bandedPanel(gap: 0.12)], columns: 2, height: 200))
        #expect(alone[1].outsideLegend == nil)
        #expect(try covered(alone[1], theme: theme) == 0)
        // Beside a panel whose legend must go above, the row's frames come down and the band is too
        // thin for the legend: it must not stay inside over the reference line.
        let both = try plans(Figure(theme: theme, panels: [filledPanel(entries: entries), bandedPanel(gap: 0.12)],
                                    columns: 2, height: 200))
        #expect(both[0].outsideLegend?.side == .top)
        #expect(both[1].plot.height < alone[1].plot.height)
        #expect(try covered(both[1], theme: theme) == 0)
        #expect(both[1].outsideLegend != nil)
    }
}
