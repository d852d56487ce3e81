import InterlinkCore
import Foundation

/// Two-photon (Barrett–Kok-type) heralding: each node emits one photon entangled with its qubit in a
/// time-bin (or polarisation) encoding, |↑⟩|early⟩ + |↓⟩|late⟩; a linear-optics Bell-state
/// measurement at the station (50:50 beam splitter, two detectors × two time bins = four detector
/// windows, or four polarisation-resolving detectors) heralds on exactly one click in each bin.
/// The four valid patterns herald Ψ⁺ (same detector twice) or Ψ⁻ (different detectors), each
/// corrected by a Pauli frame update to the target Φ⁺.
///
/// Closed form (Barrett & Kok, PRA 71, 060310, 2005; Dhara, Englund & Guha, "Entangling quantum
/// memories via heralded photonic Bell measurement", Phys. Rev. Research 5, 033149, 2023, arXiv
/// 2303.03234, App. C, dual-rail spin–spin density matrix with dark clicks and visibility, summed here
/// over the four valid patterns and generalised to unequal detectors and to threshold detectors).
/// With noise-click probability d_k per window of detector k (`StationNoise`), q = d₁(1 − d₂) +
/// d₂(1 − d₁) (exactly one noise click in a bin), w = probability that a bin holding one photon shows
/// exactly that click (PNR: (1 − d₁)(1 − d₂); threshold: the other detector quiet,
/// ((1 − d₁) + (1 − d₂))/2), s₁ = η_A(1 − η_B) + (1 − η_A)η_B and s₀ = (1 − η_A)(1 − η_B):
///
/// - anti-correlated bins (early–late, late–early; the Φ subspace after correction):
///   λ_I + λ_Z ∝ ½[η_Aη_B·w² + s₁·w·q + s₀·q²], λ_I − λ_Z ∝ ½η_Aη_B·w²·V;
/// - both photons in one bin (the Ψ subspace after correction, no coherence, λ_X = λ_Y):
///   λ_X + λ_Y ∝ ½[η_Aη_B·b + s₁·w·q + s₀·q²], where b = 0 for PNR detectors (two photons in one
///   bin give two counts) and b = ((1 + V)/2)·w·q for threshold detectors (the HOM-bunched pair
///   gives one click, a noise click fills the other bin).
///
/// True heralds (photons caused every click): p_t = η_Aη_B·w²/2 with λ_I = (1 + V)/2,
/// λ_Z = (1 − V)/2, where V = V₀·M is the two-photon visibility (coherence ∝ |𝒱|²).
/// False heralds: p_f = s₁·w·q + s₀·q² + η_Aη_B·b/2, state λ_I = λ_Z = (s₁wq + s₀q²)/(4p_f),
/// λ_X = λ_Y = (s₁wq + s₀q² + η_Aη_B·b)/(4p_f): exactly 𝟙/4 for PNR detectors, more X/Y weight for
/// threshold detectors. For d ≪ 1: p_f ≈ 2d·s₁ + 4d², twice the count of a two-window treatment.
/// Exact for the model of `StationNoise`; checked against a density-matrix model of the station.
public enum TwoPhotonHeralding {
    /// Evaluates the scheme for end-to-end efficiencies, two-photon visibility V, station noise and
    /// detector kind.
    public static func outcome(etaA: Double, etaB: Double, visibility v: Double, noise: StationNoise,
                               detector: DetectorKind = .numberResolving) -> HeraldOutcome {
        let vis = min(1, max(0, v))
        let q = noise.exactlyOne
        let w = noise.singlePhotonWindow(detector)
        let both = etaA * etaB
        let s1 = etaA * (1 - etaB) + (1 - etaA) * etaB
        let s0 = (1 - etaA) * (1 - etaB)
        let bunched = detector == .threshold ? (1 + vis) / 2 * w * q : 0
        let trueState = BellDiagonalState(normalizing: [(1 + vis) / 2, 0, 0, (1 - vis) / 2])
        let pt = both * w * w / 2
        let noisy = s1 * w * q + s0 * q * q
        let pf = noisy + both * bunched / 2
        let falseState = pf > 0
            ? BellDiagonalState(normalizing: [noisy, noisy + both * bunched, noisy + both * bunched, noisy])
            : .maximallyMixed
        return HeraldOutcome(trueProbability: pt, falseProbability: pf, trueState: trueState, falseState: falseState,
                             saturated: w == 0)
    }

    /// Older single-number form: `noiseClickProbability` is the probability of at least one noise
    /// click over the two detectors in a window (`StationNoise.fromWindowNoiseClick`), with
    /// number-resolving detectors.
    public static func outcome(etaA: Double, etaB: Double, visibility v: Double, noiseClickProbability pn: Double) -> HeraldOutcome {
        outcome(etaA: etaA, etaB: etaB, visibility: v, noise: .fromWindowNoiseClick(pn))
    }
}
