import InterlinkCore
import Foundation

/// A heralded transfer of a node's qubit into a memory through a local heralded link (for a
/// superconducting module: transmon → transducer → optical photon, interfered at a local station with a
/// photon from the memory node).
///
/// Model:
/// - Attempts of the transfer link every τ_tr (its attempt period, e.g. the transducer's cycle), each
///   heralded with probability p_tr and leaving the conditional Bell-diagonal pair ρ_tr between the
///   node's second qubit and the memory (`LinkModel.deliveredState`, false heralds included); an
///   attempt's herald is back at the node t_h after the attempt starts (its emission plus the local
///   herald round trip).
/// - The node retries at most n times (a window of (n − 1)·τ_tr + t_h, so that attempt rounds of an
///   outer link stay synchronous); the transfer succeeds with probability P_n = 1 − (1 − p_tr)^n. The
///   number of attempts K is geometric, P(K = k) = p_tr·q^(k−1) with q = 1 − p_tr, conditioned on K ≤ n.
/// - While the transfer retries, the node's qubit waits in the node's own memory (e.g. the transmon,
///   T₁, T₂) for W = (K − 1)·τ_tr + t_h. Its channel is the Pauli twirl
///   `PauliChannel.memory(relaxation: a, coherence: c)`, linear in the factors (a, c), so the
///   expectation over K is the channel of the expected factors: for exponential decay
///   E[f(W) | K ≤ n] = f(t_h)·p·(1 − (q·x)^n) / ((1 − q·x)(1 − q^n)) with x = f(τ_tr); Gaussian
///   dephasing is summed term by term.
/// - On success the qubit is teleported through ρ_tr: a Bell measurement with the node's gate and
///   readout errors (`EntanglementSwapping.swap(_:_:operations:)`), i.e. the Pauli channel whose weights
///   are those of ρ_tr after the node's measurement noise. Pauli channels commute, so the qubit's
///   transfer channel is the composition of the waiting and teleportation channels.
public struct HeraldedTransfer: Codable, Sendable, Equatable {
    /// Success probability p_tr of one transfer attempt.
    public let successProbabilityPerAttempt: Double
    /// Period τ_tr of one transfer attempt (s).
    public let attemptPeriodSeconds: Double
    /// Time t_h from an attempt's start until its herald is back at the node (s).
    public let heraldDelaySeconds: Double
    /// Most attempts per transfer, n.
    public let maximumAttempts: Int
    /// Conditional pair ρ_tr of a heralded transfer attempt.
    public let transferPair: BellDiagonalState
    /// Probability that the transfer succeeds within n attempts, 1 − (1 − p_tr)^n.
    public let successProbability: Double
    /// Mean number of attempts of a successful transfer, E[K | K ≤ n] = 1/p − n·q^n/(1 − q^n).
    public let meanAttempts: Double
    /// The window (n − 1)·τ_tr + t_h the node reserves for the transfer (s).
    public let windowSeconds: Double
    /// Expected channel of the qubit's wait in the node's memory, E[channel((K − 1)·τ_tr + t_h) | K ≤ n].
    public let waitingChannel: PauliChannel
    /// Channel of the teleportation through ρ_tr with the node's Bell-measurement noise.
    public let teleportationChannel: PauliChannel
    /// The transfer's channel on the qubit (waiting, then teleportation).
    public let channel: PauliChannel

