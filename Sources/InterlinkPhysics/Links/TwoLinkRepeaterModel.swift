import InterlinkCore
import Foundation

/// Closed-form evaluation of a two-link repeater: both links attempt in synchronous rounds of
/// period τ = max(τ_A, τ_B); the first pair waits in memory for the second; the repeater swaps
/// when both are ready (optionally discarding a pair older than the cutoff).
///
/// Mean delivered state: the earlier pair decoheres for D·τ in the memories at its two ends (D =
/// age difference in rounds, `WaitingTime.AgeDistribution`). Each memory acts as the Pauli channel
/// with Bloch factors (a, c) (`MemoryParameters`); in the Z₂×Z₂ Fourier basis (characters
/// (−1)^(k·j)) a Bell-diagonal state and a Pauli channel become vectors whose components multiply
/// under convolution, so swapping multiplies the two pairs' transforms and a memory multiplies by
/// (1, a, c, c) in [I, X, Y, Z] order. The expectation over D is therefore exact: the
/// exponential factors give geometric sums in closed form; Gaussian dephasing is summed directly.
/// Swap-node gate and readout noise follow (`EntanglementSwapping`); with `swapLatency` the qubits
/// also decohere while the swap happens and while its outcome travels to the end nodes (one-way delay
/// of each link's fibers, `EntanglementSwapping.decoherenceDuringSwap`).
public struct TwoLinkRepeaterModel: Codable, Sendable, Equatable {
    /// Link A evaluated alone.
    public let linkA: LinkModel
    /// Link B evaluated alone.
    public let linkB: LinkModel
    /// Common round period τ (s).
    public let roundPeriodSeconds: Double
    /// Cutoff in rounds, ⌊t_cut/τ⌋ (nil: none).
    public let cutoffRounds: Int?
    /// Mean rounds until a swap (`WaitingTime.meanRoundsWithCutoff`).
    public let meanRounds: Double
    /// Mean time until a swap (s).
    public let meanWaitingTimeSeconds: Double
    /// Delivered end-to-end pairs per second, 1/(mean time).
    public let rateHz: Double
    /// Probability that both links succeed in the same round, given delivery.
    public let probabilitySimultaneous: Double
    /// Mean delivered end-to-end state.
    public let state: BellDiagonalState
    /// Fidelity of the mean delivered state.
    public let fidelity: Double

    /// Evaluates a configuration; errors name `path.<field>`.
    public init(configuration c: RepeaterConfiguration, path: String = "repeater") throws {
        try c.validate(at: path)
        linkA = try LinkModel(configuration: c.linkA, path: child(path, "linkA"))
        linkB = try LinkModel(configuration: c.linkB, path: child(path, "linkB"))
        let tau = max(linkA.attemptPeriod.periodSeconds, linkB.attemptPeriod.periodSeconds)
        roundPeriodSeconds = tau
        cutoffRounds = c.cutoffSeconds.map { Int(min(1e15, ($0 / tau).rounded(.down))) }
        let p1 = linkA.successProbabilityPerRound
        let p2 = linkB.successProbabilityPerRound
        meanRounds = WaitingTime.meanRoundsWithCutoff(p1, p2, cutoffRounds: cutoffRounds)
        meanWaitingTimeSeconds = meanRounds * tau
        rateHz = meanRounds.isFinite ? 1 / meanWaitingTimeSeconds : 0
        guard p1 > 0, p2 > 0 else {
            probabilitySimultaneous = 0
            state = EntanglementSwapping.swap(linkA.deliveredState, linkB.deliveredState,
                                              operations: c.linkA.armB.node.operations)
            fidelity = state.fidelity
            return
        }
        let ages = WaitingTime.AgeDistribution(p1: p1, p2: p2, cutoffRounds: cutoffRounds)
        probabilitySimultaneous = ages.probabilitySimultaneous
        let one = try Self.expectedFactors(ages: ages, earlierIsLinkOne: true, tau: tau,
                                           memories: (c.linkA.armA.node.memory, c.linkA.armB.node.memory))
        let two = try Self.expectedFactors(ages: ages, earlierIsLinkOne: false, tau: tau,
                                           memories: (c.linkB.armA.node.memory, c.linkB.armB.node.memory))
        let ta = BellTransform.forward(linkA.deliveredState.weights)
        let tb = BellTransform.forward(linkB.deliveredState.weights)
        var mean = [Double](repeating: 0, count: 4)
        for k in 0..<4 {
            mean[k] = ta[k] * tb[k] * (ages.probabilitySimultaneous + one[k] + two[k])
        }
        let swapped = BellDiagonalState(normalizing: BellTransform.inverse(mean))
        let ops = c.linkA.armB.node.operations
        let ideal = c.swapLatency != true ? swapped : EntanglementSwapping.decoherenceDuringSwap(
            swapped, operations: ops, repeaterMemories: (c.linkA.armB.node.memory, c.linkB.armA.node.memory),
            endMemories: (c.linkA.armA.node.memory, c.linkB.armB.node.memory),
            classicalDelaysSeconds: (linkA.armA.oneWayDelaySeconds + linkA.armB.oneWayDelaySeconds,
                                     linkB.armA.oneWayDelaySeconds + linkB.armB.oneWayDelaySeconds))
        let noisy = EntanglementSwapping.swap(ideal, .perfect, operations: ops)
        state = noisy
        fidelity = noisy.fidelity
    }

