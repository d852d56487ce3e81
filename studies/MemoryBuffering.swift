import Foundation
import Interlink

/// Memory buffering: superconducting modules (transmon + electro-optic transducer) that park their
/// half of each heralded pair in a long-lived ion or diamond memory, versus holding it in the
/// transmon, in a two-link repeater A — R — B (all three nodes such hybrid modules).
///
/// Closed forms: `TwoLinkRepeaterModel` (synchronous rounds, age-difference distribution with
/// cutoff, exact expected memory decoherence; Brand, Coopmans & Elkouss, IEEE JSAC 38, 619 (2020)).
/// Monte Carlo: `RepeaterSimulation` on the `SimulatedLink` view of the same links.
///
/// Model of parking (labelled assumptions): the transmon's half is transferred to the memory right
/// after emission, so it waits for the herald and for the partner link in the memory (T1/T2 of the
/// memory preset). The transfer is a depolarising channel with the memory node's two-qubit
/// depolarising probability p = 4(1 − F₂q)/3; for Bell-diagonal pairs and swaps it multiplies
/// F − 1/4 by (1 − p) per parked half (four halves: both ends of both links). Transfer time is
/// neglected. The transducer's added noise is a study parameter (0.01 photons, projected; the
/// preset's 0.16 measured by Sahu et al. 2022 is reported alongside).
struct MemoryBufferingStudy: Study {
    /// Where a superconducting module keeps its half while it waits.
    enum Storage: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// In the transmon itself (T1 = T2 = 100 µs).
        case transmon
        /// Parked in a ⁸⁸Sr⁺ ion memory (T2 = 85 ms).
        case ionSr = "ion.sr88.422"
        /// Parked in a ⁴⁰Ca⁺ ion memory (T2 = 10 s).
        case ionCa = "ion.ca40.854.cavity"
        /// Parked in a diamond SiV ²⁹Si memory (T2 = 2.1 s).
        case diamond = "diamond.siv.1350"
        /// The name in files and tables.
        var description: String { rawValue }
        /// Label in figures.
        var label: String {
            switch self {
            case .transmon: "transmon (100 µs)"
            case .ionSr: "Sr<sup>+</sup> memory (85 ms)"
            case .ionCa: "Ca<sup>+</sup> memory (10 s)"
            case .diamond: "SiV memory (2.1 s)"
            }
        }
    }

    /// Which part of the study a point belongs to.
    enum Part: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Closed-form rate and fidelity versus distance, no cutoff.
        case distance
        /// Closed-form scan of the cutoff at fixed distance.
        case cutoff
        /// Monte Carlo waiting times and fidelity.
        case monteCarlo = "monte-carlo"
        /// The name in files and tables.
        var description: String { rawValue }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Part of the study.
        var part = Part.distance
        /// Storage of every module's half.
        var storage = Storage.transmon
        /// Total distance A–B (km); the repeater sits in the middle, each link has a midpoint station.
        var lengthKm = 20.0
        /// Whether a cutoff applies.
        var useCutoff = false
        /// Cutoff (s): a stored pair older than this is discarded (used when `useCutoff`).
        var cutoffSeconds = 1.0
        /// Cutoff in whole rounds for the Monte Carlo points (cutoff = rounds × τ), 0 = none.
        var cutoffRounds = 0
        /// Added noise of the transducer (photons; projected value, preset 0.16).
        var addedNoisePhotons = 0.01
        /// Residual two-photon visibility V₀ (assumption).
        var residualVisibility = 0.95
        /// Fidelity target for the optimal cutoff.
        var targetFidelity = 0.7
        /// Delivered pairs per Monte Carlo point.
        var monteCarloPairs = 200_000
    }

    init() {}

    /// Creates the study with other constants (for example fewer pairs in tests).
    init(base: Parameters) { customBase = base }

    private var customBase: Parameters?

    var identifier: String { "memory-buffering" }
    var title: String { "Memory buffering: parking a superconducting qubit's half in an ion or diamond memory" }
    var summary: String {
        "Superconducting modules that park their half of each heralded pair in an ion or diamond memory versus "
            + "holding it in the transmon, in a two-link repeater: delivered fidelity and rate versus distance, "
            + "the optimal memory cutoff, and Monte Carlo waiting-time distributions against the closed forms."
    }
    var version: Int { 1 }
    var base: Parameters { customBase ?? Parameters() }
    var rootSeed: UInt64 { 5 }
    var sourceFile: String? { #filePath }
    var presets: [any PresetDescribing] { [PresetName.transmonElectroOptic, PresetName.strontium422, PresetName.calcium854Cavity, PresetName.siliconVacancy1350] }
    var reportTemplate: String? { "memory-buffering" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "At 20 km, parking the transmon's half in a Ca⁺ memory delivers F = {{numbers.fidelity_ca_20km}} and in SiV F = {{numbers.fidelity_siv_20km}}, against {{numbers.fidelity_transmon_20km}} when the transmon holds it; an Sr⁺ memory keeps F ≥ {{numbers.targetFidelity}} only to {{values.reach_sr}}."
    }
    var parameterUnits: [String: String] { ["lengthKm": "km", "cutoffSeconds": "s"] }

    /// Total distance of the cutoff scan and the Monte Carlo points (km).
    static let scanLengthKm = 20.0
    /// Monte Carlo points: (storage, cutoff rounds).
    static let monteCarloPoints: [(Storage, Int)] = [(.ionSr, 0), (.ionSr, 400), (.transmon, 5)]
    /// Panel titles of the Monte Carlo points, in the order of `monteCarloPoints`.
    static let monteCarloTitles = [
        "Sr<sup>+</sup> memory, no cutoff", "Sr<sup>+</sup> memory, 400-round cutoff", "transmon, 5-round cutoff",
    ]
    /// Number of bins of the waiting-time histograms, over [0, 4 × closed-form mean) rounds.
    static let histogramBins = 40

    var sweep: Sweep<Parameters> {
        let mc = Self.monteCarloPoints.map { storage, rounds in
            var p = base
            p.part = .monteCarlo
            p.storage = storage
            p.lengthKm = Self.scanLengthKm
            p.cutoffRounds = rounds
            return p
        }
        return .concat(
            .grid(.values(\.part, [.distance]), .values(\.storage, Storage.allCases),
                  .linspace(\.lengthKm, from: 0, through: 100, count: 51)),
            .grid(.values(\.part, [.cutoff]), .values(\.storage, Storage.allCases),
                  .values(\.lengthKm, [Self.scanLengthKm]), .values(\.useCutoff, [true]),
                  .logspace(\.cutoffSeconds, from: 1e-5, through: 10, count: 61)),
            .points(mc, label: "Monte Carlo points")
        )
    }

    /// The superconducting arm of `p`, its memory replaced by the storage's.
    static func arm(_ p: Parameters, fiberKm: Double) throws -> ArmConfiguration {
        var arm = try ModalityPreset.arm(named: "transmon.transducer.eo")
        arm.transducer?.addedNoisePhotons = p.addedNoisePhotons
        if p.storage != .transmon {
            arm.node.memory = try ModalityPreset.arm(named: p.storage.rawValue).node.memory
        }
        arm.fiber.lengthKm = fiberKm
        return arm
    }

    /// The repeater configuration: two identical links of length L/2, each with a midpoint station.
    static func configuration(_ p: Parameters, cutoffSeconds: Double?) throws -> RepeaterConfiguration {
        let arm = try arm(p, fiberKm: 0)
        let link = LinkConfiguration.midpoint(
            armA: arm, armB: arm, totalLengthKm: p.lengthKm / 2, scheme: .twoPhoton,
            residualVisibility: p.residualVisibility)
        return RepeaterConfiguration(linkA: link, linkB: link, cutoffSeconds: cutoffSeconds)
    }

    /// Depolarising probability of one transfer into the memory (0 for the transmon).
    static func transferProbability(_ storage: Storage) throws -> Double {
        guard storage != .transmon else { return 0 }
        return try ModalityPreset.arm(named: storage.rawValue).node.operations.twoQubitDepolarizingProbability
    }

    /// Fidelity after the four transfers: F − 1/4 scales by (1 − p)⁴.
    static func afterTransfers(_ f: Double, _ p: Double) -> Double {
        0.25 + (f - 0.25) * pow(1 - p, 4)
    }

    func validate(_ parameters: Parameters) throws {
        try Self.configuration(parameters, cutoffSeconds: parameters.useCutoff ? parameters.cutoffSeconds : nil)
            .validate(at: "repeater")
        guard parameters.cutoffRounds >= 0 else {
            throw ParameterError(path: "cutoffRounds", value: "\(parameters.cutoffRounds)", allowed: "≥ 0")
        }
        guard parameters.monteCarloPairs >= 2 else {
            throw ParameterError(path: "monteCarloPairs", value: "\(parameters.monteCarloPairs)", allowed: "≥ 2")
        }
    }

    var engine: Engine<Parameters> {
        .custom("closed-form-and-monte-carlo") { p, stream in
            let transfer = try Self.transferProbability(p.storage)
            switch p.part {
            case .distance, .cutoff:
                let model = try TwoLinkRepeaterModel(configuration: Self.configuration(
                    p, cutoffSeconds: p.useCutoff ? p.cutoffSeconds : nil))
                return [
                    Metric("rate", model.rateHz, unit: "1/s"),
                    Metric("fidelity", Self.afterTransfers(model.fidelity, transfer)),
                    Metric("linkFidelity", Self.afterTransfers(model.linkA.fidelity, transfer)),
                    Metric("roundPeriod", model.roundPeriodSeconds, unit: "s"),
                    Metric("successProbability", model.linkA.successProbabilityPerRound),
                    Metric("meanRounds", model.meanRounds),
                ]
            case .monteCarlo:
                return try Self.monteCarlo(p, transfer: transfer, stream: stream)
            }
        }
    }

    /// One Monte Carlo point: the repeater chain, its waiting-time histogram (in rounds, with the
    /// exact distribution of max(K₁, K₂) per bin when there is no cutoff) and the closed forms.
    static func monteCarlo(_ p: Parameters, transfer: Double, stream: RandomStream) throws -> [Metric] {
        let probe = try TwoLinkRepeaterModel(configuration: configuration(p, cutoffSeconds: nil))
        let tau = probe.roundPeriodSeconds
        let cutoff: Double? = p.cutoffRounds > 0 ? (Double(p.cutoffRounds) + 1e-9) * tau : nil
        let config = try configuration(p, cutoffSeconds: cutoff)
        let model = try TwoLinkRepeaterModel(configuration: config)
        let chain = try RepeaterChain(twoLink: config)
        let histogramRounds = (4 * model.meanRounds / Double(histogramBins)).rounded(.up) * Double(histogramBins)
        // Edges at half-integer rounds, so bin k holds exactly K = k·w + 1 … (k + 1)·w rounds.
        let binning = Histogram.Binning.linear(
            lower: 0.5 * tau, upper: (histogramRounds + 0.5) * tau, count: histogramBins)
        let metrics = try RepeaterSimulation.run(
            chain, pairs: p.monteCarloPairs, stream: stream,
            configuration: MetricsConfiguration(waitingTimeBinning: binning))
        guard let histogram = metrics.waitingTimeHistogram else {
            throw SweepError("the waiting-time histogram was not recorded")
        }
        let meanWaitRounds = metrics.waitingTime.mean / tau
        let seRounds = (metrics.waitingTime.standardErrorOfMean ?? 0) / tau
        var out = [
            Metric("rate", metrics.rate, unit: "1/s", uncertainty: metrics.rateStandardError),
            Metric("fidelity", afterTransfers(metrics.meanFidelity, transfer),
                   uncertainty: metrics.meanFidelityStandardError * pow(1 - transfer, 4)),
            Metric("meanWaitRounds", meanWaitRounds, uncertainty: seRounds),
            Metric("analyticMeanRounds", model.meanRounds),
            Metric("analyticRate", model.rateHz, unit: "1/s"),
            Metric("analyticFidelity", afterTransfers(model.fidelity, transfer)),
            Metric("roundPeriod", tau, unit: "s"),
            Metric("successProbability", model.linkA.successProbabilityPerRound),
            Metric("overflowFraction", histogram.overflow / Double(metrics.delivered)),
            Metric("histogramRounds", histogramRounds),
        ]
        let q = 1 - model.linkA.successProbabilityPerRound
        let width = histogramRounds / Double(histogramBins)
        for (k, count) in histogram.counts.enumerated() {
            out.append(Metric(String(format: "hist%02d", k), count / Double(metrics.delivered)))
            // P(a < max(K₁, K₂) ≤ b) = (1 − q^b)² − (1 − q^a)² for integer a, b (identical links,
            // no cutoff), with a = k·w and b = (k + 1)·w.
            let a = Double(k) * width, b = Double(k + 1) * width
            let cdf: (Double) -> Double = { r in r <= 0 ? 0 : pow(-expm1(r * log(q)), 2) }
            out.append(Metric(String(format: "exact%02d", k), p.cutoffRounds > 0 ? .nan : cdf(b) - cdf(a)))
        }
        return out
    }

    /// Rows of one part and storage.
    static func rows(_ table: ResultTable, _ part: Part, _ storage: Storage) -> ResultTable {
        table.filter {
            $0.parameters["part"] == .string(part.rawValue) && $0.parameters["storage"] == .string(storage.rawValue)
        }
    }

    /// The optimal cutoff of one storage: the largest cutoff whose delivered fidelity still meets the
    /// target (the rate grows with the cutoff, the fidelity falls), found as the crossing of a
    /// cubic spline through log10(cutoff) ↦ fidelity; uncertainty = max(one round period, distance
    /// to the crossing of the linear interpolant). Nil when the target is met at every cutoff or none.
    static func optimalCutoff(_ table: ResultTable, _ storage: Storage, target: Double) throws
        -> (cutoff: Double, uncertainty: Double, rate: Double)?
    {
        let rows = rows(table, .cutoff, storage)
        let x = try rows.values("cutoffSeconds").map { log10($0) }
        let f = try rows.values("fidelity"), rate = try rows.values("rate")
        guard let tau = try rows.values("roundPeriod").first else { return nil }
        guard let last = f.indices.last(where: { f[$0] >= target }), last < f.count - 1 else { return nil }
        let cubic = try Spline(x: x, y: f, kind: .cubic)
        let linear = try Spline(x: x, y: f, kind: .linear)
        let window = x[last]...x[last + 1]
        guard let root = try cubic.crossings(of: target).first(where: { window.contains($0) }) ?? linear
            .crossings(of: target).first(where: { window.contains($0) }),
            let rootLinear = try linear.crossings(of: target).first(where: { window.contains($0) }) else { return nil }
        let cutoff = pow(10, root)
        let rateSpline = try Spline(x: x, y: rate.map { log10(max($0, 1e-300)) }, kind: .linear)
        return (cutoff, max(tau, abs(cutoff - pow(10, rootLinear))), pow(10, try rateSpline.value(at: root)))
    }

    /// Tag of a storage in metric names.
    static func tag(_ s: Storage) -> String {
        switch s {
        case .transmon: "transmon"
        case .ionSr: "sr"
        case .ionCa: "ca"
        case .diamond: "siv"
        }
    }

    var derived: [Derivation] {
        let base = self.base
        return [
            Derivation("rate and fidelity at 0, 20 and 100 km (no cutoff)") { table in
                var out: [Metric] = []
                for s in Storage.allCases {
                    let rows = Self.rows(table, .distance, s)
                    for l in [0.0, 20, 100] {
                        guard let r = rows.rows.first(where: { $0.number("lengthKm") == l }),
                              let f = r.number("fidelity"), let rate = r.number("rate") else { continue }
                        out.append(Metric("fidelity_\(Self.tag(s))_\(Int(l))km", f))
                        out.append(Metric("rate_\(Self.tag(s))_\(Int(l))km", rate, unit: "1/s"))
                    }
                }
                // The preset transducer (N_add = 0.16, Sahu et al. 2022) at zero length, for comparison.
                var preset = base
                preset.addedNoisePhotons = try ModalityPreset.arm(named: "transmon.transducer.eo").transducer?
                    .addedNoisePhotons ?? 0.16
                preset.lengthKm = 0
                let m = try TwoLinkRepeaterModel(configuration: Self.configuration(preset, cutoffSeconds: nil))
                for s in Storage.allCases where s != .transmon {
                    out.append(Metric("transfer_\(Self.tag(s))", try Self.transferProbability(s)))
                }
                out.append(Metric("presetNoise", preset.addedNoisePhotons))
                out.append(Metric("linkFidelity_presetNoise", m.linkA.fidelity))
                return out
            },
            Derivation("distance at which the delivered fidelity falls below the target") { table in
                var out: [Metric] = []
                for s in Storage.allCases {
                    let rows = Self.rows(table, .distance, s)
                    let x = try rows.values("lengthKm"), f = try rows.values("fidelity")
                    let spline = try Spline(x: x, y: f, kind: .cubic)
                    if let d = try spline.crossings(of: base.targetFidelity).first {
                        out.append(Metric("reach_\(Self.tag(s))", d, unit: "km", uncertainty: (x[1] - x[0]) / 2))
                    } else {
                        out.append(Metric("reach_\(Self.tag(s))", (f.first ?? 0) >= base.targetFidelity ? 100 : 0, unit: "km"))
                    }
                }
                return out
            },
            Derivation("optimal cutoff at 20 km (largest cutoff meeting the fidelity target)") { table in
                var out: [Metric] = [Metric("targetFidelity", base.targetFidelity)]
                for s in Storage.allCases {
                    let rows = Self.rows(table, .cutoff, s)
                    let rates = try rows.values("rate"), f = try rows.values("fidelity")
                    guard let noCut = rates.last, let fNoCut = f.last else { continue }
                    out.append(Metric("rateNoCutoff_\(Self.tag(s))", noCut, unit: "1/s"))
                    out.append(Metric("fidelityLargestCutoff_\(Self.tag(s))", fNoCut))
                    out.append(Metric("bestFidelity_\(Self.tag(s))", f.max() ?? 0))
                    if let opt = try Self.optimalCutoff(table, s, target: base.targetFidelity) {
                        out.append(Metric("cutoff_\(Self.tag(s))", opt.cutoff * 1e3, unit: "ms", uncertainty: opt.uncertainty * 1e3))
                        out.append(Metric("cutoffRate_\(Self.tag(s))", opt.rate, unit: "1/s"))
                    }
                }
                return out
            },
            Derivation("Monte Carlo against the closed forms") { table in
                var out: [Metric] = [Metric("mcPairs", Double(base.monteCarloPairs))]
                let rows = table.filter { $0.parameters["part"] == .string(Part.monteCarlo.rawValue) }
                for (k, row) in rows.rows.enumerated() {
                    guard let w = row.metrics["meanWaitRounds"], let a = row.number("analyticMeanRounds"),
                          let f = row.metrics["fidelity"], let fa = row.number("analyticFidelity") else { continue }
                    let se = w.uncertainty ?? 0
                    out.append(Metric("mcWait_\(k)", w.value, unit: "rounds", uncertainty: se))
                    out.append(Metric("analyticWait_\(k)", a, unit: "rounds"))
                    out.append(Metric("waitZ_\(k)", se > 0 ? (w.value - a) / se : 0))
                    out.append(Metric("mcFidelity_\(k)", f.value, uncertainty: f.uncertainty))
                    out.append(Metric("analyticFidelity_\(k)", fa))
                    out.append(Metric("fidelityZ_\(k)", (f.uncertainty ?? 0) > 0 ? (f.value - fa) / (f.uncertainty ?? 1) : 0))
                }
                return out
            },
        ]
    }

    static let colors: [Storage: Color] = [
        .transmon: Palette.okabeIto.colors[1], .ionSr: Palette.okabeIto.colors[0],
        .ionCa: Palette.okabeIto.colors[2], .diamond: Palette.okabeIto.colors[4],
    ]

    var figures: [FigureSpec] {
        let target = base.targetFidelity
        return [
            FigureSpec("distance", caption: "Two-link repeater of superconducting modules (repeater in the middle, "
                + "closed form, no cutoff): (a) delivered end-to-end pairs per second and (b) mean delivered "
                + "fidelity versus total distance, for each place the modules keep their half. Without a cutoff "
                + "the storage does not change the rate, so the four rate curves coincide; the kink near 4 km is "
                + "where the herald round trip starts to exceed the 10 µs transducer cycle. Dashed: the fidelity "
                + "target used for the cutoff; dotted: 1/2.") { table in
                var rate = Panel(x: Axis(label: "Total distance <i>L</i> (km)", limits: 0...100),
                                 y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log), legend: .hidden)
                var fid = Panel(x: Axis(label: "Total distance <i>L</i> (km)", limits: 0...100),
                                y: Axis(label: "Delivered fidelity", limits: 0.2...1), legend: .topRight)
                for s in Storage.allCases {
                    let rows = Self.rows(table, .distance, s)
                    rate.add(.line(x: try rows.values("lengthKm"), y: try rows.values("rate"), label: s.label,
                                   color: Self.colors[s]))
                    fid.add(.line(x: try rows.values("lengthKm"), y: try rows.values("fidelity"), label: s.label,
                                  color: Self.colors[s]))
                }
                fid.add(.reference(.y, at: target, style: .dashed))
                fid.add(.reference(.y, at: 0.5, style: .dotted))
                return Figure(theme: .apsDoubleColumn, panels: [rate, fid], columns: 2, height: 230)
            },
            FigureSpec("cutoff", caption: "Cutoff scan at \(Int(Self.scanLengthKm)) km (closed form): (a) delivered "
                + "fidelity and (b) rate versus the memory cutoff, per storage. Dashed: fidelity target; open "
                + "circles: the optimal cutoff (largest cutoff meeting the target, spline crossing) where one "
                + "exists. The rate does not depend on the storage, so its four curves coincide; the steps at "
                + "short cutoffs are whole rounds of τ.") { table in
                var fid = Panel(x: Axis(label: "Cutoff <i>t</i><sub>cut</sub> (s)", scale: .log, limits: 1e-5...10),
                                y: Axis(label: "Delivered fidelity", limits: 0.2...1), legend: .hidden)
                var rate = Panel(x: Axis(label: "Cutoff <i>t</i><sub>cut</sub> (s)", scale: .log, limits: 1e-5...10),
                                 y: Axis(label: "Rate (s<sup>−1</sup>)", scale: .log), legend: .bottomRight)
                for s in Storage.allCases {
                    let rows = Self.rows(table, .cutoff, s)
                    let x = try rows.values("cutoffSeconds")
                    fid.add(.line(x: x, y: try rows.values("fidelity"), label: s.label, color: Self.colors[s]))
                    rate.add(.line(x: x, y: try rows.values("rate"), label: s.label, color: Self.colors[s]))
                    if let opt = try Self.optimalCutoff(table, s, target: target) {
                        fid.add(.scatter(x: [opt.cutoff], y: [target], marker: .circle, filled: false, color: Self.colors[s]))
                        rate.add(.scatter(x: [opt.cutoff], y: [opt.rate], marker: .circle, filled: false, color: Self.colors[s]))
                    }
                }
                fid.add(.reference(.y, at: target, style: .dashed))
                return Figure(theme: .apsDoubleColumn, panels: [fid, rate], columns: 2, height: 230)
            },
            FigureSpec("waiting-time", caption: "Monte Carlo waiting time from restart to delivery, in rounds of the "
                + "round period τ, at \(Int(Self.scanLengthKm)) km (histogram, probability per bin, "
                + "\(base.monteCarloPairs) deliveries per panel): (a) no cutoff, with the exact distribution of "
                + "max(K<sub>1</sub>, K<sub>2</sub>) per bin (line); (b) Sr<sup>+</sup> memory with a 400-round cutoff; "
                + "(c) transmon with a 5-round cutoff. Each histogram spans four closed-form means; its last bin also "
                + "holds the waits beyond. Dashed: Monte Carlo mean; dotted: closed-form mean.") { table in
                let rows = table.filter { $0.parameters["part"] == .string(Part.monteCarlo.rawValue) }.rows
                var panels: [Panel] = []
                for (k, row) in rows.enumerated() {
                    let upper = row.number("histogramRounds") ?? 1
                    let width = upper / Double(Self.histogramBins)
                    let edges = (0...Self.histogramBins).map { Double($0) * width + 0.5 }
                    var counts = (0..<Self.histogramBins).map { row.number(String(format: "hist%02d", $0)) ?? 0 }
                    counts[counts.count - 1] += row.number("overflowFraction") ?? 0
                    let label = k < Self.monteCarloTitles.count ? Self.monteCarloTitles[k] : ""
                    var panel = Panel(x: Axis(label: "Waiting time (rounds)", limits: 0...(upper + 0.5)),
                                      y: Axis(label: "Probability per bin"), title: label, legend: .topRight)
                    panel.add(.histogram(edges: edges, counts: counts, label: "Monte Carlo"))
                    let exact = (0..<Self.histogramBins).map { row.number(String(format: "exact%02d", $0)) ?? .nan }
                    if exact.allSatisfy(\.isFinite) {
                        panel.add(.line(x: edges.dropLast().map { $0 + width / 2 }, y: exact, label: "exact", color: .black))
                    }
                    if let w = row.number("meanWaitRounds") { panel.add(.reference(.x, at: w, label: "MC mean", style: .dashed)) }
                    if let a = row.number("analyticMeanRounds") {
                        panel.add(.reference(.x, at: a, label: "closed-form mean", style: .dotted, color: .black))
                    }
                    panels.append(panel)
                }
                return Figure(theme: .apsDoubleColumn, panels: panels, columns: 3, height: 210)
            },
        ]
    }

    var tables: [TableSpec] {
        [TableSpec("monte-carlo", caption: "Monte Carlo (mean ± standard error) against the closed forms at "
            + "\(Int(Self.scanLengthKm)) km") { table in
            let rows = table.filter { $0.parameters["part"] == .string(Part.monteCarlo.rawValue) }
            return try rows.dataTable(columns: [
                "storage", "cutoffRounds", "meanWaitRounds", "analyticMeanRounds", "rate", "analyticRate",
                "fidelity", "analyticFidelity",
            ])
        }]
    }
}