    /// A transfer from its per-attempt numbers; throws a `ParameterError` naming `path.<field>`.
    /// - Parameters:
    ///   - successProbabilityPerAttempt: p_tr in (0, 1].
    ///   - attemptPeriodSeconds: τ_tr ≥ 0 (s).
    ///   - heraldDelaySeconds: t_h ≥ 0 (s), the wait for a single attempt's herald.
    ///   - transferPair: ρ_tr.
    ///   - nodeMemory: the memory the qubit waits in while the transfer retries.
    ///   - operations: the node's gates and readout (Bell measurement of the teleportation).
    ///   - maximumAttempts: n ≥ 1.
    public init(successProbabilityPerAttempt p: Double, attemptPeriodSeconds tau: Double, heraldDelaySeconds th: Double,
                transferPair: BellDiagonalState,
                nodeMemory: MemoryParameters, operations: LocalOperations, maximumAttempts n: Int,
                path: String = "transfer") throws {
        try Validate.successProbability(p, at: child(path, "successProbabilityPerAttempt"))
        try Validate.nonNegative(tau, at: child(path, "attemptPeriodSeconds"), unit: "s")
        try Validate.finite(tau, at: child(path, "attemptPeriodSeconds"))
        try Validate.nonNegative(th, at: child(path, "heraldDelaySeconds"), unit: "s")
        try Validate.finite(th, at: child(path, "heraldDelaySeconds"))
        try Validate.count(n, atLeast: 1, atMost: 10_000_000, at: child(path, "maximumAttempts"))
        try nodeMemory.validate(at: child(path, "nodeMemory"))
        try operations.validate(at: child(path, "operations"))
        successProbabilityPerAttempt = p
        attemptPeriodSeconds = tau
        heraldDelaySeconds = th
        maximumAttempts = n
        self.transferPair = transferPair
        let logQ = log1p(-min(p, 1))
        // q^n and 1 − q^n without cancellation (q = 0 when p = 1).
        let qn = p >= 1 ? 0 : exp(Double(n) * logQ)
        let success = p >= 1 ? 1 : -expm1(Double(n) * logQ)
        successProbability = success
        meanAttempts = p >= 1 ? 1 : 1 / p - Double(n) * qn / success
        windowSeconds = Double(n - 1) * tau + th
        // f(W) with W = (K − 1)·τ_tr + t_h as a function of k = K − 1.
        let relaxation = Self.expectedFactor(p: p, n: n, success: success) { nodeMemory.relaxationFactor(after: $0 * tau + th) }
        let coherence: Double
        if nodeMemory.gaussianDephasingSeconds == nil {
            coherence = Self.expectedFactor(p: p, n: n, success: success) { nodeMemory.coherenceFactor(after: $0 * tau + th) }
        } else {
            coherence = Self.expectedBySum(p: p, n: n, success: success) { nodeMemory.coherenceFactor(after: $0 * tau + th) }
        }
        waitingChannel = PauliChannel.memory(relaxation: relaxation, coherence: coherence)
        teleportationChannel = PauliChannel(normalizing: EntanglementSwapping.swap(.perfect, transferPair, operations: operations).weights)
        channel = waitingChannel.composed(with: teleportationChannel)
    }

    /// A transfer through a heralded link: p_tr its success probability per round, τ_tr its attempt
    /// period, t_h its node cycle plus herald round trip, and ρ_tr its delivered state (`LinkModel`).
    public init(link: LinkModel, nodeMemory: MemoryParameters, operations: LocalOperations, maximumAttempts n: Int,
                path: String = "transfer") throws {
        guard link.successProbabilityPerRound > 0 else {
            throw ParameterError(path: child(path, "link"), value: "success probability 0",
                                 allowed: "a transfer link that heralds (success probability per round > 0)")
        }
        let period = link.attemptPeriod
        try self.init(successProbabilityPerAttempt: link.successProbabilityPerRound, attemptPeriodSeconds: period.periodSeconds,
                      heraldDelaySeconds: period.nodeCycleSeconds + period.heraldRoundTripSeconds,
                      transferPair: link.deliveredState, nodeMemory: nodeMemory, operations: operations, maximumAttempts: n, path: path)
    }

    /// The steps that time the transfer inside an outer link's node (`NodeTransferStep`): the window
    /// (n − 1)·τ_tr + t_h before emission (the node's cycle grows by it; efficiency and fidelity 1) and the success
    /// probability P_n after the herald (a failed transfer loses the pair; no duration, fidelity 1). The
    /// transfer's `channel` is not part of the steps: it acts on the qubit separately.
    public var timingSteps: [NodeTransferStep] {
        [NodeTransferStep(name: "heralded transfer window", placement: .beforeEmission, efficiency: 1, fidelity: 1,
                          durationSeconds: windowSeconds),
         NodeTransferStep(name: "heralded transfer success", placement: .afterHerald, efficiency: successProbability, fidelity: 1,
                          durationSeconds: 0)]
    }

    /// E[f(K − 1) | K ≤ n] for f(j) = f(0)·x^j with x = f(1)/f(0) (exponential decay): the truncated
    /// geometric sum f(0)·p·(1 − (qx)^n)/((1 − qx)(1 − q^n)).
    static func expectedFactor(p: Double, n: Int, success: Double, _ f: (Double) -> Double) -> Double {
        let f0 = f(0)
        if p >= 1 || f0 == 0 { return f0 }
        let x = f(1) / f0
        let q = 1 - p
        let qx = q * x
        // (1 − (qx)^n) / (1 − qx), with (qx)^n via logs (qx < 1 since p > 0).
        let partial = qx > 0 ? -expm1(Double(n) * log(qx)) : 1
        return f0 * p * partial / ((1 - qx) * success)
    }

    /// E[f(K − 1) | K ≤ n] summed term by term (any decay law).
    static func expectedBySum(p: Double, n: Int, success: Double, _ f: (Double) -> Double) -> Double {
        let q = 1 - p
        var total = 0.0, weight = p
        for k in 0..<n {
            total += weight * f(Double(k))
            weight *= q
            if weight < 1e-300 { break }
        }
        return total / success
    }
}
