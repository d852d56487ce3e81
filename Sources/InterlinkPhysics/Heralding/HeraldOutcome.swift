import InterlinkCore
import Foundation

/// Result of one heralding attempt (one communication qubit per node, one emission each).
public struct HeraldOutcome: Codable, Sendable, Equatable {
    /// Probability of a correct herald (photons from the nodes caused it).
    public let trueHeraldProbability: Double
    /// Probability of a false herald (dark counts or conversion/transducer noise took part).
    public let falseHeraldProbability: Double
    /// Total success probability per attempt, true + false.
    public let successProbability: Double
    /// State heralded by a true herald alone.
    public let trueHeraldState: BellDiagonalState
    /// State heralded by a false herald alone (derived per scheme; 𝟙/4 only where the derivation
    /// gives it).
    public let falseHeraldState: BellDiagonalState
    /// Heralded state, (p_t·ρ_true + p_f·ρ_false)/(p_t + p_f).
    public let state: BellDiagonalState

    /// Combines true and false heralds with their own states. When nothing can herald (p_t + p_f = 0)
    /// the state is the true-herald state (its limit as η → 0), or 𝟙/4 when `saturated` (every detector
    /// window clicks from noise, so no pattern can be valid).
    init(trueProbability pt: Double, falseProbability pf: Double, trueState: BellDiagonalState,
         falseState: BellDiagonalState = .maximallyMixed, saturated: Bool = false) {
        trueHeraldProbability = min(1, max(0, pt))
        falseHeraldProbability = min(1, max(0, pf))
        successProbability = min(1, trueHeraldProbability + falseHeraldProbability)
        trueHeraldState = trueState
        falseHeraldState = falseState
        let total = trueHeraldProbability + falseHeraldProbability
        state = total > 0 ? trueState.mixed(with: falseState, weight: trueHeraldProbability / total)
            : (saturated ? .maximallyMixed : trueState)
    }

    /// Probability that a noise click (dark count or noise photon) occurs in a window, given the
    /// dark-click probabilities of the two station detectors and the mean noise photons n_A + n_B
    /// (Poissonian): 1 − (1 − p_dA)(1 − p_dB)·e^(−(n_A + n_B)).
    public static func noiseClickProbability(darkA: Double, darkB: Double, noisePhotons: Double) -> Double {
        min(1, max(0, 1 - (1 - darkA) * (1 - darkB) * exp(-max(0, noisePhotons))))
    }
}
