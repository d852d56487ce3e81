import Foundation
import Interlink

/// The transducer an ion–superconductor link needs: heralded fidelity and distillable rate over
/// transducer efficiency η_t (10⁻³–1) × added noise N_add per mode (10⁻⁵–10 photons) at 10 and 100 km,
/// with published transducers (and their published error bars) on the map, and the requirements for
/// 1 and 100 ebit/s found by root finding on the model.
///
/// Model: a Ca⁺ cavity node (preset `ion.ca40.854.cavity`, its collection calibrated to the deployed
/// Krutyanskiy et al. 2023 link: two such nodes over 520 m of 854 nm fiber herald with p = 4 × 10⁻⁵ per
/// attempt — the *demonstrated* ion arm; the uncalibrated preset is the *projected* one) whose 854 nm
/// photon is converted to 1550 nm (`FrequencyConversionStage.calcium854To1550`: ≈ 30 %, ≈ 60 s⁻¹
/// noise, Krutyanskiy et al., Appl. Phys. B 2017) and a transmon behind an electro-optic transducer
/// (preset `transmon.transducer.eo`: Sahu et al. 2022; bandwidth and repetition from Weaver et al.
/// 2024) meet at a midpoint two-photon (Barrett–Kok) station.
///
/// Transducer noise: N_add is quoted per temporal mode; a detection window holds η_t·N_add·m noise
/// photons, with m the number of noise modes per window (`NoiseModes`: max(1, B·τ) for noise bandwidth
/// B and window τ). With the study's 0.1 MHz filter cavities and the 30 µs window the model's m = 3;
/// `noiseModes` overrides it (1: perfect temporal-mode filtering; 14.8 MHz × 30 µs ≈ 444: no filter
/// behind the transducer's band) by scaling N_add by m/3 — exact, since the noise enters only through
/// the product N_add·m. Assumptions (stated in the report): the transmon photon is shaped to the ion
/// photon's temporal mode (Kurpiers et al., Nature 558, 264, 2018), both arms use the station's
/// SNSPDs with the ion preset's 30 µs window, residual visibility 1.
struct TransductionFrontierStudy: Study {
    /// Which ion arm the link uses.
    enum IonArm: String, Codable, Sendable, CustomStringConvertible {
        /// Preset `ion.ca40.854.cavity`, calibrated to the Krutyanskiy et al. 2023 link (demonstrated).
        case demonstrated
        /// Preset `ion.ca40.854.cavity.projected`: Schupp et al. 2021's single-node numbers in a link.
        case projected
        /// The name in files and tables.
        var description: String { rawValue }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Transducer efficiency η_t.
        var transducerEfficiency = 0.087
        /// Input-referred added noise N_add per temporal mode (photons).
        var addedNoisePhotons = 0.16
        /// Total fiber length between the nodes (km); the station sits in the middle.
        var lengthKm = 10.0
        /// 854 → 1550 nm conversion efficiency of the ion arm.
        var ionConversionEfficiency = FrequencyConversionStage.calcium854To1550.efficiency
        /// Bandwidth of the filter cavities in both arms (MHz; assumed, peak transmission 0.9).
        var transmonFilterMHz = 0.1
        /// Temporal noise modes per detection window m; nil = the model's max(1, B·τ) (3 here).
        var noiseModes: Double?
        /// Coherence time T₁ = T₂ of the transmon's stored qubit (s); nil = no decay while the herald
        /// returns (the requirement on the transducer alone; the preset's transmon has 100 µs).
        var transmonT2Seconds: Double?
        /// Multiplexed modes (communication qubits of both nodes).
        var modes = 1
        /// Demonstrated (calibrated) or projected ion arm.
        var ionArm = IonArm.demonstrated
        /// Published success probability per attempt of the calibration experiment (Krutyanskiy 2023).
        var ionCalibrationProbability = 4e-5
        /// Collection efficiency of the ion arm; nil = the arm's preset (see ``resolved(_:)``).
        var ionCollection: Double?
        /// Station SNSPD efficiency (both arms); nil = the ion preset's detector.
        var snspdEfficiency: Double?
        /// Station SNSPD dark-count rate (Hz, both arms); nil = the ion preset's detector.
        var snspdDarkCountRateHz: Double?
        /// 1550 nm fiber attenuation (dB/km); nil = the tabulated value.
        var attenuation1550DBPerKm: Double?
    }

