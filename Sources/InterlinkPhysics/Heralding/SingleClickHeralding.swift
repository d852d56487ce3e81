import InterlinkCore
import Foundation

/// Single-click heralding: each node prepares √(1 − α)|↓⟩|0⟩ + √α|↑⟩|1⟩ and the station heralds
/// on exactly one click behind a 50:50 beam splitter with two detectors (Cabrillo et al., PRA 59,
/// 1025, 1999; Humphreys et al., Nature 558, 268, 2018, arXiv 1712.07567; Hermans et al., arXiv
/// 2208.07449, for the dark-count and double-excitation terms; single-rail case of Dhara et al.,
/// Phys. Rev. Research 5, 033149, 2023, generalised to unequal detectors and threshold detection).
///
/// With noise-click probability d_k per window of detector k (`StationNoise`), q = exactly one noise
/// click, w = a window holding one photon shows exactly its click (PNR: (1 − d₁)(1 − d₂);
/// threshold: ((1 − d₁) + (1 − d₂))/2), s₁ = η_A(1 − η_B) + (1 − η_A)η_B, s₀ = (1 − η_A)(1 − η_B),
/// the heralded weights summed over both detectors (after the Pauli frame update) are
///
/// - P↑↓ = α_A(1 − α_B)[η_A·w + (1 − η_A)·q], P↓↑ = (1 − α_A)α_B[η_B·w + (1 − η_B)·q],
/// - P↑↑ = α_Aα_B[s₁·w + s₀·q + η_Aη_B·b], with b = 0 for PNR detectors (two photons give two
///   counts) and b = ((1 + V)/2)·w for threshold detectors (a HOM-bunched pair gives one click),
/// - P↓↓ = (1 − α_A)(1 − α_B)·q,
/// - coherence C = √(α_A(1 − α_B)(1 − α_A)α_B·η_Aη_B)·w·|𝒱|·c_φ·κ, with the amplitude overlap
///   |𝒱| = √(V₀·M) (first-order interference), phase stability c_φ and κ = 1 when the fixed phase
///   arg 𝒱 that a detuning puts on the interference is compensated (a known Z rotation), κ = cos(arg 𝒱)
///   when it is not.
///
/// λ_I = ((P↑↓ + P↓↑)/2 + C)/p, λ_Z = ((P↑↓ + P↓↑)/2 − C)/p, λ_X = λ_Y = (P↑↑ + P↓↓)/(2p),
/// p = P↑↓ + P↓↑ + P↑↑ + P↓↓. True heralds are the terms in w (photons caused the click); the
/// terms in q are false heralds, whose state has λ_I = λ_Z = [α_A(1 − α_B)(1 − η_A) + (1 − α_A)α_B(1 −
/// η_B)]·q/(2p_f) and λ_X = λ_Y (F_false ≈ α(1 − α) for small η, not ¼).
/// Symmetric PNR without noise: F = (1 + |𝒱|c_φ)(1 − α)/(2(1 − αη)), p = 2αη(1 − αη). With
/// threshold detectors and V = 1 the bunched pairs count: at η = 0.9, α = 0.5, F = 0.645 (PNR 0.909).
/// For η → 0 the true-herald state takes its limit (weights divided by η).
/// Exact for the model of `StationNoise`; checked against a density-matrix model of the station.
public enum SingleClickHeralding {
    /// Evaluates the scheme. `overlapPhase` is arg 𝒱 (radians, `SpectralMode.overlapPhase`);
    /// `phaseCompensated` says whether the nodes correct it (see the type's documentation).
    public static func outcome(etaA: Double, etaB: Double, alphaA: Double, alphaB: Double, visibility v: Double,
                               phaseStability cPhi: Double, noise: StationNoise,
                               detector: DetectorKind = .numberResolving,
                               overlapPhase: Double = 0, phaseCompensated: Bool = true) -> HeraldOutcome {
        let vis = min(1, max(0, v))
        let kappa = phaseCompensated ? 1 : cos(overlapPhase)
        let amplitude = vis.squareRoot() * min(1, max(0, cPhi)) * kappa
        let w = noise.singlePhotonWindow(detector)
        let q = noise.exactlyOne
        let bunched = detector == .threshold ? (1 + vis) / 2 * w : 0
        let (aUp, aDown, bUp, bDown) = (alphaA, 1 - alphaA, alphaB, 1 - alphaB)
        func trueWeights(_ ea: Double, _ eb: Double, _ s1: Double) -> (Double, Double, Double) {
            (aUp * bDown * ea * w, aDown * bUp * eb * w, aUp * bUp * (s1 * w + ea * eb * bunched))
        }
        let s1 = etaA * (1 - etaB) + (1 - etaA) * etaB
        var (p10, p01, p11) = trueWeights(etaA, etaB, s1)
        let pt = p10 + p01 + p11
        if pt <= 0 {
            // η → 0 limit with η_A = η_B = η: the true weights divided by η stay finite.
            (p10, p01, p11) = trueWeights(1, 1, 2)
            p11 -= aUp * bUp * bunched
        }
        let total = p10 + p01 + p11
        let trueState: BellDiagonalState
        if total > 0 {
            let coherence = (p10 * p01).squareRoot() * amplitude
            let mean = (p10 + p01) / 2
            trueState = BellDiagonalState(normalizing: [mean + coherence, p11 / 2, p11 / 2, mean - coherence])
        } else {
            // α_A = α_B ∈ {0, 1}: no entanglement can be heralded.
            trueState = .maximallyMixed
        }
        let oneUp = (aUp * bDown * (1 - etaA) + aDown * bUp * (1 - etaB)) * q
        let evenUp = (aUp * bUp * (1 - etaA) * (1 - etaB) + aDown * bDown) * q
        let pf = oneUp + evenUp
        let falseState = pf > 0 ? BellDiagonalState(normalizing: [oneUp, evenUp, evenUp, oneUp]) : .maximallyMixed
        return HeraldOutcome(trueProbability: pt, falseProbability: pf, trueState: trueState, falseState: falseState,
                             saturated: w == 0)
    }

    /// Older single-number form: `noiseClickProbability` is the probability of at least one noise
    /// click over the two detectors (`StationNoise.fromWindowNoiseClick`), number-resolving
    /// detectors, compensated overlap phase.
    public static func outcome(etaA: Double, etaB: Double, alphaA: Double, alphaB: Double, visibility v: Double,
                               phaseStability cPhi: Double, noiseClickProbability pn: Double) -> HeraldOutcome {
        outcome(etaA: etaA, etaB: etaB, alphaA: alphaA, alphaB: alphaB, visibility: v, phaseStability: cPhi,
                noise: .fromWindowNoiseClick(pn))
    }
}
