import Foundation
import Testing
@testable import InterlinkPlot

/// Issue 16, item 8 (transduction-frontier map): a point label sits next to its own marker — nearer
/// it than any other marker, covering no marker, no other label, inside the plot — wherever the
/// markers crowd, instead of at a side fixed by hand.
@Suite("Point labels next to their own marker")
struct PointLabelTests {
    /// The placed labels of the only panel of `figure`, with the panel's plan.
    func placed(_ figure: Figure) throws -> (plan: PanelPlan, labels: [PlacedPointLabel]) {
        try LayoutProbe.withCanvas { canvas in
            let plan = try #require(try FigureLayout.plan(figure, canvas: canvas).first)
            return (plan, try PointLabels.place(plan, canvas: canvas, theme: figure.theme))
        }
    }

    /// Distance from a page point to the nearest point of a box (0 inside), computed directly.
    func gap(_ p: (x: Double, y: Double), _ box: Rect) -> Double {
        let dx = p.x < box.minX ? box.minX - p.x : (p.x > box.maxX ? p.x - box.maxX : 0)
        let dy = p.y < box.minY ? box.minY - p.y : (p.y > box.maxY ? p.y - box.maxY : 0)
        return (dx * dx + dy * dy).squareRoot()
    }

    @Test("crowded markers on a log axis: every label nearest its own marker, none overlapping",
          arguments: [0.0, 0.15, 0.3])
    func crowded(shift: Double) throws {
        // Markers like the published transducers: two squares 30 % apart, a circle left-below them,
        // another one decade right, and a label-sized neighbour above.
        let points: [(String, Double, Double)] = [
            ("Weaver", 0.009, 1), ("Warner", 0.0118, 1), ("Zhao 0.47%", 0.0047, 0.58 + shift),
            ("Zhao 2.2%", 0.022, 0.94), ("Jiang", 0.05, 8), ("Sahu 8.7%", 0.087, 0.16),
        ]
        var panel = Panel(x: Axis(label: "x", scale: .log, limits: 1e-3...1), y: Axis(label: "y", scale: .log, limits: 1e-2...10),
                          legend: .hidden)
        for (label, x, y) in points {
            panel.add(.scatter(x: [x], y: [y], marker: .square))
            panel.add(.pointLabel(label, at: DataPoint(x, y)))
        }
        let figure = Figure(theme: .apsSingleColumn, panels: [panel])
        let (plan, labels) = try placed(figure)
        #expect(labels.count == points.count)
        let t = plan.transform
        let markers = points.compactMap { t.point($0.1, $0.2) }
        let radius = figure.theme.markerSize / 2
        for (k, label) in labels.enumerated() {
            let own = gap(markers[k], label.box)
            for (j, other) in markers.enumerated() where j != k {
                #expect(gap(other, label.box) > own, "\(points[k].0) is as near \(points[j].0) as its own marker")
                #expect(gap(other, label.box) > radius, "\(points[k].0) covers the marker of \(points[j].0)")
            }
            #expect(own > radius && own < 2 * figure.theme.fontSize, "\(points[k].0) is not next to its marker")
            #expect(plan.plot.contains(label.box.minX, label.box.minY) && plan.plot.contains(label.box.maxX, label.box.maxY))
            for other in labels[(k + 1)...] {
                #expect(!PointLabels.intersects(label.box, other.box), "\(points[k].0) overlaps another label")
            }
        }
        _ = try figure.render(.pdf)
    }

    @Test("a label by the right frame goes to the left of its marker, inside the plot")
    func nearEdge() throws {
        var panel = Panel(x: Axis(label: "x", limits: 0...1), y: Axis(label: "y", limits: 0...1), legend: .hidden)
        panel.add(.scatter(x: [0.97], y: [0.5]))
        panel.add(.pointLabel("a long device name", at: DataPoint(0.97, 0.5)))
        let (plan, labels) = try placed(Figure(theme: .apsSingleColumn, panels: [panel]))
        let label = try #require(labels.first)
        let marker = try #require(plan.transform.point(0.97, 0.5))
        #expect(label.box.maxX < marker.x)
        #expect(label.box.maxX <= plan.plot.maxX && label.box.minX >= plan.plot.minX)
    }
}
