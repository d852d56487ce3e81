import InterlinkCore
import InterlinkPhysics
import Foundation

/// Output of a deterministic microwave link (`MicrowaveLinkModel`).
public struct MicrowaveLinkReport: Codable, Sendable, Equatable {
    /// `"stateTransfer"` or `"remoteEntanglement"`.
    public let operation: String
    /// Success probability per attempt (1: deterministic).
    public let successProbabilityPerAttempt: Double
    /// Line and insertion transmission.
    public let lineTransmission: Double
    /// End-to-end transmission η.
    public let transmission: Double
    /// Protocol plus line delay (s).
    public let transferSeconds: Double
    /// Transfers or pairs per second.
    public let rateHz: Double
    /// Process fidelity (transfer) or Bell fidelity (entanglement).
    public let fidelity: Double
    /// Average state fidelity of the transfer channel, (2F + 1)/3.
    public let averageFidelity: Double
    /// Bell-diagonal state (Choi state of the transfer, or the pair).
    public let state: BellDiagonalState

    init(model m: MicrowaveLinkModel, configuration c: MicrowaveLinkConfiguration) {
        operation = c.operation.rawValue
        successProbabilityPerAttempt = m.successProbability
        lineTransmission = m.lineTransmission
        transmission = m.transmission
        transferSeconds = m.transferSeconds
        rateHz = m.rateHz
        fidelity = m.fidelity
        averageFidelity = m.averageFidelity
        state = m.state
    }
}

/// Output of a node–photon link (`NodePhotonLinkModel`).
public struct NodePhotonLinkReport: Codable, Sendable, Equatable {
    /// `"analyser"` or `"absorbingMemory"`.
    public let receiver: String
    /// Success probability per attempt (true + false heralds).
    public let successProbabilityPerAttempt: Double
    /// True-herald probability per attempt.
    public let trueHeraldProbability: Double
    /// False-herald probability per attempt.
    public let falseHeraldProbability: Double
    /// Success probability per round.
    public let successProbabilityPerRound: Double
    /// Attempt period and what limits it.
    public let attemptPeriod: AttemptPeriod
    /// Heralded pairs per second.
    public let rateHz: Double
    /// Fidelity of the delivered node–photon (or node–memory) state.
    public let fidelity: Double
    /// Delivered Bell-diagonal state.
    public let state: BellDiagonalState
    /// State at the herald.
    public let heraldedState: BellDiagonalState
    /// The arm's details.
    public let arm: ArmReport

    init(model m: NodePhotonLinkModel, configuration c: NodePhotonLinkConfiguration) {
        receiver = c.receiver.rawValue
        successProbabilityPerAttempt = m.successProbabilityPerAttempt
        trueHeraldProbability = m.trueHeraldProbability
        falseHeraldProbability = m.falseHeraldProbability
        successProbabilityPerRound = m.successProbabilityPerRound
        attemptPeriod = m.attemptPeriod
        rateHz = m.rateHz
        fidelity = m.fidelity
        state = m.deliveredState
        heraldedState = m.heraldedState
        arm = ArmReport(budget: m.arm, arm: c.arm, visibility: 1)
    }
}
