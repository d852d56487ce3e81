import Foundation
import InterlinkPlot

/// Figures shared by several tests.
enum Fixtures {
    /// APS single-column rate-versus-length figure: linear x, log y, solid and dashed lines, legend,
    /// markup labels, and values that a log axis must skip (0, negative, NaN, infinity).
    static func rateFigure() -> Figure {
        let lengths = stride(from: 0.0, through: 100.0, by: 2.0).map { $0 }
        var panel = Panel(
            x: Axis(label: "Fiber length <i>L</i> (km)"),
            y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log))
        for (index, (wavelength, loss)) in [("1550 nm", 0.2), ("1310 nm", 0.35), ("780 nm", 1.0)].enumerated() {
            let rates = lengths.map { 1e3 * pow(10, -loss * $0 / 10) }
            panel.add(.line(x: lengths, y: rates, label: wavelength, style: index == 0 ? .solid : .dashed))
        }
        // Non-representable values on the log axis: skipped, never drawn.
        panel.add(.line(x: [0, 10, 20, 30, 40, 50], y: [0, -1, .nan, .infinity, 2e-1, 1e-1], label: "bound",
                        style: .dotted))
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    /// A second, different figure (scatter on linear axes).
    static func scatterFigure() -> Figure {
        var panel = Panel(x: Axis(label: "η<sub>t</sub>"), y: Axis(label: "<i>F</i>"))
        panel.add(.scatter(x: [0.1, 0.2, 0.4, 0.8], y: [0.6, 0.7, 0.8, 0.95], label: "data", marker: .square))
        return Figure(theme: .natureSingleColumn, panels: [panel])
    }
}
