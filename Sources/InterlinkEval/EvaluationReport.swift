import InterlinkCore
import InterlinkPhysics
import Foundation

/// A number that may be non-finite (e.g. an infinite waiting time). Like every JSON file Interlink
/// writes (`JSONValue`), it spells non-finite values as the strings `"Infinity"`, `"-Infinity"`
/// and `"NaN"`, so the sign of an infinity survives and one reader handles every output.
public struct FiniteNumber: Codable, Sendable, Equatable {
    /// The value (may be non-finite in Swift; JSON carries the string spelling then).
    public let value: Double

    /// Wraps a value.
    public init(_ value: Double) {
        self.value = value
    }

    /// Encodes the number, or `"Infinity"`/`"-Infinity"`/`"NaN"` when not finite
    /// (`JSONValue.numberText`, the spelling of every other JSON output).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if value.isFinite { try c.encode(value) } else { try c.encode(JSONValue.numberText(value)) }
    }

    /// Equal values; two NaNs are equal (the same spelling).
    public static func == (lhs: FiniteNumber, rhs: FiniteNumber) -> Bool {
        lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)
    }

    /// Decodes a number or one of the strings `"Infinity"`, `"-Infinity"`, `"NaN"`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self) {
            switch text {
            case "Infinity": value = .infinity
            case "-Infinity": value = -.infinity
            case "NaN": value = .nan
            default:
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a number, \"Infinity\", \"-Infinity\" or \"NaN\", not \(CommandEcho.quoted(text))")
            }
        } else {
            value = try c.decode(Double.self)
        }
    }
}

/// The JSON output of `Evaluation.evaluate(json:)` (keys sorted, pretty-printed).
public struct EvaluationReport: Codable, Sendable, Equatable {
    /// `"link"` or `"repeater"`.
    public let kind: String
    /// Present for link documents.
    public let link: LinkReport?
    /// Present for repeater documents.
    public let repeater: RepeaterReport?
    /// Present for microwave-link documents.
    public let microwaveLink: MicrowaveLinkReport?
    /// Present for node–photon-link documents.
    public let nodePhotonLink: NodePhotonLinkReport?

    init(kind: String, link: LinkReport? = nil, repeater: RepeaterReport? = nil, microwaveLink: MicrowaveLinkReport? = nil,
         nodePhotonLink: NodePhotonLinkReport? = nil) {
        self.kind = kind
        self.link = link
        self.repeater = repeater
        self.microwaveLink = microwaveLink
        self.nodePhotonLink = nodePhotonLink
    }
}

/// Per-arm output.
public struct ArmReport: Codable, Sendable, Equatable {
    /// Preset name, if the arm came from a preset.
    public let preset: String?
    /// Fields of the preset that are assumptions (from its provenance).
    public let assumptions: [String]
    /// Demonstrated (with the calibrating experiment) or projected (with what it assumes), from the
    /// preset's provenance; nil for an arm given field by field.
    public let status: PresetStatus?
    /// End-to-end efficiency η.
    public let endToEndEfficiency: Double
    /// Two-photon visibility V = V₀·M of this arm's photon with the other arm's photon.
    public let visibility: Double
    /// Stage efficiencies: collection, transducer, conversion, filter, fiber, insertion, detector.
    public let efficiencies: [String: Double]
    /// Wavelength in the fiber (nm).
    public let outputWavelengthNm: Double
    /// Fiber attenuation used (dB/km).
    public let fiberAttenuationDBPerKm: Double
    /// Herald round trip for this node (s).
    public let heraldRoundTripSeconds: Double
    /// Mean noise photons detected per window.
    public let noisePhotonsPerWindow: Double
    /// Dark-click probability per window.
    public let darkClickProbability: Double

