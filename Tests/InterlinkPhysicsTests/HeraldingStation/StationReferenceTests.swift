import Foundation
import Testing
@testable import InterlinkPhysics

/// Closed-form heralding (`TwoPhotonHeralding`, `SingleClickHeralding`) against the density-matrix
/// reference model of the station (`StationReference`).
@Suite("Heralding station: closed forms vs density-matrix reference")
struct StationReferenceTests {
    /// |a − b| ≤ tol·|b| + 1e-15 on each component.
    static func agree(_ a: [Double], _ b: [Double], _ tol: Double) -> Double {
        zip(a, b).map { abs($0 - $1) / (abs($1) + 1e-15 / tol) }.max() ?? 0
    }

    static func deviation(_ o: HeraldOutcome, _ r: ReferenceHerald) -> Double {
        var dev = agree([o.trueHeraldProbability, o.falseHeraldProbability, o.successProbability],
                        [r.trueProbability, r.falseProbability, r.probability], 1e-9)
        dev = max(dev, agree(o.state.weights, r.state, 1e-9))
        if r.trueProbability > 0 { dev = max(dev, agree(o.trueHeraldState.weights, r.trueState, 1e-9)) }
        if r.falseProbability > 0 { dev = max(dev, agree(o.falseHeraldState.weights, r.falseState, 1e-9)) }
        return dev
    }

    @Test("Reference model, textbook limits: Barrett–Kok p = ηAηB/2, F = (1 + V)/2; HOM bunching (1 + V)/2")
    func referenceLimits() {
        for kind in DetectorKind.allCases {
            let r = StationReference.barrettKok(etaA: 0.3, etaB: 0.7, visibility: 0.8, d1: 0, d2: 0, kind: kind)
            #expect(close(r.probability, 0.3 * 0.7 / 2))
            #expect(close(r.state[0], 0.9) && close(r.state[3], 0.1))
        }
        // Single-click, PNR, symmetric, no noise: F = (1 + √V c)(1 − α)/(2(1 − αη)), p = 2αη(1 − αη).
        let (a, eta, v, c) = (0.2, 0.4, 0.64, 0.9)
        let r = StationReference.singleClick(etaA: eta, etaB: eta, alphaA: a, alphaB: a, visibility: v, theta: 0,
                                             compensated: true, phaseStability: c, d1: 0, d2: 0, kind: .numberResolving)
        #expect(close(r.probability, 2 * a * eta * (1 - a * eta)))
        #expect(close(r.state[0], (1 + 0.8 * c) * (1 - a) / (2 * (1 - a * eta))))
        // α = 1 at both nodes, η = 1, threshold: the herald is HOM bunching, probability (1 + V)/2.
        let hom = StationReference.singleClick(etaA: 1, etaB: 1, alphaA: 1, alphaB: 1, visibility: 0.3, theta: 0,
                                               compensated: true, phaseStability: 1, d1: 0, d2: 0, kind: .threshold)
        #expect(close(hom.probability, (1 + 0.3) / 2))
    }

    /// Runs `cases` random configurations per detector kind; `deviation` returns the worst relative
    /// deviation of one configuration and a description for the failure message.
    static func randomCheck(seed: UInt64, label: String,
                            _ deviation: (inout SeededGenerator, DetectorKind, Int) -> (Double, String)) {
        var rng = SeededGenerator(seed: seed)
        var worst = 0.0
        for kind in DetectorKind.allCases {
            for k in 0..<60 {
                let (dev, what) = deviation(&rng, kind, k)
                worst = max(worst, dev)
                #expect(dev <= 1e-9, "\(label) \(kind) \(what): deviation \(dev)")
            }
        }
        print("\(label) max relative deviation vs reference: \(worst)")
    }

    @Test("Barrett–Kok: ≥ 50 random configurations per detector kind agree to 1e-9 relative")
    func barrettKokRandom() {
        Self.randomCheck(seed: 14, label: "Barrett–Kok") { rng, kind, _ in
            let etaA = rng.logUniform(1e-4, 1), etaB = rng.logUniform(1e-4, 1)
            let v = rng.uniform(), d1 = rng.logUniform(1e-7, 0.3), d2 = rng.logUniform(1e-7, 0.3)
            let r = StationReference.barrettKok(etaA: etaA, etaB: etaB, visibility: v, d1: d1, d2: d2, kind: kind)
            let o = TwoPhotonHeralding.outcome(etaA: etaA, etaB: etaB, visibility: v,
                                               noise: StationNoise(detector1: d1, detector2: d2), detector: kind)
            return (Self.deviation(o, r), "ηA \(etaA) ηB \(etaB) V \(v) d \(d1), \(d2)")
        }
    }

