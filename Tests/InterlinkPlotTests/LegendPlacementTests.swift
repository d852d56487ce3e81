import Foundation
import Testing
@testable import InterlinkPlot

/// The automatic legend goes where it hides no data.
@Suite("Legend placement")
struct LegendPlacementTests {
    @Test("Data filling the upper right pushes the legend elsewhere")
    func avoidsUpperRight() {
        let plot = Rect(x: 0, y: 0, width: 200, height: 150)
        // A dense cloud in the upper-right quadrant (page y grows downward).
        var samples: [(x: Double, y: Double)] = []
        for i in 0..<40 {
            for j in 0..<30 { samples.append((100 + Double(i) * 2.5, Double(j) * 2.5)) }
        }
        let position = Legend.place(width: 60, height: 30, plot: plot, inset: 3, samples: samples)
        #expect(position != .topRight)
        let box = Legend.rect(position, width: 60, height: 30, plot: plot, inset: 3)
        #expect(!samples.contains { box.contains($0.x, $0.y) })
    }

    @Test("With empty space everywhere the first preference, top right, wins")
    func prefersTopRight() {
        let plot = Rect(x: 0, y: 0, width: 200, height: 150)
        #expect(Legend.place(width: 60, height: 30, plot: plot, inset: 3, samples: []) == .topRight)
    }

    @Test("In a rendered rising line the legend box contains no line sample")
    func risingLine() throws {
        // y = x from lower left to upper right: the upper-left or lower-right corners are free.
        let x = (0...50).map { Double($0) / 50 }
        var panel = Panel(x: Axis(label: "x"), y: Axis(label: "y"))
        panel.add(.line(x: x, y: x, label: "rising"))
        panel.add(.line(x: x, y: x.map { $0 * 0.9 }, label: "also rising", style: .dashed))
        let figure = Figure(panels: [panel])
        let plot = Rect(x: 40, y: 10, width: 190, height: 140)
        let transform = PlotTransform(
            x: AxisMapping(scale: .linear, lower: 0, upper: 1), y: AxisMapping(scale: .linear, lower: 0, upper: 1),
            rect: plot)
        let styled = MarkStyler.style(panel.marks, palette: .okabeIto)
        let samples = Legend.samples(styled, transform: transform)
        let position = Legend.place(width: 70, height: 25, plot: plot, inset: 3, samples: samples)
        #expect(position == .topLeft || position == .bottomRight)
        let box = Legend.rect(position, width: 70, height: 25, plot: plot, inset: 3)
        #expect(!samples.contains { box.contains($0.x, $0.y) })
        _ = try figure.render(.png(dpi: 72))
    }

    @Test("Filled regions count as data")
    func filledRegionsCount() {
        let plot = Rect(x: 0, y: 0, width: 200, height: 150)
        let transform = PlotTransform(
            x: AxisMapping(scale: .linear, lower: 0, upper: 1), y: AxisMapping(scale: .linear, lower: 0, upper: 1),
            rect: plot)
        // Shade everything above y = 0.5 and the right half (span): only the lower left stays free.
        let marks: [Mark] = [
            .region(x: [0, 1], y: [0.5, 0.5], toward: .top),
            .span(.x, from: 0.5, to: 1),
        ]
        let samples = Legend.samples(MarkStyler.style(marks, palette: .okabeIto), transform: transform)
        #expect(Legend.place(width: 60, height: 30, plot: plot, inset: 3, samples: samples) == .bottomLeft)
    }
}