    init(budget b: ArmBudget, arm: ArmConfiguration, visibility: Double) {
        preset = arm.provenance?.preset
        assumptions = arm.provenance?.assumptions ?? []
        status = arm.provenance?.status
        endToEndEfficiency = b.endToEndEfficiency
        self.visibility = visibility
        efficiencies = ["nodeSteps": b.nodeSteps, "collection": b.collection, "transducer": b.transducer, "conversion": b.conversion,
                        "filter": b.filter, "fiber": b.fiber, "insertion": b.insertion, "detector": b.detector]
        outputWavelengthNm = b.outputWavelengthNm
        fiberAttenuationDBPerKm = b.fiberAttenuationDBPerKm
        heraldRoundTripSeconds = b.heraldRoundTripSeconds
        noisePhotonsPerWindow = b.noisePhotonsPerWindow
        darkClickProbability = b.darkClickProbability
    }
}

/// Per-link output.
public struct LinkReport: Codable, Sendable, Equatable {
    /// `"twoPhoton"` or `"singleClick"`.
    public let scheme: String
    /// Success probability per attempt (one mode, true + false heralds).
    public let successProbabilityPerAttempt: Double
    /// True-herald probability per attempt.
    public let trueHeraldProbability: Double
    /// False-herald probability per attempt.
    public let falseHeraldProbability: Double
    /// Multiplexed modes per round.
    public let multiplexing: Int
    /// Success probability per round, 1 − (1 − p)^m.
    public let successProbabilityPerRound: Double
    /// Attempt period and what limits it.
    public let attemptPeriod: AttemptPeriod
    /// Heralded pairs per second.
    public let rateHz: Double
    /// Mean time to a pair (s); null if no pair can be heralded.
    public let meanWaitingTimeSeconds: FiniteNumber
    /// Fidelity of the delivered pair.
    public let fidelity: Double
    /// Delivered Bell-diagonal state (λ_I, λ_X, λ_Y, λ_Z = Φ⁺, Ψ⁺, Ψ⁻, Φ⁻).
    public let state: BellDiagonalState
    /// State right after the herald.
    public let heraldedState: BellDiagonalState
    /// Mode overlap M.
    public let modeOverlap: Double
    /// Visibility V = V₀·M.
    public let visibility: Double
    /// Per-arm details.
    public let arms: [String: ArmReport]
    /// Repeaterless bounds.
    public let bounds: LinkBounds
    /// Hashing-bound distillable rate (ebits/s).
    public let hashingRateHz: Double
    /// Average state-teleportation fidelity with the delivered pair, (2F + 1)/3.
    public let teleportationFidelity: Double
    /// Remote CNOT by gate teleportation with the nodes' local operations, their durations, memories
    /// and the classical delay between the nodes (`RemoteOperations.teleportedCNOT`).
    public let remoteCNOT: RemoteOperations.TeleportedGate
    /// 2π·Δ·jitter (time-resolved detection needs ≪ 1).
    public let detuningJitterProduct: Double
    /// Purification outcome, when configured.
    public let purification: PurificationReport?

    init(model m: LinkModel, configuration c: LinkConfiguration) {
        scheme = c.scheme.kind.rawValue
        successProbabilityPerAttempt = m.successProbabilityPerAttempt
        trueHeraldProbability = m.herald.trueHeraldProbability
        falseHeraldProbability = m.herald.falseHeraldProbability
        multiplexing = m.multiplexing
        successProbabilityPerRound = m.successProbabilityPerRound
        attemptPeriod = m.attemptPeriod
        rateHz = m.rateHz
        meanWaitingTimeSeconds = FiniteNumber(m.meanWaitingTimeSeconds)
        fidelity = m.fidelity
        state = m.deliveredState
        heraldedState = m.heraldedState
        modeOverlap = m.modeOverlap
        visibility = m.visibility
        arms = ["armA": ArmReport(budget: m.armA, arm: c.armA, visibility: m.visibility),
                "armB": ArmReport(budget: m.armB, arm: c.armB, visibility: m.visibility)]
        bounds = m.bounds
        hashingRateHz = m.hashingRateHz
        teleportationFidelity = RemoteOperations.teleportationFidelity(m.deliveredState)
        remoteCNOT = RemoteOperations.teleportedCNOT(pair: m.deliveredState, nodeA: c.armA.node.operations,
                                                     nodeB: c.armB.node.operations, memoryA: c.armA.node.memory,
                                                     memoryB: c.armB.node.memory,
                                                     classicalDelaySeconds: m.armA.oneWayDelaySeconds + m.armB.oneWayDelaySeconds)
        detuningJitterProduct = m.detuningJitterProduct
        purification = m.purification.map(PurificationReport.init)
    }
}

