import Foundation
import Interlink

/// What a memory must do for superconducting modules to share entanglement over a two-link repeater
/// A — R — B: every module (transmon + electro-optic transducer) parks its half of each heralded pair
/// in a memory right after emission. The memory's coherence time T₂, the transfer's process fidelity
/// F_tr and its duration t_tr are swept requirement axes — not a borrowed coherence time or an assumed
/// interface — and the values needed for 1 and 100 ebit/s (hashing bound) at 10 and 100 km are found
/// by root finding on the closed form.
///
/// Closed forms: `TwoLinkRepeaterModel` (synchronous rounds, age-difference distribution, exact
/// expected memory decoherence; Brand, Coopmans & Elkouss, IEEE JSAC 38, 619 (2020)). Monte Carlo:
/// `RepeaterSimulation` on the same links, at three points, against the closed forms.
///
/// Model of parking: a `NodeTransferStep` of each module (placement `beforeEmission`, which the link
/// model times exactly as a transfer right after emission: its duration adds to the module's attempt
/// cycle, its efficiency multiplies the arm's, its depolarising channel of process fidelity F_tr acts on
/// the stored qubit), and the module's memory replaced by one with T₂ (pure dephasing, T₁ ≫ T₂). The
/// transducer is a projected one (η_t = 0.5, N_add = 10⁻³ per mode, labelled so); with Sahu et al.'s
/// demonstrated 8.7 %/0.16 no memory helps (reported). Cutoffs are not used in the requirements. This
/// deterministic transfer is an idealised bound; the heralded transfer through a second, local transducer
/// (`HeraldedParkingRepeater`, MemoryBuffering+HeraldedTransfer.swift) is the physical interface, with its
/// own requirement map over that transducer's (η_t, N_add).
struct MemoryBufferingStudy: Study {
    /// Which part of the study a point belongs to.
    enum Part: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Closed-form map over T₂ × transfer infidelity × transfer time × length.
        case map = "deterministic transfer"
        /// Monte Carlo waiting times and fidelity.
        case monteCarlo = "Monte Carlo check"
        /// Closed-form map of the heralded transfer over the transfer link's transducer (η_t × N_add).
        case heralded = "heralded transfer"
        /// The name in files and tables.
        var description: String { rawValue }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Part of the study.
        var part = Part.map
        /// Total distance A–B (km); the repeater sits in the middle, each link has a midpoint station.
        var lengthKm = 10.0
        /// Memory coherence time T₂ (s), used when `memoryDecays`.
        var memoryT2Seconds = 0.1
        /// Whether the memory decays (false: the requirement on the transfer alone).
        var memoryDecays = true
        /// 1 − F_tr, the transfer's process infidelity.
        var transferInfidelity = 1e-3
        /// Transfer duration t_tr (s).
        var transferTimeSeconds = 1e-6
        /// Transfer success probability.
        var deterministicTransferEfficiency = 1.0
        /// Transducer efficiency (projected).
        var transducerEfficiency = 0.5
        /// Transducer added noise per mode (photons, projected).
        var addedNoisePhotons = 1e-3
        /// Residual two-photon visibility V₀ (assumption).
        var residualVisibility = 0.95
        /// Heralded transfer: the memory's T₂ (s) on the heralded map, in place of `memoryT2Seconds`; nil = `memoryT2Seconds`.
        var heraldedTransferMemoryT2Seconds: Double?
        /// Heralded transfer: efficiency η_t of the transfer link's transducer.
        var transferTransducerEfficiency = 0.5
        /// Heralded transfer: added noise N_add per mode of the transfer link's transducer (photons).
        var transferAddedNoisePhotons = 1e-3
        /// Heralded transfer: the memory node's photon efficiency into its fiber (projected).
        var heraldedTransferMemoryInterfaceEfficiency = 0.5
        /// Heralded transfer: the transmon's T₁ = T₂ while the transfer retries (s); nil = the preset's 100 µs.
        var heraldedTransferTransmonT2Seconds: Double?
        /// Heralded transfer: two-qubit gate and readout fidelity of the transmon's Bell measurement
        /// (teleportation into the memory); nil = the preset's 0.99.
        var heraldedTransferOperationFidelity: Double?
        /// Heralded transfer: residual two-photon visibility of the local transfer station; nil = `residualVisibility`.
        var heraldedTransferVisibility: Double?
        /// The memory's T₂ (s) at this point: the heralded map's stated one, else `memoryT2Seconds`.
        var storedT2Seconds: Double { heraldedTransferMemoryT2Seconds ?? memoryT2Seconds }
        /// Cutoff in whole rounds for the Monte Carlo points (cutoff = rounds × τ), 0 = none.
        var cutoffRounds = 0
        /// Delivered pairs per Monte Carlo point.
        var monteCarloPairs = 200_000
        /// Station SNSPD efficiency; nil = the preset's.
        var snspdEfficiency: Double?
        /// Station SNSPD dark-count rate (Hz); nil = the preset's.
        var snspdDarkCountRateHz: Double?
        /// 1550 nm fiber attenuation (dB/km); nil = tabulated.
        var attenuation1550DBPerKm: Double?
    }

    /// A published or preset memory, drawn on the T₂ axis for orientation (not used by the model).
    struct Memory {
        let label: String
        let t2Seconds: Double
        let note: String
    }

    /// Memories for orientation, with what each number is.
    static let memories: [Memory] = [
        Memory(label: "transmon", t2Seconds: 100e-6, note: "preset transmon.transducer.eo, lower end of 100 µs – 1 ms (secondary)"),
        Memory(label: "Sr⁺", t2Seconds: 0.085, note: "model value of a trapped-ion processing node (Avis et al., npj QI 2023, secondary)"),
        Memory(label: "SiV", t2Seconds: 2.1, note: "nuclear memory, up to 2.1 s (source not traced; orientation only)"),
        Memory(label: "⁴³Ca⁺", t2Seconds: 10, note: "entangled memory kept ~10 s with dynamical decoupling, a ⁴³Ca⁺ "
            + "memory co-trapped with ⁸⁸Sr⁺ (Drmota et al. 2023): not a fitted T₂, not the ⁴⁰Ca⁺ cavity ion"),
    ]

    init() {}

    /// Creates the study with other constants (for example fewer pairs in tests).
    init(base: Parameters) { customBase = base }

    private var customBase: Parameters?

    var identifier: String { "memory-buffering" }
    var title: String { "Memory buffering: the memory and transfer superconducting modules need" }
    var summary: String {
        "A two-link repeater of superconducting modules that park their half of each pair in a memory: the memory "
            + "coherence time, transfer fidelity and transfer time needed for 1 and 100 ebit/s at 10 and 100 km, found "
            + "by root finding on the closed form, with Monte Carlo checks of the closed form; and what a heralded transfer "
            + "through a second transducer needs."
    }
    var version: Int { 3 }
    var base: Parameters { customBase ?? Parameters() }
    var rootSeed: UInt64 { 5 }
    var sourceFile: String? { #filePath }
    var presets: [any PresetDescribing] { [PresetName.transmonElectroOptic] }
    var sourceFiles: [String] {
        [#filePath, Self.requirementsSource, Self.figuresSource, Self.heraldedSource, Self.heraldedFiguresSource, RequirementSources.requirement, StationRanges.sourceFile]
    }
    var reportTemplate: String? { "memory-buffering" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "With a projected transducer (η_t = 0.5, N_add = 10⁻³ per mode), superconducting modules reach 1 ebit/s over 100 km through one repeater only if they park their halves in a memory with T₂ ≥ {{intervals.headline_t2}}, transferred with process fidelity ≥ {{intervals.headline_transferFidelity}} in at most {{intervals.headline_transferTime}}; 100 ebit/s is not reachable (at most {{numbers.bestDistillable_100}} ebit/s), and with Sahu et al.'s demonstrated transducer no memory gives any distillable rate (F = {{numbers.sahuFidelity_100}}). That transfer is an idealised bound: a heralded transfer through a second transducer into a 1 s memory reaches 1 ebit/s at 10 km only with N_add ≤ {{intervals.heraldedNaddMax_1_10}} per mode at η_t = 0.5 (with a 1 ms transmon and a 0.999 Bell measurement), and no transfer transducer suffices at 100 km."
    }
    var parameterUnits: [String: String] {
        ["lengthKm": "km", "memoryT2Seconds": "s", "transferTimeSeconds": "s", "addedNoisePhotons": "photons",
         "snspdDarkCountRateHz": "Hz", "attenuation1550DBPerKm": "dB/km", "heraldedTransferTransmonT2Seconds": "s",
         "heraldedTransferMemoryT2Seconds": "s",
         "transferAddedNoisePhotons": "photons"]
    }

    /// Target distillable rates (ebit/s) and lengths (km) of the requirements.
    static let targetRates = [1.0, 100.0]
    static let lengths = [10.0, 100.0]
    /// Transfer durations of the map (s).
    static let transferTimes = [1e-6, 1e-3]
    /// Monte Carlo points at 100 km: (T₂, cutoff rounds).
    static let monteCarloPoints: [(Double, Int)] = [(0.1, 0), (0.1, 50), (0.01, 10)]
    /// Panel titles of the Monte Carlo points, in the order of `monteCarloPoints`.
    static let monteCarloTitles = ["<i>T</i><sub>2</sub> = 0.1 s, no cutoff", "<i>T</i><sub>2</sub> = 0.1 s, 50-round cutoff",
                                   "<i>T</i><sub>2</sub> = 10 ms, 10-round cutoff"]
    /// Number of bins of the waiting-time histograms, over [0, 4 × closed-form mean) rounds.
    static let histogramBins = 40
    /// Length of the Monte Carlo points (km).
    static let monteCarloLengthKm = 100.0

    var sweep: Sweep<Parameters> {
        let mc = Self.monteCarloPoints.map { t2, rounds in
            var p = base
            p.part = .monteCarlo
            p.memoryT2Seconds = t2
            p.lengthKm = Self.monteCarloLengthKm
            p.cutoffRounds = rounds
            return p
        }
        return .concat(
            .grid(.values(\.lengthKm, Self.lengths), .values(\.transferTimeSeconds, Self.transferTimes),
                  .logspace(\.transferInfidelity, from: 1e-4, through: 0.1, count: 16),
                  .logspace(\.memoryT2Seconds, from: 1e-4, through: 100, count: 31)),
            .points(mc, label: "Monte Carlo points"),
            .grid(.values(\.lengthKm, Self.lengths),
                  .logspace(\.transferTransducerEfficiency, from: 1e-2, through: 1, count: 17),
                  .logspace(\.transferAddedNoisePhotons, from: 1e-4, through: 1, count: 17))
                .deriving("heralded transfer at the stated memory and local conditions") { $0 = Self.heraldedPoint($0, lengthKm: $0.lengthKm) }
        )
    }

    // MARK: Model

    /// The superconducting module's arm: the preset transmon with the study's transducer, the parking
    /// transfer and the memory.
    static func arm(_ p: Parameters) throws -> ArmConfiguration {
        var arm = parkingArm(p)
        arm.node.transferSteps = [NodeTransferStep(name: "transmon to memory", placement: .beforeEmission, efficiency: p.deterministicTransferEfficiency,
                                           fidelity: 1 - p.transferInfidelity, durationSeconds: p.transferTimeSeconds)]
        return arm
    }

    /// The module's arm with its half held in the memory and no transfer step (the transfer is added by
    /// the deterministic or the heralded model).
    static func parkingArm(_ p: Parameters) -> ArmConfiguration {
        var arm = ModalityPreset.arm(.transmonElectroOptic)
        arm.transducer?.efficiency = p.transducerEfficiency
        arm.transducer?.addedNoisePhotons = p.addedNoisePhotons
        arm.node.memory = p.memoryDecays ? MemoryParameters(t2Seconds: p.storedT2Seconds) : MemoryParameters()
        StationRanges.apply(to: &arm, efficiency: p.snspdEfficiency, darkCounts: p.snspdDarkCountRateHz,
                            attenuation: p.attenuation1550DBPerKm)
        return arm
    }

    /// The repeater configuration: two identical links of length L/2, each with a midpoint station.
    static func configuration(_ p: Parameters, cutoffSeconds: Double?) throws -> RepeaterConfiguration {
        try configuration(p, arm: arm(p), cutoffSeconds: cutoffSeconds)
    }

    /// The repeater configuration with every node's arm `arm`.
    static func configuration(_ p: Parameters, arm: ArmConfiguration, cutoffSeconds: Double?) throws -> RepeaterConfiguration {
        let link = LinkConfiguration.midpoint(armA: arm, armB: arm, totalLengthKm: p.lengthKm / 2, scheme: .twoPhoton,
                                              residualVisibility: p.residualVisibility)
        return RepeaterConfiguration(linkA: link, linkB: link, cutoffSeconds: cutoffSeconds)
    }

    /// The closed form at `p` (no cutoff).
    static func model(_ p: Parameters) throws -> TwoLinkRepeaterModel {
        try TwoLinkRepeaterModel(configuration: configuration(p, cutoffSeconds: nil))
    }

    /// Distillable rate (hashing bound) of the delivered end-to-end pairs, rate × max(0, 1 − H(λ)).
    static func distillableRate(_ p: Parameters) throws -> Double {
        let m = try model(p)
        return m.rateHz * m.state.hashingYield
    }

    func validate(_ parameters: Parameters) throws {
        try Validate.inRange(parameters.transferInfidelity, 0...0.75, at: "transferInfidelity")
        try Self.configuration(parameters, cutoffSeconds: nil).validate(at: "repeater")
        try Self.transferLink(parameters).validate(at: "transferLink")
        guard parameters.cutoffRounds >= 0 else {
            throw ParameterError(path: "cutoffRounds", value: "\(parameters.cutoffRounds)", allowed: "≥ 0")
        }
        guard parameters.monteCarloPairs >= 2 else {
            throw ParameterError(path: "monteCarloPairs", value: "\(parameters.monteCarloPairs)", allowed: "≥ 2")
        }
    }

    var engine: Engine<Parameters> {
        .custom("closed-form-and-monte-carlo") { p, stream in
            switch p.part {
            case .map:
                let model = try Self.model(p)
                return [
                    Columns.rate(model.rateHz),
                    Columns.fidelity(model.fidelity),
                    Columns.distillableRate(model.rateHz * model.state.hashingYield),
                    Columns.linkFidelity(model.linkA.fidelity),
                    Columns.roundPeriod(model.roundPeriodSeconds),
                    Columns.successProbability(model.linkA.successProbabilityPerRound),
                ]
            case .monteCarlo:
                return try Self.monteCarlo(p, stream: stream)
            case .heralded:
                return try Self.heraldedMetrics(p)
            }
        }
    }

    /// One Monte Carlo point: the repeater chain, its waiting-time histogram (in rounds, with the
    /// exact distribution of max(K₁, K₂) per bin when there is no cutoff) and the closed forms.
    static func monteCarlo(_ p: Parameters, stream: RandomStream) throws -> [Metric] {
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
            Columns.rate(metrics.rate, uncertainty: metrics.rateStandardError),
            Columns.fidelity(metrics.meanFidelity, uncertainty: metrics.meanFidelityStandardError),
            Columns.meanWaitRounds(meanWaitRounds, uncertainty: seRounds),
            Columns.analyticMeanRounds(model.meanRounds),
            Columns.analyticRate(model.rateHz),
            Columns.analyticFidelity(model.fidelity),
            Columns.roundPeriod(tau),
            Columns.successProbability(model.linkA.successProbabilityPerRound),
            Columns.overflowFraction(histogram.overflow / Double(metrics.delivered)),
            Columns.histogramRounds(histogramRounds),
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


    var derived: [Derivation] {
        let base = self.base
        return requirementDerivations + heraldedDerivations + [
            Derivation("Monte Carlo against the closed forms") { table in
                var out: [Metric] = [Columns.mcPairs(Double(base.monteCarloPairs))]
                let rows = table.filter { $0.parameters["part"] == .string(Part.monteCarlo.rawValue) }
                var largest = 0.0
                for (k, row) in rows.rows.enumerated() {
                    guard let w = row.metrics[Columns.meanWaitRounds.name], let a = row.number(Columns.analyticMeanRounds),
                          let f = row.metrics[Columns.fidelity.name], let fa = row.number(Columns.analyticFidelity) else { continue }
                    let se = w.uncertainty ?? 0
                    let waitZ = se > 0 ? (w.value - a) / se : 0
                    let fidelityZ = (f.uncertainty ?? 0) > 0 ? (f.value - fa) / (f.uncertainty ?? 1) : 0
                    var rateZ = 0.0
                    if let r = row.metrics[Columns.rate.name], let ra = row.number(Columns.analyticRate), let ru = r.uncertainty, ru > 0 {
                        rateZ = (r.value - ra) / ru
                    }
                    largest = max(largest, abs(waitZ), abs(fidelityZ), abs(rateZ))
                    out.append(Metric("mcWait_\(k)", w.value, unit: "rounds", uncertainty: se))
                    out.append(Metric("analyticWait_\(k)", a, unit: "rounds"))
                    out.append(Metric("waitZ_\(k)", waitZ))
                    out.append(Metric("mcFidelity_\(k)", f.value, uncertainty: f.uncertainty))
                    out.append(Metric("analyticFidelity_\(k)", fa))
                    out.append(Metric("fidelityZ_\(k)", fidelityZ))
                    out.append(Metric("rateZ_\(k)", rateZ))
                }
                // The largest |Monte Carlo − closed form| over the three points' wait, rate and fidelity, in standard errors.
                out.append(Metric("monteCarloLargestZ", largest))
                return out
            },
        ]
    }
}

extension MemoryBufferingStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let lengthKm = Column("lengthKm", unit: "km")
        static let transferTimeSeconds = Column("transferTimeSeconds", unit: "s")
        static let memoryT2Seconds = Column("memoryT2Seconds", unit: "s", label: "memory T₂")
        static let cutoffRounds = Column("cutoffRounds", label: "cutoff (rounds)")
        static let rate = Column("totalHeraldRate", unit: "1/s", label: "rate, all heralds")
        static let fidelity = Column("fidelity", label: "fidelity")
        static let distillableRate = Column("distillableRate", unit: "ebit/s")
        static let linkFidelity = Column("linkFidelity")
        static let roundPeriod = Column("roundPeriod", unit: "s")
        static let successProbability = Column("successProbability")
        static let meanWaitRounds = Column("meanWaitRounds", label: "mean wait (rounds)")
        static let analyticMeanRounds = Column("analyticMeanRounds", label: "mean wait, closed form")
        static let analyticRate = Column("analyticRate", unit: "1/s", label: "rate, closed form")
        static let analyticFidelity = Column("analyticFidelity", label: "fidelity, closed form")
        static let overflowFraction = Column("overflowFraction")
        static let histogramRounds = Column("histogramRounds")
        static let mcPairs = Column("mcPairs")
        static let transferTransducerEfficiency = Column("transferTransducerEfficiency", label: "transfer η_t")
        static let transferAddedNoisePhotons = Column("transferAddedNoisePhotons", unit: "photons", label: "transfer N_add")
        static let transferSuccessPerAttempt = Column("transferSuccessPerAttempt", label: "p_tr per attempt")
        static let transferPairFidelity = Column("transferPairFidelity", label: "transfer pair F")
        static let transferAttempts = Column("transferAttempts", label: "retry window n")
        static let transferSuccess = Column("transferSuccess", label: "P(transfer within n)")
    }
}