    /// A published transducer: efficiency and added noise with the published spread (if any).
    struct Transducer {
        let label: String
        let reference: String
        let efficiency: Double
        let addedNoise: Double
        /// Published N_add interval (low, high); nil when no spread is published.
        var noiseInterval: (Double, Double)?
        /// Whether `addedNoise` is a lower bound (Brubaker: N_add ≥ 3.2).
        var noiseIsLowerBound = false
        /// Whether `addedNoise` is an assumption (no value published).
        var noiseAssumed = false
    }

    /// Devices from the project's parameter reference; error bars where the paper gives them (Sahu et
    /// al., Nat. Commun. 13, 1276 (2022): N_add = 0.16 (+0.02/−0.01) at 8.7 %, 0.41 ± 0.02 at 15 %).
    /// Weaver et al. 2024 and Warner et al. 2025 publish no N_add: placed at an assumed N_add = 1.
    static let transducers: [Transducer] = [
        Transducer(label: "Sahu 8.7%", reference: "Sahu et al. 2022", efficiency: 0.087, addedNoise: 0.16,
                   noiseInterval: (0.15, 0.18)),
        Transducer(label: "Sahu 15%", reference: "Sahu et al. 2022", efficiency: 0.15, addedNoise: 0.41,
                   noiseInterval: (0.39, 0.43)),
        Transducer(label: "Brubaker", reference: "Brubaker et al. 2022 (lower bound)", efficiency: 0.47, addedNoise: 3.2,
                   noiseIsLowerBound: true),
        Transducer(label: "Zhao 2.2%", reference: "Zhao et al. 2024", efficiency: 0.022, addedNoise: 0.94),
        Transducer(label: "Zhao 0.47%", reference: "Zhao et al. 2024", efficiency: 0.0047, addedNoise: 0.58),
        Transducer(label: "Weaver", reference: "Weaver et al. 2024 (no N_add published)", efficiency: 0.009, addedNoise: 1,
                   noiseAssumed: true),
        Transducer(label: "Warner", reference: "Warner et al. 2025 (no N_add published)", efficiency: 0.0118, addedNoise: 1,
                   noiseAssumed: true),
        Transducer(label: "Jiang", reference: "Jiang et al. 2023", efficiency: 0.05, addedNoise: 100),
        Transducer(label: "Urmey", reference: "Urmey et al., arXiv 2507.09873 (upconversion)",
                   efficiency: 0.4, addedNoise: 2.6),
    ]

    init() {}

