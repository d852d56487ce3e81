import Foundation
import Interlink
import Testing
@testable import Studies

private typealias Columns = LinkBudgetStudy.Columns

/// One run shared by every test of the suite (the study is deterministic).
enum LinkBudgetFixture {
    static let run = Task { () throws -> StudyRun in
        let options = RunOptions(jobs: 2, cacheDirectory: nil)
        return try await StudyRunner(options: options).run(LinkBudgetStudy())
    }
}

@Suite("link-budget study")
struct LinkBudgetStudyTests {
    func run() async throws -> StudyRun {
        try await LinkBudgetFixture.run.value
    }

    func derived(_ run: StudyRun, _ name: String) throws -> Metric {
        try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    /// (1 − p_dA)²(1 − p_dB)²: both time bins free of dark clicks on the detector the photon missed,
    /// p_d = 1 − exp(−R_dark·τ) from each preset's detector (Barrett–Kok, number-resolving).
    func quiet(_ a: DetectorStage, _ b: DetectorStage) -> Double {
        func pd(_ d: DetectorStage) -> Double { 1 - exp(-d.darkCountRateHz * d.windowSeconds) }
        return pow(1 - pd(a), 2) * pow(1 - pd(b), 2)
    }

    func detector(_ preset: String) throws -> DetectorStage { try ModalityPreset.arm(named: preset).detector }

    func row(_ run: StudyRun, _ route: LinkBudgetStudy.Route, _ length: Double) throws -> ResultTable.Row {
        try #require(run.table.rows.first { $0.parameters["route"] == .string(route.rawValue) && $0.number(Columns.lengthKm) == length })
    }

    @Test("the relay's per-round delivery probability falls by about half the 1350 nm fiber loss")
    func relayHalvesAttenuation() async throws {
        let run = try await run()
        // Each photon crosses a quarter of the fiber; both links of L/2 must succeed, so for small
        // per-link p the delivery probability per round ≈ 2p/3 ∝ 10^(−0.33·(L/2)/10): 0.165 dB/km.
        // Slope of 10·log10(p) between the first and last swept lengths above 50 km (no fit in the study).
        let relay = run.table.rows.filter { $0.parameters["route"] == .string("ion-ion-siv-relay-1350nm") && ($0.number(Columns.lengthKm) ?? 0) > 50 }
            .sorted { ($0.number(Columns.lengthKm) ?? 0) < ($1.number(Columns.lengthKm) ?? 0) }
        let first = try #require(relay.first), last = try #require(relay.last)
        let l1 = try #require(first.number(Columns.lengthKm)), l2 = try #require(last.number(Columns.lengthKm))
        let near = try #require(first.number(Columns.trueHeraldProbability)), far = try #require(last.number(Columns.trueHeraldProbability))
        let slope = -10 * (log10(far) - log10(near)) / (l2 - l1)
        #expect(abs(slope - 0.165) / 0.165 < 0.02, "\(slope)")
    }

    @Test("at zero length the links reproduce hand calculations")
    func zeroLength() async throws {
        let run = try await run()
        // Sr⁺ 422 nm: per-photon η = collection 0.06 × APD 0.35 = 0.021; p_true = η²/2 = 2.205e-4;
        // attempt period 1.2 µs (node cycle) -> rate = 2.205e-4 / 1.2e-6 = 183.75 s⁻¹.
        // A true herald also needs the other detector of each time bin quiet (number-resolving
        // detectors): a factor (1 − p_d)⁴ with p_d = 1 − exp(−R_dark·τ) per detector window.
        let rate = try #require(try row(run, .native422, 0).number(Columns.trueHeraldRate))
        #expect(abs(rate - 0.021 * 0.021 / 2 * quiet(try detector("ion.sr88.422"), try detector("ion.sr88.422")) / 1.2e-6) / rate < 1e-9)
        // Ba⁺ (0.10 × QFC 0.19 × NIR APD 0.70 = 0.0133) with Rb (collection 0.00693, calibrated to van
        // Leent 2022, × 0.70 = 0.004851): p_true = η_Aη_B/2 = 3.226e-5, period = the slower node's 2 µs.
        let ionAtom = try #require(try row(run, .ionAtom780, 0).number(Columns.trueHeraldRate))
        #expect(abs(ionAtom - 0.0133 * 0.00693 * 0.70 / 2 * quiet(.siliconAPDNearInfrared, try detector("atom.rb87.780")) / 2e-6) / ionAtom < 1e-9)
        // Sr⁺ (21.5 MHz) and Rb (6.07 MHz) photons: M = 4Γ₁Γ₂/(Γ₁ + Γ₂)² = 0.68680, a true herald has
        // F₀ = (1 + 0.88·M)/2 = 0.80219; a false herald (dark count or converter noise) carries the
        // maximally mixed state, F = 1/4. With the calibrated Rb arm false heralds are no longer rare:
        // F ≈ (p_true·F₀ + p_false/4)/p_total from the row's herald probabilities.
        let m = 4 * 21.5 * 6.07 / ((21.5 + 6.07) * (21.5 + 6.07))
        let r = try row(run, .ionAtom1550, 0)
        let f = try #require(r.number(Columns.fidelity))
        let pTrue = try #require(r.number(Columns.trueHeraldProbability)), pTotal = try #require(r.number(Columns.totalHeraldProbability))
        let mixed = (pTrue * (1 + 0.88 * m) / 2 + (pTotal - pTrue) / 4) / pTotal
        #expect(f <= (1 + 0.88 * m) / 2 && abs(f - mixed) < 2e-3, "\(f) vs \(mixed)")
    }

    @Test("every 1 ebit/s length matches an independent bisection of the model's distillable rate, inside the sweep")
    func oneEbitPerSecond() async throws {
        let run = try await run()
        let base = LinkBudgetStudy().base
        for route in LinkBudgetStudy.Route.allCases {
            // Plain bisection on the model's distillable rate over the swept 0–200 km (not Brent).
            func rate(_ l: Double) throws -> Double { try LinkBudgetStudy.evaluate(route, base, lengthKm: l).distillableRate }
            let metric = run.derived.flatMap(\.metrics).first { $0.name == "distanceEbit_\(route.slug)" }
            guard try rate(0) > 1, try rate(200) < 1 else {
                #expect(metric == nil, "\(route): no length may be quoted outside the sweep or for a route that never distils 1 ebit/s")
                continue
            }
            var lo = 0.0, hi = 200.0
            for _ in 0..<100 {
                let mid = (lo + hi) / 2
                if try rate(mid) > 1 { lo = mid } else { hi = mid }
            }
            let d = try #require(metric).value
            #expect(abs(d - lo) < 1e-6, "\(route): \(d) vs \(lo)")
        }
        // The 422 nm length against the hand formula: rate(L) = η²/2·10^(−3L)·(quiet)/τ(L) × (1 − H),
        // with the 422 nm pair's hashing yield held at its 0 km value. Dark counts only lower the yield
        // with length, so the hand root is an upper bound, and the yield's fall moves the length by
        // less than a tenth.
        let q = quiet(try detector("ion.sr88.422"), try detector("ion.sr88.422"))
        let zero = try row(run, .native422, 0)
        let yield = try #require(zero.number(Columns.distillableRate)) / (try #require(zero.number(Columns.trueHeraldRate)))
        func handRate(_ l: Double) -> Double {
            let tau = max(1.2e-6, l * 1.47 / 299_792.458)
            return 2.205e-4 * q * pow(10, -3 * l) / tau * yield
        }
        var lo = 0.0, hi = 5.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if handRate(mid) > 1 { lo = mid } else { hi = mid }
        }
        let d422 = try derived(run, "distanceEbit_422").value
        #expect(d422 <= lo + 1e-9 && d422 > 0.9 * lo, "\(d422) vs hand bound \(lo)")
        #expect(try derived(run, "distanceEbit_1550").value > 10 * lo)
    }

