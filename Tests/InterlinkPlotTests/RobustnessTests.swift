import InterlinkCore
import Foundation
import Testing
@testable import InterlinkPlot

/// Bad values are skipped, bad parameters are thrown with their path, nothing traps.
@Suite("Robustness")
struct RobustnessTests {
    /// A subnormal number (about 2e-312), far below the smallest normal Double.
    static let denormal = Double.leastNormalMagnitude / 1e4

    @Test("Non-finite and non-positive values on log axes are skipped, not drawn")
    func logAxisSkipsInvalid() throws {
        var panel = Panel(x: Axis(label: "x", scale: .log), y: Axis(label: "y", scale: .log))
        panel.add(.line(x: [-1, 0, 1, 10, .nan, 100], y: [1, 2, 3, .infinity, 5, 6], label: "mixed"))
        panel.add(.scatter(x: [0, -5, 10], y: [1, 10, -1]))
        panel.add(.errorBars(x: [1, 10], y: [1, 0.5], yError: [2, 0.1]))
        panel.add(.band(x: [1, 10, 100], lower: [0, 1, 2], upper: [1, 2, 3]))
        panel.add(.region(x: [1, 100], y: [-3, 50], toward: .bottom))
        panel.add(try .histogram(values: [1, 2, 3, .nan], bins: 3))
        let figure = Figure(panels: [panel])
        for format in [OutputFormat.pdf, .svg, .png(dpi: 72)] {
            #expect(try figure.render(format).count > 100)
        }
        // Only the representable points count towards the limits: x from 1 to 100.
        let extent = panel.marks[0].extent(along: .x, scale: .log)
        #expect(extent?.0 == 1 && extent?.1 == 100)
    }

    @Test("A panel with no data, or only unusable data, still renders")
    func emptyPanels() throws {
        var panel = Panel(x: Axis(label: "x"), y: Axis(label: "y", scale: .log))
        panel.add(.line(x: [1, 2], y: [0, -1]))
        #expect(try Figure(panels: [panel, Panel()]).render(.pdf).count > 100)
    }

    @Test("Extreme data values throw or render, never trap", arguments: [
        [1e308, -1e308], [Self.denormal, 2 * Self.denormal], [5e307, 1.7e308], [0, 1e-300], [.greatestFiniteMagnitude, 0],
    ])
    func extremeValues(values: [Double]) {
        for scale in [Scale.linear, .log] {
            var panel = Panel(x: Axis(label: "x"), y: Axis(label: "y", scale: scale))
            panel.add(.line(x: [0, 1], y: values))
            do {
                _ = try Figure(panels: [panel]).render(.png(dpi: 72))
            } catch {
                #expect(error is PlotError || error is ParameterError)
            }
        }
    }

