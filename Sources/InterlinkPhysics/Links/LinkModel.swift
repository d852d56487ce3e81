import InterlinkCore
import Foundation

/// The analytic evaluation of a heralded link (closed forms; no randomness).
///
/// - Per arm: `ArmBudget` (η, noise, delays).
/// - Interference: M from the two photons' spectral modes at the detectors (including filters,
///   transducer bandwidths and the detuning), V = V₀·M.
/// - Herald: `TwoPhotonHeralding` or `SingleClickHeralding` with the station's noise-click
///   probabilities per detector window (`StationNoise`: each detector's dark counts plus half of both
///   arms' noise photons) and the detectors' kind (PNR or threshold).
/// - Multiplexing over m = min(communication qubits) parallel modes: per-round success
///   1 − (1 − p)^m.
/// - Period τ = max(node cycle, herald round trip, 1/repetition limit) (`AttemptPeriod`);
///   rate = P_round/τ.
/// - Delivered state: each node's qubit decoheres in its memory while the herald travels back
///   (its arm's round trip), `MemoryParameters.channel(after:)` on each qubit.
/// - Node transfer steps (`NodeTransferStep`): `beforeEmission` efficiencies are part of each arm's η
///   and their durations of the node cycle; every step's channel acts on its node's qubit; the
///   `afterHerald` efficiencies multiply the per-round success (a failed transfer loses the pair) and
///   each node's qubit also decoheres while the other node's `afterHerald` steps run.
public struct LinkModel: Codable, Sendable, Equatable {
    /// Budget of arm A.
    public let armA: ArmBudget
    /// Budget of arm B.
    public let armB: ArmBudget
    /// Mode overlap M of the two photons at the detectors.
    public let modeOverlap: Double
    /// Two-photon visibility V = V₀·M.
    public let visibility: Double
    /// Noise-click probabilities per window of the two station detectors (detector 1 is armA's,
    /// detector 2 armB's `DetectorStage`).
    public let stationNoise: StationNoise
    /// Heralding outcome per attempt (one mode).
    public let herald: HeraldOutcome
    /// Multiplexed modes per round, m.
    public let multiplexing: Int
    /// Success probability per attempt, one mode (true + false heralds).
    public let successProbabilityPerAttempt: Double
    /// Success probability per round, (1 − (1 − p)^m) × the product of both nodes' `afterHerald`
    /// transfer-step efficiencies.
    public let successProbabilityPerRound: Double
    /// Attempt period.
    public let attemptPeriod: AttemptPeriod
    /// Heralded pairs per second, P_round/τ.
    public let rateHz: Double
    /// True-herald pairs per second (at most one per round), (1 − (1 − p_t)^m)/τ.
    public let trueHeraldRateHz: Double
    /// Mean waiting time for a pair (s), τ/P_round (infinite if P_round = 0).
    public let meanWaitingTimeSeconds: Double
    /// State right after the herald: the station's `herald.state` with each node's spin–photon error
    /// channel (`SpinPhotonErrors`) on its qubit.
    public let heraldedState: BellDiagonalState
    /// State when both nodes have received the herald.
    public let deliveredState: BellDiagonalState
    /// Fidelity of the delivered state.
    public let fidelity: Double
    /// Repeaterless bounds.
    public let bounds: LinkBounds
    /// Hashing-bound distillable rate, rate × max(0, 1 − H(λ_delivered)) (ebits/s, a lower bound).
    public let hashingRateHz: Double
    /// Purification result, when configured.
    public let purification: PurifiedLink?
    /// 2π·Δ·jitter: time-resolved detection recovers interference of detuned photons only when
    /// this is ≪ 1 (Vittorini et al., arXiv 1409.0907); worse detector's jitter.
    public let detuningJitterProduct: Double

