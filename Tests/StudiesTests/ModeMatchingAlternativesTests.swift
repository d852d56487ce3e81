import Foundation
import Interlink
import Testing
@testable import Studies

private typealias MM = ModeMatchingStudy

/// The alternatives to filtering (time-resolved window, cavity Ca⁺ photon, shaped transmon photon), the
/// per-second comparison and the filter-scan band, each against an independent scan or hand calculation.
@Suite("mode-matching study: alternatives to filtering")
struct ModeMatchingAlternativesTests {
    let p = ModeMatchingStudy.Parameters()

    /// n + 1 log-spaced points from `low` through `high`.
    func scan(_ low: Double, _ high: Double, _ n: Int) -> [Double] {
        (0...n).map { pow(10, log10(low) + (log10(high) - log10(low)) * Double($0) / Double(n)) }
    }

    @Test("the optimum window of every pair beats a fine independent scan of the window, and lies inside the scan range")
    func optimumWindowByScan() throws {
        for pair in MM.Pair.allCases {
            let o = try MM.optimumWindow(pair, jitterNs: MM.stationJitterNs, p)
            #expect(o.window.interior)
            var best = (merit: 0.0, window: 0.0)
            for w in scan(MM.windowRange.low, MM.windowRange.high, 2000) {
                let m = try MM.windowed(pair, windowNs: w, jitterNs: MM.stationJitterNs, p).merit
                if m > best.merit { best = (m, w) }
            }
            #expect(o.trade.merit >= best.merit - 1e-9, "\(pair): Brent \(o.trade.merit) < scan \(best.merit)")
            // The scan's best window is within one grid step (0.3 %) of Brent's, or the optimum is flat there.
            #expect(abs(log10(best.window / o.window.ns)) < 0.01, "\(pair): scan \(best.window) vs \(o.window.ns)")
        }
    }

    @Test("the window beats no filter for Sr⁺–Rb and loses to the optimum filter for the transducer pairs (independent scans)")
    func windowAgainstFilter() throws {
        // Best filter by an independent scan (no filter included as T = 1 at the bare overlap).
        for pair in MM.Pair.allCases {
            var filterBest = try MM.heraldedState(visibility: MM.unfilteredOverlap(pair, p)).hashingYield
            for b in scan(MM.filterRange.low, MM.filterRange.high, 1000) {
                filterBest = max(filterBest, try MM.filtered(pair, bandwidthMHz: b, p).merit)
            }
            var windowBest = 0.0
            for w in scan(MM.windowRange.low, MM.windowRange.high, 1000) {
                windowBest = max(windowBest, try MM.windowed(pair, windowNs: w, jitterNs: MM.stationJitterNs, p).merit)
            }
            #expect((windowBest > filterBest) == (pair == .ionAtom), "\(pair): window \(windowBest), filter \(filterBest)")
        }
    }

    @Test("detuned Sr⁺–Rb: the study's best window beats a fine independent scan, and every herald kept gives (1 + M(Δ))/2")
    func detunedWindowByScan() throws {
        var best = 0.0
        for w in scan(MM.windowRange.low, MM.windowRange.high, 2000) { best = max(best, try MM.detunedIonAtom(windowNs: w, p).merit) }
        let found = try MM.maximiseOnLogScale(low: MM.windowRange.low, high: MM.windowRange.high) { try MM.detunedIonAtom(windowNs: $0, p).merit }
        #expect(found.interior)
        #expect(try MM.detunedIonAtom(windowNs: found.x, p).merit >= best - 1e-9)
        // Every herald kept: M at the half-overlap detuning is half the bare overlap 4·21.5·6.07/27.57² (preset widths).
        let open = try MM.detunedIonAtom(windowNs: .infinity, p)
        let bare = 4 * 21.5 * 6.07 / (27.57 * 27.57)
        #expect(abs(open.fidelity - (1 + bare / 2) / 2) < 1e-6)
    }

    @Test("cavity Ca⁺ attempt time by hand: T(ν) = 70 µs + 30 µs·0.03/ν")
    func cavityAttemptTime() {
        #expect(abs(MM.cavityAttemptSeconds(linewidthMHz: 0.03) - 100e-6) < 1e-15)
        #expect(abs(MM.cavityAttemptSeconds(linewidthMHz: 0.3) - 73e-6) < 1e-15)
        #expect(abs(MM.cavityAttemptSeconds(linewidthMHz: 3) - 70.3e-6) < 1e-15)
    }

    @Test("herald probability and attempt time of the Sr⁺–transducer presets by hand")
    func presetRates() throws {
        let sr = ModalityPreset.arm(.strontium422), tr = ModalityPreset.arm(.transmonElectroOptic)
        // Sr⁺: collection 0.06 × APD 0.35. Transmon: collection 0.9 × η_t 0.087 × band 14.8/(1 + 14.8) × SNSPD 0.9.
        let etaSr = 0.06 * 0.35, etaTr = 0.9 * 0.087 * (14.8 / 15.8) * 0.9
        #expect(abs(try MM.heraldProbability(sr, tr) - etaSr * etaTr / 2) < 1e-12)
        // Node cycles 1.2 µs and 1 µs, but the transducer repeats at most at 100 kHz: 10 µs.
        #expect(abs(try MM.attemptSeconds(sr, tr) - 10e-6) < 1e-15)
    }

