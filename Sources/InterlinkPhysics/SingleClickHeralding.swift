import InterlinkCore
import Foundation

/// Single-click heralding: each node prepares √(1 − α)|↓⟩|0⟩ + √α|↑⟩|1⟩ and the station heralds
/// on exactly one detected photon after a beam splitter (Cabrillo et al., PRA 59, 1025, 1999;
/// Humphreys et al., Nature 558, 268, 2018, arXiv 1712.07567).
///
/// Unnormalised herald weights with number-resolving detection:
/// P₁₀ = α_A(1 − α_B)η_A, P₀₁ = (1 − α_A)α_Bη_B, P₁₁ = α_Aα_B(η_A(1 − η_B) + η_B(1 − η_A)).
/// The coherence between |↑↓⟩ and |↓↑⟩ is √(P₁₀P₀₁)·|𝒱|·c_φ with amplitude overlap
/// |𝒱| = √(V₀·M) (first-order interference) and phase stability c_φ. After twirling:
/// λ_I = ((P₁₀ + P₀₁)/2 + coherence)/p_t, λ_Z = ((P₁₀ + P₀₁)/2 − coherence)/p_t,
/// λ_X = λ_Y = P₁₁/(2p_t), p_t = P₁₀ + P₀₁ + P₁₁.
/// For α_A = α_B = α and η_A = η_B = η this is F = (1 + |𝒱|c_φ)(1 − α)/(2(1 − αη)) and
/// p_t = 2αη(1 − αη) (physics reference). For η → 0 the limit F → (1 + |𝒱|c_φ)(1 − α)/2 is used.
/// False heralds: a noise click with no signal photon, p_f = p_n(1 − p_t); true heralds need no
/// noise click, p_t(1 − p_n). False heralds carry 𝟙/4.
public enum SingleClickHeralding {
    /// Evaluates the scheme.
    public static func outcome(etaA: Double, etaB: Double, alphaA: Double, alphaB: Double, visibility v: Double,
                               phaseStability cPhi: Double, noiseClickProbability pn: Double) -> HeraldOutcome {
        let amplitude = min(1, max(0, v)).squareRoot() * min(1, max(0, cPhi))
        func weights(_ ea: Double, _ eb: Double) -> (Double, Double, Double) {
            (alphaA * (1 - alphaB) * ea, (1 - alphaA) * alphaB * eb, alphaA * alphaB * (ea * (1 - eb) + eb * (1 - ea)))
        }
        var (p10, p01, p11) = weights(etaA, etaB)
        let pt = p10 + p01 + p11
        if pt <= 0 {
            // η → 0 limit with η_A = η_B = η: the weights divided by η stay finite.
            (p10, p01, p11) = (alphaA * (1 - alphaB), (1 - alphaA) * alphaB, 2 * alphaA * alphaB)
        }
        let total = p10 + p01 + p11
        let trueState: BellDiagonalState
        if total > 0 {
            let coherence = (p10 * p01).squareRoot() * amplitude
            let mean = (p10 + p01) / 2
            trueState = BellDiagonalState(normalizing: [(mean + coherence) / total, p11 / (2 * total),
                                                        p11 / (2 * total), (mean - coherence) / total])
        } else {
            // α_A = α_B ∈ {0, 1}: no entanglement can be heralded.
            trueState = .maximallyMixed
        }
        return HeraldOutcome(trueProbability: pt * (1 - pn), falseProbability: pn * (1 - pt), trueState: trueState)
    }
}