    /// Evaluates a configuration; throws a `ParameterError` naming `path.<field>` for invalid input.
    public init(configuration c: LinkConfiguration, path: String = "link") throws {
        try c.validate(at: path)
        armA = try ArmBudget(arm: c.armA, path: child(path, "armA"))
        armB = try ArmBudget(arm: c.armB, path: child(path, "armB"))
        let detuning = c.detuningMHz ?? 0
        modeOverlap = armA.spectrum.overlap(with: armB.spectrum.shifted(detuningMHz: detuning))
        visibility = c.residualVisibility * modeOverlap
        let noise = StationNoise(darkClick1: armA.darkClickProbability, darkClick2: armB.darkClickProbability,
                                 noisePhotons: armA.noisePhotonsPerWindow + armB.noisePhotonsPerWindow)
        stationNoise = noise
        let all = Set(LinkMechanism.allCases)
        herald = LinkStateChain.herald(c, armA: armA, armB: armB, modeOverlap: modeOverlap, on: all)
        multiplexing = min(c.armA.node.communicationQubits, c.armB.node.communicationQubits)
        successProbabilityPerAttempt = herald.successProbability
        let stepsA = c.armA.node.steps, stepsB = c.armB.node.steps
        let delivery = stepsA.storageEfficiency * stepsB.storageEfficiency
        successProbabilityPerRound = Multiplexing.successPerRound(herald.successProbability, modes: multiplexing) * delivery
        attemptPeriod = AttemptPeriod(
            nodeCycleSeconds: max(c.armA.node.attemptTimeSeconds + stepsA.emissionSeconds,
                                  c.armB.node.attemptTimeSeconds + stepsB.emissionSeconds),
            heraldRoundTripSeconds: max(armA.heraldRoundTripSeconds, armB.heraldRoundTripSeconds),
            repetitionLimitSeconds: 1 / min(armA.repetitionLimitHz, armB.repetitionLimitHz))
        let tau = attemptPeriod.periodSeconds
        rateHz = successProbabilityPerRound / tau
        trueHeraldRateHz = Multiplexing.successPerRound(herald.trueHeraldProbability, modes: multiplexing) * delivery / tau
        meanWaitingTimeSeconds = successProbabilityPerRound > 0 ? tau / successProbabilityPerRound : .infinity
        heraldedState = LinkStateChain.heralded(herald, c, on: all)
        deliveredState = LinkStateChain.delivered(heraldedState, c, armA: armA, armB: armB, on: all)
        fidelity = deliveredState.fidelity
        bounds = LinkBounds(fiberTransmissionA: armA.fiber, fiberTransmissionB: armB.fiber,
                            channelUsesPerSecond: Double(multiplexing) / tau)
        hashingRateHz = rateHz * deliveredState.hashingYield
        if let plan = c.purification, plan.rounds > 0 {
            let noise = LinkStateChain.purificationNoise(c, armA: armA, armB: armB, on: all)
            purification = PurifiedLink(delivered: deliveredState, rateHz: rateHz, plan: plan, noise: noise)
        } else {
            purification = nil
        }
        detuningJitterProduct = 2 * .pi * abs(detuning) * 1e6 * max(c.armA.detector.jitterSeconds, c.armB.detector.jitterSeconds)
    }

    private enum CodingKeys: String, CodingKey {
        case armA, armB, modeOverlap, visibility, stationNoise, herald, multiplexing, successProbabilityPerAttempt,
             successProbabilityPerRound, attemptPeriod, rateHz, trueHeraldRateHz, meanWaitingTimeSeconds,
             heraldedState, deliveredState, fidelity, bounds, hashingRateHz, purification, detuningJitterProduct
    }
}

/// Purified output of a link: recurrence on consecutive delivered pairs with the nodes' gate and
/// readout errors, their durations and the classical message between the nodes (one-way delay via the
/// station's fibers) during which the kept pair decoheres (`Purification.step(_:_:_:noise:)`).
/// Memory decoherence while a pair waits for its partner pair is not included.
public struct PurifiedLink: Codable, Sendable, Equatable {
    /// The plan that was applied.
    public let plan: PurificationPlan
    /// Output state.
    public let state: BellDiagonalState
    /// Per-round success probabilities.
    public let successProbabilities: [Double]
    /// Expected link pairs consumed per purified pair.
    public let expectedInputPairsPerOutput: Double
    /// Purified pairs per second, rate / expected input pairs per output.
    public let rateHz: Double

    init(delivered: BellDiagonalState, rateHz: Double, plan: PurificationPlan, noise: PurificationNoise) {
        let r = Purification.recurrence(delivered, protocol: plan.protocol, rounds: plan.rounds, noise: noise)
        self.plan = plan
        state = r.state
        successProbabilities = r.successProbabilities
        expectedInputPairsPerOutput = r.expectedInputPairsPerOutput
        self.rateHz = r.expectedInputPairsPerOutput.isFinite ? rateHz / r.expectedInputPairsPerOutput : 0
    }
}

/// Multiplexing over m parallel modes.
public enum Multiplexing {
    /// Success per round with m independent modes of success p: 1 − (1 − p)^m (physics reference).
    public static func successPerRound(_ p: Double, modes m: Int) -> Double {
        let q = min(1, max(0, p))
        if q >= 1 { return 1 }
        return -expm1(Double(max(1, m)) * log1p(-q))
    }
}
