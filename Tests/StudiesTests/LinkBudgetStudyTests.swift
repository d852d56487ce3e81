import Foundation
import Interlink
import Testing
@testable import Studies

@Suite("link-budget study")
struct LinkBudgetStudyTests {
    func run() async throws -> StudyRun {
        let options = RunOptions(jobs: 2, cacheDirectory: nil, progress: .never, messages: false)
        return try await StudyRunner(options: options).run(LinkBudgetStudy())
    }

    func derived(_ run: StudyRun, _ name: String) throws -> Metric {
        try #require(run.derived.flatMap(\.metrics).first { $0.name == name })
    }

    @Test("the weighted fit recovers the fiber attenuation put into the model, within its standard error")
    func fitRecoversAttenuation() async throws {
        let run = try await run()
        // Put in: 30 dB/km at 422 nm (preset table, labelled assumption), 0.18 dB/km at 1550 nm
        // (parameters.md: Corning, typical). Total length L, so the pair's fiber loss is α·L.
        for (name, alpha) in [("attenuation_422", 30.0), ("attenuation_1550", 0.18)] {
            let fit = try derived(run, name)
            let se = try #require(fit.uncertainty)
            #expect(se > 0)
            #expect(abs(fit.value - alpha) <= se, "\(name): \(fit.value) ± \(se) vs \(alpha)")
        }
        // The 422 nm fit uses only the few short lengths where true heralds dominate.
        #expect(try derived(run, "fitPoints_422").value >= 3)
    }

    @Test("at zero length the link reproduces the Oxford numbers by hand calculation")
    func zeroLength() async throws {
        let run = try await run()
        let row = try #require(run.table.rows.first { $0.parameters["route"] == .string("native-422nm") && $0.number("lengthKm") == 0 })
        // Preset: per-photon η = collection 0.06 × APD 0.35 = 0.021; p_true = η²/2 = 2.205e-4;
        // attempt period 1.2 µs (node cycle) -> rate = 2.205e-4 / 1.2e-6 = 183.75 s⁻¹.
        let rate = try #require(row.number("trueRate"))
        #expect(abs(rate - 0.021 * 0.021 / 2 / 1.2e-6) / rate < 1e-9)
    }

    @Test("no rate exceeds the PLOB bound at the same attempt rate")
    func belowBound() async throws {
        let run = try await run()
        for row in run.table.rows {
            let rate = try #require(row.number("trueRate")), bound = try #require(row.number("plobBound"))
            #expect(rate <= bound)
        }
    }
}