    @Test("no headline is computed for pairs with F ≤ 1/2: every 1 ebit/s length has its pairs above the hashing threshold")
    func headlinesAboveHalf() async throws {
        let run = try await run()
        let base = LinkBudgetStudy().base
        let metrics = run.derived.flatMap(\.metrics)
        let lengths = metrics.filter { $0.name.hasPrefix("distanceEbit_") && !$0.name.hasSuffix("_low") && !$0.name.hasSuffix("_high") }
        #expect(lengths.count >= 4)
        for metric in lengths {
            let slug = String(metric.name.dropFirst("distanceEbit_".count))
            let route = try #require(LinkBudgetStudy.Route.allCases.first { $0.slug == slug })
            // The input of the finding: the model at the quoted length.
            let e = try LinkBudgetStudy.evaluate(route, base, lengthKm: metric.value)
            #expect(e.fidelity > 0.5 && e.distillableRate > 0, "\(route) at \(metric.value) km: F = \(e.fidelity)")
            #expect(try derived(run, "fidelityAtEbit_\(slug)").value > 0.5)
            #expect(metric.value <= LinkBudgetStudy.sweepMaximumKm)
        }
        // The superconducting pairings and the relay deliver pairs that never distil: nothing is quoted for them.
        for route in [LinkBudgetStudy.Route.scSc1550, .ionSc1550, .atomSc1550, .ionIonRelay1350] {
            #expect(!metrics.contains { $0.name == "distanceEbit_\(route.slug)" })
            for r in run.table.rows where r.parameters["route"] == .string(route.rawValue) {
                #expect(r.number(Columns.distillableRate) == 0 || (r.number(Columns.fidelity) ?? 0) > 0.5)
            }
        }
    }

