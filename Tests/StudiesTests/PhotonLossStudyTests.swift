import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = PhotonLossStudy.Columns

@Suite("photon-loss study")
struct PhotonLossStudyTests {
    func run() async throws -> StudyRun {
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(PhotonLossStudy())
    }

    func derived(_ run: StudyRun, _ name: String) throws -> Metric {
        try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    @Test("single-click F → 1 − α as η → 0 (ideal visibility and phase, no noise)")
    func singleClickLimit() throws {
        for alpha in [0.02, 0.1, 0.3] {
            let o = SingleClickHeralding.outcome(etaA: 1e-9, etaB: 1e-9, alphaA: alpha, alphaB: alpha, visibility: 1,
                                                 phaseStability: 1, noiseClickProbability: 0)
            #expect(abs(o.state.fidelity - (1 - alpha)) < 1e-8)
        }
        // In the study's link at 20 dB per arm, with V₀ = c_φ = 1, the same holds up to the small
        // noise and η corrections (η = 0.01).
        var p = PhotonLossStudy.Parameters()
        p.residualVisibility = 1
        p.phaseStability = 1
        let f = try PhotonLossStudy.link(p, lossDB: 20, scheme: .singleClick, alpha: 0.1).fidelity
        #expect(abs(f - 0.9) < 0.01)
    }

    @Test("one run: two-photon rate at 10 dB by hand (p = η²/2 = 0.005 per 4.9 µs attempt); equal rates at the crossover; α agrees with the library")
    func studyRun() async throws {
        let run = try await run()
        try twoPhotonByHand(run)
        try crossoverEqualRates(run)
        try reachByBisection(run)
        try headlinesAboveHalf(run)
        #expect(try derived(run, "alphaRelativeDifferenceMax").value < 0.01)
    }

    /// Each reach (preset split) against an independent bisection of the model's best distillable rate
    /// minus 1 ebit/min over the swept 0.5–60 dB; and the crossover against a bisection of the two
    /// schemes' rate difference around it.
    func reachByBisection(_ run: StudyRun) throws {
        let p = PhotonLossStudy.Parameters()
        for (scheme, name) in [(PhotonLossStudy.Scheme.twoPhoton, "reachTwoPhoton"), (.singleClick, "reachSingleClick")] {
            func excess(_ loss: Double) throws -> Double {
                try PhotonLossStudy.bestDistillableRate(p, lossDB: loss, scheme: scheme) - 1.0 / 60
            }
            #expect(try excess(0.5) > 0 && excess(60) < 0, "\(name) lies inside the sweep")
            var lo = 0.5, hi = 60.0
            for _ in 0..<60 {
                let mid = (lo + hi) / 2
                if try excess(mid) > 0 { lo = mid } else { hi = mid }
            }
            let reach = try derived(run, name)
            #expect(abs(reach.value - lo) < 1e-4, "\(name): \(reach.value) vs \(lo)")
            // Its interval brackets it, and its ± is half that interval.
            let low = try derived(run, name + "_low").value, high = try derived(run, name + "_high").value
            #expect(low <= reach.value && reach.value <= high && high < 60)
        }
        var lo = try derived(run, "crossoverLossPreset").value - 2, hi = lo + 4
        func advantage(_ loss: Double) throws -> Double {
            try PhotonLossStudy.bestDistillableRate(p, lossDB: loss, scheme: .singleClick)
                - PhotonLossStudy.bestDistillableRate(p, lossDB: loss, scheme: .twoPhoton)
        }
        #expect(try advantage(lo) < 0 && advantage(hi) > 0)
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if try advantage(mid) < 0 { lo = mid } else { hi = mid }
        }
        #expect(abs(try derived(run, "crossoverLossPreset").value - lo) < 1e-4)
        // The second crossover: single-click ahead 5 dB above the first crossover, two-photon ahead (and
        // single-click no longer distilling) at the two-photon reach; bisect the rate difference between.
        var ahead = try derived(run, "crossoverLossPreset").value + 5, behind = try derived(run, "reachTwoPhoton").value
        #expect(try advantage(ahead) > 0 && advantage(behind) < 0)
        #expect(try PhotonLossStudy.bestDistillableRate(p, lossDB: behind, scheme: .singleClick) == 0)
        for _ in 0..<60 {
            let mid = (ahead + behind) / 2
            if try advantage(mid) > 0 { ahead = mid } else { behind = mid }
        }
        let second = try derived(run, "secondCrossoverLossPreset")
        #expect(abs(second.value - ahead) < 1e-4, "second crossover \(second.value) vs bisection \(ahead)")
        let low = try derived(run, "secondCrossoverLossPreset_low").value
        let high = try derived(run, "secondCrossoverLossPreset_high").value
        #expect(low <= second.value && second.value <= high && high < 60)
        // Single-click still distils just below it and falls to 1 ebit/min just above it (its reach).
        #expect(try derived(run, "reachSingleClick").value > second.value)
    }

