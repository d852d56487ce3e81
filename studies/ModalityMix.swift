import Foundation
import Interlink

/// Modality mix of an 8-module architecture: every composition of superconducting, trapped-ion and
/// neutral-atom modules (a + b + c = 8, 45 compositions) simulated by the event-driven Monte Carlo
/// (`ArchitectureSimulation`) under a saturated workload of uniformly random remote gates.
///
/// Model: modules from the presets `transmon.transducer.eo` (Sahu et al. 2022; Weaver et al. 2024),
/// `ion.ca40.854.cavity` (Krutyanskiy et al. 2023) and `atom.yb171.array.telecom`; every module
/// pair is joined through a photonic switch and a shared pool of Bell-state analysers by a
/// two-photon (Barrett–Kok) heralded link of `lengthKm` total fiber; a gate is teleported with one
/// pair (Eisert et al., PRA 62, 052317, 2000). Assumptions (labelled in the report): two switch
/// ports per module, four analysers, 10 µs switch reconfiguration, residual visibility 0.95,
/// 10 m of fiber, 16 outstanding requests.
struct ModalityMixStudy: Study {
    /// One sweep point: a composition and the architecture constants.
    struct Parameters: Codable, Sendable {
        /// Number of superconducting modules.
        var superconducting = 0
        /// Number of trapped-ion modules.
        var ions = 0
        /// Number of neutral-atom modules.
        var atoms = 0
        /// Communication qubits (switch ports) per module (assumption).
        var portsPerModule = 2
        /// Size of the Bell-state-analyser pool (assumption).
        var analysers = 4
        /// Switch reconfiguration time before each generation (s, assumption).
        var switchSeconds = 10e-6
        /// Total fiber length of each module-to-module link through the switch (km, assumption).
        var lengthKm = 0.01
        /// Residual two-photon interference visibility V₀ (assumption).
        var residualVisibility = 0.95
        /// Requests kept in the system (saturated closed-loop workload).
        var outstandingRequests = 16
        /// Independent Monte Carlo replicates (each from an empty system).
        var replicates = 10
        /// Remote gates simulated per replicate.
        var gatesPerReplicate = 20_000
    }

    /// The three module modalities with their presets.
    enum Kind: Int, CaseIterable, Sendable {
        /// Superconducting transmon with electro-optic transducer.
        case superconducting
        /// Trapped ⁴⁰Ca⁺ in a cavity.
        case ion
        /// ¹⁷¹Yb atom array at telecom wavelength.
        case atom
        /// The preset name.
        var preset: String {
            switch self {
            case .superconducting: "transmon.transducer.eo"
            case .ion: "ion.ca40.854.cavity"
            case .atom: "atom.yb171.array.telecom"
            }
        }
    }

    /// Creates the study with its default constants.
    init() {}

    /// Creates the study with other constants (for example fewer gates in tests).
    init(base: Parameters) { customBase = base }

    private var customBase: Parameters?

    var identifier: String { "modality-mix" }
    var title: String { "Modality mix: throughput and fidelity of an 8-module heterogeneous architecture" }
    var summary: String {
        "Every mix of superconducting, trapped-ion and neutral-atom modules in an 8-module architecture (45 "
            + "compositions) simulated by event-driven Monte Carlo: remote-gate throughput, mean gate fidelity, "
            + "the Pareto front and where the time of a gate goes."
    }
    var version: Int { 1 }
    var base: Parameters { customBase ?? Parameters() }
    var rootSeed: UInt64 { 7 }
    var sourceFile: String? { #filePath }
    var presets: [any PresetDescribing] { [PresetName.transmonElectroOptic, PresetName.calcium854Cavity, PresetName.ytterbiumArrayTelecom] }
    var reportTemplate: String? { "modality-mix" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "Of {{numbers.compositions}} compositions of 8 modules only {{numbers.frontSize}} are Pareto-optimal: all-atom gives the most remote gates, {{values.throughput_atom}}, and all-ion the highest mean gate fidelity, {{numbers.fidelity_ion}}."
    }
    var parameterUnits: [String: String] { ["switchSeconds": "s", "lengthKm": "km"] }

    /// All compositions (a, b, c) with a + b + c = 8, a descending then b descending.
    static func compositions(total: Int = 8) -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        for a in stride(from: total, through: 0, by: -1) {
            for b in stride(from: total - a, through: 0, by: -1) { out.append((a, b, total - a - b)) }
        }
        return out
    }

