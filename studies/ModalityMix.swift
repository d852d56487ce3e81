import Foundation
import Interlink

/// Modality mix of an 8-module machine, on the architecture engine (`InterlinkArchitecture`): every
/// composition of superconducting, trapped-ion and neutral-atom modules (a + b + c = 8, 45
/// compositions) runs the same circuit workload, for 1, 2 and 10 communication qubits per module
/// (the same for every modality) and for uniform and local traffic.
///
/// Machine: modules from the presets `transmon.transducer.eo`, `ion.ca40.854.cavity` and
/// `atom.yb171.array.telecom` with their gate, readout and memory figures; `communicationQubits`
/// communication qubits each (the preset's own emitter count is overridden, so no modality is
/// multiplexed by its preset); every module pair joined by a dedicated two-photon (Barrett–Kok) link of
/// `lengthKm` fiber with `communicationQubits` Bell-state analysers, its physics from `LinkModel`.
/// Unlike photons pass the filter the mode-matching study recommends (a Lorentzian on the broader
/// photon, FWHM maximising transmission × hashing yield: `ModeMatchingStudy.optimumFilter`).
///
/// Workload: 8 × `dataQubitsPerModule` qubits, `layers` layers of single-qubit gates and a perfect
/// matching of `cx` gates. Uniform: `Circuit.randomLayered` with qubit q on module q mod 8. Local:
/// matchings inside hidden clusters of `dataQubitsPerModule` qubits with a fraction `crossFraction`
/// of gates rewired across clusters, placed by METIS (the compiler finds the clusters).
///
/// Remote gates are teleported (one pair each, generated on demand); the engine charges the modules'
/// gate, readout and classical-latency times and the data qubits' idle decay while they wait. The
/// headline is the rate of remote gates with true-herald pairs and process fidelity ≥
/// `fidelityThreshold` (`RemoteGateSummary.qualifiedRate`).
struct ModalityMixStudy: Study {
    /// The traffic pattern of the workload.
    enum Traffic: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Random matchings over all qubits, qubits dealt round-robin to the modules.
        case uniform
        /// Matchings inside clusters with a few cross-cluster gates, placed by METIS.
        case local
        /// Table-safe name.
        var description: String { rawValue }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Superconducting modules.
        var superconducting = 0
        /// Trapped-ion modules.
        var ions = 0
        /// Neutral-atom modules.
        var atoms = 0
        /// Communication qubits per module, every modality (each runs its own generation).
        var communicationQubits = 2
        /// Traffic pattern.
        var traffic = Traffic.uniform
        /// Data qubits per module (the circuit has 8 × this many qubits).
        var dataQubitsPerModule = 10
        /// Layers of the workload circuit.
        var layers = 16
        /// Local traffic: fraction of two-qubit gates rewired across clusters.
        var crossFraction = 0.1
        /// Fiber of each module-to-module link (km, total; station at the midpoint).
        var lengthKm = 0.01
        /// Residual two-photon visibility V₀ (assumption).
        var residualVisibility = 0.95
        /// Whether unlike photons are filtered as the mode-matching study recommends.
        var filterUnlike = true
        /// How pairs reach the remote gates: generated on demand (the main sweep) or buffered ahead
        /// per channel with a storage cutoff (the pair-supply points, ``ModalityMixStudy/bufferSettings``).
        var pairs = PairSupply.onDemand
        /// Process fidelity a remote gate must reach to count in the headline rate.
        var fidelityThreshold = 0.8
        /// Monte Carlo shots per point.
        var shots = 16
        /// Seed of the workload circuit (the same circuit for every composition).
        var circuitSeed: UInt64 = 1
        /// One-at-a-time sensitivity point: the preset value scaled ("" none, or one of
        /// ``ModalityMixStudy/sensitivityInputs``), by `sensitivityFactor`.
        var sensitivity = ""
        /// Factor applied to the `sensitivity` input of every module.
        var sensitivityFactor = 1.0
        /// Drawn for the headline bands (nil: the preset's; `ModuleRanges`): the Ca⁺ calibration
        /// probability (sets the ion collection), the transmon T₁ = T₂ (s), the Yb array collection.
        var ionCalibrationProbability: Double?
        var transmonCoherenceSeconds: Double?
        var atomCollection: Double?
    }

    /// Inputs of the one-at-a-time sensitivity points: every module's collection efficiency (capped
    /// at 1), memory T₁ and T₂ together, and readout time, halved and doubled.
    static let sensitivityInputs = ["collection", "coherence", "readout"]
    /// Factors of the sensitivity points.
    static let sensitivityFactors = [0.5, 2.0]

    /// The three module modalities with their presets.
    enum Kind: Int, CaseIterable, Sendable {
        /// Superconducting transmon with electro-optic transducer.
        case superconducting
        /// Trapped ⁴⁰Ca⁺ in a cavity.
        case ion
        /// ¹⁷¹Yb atom array at telecom wavelength.
        case atom
        /// The preset name.
        var preset: PresetName {
            switch self {
            case .superconducting: .transmonElectroOptic
            case .ion: .calcium854Cavity
            case .atom: .ytterbiumArrayTelecom
            }
        }
        /// Metric-name tag.
        var tag: String {
            switch self {
            case .superconducting: "sc"
            case .ion: "ion"
            case .atom: "atom"
            }
        }
    }

    /// Creates the study with its default constants.
    init() {}

    /// Creates the study with other constants (for example fewer shots in tests).
    init(base: Parameters, communicationQubits: [Int] = Self.communicationAxis) {
        customBase = base
        customComm = communicationQubits
    }

    private var customBase: Parameters?
    private var customComm: [Int]?

    /// The communication-qubit axis.
    static let communicationAxis = [1, 2, 10]

    var identifier: String { "modality-mix" }
    var title: String { "Modality mix: remote-gate rate and fidelity of 8-module heterogeneous machines" }
    var summary: String {
        "Every mix of superconducting, trapped-ion and neutral-atom modules in an 8-module machine (45 compositions) "
            + "runs a circuit workload on the architecture engine, with 1, 2 and 10 communication qubits per module for "
            + "every modality, uniform and local traffic, filtered unlike photons and the data qubits' decay while gates "
            + "wait: the rate of remote gates above a stated fidelity, their fidelity, and the Pareto front."
    }
    var version: Int { 3 }
    var base: Parameters { customBase ?? Parameters() }
    var rootSeed: UInt64 { 7 }
    var sourceFile: String? { #filePath }
    /// Every file of the study: editing any of them invalidates its cached points.
    var sourceFiles: [String] {
        [#filePath, Self.machineSource, Self.analysisSource, Self.figuresSource, Self.uncertaintySource, Self.pairSupplySource,
         ModuleRanges.sourceFile, SharedStudySources.headlineUncertainty]
    }
    var presets: [any PresetDescribing] { [PresetName.transmonElectroOptic, PresetName.calcium854Cavity, PresetName.ytterbiumArrayTelecom] }
    var reportTemplate: String? { "modality-mix" }
    var communicationValues: [Int] { customComm ?? Self.communicationAxis }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "With {{numbers.comm}} communication qubits per module and uniform traffic the most remote gates with process fidelity ≥ {{numbers.thresholdPercent}} % come from {{numbers.fastest_uniform_sc}}·{{numbers.fastest_uniform_ion}}·{{numbers.fastest_uniform_atom}} (SC·ion·atom) modules, {{intervals.band_rate_uniform}} (90 % interval over the presets' ranges; lead over the runner-up {{intervals.band_lead_uniform}}); with local traffic from {{numbers.fastest_local_sc}}·{{numbers.fastest_local_ion}}·{{numbers.fastest_local_atom}}, {{intervals.band_rate_local}}. Only the ion preset is demonstrated (calibrated to Krutyanskiy et al. 2023); the atom and transmon presets are projected, so a ranking that favours them is a projection, not a measurement."
    }
    var parameterUnits: [String: String] { ["lengthKm": "km"] }

    /// All compositions (a, b, c) with a + b + c = total, a descending then b descending.
    static func compositions(total: Int = 8) -> [(Int, Int, Int)] {
        var out: [(Int, Int, Int)] = []
        for a in stride(from: total, through: 0, by: -1) {
            for b in stride(from: total - a, through: 0, by: -1) { out.append((a, b, total - a - b)) }
        }
        return out
    }

    var sweep: Sweep<Parameters> {
        let base = self.base
        var points: [Parameters] = []
        for traffic in Traffic.allCases {
            for comm in communicationValues {
                for c in Self.compositions() {
                    var p = base
                    p.traffic = traffic
                    p.communicationQubits = comm
                    p.superconducting = c.0
                    p.ions = c.1
                    p.atoms = c.2
                    points.append(p)
                }
            }
        }
        // Sensitivity: the three pure machines, uniform traffic, base communication qubits.
        for c in [(8, 0, 0), (0, 8, 0), (0, 0, 8)] {
            for input in Self.sensitivityInputs {
                for factor in Self.sensitivityFactors {
                    var p = base
                    (p.superconducting, p.ions, p.atoms) = c
                    p.sensitivity = input
                    p.sensitivityFactor = factor
                    points.append(p)
                }
            }
        }
        // Pair supply: every composition, uniform traffic, base communication qubits, pairs buffered ahead.
        for supply in Self.bufferSettings {
            for c in Self.compositions() {
                var p = base
                (p.superconducting, p.ions, p.atoms) = c
                p.pairs = supply
                points.append(p)
            }
        }
        return .points(points, label: "traffic × communication qubits \(communicationValues) × 45 compositions a + b + c = 8, "
            + "the pure machines with collection, coherence or readout time halved and doubled, and the 45 compositions "
            + "with pairs buffered ahead (uniform traffic)")
    }

    func validate(_ p: Parameters) throws {
        try Validate.count(p.superconducting, atLeast: 0, atMost: 64, at: "superconducting")
        try Validate.count(p.ions, atLeast: 0, atMost: 64, at: "ions")
        try Validate.count(p.atoms, atLeast: 0, atMost: 64, at: "atoms")
        try Validate.count(p.superconducting + p.ions + p.atoms, atLeast: 2, atMost: 64, at: "superconducting + ions + atoms")
        try Validate.count(p.communicationQubits, atLeast: 1, atMost: 1000, at: "communicationQubits")
        try Validate.count(p.dataQubitsPerModule, atLeast: 2, atMost: 1000, at: "dataQubitsPerModule")
        try Validate.count(p.layers, atLeast: 1, atMost: 10_000, at: "layers")
        try Validate.inRange(p.crossFraction, 0...1, at: "crossFraction")
        try Validate.nonNegative(p.lengthKm, at: "lengthKm", unit: "km")
        try Validate.inRange(p.residualVisibility, 0...1, at: "residualVisibility")
        try Validate.inRange(p.fidelityThreshold, 0...1, at: "fidelityThreshold")
        try Validate.count(p.shots, atLeast: 2, atMost: 100_000, at: "shots")
        guard p.sensitivity.isEmpty || Self.sensitivityInputs.contains(p.sensitivity) else {
            throw ParameterError(path: "sensitivity", value: p.sensitivity,
                                 allowed: "\"\" or one of " + Self.sensitivityInputs.joined(separator: ", "))
        }
        try Validate.inRange(p.sensitivityFactor, 0.01...100, at: "sensitivityFactor")
        try p.pairs.validate(at: "pairs")
        if let v = p.ionCalibrationProbability { try Validate.inRange(v, 1e-7...1e-2, at: "ionCalibrationProbability") }
        if let v = p.transmonCoherenceSeconds { try Validate.positive(v, at: "transmonCoherenceSeconds", unit: "s") }
        if let v = p.atomCollection { try Validate.efficiency(v, at: "atomCollection") }
    }

    /// The modality of each module, superconducting first.
    static func kinds(_ p: Parameters) -> [Kind] {
        Array(repeating: .superconducting, count: p.superconducting) + Array(repeating: .ion, count: p.ions)
            + Array(repeating: .atom, count: p.atoms)
    }

    /// Runs a point's machine and workload: the remote-gate summary and the circuit.
    static func remoteGates(_ p: Parameters, stream: RandomStream) throws -> (summary: RemoteGateSummary, circuit: Circuit) {
        let machine = try Machine(Self.machine(p))
        let circuit = try Self.circuit(p)
        let modules = machine.modules.count
        let placement: [Int]? = p.traffic == .uniform ? (0..<circuit.qubitCount).map { $0 % modules } : nil
        let execution = try MachineExecution(
            machine: machine, circuit: circuit,
            options: ExecutionOptions(strategy: .teleportedGate, pairs: p.pairs, placement: placement))
        return (try execution.runRemoteGates(shots: p.shots, stream: stream, fidelityThreshold: p.fidelityThreshold), circuit)
    }

    var engine: Engine<Parameters> {
        .custom("architecture-remote-gates") { p, stream in
            let (s, circuit) = try Self.remoteGates(p, stream: stream)
            let twoQubitGates = circuit.operations.filter { $0.qubits.count == 2 }.count
            return [
                Columns.qualifiedRate(s.qualifiedRate.mean, uncertainty: s.qualifiedRate.standardError),
                Columns.trueHeraldRate(s.trueHeraldGateRate.mean, uncertainty: s.trueHeraldGateRate.standardError),
                Columns.heraldedRate(s.gateRate.mean, uncertainty: s.gateRate.standardError),
                Columns.gateFidelity(s.gateFidelity?.mean ?? 0, uncertainty: s.gateFidelity?.standardError),
                Columns.qualifiedFraction(s.qualifiedFraction),
                Columns.waitTime(s.waitSeconds?.mean ?? 0, uncertainty: s.waitSeconds?.standardError),
                Columns.makespan(s.makespan.mean, uncertainty: s.makespan.standardError),
                Columns.remoteGates(Double(s.gatesPerShot)),
                Columns.remoteFraction(Double(s.gatesPerShot) / Double(max(twoQubitGates, 1))),
            ]
        }
    }
}

extension ModalityMixStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let qualifiedRate = Column("qualifiedRate", unit: "1/s", label: "rate above threshold")
        static let trueHeraldRate = Column("trueHeraldRate", unit: "1/s", label: "rate, true heralds")
        static let heraldedRate = Column("heraldedRate", unit: "1/s", label: "rate, all heralds")
        static let gateFidelity = Column("gateFidelity", label: "gate fidelity")
        static let qualifiedFraction = Column("qualifiedFraction", label: "fraction above threshold")
        static let waitTime = Column("waitTime", unit: "s", label: "mean wait")
        static let makespan = Column("makespan", unit: "s")
        static let remoteGates = Column("remoteGates")
        static let remoteFraction = Column("remoteFraction")
        static let superconducting = Column("superconducting", label: "SC")
        static let ions = Column("ions", label: "ion")
        static let atoms = Column("atoms", label: "atom")
        static let communicationQubits = Column("communicationQubits", label: "communication qubits")
        static let sensitivityFactor = Column("sensitivityFactor", label: "factor")
        static let traffic = Column("traffic", label: "traffic")
        static let sensitivity = Column("sensitivity", label: "scaled input")
    }
}
