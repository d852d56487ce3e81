import Foundation
import Interlink

/// The transduction frontier of an ion–superconductor link: heralded fidelity and rate over
/// transducer efficiency η_t (10⁻⁴–1) × added noise N_add (10⁻³–10 photons), with published
/// transducers as markers and the break-even efficiency for a target rate found by root finding.
///
/// Model: a Ca⁺ cavity node (preset `ion.ca40.854.cavity`: Schupp et al. 2021; Krutyanskiy et al.
/// 2023) whose 854 nm photon is converted to 1550 nm (`FrequencyConversionStage.calcium854To1550`:
/// ≈ 30 %, ≈ 60 s⁻¹ noise, Krutyanskiy et al., Appl. Phys. B 2017) and a transmon behind an
/// electro-optic transducer (preset `transmon.transducer.eo`: Sahu et al. 2022; bandwidth and
/// repetition from Weaver et al. 2024) meet at a midpoint two-photon (Barrett–Kok) station.
/// Transducer noise: the output carries η_t·N_add noise photons per mode, counted like dark
/// clicks (false heralds carry 𝟙/4). Assumptions (stated in the report): the transmon emits its
/// microwave photon shaped to the ion photon's temporal mode (linewidth 0.03 MHz, as shaped
/// microwave photons in Kurpiers et al., Nature 558, 264, 2018), both arms use the same
/// station detectors (SNSPD, 30 µs window of the ion preset), a 0.1 MHz filter cavity (peak
/// transmission 0.9) in each arm so that the transducer noise fills ≈ 3 temporal modes of the window
/// instead of ≈ 440 and both photons keep the same spectrum, residual visibility 1 (only the spectra, noise and memory limit the fidelity).
struct TransductionFrontierStudy: Study {
    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Transducer efficiency η_t.
        var transducerEfficiency = 0.087
        /// Input-referred added noise N_add (photons per mode).
        var addedNoisePhotons = 0.16
        /// Total fiber length between the nodes (km); the station sits in the middle.
        var lengthKm = 0.1
        /// 854 → 1550 nm conversion efficiency of the ion arm.
        var ionConversionEfficiency = FrequencyConversionStage.calcium854To1550.efficiency
        /// Assumed relative standard uncertainty of the ion conversion efficiency (propagated into
        /// the break-even efficiency).
        var ionConversionRelativeUncertainty = 0.10
        /// Target heralded rate of true pairs (s⁻¹) for the break-even efficiency.
        var targetRateHz = 1.0
        /// Second distance at which the break-even efficiency is reported (km).
        var farLengthKm = 10.0
        /// Bandwidth of the filter cavities in both arms, behind the transducer and the converter
        /// (MHz; assumed, peak transmission 0.9): it limits the transducer's broadband noise to
        /// ≈ bandwidth × window temporal modes and keeps the two photons' spectra identical.
        var transmonFilterMHz = 0.1
    }

    /// A published transducer: efficiency and added noise (assumed when none was published).
    struct Transducer {
        /// Where the label sits relative to the marker.
        enum LabelSide { case right, left, above, belowRight }
        let label: String
        let reference: String
        let efficiency: Double
        let addedNoise: Double
        /// Whether `addedNoise` is an assumption (no value published).
        let noiseAssumed: Bool
        /// Label placement on the figures.
        var side = LabelSide.right
    }

    /// Devices from /work/shared/references/parameters.md. Weaver et al. 2024 and Warner et al.
    /// 2025 publish no N_add: they are placed at an assumed N_add = 1 (open markers).
    static let transducers: [Transducer] = [
        Transducer(label: "Sahu 8.7%", reference: "Sahu et al., Nat. Commun. 2022", efficiency: 0.087, addedNoise: 0.16, noiseAssumed: false),
        Transducer(label: "Sahu 15%", reference: "Sahu et al., Nat. Commun. 2022", efficiency: 0.15, addedNoise: 0.41, noiseAssumed: false),
        Transducer(label: "Brubaker", reference: "Brubaker et al., arXiv 2112.13429 (N_add ≥ 3.2)", efficiency: 0.47, addedNoise: 3.2, noiseAssumed: false, side: .left),
        Transducer(label: "Zhao 2.2%", reference: "Zhao et al., arXiv 2406.02704", efficiency: 0.022, addedNoise: 0.94, noiseAssumed: false, side: .belowRight),
        Transducer(label: "Zhao 0.47%", reference: "Zhao et al., arXiv 2406.02704", efficiency: 0.0047, addedNoise: 0.58, noiseAssumed: false, side: .left),
        Transducer(label: "Weaver", reference: "Weaver et al. 2024 (no N_add published)", efficiency: 0.009, addedNoise: 1, noiseAssumed: true, side: .left),
        Transducer(label: "Warner", reference: "Warner et al., Nat. Phys. 2025 (no N_add published)", efficiency: 0.0118, addedNoise: 1, noiseAssumed: true, side: .above),
        Transducer(label: "Jiang", reference: "Jiang et al., Nat. Phys. 2023 (N_add ≈ 100)", efficiency: 0.05, addedNoise: 100, noiseAssumed: false),
    ]

    init() {}

    var identifier: String { "transduction-frontier" }
    var title: String { "Transduction frontier: an ion–superconductor link over transducer efficiency and added noise" }
    var summary: String {
        "Heralded fidelity and rate of a Ca⁺–transmon link at telecom over transducer efficiency 10⁻⁴–1 and added "
            + "noise 10⁻³–10 photons, with published transducers marked and the break-even efficiency for 1 pair/s "
            + "found by root finding."
    }
    var version: Int { 1 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    var presets: [any PresetDescribing] { [PresetName.calcium854Cavity, PresetName.transmonElectroOptic] }
    var reportTemplate: String? { "transduction-frontier" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "An ion–transmon link needs transducer efficiency η_t ≥ {{numbers.breakEvenEfficiencyNear}} for 1 true pair/s at 0.1 km, and at Sahu et al.'s 8.7 % efficiency added noise N_add ≤ {{values.noiseThreshold90AtSahu}} for F ≥ 0.9; {{numbers.devicesAbove90}} of {{numbers.devicesTotal}} published transducers reach F = 0.9."
    }
    var parameterUnits: [String: String] {
        ["addedNoisePhotons": "photons", "lengthKm": "km", "farLengthKm": "km", "targetRateHz": "1/s"]
    }

    /// Grid: 41 × 41 log-spaced points (10 per decade).
    static let efficiencyGrid = (low: 1e-4, high: 1.0, count: 41)
    static let noiseGrid = (low: 1e-3, high: 10.0, count: 41)

    var sweep: Sweep<Parameters> {
        .grid(.logspace(\.addedNoisePhotons, from: Self.noiseGrid.low, through: Self.noiseGrid.high, count: Self.noiseGrid.count),
              .logspace(\.transducerEfficiency, from: Self.efficiencyGrid.low, through: Self.efficiencyGrid.high,
                        count: Self.efficiencyGrid.count))
    }

    // MARK: Model

    /// The link configuration of one point.
    static func configuration(_ p: Parameters, lengthKm: Double? = nil, ionConversion: Double? = nil,
                              efficiency: Double? = nil, addedNoise: Double? = nil) throws -> LinkConfiguration {
        var ion = try ModalityPreset.arm(named: "ion.ca40.854.cavity")
        var conversion = FrequencyConversionStage.calcium854To1550
        conversion.efficiency = ionConversion ?? p.ionConversionEfficiency
        ion.conversion = conversion
        var sc = try ModalityPreset.arm(named: "transmon.transducer.eo")
        sc.node.photon.linewidthMHz = ion.node.photon.linewidthMHz
        sc.detector = ion.detector
        sc.transducer?.efficiency = efficiency ?? p.transducerEfficiency
        sc.transducer?.addedNoisePhotons = addedNoise ?? p.addedNoisePhotons
        // The same filter cavity in both arms keeps the two photons' spectra identical.
        let filter = SpectralFilterStage(bandwidthMHz: p.transmonFilterMHz, peakTransmission: 0.9)
        sc.filter = filter
        ion.filter = filter
        return LinkConfiguration.midpoint(armA: ion, armB: sc, totalLengthKm: lengthKm ?? p.lengthKm, scheme: .twoPhoton,
                                          residualVisibility: 1)
    }

    /// The evaluated link of one point.
    static func link(_ p: Parameters, lengthKm: Double? = nil, ionConversion: Double? = nil,
                     efficiency: Double? = nil, addedNoise: Double? = nil) throws -> LinkModel {
        try LinkModel(configuration: configuration(p, lengthKm: lengthKm, ionConversion: ionConversion,
                                                   efficiency: efficiency, addedNoise: addedNoise))
    }

    /// Checks the point's configuration without evaluating the model (the engine does, once).
    func validate(_ parameters: Parameters) throws {
        try Self.configuration(parameters).validate(at: "link")
        guard parameters.targetRateHz > 0, parameters.targetRateHz.isFinite else {
            throw ParameterError(path: "targetRateHz", value: "\(parameters.targetRateHz)", allowed: "> 0")
        }
        guard (0..<1).contains(parameters.ionConversionRelativeUncertainty) else {
            throw ParameterError(path: "ionConversionRelativeUncertainty", value: "\(parameters.ionConversionRelativeUncertainty)",
                                 allowed: "in [0, 1)")
        }
    }

    var engine: Engine<Parameters> {
        .analytic { p in
            let link = try Self.link(p)
            return [
                Metric("fidelity", link.fidelity),
                Metric("trueRate", link.trueHeraldRateHz, unit: "1/s"),
                Metric("rate", link.rateHz, unit: "1/s"),
                Metric("distillableRate", link.hashingRateHz, unit: "1/s"),
                Metric("noisePhotonsTransmon", link.armB.noisePhotonsPerWindow),
                Metric("transmonArmEfficiency", link.armB.endToEndEfficiency),
            ]
        }
    }

    // MARK: Derived results

    /// The transducer efficiency at which the true-pair rate equals `target`, by Brent's method on
    /// log10(rate(η_t)) − log10(target) over log10 η_t ∈ [−6, 0]; returns η* and the final
    /// bracket's half-width mapped to η.
    static func breakEven(_ p: Parameters, lengthKm: Double, ionConversion: Double) throws -> (efficiency: Double, bracketHalfWidth: Double) {
        func f(_ logEta: Double) throws -> Double {
            let rate = try link(p, lengthKm: lengthKm, ionConversion: ionConversion, efficiency: pow(10, logEta)).trueHeraldRateHz
            return log10(rate) - log10(p.targetRateHz)
        }
        let root = try RootFinder.brent(lower: -6, upper: 0, relativeTolerance: 1e-10, f)
        let eta = pow(10, root.x)
        return (eta, eta * log(10) * (root.upper - root.lower) / 2)
    }

    /// Break-even efficiency with its standard uncertainty: the assumed relative uncertainty σ of
    /// the ion conversion efficiency propagated by re-solving at (1 ± σ)·η_QFC (half the spread),
    /// combined in quadrature with the root's bracket half-width.
    static func breakEvenWithUncertainty(_ p: Parameters, lengthKm: Double) throws -> Metric {
        let c = p.ionConversionEfficiency, s = p.ionConversionRelativeUncertainty
        let central = try breakEven(p, lengthKm: lengthKm, ionConversion: c)
        let low = try breakEven(p, lengthKm: lengthKm, ionConversion: c * (1 - s))
        let high = try breakEven(p, lengthKm: lengthKm, ionConversion: min(1, c * (1 + s)))
        let propagated = abs(low.efficiency - high.efficiency) / 2
        let u = (propagated * propagated + central.bracketHalfWidth * central.bracketHalfWidth).squareRoot()
        return Metric("", central.efficiency, uncertainty: u)
    }

    /// Largest N_add at which the fidelity still reaches `target` at efficiency η_t, by Brent's
    /// method on F(log10 N_add) − target over N_add ∈ [10⁻⁶, 10³].
    static func noiseThreshold(_ p: Parameters, efficiency: Double, fidelity target: Double) throws -> (value: Double, halfWidth: Double) {
        let root = try RootFinder.brent(lower: -6, upper: 3, relativeTolerance: 1e-6) { logN in
            try link(p, efficiency: efficiency, addedNoise: pow(10, logN)).fidelity - target
        }
        let n = pow(10, root.x)
        return (n, n * log(10) * (root.upper - root.lower) / 2)
    }

    /// Smallest transducer efficiency at which a noiseless transducer (N_add = 0) still reaches
    /// fidelity `target` (the ion arm's conversion noise and the dark counts set this floor), by
    /// Brent's method over log10 η_t ∈ [−6, 0].
    static func efficiencyFloor(_ p: Parameters, fidelity target: Double) throws -> (value: Double, halfWidth: Double) {
        let root = try RootFinder.brent(lower: -6, upper: 0, relativeTolerance: 1e-6) { logEta in
            try link(p, efficiency: pow(10, logEta), addedNoise: 0).fidelity - target
        }
        let eta = pow(10, root.x)
        return (eta, eta * log(10) * (root.upper - root.lower) / 2)
    }

    /// A threshold with its standard uncertainty: the ion conversion efficiency's assumed relative
    /// uncertainty propagated by re-evaluating at (1 ± σ) (half the spread), in quadrature with the
    /// root's bracket half-width.
    static func propagated(_ p: Parameters, _ solve: (Parameters) throws -> (value: Double, halfWidth: Double)) throws -> (value: Double, uncertainty: Double) {
        let central = try solve(p)
        var low = p, high = p
        low.ionConversionEfficiency *= 1 - p.ionConversionRelativeUncertainty
        high.ionConversionEfficiency = min(1, high.ionConversionEfficiency * (1 + p.ionConversionRelativeUncertainty))
        let spread = abs(try solve(high).value - solve(low).value) / 2
        return (central.value, (spread * spread + central.halfWidth * central.halfWidth).squareRoot())
    }

    var derived: [Derivation] {
        let p = base
        return [
            Derivation("break-even efficiency") { _ in
                let near = try Self.breakEvenWithUncertainty(p, lengthKm: p.lengthKm)
                let far = try Self.breakEvenWithUncertainty(p, lengthKm: p.farLengthKm)
                let nearBracket = try Self.breakEven(p, lengthKm: p.lengthKm, ionConversion: p.ionConversionEfficiency)
                let atOne = try Self.link(p, efficiency: 1)
                return [
                    Metric("breakEvenEfficiencyNear", near.value, uncertainty: near.uncertainty),
                    Metric("breakEvenBracketHalfWidthNear", nearBracket.bracketHalfWidth),
                    Metric("breakEvenEfficiencyFar", far.value, uncertainty: far.uncertainty),
                    Metric("rateAtUnitEfficiency", atOne.trueHeraldRateHz, unit: "1/s"),
                    Metric("attemptPeriodNear", atOne.attemptPeriod.periodSeconds * 1e6, unit: "µs"),
                    Metric("lengthNear", p.lengthKm, unit: "km"),
                    Metric("lengthFar", p.farLengthKm, unit: "km"),
                    Metric("targetRate", p.targetRateHz, unit: "1/s"),
                ]
            },
            Derivation("noise thresholds") { table in
                let sahu = try Self.propagated(p) { try Self.noiseThreshold($0, efficiency: 0.087, fidelity: 0.9) }
                let ideal90 = try Self.propagated(p) { try Self.noiseThreshold($0, efficiency: 1, fidelity: 0.9) }
                let floor = try Self.propagated(p) { try Self.efficiencyFloor($0, fidelity: 0.9) }
                let quietSahu = try Self.link(p, efficiency: 0.087, addedNoise: 0)
                let quietUnit = try Self.link(p, efficiency: 1, addedNoise: 0)
                let maxGrid = try table.values("fidelity").filter(\.isFinite).max() ?? 0
                return [
                    Metric("noiseThreshold90AtSahu", sahu.value, unit: "photons", uncertainty: sahu.uncertainty),
                    Metric("noiseThreshold90AtUnit", ideal90.value, unit: "photons", uncertainty: ideal90.uncertainty),
                    Metric("efficiencyFloor90", floor.value, uncertainty: floor.uncertainty),
                    Metric("fidelityNoiselessAtSahu", quietSahu.fidelity),
                    Metric("fidelityNoiselessAtUnit", quietUnit.fidelity),
                    Metric("maxFidelityOnGrid", maxGrid),
                    Metric("modeOverlap", quietUnit.modeOverlap),
                    Metric("noiseClickFloor", HeraldOutcome.noiseClickProbability(
                        darkA: quietUnit.armA.darkClickProbability, darkB: quietUnit.armB.darkClickProbability,
                        noisePhotons: quietUnit.armA.noisePhotonsPerWindow)),
                ]
            },
            Derivation("published transducers") { _ in
                var metrics: [Metric] = []
                var above90 = 0, aboveTarget = 0
                for t in Self.transducers {
                    let link = try Self.link(p, efficiency: t.efficiency, addedNoise: t.addedNoise)
                    if link.fidelity >= 0.9 { above90 += 1 }
                    if link.trueHeraldRateHz >= p.targetRateHz { aboveTarget += 1 }
                }
                let sahu = try Self.link(p, efficiency: 0.087, addedNoise: 0.16)
                metrics.append(Metric("fidelitySahu", sahu.fidelity))
                metrics.append(Metric("trueRateSahu", sahu.trueHeraldRateHz, unit: "1/s"))
                metrics.append(Metric("distillableRateSahu", sahu.hashingRateHz, unit: "1/s"))
                metrics.append(Metric("devicesAbove90", Double(above90)))
                metrics.append(Metric("devicesTotal", Double(Self.transducers.count)))
                metrics.append(Metric("devicesAboveTarget", Double(aboveTarget)))
                return metrics
            },
        ]
    }

    // MARK: Figures and tables

    /// Grid of one metric: `z[row][column]` with rows N_add, columns η_t.
    static func grid(_ table: ResultTable, _ metric: String) throws -> (eta: [Double], noise: [Double], z: [[Double]]) {
        let grid = try table.grid(x: "transducerEfficiency", y: "addedNoisePhotons", value: metric)
        return (grid.x, grid.y, grid.z)
    }

    /// Heatmap extent with cells centred on log-spaced grid points.
    static func logExtent(_ values: [Double]) -> ClosedRange<Double> {
        guard let first = values.first, let last = values.last, values.count > 1 else { return 1e-4...1 }
        let half = (log10(last) - log10(first)) / Double(values.count - 1) / 2
        return pow(10, log10(first) - half)...pow(10, log10(last) + half)
    }

    /// The published transducers as markers and labels on a frontier panel.
    static func addDevices(to panel: inout Panel, color: Color) {
        for t in transducers {
            let y = min(t.addedNoise, noiseGrid.high * 0.8)
            let marker: MarkerShape = t.addedNoise > noiseGrid.high ? .triangleUp : (t.noiseAssumed ? .square : .circle)
            panel.add(.scatter(x: [t.efficiency], y: [y], marker: marker, filled: !t.noiseAssumed, color: color))
            let text = "<span size='smaller'>"
                + (t.addedNoise > noiseGrid.high ? "\(t.label) (<i>N</i><sub>add</sub> ≈ 100)" : t.label) + "</span>"
            switch t.side {
            case .right: panel.add(.text(text, at: DataPoint(t.efficiency * 1.3, y), anchor: .left, color: color))
            case .left: panel.add(.text(text, at: DataPoint(t.efficiency / 1.3, y), anchor: .right, color: color))
            case .above: panel.add(.text(text, at: DataPoint(t.efficiency, y * 1.35), anchor: .bottom, color: color))
            case .belowRight: panel.add(.text(text, at: DataPoint(t.efficiency * 1.2, y / 1.5), anchor: .left, color: color))
            }
        }
    }

    var figures: [FigureSpec] {
        let p = base
        return [
            FigureSpec("frontier", caption: "Ca⁺–transmon link at \(Self.format(p.lengthKm)) km over transducer efficiency "
                + "η_t and added noise N_add. (a) Heralded fidelity with contours at F = 0.9 and 0.99. (b) Distillable "
                + "rate (hashing bound, ebit/s) with contours at 1 and 10 s⁻¹; the dashed line is the break-even "
                + "efficiency at which true pairs arrive at 1 s⁻¹. Markers: published transducers (filled circles: "
                + "published N_add; squares: no N_add published, placed at an assumed N_add = 1; triangle: "
                + "Jiang et al. 2023 at N_add ≈ 100, drawn at the top edge). F = 0.99 is reached nowhere on this grid "
                + "(see Findings). In (b) rates below 10⁻³ s⁻¹, including zero, share the lowest colour.") { table in
                let f = try Self.grid(table, "fidelity")
                let r = try Self.grid(table, "distillableRate")
                let xAxis = Axis(label: "Transducer efficiency <i>η</i><sub>t</sub>", scale: .log,
                                 limits: Self.logExtent(f.eta))
                let yAxis = Axis(label: "Added noise <i>N</i><sub>add</sub> (photons)", scale: .log, limits: Self.logExtent(f.noise))
                var fidelity = Panel(x: xAxis, y: yAxis, legend: .hidden)
                fidelity.add(.heatmap(Heatmap(values: f.z, x: Self.logExtent(f.eta), y: Self.logExtent(f.noise), colormap: .viridis,
                                              colorLimits: 0.25...1, colorLabel: "Fidelity <i>F</i>")))
                fidelity.add(.contour(ContourSet(x: f.eta, y: f.noise, z: f.z, levels: [0.9, 0.99], color: .white)))
                Self.addDevices(to: &fidelity, color: .white)
                var rate = Panel(x: xAxis, y: yAxis, legend: .hidden)
                // Rates below the colour range (including 0 below the hashing threshold) take its lowest colour.
                let positive = r.z.map { row in row.map { $0.isFinite ? max($0, 1e-3) : Double.nan } }
                rate.add(.heatmap(Heatmap(values: positive, x: Self.logExtent(r.eta), y: Self.logExtent(r.noise), colormap: .cividis,
                                          colorScale: .log, colorLimits: 1e-3...1e3,
                                          colorLabel: "Distillable rate (s<sup>−1</sup>)")))
                rate.add(.contour(ContourSet(x: r.eta, y: r.noise, z: r.z, levels: [1, 10], color: .white)))
                let be = try Self.breakEven(p, lengthKm: p.lengthKm, ionConversion: p.ionConversionEfficiency)
                rate.add(.reference(.x, at: be.efficiency, style: .dashed, color: .white))
                Self.addDevices(to: &rate, color: .white)
                return Figure(theme: .apsDoubleColumn, panels: [fidelity, rate], columns: 2, height: 230)
            },
            FigureSpec("cuts", caption: "Cuts through the frontier at \(Self.format(p.lengthKm)) km. (a) True-pair rate "
                + "(independent of N_add) and distillable rate versus η_t at three values of N_add; the dotted line is "
                + "the 1 s⁻¹ target and the dashed line the break-even efficiency. (b) Fidelity versus N_add at three "
                + "efficiencies, with F = 0.9 and 0.99 (dotted).") { table in
                var rates = Panel(x: Axis(label: "Transducer efficiency <i>η</i><sub>t</sub>", scale: .log, limits: 1e-4...1),
                                  y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log, limits: 1e-3...1e3), legend: .topLeft)
                let noiseValues = Array(Set(try table.values("addedNoisePhotons"))).sorted()
                func nearest(_ list: [Double], _ v: Double) -> Double {
                    list.min(by: { abs(log10($0) - log10(v)) < abs(log10($1) - log10(v)) }) ?? v
                }
                let lowNoise = nearest(noiseValues, 0.01)
                let first = table.filter { $0.number("addedNoisePhotons") == lowNoise }
                rates.add(.line(x: try first.values("transducerEfficiency"), y: try first.values("trueRate"),
                                label: "true pairs", style: .solid, color: .black))
                let palette = Theme.apsDoubleColumn.palette
                for (index, n) in [0.001, 0.01, 0.16].enumerated() {
                    let v = nearest(noiseValues, n)
                    let rows = table.filter { $0.number("addedNoisePhotons") == v }
                    let y = try rows.values("distillableRate").map { $0 > 0 ? $0 : Double.nan }
                    rates.add(.line(x: try rows.values("transducerEfficiency"), y: y,
                                    label: "distillable, <i>N</i><sub>add</sub> = \(Self.format(v))",
                                    style: .dashed, color: palette[index]))
                }
                rates.add(.reference(.y, at: p.targetRateHz, style: .dotted))
                let be = try Self.breakEven(p, lengthKm: p.lengthKm, ionConversion: p.ionConversionEfficiency)
                rates.add(.reference(.x, at: be.efficiency, style: .dashed))
                var fid = Panel(x: Axis(label: "Added noise <i>N</i><sub>add</sub> (photons)", scale: .log, limits: 1e-3...10),
                                y: Axis(label: "Fidelity <i>F</i>", limits: 0.25...1), legend: .bottomLeft)
                let etaValues = Array(Set(try table.values("transducerEfficiency"))).sorted()
                for (index, e) in [0.01, 0.1, 1.0].enumerated() {
                    let v = nearest(etaValues, e)
                    let rows = table.filter { $0.number("transducerEfficiency") == v }
                    fid.add(.line(x: try rows.values("addedNoisePhotons"), y: try rows.values("fidelity"),
                                  label: "<i>η</i><sub>t</sub> = \(Self.format(v))", style: LineStyle.cycle[index], color: palette[index]))
                }
                fid.add(.reference(.y, at: 0.9, style: .dotted))
                fid.add(.reference(.y, at: 0.99, style: .dotted))
                return Figure(theme: .apsDoubleColumn, panels: [rates, fid], columns: 2, height: 200)
            },
        ]
    }

    /// Three significant digits, plain text.
    static func format(_ v: Double) -> String {
        String(format: "%.3g", v)
    }

    var tables: [TableSpec] {
        let p = base
        return [TableSpec("published-transducers", caption: "Published transducers in this link at \(Self.format(p.lengthKm)) km") { (_: ResultTable) in
            let rows: [[DataTable.Cell]] = try Self.transducers.map { t in
                let link = try Self.link(p, efficiency: t.efficiency, addedNoise: t.addedNoise)
                return [.text(t.label), .text(t.reference), .number(t.efficiency, uncertainty: nil),
                        .number(t.addedNoise, uncertainty: nil), .text(t.noiseAssumed ? "assumed" : "published"),
                        .number(link.fidelity, uncertainty: nil), .number(link.trueHeraldRateHz, uncertainty: nil),
                        .number(link.hashingRateHz, uncertainty: nil)]
            }
            return try DataTable(columns: [DataTable.Column("device"), DataTable.Column("source"), DataTable.Column("eta_t"),
                                           DataTable.Column("N_add", unit: "photons"), DataTable.Column("N_add is"),
                                           DataTable.Column("F"), DataTable.Column("true rate", unit: "1/s"),
                                           DataTable.Column("distillable rate", unit: "1/s")], rows: rows)
        }]
    }
}
