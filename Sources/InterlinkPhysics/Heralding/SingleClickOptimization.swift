import InterlinkCore
import Foundation

extension SingleClickHeralding {
    /// The bright-state population α (same at both nodes) that maximises the hashing-bound
    /// distillable yield per attempt, p(α)·max(0, 1 − H(λ(α))) — the rate–fidelity trade-off of
    /// single-click heralding (Humphreys et al. 2018). Found by golden-section search on
    /// [1e-6, 0.5] (the yield is unimodal there for the model above); returns (α, yield).
    public static func optimalBrightStatePopulation(etaA: Double, etaB: Double, visibility v: Double,
                                                    phaseStability cPhi: Double,
                                                    noiseClickProbability pn: Double) -> (alpha: Double, yieldPerAttempt: Double) {
        func merit(_ a: Double) -> Double {
            let o = outcome(etaA: etaA, etaB: etaB, alphaA: a, alphaB: a, visibility: v, phaseStability: cPhi,
                            noiseClickProbability: pn)
            return o.successProbability * o.state.hashingYield
        }
        let g = (5.0.squareRoot() - 1) / 2
        var lo = 1e-6, hi = 0.5
        var x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo)
        var f1 = merit(x1), f2 = merit(x2)
        for _ in 0..<200 where hi - lo > 1e-12 {
            if f1 < f2 {
                lo = x1; x1 = x2; f1 = f2
                x2 = lo + g * (hi - lo); f2 = merit(x2)
            } else {
                hi = x2; x2 = x1; f2 = f1
                x1 = hi - g * (hi - lo); f1 = merit(x1)
            }
        }
        let a = (lo + hi) / 2
        return (a, merit(a))
    }
}