    @Test("the cavity Ca⁺ optimum (per second) and the shaped-transmon optimum (per pair) beat fine independent scans")
    func shapingOptimaByScan() throws {
        let c = try MM.optimumCavity(p)
        #expect(c.interior)
        let atC = try MM.cavity(linewidthMHz: c.linewidthMHz, p).perSecond
        for nu in scan(MM.cavityRange.low, MM.cavityRange.high, 1000) {
            #expect(try MM.cavity(linewidthMHz: nu, p).perSecond <= atC + 1e-12)
        }
        // The overlap-optimal exponential (a separate scan of the residue overlap) lies within 5 % of it: the
        // attempt time is nearly flat there (70 µs overhead).
        var bestM = (m: 0.0, nu: 0.0)
        let transmon = try MM.transducedTransmon(p)
        for nu in scan(0.1, 10, 4000) {
            let m = SpectralMode(linewidthMHz: nu).overlap(with: transmon)
            if m > bestM.m { bestM = (m, nu) }
        }
        #expect(abs(bestM.nu / c.linewidthMHz - 1) < 0.05, "overlap optimum \(bestM.nu) vs rate optimum \(c.linewidthMHz)")
        let s = try MM.optimumShapedTransmon(p)
        #expect(s.interior)
        let atS = try MM.shapedTransmon(linewidthMHz: s.linewidthMHz, p).merit
        for nu in scan(MM.shapedTransmonRange.low, MM.shapedTransmonRange.high, 1000) {
            #expect(try MM.shapedTransmon(linewidthMHz: nu, p).merit <= atS + 1e-12)
        }
    }

    @Test("shaped transmon: band transmission relative to the 1 MHz photon by hand, and the 1 MHz point is the unfiltered pair")
    func shapedTransmonByHand() throws {
        // ν_T = B = 14.8 MHz: T = (14.8/29.6)/(14.8/15.8) = 15.8/29.6.
        let s = try MM.shapedTransmon(linewidthMHz: 14.8, p)
        #expect(abs(s.transmission - 15.8 / 29.6) < 1e-12)
        // A very broad transmon photon becomes the band's own 14.8 MHz exponential: M → 4·21.5·14.8/36.3² (quoted in the report).
        let broad = try MM.shapedTransmon(linewidthMHz: 1e6, p)
        #expect(abs(broad.overlap - 4 * 21.5 * 14.8 / (36.3 * 36.3)) < 1e-4)
        let one = try MM.shapedTransmon(linewidthMHz: 1, p)
        #expect(abs(one.transmission - 1) < 1e-12)
        #expect(abs(one.overlap - (try MM.unfilteredOverlap(.ionTransducer, p))) < 1e-12)
    }

    @Test("per-second column: p₀ × yield per pair / attempt time, and the filter row's yield is T·(1 − H)")
    func comparisonRows() throws {
        let fixes = try MM.ionTransducerFixes(p)
        #expect(fixes.count == 5)
        let none = fixes[0], filter = fixes[1]
        #expect(none.transmission == 1 && none.attemptSeconds == 10e-6)
        let state = MM.heraldedState(visibility: filter.overlap)
        #expect(abs(filter.merit - filter.transmission * state.hashingYield) < 1e-12)
        for fix in fixes { #expect(abs(fix.perSecond - fix.heraldProbability * fix.merit / fix.attemptSeconds) < 1e-12) }
        // The Ca⁺ row uses the calibrated Ca⁺ arm: collection 0.0104 × SNSPD 0.90 at 0 km.
        let etaTr = 0.9 * 0.087 * (14.8 / 15.8) * 0.9
        #expect(abs(fixes[4].heraldProbability - 0.0104 * 0.90 * etaTr / 2) < 1e-12)
    }

    @Test("the filter-scan band is the type-7 5 %/95 % range of the yield over the headline's linewidth draws (recomputed)")
    func filterBand() throws {
        let band = try MM.filterMeritBand(p)
        #expect(band.bandwidthMHz.count == MM.filterRange.count)
        let index = 40
        let b = band.bandwidthMHz[index]
        let u = MM.headlineUncertainty
        let draws = try Propagation(u.parameters, draws: u.draws, seed: u.seed, design: .latinHypercube).samples(around: p)
        let merits = try draws.map { try MM.filtered(.ionTransducer, bandwidthMHz: b, $0).merit }.sorted()
        func type7(_ q: Double) -> Double {
            let h = Double(merits.count - 1) * q, lo = Int(h.rounded(.down))
            return merits[lo] + (h - Double(lo)) * (merits[min(lo + 1, merits.count - 1)] - merits[lo])
        }
        #expect(abs(band.low[index] - type7(0.05)) < 1e-14 && abs(band.high[index] - type7(0.95)) < 1e-14)
        #expect(zip(band.low, band.high).allSatisfy { $0 <= $1 })
    }

    @Test("bad optional inputs are rejected with their field: a negative window, a non-finite cavity linewidth")
    func badInput() {
        var q = MM.Parameters()
        q.windowNs = -1
        let rules = ModeMatchingStudy().rules
        #expect(rules.contains { rule in (try? rule.validate(q)) == nil })
        q.windowNs = nil
        q.cavityLinewidthMHz = .infinity
        #expect(rules.contains { rule in (try? rule.validate(q)) == nil })
        q.cavityLinewidthMHz = 1
        #expect(rules.allSatisfy { rule in (try? rule.validate(q)) != nil })
    }
}