    @Test("Invalid limits name the parameter path")
    func invalidLimits() {
        let panel = Panel(x: Axis(limits: 0...0), y: Axis())
        #expect(throws: ParameterError(
            path: "figure.panels[0].x.limits", value: "0.0...0.0", allowed: "finite, upper > lower")) {
            try Figure(panels: [panel]).render(.pdf)
        }
        let log = Panel(x: Axis(), y: Axis(scale: .log, limits: -1...10))
        #expect(throws: ParameterError(
            path: "figure.panels[0].y.limits", value: "-1.0...10.0", allowed: "lower > 0 on a log axis")) {
            try Figure(panels: [log]).render(.svg)
        }
    }

    @Test("Invalid figure parameters throw instead of trapping")
    func invalidFigure() throws {
        #expect(throws: ParameterError.self) { try Figure(panels: []).render(.pdf) }
        #expect(throws: ParameterError.self) { try Figure(panels: [Panel()], columns: 3).render(.pdf) }
        #expect(throws: ParameterError.self) { try Figure(panels: [Panel()], height: -5).render(.pdf) }
        #expect(throws: ParameterError.self) { try Figure(panels: [Panel()]).render(.png(dpi: 0)) }
        #expect(throws: ParameterError.self) { try Figure(panels: [Panel()]).render(.png(dpi: .nan)) }
        #expect(throws: ParameterError.self) { try Mark.histogram(values: [1, 2], bins: 0) }
        #expect(throws: ParameterError.self) { try Mark.histogram(values: [.nan], bins: 3) }
        #expect(throws: ParameterError.self) { try Colormap(name: "one", stops: [.black]) }
        #expect(throws: ParameterError.self) {
            try Theme(name: "bad", width: 0, rowHeight: 100, fontSize: 8, axisLineWidth: 0.5, lineWidth: 1,
                      markerSize: 3, majorTickLength: 3, minorTickLength: 1.5)
        }
        var badTheme = Theme.apsSingleColumn
        badTheme.fontSize = .infinity
        #expect(throws: ParameterError(path: "theme.fontSize", value: "inf", allowed: "0 < value <= 14400 pt")) {
            try Figure(theme: badTheme, panels: [Panel()]).render(.png(dpi: 72))
        }
        // Denormal bin widths: binned or rejected, never a trap.
        _ = try? Mark.histogram(values: [Self.denormal / 2, Self.denormal], bins: 2, range: 0...Self.denormal)
        // Public label helpers accept any input.
        #expect(Ticks.label(.infinity, step: 1) == "∞")
        #expect(Ticks.label(1, step: 0) == "1")
        #expect(Ticks.powerOfTen(Int.min).hasPrefix("10<sup>−"))
        // A figure too small for its labels is rejected rather than drawn with overlapping text.
        var tiny = Figure(panels: [Panel(x: Axis(label: "x"), y: Axis(label: "y"))])
        tiny.height = 20
        #expect(throws: ParameterError.self) { try tiny.render(.pdf) }
    }

    @Test("Broken markup is reported with the offending text")
    func brokenMarkup() {
        let panel = Panel(x: Axis(label: "<i>unclosed"), y: Axis())
        do {
            _ = try Figure(panels: [panel]).render(.pdf)
            Issue.record("expected an invalid-markup error")
        } catch let PlotError.invalidMarkup(text, _) {
            #expect(text == "<i>unclosed")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("The missing-font error tells the user to run scripts/bootstrap")
    func fontErrorMessage() {
        let message = PlotError.fontMissing(path: "/nowhere/LiberationSans-Regular.ttf").description
        #expect(message.contains("scripts/bootstrap"))
        #expect(message.contains("/nowhere/LiberationSans-Regular.ttf"))
    }

    @Test("Bars, grouped and stacked, are laid out as documented")
    func barGeometry() {
        let series = [BarSeries(label: "a", values: [1, 2]), BarSeries(label: "b", values: [3, -1])]
        let grouped = FigureRenderer.barRects(positions: [0, 1], series: series, layout: .grouped, width: 0.8)
        // Group width 0.8 split in two bars of 0.4: first bar at position 0 spans −0.4…0.
        #expect(grouped.count == 4)
        #expect(abs(grouped[0].0 + 0.4) < 1e-12 && abs(grouped[0].1 - 0) < 1e-12)
        #expect(grouped[3].2 == -1 && grouped[3].3 == 0)
        let stacked = FigureRenderer.barRects(positions: [0, 1], series: series, layout: .stacked, width: 0.8)
        // Position 0: 0…1 then 1…4.
        #expect(stacked[0].2 == 0 && stacked[0].3 == 1)
        #expect(stacked[1].2 == 1 && stacked[1].3 == 4)
        // Position 1: 0…2 up, 0…−1 down (negative values stack below zero).
        #expect(stacked[3].2 == -1 && stacked[3].3 == 0)
    }

    @Test("Legends with many entries render in small panels, wherever placed", arguments: [1, 5, 9, 13])
    func manyLegendEntries(count: Int) throws {
        for position in LegendPosition.allCases {
            var panel = Panel(x: Axis(label: "x"), y: Axis(label: "y"), legend: position)
            for k in 0..<count {
                panel.add(.line(x: [0, 1], y: [Double(k), Double(k) + 1], label: "series \(k)"))
            }
            let figure = Figure(panels: [panel], height: 120)
            #expect(try figure.render(.png(dpi: 72)).count > 100)
        }
    }

    @Test("Histogram binning counts each finite value once, the last bin closed")
    func histogramBinning() throws {
        let (edges, counts) = try Histogram.bin([0, 0.5, 1, 1.5, 2, .nan, 7], bins: 2, range: 0...2)
        #expect(edges == [0, 1, 2])
        #expect(counts == [2, 3])
    }
}