    var sweep: Sweep<Parameters> {
        let base = self.base
        return .points(Self.compositions().map { c in
            var p = base
            p.superconducting = c.0
            p.ions = c.1
            p.atoms = c.2
            return p
        }, label: "all 45 compositions a + b + c = 8")
    }

    func validate(_ parameters: Parameters) throws {
        for (name, n) in [("superconducting", parameters.superconducting), ("ions", parameters.ions),
                          ("atoms", parameters.atoms)] where n < 0 {
            throw ParameterError(path: name, value: "\(n)", allowed: "≥ 0")
        }
        guard parameters.superconducting + parameters.ions + parameters.atoms >= 2 else {
            throw ParameterError(path: "superconducting + ions + atoms",
                                 value: "\(parameters.superconducting + parameters.ions + parameters.atoms)",
                                 allowed: "≥ 2 modules in total")
        }
        guard parameters.replicates >= 2, parameters.gatesPerReplicate >= 1 else {
            throw ParameterError(path: "replicates", value: "\(parameters.replicates)",
                                 allowed: "≥ 2 (with gatesPerReplicate ≥ 1) for an uncertainty")
        }
    }

    /// The modality of each module, superconducting first.
    static func kinds(_ p: Parameters) -> [Kind] {
        Array(repeating: .superconducting, count: p.superconducting) + Array(repeating: .ion, count: p.ions)
            + Array(repeating: .atom, count: p.atoms)
    }

    /// The link configuration between two module kinds.
    static func linkConfiguration(_ a: Kind, _ b: Kind, _ p: Parameters) throws -> LinkConfiguration {
        LinkConfiguration.midpoint(
            armA: try ModalityPreset.arm(named: a.preset), armB: try ModalityPreset.arm(named: b.preset),
            totalLengthKm: p.lengthKm, scheme: .twoPhoton, residualVisibility: p.residualVisibility)
    }

    /// The architecture of one composition.
    static func architecture(_ p: Parameters) throws -> ModularArchitecture {
        let kinds = kinds(p)
        let modules = try kinds.enumerated().map { k, kind in
            let node = try ModalityPreset.arm(named: kind.preset).node
            return try ArchitectureModule(
                name: kind.preset, communicationQubits: p.portsPerModule, memory: node.memory,
                operations: node.operations, path: "modules[\(k)]")
        }
        var links: [Int: SimulatedLink] = [:]
        return try ModularArchitecture(
            modules: modules, analysers: p.analysers, switchSeconds: p.switchSeconds,
            workload: RemoteGateWorkload(arrivals: .saturated(outstanding: p.outstandingRequests)),
            pairPolicy: .onDemand
        ) { i, j in
            let key = kinds[i].rawValue * 3 + kinds[j].rawValue
            if let link = links[key] { return link }
            let link = try SimulatedLink(configuration: linkConfiguration(kinds[i], kinds[j], p), path: "link[\(i),\(j)]")
            links[key] = link
            return link
        }
    }

    /// Mean and standard error of the mean of replicate values.
    static func meanAndError(_ values: [Double]) throws -> (Double, Double) {
        let s = try RunningSummary(values)
        return (s.mean, s.standardErrorOfMean ?? 0)
    }

    var engine: Engine<Parameters> {
        .custom("architecture-replicates") { p, stream in
            let arch = try Self.architecture(p)
            var rate: [Double] = [], fidelity: [Double] = [], queueing: [Double] = [], waiting: [Double] = []
            var ports: [Double] = [], analysers: [Double] = []
            for r in 0..<p.replicates {
                var s = stream.child(UInt64(r))
                let o = try ArchitectureSimulation.simulate(arch, gates: p.gatesPerReplicate, stream: &s)
                rate.append(o.gateRate)
                fidelity.append(o.gates.meanFidelity)
                queueing.append(o.queueingDelay.mean)
                waiting.append(o.gates.waitingTime.mean)
                ports.append(o.portUtilisation.reduce(0, +) / Double(max(o.portUtilisation.count, 1)))
                analysers.append(o.analyserUtilisation)
            }
            let (t, tErr) = try Self.meanAndError(rate)
            let (f, fErr) = try Self.meanAndError(fidelity)
            let (q, qErr) = try Self.meanAndError(queueing)
            let (w, wErr) = try Self.meanAndError(waiting)
            let (u, uErr) = try Self.meanAndError(ports)
            let (a, aErr) = try Self.meanAndError(analysers)
            let generation = try Self.meanAndError(zip(waiting, queueing).map { $0 - $1 - p.switchSeconds })
            return [
                Metric("throughput", t, unit: "1/s", uncertainty: tErr),
                Metric("meanFidelity", f, uncertainty: fErr),
                Metric("waitingTime", w, unit: "s", uncertainty: wErr),
                Metric("queueingTime", q, unit: "s", uncertainty: qErr),
                Metric("generationTime", generation.0, unit: "s", uncertainty: generation.1),
                Metric("switchingTime", p.switchSeconds, unit: "s"),
                Metric("portUtilisation", u, uncertainty: uErr),
                Metric("analyserUtilisation", a, uncertainty: aErr),
                Metric("gates", Double(p.replicates * p.gatesPerReplicate)),
            ]
        }
    }

