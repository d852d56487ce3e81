import InterlinkCore
import Foundation

/// Entanglement pumping (Dür, Briegel, Cirac & Zoller, PRA 59, 169 (1999); Dür & Briegel, Rep. Prog. Phys. 70,
/// 1381 (2007)) on one heralded link whose kept pair decays in memory while it waits for each fresh pair.
///
/// Protocol: the first raw pair is kept; for each of m steps the link makes a fresh raw pair (a
/// geometric number of attempts T of period τ), the kept pair decays in both memories meanwhile, and one
/// purification step (`Purification.step`, the kept pair as source, the fresh pair as target, with the
/// nodes' `PurificationNoise` when given) either succeeds — its output becomes the kept pair — or fails,
/// and the whole sequence restarts from a new first pair. Fresh pairs are used at once.
///
/// Exact expectation: every fresh pair is the delivered state λ₀ and its wait is independent of the kept
/// pair's history, so with the stored-pair modes (`StoredPairModes`) and the step's unnormalised output
/// K(x, y) (bilinear), the unnormalised kept pair after k successful steps is v_k = M v_{k−1},
/// M x = K(Π₀x + E[A(T)]Π_a x + E[C(T)]Π_c x, λ₀), v₀ = λ₀, a linear map with the waiting factors
/// averaged over the geometric law (closed geometric sums, or the direct sum for Gaussian dephasing,
/// `MemoryAwareRecurrence`). The sequence reaches step k with probability Σv_{k−1}, so it consumes
/// 1 + Σ_{i<k}Σv_i raw pairs on average and succeeds with probability Σv_k: R_k = (1 + Σ_{i<k}Σv_i)/Σv_k
/// raw pairs per output (renewal), E[attempts] = R_k/p (Wald's identity), output state v_k/Σv_k.
public struct MemoryAwarePumping: Sendable, Equatable {
    /// Steps 0…m (step 0: the delivered pair). `successProbability` is the conditional success of step k
    /// given steps 1…k − 1 succeeded.
    public let steps: [MemoryAwareRecurrence.Round]

    /// Evaluates `steps` pumping steps. Throws a `ParameterError` naming `path.<field>` for p outside
    /// (0, 1], a non-positive τ, an invalid memory, a step count outside 0…10, or an unsupported Gaussian
    /// dephasing time (as `MemoryAwareRecurrence`).
    public init(delivered: BellDiagonalState, successProbabilityPerAttempt p: Double, attemptPeriodSeconds tau: Double,
                memoryA: MemoryParameters, memoryB: MemoryParameters, protocol: PurificationProtocol = .dejmps,
                noise: PurificationNoise? = nil, steps m: Int, path: String = "pumping") throws {
        try MemoryAwareRecurrence.validate(p: p, tau: tau, memoryA: memoryA, memoryB: memoryB, count: m, countName: "steps", path: path)
        let e = try MemoryAwareRecurrence.Evaluator(delivered: delivered, p: p, tau: tau,
                                                    modes: StoredPairModes(memoryA: memoryA, memoryB: memoryB),
                                                    protocol: `protocol`, noise: noise, rounds: 1, path: path)
        let (a, c) = e.meanWaitFactors()
        var list = [MemoryAwareRecurrence.Round(state: delivered, successProbability: 1, expectedAttempts: 1 / p, expectedInputPairs: 1)]
        var v = e.lambda0
        var pairsPerSequence = 1.0
        for _ in stride(from: 1, through: m, by: 1) {
            let parts = e.modes.parts(v)
            let next = e.apply(parts.constant + a * parts.relaxation + c * parts.coherence, e.lambda0)
            pairsPerSequence += v.sum()
            let reached = v.sum(), success = next.sum()
            v = next
            let pairs = success > 0 ? pairsPerSequence / success : .infinity
            list.append(MemoryAwareRecurrence.Round(state: success > 0 ? BellDiagonalState(normalizingWeights: v) : .maximallyMixed,
                                                    successProbability: reached > 0 ? success / reached : 0,
                                                    expectedAttempts: pairs / p, expectedInputPairs: pairs))
        }
        steps = list
    }
}
