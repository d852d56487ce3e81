import Foundation
import Interlink

/// Figures of the transduction-frontier study: the requirement map (distillable rate over η_t × N_add
/// per ion arm and length, with the root-found 1 ebit/s boundary at three noise-mode counts and the
/// published devices with their error bars) and the tornado of the headline requirements.
extension TransductionFrontierStudy {
    /// This file (part of the study's code fingerprint).
    static let figuresSource = #filePath

    /// Grid of one metric for one ion arm and length: `z[row][column]` with rows N_add, columns η_t.
    static func grid(_ table: ResultTable, _ metric: Column, arm: IonArm, lengthKm: Double) throws
        -> (eta: [Double], noise: [Double], z: [[Double]])
    {
        let rows = table.filter { $0.parameters["ionArm"] == .string(arm.rawValue) && $0.number(Columns.lengthKm) == lengthKm }
        let grid = try rows.grid(x: "transducerEfficiency", y: "addedNoisePhotons", value: metric.name)
        return (grid.x, grid.y, grid.z)
    }

    /// Heatmap extent with cells centred on log-spaced grid points.
    static func logExtent(_ values: [Double]) -> ClosedRange<Double> {
        guard let first = values.first, let last = values.last, values.count > 1 else { return 1e-4...1 }
        let half = (log10(last) - log10(first)) / Double(values.count - 1) / 2
        return pow(10, log10(first) - half)...pow(10, log10(last) + half)
    }

    /// Efficiencies at which the boundary is solved: 4 per decade from 10⁻³ to 1.
    static let boundaryEfficiencies = (0...12).map { pow(10, -3 + 0.25 * Double($0)) }

    /// The largest N_add per mode for `rate` at `p`'s transducer efficiency (no transmon decay, one mode).
    static func noiseBoundary(_ p: Parameters, rate: Double) throws -> Requirement {
        var q = try resolved(p)
        q.transmonT2Seconds = nil
        q.modes = 1
        return try Requirement.solve(in: 1e-9...10, increasing: false, target: rate) { n in
            q.addedNoisePhotons = n
            return try link(q).hashingRateHz
        }
    }

    /// The 1 ebit/s boundary N_add,max(η_t) by root finding (where reachable).
    static func boundary(_ p: Parameters, rate: Double, noiseModes: Double?) throws -> (eta: [Double], noise: [Double]) {
        var eta: [Double] = [], noise: [Double] = []
        for e in boundaryEfficiencies {
            var q = p
            q.noiseModes = noiseModes
            q.transducerEfficiency = e
            if let v = try noiseBoundary(q, rate: rate).value {
                eta.append(e)
                noise.append(v)
            }
        }
        return (eta, noise)
    }

    /// The 5 % and 95 % points of the boundary over the uncertain inputs' draws, each as its own
    /// curve at the efficiencies where that end exists. They are not joined into a band: the 5 %
    /// (pessimistic) end does not exist where more than 5 % of the draws reach the rate at no N_add,
    /// while the 95 % end still does, and a band over only the efficiencies where both exist would
    /// hide that.
    static func boundaryEnds(_ p: Parameters, rate: Double) throws
        -> (low: (eta: [Double], noise: [Double]), high: (eta: [Double], noise: [Double]))
    {
        var low: (eta: [Double], noise: [Double]) = ([], []), high: (eta: [Double], noise: [Double]) = ([], [])
        for e in boundaryEfficiencies {
            var q = p
            q.transducerEfficiency = e
            let interval = try RequirementInterval(propagation, base: q, increasing: false) { try noiseBoundary($0, rate: rate) }
            if let l = interval.low {
                low.eta.append(e)
                low.noise.append(l)
            }
            if let h = interval.high {
                high.eta.append(e)
                high.noise.append(h)
            }
        }
        return (low, high)
    }

