import InterlinkCore
import Foundation

/// Two-photon (Barrett–Kok-type) heralding: each node emits one photon entangled with its qubit;
/// a linear-optics Bell-state measurement at the station heralds on a two-click pattern.
///
/// - True herald: p_t = η_A·η_B/2 (Barrett & Kok, PRA 71, 060310, 2005), state with
///   λ_I = (1 + V)/2, λ_Z = (1 − V)/2 where V = V₀·M is the two-photon visibility (mode overlap M
///   times residual factor V₀); the error is a phase flip.
/// - False heralds (leading order, after Barrett & Kok 2005 and Dhara et al. 2023, App. C): with a
///   noise click in the window with probability p_n (dark counts and conversion/transducer noise),
///   either one photon is detected, its partner lost and a noise click completes the pattern, or two
///   noise clicks do; each pattern is valid with probability 1/2 like the true one:
///   p_f = [(η_A(1 − η_B) + η_B(1 − η_A))·p_n + p_n²]/2. False heralds carry 𝟙/4.
public enum TwoPhotonHeralding {
    /// Evaluates the scheme for end-to-end efficiencies, visibility and noise-click probability.
    public static func outcome(etaA: Double, etaB: Double, visibility v: Double, noiseClickProbability pn: Double) -> HeraldOutcome {
        let vis = min(1, max(0, v))
        let trueState = BellDiagonalState(normalizing: [(1 + vis) / 2, 0, 0, (1 - vis) / 2])
        let pt = etaA * etaB / 2
        let single = etaA * (1 - etaB) + etaB * (1 - etaA)
        let pf = (single * pn + pn * pn) / 2
        return HeraldOutcome(trueProbability: pt, falseProbability: pf, trueState: trueState)
    }
}