    /// E[memory transform(D·τ) · 1{this link earlier}] as [I, X, Y, Z] components.
    static func expectedFactors(ages: WaitingTime.AgeDistribution, earlierIsLinkOne: Bool, tau: Double,
                                memories m: (MemoryParameters, MemoryParameters)) throws -> [Double] {
        func rate(_ t: Double?) -> Double { t.map { 1 / $0 } ?? 0 }
        func coherenceRate(_ mem: MemoryParameters) -> Double {
            if let t2 = mem.t2Seconds { return 1 / t2 }
            return rate(mem.t1Seconds) / 2
        }
        func geometric(_ x: Double) -> Double {
            earlierIsLinkOne ? ages.linkOneEarlier(factorPerRound: x) : ages.linkTwoEarlier(factorPerRound: x)
        }
        let total = geometric(1)
        let relax = geometric(exp(-tau * (rate(m.0.t1Seconds) + rate(m.1.t1Seconds))))
        let coherence: Double
        if m.0.gaussianDephasingSeconds == nil && m.1.gaussianDephasingSeconds == nil {
            coherence = geometric(exp(-tau * (coherenceRate(m.0) + coherenceRate(m.1))))
        } else {
            let g: (Int) -> Double = { d in
                let t = Double(d) * tau
                return m.0.coherenceFactor(after: t) * m.1.coherenceFactor(after: t)
            }
            coherence = earlierIsLinkOne ? try ages.linkOneEarlier(g) : try ages.linkTwoEarlier(g)
        }
        return [total, relax, coherence, coherence]
    }
}

/// Fourier transform over Z₂×Z₂ with characters (−1)^(k·j) on the bit labels of [I, X, Y, Z]:
/// forward T[k] = Σⱼ v[j]·(−1)^(k·j); inverse v[j] = ¼ Σₖ T[k]·(−1)^(k·j). Convolution becomes
/// component-wise multiplication.
enum BellTransform {
    static func sign(_ k: Int, _ j: Int) -> Double {
        let a = PauliGroup.bits[k], b = PauliGroup.bits[j]
        return (a.0 * b.0 + a.1 * b.1) % 2 == 0 ? 1 : -1
    }

    static func forward(_ v: [Double]) -> [Double] {
        (0..<4).map { k in (0..<4).reduce(0) { $0 + v[$1] * sign(k, $1) } }
    }

    static func inverse(_ t: [Double]) -> [Double] {
        (0..<4).map { j in (0..<4).reduce(0) { $0 + t[$1] * sign($1, j) } / 4 }
    }
}