    /// The published transducers as markers (filled: published N_add, with its error bar where one is
    /// published; open square: N_add assumed; triangle: a lower bound) and, when `labels`, their names.
    static func addDevices(to panel: inout Panel, labels: Bool) {
        let color = Color.white
        for t in transducers {
            let y = min(t.addedNoise, noiseGrid.high * 0.8)
            let marker: MarkerShape = t.addedNoise > noiseGrid.high || t.noiseIsLowerBound ? .triangleUp : (t.noiseAssumed ? .square : .circle)
            panel.add(.scatter(x: [t.efficiency], y: [y], marker: marker, filled: !t.noiseAssumed, color: color))
            if let (low, high) = t.noiseInterval {
                panel.add(.line(x: [t.efficiency, t.efficiency], y: [low, high], style: .solid, color: color))
            }
            guard labels else { continue }
            let text = "<span size='smaller'>"
                + (t.addedNoise > noiseGrid.high ? "\(t.label) (<i>N</i><sub>add</sub> ≈ 100)" : t.label) + "</span>"
            // Placed by the renderer next to its own marker, clear of the other markers and labels.
            panel.add(.pointLabel(text, at: DataPoint(t.efficiency, y), color: color))
        }
    }

    /// One panel of the requirement map.
    static func mapPanel(_ table: ResultTable, _ p: Parameters, arm: IonArm, lengthKm: Double, labels: Bool) throws -> Panel {
        let r = try grid(table, Columns.distillableRate, arm: arm, lengthKm: lengthKm)
        let xAxis = Axis(label: "Transducer efficiency <i>η</i><sub>t</sub>", scale: .log, limits: logExtent(r.eta))
        let yAxis = Axis(label: "<i>N</i><sub>add</sub> per mode (photons)", scale: .log, limits: logExtent(r.noise))
        let armText = arm == .demonstrated ? "demonstrated Ca<sup>+</sup> arm" : "projected Ca<sup>+</sup> arm"
        var panel = Panel(x: xAxis, y: yAxis, title: "\(armText), \(Int(lengthKm)) km", legend: .hidden)
        // Rates below the colour range (including 0 at or below the hashing threshold) take its lowest
        // colour; the colour is interpolated between the grid points (log rate), not drawn as cells.
        let clipped = r.z.map { row in row.map { $0.isFinite ? max($0, 1e-3) : Double.nan } }
        panel.add(.heatmap(Heatmap(values: clipped, x: logExtent(r.eta), y: logExtent(r.noise), colormap: .cividis,
                                   colorScale: .log, colorLimits: 1e-3...1e3, colorLabel: "Distillable rate (ebit s<sup>−1</sup>)",
                                   shading: .smooth)))
        var q = p
        q.ionArm = arm
        q.lengthKm = lengthKm
        let ends = try boundaryEnds(q, rate: 1)
        for end in [ends.low, ends.high] where end.eta.count > 1 {
            var faint = Palette.okabeIto.colors[1]
            faint.alpha = 0.6
            panel.add(.line(x: end.eta, y: end.noise, style: .longDash, color: faint))
        }
        let styles: [(Double?, LineStyle)] = [(1, .dashed), (nil, .solid), (14.8 * 30, .dotted)]
        var drawn = false
        for (modes, style) in styles {
            let b = try boundary(q, rate: 1, noiseModes: modes)
            if b.eta.count > 1 {
                panel.add(.line(x: b.eta, y: b.noise, style: style, color: Palette.okabeIto.colors[1]))
                drawn = true
            }
        }
        if r.z.flatMap({ $0 }).contains(where: { $0 >= 100 }) {
            panel.add(.contour(ContourSet(x: r.eta, y: r.noise, z: r.z, levels: [100], color: .white)))
        }
        if !drawn {
            let best = try link({ var b = q; b.transducerEfficiency = 1; b.addedNoisePhotons = 0; return b }())
            let text = best.hashingRateHz > 0
                ? String(format: "at most %.2g ebit/s", best.hashingRateHz)
                : String(format: "no distillable entanglement (F ≤ %.2f)", best.fidelity)
            panel.add(.text("<span size='smaller'>\(text)</span>", at: DataPoint(0.03, 3e-5), anchor: .center, color: .white))
        }
        addDevices(to: &panel, labels: labels)
        return panel
    }