    @Test("near the hashing threshold the optimal single-click rate matches a fine brute-force α scan")
    func thresholdBand() throws {
        // Between 31.40 and 31.45 dB per arm only a narrow band of α (about 0.08–0.09) still distils;
        // the coarse α scan alone misses it. A 20 001-point scan of α over [10⁻⁶, 0.5] is the reference.
        let p = PhotonLossStudy.Parameters()
        for loss in [31.40, 31.43, 31.45, 31.47] {
            var best = 0.0
            for k in 0...20_000 {
                let a = pow(10, -6 + (log10(0.5) + 6) * Double(k) / 20_000)
                best = max(best, try PhotonLossStudy.link(p, lossDB: loss, scheme: .singleClick, alpha: a).hashingRateHz)
            }
            let rate = try PhotonLossStudy.bestDistillableRate(p, lossDB: loss, scheme: .singleClick)
            #expect(rate >= best * (1 - 1e-9) && rate <= best * 1.001 + 1e-12, "\(loss) dB: \(rate) vs scan \(best)")
            if loss < 31.46 { #expect(best > 0, "the band still distils at \(loss) dB") }
        }
    }

    /// No headline is computed for pairs with F ≤ 1/2: the fidelities at the crossover and at every reach.
    func headlinesAboveHalf(_ run: StudyRun) throws {
        let names = run.derived.flatMap(\.metrics).map(\.name).filter {
            $0.hasPrefix("fidelityAtReach") || $0.hasPrefix("crossoverFidelity")
        }
        #expect(names.count >= 6)
        for name in names { #expect(try derived(run, name).value > 0.5, "\(name)") }
    }

    func twoPhotonByHand(_ run: StudyRun) throws {
        let row = try #require(run.table.rows.first {
            $0.parameters["split"] == .string("preset-split") && $0.parameters["scheme"] == .string("two-photon")
                && $0.number(Columns.lossDB) == 10
        })
        // Period: herald round trip over 0.5 km, 2 × 0.5 km × 1.47 / c, exceeds the 2 µs node cycle.
        let tau = 2 * 0.5 * 1.47 / 299_792.458
        let expected = 0.1 * 0.1 / 2 / tau
        let rate = try #require(row.number(Columns.trueHeraldRate))
        // A true herald also needs every other detector window free of noise (dark counts and the
        // converters' 60 s⁻¹ within the SNSPD window): a factor just below 1 (≈ 1 − 3·10⁻⁵ here).
        #expect(rate <= expected && (expected - rate) / expected < 1e-4, "\(rate) vs \(expected)")
        let points: Int = 2 * 2 * 120
        #expect(run.table.rows.count == points)
    }

    /// At the crossover the two schemes' distillable rates are equal.
    func crossoverEqualRates(_ run: StudyRun) throws {
        for split in PhotonLossStudy.Split.allCases {
            var p = PhotonLossStudy.Parameters()
            p.split = split
            let loss = try derived(run, "crossoverLoss\(split.key)").value
            let sc = try PhotonLossStudy.bestDistillableRate(p, lossDB: loss, scheme: .singleClick)
            let tp = try PhotonLossStudy.bestDistillableRate(p, lossDB: loss, scheme: .twoPhoton)
            #expect(abs(sc - tp) / tp < 1e-5, "\(split): \(sc) vs \(tp)")
            // Below the crossover two-photon wins, above it single-click.
            let belowTP = try PhotonLossStudy.bestDistillableRate(p, lossDB: loss - 1, scheme: .twoPhoton)
            let belowSC = try PhotonLossStudy.bestDistillableRate(p, lossDB: loss - 1, scheme: .singleClick)
            let aboveTP = try PhotonLossStudy.bestDistillableRate(p, lossDB: loss + 1, scheme: .twoPhoton)
            let aboveSC = try PhotonLossStudy.bestDistillableRate(p, lossDB: loss + 1, scheme: .singleClick)
            #expect(belowTP > belowSC)
            #expect(aboveSC > aboveTP)
        }
    }

    @Test("Brent's α beats a brute-force α scan")
    func alphaOptimum() throws {
        let p = PhotonLossStudy.Parameters()
        for loss in [5.0, 15.0, 25.0] {
            let alpha = try #require(try PhotonLossStudy.optimalAlpha(p, lossDB: loss))
            let best = try PhotonLossStudy.link(p, lossDB: loss, scheme: .singleClick, alpha: alpha).hashingRateHz
            for k in 0...400 {
                let a = pow(10, -6 + (log10(0.5) + 6) * Double(k) / 400)
                let r = try PhotonLossStudy.link(p, lossDB: loss, scheme: .singleClick, alpha: a).hashingRateHz
                #expect(r <= best * (1 + 1e-9))
            }
        }
    }

    @Test("the preset split reproduces the preset's stage losses: 21.59 + 2.44 + 0.09 + 0.46 dB")
    func presetBudget() throws {
        let losses = try PhotonLossStudy.presetStageLosses(lengthKm: 1)
        // Rb collection 0.00693 (calibrated to van Leent 2022), QFC 0.57, 0.5 km at 0.18 dB/km, SNSPD 0.90.
        let expected = [-10 * log10(0.00693), -10 * log10(0.57), 0.18 * 0.5, -10 * log10(0.9)]
        for (a, b) in zip(losses, expected) { #expect(abs(a - b) < 1e-9) }
        // An arm built from the split at the preset's total has the preset's efficiency.
        var p = PhotonLossStudy.Parameters()
        p.split = .preset
        let arm = try PhotonLossStudy.link(p, lossDB: expected.reduce(0, +), scheme: .twoPhoton).armA
        let efficiency: Double = 0.00693 * 0.57 * pow(10, -0.009) * 0.9
        #expect(abs(arm.endToEndEfficiency - efficiency) < 1e-12)
    }
}