/// Purification output.
public struct PurificationReport: Codable, Sendable, Equatable {
    /// Protocol name.
    public let `protocol`: String
    /// Rounds applied.
    public let rounds: Int
    /// Output state.
    public let state: BellDiagonalState
    /// Output fidelity.
    public let fidelity: Double
    /// Per-round success probabilities.
    public let successProbabilities: [Double]
    /// Expected link pairs per purified pair; null if a round cannot succeed.
    public let expectedInputPairsPerOutput: FiniteNumber
    /// Purified pairs per second.
    public let rateHz: Double

    init(_ p: PurifiedLink) {
        `protocol` = p.plan.protocol.rawValue
        rounds = p.plan.rounds
        state = p.state
        fidelity = p.state.fidelity
        successProbabilities = p.successProbabilities
        expectedInputPairsPerOutput = FiniteNumber(p.expectedInputPairsPerOutput)
        rateHz = p.rateHz
    }
}

/// Two-link repeater output.
public struct RepeaterReport: Codable, Sendable, Equatable {
    /// Link A alone.
    public let linkA: LinkReport
    /// Link B alone.
    public let linkB: LinkReport
    /// Common round period (s).
    public let roundPeriodSeconds: Double
    /// Cutoff in rounds; null without cutoff.
    public let cutoffRounds: Int?
    /// Mean rounds to a swap; null if infinite.
    public let meanRounds: FiniteNumber
    /// Mean time to a swap (s); null if infinite.
    public let meanWaitingTimeSeconds: FiniteNumber
    /// End-to-end pairs per second.
    public let rateHz: Double
    /// P(both links succeed in the same round | delivery).
    public let probabilitySimultaneous: Double
    /// Mean delivered end-to-end state.
    public let state: BellDiagonalState
    /// Its fidelity.
    public let fidelity: Double

    init(model m: TwoLinkRepeaterModel, configuration c: RepeaterConfiguration) {
        linkA = LinkReport(model: m.linkA, configuration: c.linkA)
        linkB = LinkReport(model: m.linkB, configuration: c.linkB)
        roundPeriodSeconds = m.roundPeriodSeconds
        cutoffRounds = m.cutoffRounds
        meanRounds = FiniteNumber(m.meanRounds)
        meanWaitingTimeSeconds = FiniteNumber(m.meanWaitingTimeSeconds)
        rateHz = m.rateHz
        probabilitySimultaneous = m.probabilitySimultaneous
        state = m.state
        fidelity = m.fidelity
    }

    private enum CodingKeys: String, CodingKey {
        case linkA, linkB, roundPeriodSeconds, cutoffRounds, meanRounds, meanWaitingTimeSeconds, rateHz,
             probabilitySimultaneous, state, fidelity
    }

    /// Encodes every key, `cutoffRounds` as `null` when absent.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(linkA, forKey: .linkA)
        try c.encode(linkB, forKey: .linkB)
        try c.encode(roundPeriodSeconds, forKey: .roundPeriodSeconds)
        try c.encode(cutoffRounds, forKey: .cutoffRounds)
        try c.encode(meanRounds, forKey: .meanRounds)
        try c.encode(meanWaitingTimeSeconds, forKey: .meanWaitingTimeSeconds)
        try c.encode(rateHz, forKey: .rateHz)
        try c.encode(probabilitySimultaneous, forKey: .probabilitySimultaneous)
        try c.encode(state, forKey: .state)
        try c.encode(fidelity, forKey: .fidelity)
    }
}