    /// The requirement map: four panels (ion arm × length).
    static func mapFigure(_ p: Parameters) -> FigureSpec {
        FigureSpec("requirement-map", caption: "Distillable rate (hashing bound, colour) of the Ca⁺–transmon link over transducer "
            + "efficiency η_t and added noise N_add per mode, for the demonstrated ion arm (calibrated to Krutyanskiy et al. "
            + "2023; lower row) and the projected one (Schupp et al. 2021's single-node efficiency; upper row) at 10 and 100 km; "
            + "the transmon does not decay while the herald returns (its coherence is a separate requirement). Vermilion: the "
            + "1 ebit/s boundary found by root finding (requirement met below it) for 3 noise modes per detection window "
            + "(0.1 MHz filters, solid; fainter long dashes: its 5 % and 95 % points over the published detector and fiber ranges "
            + "and the assumed converter and calibration spreads, each drawn where it exists — the 5 % end only above the 95 % "
            + "point of the efficiency requirement (@tab:requirements), because below it more than 5 % of the draws reach 1 ebit/s at no "
            + "N_add, and it falls steeply towards zero just above that efficiency), 1 mode (perfect temporal-mode filtering, dashed) and 444 modes (no filter behind the "
            + "14.8 MHz transducer band, dotted); white contour: 100 ebit/s where reached. Rates below 10⁻³ ebit/s, including "
            + "zero at or below the hashing threshold, share the lowest colour. Markers: published transducers — filled "
            + "circles with the published N_add error bar where one exists (Sahu et al. 2022), open squares at an assumed "
            + "N_add = 1 (none published), triangles for a lower bound (Brubaker) or a value off the grid (Jiang, N_add ≈ 100, "
            + "drawn at the top edge).") { table in
            var panels: [Panel] = []
            for arm in [IonArm.projected, .demonstrated] {
                for length in lengths {
                    panels.append(try mapPanel(table, p, arm: arm, lengthKm: length, labels: arm == .projected && length == lengths[0]))
                }
            }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 2, height: 420)
        }
    }

    /// The headline requirement at `p` as a number (throws when unreachable, naming the draw).
    static func headline(_ quantity: Quantity, _ p: Parameters) throws -> Double {
        guard let v = try requirement(quantity, p, rate: 1).value else {
            throw ParameterError(invalid: "tornado", reason: "the 1 ebit/s \(quantity.rawValue) requirement is not reachable at a tornado end")
        }
        return v
    }

    /// Tornado of the two headline requirements (projected ion arm, 1 ebit/s, 10 km).
    static func tornadoFigure(_ p: Parameters) -> FigureSpec {
        FigureSpec("tornado", caption: "Sensitivity of the headline requirements (projected ion arm, 1 ebit/s at 10 km): (a) "
            + "the smallest transducer efficiency (N_add = 0), (b) the largest N_add per mode at η_t = 1 (photons, 3 modes "
            + "per window), (c) the smallest transmon T₂ (η_t = 1, N_add = 0). Each input set one at a "
            + "time to the 5 % and 95 % points of its range (published SNSPD and 1550 nm fiber ranges; assumed ±10 % ion "
            + "converter); bars from the nominal "
            + "requirement, widest swing on top.") { _ in
            var q = p
            q.ionArm = .projected
            var panels: [Panel] = []
            for (quantity, label) in [(Quantity.efficiency, "Required <i>η</i><sub>t</sub>"),
                                      (.noise, "Largest <i>N</i><sub>add</sub> per mode"),
                                      (.coherence, "Required transmon <i>T</i><sub>2</sub> (s)")] {
                // The projected arm does not use the calibration probability: its bar would be empty.
                let parameters = uncertainParameters.filter { $0.field != "ionCalibrationProbability" }
                let tornado = try Tornado(parameters, base: q, coverage: 0.9) { try headline(quantity, $0) }
                let bars = try TornadoBars(labels: tornado.bars.map { StationRanges.label($0.field) }, low: tornado.bars.map(\.lowOutput),
                                           high: tornado.bars.map(\.highOutput), baseline: tornado.baseline,
                                           lowLabel: "at the 5 % point", highLabel: "at the 95 % point")
                panels.append(Panel.tornado(bars, xLabel: label))
            }
            return Figure(theme: .apsDoubleColumn, panels: panels, columns: 1, height: 420)
        }
    }

    var figures: [FigureSpec] {
        [Self.mapFigure(base), Self.tornadoFigure(base)]
    }
}