    /// Indices of the rows on the Pareto front of (throughput, fidelity), both maximised: a row is
    /// on the front when no other row is at least as good in both and better in one (brute force).
    static func paretoFront(throughput t: [Double], fidelity f: [Double]) -> [Int] {
        t.indices.filter { i in
            !t.indices.contains { j in j != i && t[j] >= t[i] && f[j] >= f[i] && (t[j] > t[i] || f[j] > f[i]) }
        }
    }

    /// Composition label "a·b·c" of a row.
    static func label(_ row: ResultTable.Row) -> String {
        let n = ["superconducting", "ions", "atoms"].map { Int(row.number($0) ?? -1) }
        return "\(n[0])·\(n[1])·\(n[2])"
    }

    /// The row of a pure composition.
    static func pureRow(_ table: ResultTable, _ kind: Kind) throws -> ResultTable.Row {
        let names = ["superconducting", "ions", "atoms"]
        guard let row = table.rows.first(where: { $0.number(names[kind.rawValue]) == 8 }) else {
            throw SweepError("no all-\(kind.preset) composition in the table")
        }
        return row
    }

    var derived: [Derivation] {
        let base = self.base
        return [
            Derivation("single-modality architectures") { table in
                var out: [Metric] = []
                for (kind, tag) in [(Kind.superconducting, "sc"), (.ion, "ion"), (.atom, "atom")] {
                    let row = try Self.pureRow(table, kind)
                    guard let t = row.metrics["throughput"], let f = row.metrics["meanFidelity"] else {
                        throw SweepError("missing metrics for the all-\(tag) architecture")
                    }
                    out.append(Metric("throughput_\(tag)", t.value, unit: t.unit, uncertainty: t.uncertainty))
                    out.append(Metric("fidelity_\(tag)", f.value, uncertainty: f.uncertainty))
                }
                return out
            },
            Derivation("links between modalities (closed form)") { _ in
                let tags: [Kind: String] = [.superconducting: "sc", .ion: "ion", .atom: "atom"]
                var out: [Metric] = []
                for a in Kind.allCases {
                    for b in Kind.allCases where b.rawValue >= a.rawValue {
                        let link = try LinkModel(configuration: Self.linkConfiguration(a, b, base))
                        let name = "\(tags[a] ?? "")_\(tags[b] ?? "")"
                        out.append(Metric("overlap_\(name)", link.modeOverlap))
                        out.append(Metric("linkFidelity_\(name)", link.fidelity))
                        out.append(Metric("linkRate_\(name)", link.rateHz, unit: "1/s"))
                    }
                }
                return out
            },
            Derivation("Pareto front") { table in
                let t = try table.values("throughput"), f = try table.values("meanFidelity")
                let front = Self.paretoFront(throughput: t, fidelity: f)
                guard let best = t.indices.max(by: { t[$0] < t[$1] }),
                      let faithful = f.indices.max(by: { f[$0] < f[$1] }) else {
                    throw SweepError("empty result table")
                }
                let rows = table.rows
                func metrics(_ prefix: String, _ i: Int) -> [Metric] {
                    let r = rows[i]
                    return [
                        Metric("\(prefix)_sc", r.number("superconducting") ?? 0),
                        Metric("\(prefix)_ion", r.number("ions") ?? 0),
                        Metric("\(prefix)_atom", r.number("atoms") ?? 0),
                        Metric("\(prefix)_throughput", t[i], unit: "1/s", uncertainty: r.metrics["throughput"]?.uncertainty),
                        Metric("\(prefix)_fidelity", f[i], uncertainty: r.metrics["meanFidelity"]?.uncertainty),
                    ]
                }
                return [Metric("frontSize", Double(front.count)), Metric("compositions", Double(rows.count)),
                        Metric("replicates", Double(base.replicates)),
                        Metric("gatesPerReplicate", Double(base.gatesPerReplicate))]
                    + metrics("fastest", best) + metrics("mostFaithful", faithful)
            },
        ]
    }

