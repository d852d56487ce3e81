import Foundation
import Interlink

/// Heterogeneous machines running real circuits (issue 19): four modules, each a trapped-ion
/// (`ion.ca40.854.cavity`) or a superconducting module behind an electro-optic transducer
/// (`transmon.transducer.eo`), around one photonic switch, running a 16-qubit QFT, a 16-qubit GHZ
/// preparation and a Grover iteration on 9 search qubits (Toffoli ladder, 15 qubits), as the number of
/// ion modules (the modality mix) and the transducer efficiency vary.
///
/// Every point places the circuit with METIS and the heterogeneity-aware refinement, lowers it to
/// teleported gates (one Bell pair per remote operand) and runs the event-driven execution
/// (`ArchitectureSweep.evaluate`): pairs come from the link physics of the presets through the switch
/// (`LinkModel`), local gates take the modules' times, idle qubits decohere with their T₁/T₂.
/// Assumptions (labelled in the report): 4 data and 4 communication qubits per module, 4 analysers,
/// 10 µs reconfiguration, 1 dB per switch pass, 5 m of fiber per module, residual visibility 0.95.
struct HeterogeneousMachinesStudy: Study {
    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// The circuit: `qft`, `ghz` or `grover`.
        var circuit = "qft"
        /// Trapped-ion modules (the others are superconducting).
        var ions = 0
        /// Modules in the machine.
        var modules = 4
        /// Efficiency of the superconducting modules' transducers.
        var transducerEfficiency = 0.1
        /// Data qubits per module (assumption).
        var dataQubitsPerModule = 4
        /// Communication qubits per module (assumption).
        var communicationQubits = 4
        /// Bell-state analysers at the switch (assumption).
        var analysers = 4
        /// Switch reconfiguration time before every generation (µs, assumption).
        var reconfigurationTime = 10.0
        /// Insertion loss of one switch pass (dB, assumption).
        var insertionLossDB = 1.0
        /// Fiber from each module to the switch (km, assumption).
        var fiberKm = 0.005
        /// Residual two-photon visibility (assumption).
        var residualVisibility = 0.95
        /// Monte Carlo shots per point.
        var shots = 200
        /// Process fidelity a remote gate must reach to count in `qualifiedRate` (a usable remote gate).
        var remoteGateFidelityThreshold = 0.8
        /// Drawn for the headline bands (nil: the preset's; `ModuleRanges`): the Ca⁺ calibration
        /// probability (sets the ion collection) and the transmon T₁ = T₂ (s).
        var ionCalibrationProbability: Double?
        var transmonCoherenceSeconds: Double?
    }

    init() {}

    /// The study with other constants (for example fewer shots in tests).
    init(base: Parameters) { customBase = base }

    private var customBase: Parameters?

    /// The circuits, in figure order.
    static let circuits = ["qft", "ghz", "grover"]
    /// The transducer efficiencies swept.
    static let efficiencies = [0.01, 0.03, 0.1, 0.3, 0.9]

    var identifier: String { "heterogeneous-machines" }
    var title: String { "Heterogeneous machines: which mix of ions and transmons runs QFT, GHZ and Grover best" }
    var summary: String {
        "Four-module machines mixing trapped-ion and superconducting modules around a photonic switch run a "
            + "16-qubit QFT, a 16-qubit GHZ preparation and a Grover iteration with the link physics underneath: "
            + "makespan, estimated circuit fidelity and the resource that bounds the makespan, as the modality mix "
            + "and the transducer efficiency vary."
    }
    var version: Int { 2 }
    var base: Parameters { customBase ?? Parameters() }
    var rootSeed: UInt64 { 19 }
    var sourceFile: String? { #filePath }
    var sourceFiles: [String] {
        [#filePath, Self.uncertaintySource, Self.bottleneckSource, ModuleRanges.sourceFile, SharedStudySources.headlineUncertainty]
    }
    var presets: [any PresetDescribing] { [PresetName.calcium854Cavity, PresetName.transmonElectroOptic] }
    var reportTemplate: String? { "heterogeneous-machines" }
    var finding: String? {
        "At transducer efficiency 0.9, among machines whose pairs are entangled (F > ½: only the all-transmon and the all-ion machines, since every transmon–ion pair has F ≤ ½), the QFT runs fastest with {{numbers.fastest_qft_ions}} of 4 modules trapped ions ({{intervals.band_makespan_qft}}: 90 % interval over the presets' and the switch's ranges), the GHZ preparation with {{numbers.fastest_ghz_ions}} and the Grover iteration with {{numbers.fastest_grover_ions}}; but that machine's remote gates are useless, with mean process fidelity {{values.fastest_qft_remoteGateFidelity}} (QFT), {{values.fastest_ghz_remoteGateFidelity}} (GHZ) and {{values.fastest_grover_remoteGateFidelity}} (Grover), and no machine runs a remote gate above fidelity {{numbers.remoteGateFidelityThreshold}}. The transmon preset (and its transducer) is projected, the ion preset demonstrated (Krutyanskiy et al. 2023): a ranking that favours transmons is a projection."
    }
    var parameterUnits: [String: String] {
        ["reconfigurationTime": "µs", "fiberKm": "km", "insertionLossDB": "dB"]
    }

    var sweep: Sweep<Parameters> {
        .grid(.values(\.circuit, Self.circuits), .values(\.ions, Array(0...base.modules)),
              .values(\.transducerEfficiency, Self.efficiencies))
    }

    func validate(_ p: Parameters) throws {
        guard Self.circuits.contains(p.circuit) else {
            throw ParameterError(path: "circuit", value: p.circuit, allowed: Self.circuits.joined(separator: ", "))
        }
        try Validate.count(p.modules, atLeast: 2, atMost: 64, at: "modules")
        try Validate.count(p.ions, atLeast: 0, atMost: p.modules, at: "ions")
        try Validate.count(p.shots, atLeast: 2, atMost: 1_000_000, at: "shots")
        if let v = p.ionCalibrationProbability { try Validate.inRange(v, 1e-7...1e-2, at: "ionCalibrationProbability") }
        if let v = p.transmonCoherenceSeconds { try Validate.positive(v, at: "transmonCoherenceSeconds", unit: "s") }
    }

    /// The circuit of a point.
    static func circuit(_ p: Parameters) throws -> Circuit {
        switch p.circuit {
        case "qft": try .qft(qubits: 16)
        case "ghz": try .ghz(qubits: 16)
        default: try .groverIteration(qubits: 9, marked: 0b1_0110_1001, multiControl: .ancillaLadder)
        }
    }

    /// The machine of a point: `ions` ion modules first, then superconducting ones, on one switch.
    static func machine(_ p: Parameters) -> MachineDescription {
        let modules = (0..<p.modules).map { i in
            var m = ModuleDescription(preset: i < p.ions ? "ion.ca40.854.cavity" : "transmon.transducer.eo",
                                      dataQubits: p.dataQubitsPerModule, communicationQubits: p.communicationQubits,
                                      name: i < p.ions ? "ion-\(i)" : "sc-\(i)")
            if i >= p.ions { m.transducerEfficiency = p.transducerEfficiency }
            ModuleRanges.apply(to: &m, preset: i < p.ions ? .calcium854Cavity : .transmonElectroOptic,
                               ionCalibrationProbability: p.ionCalibrationProbability,
                               transmonCoherenceSeconds: p.transmonCoherenceSeconds, atomCollection: nil)
            return m
        }
        var s = SwitchDescription(modules: [], name: "switch", fiberKm: p.fiberKm, insertionLossDB: p.insertionLossDB,
                                  reconfigurationSeconds: p.reconfigurationTime / 1e6, analysers: p.analysers)
        s.residualVisibility = p.residualVisibility
        return .star(modules, through: s)
    }

    var engine: Engine<Parameters> {
        .custom("architecture-execution") { p, stream in
            let (summary, remote) = try Self.execute(p, stream: stream)
            return ArchitectureSweep.values(summary).map {
                Metric($0.name, $0.value, unit: $0.unit, uncertainty: $0.uncertainty)
            } + Self.remoteMetrics(summary, remote)
        }
    }

    /// Runs a point's machine and circuit: the execution and remote-gate summaries.
    static func execute(_ p: Parameters, stream: RandomStream) throws -> (ExecutionSummary, RemoteGateSummary) {
        let execution = try MachineExecution(machine: Machine(Self.machine(p)), circuit: Self.circuit(p))
        return try execution.runWithRemoteGates(shots: p.shots, stream: stream, fidelityThreshold: p.remoteGateFidelityThreshold)
    }

    /// Remote-gate metrics: the remote gates' mean process fidelity, the true-herald share of their
    /// pairs, remote gates per second with true-herald pairs (and also above the threshold), and the
    /// lowest fidelity of a pair the circuit uses (a machine whose pairs have F ≤ ½ entangles nothing).
    static func remoteMetrics(_ s: ExecutionSummary, _ r: RemoteGateSummary) -> [Metric] {
        let used = s.links.filter { $0.pairsPerShot > 0 }
        return [
            Columns.remoteGateFidelity(r.gateFidelity?.mean ?? 1, uncertainty: r.gateFidelity?.standardError),
            Columns.trueHeraldShare(r.gateRate.mean > 0 ? r.trueHeraldGateRate.mean / r.gateRate.mean : 1),
            Columns.trueHeraldGateRate(r.trueHeraldGateRate.mean, uncertainty: r.trueHeraldGateRate.standardError),
            Columns.qualifiedRate(r.qualifiedRate.mean, uncertainty: r.qualifiedRate.standardError),
            Columns.minPairFidelity(used.map(\.pairFidelity).min() ?? 1),
        ]
    }

    /// The rows of one circuit at one efficiency, ordered by the number of ion modules.
    static func rows(_ table: ResultTable, circuit: String, efficiency: Double) -> [ResultTable.Row] {
        table.rows.filter { $0.parameters["circuit"] == .string(circuit) && $0.number("transducerEfficiency") == efficiency }
            .sorted { ($0.number("ions") ?? 0) < ($1.number("ions") ?? 0) }
    }

    /// How many standard errors separate the best value of `metric` from the runner-up
    /// (`lowerIsBetter` for makespans); 0 with one row.
    static func margin(_ rows: [ResultTable.Row], _ metric: String, lowerIsBetter: Bool) -> Double {
        let sorted = rows.sorted { a, b in
            let x = a.number(metric) ?? .nan, y = b.number(metric) ?? .nan
            return lowerIsBetter ? x < y : x > y
        }
        guard sorted.count >= 2, let a = sorted[0].metrics[metric], let b = sorted[1].metrics[metric] else { return 0 }
        let se = ((a.uncertainty ?? 0) * (a.uncertainty ?? 0) + (b.uncertainty ?? 0) * (b.uncertainty ?? 0)).squareRoot()
        return se > 0 ? abs(b.value - a.value) / se : .infinity
    }

    var derived: [Derivation] {
        let shots = base.shots, threshold = base.remoteGateFidelityThreshold, modules = base.modules
        return [headlineBand, Derivation("best machine per circuit at transducer efficiency 0.9 (machines whose pairs have F > 1/2)") { table in
            let entangled = table.rows.filter { ($0.number(Columns.minPairFidelity) ?? 0) > 0.5 }
            let mixed = table.rows.filter { ($0.number("ions") ?? 0) > 0 && ($0.number("ions") ?? 0) < Double(modules) }
            var out: [Metric] = [Metric("pointsWithoutEntanglement", Double(table.rows.count - entangled.count)),
                                 Metric("points", Double(table.rows.count)), Metric("shots", Double(shots)),
                                 Metric("entangledPoints", Double(entangled.count)),
                                 // Mixed machines (some but not all modules ions): how many have only entangled links, and
                                 // the best of their lowest pair fidelities (a transmon–ion link).
                                 Metric("entangledMixedPoints", Double(mixed.filter { ($0.number(Columns.minPairFidelity) ?? 0) > 0.5 }.count)),
                                 Metric("mixedPoints", Double(mixed.count)),
                                 Metric("mixedBestLowestPairFidelity", mixed.compactMap { $0.number(Columns.minPairFidelity) }.max() ?? .nan),
                                 // The remote-gate threshold: how many points run any remote gate above it, and the best
                                 // remote-gate fidelity anywhere.
                                 Metric("remoteGateFidelityThreshold", threshold),
                                 Metric("pointsWithUsableRemoteGates", Double(table.rows.filter { ($0.number(Columns.qualifiedRate) ?? 0) > 0 }.count)),
                                 Metric("bestRemoteGateFidelity", table.rows.compactMap { $0.number(Columns.remoteGateFidelity) }.max() ?? .nan),
                                 Metric("generationBottleneckPoints", Double(table.rows.filter {
                                     Int($0.number("bottleneckKind") ?? -1) == ExecutionSummary.kinds.firstIndex(of: "generation")
                                 }.count))]
            for c in Self.circuits {
                let rows = Self.rows(table, circuit: c, efficiency: 0.9).filter { ($0.number(Columns.minPairFidelity) ?? 0) > 0.5 }
                guard let fast = rows.min(by: { ($0.number("makespan") ?? .infinity) < ($1.number("makespan") ?? .infinity) }),
                      let good = rows.max(by: { ($0.number("fidelity") ?? 0) < ($1.number("fidelity") ?? 0) }) else {
                    throw SweepError("no machine with entangled pairs (F > 1/2) for circuit \(c) at transducer efficiency 0.9")
                }
                out.append(Metric("fastest_\(c)_ions", fast.number("ions") ?? 0))
                out.append(Metric("fastest_\(c)_makespan", fast.number("makespan") ?? 0, unit: "s",
                                  uncertainty: fast.metrics["makespan"]?.uncertainty))
                out.append(Metric("fastest_\(c)_margin", Self.margin(rows, "makespan", lowerIsBetter: true)))
                out.append(Metric("fastest_\(c)_remoteGateFidelity", fast.number(Columns.remoteGateFidelity) ?? 0,
                                  uncertainty: fast.metrics[Columns.remoteGateFidelity.name]?.uncertainty))
                out.append(Metric("fastest_\(c)_trueHeraldShare", fast.number(Columns.trueHeraldShare) ?? 0))
                out.append(Metric("mostFaithful_\(c)_ions", good.number("ions") ?? 0))
                out.append(Metric("mostFaithful_\(c)_fidelity", good.number("fidelity") ?? 0,
                                  uncertainty: good.metrics["fidelity"]?.uncertainty))
                out.append(Metric("mostFaithful_\(c)_logFidelity", good.number("meanLnF") ?? .nan))
                out.append(Metric("mostFaithful_\(c)_margin", Self.margin(rows, "fidelity", lowerIsBetter: false)))
                out.append(Metric("mostFaithful_\(c)_remoteGateFidelity", good.number(Columns.remoteGateFidelity) ?? 0,
                                  uncertainty: good.metrics["remoteGateFidelity"]?.uncertainty))
                out.append(Metric("mostFaithful_\(c)_trueHeraldShare", good.number(Columns.trueHeraldShare) ?? 0))
                // The critical-path share of pair generation in the all-transmon machine at the lowest
                // and the highest efficiency, and in the all-ion machine.
                let all = table.rows.filter { $0.parameters["circuit"] == .string(c) }
                func share(ions: Int, eta: Double) -> Double {
                    all.first { $0.number("ions") == Double(ions) && $0.number("transducerEfficiency") == eta }?
                        .number("share_generation") ?? 0
                }
                out.append(Metric("generationShare_\(c)_sc_low", share(ions: 0, eta: Self.efficiencies[0])))
                out.append(Metric("generationShare_\(c)_sc_high", share(ions: 0, eta: Self.efficiencies[Self.efficiencies.count - 1])))
                out.append(Metric("generationShare_\(c)_ion", share(ions: 4, eta: Self.efficiencies[Self.efficiencies.count - 1])))
            }
            return out
        }]
    }

    /// One panel per circuit of `metric` against the number of ion modules, one line per efficiency.
    static func versusMix(_ table: ResultTable, metric: String, label: String, scale: Scale,
                          modules: Int) throws -> Figure {
        let panels = try circuits.map { c in
            var panel = Panel(x: Axis(label: "Ion modules (of \(modules))", limits: -0.3...(Double(modules) + 0.3),
                                      ticks: (0...modules).map { Tick(Double($0), "\($0)") }),
                              y: Axis(label: label, scale: scale), title: displayName(c), legend: .auto)
            for (k, eta) in efficiencies.enumerated() {
                let rows = Self.rows(table, circuit: c, efficiency: eta)
                guard !rows.isEmpty else { throw SweepError("no rows for \(c) at η = \(eta)") }
                let x = rows.map { $0.number("ions") ?? 0 }
                let y = rows.map { $0.number(metric) ?? .nan }
                panel.add(.line(x: x, y: y, label: c == circuits[0] ? "η = \(eta)" : nil,
                                color: Palette.okabeIto.colors[k % Palette.okabeIto.colors.count], marker: .circle))
            }
            return panel
        }
        return Figure(theme: .apsDoubleColumn, panels: panels, columns: 3, height: 200)
    }

    var figures: [FigureSpec] {
        let modules = base.modules
        return [
            FigureSpec("makespan-vs-mix", caption: "Mean makespan (Monte Carlo over shots) of each circuit against "
                + "the number of trapped-ion modules among four, one line per transducer efficiency η of the "
                + "superconducting modules.") { table in
                try Self.versusMix(table, metric: "makespan", label: "Makespan (s)", scale: .log, modules: modules)
            },
            FigureSpec("fidelity-vs-mix", caption: "Natural logarithm of the estimated circuit fidelity (sum of the "
                + "logarithms of every gate's, pair's and idle period's process fidelity, mean over shots) against the "
                + "number of ion modules, one line per transducer efficiency; ln F = −1 is F ≈ 0.37.") { table in
                try Self.versusMix(table, metric: "meanLnF", label: "ln(circuit fidelity)", scale: .linear, modules: modules)
            },
            headlineTornado,
            Self.bottleneckFigure(modules: modules),
        ]
    }

    var tables: [TableSpec] {
        [TableSpec("points", caption: "Every machine and circuit: makespan and circuit fidelity (Monte Carlo mean ± "
            + "standard error), the remote gates' mean process fidelity, the lowest fidelity of a pair the circuit uses "
            + "(≤ 0.5: that link entangles nothing) and the true-herald share of the pairs (critical-path shares: "
            + "data/results.csv)") { table in
                try table.dataTable(columns: [Columns.circuit, Columns.ions, Columns.transducerEfficiency, Columns.makespan,
                                              Columns.fidelity, Columns.remoteGateFidelity, Columns.minPairFidelity,
                                              Columns.trueHeraldShare])
            }] + headlineTables
    }
}

extension HeterogeneousMachinesStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let remoteGateFidelity = Column("remoteGateFidelity", label: "remote-gate fidelity")
        static let trueHeraldShare = Column("trueHeraldShare", label: "true-herald share")
        static let trueHeraldGateRate = Column("trueHeraldGateRate", unit: "1/s")
        static let qualifiedRate = Column("qualifiedRate", unit: "1/s")
        static let minPairFidelity = Column("minPairFidelity", label: "lowest pair fidelity")
        static let circuit = Column("circuit", label: "circuit")
        static let ions = Column("ions", label: "ion modules")
        static let transducerEfficiency = Column("transducerEfficiency", label: "transducer η")
        static let makespan = Column("makespan", unit: "s", label: "makespan")
        static let fidelity = Column("fidelity", label: "circuit fidelity")
    }
}
