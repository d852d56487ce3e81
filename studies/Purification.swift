import Foundation
import Interlink

/// When does entanglement purification pay? DEJMPS recurrence (Deutsch et al., PRL 77, 2818 (1996))
/// on raw pairs of every fidelity, for depolarised (Werner) and phase-flipped pairs, and on the pairs of
/// three heterogeneous links: the rate–fidelity frontier over rounds 0…4 (success probabilities, pairs
/// consumed per output), the hashing-bound distillable rate as the figure of merit, and the rate of
/// pairs above a target fidelity.
///
/// Two evaluations of a purified link: the "ideal" one of `LinkModel` with a `PurificationPlan`
/// (`PurifiedLink`: local gate and readout errors and the classical message, but pairs do not decohere
/// while waiting for partners), and the memory-aware one with the same local noise
/// (`MemoryAwareRecurrence`): in round k the earlier of the two input pairs waits in both node memories
/// for the production time T_{k−1} of its partner — geometric attempts for k = 1, the compound of the
/// lower rounds' tries including their failed ones for k > 1 — and the success probability × output
/// weights are averaged over that distribution exactly (generating functions) before normalising. The
/// earlier mean-time approximation (the pair waits exactly R_{k−1}/r) is kept as a comparison column.
struct PurificationStudy: Study {
    /// Which part of the study a point belongs to.
    enum Part: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// A raw Bell-diagonal state of a given fidelity.
        case state
        /// The delivered pairs of a physical link.
        case link
        /// The name in files.
        var description: String { rawValue }
    }

    /// Noise family of a raw state.
    enum Family: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Werner (depolarised): λ_X = λ_Y = λ_Z = (1 − F)/3.
        case werner
        /// Phase-flipped (rank 2): λ_Z = 1 − F, the error of a two-photon herald with imperfect overlap.
        case phaseFlip = "phase-flip"
        /// The name in files.
        var description: String { rawValue }

        /// The raw state of fidelity `f`.
        func state(fidelity f: Double) throws -> BellDiagonalState {
            switch self {
            case .werner: return .werner(fidelity: f)
            case .phaseFlip: return try BellDiagonalState(lambdaI: f, lambdaX: 0, lambdaY: 0, lambdaZ: 1 - f, path: "rawFidelity")
            }
        }
    }

    /// A physical link, taken from the link-budget study's configurations.
    enum Link: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        /// Sr⁺–Rb, both converted to 1550 nm (mode mismatch limits F).
        case ionAtom = "ion-atom-1550nm"
        /// Transmon–transmon through electro-optic transducers (transducer noise limits F).
        case scSc = "sc-sc-1550nm"
        /// Sr⁺–Sr⁺ converted to 1550 nm (F ≈ 0.94, long-lived memories).
        case ionIon = "ion-ion-1550nm"
        /// The name in files.
        var description: String { rawValue }

        /// The link-budget route of this link.
        var route: LinkBudgetStudy.Route {
            switch self {
            case .ionAtom: return .ionAtom1550
            case .scSc: return .scSc1550
            case .ionIon: return .converted1550
            }
        }

        /// Legend label.
        var label: String {
            switch self {
            case .ionAtom: return "ion–atom"
            case .scSc: return "SC–SC"
            case .ionIon: return "ion–ion"
            }
        }
    }

    /// One sweep point.
    struct Parameters: Codable, Sendable {
        /// Which part.
        var part = Part.state
        /// Noise family (state part).
        var family = Family.werner
        /// Raw fidelity (state part).
        var rawFidelity = 0.8
        /// Link (link part).
        var link = Link.ionAtom
        /// Total fiber length of the link (km, link part).
        var lengthKm = 10.0
        /// DEJMPS rounds, 0…4.
        var rounds = 0
        /// Target fidelity for the "rate above target" figure of merit.
        var targetFidelity = 0.9
        /// SNSPD efficiency drawn from its published range (`nil`: the preset's). Optional fields
        /// left `nil` are not encoded, so they do not change any point's key.
        var snspdEfficiency: Double?
        /// SNSPD dark-count rate drawn from its published range (Hz; `nil`: the preset's).
        var snspdDarkCountRateHz: Double?
        /// Fiber attenuation at 1550 nm drawn from its published range (dB/km; `nil`: the table's).
        var attenuation1550DBPerKm: Double?
    }

    init() {}

    var identifier: String { "purification" }
    var title: String { "Purification: when do DEJMPS rounds pay?" }
    var summary: String {
        "DEJMPS recurrence on Werner and phase-flipped pairs of every raw fidelity and on the pairs of ion–atom, "
            + "transduced SC–SC and ion–ion links: output fidelity, success probability and pairs consumed per round, "
            + "the rate–fidelity frontier, and where the distillable rate or the rate above a target fidelity improves."
    }
    var version: Int { 3 }
    var base: Parameters { Parameters() }
    var sourceFile: String? { #filePath }
    /// Every file of the study: editing any of them invalidates its cached points.
    var sourceFiles: [String] {
        [#filePath, Self.analysisSource, Self.frontierSource, Self.meanWaitSource, Self.pumpingSource, Self.requirementSource, SharedStudySources.headlineUncertainty]
    }
    var presets: [any PresetDescribing] { [PresetName.strontium422, PresetName.rubidium780, PresetName.transmonElectroOptic] }
    var reportTemplate: String? { "purification" }
    /// The main finding, for the index (computed values only).
    var finding: String? {
        "One DEJMPS round raises the distillable entanglement per raw Werner pair only for {{numbers.paysAbove_werner}} < F₀ < {{numbers.paysBelow_werner}} (hashing threshold {{numbers.wernerHashingThreshold}}), and never for phase-flipped pairs; on the ion–ion link at 10 km, with the memories' decay while pairs wait (averaged over the waiting-time distribution), the distillable rate is best after {{numbers.bestAwareRounds_ionIon}} rounds, at {{intervals.bestAwareDistillable_ionIon}} (value at the nominal inputs, 90 % interval over the published detector and fiber ranges); one round would reach F ≥ {{numbers.requirementFidelity}} only with Sr⁺ memories of T₂ ≥ {{intervals.requiredT2_ionIon}}. The ion–ion link uses the demonstrated Sr⁺ preset (calibrated to Stephenson et al. 2020) with a converter to 1550 nm."
    }
    var parameterUnits: [String: String] { ["lengthKm": "km"] }

    /// Largest number of rounds.
    static let maximumRounds = 4

    var sweep: Sweep<Parameters> {
        .concat(
            .grid(.values(\.part, [Part.state]), .values(\.family, Family.allCases),
                  .linspace(\.rawFidelity, from: 0.5, through: 0.995, count: 100),
                  .values(\.rounds, Array(0...Self.maximumRounds))),
            .grid(.values(\.part, [Part.link]), .values(\.link, Link.allCases),
                  .linspace(\.lengthKm, from: 0, through: 50, count: 51),
                  .values(\.rounds, Array(0...Self.maximumRounds))))
    }

    func validate(_ parameters: Parameters) throws {
        try PurificationPlan(protocol: .dejmps, rounds: parameters.rounds).validate(at: "rounds")
        try Validate.efficiency(parameters.rawFidelity, at: "rawFidelity")
        try Validate.efficiency(parameters.targetFidelity, at: "targetFidelity")
    }

    /// One round-by-round recurrence: per round the state, success probability and pairs consumed.
    struct Ladder: Sendable {
        /// States after 0…n rounds.
        var states: [BellDiagonalState]
        /// Success probability of rounds 1…n.
        var successProbabilities: [Double]
        /// Pairs consumed per output after 0…n rounds (R₀ = 1, R_k = 2R_{k−1}/p_k).
        var pairsConsumed: [Double]
    }

    /// DEJMPS rounds on `raw`; with `memory` (link rate r, node memories), the earlier pair of each round
    /// first waits exactly the mean production time T_{k−1} = R_{k−1}/r in both memories (the mean-wait
    /// approximation, kept only as a comparison with `MemoryAwareRecurrence`).
    /// With `noise`, each round also carries the nodes' gate and readout errors and the decay during the
    /// classical message (`Purification.step(_:_:_:noise:)`, as the ideal recurrence of `LinkModel` does).
    static func ladder(_ raw: BellDiagonalState, rounds: Int,
                       memory: (rate: Double, a: MemoryParameters, b: MemoryParameters)? = nil,
                       noise: PurificationNoise? = nil) -> Ladder {
        var ladder = Ladder(states: [raw], successProbabilities: [], pairsConsumed: [1])
        for k in 0..<rounds {
            let fresh = ladder.states[k]
            var waited = fresh
            if let m = memory, m.rate > 0 {
                let t = ladder.pairsConsumed[k] / m.rate
                waited = MemoryDecoherence.stored(fresh, memoryA: m.a, timeA: t, memoryB: m.b, timeB: t)
            }
            let step = noise.map { Purification.step(.dejmps, waited, fresh, noise: $0) } ?? Purification.dejmps(waited, fresh)
            ladder.states.append(step.state)
            ladder.successProbabilities.append(step.successProbability)
            ladder.pairsConsumed.append(step.successProbability > 0 ? 2 * ladder.pairsConsumed[k] / step.successProbability : .infinity)
        }
        return ladder
    }

    /// The link configuration of a link point (with the point's drawn detector and fiber values).
    static func linkConfiguration(_ p: Parameters) throws -> LinkConfiguration {
        var budget = LinkBudgetStudy.Parameters()
        budget.snspdEfficiency = p.snspdEfficiency
        budget.snspdDarkCountRateHz = p.snspdDarkCountRateHz
        budget.attenuation1550DBPerKm = p.attenuation1550DBPerKm
        guard let c = try LinkBudgetStudy.linkConfiguration(p.link.route, budget, lengthKm: p.lengthKm) else {
            throw ParameterError(path: "link", value: p.link.rawValue, allowed: "a link with a direct configuration")
        }
        return c
    }

    var engine: Engine<Parameters> {
        .analytic { p in
            switch p.part {
            case .state:
                let l = Self.ladder(try p.family.state(fidelity: p.rawFidelity), rounds: p.rounds)
                let out = l.states[p.rounds]
                let pairs = l.pairsConsumed[p.rounds]
                return [
                    Columns.fidelity(out.fidelity),
                    Columns.lastSuccessProbability(l.successProbabilities.last ?? 1),
                    Columns.pairsConsumed(pairs),
                    Columns.hashingYield(out.hashingYield),
                    Columns.distillablePerInput(out.hashingYield / pairs),
                ]
            case .link:
                return try Self.linkMetrics(p)
            }
        }
    }

    /// The local noise of one DEJMPS round on link `c`: both nodes' gates and readout, and both
    /// memories' decay while the round's readout and classical message take their time (as in the
    /// ideal recurrence of `LinkModel`).
    static func roundNoise(_ c: LinkConfiguration, _ model: LinkModel) -> PurificationNoise {
        PurificationNoise(nodeA: c.armA.node.operations, nodeB: c.armB.node.operations,
                          memoryA: c.armA.node.memory, memoryB: c.armB.node.memory,
                          classicalDelaySeconds: model.armA.oneWayDelaySeconds + model.armB.oneWayDelaySeconds)
    }

    /// Metrics of a link point after `p.rounds` rounds: the ideal recurrence of `LinkModel` (no decay
    /// while pairs wait), the memory-aware recurrence averaged over the waiting-time distribution
    /// (`MemoryAwareRecurrence`), each with its rate, fidelity, distillable rate (hashing bound) and rate
    /// of pairs at or above the target fidelity, and the mean-wait approximation's fidelity and
    /// distillable rate for comparison.
    static func linkMetrics(_ p: Parameters) throws -> [Metric] {
        var c = try linkConfiguration(p)
        c.purification = PurificationPlan(protocol: .dejmps, rounds: p.rounds)
        let model = try LinkModel(configuration: c)
        let rawRate = model.rateHz
        let ideal = model.purification.map { ($0.state, $0.rateHz, $0.expectedInputPairsPerOutput) }
            ?? (model.deliveredState, rawRate, 1)
        // The same local noise as the ideal recurrence, plus the wait for the partner pair.
        let noise = roundNoise(c, model)
        let aware = try awareRounds(c, model, rounds: p.rounds)[p.rounds]
        let pumped = try pumpingSteps(c, model, steps: p.rounds)[p.rounds]
        let pumpedRate = rawRate / pumped.expectedInputPairs
        let awareRate = rawRate / aware.expectedInputPairs
        let meanWait = ladder(model.deliveredState, rounds: p.rounds, memory: (rawRate, c.armA.node.memory, c.armB.node.memory),
                              noise: noise)
        let meanWaitState = meanWait.states[p.rounds]
        return [
            Columns.rawRate(rawRate),
            Columns.rawFidelityLink(model.fidelity),
            Columns.rate(ideal.1),
            Columns.fidelity(ideal.0.fidelity),
            Columns.pairsConsumed(ideal.2),
            Columns.distillableRate(ideal.1 * ideal.0.hashingYield),
            Columns.targetRate(ideal.0.fidelity >= p.targetFidelity ? ideal.1 : 0),
            Columns.memoryAwareFidelity(aware.state.fidelity),
            Columns.memoryAwareRate(awareRate),
            Columns.memoryAwarePairsConsumed(aware.expectedInputPairs),
            Columns.memoryAwareDistillableRate(awareRate * aware.state.hashingYield),
            Columns.memoryAwareTargetRate(aware.state.fidelity >= p.targetFidelity ? awareRate : 0),
            Columns.meanWaitFidelity(meanWaitState.fidelity),
            Columns.meanWaitDistillableRate(rawRate / meanWait.pairsConsumed[p.rounds] * meanWaitState.hashingYield),
            Columns.pumpingFidelity(pumped.state.fidelity),
            Columns.pumpingPairsConsumed(pumped.expectedInputPairs),
            Columns.pumpingDistillableRate(pumpedRate * pumped.state.hashingYield),
            Columns.pumpingTargetRate(pumped.state.fidelity >= p.targetFidelity ? pumpedRate : 0),
        ]
    }

    /// Rounds 0…`rounds` of the memory-aware recurrence on link `c` (`model` its evaluation): the link's
    /// per-round success probability and attempt period, both nodes' memories and the round noise.
    static func awareRounds(_ c: LinkConfiguration, _ model: LinkModel, rounds: Int) throws -> [MemoryAwareRecurrence.Round] {
        try MemoryAwareRecurrence(delivered: model.deliveredState, successProbabilityPerAttempt: model.successProbabilityPerRound,
                                  attemptPeriodSeconds: model.attemptPeriod.periodSeconds, memoryA: c.armA.node.memory,
                                  memoryB: c.armB.node.memory, noise: roundNoise(c, model), rounds: rounds).rounds
    }

    /// Steps 0…`steps` of memory-aware entanglement pumping (`MemoryAwarePumping`) on link `c`, with the
    /// same link, memory and round-noise inputs as `awareRounds`.
    static func pumpingSteps(_ c: LinkConfiguration, _ model: LinkModel, steps: Int) throws -> [MemoryAwareRecurrence.Round] {
        try MemoryAwarePumping(delivered: model.deliveredState, successProbabilityPerAttempt: model.successProbabilityPerRound,
                               attemptPeriodSeconds: model.attemptPeriod.periodSeconds, memoryA: c.armA.node.memory,
                               memoryB: c.armB.node.memory, noise: roundNoise(c, model), steps: steps).steps
    }

    var derived: [Derivation] { Self.derivations(base) + [Self.meanWaitDerivation, Self.pumpingDerivation, Self.memoryRequirementDerivation(base)] }
    var figures: [FigureSpec] {
        [Self.recurrenceFigure, Self.frontierFigure(base),
         Self.headlineUncertainty.tornadoFigure("tornado-distillable", caption: "Sensitivity of the ion–ion link's best "
            + "memory-aware distillable rate at \(Int(Self.referenceLengthKm)) km: each published range at its 5 % and 95 % point, "
            + "all others nominal; widest swing on top.", index: 2, xLabel: "Distillable rate (ebit s<sup>−1</sup>)", base: base)]
    }
    var tables: [TableSpec] {
        Self.headlineUncertainty.tables(inputs: "the published SNSPD efficiency (0.90–0.98), dark-count rate (1–130 Hz, "
                                        + "log-uniform) and 1550 nm fiber attenuation (0.17–0.22 dB/km) ranges", base: base)
            + [Self.errorBudgetTable, Self.frontierTable, Self.meanWaitTable, Self.pumpingTable]
    }
}

extension PurificationStudy {
    /// The study's result columns: each name and unit written once, used to record and to read.
    enum Columns {
        static let lengthKm = Column("lengthKm", unit: "km")
        static let rawFidelity = Column("rawFidelity")
        static let rounds = Column("rounds")
        static let fidelity = Column("fidelity")
        static let lastSuccessProbability = Column("lastSuccessProbability")
        static let pairsConsumed = Column("pairsConsumed")
        static let hashingYield = Column("hashingYield")
        static let distillablePerInput = Column("distillablePerInput")
        static let rawRate = Column("rawRate", unit: "1/s")
        static let rawFidelityLink = Column("rawFidelityLink")
        static let rate = Column("totalHeraldRate", unit: "1/s", label: "rate, all heralds")
        static let distillableRate = Column("distillableRate", unit: "ebit/s")
        static let targetRate = Column("targetRate", unit: "1/s")
        static let memoryAwareFidelity = Column("memoryAwareFidelity")
        static let memoryAwareRate = Column("memoryAwareRate", unit: "1/s")
        static let memoryAwareDistillableRate = Column("memoryAwareDistillableRate", unit: "ebit/s")
        static let memoryAwareTargetRate = Column("memoryAwareTargetRate", unit: "1/s")
        static let memoryAwarePairsConsumed = Column("memoryAwarePairsConsumed")
        static let meanWaitFidelity = Column("meanWaitFidelity")
        static let meanWaitDistillableRate = Column("meanWaitDistillableRate", unit: "ebit/s")
        static let pumpingFidelity = Column("pumpingFidelity")
        static let pumpingPairsConsumed = Column("pumpingPairsConsumed")
        static let pumpingDistillableRate = Column("pumpingDistillableRate", unit: "ebit/s")
        static let pumpingTargetRate = Column("pumpingTargetRate", unit: "1/s")
    }
}