    /// The compositions shown in the time-budget figure: the three pure ones, the three even pairs,
    /// and the balanced mixes.
    static let representative: [(Int, Int, Int)] = [
        (8, 0, 0), (0, 8, 0), (0, 0, 8), (4, 4, 0), (4, 0, 4), (0, 4, 4), (3, 3, 2), (3, 2, 3), (2, 3, 3),
    ]

    var figures: [FigureSpec] {
        [
            FigureSpec("pareto", caption: "Remote-gate throughput versus mean gate fidelity for all 45 compositions "
                + "of 8 modules (superconducting·ion·atom), Monte Carlo mean ± one standard error over "
                + "independent replicates (error bars often smaller than the markers). Sky-blue diamonds joined by "
                + "the line: the Pareto front (no composition is better in both). Pure architectures labelled.") { table in
                let t = try table.values("throughput"), f = try table.values("meanFidelity")
                let tErr = try table.uncertainties("throughput").map { $0 ?? 0 }
                let fErr = try table.uncertainties("meanFidelity").map { $0 ?? 0 }
                let front = Self.paretoFront(throughput: t, fidelity: f).sorted { t[$0] < t[$1] }
                var panel = Panel(
                    x: Axis(label: "Remote-gate throughput (gates s<sup>−1</sup>)",
                            limits: 0...((t.max() ?? 1) * 1.15)),
                    y: Axis(label: "Mean remote-gate fidelity", limits: 0.5...1.0), legend: .topLeft)
                panel.add(.errorBars(x: t, y: f, yError: fErr, xError: tErr, label: "composition",
                                     marker: .circle, color: .gray))
                panel.add(.line(x: front.map { t[$0] }, y: front.map { f[$0] }, label: "Pareto front",
                                color: Palette.okabeIto.colors[5], marker: .diamond))
                for (kind, name, anchor) in [(Kind.superconducting, " 8 SC", TextAnchor.left),
                                             (.ion, "8 ion ", .right), (.atom, "8 atom", .top)] {
                    let row = try Self.pureRow(table, kind)
                    if let x = row.number("throughput"), let y = row.number("meanFidelity") {
                        panel.add(.text(name, at: DataPoint(x, y - (anchor == .top ? 0.012 : 0)), anchor: anchor))
                    }
                }
                return Figure(theme: .apsSingleColumn, panels: [panel], height: 220)
            },
            FigureSpec("time-budget", caption: "Where the time of a remote gate goes (mean over gates, request to "
                + "heralded pair): waiting for free ports and analysers (queueing), switch reconfiguration, and "
                + "heralded generation, for representative compositions (superconducting·ion·atom). Generation "
                + "time = waiting − queueing − switching, from the same Monte Carlo runs. Switching (10 µs per "
                + "generation) is the thin line on top of each bar: with a fast switch it never matters.") { table in
                var rows: [ResultTable.Row] = []
                for c in Self.representative {
                    guard let r = table.rows.first(where: {
                        $0.number("superconducting") == Double(c.0) && $0.number("ions") == Double(c.1)
                            && $0.number("atoms") == Double(c.2)
                    }) else { throw SweepError("composition \(c) missing") }
                    rows.append(r)
                }
                let positions = rows.indices.map(Double.init)
                func ms(_ name: String) -> [Double] { rows.map { ($0.number(name) ?? 0) * 1e3 } }
                var panel = Panel(
                    x: Axis(label: "Composition (SC·ion·atom)", limits: -0.7...(Double(rows.count) - 0.3),
                            ticks: rows.enumerated().map { Tick(Double($0.offset), Self.label($0.element)) }),
                    y: Axis(label: "Mean time per gate (ms)"), legend: .topLeft)
                panel.add(.bars(positions: positions, series: [
                    BarSeries(label: "generation", values: ms("generationTime"), color: Palette.okabeIto.colors[1]),
                    BarSeries(label: "queueing (ports, analysers)", values: ms("queueingTime"), color: Palette.okabeIto.colors[2]),
                    BarSeries(label: "switching", values: ms("switchingTime"), color: Palette.okabeIto.colors[0]),
                ], layout: .stacked, width: 0.7))
                return Figure(theme: .apsDoubleColumn, panels: [panel], height: 220)
            },
        ]
    }

    var tables: [TableSpec] {
        [TableSpec("compositions", caption: "All compositions: throughput, mean gate fidelity and time budget "
            + "(Monte Carlo mean ± standard error)", columns: [
                "superconducting", "ions", "atoms", "throughput", "meanFidelity", "queueingTime", "generationTime",
                "portUtilisation", "analyserUtilisation",
            ])]
    }
}