    @Test("Single-click: ≥ 50 random configurations per detector kind agree to 1e-9 relative")
    func singleClickRandom() {
        Self.randomCheck(seed: 41, label: "Single-click") { rng, kind, k in
            let etaA = rng.logUniform(1e-4, 1), etaB = rng.logUniform(1e-4, 1)
            let aA = rng.uniform(0.01, 0.6), aB = rng.uniform(0.01, 0.6)
            let v = rng.uniform(), c = rng.uniform(0.5, 1), theta = rng.uniform(-1.5, 1.5)
            let d1 = rng.logUniform(1e-7, 0.3), d2 = rng.logUniform(1e-7, 0.3)
            let compensated = k % 2 == 0
            let r = StationReference.singleClick(etaA: etaA, etaB: etaB, alphaA: aA, alphaB: aB, visibility: v, theta: theta,
                                                 compensated: compensated, phaseStability: c, d1: d1, d2: d2, kind: kind)
            let o = SingleClickHeralding.outcome(etaA: etaA, etaB: etaB, alphaA: aA, alphaB: aB, visibility: v,
                                                 phaseStability: c, noise: StationNoise(detector1: d1, detector2: d2),
                                                 detector: kind, overlapPhase: theta, phaseCompensated: compensated)
            return (Self.deviation(o, r), "ηA \(etaA) ηB \(etaB) α \(aA), \(aB) V \(v) θ \(theta) compensated \(compensated)")
        }
    }

    @Test("Single-click at η = 0.9, α = 0.5, V = 1: F = 0.909 (PNR) and 0.645 (threshold)")
    func detectorKindMatters() {
        for (kind, expected) in [(DetectorKind.numberResolving, 0.5 / 0.55), (.threshold, 0.45 / 0.6975)] {
            let r = StationReference.singleClick(etaA: 0.9, etaB: 0.9, alphaA: 0.5, alphaB: 0.5, visibility: 1, theta: 0,
                                                 compensated: true, phaseStability: 1, d1: 0, d2: 0, kind: kind)
            let o = SingleClickHeralding.outcome(etaA: 0.9, etaB: 0.9, alphaA: 0.5, alphaB: 0.5, visibility: 1,
                                                 phaseStability: 1, noise: .none, detector: kind)
            #expect(abs(r.state[0] - expected) < 1e-12)
            #expect(abs(o.state.fidelity - expected) < 1e-12)
        }
        // By hand: threshold adds the bunched pair α²η² to the error weight: 0.45/(0.45 + 0.25·0.99) = 0.6452.
        #expect(abs(0.45 / 0.6975 - 0.6452) < 1e-4 && abs(0.5 / 0.55 - 0.9091) < 1e-4)
    }

    @Test("Single-click dark-count heralds carry F = α(1 − α) for η → 0, not ¼")
    func darkCountHeraldFidelity() {
        for a in [0.05, 0.1, 0.25] {
            let r = StationReference.singleClick(etaA: 1e-6, etaB: 1e-6, alphaA: a, alphaB: a, visibility: 1, theta: 0,
                                                 compensated: true, phaseStability: 1, d1: 1e-3, d2: 1e-3, kind: .threshold)
            let o = SingleClickHeralding.outcome(etaA: 1e-6, etaB: 1e-6, alphaA: a, alphaB: a, visibility: 1,
                                                 phaseStability: 1, noise: .symmetric(1e-3), detector: .threshold)
            #expect(abs(r.falseState[0] - a * (1 - a)) < 1e-5)
            #expect(abs(o.falseHeraldState.fidelity - a * (1 - a)) < 1e-5)
        }
    }

    @Test("Barrett–Kok false heralds count four detector windows: p_f ≈ 2d·s₁ + 4d² for small d")
    func barrettKokFourWindows() {
        let (eA, eB, d) = (0.05, 0.04, 1e-4)
        let r = StationReference.barrettKok(etaA: eA, etaB: eB, visibility: 1, d1: d, d2: d, kind: .numberResolving)
        let s1 = eA * (1 - eB) + eB * (1 - eA)
        // Leading order by hand: one photon lost (s₁), any of the 2 windows of the other bin dark: 2d·s₁;
        // both lost, one dark window in each bin: (2d)².
        #expect(relClose(r.falseProbability, 2 * d * s1 + 4 * d * d, 1e-3))
        // PNR false heralds are exactly 𝟙/4 (derived: both-bin and split-bin branches weigh the same).
        #expect(r.falseState.allSatisfy { abs($0 - 0.25) < 1e-12 })
    }
}