    @Test("the CSV keeps true-herald, total-herald and distillable rates apart; only the distillable rate is bounded by PLOB")
    func belowBound() async throws {
        let run = try await run()
        for row in run.table.rows {
            let total = try #require(row.number(Columns.totalHeraldRate)), truth = try #require(row.number(Columns.trueHeraldRate))
            let distillable = try #require(row.number(Columns.distillableRate)), bound = try #require(row.number(Columns.plobBound))
            #expect(truth <= total * (1 + 1e-12))
            #expect(distillable <= truth * (1 + 1e-12))
            #expect(distillable <= bound, "\(row.parameters)")
            // A pair at or below F = 1/2 distils nothing (Bell-diagonal: separable).
            if (row.number(Columns.fidelity) ?? 1) <= 0.5 { #expect(distillable == 0) }
        }
        #expect(run.table.metricColumns.contains { $0.name == "distillableRate" && $0.unit == "ebit/s" })
        #expect(!run.table.metricColumns.contains { $0.name == "rate" || $0.name == "trueRate" })
        // The relay never distils inside the sweep, so no "beats PLOB" length exists.
        #expect(try derived(run, "relayDistillableMax").value == 0)
        #expect(try derived(run, "distillableOverPlobMax").value < 1)
        #expect(!run.derived.flatMap(\.metrics).contains { $0.name == "relayBeatsPlobKm" })
    }

    @Test("the published experiments: the Sr⁺ preset reproduces Stephenson et al. 2020 within 1 % in rate and 0.005 in F")
    func experiments() throws {
        let stephenson = try #require(PublishedLink.all.first { $0.citation == "stephenson2020" })
        let e = try LinkBudgetStudy.evaluate(.native422, LinkBudgetStudy().base, lengthKm: stephenson.lengthKm)
        #expect(abs(e.trueHeraldRate - 182) / 182 < 0.01)
        #expect(abs(e.fidelity - 0.94) < 0.005)
        // Every drawn experiment has a reference in the bibliography.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates/references.json")
        let references = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        for experiment in PublishedLink.all { #expect(references[experiment.citation] != nil, "\(experiment.citation)") }
    }
}