    var identifier: String { "transduction-frontier" }
    var title: String { "Transduction frontier: the transducer an ion–superconductor link needs" }
    var summary: String {
        "Distillable rate and fidelity of a Ca⁺–transmon link at 10 and 100 km over transducer efficiency 10⁻³–1 and "
            + "added noise 10⁻⁵–10 photons per mode, with published transducers and their error bars; the efficiency, "
            + "noise, transmon coherence and multiplexing needed for 1 and 100 ebit/s found by root finding."
    }
    var version: Int { 2 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    var presets: [any PresetDescribing] { [PresetName.calcium854Cavity, PresetName.calcium854CavityProjected, PresetName.transmonElectroOptic] }
    var sourceFiles: [String] {
        [#filePath, Self.figuresSource, Self.tablesSource, RequirementSources.requirement, StationRanges.sourceFile]
    }
    var reportTemplate: String? { "transduction-frontier" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "With the demonstrated Ca⁺ arm no transducer gives an ion–transmon link any distillable entanglement at 10 km (F ≤ {{numbers.bestFidelity_10_demo}} even at η_t = 1 without noise); with the projected arm, 1 ebit/s at 10 km needs η_t ≥ {{intervals.headline_efficiency}}, N_add ≤ {{intervals.headline_noise}} per mode at {{numbers.defaultNoiseModes}} noise modes per window, and a transmon T₂ ≥ {{intervals.headline_coherence}}; {{numbers.devicesDistilling_proj}} of {{numbers.devicesTotal}} published transducers distil at all."
    }
    var parameterUnits: [String: String] {
        ["addedNoisePhotons": "photons", "lengthKm": "km", "transmonFilterMHz": "MHz", "transmonT2Seconds": "s",
         "snspdDarkCountRateHz": "Hz", "attenuation1550DBPerKm": "dB/km"]
    }

    /// Target distillable rates (ebit/s) and lengths (km) of the requirements.
    static let targetRates = [1.0, 100.0]
    static let lengths = [10.0, 100.0]
    /// Grid: log-spaced, 10 points per decade.
    static let efficiencyGrid = (low: 1e-3, high: 1.0, count: 31)
    static let noiseGrid = (low: 1e-5, high: 10.0, count: 61)

    var sweep: Sweep<Parameters> {
        .grid(.values(\.ionArm, [.demonstrated, .projected]), .values(\.lengthKm, Self.lengths),
              .logspace(\.addedNoisePhotons, from: Self.noiseGrid.low, through: Self.noiseGrid.high, count: Self.noiseGrid.count),
              .logspace(\.transducerEfficiency, from: Self.efficiencyGrid.low, through: Self.efficiencyGrid.high,
                        count: Self.efficiencyGrid.count))
    }

    // MARK: Model

    /// Krutyanskiy et al. 2023's published success probability per attempt, to which the demonstrated
    /// preset is calibrated (`CalibrationExperiment.krutyanskiy2023`).
    static let calibrationProbability = 4e-5

    /// The ion preset of an arm status.
    static func ionPreset(_ arm: IonArm) -> PresetName {
        arm == .demonstrated ? .calcium854Cavity : .calcium854CavityProjected
    }

    /// `p` with the ion collection resolved: the preset's, and for the demonstrated arm scaled by
    /// √(p_cal/4×10⁻⁵) when the calibration probability is drawn away from the published value (the
    /// herald probability grows as the square of the per-photon efficiency, p ≈ η²/2).
    static func resolved(_ p: Parameters) throws -> Parameters {
        var q = p
        if q.ionCollection == nil {
            let collection = ModalityPreset.arm(ionPreset(p.ionArm)).collection.efficiency
            q.ionCollection = p.ionArm == .demonstrated
                ? collection * (p.ionCalibrationProbability / calibrationProbability).squareRoot() : collection
        }
        return q
    }

    /// Temporal noise modes per window of the model (max(1, B·τ)) for `p`'s filter.
    static func modelNoiseModes(_ p: Parameters) throws -> Double {
        let ion = ModalityPreset.arm(.calcium854Cavity)
        let band = ModalityPreset.arm(.transmonElectroOptic).transducer?.bandwidthMHz ?? .infinity
        return NoiseModes.temporalModes(bandwidthMHz: min(band, p.transmonFilterMHz), windowSeconds: ion.detector.windowSeconds)
    }

    /// The link configuration of one point.
    static func configuration(_ p: Parameters) throws -> LinkConfiguration {
        let p = try resolved(p)
        var ion = ModalityPreset.arm(ionPreset(p.ionArm))
        if let c = p.ionCollection { ion.collection.efficiency = c }
        var conversion = FrequencyConversionStage.calcium854To1550
        conversion.efficiency = p.ionConversionEfficiency
        ion.conversion = conversion
        StationRanges.apply(to: &ion, efficiency: p.snspdEfficiency, darkCounts: p.snspdDarkCountRateHz,
                            attenuation: p.attenuation1550DBPerKm)
        ion.node.communicationQubits = p.modes
        var sc = ModalityPreset.arm(.transmonElectroOptic)
        sc.node.photon.linewidthMHz = ion.node.photon.linewidthMHz
        sc.detector = ion.detector
        sc.fiber.attenuationDBPerKm = ion.fiber.attenuationDBPerKm
        sc.node.communicationQubits = p.modes
        sc.node.memory = p.transmonT2Seconds.map { MemoryParameters(t1Seconds: $0, t2Seconds: $0) } ?? MemoryParameters()
        let modelModes = try modelNoiseModes(p)
        sc.transducer?.efficiency = p.transducerEfficiency
        sc.transducer?.addedNoisePhotons = p.addedNoisePhotons * (p.noiseModes ?? modelModes) / modelModes
        // The same filter cavity in both arms keeps the two photons' spectra identical.
        let filter = SpectralFilterStage(bandwidthMHz: p.transmonFilterMHz, peakTransmission: 0.9)
        sc.filter = filter
        ion.filter = filter
        return LinkConfiguration.midpoint(armA: ion, armB: sc, totalLengthKm: p.lengthKm, scheme: .twoPhoton, residualVisibility: 1)
    }

    /// The evaluated link of one point.
    static func link(_ p: Parameters) throws -> LinkModel {
        try LinkModel(configuration: configuration(p))
    }

    /// Checks the point's configuration without evaluating the model (the engine does, once).
    func validate(_ parameters: Parameters) throws {
        if let m = parameters.noiseModes { try Validate.inRange(m, 1...1e6, at: "noiseModes") }
        try Validate.count(parameters.modes, atLeast: 1, atMost: 1_000_000, at: "modes")
        try Self.configuration(parameters).validate(at: "link")
    }

    var engine: Engine<Parameters> {
        .analytic { p in
            let link = try Self.link(p)
            return [
                Columns.fidelity(link.fidelity),
                Columns.trueRate(link.trueHeraldRateHz),
                Columns.totalHeraldRate(link.rateHz),
                Columns.distillableRate(link.hashingRateHz),
                Columns.noisePhotonsTransmon(link.armB.noisePhotonsPerWindow),
            ]
        }
    }

    // MARK: Requirements

    /// What a requirement constrains.
    enum Quantity: String, CaseIterable, Sendable {
        /// Smallest η_t (N_add = 0, no transmon decay, one mode).
        case efficiency
        /// Largest N_add per mode at η_t = 1 (no transmon decay, one mode).
        case noise
        /// Smallest transmon T₁ = T₂ (η_t = 1, N_add = 0, one mode).
        case coherence
        /// Fewest multiplexed modes (η_t = 1, N_add = 0, no transmon decay).
        case multiplexing
        /// Smallest collection of the projected ion arm (its 1.28 dB coupling loss kept; η_t = 1,
        /// N_add = 0, no transmon decay, one mode).
        case ionEfficiency

        /// Row label in the requirement tables.
        var label: String {
            switch self {
            case .efficiency: "transducer efficiency η_t ≥ (N_add = 0, no transmon decay, 1 multiplexed mode)"
            case .noise: "added noise N_add per mode ≤ (η_t = 1, no transmon decay, 1 multiplexed mode)"
            case .coherence: "transmon T₁ = T₂ ≥ (η_t = 1, N_add = 0, 1 multiplexed mode)"
            case .multiplexing: "multiplexed modes ≥ (η_t = 1, N_add = 0, no transmon decay)"
            case .ionEfficiency: "ion cavity collection ≥ (1.28 dB coupling, η_t = 1, N_add = 0, no transmon decay, 1 multiplexed mode)"
            }
        }

        /// Unit of the requirement.
        var unit: String { self == .coherence ? "s" : (self == .noise ? "photons" : "") }

        /// The symbol named in an unreachable cell.
        var symbol: String {
            switch self {
            case .efficiency: "η_t"
            case .noise: "N_add"
            case .coherence: "T₂"
            case .multiplexing: "modes"
            case .ionEfficiency: "collection"
            }
        }

        /// Whether the requirement is a minimum (the distillable rate grows with the quantity).
        var isMinimum: Bool { self != .noise }
    }

    /// The requirement on `quantity` for `rate` ebit/s at `p.lengthKm`, the other transducer and
    /// transmon values at the quantity's stated conditions (``Quantity``).
    static func requirement(_ quantity: Quantity, _ p: Parameters, rate: Double) throws -> Requirement {
        var q = try resolved(p)
        q.addedNoisePhotons = 0
        q.transducerEfficiency = 1
        q.modes = 1
        q.transmonT2Seconds = nil
        switch quantity {
        case .efficiency:
            return try Requirement.solve(in: 1e-4...1, increasing: true, target: rate) { eta in
                q.transducerEfficiency = eta
                return try link(q).hashingRateHz
            }
        case .noise:
            return try Requirement.solve(in: 1e-9...10, increasing: false, target: rate) { n in
                q.addedNoisePhotons = n
                return try link(q).hashingRateHz
            }
        case .coherence:
            return try Requirement.solve(in: 1e-6...10, increasing: true, target: rate) { t2 in
                q.transmonT2Seconds = t2
                return try link(q).hashingRateHz
            }
        case .multiplexing:
            return try Requirement.smallestCount(upTo: 100_000, target: rate) { m in
                q.modes = m
                return try link(q).hashingRateHz
            }
        case .ionEfficiency:
            return try Requirement.solve(in: 1e-4...1, increasing: true, target: rate) { collection in
                q.ionCollection = collection
                return try link(q).hashingRateHz
            }
        }
    }

    /// The point at which a requirement holds: `p` at the quantity's conditions with the required
    /// value (for checking the fidelity there); nil when the requirement is not a value.
    static func point(_ quantity: Quantity, _ p: Parameters, _ requirement: Requirement) throws -> Parameters? {
        guard let v = requirement.value else { return nil }
        var q = try resolved(p)
        q.addedNoisePhotons = 0
        q.transducerEfficiency = 1
        q.modes = 1
        q.transmonT2Seconds = nil
        switch quantity {
        case .efficiency: q.transducerEfficiency = v
        case .noise: q.addedNoisePhotons = v
        case .coherence: q.transmonT2Seconds = v
        case .multiplexing: q.modes = Int(v)
        case .ionEfficiency: q.ionCollection = v
        }
        return q
    }

    /// The uncertain inputs: the published SNSPD and 1550 nm fiber ranges of the presets
    /// (`ModalityPreset.uncertainties`), the ion converter's efficiency (assumed ±10 %) and the
    /// calibration's published success probability (assumed ±25 %: no uncertainty is quoted).
    static var uncertainParameters: [UncertainParameter<Parameters>] {
        var list = StationRanges.parameters(efficiency: \Parameters.snspdEfficiency, darkCounts: \Parameters.snspdDarkCountRateHz,
                                            attenuation: \Parameters.attenuation1550DBPerKm)
        list.append(UncertainParameter(\.ionConversionEfficiency, ParameterUncertainty(
            .normal(mean: FrequencyConversionStage.calcium854To1550.efficiency, standardDeviation: 0.03),
            source: "assumed 10 % relative (Krutyanskiy et al. 2017 quote ≈ 30 %)", isAssumption: true, limits: 0.01...1)))
        list.append(UncertainParameter("ionCalibrationProbability", .range(3e-5, 5e-5, source: "Krutyanskiy et al. 2023 p = 4e-5, "
            + "assumed ±25 % (no uncertainty quoted)", isAssumption: true)) { point, value in
            point.ionCalibrationProbability = value
            point.ionCollection = nil
        })
        return list
    }

    /// 64 Latin-hypercube draws of the uncertain inputs (the same draws for every requirement).
    static var propagation: Propagation<Parameters> {
        Propagation(uncertainParameters, draws: 64, seed: 16, level: 0.90)
    }

    /// A requirement with its 90 % interval over the draws.
    static func requirementInterval(_ quantity: Quantity, _ p: Parameters, rate: Double) throws -> RequirementInterval {
        try RequirementInterval(propagation, base: p, increasing: quantity.isMinimum) { try requirement(quantity, $0, rate: rate) }
    }

    /// Metric name of a requirement (`etaMin_1_10`, …).
    static func key(_ quantity: Quantity, rate: Double, lengthKm: Double, arm: IonArm) -> String {
        let stem: String
        switch quantity {
        case .efficiency: stem = "etaMin"
        case .noise: stem = "noiseMax"
        case .coherence: stem = "t2Min"
        case .multiplexing: stem = "modesMin"
        case .ionEfficiency: stem = "ionCollectionMin"
        }
        return "\(stem)_\(Int(rate))_\(Int(lengthKm))_\(arm.rawValue.prefix(4))"
    }

    var derived: [Derivation] {
        let p = base
        return [
            Derivation("ion arms: demonstrated and projected presets") { _ in
                let demonstrated = try Self.link(p), projected = try Self.link({ var q = p; q.ionArm = .projected; return q }())
                return [
                    Columns.ionCollectionDemonstrated(ModalityPreset.arm(.calcium854Cavity).collection.efficiency),
                    Columns.ionCollectionProjected(ModalityPreset.arm(.calcium854CavityProjected).collection.efficiency),
                    Columns.ionArmEfficiencyDemonstrated(demonstrated.armA.endToEndEfficiency),
                    Columns.ionArmEfficiencyProjected(projected.armA.endToEndEfficiency),
                    Columns.defaultNoiseModes(try Self.modelNoiseModes(p)),
                    Columns.unfilteredNoiseModes(NoiseModes.temporalModes(bandwidthMHz: 14.8, windowSeconds: 30e-6)),
                ]
            },
            Derivation("requirements for 1 and 100 ebit/s at 10 and 100 km (Brent root on the model)") { _ in
                var out: [Metric] = []
                for arm in [IonArm.demonstrated, .projected] {
                    for length in Self.lengths {
                        var q = p
                        q.lengthKm = length
                        q.ionArm = arm
                        for rate in Self.targetRates {
                            for quantity in Quantity.allCases {
                                guard let v = try Self.requirement(quantity, q, rate: rate).value else { continue }
                                out.append(Metric(Self.key(quantity, rate: rate, lengthKm: length, arm: arm), v, unit: quantity.unit))
                            }
                        }
                        // The best this ion arm does: a perfect transducer (η_t = 1, N_add = 0).
                        var best = q
                        best.transducerEfficiency = 1
                        best.addedNoisePhotons = 0
                        let link = try Self.link(best)
                        let tag = "\(Int(length))_\(arm.rawValue.prefix(4))"
                        out.append(Metric("bestFidelity_\(tag)", link.fidelity))
                        out.append(Metric("bestDistillable_\(tag)", link.hashingRateHz, unit: "ebit/s"))
                        out.append(Metric("bestTrueRate_\(tag)", link.trueHeraldRateHz, unit: "1/s"))
                    }
                }
                // N_add at both limits of the noise-mode count, for the headline (1 ebit/s, 10 km).
                for (name, m) in [("noiseMax_1_10_proj_singleMode", 1.0), ("noiseMax_1_10_proj_unfiltered", 14.8 * 30)] {
                    var q = p
                    q.ionArm = .projected
                    q.noiseModes = m
                    if let v = try Self.requirement(.noise, q, rate: 1).value { out.append(Metric(name, v, unit: "photons")) }
                }
                return out
            },
            Derivation("headline requirements with 90 % intervals (projected ion arm, 1 ebit/s, 10 km; digits of the interval)") { _ in
                var q = p
                q.ionArm = .projected
                var out: [Metric] = []
                for quantity in [Quantity.efficiency, .noise, .coherence] {
                    out += try Self.requirementInterval(quantity, q, rate: 1).metrics("headline_" + quantity.rawValue, unit: quantity.unit)
                }
                // The ion collection the findings quote, with its interval as in the requirements table.
                out += try Self.requirementInterval(.ionEfficiency, q, rate: 1).metrics("ionCollection_1_10_proj")
                return out
            },
            Derivation("published transducers at 10 km (no transmon decay)") { _ in
                var out: [Metric] = [Columns.devicesTotal(Double(Self.transducers.count))]
                for arm in [IonArm.projected, .demonstrated] {
                    var distilling = 0
                    for t in Self.transducers {
                        var q = p
                        q.ionArm = arm
                        q.transducerEfficiency = t.efficiency
                        q.addedNoisePhotons = t.addedNoise
                        if try Self.link(q).hashingRateHz > 0 { distilling += 1 }
                    }
                    var sahu = p
                    sahu.ionArm = arm
                    let link = try Self.link(sahu)
                    let tag = String(arm.rawValue.prefix(4))
                    out.append(Metric("devicesDistilling_\(tag)", Double(distilling)))
                    out.append(Metric("fidelitySahu_\(tag)", link.fidelity))
                    out.append(Metric("distillableSahu_\(tag)", link.hashingRateHz, unit: "ebit/s"))
                }
                return out
            },
        ]
    }

    /// Three significant digits, plain text.
    static func format(_ v: Double) -> String {
        String(format: "%.3g", v)
    }
}

extension TransductionFrontierStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let lengthKm = Column("lengthKm", unit: "km")
        static let fidelity = Column("fidelity")
        static let trueRate = Column("trueRate", unit: "1/s")
        static let totalHeraldRate = Column("totalHeraldRate", unit: "1/s")
        static let distillableRate = Column("distillableRate", unit: "ebit/s")
        static let noisePhotonsTransmon = Column("noisePhotonsTransmon")
        static let ionCollectionDemonstrated = Column("ionCollectionDemonstrated")
        static let ionCollectionProjected = Column("ionCollectionProjected")
        static let ionArmEfficiencyDemonstrated = Column("ionArmEfficiencyDemonstrated")
        static let ionArmEfficiencyProjected = Column("ionArmEfficiencyProjected")
        static let defaultNoiseModes = Column("defaultNoiseModes")
        static let unfilteredNoiseModes = Column("unfilteredNoiseModes")
        static let devicesTotal = Column("devicesTotal")
    }
}
