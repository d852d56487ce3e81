import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = ModeMatchingStudy.Columns

@Suite("mode-matching study")
struct ModeMatchingStudyTests {
    func run() async throws -> StudyRun {
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(ModeMatchingStudy())
    }

    func derived(_ run: StudyRun, _ name: String) throws -> Metric {
        try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    @Test("map point by hand: ν₂/ν₁ = 3, Δ/ν₁ = 1 gives M = 4·1·3/((1 + 3)² + 4·1²) = 12/20 = 0.6 and F = 0.8")
    func mapByHand() throws {
        var p = ModeMatchingStudy.Parameters()
        p.part = .map
        p.linewidthRatio = 3
        p.detuningRatio = 1
        let metrics = try ModeMatchingStudy.metrics(p)
        let m = try #require(metrics.first { $0.name == "modeOverlap" }).value
        let f = try #require(metrics.first { $0.name == "fidelity" }).value
        #expect(abs(m - 0.6) < 1e-12)
        #expect(abs(f - 0.8) < 1e-12)
    }

    @Test("one run: ratio for M = 0.9 is the root of 0.9r² − 2.2r + 0.9 = 0; F = (1 + V)/2 along the cuts")
    func studyRun() async throws {
        let run = try await run()
        try ratioForOverlap90(run)
        try fidelityFromVisibility(run)
        try halfOverlapByBisection(run)
        try headlinesAboveHalf(run)
        try threeDigits(run)
        try whatToBuildClaims(run)
    }

    /// Non-headline numbers reach the report at 3 significant digits, written out by hand from the derived
    /// value: 4.2984 → "4.30", and the Sr⁺–transducer gain ratio (no longer a headline) 82.8; a headline keeps
    /// the digits its interval justifies ("0.05 ± 0.03").
    func threeDigits(_ run: StudyRun) throws {
        let context = try ReportContext.make(for: run)
        let gain = try derived(run, "meritGainAtomTransducer").value
        #expect(context["numbers"]?["meritGainAtomTransducer"] == .text(String(format: "%.2f", gain)))
        let ratio = try derived(run, "meritGainIonTransducer")
        #expect(ratio.uncertainty == nil)
        #expect(context["numbers"]?["meritGainIonTransducer"] == .text(String(format: "%.1f", ratio.value)))
        let headline = try derived(run, "optimumMeritIonTransducer")
        #expect(headline.uncertainty != nil)
        #expect(context["numbers"]?["optimumMeritIonTransducer"] == .text(UncertainValueFormatter().string(headline.value,
                                                                                                           uncertainty: headline.uncertainty)))
    }

    /// The Sr⁺–Rb half-overlap detuning: a bisection of the closed form M(Δ) = 4ν₁ν₂/((ν₁ + ν₂)² + 4Δ²)
    /// for M(Δ) = M(0)/2 (whose exact root is (ν₁ + ν₂)/2 = 13.785 MHz), against the study's Brent root.
    func halfOverlapByBisection(_ run: StudyRun) throws {
        let n1 = 21.5, n2 = 6.07
        func m(_ d: Double) -> Double { 4 * n1 * n2 / ((n1 + n2) * (n1 + n2) + 4 * d * d) }
        var lo = 0.0, hi = 100.0
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if m(mid) > m(0) / 2 { lo = mid } else { hi = mid }
        }
        let d = try derived(run, "halfOverlapDetuningIonAtom")
        #expect(abs(d.value - lo) < 1e-6 && abs(lo - 13.785) < 1e-9)
        // Its interval brackets it and its ± is half the interval.
        let low = try derived(run, "halfOverlapDetuningIonAtom_low").value
        let high = try derived(run, "halfOverlapDetuningIonAtom_high").value
        #expect(low < d.value && d.value < high && abs((d.uncertainty ?? 0) - (high - low) / 2) < 1e-12)
    }

    /// No headline is computed for pairs with F ≤ 1/2: the unfiltered Sr⁺–transducer pair (the gain ratio's
    /// denominator, now only a remark) and the filtered pair are above F = 1/2 at the nominal point and at both
    /// ends of every input's range.
    func headlinesAboveHalf(_ run: StudyRun) throws {
        #expect(try derived(run, "fidelityUnfilteredIonTransducer").value > 0.5)
        #expect(try derived(run, "optimumFidelityIonTransducer").value > 0.5)
        for parameter in ModeMatchingStudy.uncertainParameters {
            for u in [0.05, 0.95] {
                var p = ModeMatchingStudy.Parameters()
                try parameter.apply(u, to: &p)
                let m = try ModeMatchingStudy.unfilteredOverlap(.ionTransducer, p)
                #expect((1 + m) / 2 > 0.5, "\(parameter.field) at \(u)")
            }
        }
    }

    /// The linewidth ratio for M = 0.9 is r = (2.2 + √1.6)/1.8.
    func ratioForOverlap90(_ run: StudyRun) throws {
        let r = try derived(run, "ratioForOverlap90").value
        let expected: Double = (2.2 + 1.6.squareRoot()) / 1.8
        #expect(abs(r - expected) < 1e-5)
        // map, detuning cuts, filter scans, window scans, jitter scans, cavity and shaped-transmon scans.
        let points: Int = 49 * 41 + 3 * 61 + 3 * 106 + 3 * 85 + 3 * 41 + 81 + 81
        #expect(run.table.rows.count == points)
        #expect(run.figures.count == 5)
    }

    @Test("a Lorentzian filter of FWHM equal to the photon's transmits 1/2; a very wide filter leaves the bare overlap")
    func filterLimits() throws {
        let atFWHM = try ModeMatchingStudy.filtered(.ionAtom, bandwidthMHz: 21.5, ModeMatchingStudy.Parameters())
        #expect(abs(atFWHM.transmission - 0.5) < 1e-12)
        // Bare Sr⁺ (21.5 MHz) and Rb (6.07 MHz): M = 4·21.5·6.07/27.57² = 522.02/760.1049.
        let wide = try ModeMatchingStudy.filtered(.ionAtom, bandwidthMHz: 1e7, ModeMatchingStudy.Parameters())
        let bare: Double = 522.02 / 760.1049
        #expect(abs(wide.overlap - bare) < 1e-4)
    }

    @Test("the transducer-filtered overlap of the Sr⁺ and transmon photons matches a brute-force integral")
    func bruteForceOverlap() throws {
        // A(ω) = γa/(γa − iω); B(ω) = γ1/(γ1 − iω) · γf/(γf − iω), half-widths π·FWHM (rad/µs).
        let ga = Double.pi * 21.5, g1 = Double.pi * 1, gf = Double.pi * 14.8
        var re = 0.0, im = 0.0, na = 0.0, nb = 0.0
        let step = 0.05
        var w = -40000.0
        while w <= 40000 {
            // A = ga(ga + iω)/(ga² + ω²); B = product of two such factors.
            let ar = ga * ga / (ga * ga + w * w), ai = ga * w / (ga * ga + w * w)
            let b1r = g1 * g1 / (g1 * g1 + w * w), b1i = g1 * w / (g1 * g1 + w * w)
            let bfr = gf * gf / (gf * gf + w * w), bfi = gf * w / (gf * gf + w * w)
            let br = b1r * bfr - b1i * bfi, bi = b1r * bfi + b1i * bfr
            re += (ar * br + ai * bi) * step   // Re(A* B)
            im += (ar * bi - ai * br) * step   // Im(A* B)
            na += (ar * ar + ai * ai) * step
            nb += (br * br + bi * bi) * step
            w += step
        }
        let numeric = (re * re + im * im) / (na * nb)
        let study = try ModeMatchingStudy.modes(.ionTransducer, ModeMatchingStudy.Parameters())
        let m = study.broad.overlap(with: study.narrow)
        #expect(abs(m - numeric) < 1e-3, "residues \(m) vs brute force \(numeric)")
    }

    @Test("the minimiser's optimum filter beats every bandwidth of a fine brute-force scan; Sr⁺–Rb has no interior optimum")
    func optimumByBruteForce() throws {
        for pair in ModeMatchingStudy.Pair.allCases {
            let opt = try ModeMatchingStudy.optimumFilter(pair, ModeMatchingStudy.Parameters())
            let best = try ModeMatchingStudy.filtered(pair, bandwidthMHz: opt.bandwidthMHz, ModeMatchingStudy.Parameters()).merit
            var scanMax = 0.0
            for k in 0...1000 {
                let b = pow(10, log10(0.05) + (log10(1e4) - log10(0.05)) * Double(k) / 1000)
                scanMax = max(scanMax, try ModeMatchingStudy.filtered(pair, bandwidthMHz: b, ModeMatchingStudy.Parameters()).merit)
            }
            #expect(best >= scanMax - 1e-9, "\(pair): optimum \(best) < scan \(scanMax)")
            #expect(opt.interior == (pair != .ionAtom))
        }
    }

    @Test("Sr⁺–Rb has no filter as its optimum, and the optimum reports the unfiltered pair (T = 1, bare overlap)")
    func noFilterOptimum() throws {
        let p = ModeMatchingStudy.Parameters()
        let (opt, best) = try ModeMatchingStudy.atOptimum(.ionAtom, p)
        #expect(!opt.interior)
        // Bare Sr⁺ (21.5 MHz) and Rb (6.07 MHz) at zero detuning: M = 4·21.5·6.07/27.57² = 522.02/760.1049.
        let bare: Double = 522.02 / 760.1049
        #expect(best.transmission == 1)
        #expect(abs(best.overlap - bare) < 1e-4)
        #expect(abs(best.fidelity - (1 + best.overlap) / 2) < 1e-12)
        // No filter beats every scanned bandwidth, the widest (10⁴ MHz, T = 10⁴/(10⁴ + 21.5)) included.
        let widest = try ModeMatchingStudy.filtered(.ionAtom, bandwidthMHz: 1e4, p)
        #expect(abs(widest.transmission - 1e4 / (1e4 + 21.5)) < 1e-12)
        for k in 0...200 {
            let b = pow(10, log10(0.05) + (log10(1e4) - log10(0.05)) * Double(k) / 200)
            #expect(try ModeMatchingStudy.filtered(.ionAtom, bandwidthMHz: b, p).merit < best.merit)
        }
        // Pairs with an interior optimum report the filtered photon.
        let (filter, trade) = try ModeMatchingStudy.atOptimum(.ionTransducer, p)
        #expect(filter.interior && trade.transmission < 1)
        #expect(abs(trade.transmission - filter.bandwidthMHz / (21.5 + filter.bandwidthMHz)) < 1e-12)
    }

    /// Heralded fidelity is (1 + V)/2 along the detuning cuts.
    func fidelityFromVisibility(_ run: StudyRun) throws {
        let cuts = run.table.filter { $0.parameters["part"] == .string("detuning") }
        for row in cuts.rows {
            let v = try #require(row.number(Columns.visibility)), f = try #require(row.number(Columns.fidelity))
            #expect(abs(f - (1 + v) / 2) < 1e-12)
        }
    }
}
