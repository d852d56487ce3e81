import Foundation
import InterlinkCore
import InterlinkPlot

/// Living documentation: one example of every mark, theme, palette and colour map.
///
/// ``write(to:dpi:)`` renders each example as PDF, SVG and PNG and writes `index.md`, which lists
/// every example with its caption (the CLI's `interlink gallery` writes them to `output/gallery/`).
/// The data are illustrations — closed forms with made-up constants or a fixed-seed generator, not
/// results — so the gallery is byte-identical on every run.
public enum Gallery {
    /// One gallery example.
    public struct Example: Sendable {
        /// File stem, e.g. `lines-log`.
        public var name: String
        /// The figure.
        public var figure: Figure
        /// What the example shows, and what its (illustrative) data are.
        public var caption: String
    }

    /// Every example, in a fixed order.
    public static func examples() throws -> [Example] {
        var list: [Example] = [
            Example(name: "lines-log", figure: ratePanelFigure(theme: .apsSingleColumn),
                    caption: "Lines on a log axis with a shaded excluded region: η² · 10⁶ attempts/s at three wavelengths' "
                        + "fiber losses against the repeaterless PLOB bound −log₂(1 − η)."),
            Example(name: "line-styles", figure: lineStyles(),
                    caption: "Every line style of the cycle on a two-beam interference fringe with decreasing contrast; "
                        + "custom π ticks."),
            Example(name: "scatter-markers", figure: scatterMarkers(),
                    caption: "Every marker shape, filled and open, on made-up fidelities rising with log efficiency."),
            Example(name: "error-bars-band", figure: errorBarsAndBand(),
                    caption: "Error bars, a model line and a band: a Bell-pair fidelity decaying towards the fully mixed ¼ "
                        + "with storage time; the bars are seeded Gaussian noise around the model."),
            Example(name: "step", figure: stepFunctions(), caption: "Step functions: pairs stored per round with and without a cutoff."),
            Example(name: "bars-grouped", figure: bars(.grouped), caption: "Grouped bars: made-up remote-gate rates per module pair."),
            Example(name: "bars-stacked", figure: bars(.stacked), caption: "Stacked bars: the same made-up rates stacked."),
            Example(name: "histogram", figure: try histogram(),
                    caption: "Two overlaid histograms of seeded fidelity samples in 40 bins."),
            Example(name: "heatmap-linear", figure: heatmap(scale: .linear), caption: "A heat map with a linear colour scale."),
            Example(name: "heatmap-log", figure: heatmap(scale: .log), caption: "The same field with a logarithmic colour scale."),
            Example(name: "contour", figure: contour(), caption: "Contours at five levels of a smooth made-up field over two efficiencies."),
            Example(name: "reference-regions", figure: referenceAndRegions(),
                    caption: "A reference line, a shaded span and a shaded region above a curve."),
            Example(name: "annotations", figure: annotations(), caption: "An arrow with text, rich-text labels and a glyph fallback on a sin² conversion-efficiency curve."),
            Example(name: "panels-grid", figure: panelsGrid(), caption: "A 2 × 2 grid with shared axes: made-up rates (log) and fidelities (linear) against fiber length for two attenuations."),
            Example(name: "palettes", figure: palettes(), caption: "Every palette, one panel each."),
            Example(name: "many-series", figure: manySeries(),
                    caption: "Nine series whose legend spreads over columns: heralding probability 10^(−αL/10) against "
                        + "distance for fiber attenuations α from 0.10 to 0.50 dB/km."),
            Example(name: "colormaps", figure: colormaps(), caption: "Every colour map, one panel each."),
        ]
        let themeNames = ["aps-single", "aps-double", "nature", "ieee", "slide"]
        for (theme, name) in zip(Theme.all, themeNames) {
            list.append(Example(name: "theme-\(name)", figure: ratePanelFigure(theme: theme),
                                caption: "The lines-log example in the \(name) theme."))
        }
        return list
    }

