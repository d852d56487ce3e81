import Foundation
import Interlink
import Testing
@testable import Studies

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
        try #require(run.table.rows.first { $0.parameters["route"] == .string(route.rawValue) && $0.number("lengthKm") == length })
    }

    @Test("the weighted fit recovers the fiber attenuation put into the model, within its standard error")
    func fitRecoversAttenuation() async throws {
        let run = try await run()
        // Put in: 30 dB/km at 422 nm (preset table, labelled assumption), 0.18 dB/km at 1500–1625 nm
        // (parameters.md: Corning, typical), 3.5 dB/km at 780 nm (secondary, midpoint of 3–4).
        // Total length L, so a two-photon link's true-herald probability falls as 10^(−α·L/10).
        let expected: [(String, Double)] = [
            ("attenuation_422", 30), ("attenuation_1550", 0.18), ("attenuation_atomAtom780", 3.5),
            ("attenuation_atomAtom1522", 0.18), ("attenuation_ionAtom780", 3.5),
            ("attenuation_ionAtom1550", 0.18),
        ]
        for (name, alpha) in expected {
            let fit = try derived(run, name)
            let se = try #require(fit.uncertainty)
            #expect(se > 0)
            #expect(abs(fit.value - alpha) <= se, "\(name): \(fit.value) ± \(se) vs \(alpha)")
        }
        // Routes with a transducer: its noise per temporal mode makes false heralds at least half of all
        // heralds at all but at most two lengths, so no fit is made (and none is quoted).
        for route in [LinkBudgetStudy.Route.scSc1550, .ionSc1550, .atomSc1550] {
            let sc = run.table.rows.filter { $0.parameters["route"] == .string(route.rawValue) }
            let dominated = sc.filter { row in (row.number("trueRate") ?? 0) > 0.5 * (row.number("rate") ?? 0) }
            #expect(dominated.count < 3, "\(route)")
            #expect(run.derived.flatMap(\.metrics).first { $0.name == "attenuation_\(route.slug)" } == nil)
        }
        // The 422 nm fit uses only the few short lengths where true heralds dominate.
        #expect(try derived(run, "fitPoints_422").value >= 3)
    }

    @Test("the relay's per-round delivery probability falls by about half the 1350 nm fiber loss")
    func relayHalvesAttenuation() async throws {
        let run = try await run()
        // Each photon crosses a quarter of the fiber; both links of L/2 must succeed, so for small
        // per-link p the delivery probability per round ≈ 2p/3 ∝ 10^(−0.33·(L/2)/10): 0.165 dB/km.
        let fit = try derived(run, "attenuation_ionIonRelay1350")
        #expect(abs(fit.value - 0.165) / 0.165 < 0.02, "\(fit.value)")
    }

    @Test("at zero length the links reproduce hand calculations")
    func zeroLength() async throws {
        let run = try await run()
        // Sr⁺ 422 nm: per-photon η = collection 0.06 × APD 0.35 = 0.021; p_true = η²/2 = 2.205e-4;
        // attempt period 1.2 µs (node cycle) -> rate = 2.205e-4 / 1.2e-6 = 183.75 s⁻¹.
        // A true herald also needs the other detector of each time bin quiet (number-resolving
        // detectors): a factor (1 − p_d)⁴ with p_d = 1 − exp(−R_dark·τ) per detector window.
        let rate = try #require(try row(run, .native422, 0).number("trueRate"))
        #expect(abs(rate - 0.021 * 0.021 / 2 * quiet(try detector("ion.sr88.422"), try detector("ion.sr88.422")) / 1.2e-6) / rate < 1e-9)
        // Ba⁺ (0.10 × QFC 0.19 × NIR APD 0.70 = 0.0133) with Rb (0.10 × 0.70 = 0.07): p_true = η_Aη_B/2
        // = 4.655e-4, period = the slower node's 2 µs -> 232.75 s⁻¹.
        let ionAtom = try #require(try row(run, .ionAtom780, 0).number("trueRate"))
        #expect(abs(ionAtom - 0.0133 * 0.07 / 2 * quiet(.siliconAPDNearInfrared, try detector("atom.rb87.780")) / 2e-6) / ionAtom < 1e-9)
        // Sr⁺ (21.5 MHz) and Rb (6.07 MHz) photons: M = 4Γ₁Γ₂/(Γ₁ + Γ₂)² = 0.68680, F ≈ (1 + 0.88·M)/2
        // = 0.80219 (dark counts and converter noise lower it slightly).
        let m = 4 * 21.5 * 6.07 / ((21.5 + 6.07) * (21.5 + 6.07))
        let f = try #require(try row(run, .ionAtom1550, 0).number("fidelity"))
        #expect(f <= (1 + 0.88 * m) / 2 && f > (1 + 0.88 * m) / 2 - 2e-3, "\(f)")
    }

    @Test("the 1 pair/s distance of the 422 nm link matches a bisection of the hand formula")
    func onePairPerSecond() async throws {
        let run = try await run()
        // rate(L) = 2.205e-4 · 10^(−3L) / τ(L), τ = max(1.2 µs, round trip 2·(L/2)·1.47/c).
        let q = quiet(try detector("ion.sr88.422"), try detector("ion.sr88.422"))
        func rate(_ l: Double) -> Double {
            let tau = max(1.2e-6, l * 1.47 / 299_792.458)
            return 2.205e-4 * q * pow(10, -3 * l) / tau
        }
        var lo = 0.0, hi = 5.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if rate(mid) > 1 { lo = mid } else { hi = mid }
        }
        let d = try derived(run, "distance1Hz_422").value
        #expect(abs(d - lo) < 1e-6, "\(d) vs \(lo)")
        // Converted links reach further than native ones.
        #expect(try derived(run, "distance1Hz_1550").value > 10 * d)
    }

    @Test("no direct link exceeds the PLOB bound at the same attempt rate")
    func belowBound() async throws {
        let run = try await run()
        for row in run.table.rows where row.parameters["route"] != .string(LinkBudgetStudy.Route.ionIonRelay1350.rawValue) {
            let rate = try #require(row.number("trueRate")), bound = try #require(row.number("plobBound"))
            #expect(rate <= bound)
        }
        // The relay beats the repeaterless bound of its own fiber only far out (beyond the plotted 200 km).
        #expect(try derived(run, "relayBeatsPlobKm").value > 200)
    }
}