    /// Writes `<name>.pdf`, `<name>.svg` and `<name>.png` (at `dpi`) for every example into
    /// `directory` (created if needed), then `index.md`; returns the written files in order.
    @discardableResult
    public static func write(to directory: URL, dpi: Double = 200) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        let all = try examples()
        for example in all {
            for format in [OutputFormat.pdf, .svg, .png(dpi: dpi)] {
                let url = directory.appendingPathComponent("\(example.name).\(format.fileExtension)")
                try Data(try example.figure.render(format)).write(to: url)
                written.append(url)
            }
        }
        let index = directory.appendingPathComponent("index.md")
        try Data(indexMarkdown(all).utf8).write(to: index, options: .atomic)
        written.append(index)
        return written
    }

    /// The gallery's index: every example with its caption and its three files.
    static func indexMarkdown(_ examples: [Example]) -> String {
        var text = "# Interlink figure gallery\n\nOne example of every mark, theme, palette and colour map "
            + "(`interlink gallery`). The data are illustrations, not results.\n"
        for e in examples {
            text += "\n## \(e.name)\n\n![\(e.caption)](\(e.name).png)\n\n\(e.caption) "
                + "([PDF](\(e.name).pdf), [SVG](\(e.name).svg))\n"
        }
        return text
    }

    // MARK: Example data

    /// Evenly spaced values from `a` to `b` inclusive.
    static func grid(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
    }

    /// Reproducible pseudo-random numbers: InterlinkCore's SplitMix64 with a fixed seed.
    struct SplitMix {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        /// A uniform double in [0, 1).
        mutating func next() -> Double { generator.unitInterval() }
        /// Standard normal deviate by Box–Muller.
        mutating func normal() -> Double {
            let u = max(next(), 1e-300)
            let v = next()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    /// Rate versus fibre length at three wavelengths with the PLOB bound −log2(1−η)
    /// (S. Pirandola et al., Nat. Commun. 8, 15043 (2017)); η = 10^(−αL/10).
    static func ratePanelFigure(theme: Theme) -> Figure {
        let lengths = grid(0, 100, 101)
        var panel = Panel(
            x: Axis(label: "Fiber length <i>L</i> (km)"),
            y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log))
        let attempts = 1e6
        let plob = lengths.map { l -> Double in
            let eta = pow(10, -0.2 * l / 10)
            return -log2(1 - eta) * attempts
        }
        panel.add(.region(x: lengths, y: plob, toward: .top, label: "Excluded (PLOB)", color: .lightGray))
        for (index, (name, loss, eff)) in [("1550 nm", 0.2, 0.3), ("1310 nm", 0.33, 0.3), ("780 nm", 1.0, 0.6)].enumerated() {
            let rates = lengths.map { l in attempts * eff * eff * pow(10, -loss * l / 10) }
            panel.add(.line(x: lengths, y: rates, label: name, style: LineStyle.cycle[index]))
        }
        panel.y.limits = 1e-2...1e8
        return Figure(theme: theme, panels: [panel])
    }

    static func lineStyles() -> Figure {
        let x = grid(0, 2 * Double.pi, 120)
        let pi = Double.pi
        let ticks = [Tick(0, "0"), Tick(pi / 2, "π/2"), Tick(pi, "π"), Tick(3 * pi / 2, "3π/2"), Tick(2 * pi, "2π")]
        var panel = Panel(x: Axis(label: "Phase <i>φ</i> (rad)", limits: 0...(2 * pi), ticks: ticks),
                          y: Axis(label: "Visibility <i>V</i>"))
        for (index, style) in LineStyle.cycle.enumerated() {
            let offset = Double(index) * 0.35
            panel.add(.line(x: x, y: x.map { 0.5 * (1 + cos($0)) * (1 - 0.15 * Double(index)) + offset * 0 },
                            label: style.name, style: style))
        }
        panel.y.limits = 0...1.4
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    static func scatterMarkers() -> Figure {
        var panel = Panel(x: Axis(label: "Transduction efficiency <i>η</i><sub>t</sub>", scale: .log),
                          y: Axis(label: "Fidelity <i>F</i>"))
        let x = [1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1]
        for (index, shape) in MarkerShape.cycle.enumerated() {
            let y = x.map { 0.5 + 0.05 * Double(index) + 0.03 * log10($0 * 1e3) }
            panel.add(.scatter(x: x, y: y, label: "\(shape)", marker: shape, filled: index % 2 == 0))
        }
        panel.y.limits = 0.45...1.0
        panel.legend = .auto
        return Figure(theme: .apsSingleColumn, panels: [panel], height: 200)
    }

    static func errorBarsAndBand() -> Figure {
        let x = grid(0.5, 10, 12)
        var random = SplitMix(state: 7)
        let model = x.map { 0.25 + 0.7 * exp(-$0 / 6) }
        let measured = model.map { $0 + 0.02 * random.normal() }
        let errors = x.map { 0.02 + 0.004 * $0 }
        let fine = grid(0, 10.5, 100)
        let curve = fine.map { 0.25 + 0.7 * exp(-$0 / 6) }
        var panel = Panel(x: Axis(label: "Storage time <i>t</i> (ms)"), y: Axis(label: "Fidelity <i>F</i>"))
        panel.add(.band(x: fine, lower: curve.map { $0 - 0.05 }, upper: curve.map { $0 + 0.05 }, label: "95% band"))
        panel.add(.line(x: fine, y: curve, label: "Model"))
        panel.add(.errorBars(x: x, y: measured, yError: errors, label: "Monte Carlo", marker: .circle,
                             color: Color(hex: 0xD55E00)))
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    static func stepFunctions() -> Figure {
        let x = (0...12).map(Double.init)
        var panel = Panel(x: Axis(label: "Attempt round <i>n</i>"), y: Axis(label: "Stored pairs"))
        panel.add(.step(x: x, y: x.map { min(floor($0 / 2), 4) }, label: "Cutoff 4"))
        panel.add(.step(x: x, y: x.map { floor($0 / 3) }, label: "No cutoff", style: .dashed))
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    static func bars(_ layout: BarLayout) -> Figure {
        let names = ["Ion–Ion", "Ion–SC", "Atom–SC", "SC–SC"]
        let positions = names.indices.map(Double.init)
        var panel = Panel(
            x: Axis(label: "Module pair", limits: -0.6...3.6, ticks: zip(positions, names).map { Tick($0, $1) }),
            y: Axis(label: "Remote gates (10<sup>3</sup> s<sup>−1</sup>)"))
        panel.add(.bars(positions: positions, series: [
            BarSeries(label: "Direct", values: [4.2, 1.3, 0.9, 2.6]),
            BarSeries(label: "Purified", values: [2.9, 0.8, 0.5, 1.7]),
            BarSeries(label: "Multiplexed", values: [6.5, 2.1, 1.6, 3.9]),
        ], layout: layout))
        if layout == .stacked { panel.legend = .topRight }
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    static func histogram() throws -> Figure {
        var random = SplitMix(state: 42)
        let a = (0..<4000).map { _ in 0.92 + 0.02 * random.normal() }
        let b = (0..<4000).map { _ in 0.86 + 0.03 * random.normal() }
        var panel = Panel(x: Axis(label: "Heralded fidelity <i>F</i>"), y: Axis(label: "Counts"))
        panel.add(try .histogram(values: a, bins: 40, range: 0.75...1.0, label: "Two-photon"))
        panel.add(try .histogram(values: b, bins: 40, range: 0.75...1.0, label: "Single-click"))
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    /// A Gaussian-beam-like field on a grid; log version spans five decades.
    static func field(_ x: Double, _ y: Double) -> Double {
        exp(-((x - 0.4) * (x - 0.4) + (y - 0.55) * (y - 0.55)) / 0.08) + 0.5 * exp(-((x - 0.75) * (x - 0.75) + (y - 0.25) * (y - 0.25)) / 0.02)
    }

    static func heatmap(scale: Scale) -> Figure {
        let n = 60
        let values = (0..<n).map { j in
            (0..<n).map { i -> Double in
                let v = field((Double(i) + 0.5) / Double(n), (Double(j) + 0.5) / Double(n))
                return scale == .log ? pow(10, -5 * (1 - v / 1.05)) : v
            }
        }
        var panel = Panel(x: Axis(label: "Detuning <i>δ</i>/<i>Γ</i>"), y: Axis(label: "Linewidth ratio"))
        panel.add(.heatmap(Heatmap(values: values, x: 0...1, y: 0...1, colorScale: scale,
                                   colorLabel: scale == .log ? "Rate (s<sup>−1</sup>)" : "Visibility")))
        return Figure(theme: .apsSingleColumn, panels: [panel], height: 190)
    }

    static func contour() -> Figure {
        let x = grid(0, 1, 81)
        let y = grid(0, 1, 81)
        let z = y.map { yv in x.map { xv in field(xv, yv) } }
        var panel = Panel(x: Axis(label: "<i>η</i><sub>A</sub>"), y: Axis(label: "<i>η</i><sub>B</sub>"))
        panel.add(.contour(ContourSet(x: x, y: y, z: z, levels: [0.1, 0.3, 0.5, 0.7, 0.9])))
        return Figure(theme: .apsSingleColumn, panels: [panel], height: 200)
    }

    static func referenceAndRegions() -> Figure {
        let x = grid(0, 1, 100)
        var panel = Panel(x: Axis(label: "Loss per arm <i>p</i>"), y: Axis(label: "Secret-key fraction"))
        panel.add(.span(.x, from: 0.6, to: 1.0, label: "Unreachable", color: Color(hex: 0xE69F00), opacity: 0.2))
        panel.add(.region(x: x, y: x.map { 0.8 * (1 - $0) + 0.2 }, toward: .top, label: "Above bound",
                          color: .lightGray))
        panel.add(.line(x: x, y: x.map { 0.8 * (1 - $0) * (1 - $0) }, label: "Protocol"))
        panel.add(.reference(.y, at: 0.5, label: "Threshold"))
        panel.add(.reference(.x, at: 0.3, style: .dotted, color: Color(hex: 0xCC79A7)))
        panel.y.limits = 0...1.2
        panel.legend = .topRight
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    static func annotations() -> Figure {
        let x = grid(0, 4, 100)
        var panel = Panel(x: Axis(label: "Pump power (mW)"), y: Axis(label: "Conversion efficiency"))
        panel.add(.line(x: x, y: x.map { pow(sin(Double.pi / 2 * $0 / 3), 2) }))
        panel.add(.arrow(from: DataPoint(1.6, 0.35), to: DataPoint(2.85, 0.95), text: "Optimum"))
        panel.add(.text("<i>η</i> = sin<sup>2</sup>(π<i>P</i>/2<i>P</i><sub>0</sub>)", at: DataPoint(0.1, 1.1),
                        anchor: .left))
        // ⟩ and ⊗ are not in Liberation Sans: drawn with the DejaVu Sans fallback.
        panel.add(.text("|Φ<sup>+</sup>⟩ ⊗ |0⟩", at: DataPoint(3.9, 0.1), anchor: .bottomRight))
        panel.y.limits = 0...1.2
        return Figure(theme: .apsSingleColumn, panels: [panel])
    }

    static func panelsGrid() -> Figure {
        let x = grid(0, 100, 60)
        var panels: [Panel] = []
        for (row, label) in ["Rate (s<sup>−1</sup>)", "Fidelity <i>F</i>"].enumerated() {
            for column in 0..<2 {
                var panel = Panel(x: Axis(label: "Fiber length <i>L</i> (km)"),
                                  y: Axis(label: label, scale: row == 0 ? .log : .linear))
                for (k, alpha) in [0.2, 0.35].enumerated() {
                    let scale = column == 0 ? 1.0 : 0.5
                    let ys = row == 0
                        ? x.map { 1e5 * scale * pow(10, -alpha * $0 / 10) }
                        : x.map { 0.5 + 0.45 * exp(-alpha * $0 / (30 * scale)) }
                    panel.add(.line(x: x, y: ys, label: k == 0 ? "0.20 dB/km" : "0.35 dB/km",
                                    style: k == 0 ? .solid : .dashed))
                }
                if row == 1 { panel.y.limits = 0.5...1.0 }
                panel.legend = row == 0 && column == 0 ? .auto : .hidden
                panels.append(panel)
            }
        }
        return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 330, sharedX: true, sharedY: true)
    }

    static func palettes() -> Figure {
        let x = grid(0, 1, 50)
        var panels: [Panel] = []
        for palette in [Palette.okabeIto, .tolBright] {
            var panel = Panel(x: Axis(label: "<i>x</i>"), y: Axis(label: "<i>y</i>"), title: palette.name)
            for (index, color) in palette.colors.enumerated() where index < 7 {
                panel.add(.line(x: x, y: x.map { $0 * (1 + 0.25 * Double(index)) }, color: color))
            }
            panel.y.limits = 0...2.5
            panels.append(panel)
        }
        return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 180)
    }

    /// Nine series (attenuation in dB/km) in Paul Tol's muted palette: the legend spreads over
    /// several columns where that hides less data.
    static func manySeries() -> Figure {
        let x = grid(0, 50, 60)
        var theme = Theme.apsSingleColumn
        theme.palette = .tolMuted
        var panel = Panel(x: Axis(label: "Distance (km)"), y: Axis(label: "Heralding probability", scale: .log))
        for k in 0..<9 {
            let alpha = 0.1 + 0.05 * Double(k)
            panel.add(.line(x: x, y: x.map { pow(10, -alpha * $0 / 10) }, label: String(format: "α = %.2f dB/km", alpha),
                            style: LineStyle.cycle[k % LineStyle.cycle.count]))
        }
        panel.y.limits = 1e-4...1
        return Figure(theme: theme, panels: [panel], height: 150)
    }

    static func colormaps() -> Figure {
        let n = 40
        var panels: [Panel] = []
        for map in [Colormap.viridis, .cividis, .blueRed] {
            let diverging = map == .blueRed
            let values = (0..<n).map { j in
                (0..<n).map { i -> Double in
                    let x = (Double(i) + 0.5) / Double(n), y = (Double(j) + 0.5) / Double(n)
                    return diverging ? sin(2 * Double.pi * x) * cos(Double.pi * y) : x * 0.7 + y * 0.3
                }
            }
            var panel = Panel(x: Axis(label: "<i>x</i>"), y: Axis(label: "<i>y</i>"), title: map.name)
            panel.add(.heatmap(Heatmap(values: values, x: 0...1, y: 0...1, colormap: map,
                                       colorLimits: diverging ? -1...1 : 0...1)))
            panels.append(panel)
        }
        return Figure(theme: .apsDoubleColumn, panels: panels, columns: 3, height: 165, panelLabels: false)
    }
}
